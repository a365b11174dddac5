/**
 * Radial profile of an isolated Neel skyrmion, theta(r), in a thin film with exchange A,
 * interfacial DMI D, effective perpendicular anisotropy Keff and a field B along the background
 * magnetization (m = +z far away, core at theta = pi).
 *
 * Energy (per skyrmion, film thickness t; Rohart & Thiaville, PRB 88, 184422 (2013), Eq. 2):
 *   E = 2 pi t Int_0^inf { A [theta'^2 + sin^2(theta)/r^2] + D [theta' + sin(theta) cos(theta)/r]
 *                          + Keff sin^2(theta) + Ms B (1 - cos theta) } r dr,
 * relative to the uniform state. D > 0 lowers the energy of the chirality with theta' < 0 here;
 * only |D| matters for the radial profile (the sign of D sets the chirality, not the size).
 *
 * Euler-Lagrange equation (ibid., Eq. 3):
 *   theta'' = -theta'/r + sin(theta)cos(theta)/r^2 - (D/A) sin^2(theta)/r
 *             + (Keff/A) sin(theta)cos(theta) + (Ms B / 2A) sin(theta),
 * with theta(0) = pi. Far away the linearised equation is the modified Bessel equation of order 1,
 * theta ~ c K1(kappa r), kappa^2 = (2 Keff + Ms B) / (2 A).
 *
 * Infinite film: shooting on the core slope a = -theta'(0) (scan, then Illinois regula falsi in ln a, with odex; events
 * tell overshoot, theta < 0, from undershoot, theta' > 0); the tail beyond theta = 1e-3 is the
 * K1 asymptote. Disk of radius Rd: the free boundary condition of the DMI,
 *   dtheta/dr (Rd) = -D / (2A)   (Rohart & Thiaville 2013, Eq. 5, in this sign convention),
 * is the shooting target instead.
 *
 * Everything is computed in the dimensionless radius rho = kappa r.
 */
import { solveOde } from '../../integrate/ode.js';
import { ParameterError, requireInRange, requirePositive } from '../../util/errors.js';
import { besselK0, besselK1 } from './bessel.js';

export interface ProfileParameters {
  /** Exchange stiffness [J/m]. */
  A: number;
  /** Interfacial DMI [J/m^2] (sign = chirality; the profile depends on |D|). */
  D: number;
  /** Effective anisotropy [J/m^3] (may include a non-local magnetostatic correction). */
  Keff: number;
  /** Saturation magnetization [A/m]. */
  Ms: number;
  /** Field along the background magnetization [T] (>= 0 stabilises the skyrmion). */
  B: number;
  /** Magnetic thickness entering the energy [m]. */
  thickness: number;
  /** Disk radius [m]; undefined for an infinite film. */
  diskRadius?: number;
}

export interface ProfileOptions {
  /** Skyrmions with a radius below this are reported as collapsed (default 1 nm: atomistic scale). */
  collapseRadius?: number;
  /** Radii above this are reported as a stripe/bubble runaway (default 100 um). */
  runawayRadius?: number;
  /** Grid spacing in rho = kappa r for the returned profile (default 0.01). */
  gridStep?: number;
}

export interface SkyrmionProfile {
  exists: true;
  /** Radii [m] and the polar angle theta(r) [rad], its derivative [rad/m]. */
  r: Float64Array;
  theta: Float64Array;
  dtheta: Float64Array;
  /** Radius where mz = cos(theta) = 0 [m]. */
  radius: number;
  /** Wall width parameter 1/|theta'| at r = radius [m] (equals sqrt(A/Keff) for a straight wall). */
  wallWidth: number;
  /** Energy relative to the uniform state [J]. */
  energy: number;
  /** Dimensionless Thiele dissipation integral Dxx = pi Int (theta'^2 + sin^2 theta / r^2) r dr. */
  dissipation: number;
  /** SOT force length I = pi Int (theta' + sin theta cos theta / r) r dr [m] (< 0 here). */
  sotForceLength: number;
  /** Int (1 - mz) dA [m^2]: the Hall-signal area of one skyrmion. */
  reversedArea: number;
  /** Topological charge -[cos theta]/2 between centre and edge (-1 for a full skyrmion). */
  topologicalCharge: number;
  /** 1/kappa, the far-field decay length [m]. */
  decayLength: number;
  /** Core slope a = -theta'(0) [1/m] found by shooting. */
  coreSlope: number;
  /** Number of ODE solves used. */
  solves: number;
}

export interface NoSkyrmion {
  exists: false;
  reason: string;
  /** Which limit was hit. */
  kind: 'collapse' | 'runaway' | 'unstable-background' | 'no-solution';
}

export type ProfileResult = SkyrmionProfile | NoSkyrmion;

const RHO0 = 1e-4;
const THETA_MATCH = 1e-3;
const THETA_CONVERGED = 1e-7;

interface Dimensionless {
  /** Keff / (A kappa^2) */
  k: number;
  /** Ms B / (2 A kappa^2) */
  h: number;
  /** |D| / (A kappa) */
  d: number;
}

function rhs(p: Dimensionless) {
  // y = [theta, theta'] in rho; Euler-Lagrange equation above divided by A kappa^2.
  return (rho: number, y: number[]): number[] => {
    const th = y[0];
    const dth = y[1];
    const s = Math.sin(th);
    const c = Math.cos(th);
    return [dth, -dth / rho + (s * c) / (rho * rho) - (p.d * s * s) / rho + p.k * s * c + p.h * s];
  };
}

/** Starting radius: well inside the core, a rho0 <= 1e-3 so the rho^3 term is negligible. */
function rho0(a: number): number {
  return Math.min(RHO0, 1e-3 / a);
}

/** Start values at rho0: theta = pi - a rho0 (the rho^2 term vanishes; rho^3 is negligible). */
function start(a: number): number[] {
  return [Math.PI - a * rho0(a), -a];
}

type Shot = { kind: 'over' | 'under' | 'through'; x: number; y: number[] };

function shootFilm(f: ReturnType<typeof rhs>, a: number, rhoMax: number): Shot {
  const res = solveOde(f, rho0(a), start(a), rhoMax, {
    rtol: 1e-10,
    atol: 1e-13,
    event: (_x, y) => Math.min(y[0], -y[1]),
  });
  if (res.outcome !== 'event') return { kind: 'through', x: res.x, y: res.y };
  // At the event one of theta, -theta' is ~0: the other one tells which.
  return { kind: -res.y[1] > res.y[0] ? 'over' : 'under', x: res.x, y: res.y };
}

/** Solve the profile; never returns NaN: non-existence comes back with a reason. */
export function solveSkyrmionProfile(p: ProfileParameters, options: ProfileOptions = {}): ProfileResult {
  requirePositive('A', p.A, 'J/m');
  requireInRange('D', p.D, -0.1, 0.1, { unit: 'J/m^2' });
  requireInRange('Keff', p.Keff, -1e8, 1e8, { unit: 'J/m^3' });
  requirePositive('Ms', p.Ms, 'A/m');
  requireInRange('B', p.B, -100, 100, { unit: 'T' });
  requirePositive('thickness', p.thickness, 'm');
  if (p.diskRadius !== undefined) requirePositive('diskRadius', p.diskRadius, 'm');
  const collapseRadius = options.collapseRadius ?? 1e-9;
  const runawayRadius = options.runawayRadius ?? 1e-4;
  const step = options.gridStep ?? 0.01;
  if (!(step > 0 && step <= 0.1)) throw new ParameterError('gridStep', step, 'a value in (0, 0.1]');

  // kappa^2 = (2 Keff + Ms B) / (2A): the background must be stable against small tilts.
  const kappa2 = (2 * p.Keff + p.Ms * p.B) / (2 * p.A);
  if (!(kappa2 > 0)) {
    return {
      exists: false,
      kind: 'unstable-background',
      reason: `the uniform background is unstable: Keff + Ms B / 2 = ${(p.Keff + 0.5 * p.Ms * p.B).toPrecision(4)} J/m^3 <= 0 (in-plane or reversed state)`,
    };
  }
  const kappa = Math.sqrt(kappa2);
  const L = 1 / kappa;
  const dl: Dimensionless = {
    k: p.Keff / (p.A * kappa2),
    h: (p.Ms * p.B) / (2 * p.A * kappa2),
    d: Math.abs(p.D) / (p.A * kappa),
  };
  const f = rhs(dl);
  if (p.diskRadius !== undefined) return solveDisk(p, dl, f, L, p.diskRadius * kappa, step, collapseRadius);

  // Core stiffness around theta = pi: kIn^2 = k - h (the field destabilises the core).
  const kIn = Math.sqrt(Math.max(dl.k - dl.h, 0.05));
  const rhoRunaway = runawayRadius * kappa;
  const rhoMaxFor = (a: number) => Math.min(40 + (2 * Math.log(1 + 1 / a)) / kIn + 20, rhoRunaway + 60);
  let solves = 0;
  // Bracket in ln a: scan down from a steep (collapse-scale) core. Shots with a above the solution
  // overshoot (theta < 0); the first undershoot below them brackets the skyrmion. Steps grow
  // geometrically so that large skyrmions (a ~ exp(-kIn R)) are reached in a few dozen shots.
  const laStop = -Math.min(700, kIn * rhoRunaway);
  let hi = Math.log(1e2);
  let sawOver = false;
  let lo = hi;
  let shotLo: Shot | undefined;
  let stepLa = 0.5;
  for (;;) {
    const s = shootFilm(f, Math.exp(lo), rhoMaxFor(Math.exp(lo)));
    solves++;
    if (s.kind === 'over' || s.kind === 'through') {
      sawOver = true;
      hi = lo;
    } else if (sawOver) {
      shotLo = s;
      break;
    }
    if (lo <= laStop) break;
    lo = Math.max(laStop, lo - stepLa);
    stepLa *= 1.4;
  }
  if (!sawOver) {
    return {
      exists: false,
      kind: 'collapse',
      reason: 'no finite-radius solution: every core slope undershoots (the skyrmion collapses to a point)',
    };
  }
  if (!shotLo) return runaway(p, runawayRadius);
  // Illinois (modified regula falsi) on g(ln a): near the solution the shot's miss is set by the
  // amplitude eps of the growing I1 mode, and both theta_min (undershoot) and |theta'| at theta = 0
  // (overshoot) scale as sqrt|eps|, so g = +-miss^2 is close to linear in ln a.
  const g = (sh: Shot) =>
    sh.kind === 'under' ? sh.y[0] * sh.y[0] : sh.kind === 'over' ? -sh.y[1] * sh.y[1] : -1e-30;
  let gLo = g(shotLo);
  let gHi = g(shootFilm(f, Math.exp(hi), rhoMaxFor(Math.exp(hi))));
  solves++;
  let side = 0;
  for (let it = 0; it < 200; it++) {
    let mid = (lo * gHi - hi * gLo) / (gHi - gLo);
    // Fall back to bisection when the interpolation stalls at an end or every fourth step.
    if (!(mid > lo && mid < hi) || it % 4 === 3) mid = 0.5 * (lo + hi);
    const sh = shootFilm(f, Math.exp(mid), rhoMaxFor(Math.exp(mid)));
    solves++;
    if (sh.kind === 'under') {
      lo = mid;
      shotLo = sh;
      gLo = g(sh);
      if (side === -1) gHi *= 0.5;
      side = -1;
    } else {
      hi = mid;
      gHi = g(sh);
      if (side === 1) gLo *= 0.5;
      side = 1;
    }
    if (shotLo.y[0] < THETA_CONVERGED) break;
    if (hi - lo < 1e-15) break;
  }
  const a = Math.exp(lo);
  // Final solve on a uniform grid up to theta = THETA_MATCH, then the K1 tail. The grid also
  // resolves the core, whose size is ~2/a (Belavin-Polyakov core theta = 2 atan(R/rho), slope
  // 2/R): at least ~50 points per core radius, else small skyrmions (R << 1/kappa) get their
  // energy wrong by ~1 % (above the 8 pi A t bound at R = 0.02/kappa with step 0.01).
  const h = Math.min(step, 0.04 / a);
  const fin = solveOde(f, rho0(a), start(a), shotLo.x, {
    rtol: 1e-10,
    atol: 1e-13,
    sampleEvery: h,
    event: (_x, y) => y[0] - THETA_MATCH,
  });
  solves++;
  const xs = fin.samples!.x;
  const ys = fin.samples!.y;
  const rhoM = fin.x;
  const thM = fin.y[0];
  const k1m = besselK1(rhoM);
  const tailEnd = rhoM + 30;
  const nCore = xs.length;
  const nTail = Math.ceil((tailEnd - rhoM) / h);
  const n = nCore + nTail;
  const rho = new Float64Array(n);
  const th = new Float64Array(n);
  const dth = new Float64Array(n);
  for (let i = 0; i < nCore; i++) {
    rho[i] = xs[i];
    th[i] = ys[i][0];
    dth[i] = ys[i][1];
  }
  for (let j = 0; j < nTail; j++) {
    const x = rhoM + (j + 1) * h;
    // theta = thM K1(x)/K1(rhoM); K1'(x) = -K0(x) - K1(x)/x (A&S 9.6.26).
    const k1 = besselK1(x);
    rho[nCore + j] = x;
    th[nCore + j] = (thM * k1) / k1m;
    dth[nCore + j] = (thM * (-besselK0(x) - k1 / x)) / k1m;
  }
  const out = finishProfile(p, dl, L, rho, th, dth, a, solves);
  if (out.radius < collapseRadius) {
    return {
      exists: false,
      kind: 'collapse',
      reason: `skyrmion radius ${(out.radius * 1e9).toPrecision(3)} nm is below the collapse radius ${(collapseRadius * 1e9).toPrecision(3)} nm (continuum model invalid; the skyrmion collapses)`,
    };
  }
  if (out.radius > runawayRadius) return runaway(p, runawayRadius);
  return out;
}

function runaway(p: ProfileParameters, runawayRadius: number): NoSkyrmion {
  return {
    exists: false,
    kind: 'runaway',
    reason: `no isolated skyrmion below ${(runawayRadius * 1e6).toPrecision(3)} um: the domain expands without bound (stripe/bubble runaway; D = ${p.D} J/m^2 is at or above the critical DMI for B = ${p.B} T)`,
  };
}

function solveDisk(
  p: ProfileParameters,
  dl: Dimensionless,
  f: ReturnType<typeof rhs>,
  L: number,
  rhoD: number,
  step: number,
  collapseRadius: number,
): ProfileResult {
  let solves = 0;
  const target = -dl.d / 2; // dtheta/drho at the edge: -D/(2A) in units of kappa
  const shoot = (a: number) => {
    solves++;
    const r = solveOde(f, rho0(a), start(a), rhoD, { rtol: 1e-10, atol: 1e-13, maxSteps: 20000 });
    return { F: r.y[1] - target, theta: r.y[0] };
  };
  // Scan ln a for sign changes of F with a skyrmion-like edge (theta(Rd) < pi/2, mz > 0 outside).
  const grid: Array<{ la: number; F: number; theta: number }> = [];
  const laMin = Math.log(1e-3 / rhoD);
  const laMax = Math.log(1e3);
  const nScan = 48;
  for (let i = 0; i <= nScan; i++) {
    const la = laMin + ((laMax - laMin) * i) / nScan;
    let s: { F: number; theta: number };
    try {
      s = shoot(Math.exp(la));
    } catch {
      continue;
    }
    if (Number.isFinite(s.F)) grid.push({ la, ...s });
  }
  let best: SkyrmionProfile | undefined;
  for (let i = 0; i + 1 < grid.length; i++) {
    const g0 = grid[i];
    const g1 = grid[i + 1];
    if (Math.sign(g0.F) === Math.sign(g1.F)) continue;
    if (Math.max(g0.theta, g1.theta) > Math.PI) continue;
    let lo = g0.la;
    let hi = g1.la;
    let Flo = g0.F;
    for (let it = 0; it < 80 && hi - lo > 1e-14; it++) {
      const mid = 0.5 * (lo + hi);
      const s = shoot(Math.exp(mid));
      if (Math.sign(s.F) === Math.sign(Flo)) {
        lo = mid;
        Flo = s.F;
      } else hi = mid;
    }
    const a = Math.exp(0.5 * (lo + hi));
    const r0 = rho0(a);
    const n = Math.max(2, Math.ceil((rhoD - r0) / step));
    const fin = solveOde(f, r0, start(a), rhoD, { rtol: 1e-10, atol: 1e-13, sampleEvery: (rhoD - r0) / n });
    solves++;
    const xs = fin.samples!.x;
    const ys = fin.samples!.y;
    if (xs[xs.length - 1] < rhoD - 1e-9 * rhoD) {
      xs.push(rhoD);
      ys.push(fin.y);
    }
    const th = Float64Array.from(ys, (y) => y[0]);
    if (th[th.length - 1] >= Math.PI / 2) continue; // no mz = 0 crossing: not a skyrmion
    // A single-winding skyrmion: theta decreases monotonically from pi and stays in [0, pi].
    let monotone = true;
    for (let i = 1; i < th.length; i++) if (th[i] > th[i - 1] + 1e-9 || th[i] < 0) monotone = false;
    if (!monotone) continue;
    const prof = finishProfile(
      p,
      dl,
      L,
      Float64Array.from(xs),
      th,
      Float64Array.from(ys, (y) => y[1]),
      a,
      solves,
    );
    if (!best || prof.energy < best.energy) best = prof;
  }
  if (!best) {
    return {
      exists: false,
      kind: 'no-solution',
      reason:
        rhoD > 20
          ? `no skyrmion found in a disk of radius ${p.diskRadius} m: single shooting from the centre is ill-conditioned when Rd exceeds about 20 decay lengths (${(20 * L).toExponential(2)} m); use the infinite-film solution there (the edge tilt does not reach the core)`
          : `no skyrmion state satisfies the free boundary condition theta'(Rd) = -D/(2A) in a disk of radius ${p.diskRadius} m`,
    };
  }
  if (best.radius < collapseRadius) {
    return {
      exists: false,
      kind: 'collapse',
      reason: `skyrmion radius ${best.radius} m is below the collapse radius`,
    };
  }
  return best;
}

/** Simpson-rule integrals on the uniform rho grid (trapezoid on the last interval if odd). */
function integrate(x: Float64Array, g: (i: number) => number): number {
  const n = x.length;
  let s = 0;
  let i = 0;
  for (; i + 2 < n; i += 2) {
    const h = x[i + 2] - x[i];
    s += (h / 6) * (g(i) + 4 * g(i + 1) + g(i + 2));
  }
  for (; i + 1 < n; i++) s += 0.5 * (x[i + 1] - x[i]) * (g(i) + g(i + 1));
  return s;
}

function finishProfile(
  p: ProfileParameters,
  dl: Dimensionless,
  L: number,
  rho: Float64Array,
  th: Float64Array,
  dth: Float64Array,
  a: number,
  solves: number,
): SkyrmionProfile {
  const n = rho.length;
  // Radius: first crossing of theta = pi/2 (linear interpolation on the fine grid).
  let rhoR = rho[n - 1];
  let slope = dth[n - 1];
  for (let i = 1; i < n; i++) {
    if (th[i] <= Math.PI / 2 && th[i - 1] > Math.PI / 2) {
      const w = (th[i - 1] - Math.PI / 2) / (th[i - 1] - th[i]);
      rhoR = rho[i - 1] + w * (rho[i] - rho[i - 1]);
      slope = dth[i - 1] + w * (dth[i] - dth[i - 1]);
      break;
    }
  }
  // Energy density in units of A (dimensionless rho), see the header.
  const e = integrate(rho, (i) => {
    const s = Math.sin(th[i]);
    const c = Math.cos(th[i]);
    const x = rho[i];
    return (
      (dth[i] * dth[i] +
        (s * s) / (x * x) +
        dl.d * (dth[i] + (s * c) / x) +
        dl.k * s * s +
        2 * dl.h * (1 - c)) *
      x
    );
  });
  const diss =
    Math.PI *
    integrate(rho, (i) => {
      const s = Math.sin(th[i]);
      return (dth[i] * dth[i] + (s * s) / (rho[i] * rho[i])) * rho[i];
    });
  const force =
    Math.PI * integrate(rho, (i) => (dth[i] + (Math.sin(th[i]) * Math.cos(th[i])) / rho[i]) * rho[i]);
  const area = 2 * Math.PI * integrate(rho, (i) => (1 - Math.cos(th[i])) * rho[i]);
  const r = new Float64Array(n);
  const dthr = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    r[i] = rho[i] * L;
    dthr[i] = dth[i] / L;
  }
  return {
    exists: true,
    r,
    theta: th,
    dtheta: dthr,
    radius: rhoR * L,
    wallWidth: L / Math.abs(slope),
    energy: 2 * Math.PI * p.thickness * p.A * e,
    dissipation: diss,
    sotForceLength: force * L,
    reversedArea: area * L * L,
    topologicalCharge: -0.5 * (Math.cos(th[n - 1]) - Math.cos(th[0])),
    decayLength: L,
    coreSlope: a / L,
    solves,
  };
}
