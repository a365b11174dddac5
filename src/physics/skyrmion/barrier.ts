/**
 * Energy barrier between the uniform state and the metastable skyrmion, from the multilayer energy
 * model (multilayer.ts), along the radius path of the 360-degree-wall ansatz.
 *
 * Along the path R -> E*(R) = min_w E(R, w) (E relative to the uniform state), the uniform state is
 * the limit R -> 0 (Belavin-Polyakov point, E -> 8 pi A N t minus DMI and Zeeman corrections) and the
 * metastable skyrmion is the minimum at R_min. The saddle (critical skyrmion) is the maximum of
 * E*(R) on 0 < R < R_min (Buttner, Lemesh & Beach, Sci. Rep. 8, 4464 (2018), Fig. 3: energy
 * landscape E(R) with a collapse barrier; Bernand-Mantel et al., SciPost Phys. 4, 027 (2018) for the
 * collapse saddle of the 360-degree-wall ansatz). Then
 *   nucleation barrier   E_n = E*(R_saddle)                  (uniform -> skyrmion),
 *   annihilation barrier E_a = E*(R_saddle) - E*(R_min)      (skyrmion -> uniform, collapse).
 * The ansatz restricts the path to rigid-profile shrinking, so these are upper bounds of the true
 * minimum-energy-path barriers (which can pass through the lattice-scale Bloch point).
 */
import { PhysicsError } from '../../util/errors.js';
import { ansatzEnergy, multilayerSkyrmion, type MultilayerParameters } from './multilayer.js';

export interface SkyrmionBarrier {
  /** Radius [m] and energy [J] of the metastable skyrmion. */
  minimumRadius: number;
  minimumEnergy: number;
  /** Radius [m] and energy [J] of the critical (saddle) skyrmion, relative to the uniform state. */
  saddleRadius: number;
  saddleEnergy: number;
  /** Uniform -> skyrmion barrier [J]. */
  nucleationBarrier: number;
  /** Skyrmion -> uniform barrier [J]. */
  annihilationBarrier: number;
}

/** min over the wall width of the ansatz energy at fixed radius R (golden section on ln w). */
export function energyAtRadius(p: MultilayerParameters, R: number, wLo: number, wHi: number): number {
  const f = (lw: number) => ansatzEnergy(p, R, Math.exp(lw)).total;
  let a = Math.log(wLo);
  let b = Math.log(wHi);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let it = 0; it < 14; it++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return Math.min(fc, fd);
}

/**
 * Barrier of the multilayer skyrmion at field p.B. `R0` seeds the minimisation; `points` is the
 * number of radii on the geometric grid from 1 nm to R_min (saddle refined by a parabola).
 * `minimum` passes an already minimised skyrmion of the same parameters (skips the minimisation).
 */
export function skyrmionBarrier(
  p: MultilayerParameters,
  opts: {
    R0?: number;
    points?: number;
    minimum?: { exists: boolean; reason?: string; radius: number; wallWidth: number; energy: number };
  } = {},
): SkyrmionBarrier {
  const s = opts.minimum ?? multilayerSkyrmion(p, { R0: opts.R0 ?? 100e-9 });
  if (!s.exists) throw new PhysicsError(`no metastable skyrmion at B = ${p.B} T: ${s.reason}`);
  const n = opts.points ?? 10;
  const rLo = 1e-9;
  const radii = new Float64Array(n);
  const energies = new Float64Array(n);
  let iMax = 0;
  for (let i = 0; i < n; i++) {
    const R = rLo * Math.pow(s.radius / rLo, i / n);
    radii[i] = R;
    energies[i] = energyAtRadius(p, R, 0.2e-9, Math.max(3 * s.wallWidth, R));
    if (energies[i] > energies[iMax]) iMax = i;
  }
  let saddleR = radii[iMax];
  let saddleE = energies[iMax];
  if (iMax > 0 && iMax < n - 1) {
    // Parabola through the three points around the maximum, in ln R.
    const x0 = Math.log(radii[iMax - 1]);
    const x1 = Math.log(radii[iMax]);
    const x2 = Math.log(radii[iMax + 1]);
    const [y0, y1, y2] = [energies[iMax - 1], energies[iMax], energies[iMax + 1]];
    const den = (x0 - x1) * (x0 - x2) * (x1 - x2);
    const A = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / den;
    const B = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / den;
    if (A < 0) {
      const xv = -B / (2 * A);
      if (xv > x0 && xv < x2) {
        saddleR = Math.exp(xv);
        saddleE = Math.max(saddleE, energyAtRadius(p, saddleR, 0.2e-9, Math.max(3 * s.wallWidth, saddleR)));
      }
    }
  }
  if (saddleE <= s.energy)
    throw new PhysicsError(`no energy barrier between the uniform state and the skyrmion at B = ${p.B} T`);
  return {
    minimumRadius: s.radius,
    minimumEnergy: s.energy,
    saddleRadius: saddleR,
    saddleEnergy: saddleE,
    nucleationBarrier: saddleE,
    annihilationBarrier: saddleE - s.energy,
  };
}
