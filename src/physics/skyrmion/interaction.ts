/**
 * Magnetostatic (stray-field) interaction of skyrmions (reversed cylindrical domains) with each
 * other and with the edge of the film, in the effective-medium multilayer of multilayer.ts.
 *
 * Model. Effective film of thickness T = N p with Ms_eff = Ms t / p (Lemesh & Beach, PRB 98, 104402
 * (2018)); every skyrmion is the 360-degree-wall ansatz theta(r; R, w) of multilayer.ts with m
 * uniform across the thickness. Write mz = 1 + sum_i delta_i(r - r_i) with delta_i = cos theta_i - 1.
 * The magnetostatic energy of such a film in Fourier space (the same expression as the
 * self-energy in multilayer.ts; Lemesh & Beach 2018, Eq. 7; Buttner, Lemesh & Beach, Sci. Rep. 8,
 * 4464 (2018), Supplementary) is
 *   E_d = (mu0 Ms_eff^2 T / 2) Int d^2k/(2 pi)^2 [ N_zz(kT) |m_z(k)|^2 + (1 - N_zz(kT)) |k.m(k)|^2 / k^2 ],
 *   N_zz(x) = (1 - e^-x) / x,
 * (surface charges through N_zz, Neel-wall volume charges through 1 - N_zz; no cross term between
 * them because the surface-charge potential is odd and the volume-charge potential even in z).
 * The cross term of two skyrmions at centre distance d, after the angular integral
 * Int dphi exp(i k d cos phi) = 2 pi J0(kd), is the pair interaction
 *   E_int(d) = (mu0 Ms_eff^2 T / 2 pi) Int_0^inf k dk [ N_zz(kT) dz_1 dz_2 + (1 - N_zz(kT)) mr_1 mr_2 ] J0(kd),   (1)
 *   dz(k) = 2 pi Int (cos theta - 1) J0(kr) r dr,   mr(k) = 2 pi Int sin theta J1(kr) r dr
 * (the Hankel transforms of multilayer.ts), and the force along the separation
 *   F(d) = -dE_int/dd = (mu0 Ms_eff^2 T / 2 pi) Int_0^inf k^2 dk [ ... ] J1(kd).                        (2)
 * Check (tested): for a sharp wall dz = -4 pi R J1(kR)/k, and for d >> R, T Eq. (1) tends to the
 * energy of two parallel point dipoles side by side, m_i = 2 Ms_eff pi R_i^2 T (the moment change of a
 * reversed cylinder), E = mu0 m1 m2 / (4 pi d^3) (repulsive); for d >> R at any T it tends to the
 * two pairs of charged disks (charges +-q_i = +-2 pi R_i^2 Ms_eff on the two faces):
 *   E_far(d) = (mu0 q1 q2 / 2 pi) [1/d - 1/sqrt(d^2 + T^2)],                                              (3)
 * which is used beyond the tabulated range with q_i = Ms_eff a_i, a_i = Int (1 - mz) dA the reversed area
 * of the ansatz (= -dz(0); 2 pi R^2 for a sharp wall); relative error O(R^2/d^2) < 0.5 % there.
 *
 * Edge. A film ending at distance h from the skyrmion centre is the infinite film plus a half-plane
 * with delta = -1 (no material: mz = 0 there; the method of the "missing" magnetization, as for
 * the edge field of a perpendicular film, e.g. Hubert & Schafer, Magnetic Domains (1998), Sec. 3.2.5).
 * The cross term of the skyrmion with that half-plane (kx = 0 line of the 2D transform) is
 *   E_edge(h) = (1/pi) Int_0^inf g(k) sin(kh)/k dk - g(0)/2,   g(k) = mu0 Ms_eff^2 T N_zz(kT) dz(k),    (4)
 * zero for h -> inf and positive (repulsion: the reversed domain gains less demagnetising energy
 * near the edge, where the film's own demagnetising field is weaker). Its far field, for the two
 * charged disks against the two charged half-planes,
 *   E_edge,far(h) = 2 mu0 Ms_eff^2 R^2 [ T atan(T/h) - (h/2) ln(1 + T^2/h^2) ] -> mu0 Ms_eff^2 R^2 T^2 / h,  (5)
 *   -dE_edge,far/dh = mu0 Ms_eff^2 R^2 ln(1 + T^2/h^2),
 * is used beyond the tabulated range (the h -> inf limit equals the dipole against a half-plane of
 * dipoles, tested).
 *
 * Size dependence. Crowding shrinks the radii by a few tens of percent at most, so each form factor
 * is expanded to first order in delta R = R - R0 (dR/dR of the ansatz analytic, at fixed w):
 *   dz(k; R) = dz0 + delta R dz1,  mr(k; R) = mr0 + delta R mr1,
 * so E_int(d; R1, R2) = E00 + (dR1 + dR2) E01 + dR1 dR2 E11 (and likewise F and E_edge), exact to
 * first order in each radius. The tables hold E00, E01, E11 and F00, F01, F11 on a uniform grid in d.
 *
 * The short-range exchange overlap of the wall tails (kink-kink repulsion of the sine-Gordon wall,
 * 16 A N t / w per unit wall length times exp(-gap/w), integrated over the contact with the
 * Derjaguin approximation, sqrt(2 pi w R1 R2 / (R1 + R2))) is left out: at the gaps of a dense
 * skyrmion array in this device (>= 20 w) it is below 1e-8 of the magnetostatic term, and the
 * magnetostatic repulsion alone already keeps the domains apart (see docs/skyrmion.md).
 */
import { MU0 } from '../../units/constants.js';
import { requireInRange, requirePositive } from '../../util/errors.js';
import { besselJ0, besselJ1 } from './bessel.js';

export interface InteractionParameters {
  /** Saturation magnetization of one magnetic layer [A/m]. */
  Ms: number;
  /** Magnetic layer thickness t [m]. */
  thickness: number;
  /** Repeat period p >= t [m]. */
  period: number;
  /** Number of repeats N. */
  repeats: number;
  /** Skyrmion radius R0 (mz = 0) of the isolated skyrmion [m]. */
  radius: number;
  /** Wall width w of the ansatz [m]. */
  wallWidth: number;
}

/** Form factors of the ansatz and their R-derivatives on a k grid. */
export interface FormFactors {
  k: Float64Array;
  dz: Float64Array;
  mr: Float64Array;
  dzR: Float64Array;
  mrR: Float64Array;
}

function check(p: InteractionParameters): void {
  requirePositive('Ms', p.Ms, 'A/m');
  requirePositive('thickness', p.thickness, 'm');
  requireInRange('period', p.period, p.thickness, 1e-6, { unit: 'm' });
  requireInRange('repeats', p.repeats, 1, 1000);
  requirePositive('radius', p.radius, 'm');
  requirePositive('wallWidth', p.wallWidth, 'm');
}

/**
 * Hankel transforms dz(k), mr(k) of the ansatz theta = 2 atan(sinh(R/w)/sinh(r/w)) and their
 * derivatives with respect to R at fixed w:
 *   dtheta/dR = 2 cosh(R/w) sinh(r/w) / (w (sinh^2(r/w) + sinh^2(R/w))),
 *   d(cos theta)/dR = -sin theta dtheta/dR,  d(sin theta)/dR = cos theta dtheta/dR.
 * Simpson on r in [0, R + 16 w] with a step <= w/10.
 */
export function ansatzFormFactors(R: number, w: number, k: Float64Array): FormFactors {
  const rMax = R + 16 * w;
  const nr = 2 * Math.ceil(Math.max(200, rMax / (0.1 * w)) / 2);
  const h = rMax / nr;
  const c1 = new Float64Array(nr + 1); // (cos theta - 1) r * Simpson weight
  const s1 = new Float64Array(nr + 1); // sin theta r * weight
  const cR = new Float64Array(nr + 1); // d(cos theta)/dR r * weight
  const sR = new Float64Array(nr + 1); // d(sin theta)/dR r * weight
  const r = new Float64Array(nr + 1);
  const SR = Math.sinh(R / w);
  const CR = Math.cosh(R / w);
  for (let i = 0; i <= nr; i++) {
    const x = i * h;
    r[i] = x;
    const wt = ((i === 0 || i === nr ? 1 : i % 2 ? 4 : 2) * h) / 3;
    const sx = Math.sinh(x / w);
    const th = i === 0 ? Math.PI : 2 * Math.atan(SR / sx);
    const dthdR = (2 * CR * sx) / (w * (sx * sx + SR * SR));
    const s = Math.sin(th);
    const c = Math.cos(th);
    c1[i] = (c - 1) * x * wt;
    s1[i] = s * x * wt;
    cR[i] = -s * dthdR * x * wt;
    sR[i] = c * dthdR * x * wt;
  }
  const n = k.length;
  const out: FormFactors = {
    k,
    dz: new Float64Array(n),
    mr: new Float64Array(n),
    dzR: new Float64Array(n),
    mrR: new Float64Array(n),
  };
  for (let j = 0; j < n; j++) {
    let a = 0;
    let b = 0;
    let aR = 0;
    let bR = 0;
    for (let i = 0; i <= nr; i++) {
      const j0 = besselJ0(k[j] * r[i]);
      const j1 = besselJ1(k[j] * r[i]);
      a += c1[i] * j0;
      aR += cR[i] * j0;
      b += s1[i] * j1;
      bR += sR[i] * j1;
    }
    out.dz[j] = 2 * Math.PI * a;
    out.mr[j] = 2 * Math.PI * b;
    out.dzR[j] = 2 * Math.PI * aR;
    out.mrR[j] = 2 * Math.PI * bR;
  }
  return out;
}

/** N_zz(x) = (1 - e^-x)/x, with its series below 1e-6. */
function nzz(x: number): number {
  return x < 1e-6 ? 1 - x / 2 : -Math.expm1(-x) / x;
}

/** Uniform k grid for Simpson (odd number of points from k = 0). */
function kGrid(kMax: number, dk: number): Float64Array {
  const n = 2 * Math.ceil(kMax / dk / 2) + 1;
  const k = new Float64Array(n);
  const h = kMax / (n - 1);
  for (let j = 0; j < n; j++) k[j] = j * h;
  return k;
}

function simpsonWeight(j: number, n: number, h: number): number {
  return ((j === 0 || j === n - 1 ? 1 : j % 2 ? 4 : 2) * h) / 3;
}

function effectiveMedium(p: InteractionParameters) {
  const T = p.repeats * p.period;
  const MsEff = (p.Ms * p.thickness) / p.period;
  return { T, MsEff, pref: MU0 * MsEff * MsEff * T };
}

/**
 * Pair interaction by direct quadrature of Eqs. (1)-(2) for radii R1, R2 (ansatz with the common
 * wall width p.wallWidth): energy [J], force -dE/dd [N], and dE/dR1 [J/m]. Slow (reference for the
 * tables and the tests).
 */
export function pairInteraction(
  p: InteractionParameters,
  d: number,
  R1: number,
  R2: number,
): { energy: number; force: number; dEdR1: number } {
  check(p);
  requireInRange('d', d, 0, 1, { unit: 'm' });
  const w = p.wallWidth;
  const { T, pref } = effectiveMedium(p);
  const k = kGrid(8 / w, (2 * Math.PI) / (32 * (d + R1 + R2 + 2 * T + 40 * w)));
  const f1 = ansatzFormFactors(R1, w, k);
  const f2 = ansatzFormFactors(R2, w, k);
  const h = k[1];
  let e = 0;
  let f = 0;
  let g = 0;
  for (let j = 0; j < k.length; j++) {
    const kk = k[j];
    const nz = nzz(kk * T);
    const wt = simpsonWeight(j, k.length, h) * kk;
    const s = nz * f1.dz[j] * f2.dz[j] + (1 - nz) * f1.mr[j] * f2.mr[j];
    const sR = nz * f1.dzR[j] * f2.dz[j] + (1 - nz) * f1.mrR[j] * f2.mr[j];
    e += wt * s * besselJ0(kk * d);
    f += wt * kk * s * besselJ1(kk * d);
    g += wt * sR * besselJ0(kk * d);
  }
  const c = pref / (2 * Math.PI);
  return { energy: c * e, force: c * f, dEdR1: c * g };
}

/**
 * Edge interaction by direct quadrature of Eq. (4): energy [J] of a skyrmion of radius R whose
 * centre is at distance h from the film edge, the force -dE/dh [N] (positive = away from the edge)
 * and dE/dR [J/m].
 */
export function edgeInteraction(
  p: InteractionParameters,
  h: number,
  R: number,
): { energy: number; force: number; dEdR: number } {
  check(p);
  requireInRange('h', h, 0, 1, { unit: 'm' });
  const w = p.wallWidth;
  const { T, pref } = effectiveMedium(p);
  const k = kGrid(8 / w, (2 * Math.PI) / (32 * (h + 2 * R + 2 * T + 40 * w)));
  const f = ansatzFormFactors(R, w, k);
  const dk = k[1];
  let e = 0;
  let fo = 0;
  let g = 0;
  for (let j = 0; j < k.length; j++) {
    const kk = k[j];
    const gk = pref * nzz(kk * T);
    const wt = simpsonWeight(j, k.length, dk);
    const sinc = kk === 0 ? h : Math.sin(kk * h) / kk;
    e += wt * gk * f.dz[j] * sinc;
    fo -= wt * gk * f.dz[j] * Math.cos(kk * h);
    g += wt * gk * f.dzR[j] * sinc;
  }
  return {
    energy: e / Math.PI - (pref * f.dz[0]) / 2,
    force: fo / Math.PI,
    dEdR: g / Math.PI - (pref * f.dzR[0]) / 2,
  };
}

/**
 * Tabulated interactions of one skyrmion size (R0, w) in one device, built once per device and
 * field. Plain data (typed arrays), so it survives structured cloning to worker threads.
 */
export interface InteractionTable {
  radius: number;
  wallWidth: number;
  /** Effective film thickness T [m] and the prefactor mu0 Ms_eff^2 [J/m^3]. */
  filmThickness: number;
  mu0MsEff2: number;
  /** Reversed area a = Int (1 - mz) dA = -dz(0) [m^2] of the R0 ansatz and da/dR [m]: the charges of Eqs. (3), (5). */
  reversedArea: number;
  reversedAreaSlope: number;
  /** Grid step [m] and number of points (d = i step, i = 0..n-1) of the pair and edge tables. */
  step: number;
  n: number;
  /** Pair: E00, E01, E11 [J, J/m, J/m^2]; F = -dE/dd: F00, F01, F11. */
  e00: Float64Array;
  e01: Float64Array;
  e11: Float64Array;
  f00: Float64Array;
  f01: Float64Array;
  f11: Float64Array;
  /** Edge (distance h from the edge on the same grid): E0, dE/dR, and -dE/dh: F0, F1. */
  edgeE0: Float64Array;
  edgeE1: Float64Array;
  edgeF0: Float64Array;
  edgeF1: Float64Array;
}

/**
 * Build the tables of Eqs. (1), (2), (4) on d, h in [0, 15 R0] (step <= w/2 and <= R0/40), with the
 * first-order size expansion; beyond, the far fields (3) and (5) apply.
 */
export function interactionTable(p: InteractionParameters): InteractionTable {
  check(p);
  const R = p.radius;
  const w = p.wallWidth;
  const { T, MsEff, pref } = effectiveMedium(p);
  const dMax = 15 * R;
  const step = Math.min(w / 2, R / 30);
  const n = Math.ceil(dMax / step) + 1;
  // k grid resolving the oscillation of J0(k d) J1(k R)^2 up to d = dMax (16 points per period,
  // Simpson), up to k = 6/w where each ansatz form factor has decayed by ~exp(-3 pi) (1e-4).
  const k = kGrid(6 / w, (2 * Math.PI) / (16 * (dMax + 2 * R + 2 * T)));
  const ff = ansatzFormFactors(R, w, k);
  const nk = k.length;
  const dk = k[1];
  // Kernels per k: Simpson weight x k x (N_zz products); see Eq. (1).
  const a00 = new Float64Array(nk);
  const a01 = new Float64Array(nk);
  const a11 = new Float64Array(nk);
  const gz0 = new Float64Array(nk);
  const gz1 = new Float64Array(nk);
  const c = pref / (2 * Math.PI);
  for (let j = 0; j < nk; j++) {
    const nz = nzz(k[j] * T);
    const wt = simpsonWeight(j, nk, dk);
    a00[j] = c * wt * k[j] * (nz * ff.dz[j] * ff.dz[j] + (1 - nz) * ff.mr[j] * ff.mr[j]);
    a01[j] = c * wt * k[j] * (nz * ff.dz[j] * ff.dzR[j] + (1 - nz) * ff.mr[j] * ff.mrR[j]);
    a11[j] = c * wt * k[j] * (nz * ff.dzR[j] * ff.dzR[j] + (1 - nz) * ff.mrR[j] * ff.mrR[j]);
    gz0[j] = (wt * pref * nz * ff.dz[j]) / Math.PI;
    gz1[j] = (wt * pref * nz * ff.dzR[j]) / Math.PI;
  }
  const tab: InteractionTable = {
    radius: R,
    wallWidth: w,
    filmThickness: T,
    mu0MsEff2: MU0 * MsEff * MsEff,
    reversedArea: -ff.dz[0],
    reversedAreaSlope: -ff.dzR[0],
    step,
    n,
    e00: new Float64Array(n),
    e01: new Float64Array(n),
    e11: new Float64Array(n),
    f00: new Float64Array(n),
    f01: new Float64Array(n),
    f11: new Float64Array(n),
    edgeE0: new Float64Array(n),
    edgeE1: new Float64Array(n),
    edgeF0: new Float64Array(n),
    edgeF1: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const d = i * step;
    let e00 = 0;
    let e01 = 0;
    let e11 = 0;
    let f00 = 0;
    let f01 = 0;
    let f11 = 0;
    let ee0 = 0;
    let ee1 = 0;
    let ef0 = 0;
    let ef1 = 0;
    for (let j = 0; j < nk; j++) {
      const x = k[j] * d;
      const j0 = besselJ0(x);
      const j1 = k[j] * besselJ1(x);
      e00 += a00[j] * j0;
      e01 += a01[j] * j0;
      e11 += a11[j] * j0;
      f00 += a00[j] * j1;
      f01 += a01[j] * j1;
      f11 += a11[j] * j1;
      const sinc = k[j] === 0 ? d : Math.sin(x) / k[j];
      const cs = Math.cos(x);
      ee0 += gz0[j] * sinc;
      ee1 += gz1[j] * sinc;
      ef0 -= gz0[j] * cs;
      ef1 -= gz1[j] * cs;
    }
    tab.e00[i] = e00;
    tab.e01[i] = e01;
    tab.e11[i] = e11;
    tab.f00[i] = f00;
    tab.f01[i] = f01;
    tab.f11[i] = f11;
    tab.edgeE0[i] = ee0 - (pref * ff.dz[0]) / 2;
    tab.edgeE1[i] = ee1 - (pref * ff.dzR[0]) / 2;
    tab.edgeF0[i] = ef0;
    tab.edgeF1[i] = ef1;
  }
  return tab;
}

/**
 * Pair interaction from the table for radii R0 + dR1, R0 + dR2 at distance d. Writes
 * out[0] = E [J], out[1] = -dE/dd [N], out[2] = dE/dR1 [J/m], out[3] = dE/dR2 [J/m].
 * Beyond the table: Eq. (3) with q_i = 2 pi R_i^2 Ms_eff.
 */
export function pairFromTable(t: InteractionTable, d: number, dR1: number, dR2: number, out: Float64Array): void {
  const u = d / t.step;
  if (u < t.n - 1) {
    const i = Math.floor(u);
    const a = u - i;
    const b = 1 - a;
    const e01 = b * t.e01[i] + a * t.e01[i + 1];
    const e11 = b * t.e11[i] + a * t.e11[i + 1];
    const f01 = b * t.f01[i] + a * t.f01[i + 1];
    const f11 = b * t.f11[i] + a * t.f11[i + 1];
    out[0] = b * t.e00[i] + a * t.e00[i + 1] + (dR1 + dR2) * e01 + dR1 * dR2 * e11;
    out[1] = b * t.f00[i] + a * t.f00[i + 1] + (dR1 + dR2) * f01 + dR1 * dR2 * f11;
    out[2] = e01 + dR2 * e11;
    out[3] = e01 + dR1 * e11;
    return;
  }
  // Two pairs of charged disks, Eq. (3): E = (mu0 q1 q2 / 2 pi)(1/d - 1/s), s = sqrt(d^2 + T^2),
  // q_i = Ms_eff a_i with the reversed area a_i = a0 + dR_i da/dR (2 pi R_i^2 for a sharp wall).
  const a1 = t.reversedArea + dR1 * t.reversedAreaSlope;
  const a2 = t.reversedArea + dR2 * t.reversedAreaSlope;
  const T = t.filmThickness;
  const c = (t.mu0MsEff2 * a1 * a2) / (2 * Math.PI);
  const s = Math.sqrt(d * d + T * T);
  const g = 1 / d - 1 / s;
  out[0] = c * g;
  out[1] = c * (1 / (d * d) - d / (s * s * s));
  out[2] = ((t.mu0MsEff2 * t.reversedAreaSlope * a2) / (2 * Math.PI)) * g;
  out[3] = ((t.mu0MsEff2 * t.reversedAreaSlope * a1) / (2 * Math.PI)) * g;
}

/**
 * Edge interaction from the table for radius R0 + dR at distance h from the edge. Writes
 * out[0] = E [J], out[1] = -dE/dh [N] (> 0 pushes away from the edge), out[2] = dE/dR [J/m].
 * Beyond the table: Eq. (5).
 */
export function edgeFromTable(t: InteractionTable, h: number, dR: number, out: Float64Array): void {
  const u = Math.max(h, 0) / t.step;
  if (u < t.n - 1) {
    const i = Math.floor(u);
    const a = u - i;
    const b = 1 - a;
    const e1 = b * t.edgeE1[i] + a * t.edgeE1[i + 1];
    out[0] = b * t.edgeE0[i] + a * t.edgeE0[i + 1] + dR * e1;
    out[1] = b * t.edgeF0[i] + a * t.edgeF0[i + 1] + dR * (b * t.edgeF1[i] + a * t.edgeF1[i + 1]);
    out[2] = e1;
    return;
  }
  // Eq. (5) with R^2 -> a / (2 pi), a = a0 + dR da/dR the reversed area.
  const a = t.reversedArea + dR * t.reversedAreaSlope;
  const T = t.filmThickness;
  const c = (t.mu0MsEff2 * a) / (2 * Math.PI);
  const lg = Math.log1p((T * T) / (h * h));
  const shape = 2 * (T * Math.atan(T / h) - 0.5 * h * lg);
  out[0] = c * shape;
  out[1] = c * lg;
  out[2] = ((t.mu0MsEff2 * t.reversedAreaSlope) / (2 * Math.PI)) * shape;
}
