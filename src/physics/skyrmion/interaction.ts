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
 * Size dependence. Crowding changes the radii by tens of percent, more than a Taylor expansion of
 * the form factors in R can follow (J1(k(R + dR)) needs k dR << 1). The tables are therefore built at
 * six radii R_m = (0.5, 0.6, ..., 1.0) R0 (common wall width w) and interpolated linearly in R1, R2
 * and d: energy E, force -dE/dd and dE/dR1 (the latter from the analytic dtheta/dR of the ansatz at
 * the nodes). Radii outside [0.5, 1.0] R0 use the nearest node.
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

/** Form factors of the ansatz at several radii (and their R-derivatives) on one k grid. */
export interface FormFactors {
  k: Float64Array;
  /** Per radius: dz(k), mr(k), d dz/dR, d mr/dR. */
  dz: Float64Array[];
  mr: Float64Array[];
  dzR: Float64Array[];
  mrR: Float64Array[];
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
 * Hankel transforms dz(k), mr(k) of the ansatz theta = 2 atan(sinh(R/w)/sinh(r/w)) for each radius in
 * `radii`, and their derivatives with respect to R at fixed w (S = sinh(R/w), s = sinh(r/w)):
 *   dtheta/dR = 2 s cosh(R/w) / (w (s^2 + S^2)),
 *   d(cos theta)/dR = -sin theta dtheta/dR,  d(sin theta)/dR = cos theta dtheta/dR.
 * Simpson on r in [0, max R + 16 w] with a step <= w/10 (one Bessel evaluation per (k, r) for all radii).
 */
export function ansatzFormFactors(radii: readonly number[], w: number, k: Float64Array): FormFactors {
  const M = radii.length;
  const rMax = Math.max(...radii) + 16 * w;
  const nr = 2 * Math.ceil(Math.max(200, rMax / (0.1 * w)) / 2);
  const h = rMax / nr;
  const r = new Float64Array(nr + 1);
  // Per (radius, r): (cos theta - 1) r wt, sin theta r wt, their R-derivatives x r wt.
  const c0 = new Float64Array(M * (nr + 1));
  const s0 = new Float64Array(M * (nr + 1));
  const cR = new Float64Array(M * (nr + 1));
  const sR = new Float64Array(M * (nr + 1));
  for (let m = 0; m < M; m++) {
    const R = radii[m];
    const S = Math.sinh(R / w);
    const S1 = Math.cosh(R / w) / w;
    for (let i = 0; i <= nr; i++) {
      const x = i * h;
      r[i] = x;
      const wt = ((i === 0 || i === nr ? 1 : i % 2 ? 4 : 2) * h) / 3;
      const sx = Math.sinh(x / w);
      const th = i === 0 ? Math.PI : 2 * Math.atan(S / sx);
      const tR = (2 * sx * S1) / (sx * sx + S * S);
      const sn = Math.sin(th);
      const cs = Math.cos(th);
      const o = m * (nr + 1) + i;
      c0[o] = (cs - 1) * x * wt;
      s0[o] = sn * x * wt;
      cR[o] = -sn * tR * x * wt;
      sR[o] = cs * tR * x * wt;
    }
  }
  const n = k.length;
  const make = () => radii.map(() => new Float64Array(n));
  const out: FormFactors = { k, dz: make(), mr: make(), dzR: make(), mrR: make() };
  const acc = new Float64Array(4 * M);
  for (let j = 0; j < n; j++) {
    acc.fill(0);
    for (let i = 0; i <= nr; i++) {
      const j0 = besselJ0(k[j] * r[i]);
      const j1 = besselJ1(k[j] * r[i]);
      for (let m = 0; m < M; m++) {
        const o = m * (nr + 1) + i;
        acc[4 * m] += c0[o] * j0;
        acc[4 * m + 1] += s0[o] * j1;
        acc[4 * m + 2] += cR[o] * j0;
        acc[4 * m + 3] += sR[o] * j1;
      }
    }
    for (let m = 0; m < M; m++) {
      out.dz[m][j] = 2 * Math.PI * acc[4 * m];
      out.mr[m][j] = 2 * Math.PI * acc[4 * m + 1];
      out.dzR[m][j] = 2 * Math.PI * acc[4 * m + 2];
      out.mrR[m][j] = 2 * Math.PI * acc[4 * m + 3];
    }
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
  const ff = ansatzFormFactors([R1, R2], w, k);
  const h = k[1];
  let e = 0;
  let f = 0;
  let g = 0;
  for (let j = 0; j < k.length; j++) {
    const kk = k[j];
    const nz = nzz(kk * T);
    const wt = simpsonWeight(j, k.length, h) * kk;
    const s = nz * ff.dz[0][j] * ff.dz[1][j] + (1 - nz) * ff.mr[0][j] * ff.mr[1][j];
    const sR = nz * ff.dzR[0][j] * ff.dz[1][j] + (1 - nz) * ff.mrR[0][j] * ff.mr[1][j];
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
  const ff = ansatzFormFactors([R], w, k);
  const dz = ff.dz[0];
  const dzR = ff.dzR[0];
  const dk = k[1];
  let e = 0;
  let fo = 0;
  let g = 0;
  for (let j = 0; j < k.length; j++) {
    const kk = k[j];
    const gk = pref * nzz(kk * T);
    const wt = simpsonWeight(j, k.length, dk);
    const sinc = kk === 0 ? h : Math.sin(kk * h) / kk;
    e += wt * gk * dz[j] * sinc;
    fo -= wt * gk * dz[j] * Math.cos(kk * h);
    g += wt * gk * dzR[j] * sinc;
  }
  return {
    energy: e / Math.PI - (pref * dz[0]) / 2,
    force: fo / Math.PI,
    dEdR: g / Math.PI - (pref * dzR[0]) / 2,
  };
}

/** Radius nodes of the tables, in units of R0. */
export const TABLE_RADII = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0] as const;
const M = TABLE_RADII.length;
const NSYM = (M * (M + 1)) / 2;
/** Values per d node of the pair table: E (symmetric), F (symmetric), dE/dR1 (ordered). */
const PAIR_BLOCK = 2 * NSYM + M * M;
/** Values per h node of the edge table: (E, F, dE/dR) per radius node. */
const EDGE_BLOCK = 3 * M;

/** Index of the unordered radius pair (m, n) in the symmetric blocks. */
function sym(m: number, n: number): number {
  const a = Math.min(m, n);
  const b = Math.max(m, n);
  return (a * (2 * M - a - 1)) / 2 + b;
}

/**
 * Tabulated interactions of one skyrmion (R0, w) in one device, built once per device and field.
 * Plain data (typed arrays), so it survives structured cloning to worker threads.
 */
export interface InteractionTable {
  radius: number;
  wallWidth: number;
  /** Effective film thickness T [m] and the prefactor mu0 Ms_eff^2 [J/m^3]. */
  filmThickness: number;
  mu0MsEff2: number;
  /** Reversed area a = Int (1 - mz) dA = -dz(0) [m^2] and da/dR [m] at the radius nodes (far fields). */
  reversedArea: Float64Array;
  reversedAreaSlope: Float64Array;
  /** Grid step [m] and number of points (d = i step, i = 0..n-1) of the pair and edge tables. */
  step: number;
  n: number;
  /**
   * Pair table, PAIR_BLOCK values per d node: E(R_m, R_n) [J] (symmetric), F = -dE/dd [N]
   * (symmetric), and dE/dR1 at (R1, R2) = (R_m, R_n) [J/m] (ordered, index m M + n).
   */
  pair: Float64Array;
  /** Edge table, EDGE_BLOCK values per h node: E, -dE/dh, dE/dR at each radius node. */
  edge: Float64Array;
}

/**
 * Build the tables of Eqs. (1), (2), (4) on d, h in [0, 15 R0] (step min(R0/20, 2w)) at the radius
 * nodes TABLE_RADII x R0; beyond 15 R0 the far fields (3) and (5) apply.
 */
export function interactionTable(p: InteractionParameters): InteractionTable {
  check(p);
  const R0 = p.radius;
  const w = p.wallWidth;
  const { T, MsEff, pref } = effectiveMedium(p);
  const dMax = 15 * R0;
  const step = Math.min(R0 / 20, 2 * w);
  const n = Math.ceil(dMax / step) + 1;
  // k grid resolving the oscillation of J0(k d) J1(k R)^2 up to d = dMax (16 points per period,
  // Simpson), up to k = 6/w where each ansatz form factor has decayed by ~exp(-3 pi) (1e-4).
  const k = kGrid(6 / w, (2 * Math.PI) / (16 * (dMax + 2 * R0 + 2 * T)));
  const ff = ansatzFormFactors(
    TABLE_RADII.map((f) => f * R0),
    w,
    k,
  );
  const nk = k.length;
  const dk = k[1];
  // Kernels per k (Simpson weight included): pair energy A (symmetric), size derivative B
  // (ordered), Eq. (1); edge G (energy) and GR (size derivative), Eq. (4).
  const A = new Float64Array(NSYM * nk);
  const B = new Float64Array(M * M * nk);
  const G = new Float64Array(M * nk);
  const GR = new Float64Array(M * nk);
  const c = pref / (2 * Math.PI);
  for (let j = 0; j < nk; j++) {
    const nz = nzz(k[j] * T);
    const wk = c * simpsonWeight(j, nk, dk) * k[j];
    for (let m = 0; m < M; m++) {
      for (let q = 0; q < M; q++) {
        if (q >= m)
          A[NSYM * j + sym(m, q)] =
            wk * (nz * ff.dz[m][j] * ff.dz[q][j] + (1 - nz) * ff.mr[m][j] * ff.mr[q][j]);
        B[M * M * j + m * M + q] =
          wk * (nz * ff.dzR[m][j] * ff.dz[q][j] + (1 - nz) * ff.mrR[m][j] * ff.mr[q][j]);
      }
      const wg = (simpsonWeight(j, nk, dk) * pref * nz) / Math.PI;
      G[M * j + m] = wg * ff.dz[m][j];
      GR[M * j + m] = wg * ff.dzR[m][j];
    }
  }
  const pair = new Float64Array(PAIR_BLOCK * n);
  const edge = new Float64Array(EDGE_BLOCK * n);
  for (let i = 0; i < n; i++) {
    const d = i * step;
    const po = PAIR_BLOCK * i;
    const eo = EDGE_BLOCK * i;
    for (let j = 0; j < nk; j++) {
      const x = k[j] * d;
      const j0 = besselJ0(x);
      const j1 = k[j] * besselJ1(x);
      const aj = NSYM * j;
      for (let l = 0; l < NSYM; l++) {
        pair[po + l] += A[aj + l] * j0;
        pair[po + NSYM + l] += A[aj + l] * j1;
      }
      const bj = M * M * j;
      for (let l = 0; l < M * M; l++) pair[po + 2 * NSYM + l] += B[bj + l] * j0;
      const sinc = k[j] === 0 ? d : Math.sin(x) / k[j];
      const cs = Math.cos(x);
      for (let m = 0; m < M; m++) {
        edge[eo + 3 * m] += G[M * j + m] * sinc;
        edge[eo + 3 * m + 1] -= G[M * j + m] * cs;
        edge[eo + 3 * m + 2] += GR[M * j + m] * sinc;
      }
    }
    for (let m = 0; m < M; m++) {
      edge[eo + 3 * m] -= (pref * ff.dz[m][0]) / 2;
      edge[eo + 3 * m + 2] -= (pref * ff.dzR[m][0]) / 2;
    }
  }
  return {
    radius: R0,
    wallWidth: w,
    filmThickness: T,
    mu0MsEff2: MU0 * MsEff * MsEff,
    reversedArea: Float64Array.from(ff.dz.map((v) => -v[0])),
    reversedAreaSlope: Float64Array.from(ff.dzR.map((v) => -v[0])),
    step,
    n,
    pair,
    edge,
  };
}

/** Position of radius R among the nodes: lower node index (0..M-2) + fraction in [0, 1]. */
export function radiusNode(t: InteractionTable, R: number): number {
  const x = (R / t.radius - TABLE_RADII[0]) / (TABLE_RADII[1] - TABLE_RADII[0]);
  return Math.min(Math.max(x, 0), M - 1 - 1e-12);
}
const node = radiusNode;

/** Symmetric-block index of (m, n) for all m, n (constant lookup table). */
const SYM_INDEX = Int32Array.from({ length: M * M }, (_, k) => sym(Math.floor(k / M), k % M));

/**
 * Trilinear interpolation of one pair quantity stored at offset `base` (+ SYM_INDEX, or + m M + n
 * when `ordered`) of the pair block: distance weight a, radius positions x1, x2 (radiusNode).
 */
function pairInterp(
  t: InteractionTable,
  i: number,
  a: number,
  x1: number,
  x2: number,
  base: number,
  ordered: boolean,
): number {
  const m1 = Math.floor(x1);
  const m2 = Math.floor(x2);
  const p1 = x1 - m1;
  const p2 = x2 - m2;
  const P = t.pair;
  const o0 = PAIR_BLOCK * i + base;
  const o1 = o0 + PAIR_BLOCK;
  const b = 1 - a;
  let l00: number, l01: number, l10: number, l11: number;
  if (ordered) {
    l00 = m1 * M + m2;
    l01 = l00 + 1;
    l10 = l00 + M;
    l11 = l10 + 1;
  } else {
    l00 = SYM_INDEX[m1 * M + m2];
    l01 = SYM_INDEX[m1 * M + m2 + 1];
    l10 = SYM_INDEX[(m1 + 1) * M + m2];
    l11 = SYM_INDEX[(m1 + 1) * M + m2 + 1];
  }
  const v00 = b * P[o0 + l00] + a * P[o1 + l00];
  const v01 = b * P[o0 + l01] + a * P[o1 + l01];
  const v10 = b * P[o0 + l10] + a * P[o1 + l10];
  const v11 = b * P[o0 + l11] + a * P[o1 + l11];
  return (1 - p1) * ((1 - p2) * v00 + p2 * v01) + p1 * ((1 - p2) * v10 + p2 * v11);
}

/**
 * Pair force -dE/dd [N] (> 0: repulsion) at distance d for radius positions x1, x2 = radiusNode(t, R_i)
 * (hot-loop variant of pairFromTable: callers cache the node positions per skyrmion).
 */
export function pairForce(t: InteractionTable, d: number, x1: number, x2: number): number {
  const u = d / t.step;
  if (u < t.n - 1) {
    const i = Math.floor(u);
    return pairInterp(t, i, u - i, x1, x2, NSYM, false);
  }
  const a1 = areaAt(t.reversedArea, x1);
  const a2 = areaAt(t.reversedArea, x2);
  const T = t.filmThickness;
  const s = Math.sqrt(d * d + T * T);
  return ((t.mu0MsEff2 * a1 * a2) / (2 * Math.PI)) * (1 / (d * d) - d / (s * s * s));
}

/** dE_int/dR1 [J/m] at distance d for radius positions x1, x2 (hot-loop variant of pairFromTable). */
export function pairSizeDerivative(t: InteractionTable, d: number, x1: number, x2: number): number {
  const u = d / t.step;
  if (u < t.n - 1) {
    const i = Math.floor(u);
    return pairInterp(t, i, u - i, x1, x2, 2 * NSYM, true);
  }
  const T = t.filmThickness;
  const g = 1 / d - 1 / Math.sqrt(d * d + T * T);
  return ((t.mu0MsEff2 * areaAt(t.reversedAreaSlope, x1) * areaAt(t.reversedArea, x2)) / (2 * Math.PI)) * g;
}

/** Linear interpolation of a per-radius-node array at node position x. */
function areaAt(v: Float64Array, x: number): number {
  const m = Math.floor(x);
  const p = x - m;
  return (1 - p) * v[m] + p * v[m + 1];
}

/**
 * Pair interaction from the table for radii R1, R2 at centre distance d. Writes
 * out[0] = E [J], out[1] = -dE/dd [N], out[2] = dE/dR1 [J/m], out[3] = dE/dR2 [J/m]; linear
 * interpolation in d, R1, R2. Beyond the table: Eq. (3) with q_i = Ms_eff a(R_i).
 */
export function pairFromTable(
  t: InteractionTable,
  d: number,
  R1: number,
  R2: number,
  out: Float64Array,
): void {
  const x1 = node(t, R1);
  const x2 = node(t, R2);
  const m1 = Math.floor(x1);
  const m2 = Math.floor(x2);
  const p1 = x1 - m1;
  const p2 = x2 - m2;
  const u = d / t.step;
  if (u < t.n - 1) {
    const i = Math.floor(u);
    const a = u - i;
    let e = 0;
    let f = 0;
    let g1 = 0;
    let g2 = 0;
    for (let di = 0; di < 2; di++) {
      const o = PAIR_BLOCK * (i + di);
      const wd = di ? a : 1 - a;
      for (let s1 = 0; s1 < 2; s1++) {
        const w1 = wd * (s1 ? p1 : 1 - p1);
        const m = m1 + s1;
        for (let s2 = 0; s2 < 2; s2++) {
          const wgt = w1 * (s2 ? p2 : 1 - p2);
          const q = m2 + s2;
          const l = sym(m, q);
          e += wgt * t.pair[o + l];
          f += wgt * t.pair[o + NSYM + l];
          g1 += wgt * t.pair[o + 2 * NSYM + m * M + q];
          g2 += wgt * t.pair[o + 2 * NSYM + q * M + m];
        }
      }
    }
    out[0] = e;
    out[1] = f;
    out[2] = g1;
    out[3] = g2;
    return;
  }
  // Two pairs of charged disks, Eq. (3): E = (mu0 q1 q2 / 2 pi)(1/d - 1/s), s = sqrt(d^2 + T^2).
  const A = t.reversedArea;
  const S = t.reversedAreaSlope;
  const a1 = (1 - p1) * A[m1] + p1 * A[m1 + 1];
  const a2 = (1 - p2) * A[m2] + p2 * A[m2 + 1];
  const a1p = (1 - p1) * S[m1] + p1 * S[m1 + 1];
  const a2p = (1 - p2) * S[m2] + p2 * S[m2 + 1];
  const T = t.filmThickness;
  const c = t.mu0MsEff2 / (2 * Math.PI);
  const s = Math.sqrt(d * d + T * T);
  const g = 1 / d - 1 / s;
  out[0] = c * a1 * a2 * g;
  out[1] = c * a1 * a2 * (1 / (d * d) - d / (s * s * s));
  out[2] = c * a1p * a2 * g;
  out[3] = c * a1 * a2p * g;
}

/**
 * Edge interaction from the table for a skyrmion of radius R whose centre is at distance h from
 * the edge. Writes out[0] = E [J], out[1] = -dE/dh [N] (> 0 pushes away from the edge),
 * out[2] = dE/dR [J/m]. Beyond the table: Eq. (5) with R^2 -> a(R) / (2 pi).
 */
export function edgeFromTable(t: InteractionTable, h: number, R: number, out: Float64Array): void {
  const x = node(t, R);
  const m = Math.floor(x);
  const p = x - m;
  const u = Math.max(h, 0) / t.step;
  if (u < t.n - 1) {
    const i = Math.floor(u);
    const a = u - i;
    let e = 0;
    let f = 0;
    let g = 0;
    for (let di = 0; di < 2; di++) {
      const wd = di ? a : 1 - a;
      for (let s = 0; s < 2; s++) {
        const wgt = wd * (s ? p : 1 - p);
        const o = EDGE_BLOCK * (i + di) + 3 * (m + s);
        e += wgt * t.edge[o];
        f += wgt * t.edge[o + 1];
        g += wgt * t.edge[o + 2];
      }
    }
    out[0] = e;
    out[1] = f;
    out[2] = g;
    return;
  }
  const area = (1 - p) * t.reversedArea[m] + p * t.reversedArea[m + 1];
  const slope = (1 - p) * t.reversedAreaSlope[m] + p * t.reversedAreaSlope[m + 1];
  const T = t.filmThickness;
  const c = t.mu0MsEff2 / (2 * Math.PI);
  const lg = Math.log1p((T * T) / (h * h));
  const shape = 2 * (T * Math.atan(T / h) - 0.5 * h * lg);
  out[0] = c * area * shape;
  out[1] = c * area * lg;
  out[2] = c * slope * shape;
}
