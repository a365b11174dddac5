/**
 * Skyrmion (cylindrical domain) in a thick multilayer with finite-thickness magnetostatics.
 *
 * Effective medium (Lemesh & Beach, PRB 98, 104402 (2018); Buttner, Lemesh & Beach, Sci. Rep. 8,
 * 4464 (2018)): N repeats of a magnetic layer of thickness t with period p behave like one film of
 * thickness T = N p with Ms_eff = Ms t/p; exchange, DMI, anisotropy and Zeeman energies are those
 * of N layers of thickness t.
 *
 * Profile ansatz (360-degree wall; Romming et al., PRL 114, 177203 (2015); Buttner et al. 2018, Eq. 1):
 *   theta(r) = 2 atan( sinh(R/w) / sinh(r/w) ),   radius R (mz = 0), wall width w.
 *
 * Energy relative to the uniform state, minimised over (R, w):
 *   E = 2 pi N t Int { A (theta'^2 + sin^2/r^2) + D (theta' + sin cos / r) + Ku sin^2 + Ms B (1 - cos) } r dr
 *       + E_d,
 * with the magnetostatic energy of a film of thickness T with m(r) uniform across the thickness
 * (surface charges through N_zz(kT), Neel-wall volume charges through 1 - N_zz(kT)); in Fourier
 * space (e.g. Buttner et al. 2018, Supplementary Eqs. S9-S12; Lemesh & Beach 2018, Eq. 7):
 *   E_d = mu0 Ms_eff^2 T Int (mz - 1) dA
 *       + (mu0 Ms_eff^2 T / 2) Int_0^inf k dk / (2 pi) [ N_zz(kT) |dz(k)|^2 + (1 - N_zz(kT)) |mr(k)|^2 ],
 *   N_zz(x) = (1 - exp(-x)) / x,
 *   dz(k) = 2 pi Int (cos theta - 1) J0(k r) r dr,   mr(k) = 2 pi Int sin theta J1(k r) r dr.
 * For T -> 0, N_zz -> 1 and E_d -> -(mu0 Ms^2 / 2) T Int sin^2 theta dA: the local shape anisotropy,
 * i.e. the thin-film model with Keff = Ku - mu0 Ms^2/2 (tested).
 */
import { MU0 } from '../../units/constants.js';
import { requirePositive, requireInRange } from '../../util/errors.js';
import { besselJ0, besselJ1 } from './bessel.js';

export interface MultilayerParameters {
  A: number;
  D: number;
  /** Uniaxial anisotropy Ku [J/m^3], without the shape term (magnetostatics is explicit here). */
  Ku: number;
  Ms: number;
  /** Field along the background magnetization [T]. */
  B: number;
  /** Magnetic layer thickness t [m]. */
  thickness: number;
  /** Repeat period p >= t [m]. */
  period: number;
  /** Number of repeats N. */
  repeats: number;
}

export interface AnsatzEnergy {
  total: number;
  local: number;
  magnetostatic: number;
}

/** Energy [J] of the 360-degree-wall ansatz with radius R and wall width w; `magnetostatics: false` uses the local shape term only. */
export function ansatzEnergy(
  p: MultilayerParameters,
  R: number,
  w: number,
  magnetostatics = true,
  grid: { nr?: number; kPerRadius?: number } = {},
): AnsatzEnergy {
  const Nt = p.repeats * p.thickness;
  const rMax = R + 14 * w;
  const nr = 2 * Math.ceil((grid.nr ?? 160) / 2);
  const h = rMax / nr;
  const r = new Float64Array(nr + 1);
  const th = new Float64Array(nr + 1);
  const dth = new Float64Array(nr + 1);
  const sR = Math.sinh(R / w);
  for (let i = 0; i <= nr; i++) {
    const x = i * h;
    r[i] = x;
    if (i === 0) {
      th[i] = Math.PI;
      dth[i] = -2 / (w * sR);
      continue;
    }
    const sx = Math.sinh(x / w);
    th[i] = 2 * Math.atan(sR / sx);
    // d/dr 2 atan(S/sinh(r/w)) = -2 S cosh(r/w) / (w (sinh^2 + S^2))
    dth[i] = (-2 * sR * Math.cosh(x / w)) / (w * (sx * sx + sR * sR));
  }
  const simpson = (g: (i: number) => number) => {
    let s = g(0) + g(nr);
    for (let i = 1; i < nr; i++) s += (i % 2 ? 4 : 2) * g(i);
    return (s * h) / 3;
  };
  const shape = magnetostatics ? 0 : 0.5 * MU0 * p.Ms * p.Ms;
  const local =
    2 *
    Math.PI *
    Nt *
    simpson((i) => {
      const x = r[i];
      const s = Math.sin(th[i]);
      const c = Math.cos(th[i]);
      const ex = x > 0 ? s / x : -dth[i];
      return (
        (p.A * (dth[i] * dth[i] + ex * ex) +
          p.D * (dth[i] + ex * c) +
          (p.Ku - shape) * s * s +
          p.Ms * p.B * (1 - c)) *
        x
      );
    });
  if (!magnetostatics) return { total: local, local, magnetostatic: 0 };
  const T = p.repeats * p.period;
  const MsEff = (p.Ms * p.thickness) / p.period;
  const pref = MU0 * MsEff * MsEff * T;
  const mzArea = 2 * Math.PI * simpson((i) => (Math.cos(th[i]) - 1) * r[i]);
  // k grid: spacing resolving the form factor of a disk of radius rMax, up to k = 14/w.
  const dk = (grid.kPerRadius ?? 0.5) / rMax;
  const nk = Math.ceil(14 / w / dk);
  let kint = 0;
  for (let j = 1; j <= nk; j++) {
    const k = j * dk;
    const dz = 2 * Math.PI * simpson((i) => (Math.cos(th[i]) - 1) * besselJ0(k * r[i]) * r[i]);
    const mr = 2 * Math.PI * simpson((i) => Math.sin(th[i]) * besselJ1(k * r[i]) * r[i]);
    const x = k * T;
    const nzz = x < 1e-8 ? 1 - x / 2 : (1 - Math.exp(-x)) / x;
    kint += ((nzz * dz * dz + (1 - nzz) * mr * mr) * k * dk) / (2 * Math.PI);
  }
  const magnetostatic = pref * mzArea + 0.5 * pref * kint;
  return { total: local + magnetostatic, local, magnetostatic };
}

export interface MultilayerSkyrmion {
  exists: boolean;
  reason?: string;
  radius: number;
  wallWidth: number;
  energy: number;
  magnetostaticEnergy: number;
  evaluations: number;
}

/**
 * Minimise the ansatz energy over (ln R, ln w) with Nelder-Mead, starting from (R0, w0).
 * Reports runaway when R exceeds `maxRadius` and collapse when R falls below 1 nm.
 */
export function multilayerSkyrmion(
  p: MultilayerParameters,
  opts: { R0?: number; w0?: number; maxRadius?: number; magnetostatics?: boolean } = {},
): MultilayerSkyrmion {
  requirePositive('A', p.A, 'J/m');
  requireInRange('D', p.D, -0.1, 0.1, { unit: 'J/m^2' });
  requireInRange('Ku', p.Ku, 0, 1e8, { unit: 'J/m^3' });
  requirePositive('Ms', p.Ms, 'A/m');
  requirePositive('thickness', p.thickness, 'm');
  requireInRange('period', p.period, p.thickness, 1e-6, { unit: 'm' });
  requireInRange('repeats', p.repeats, 1, 1000);
  const ms = opts.magnetostatics ?? true;
  const maxRadius = opts.maxRadius ?? 5e-6;
  const pd = { ...p, D: Math.abs(p.D) };
  let evals = 0;
  const f = (v: number[]) => {
    evals++;
    const R = Math.exp(v[0]);
    const w = Math.exp(v[1]);
    if (R > 2 * maxRadius || w > maxRadius || R < 1e-10 || w < 1e-10) return 1e300;
    return ansatzEnergy(pd, R, w, ms).total;
  };
  const R0 = opts.R0 ?? 50e-9;
  const w0 = opts.w0 ?? Math.sqrt(p.A / Math.max(p.Ku - 0.5 * MU0 * p.Ms * p.Ms, 0.1 * p.Ku));
  const best = nelderMead(f, [Math.log(R0), Math.log(w0)], 0.4, 1e-6, 300);
  const R = Math.exp(best.x[0]);
  const w = Math.exp(best.x[1]);
  const e = ansatzEnergy(pd, R, w, ms);
  const base = {
    radius: R,
    wallWidth: w,
    energy: e.total,
    magnetostaticEnergy: e.magnetostatic,
    evaluations: evals,
  };
  if (R > maxRadius)
    return {
      ...base,
      exists: false,
      reason: `the domain expands beyond ${maxRadius} m (stripe/bubble runaway)`,
    };
  if (R < 1e-9) return { ...base, exists: false, reason: 'the skyrmion collapses (R < 1 nm)' };
  return { ...base, exists: true };
}

/** Nelder-Mead simplex minimiser (Nelder & Mead, Comput. J. 7, 308 (1965)), standard coefficients. */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  step: number,
  tol: number,
  maxIter: number,
): { x: number[]; f: number } {
  const n = x0.length;
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const x = x0.slice();
    x[i] += step;
    pts.push(x);
  }
  let vals = pts.map(f);
  for (let it = 0; it < maxIter; it++) {
    const order = vals
      .map((v, i) => [v, i])
      .sort((a, b) => a[0] - b[0])
      .map((q) => q[1]);
    const P = order.map((i) => pts[i]);
    const V = order.map((i) => vals[i]);
    let spread = 0;
    for (let i = 1; i <= n; i++)
      for (let c = 0; c < n; c++) spread = Math.max(spread, Math.abs(P[i][c] - P[0][c]));
    if (spread < tol) {
      return { x: P[0], f: V[0] };
    }
    const cen = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let c = 0; c < n; c++) cen[c] += P[i][c] / n;
    const at = (t: number) => cen.map((c, k) => c + t * (P[n][k] - c));
    const xr = at(-1);
    const fr = f(xr);
    if (fr < V[0]) {
      const xe = at(-2);
      const fe = f(xe);
      if (fe < fr) {
        P[n] = xe;
        V[n] = fe;
      } else {
        P[n] = xr;
        V[n] = fr;
      }
    } else if (fr < V[n - 1]) {
      P[n] = xr;
      V[n] = fr;
    } else {
      const xc = fr < V[n] ? at(-0.5) : at(0.5);
      const fc = f(xc);
      if (fc < Math.min(fr, V[n])) {
        P[n] = xc;
        V[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          P[i] = P[i].map((c, k) => P[0][k] + 0.5 * (c - P[0][k]));
          V[i] = f(P[i]);
        }
      }
    }
    for (let i = 0; i <= n; i++) {
      pts[i] = P[i];
    }
    vals = V;
  }
  const i0 = vals.indexOf(Math.min(...vals));
  return { x: pts[i0], f: vals[i0] };
}

export interface AnsatzIntegrals {
  /** Dimensionless Thiele dissipation Dxx = pi Int (theta'^2 + sin^2/r^2) r dr. */
  dissipation: number;
  /** SOT force length I = pi Int (theta' + sin cos / r) r dr [m]. */
  sotForceLength: number;
  /** Int (1 - mz) dA [m^2]. */
  reversedArea: number;
}

/** Thiele and Hall integrals of the 360-degree-wall ansatz (same definitions as profile.ts). */
export function ansatzIntegrals(R: number, w: number, nr = 2000): AnsatzIntegrals {
  const rMax = R + 20 * w;
  const h = rMax / nr;
  const sR = Math.sinh(R / w);
  let d = 0;
  let f = 0;
  let a = 0;
  for (let i = 1; i <= nr; i++) {
    const x = (i - 0.5) * h;
    const sx = Math.sinh(x / w);
    const th = 2 * Math.atan(sR / sx);
    const dth = (-2 * sR * Math.cosh(x / w)) / (w * (sx * sx + sR * sR));
    const s = Math.sin(th);
    d += (dth * dth + (s * s) / (x * x)) * x * h;
    f += (dth + (s * Math.cos(th)) / x) * x * h;
    a += (1 - Math.cos(th)) * x * h;
  }
  return { dissipation: Math.PI * d, sotForceLength: Math.PI * f, reversedArea: 2 * Math.PI * a };
}
