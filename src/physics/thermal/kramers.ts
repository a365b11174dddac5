/**
 * Escape rate of a domain wall over a barrier in the (q, phi) collective-coordinate model.
 *
 * Langer's multidimensional rate theory (J. S. Langer, Ann. Phys. 54, 258 (1969); Haenggi,
 * Talkner, Borkovec, Rev. Mod. Phys. 62, 251 (1990), Eq. 4.45) for first-order dynamics
 * K xdot = -grad E + xi with <xi xi> = 2 kB T sym(K):
 *   r = (lambda_+ / 2 pi) sqrt(det H_min / |det H_saddle|) exp(-Delta E / kB T),
 * where lambda_+ is the unstable eigenvalue of xdot = -K^{-1} H_saddle dx. For the wall,
 * K = c [[alpha/Delta, 1], [-1, alpha Delta]] (see wall1d.ts). Valid for Delta E >> kB T and
 * moderate-to-strong damping; at small alpha the (q, phi) motion is nearly Hamiltonian and the
 * energy-diffusion regime lowers the rate below Langer's (Kramers turnover).
 */
import { KB } from '../../units/constants.js';
import { PhysicsError } from '../../util/errors.js';

export interface SeparableWellInput {
  /** c = 2 mu0 Ms S / gamma0 [J s / m^2]. */
  c: number;
  alpha: number;
  Delta: number;
  /** d^2E/dq^2 at the minimum (> 0) and at the saddle (< 0) [J/m^2]. */
  Eqq_min: number;
  Eqq_saddle: number;
  /** d^2E/dphi^2 at the wall-angle minimum [J] (same at both points for a separable energy). */
  Epp: number;
  /** Barrier E(saddle) - E(min) [J]. */
  barrier: number;
  temperature: number;
}

/** Langer escape rate [1/s] for a separable energy E(q, phi) = E_q(q) + E_phi(phi). */
export function langerEscapeRate(i: SeparableWellInput): number {
  if (!(i.Eqq_min > 0) || !(i.Eqq_saddle < 0) || !(i.Epp > 0))
    throw new PhysicsError(
      `Langer rate needs a minimum (Eqq_min = ${i.Eqq_min} > 0, Epp = ${i.Epp} > 0) and a saddle (Eqq_saddle = ${i.Eqq_saddle} < 0)`,
    );
  // M = -K^{-1} H_s; K = c [[a/D, 1], [-1, a D]], det K = c^2 (a^2 + 1).
  const { c, alpha: a, Delta: D } = i;
  const detK = c * c * (a * a + 1);
  // K^{-1} = (1/detK) [[c a D, -c], [c, c a / D]]
  const k11 = (c * a * D) / detK;
  const k12 = -c / detK;
  const k21 = c / detK;
  const k22 = (c * a) / D / detK;
  // H_s = diag(Eqq_saddle, Epp); M = -K^{-1} H_s
  const m11 = -k11 * i.Eqq_saddle;
  const m12 = -k12 * i.Epp;
  const m21 = -k21 * i.Eqq_saddle;
  const m22 = -k22 * i.Epp;
  const tr = m11 + m22;
  const det = m11 * m22 - m12 * m21;
  const lambdaPlus = 0.5 * tr + Math.sqrt(0.25 * tr * tr - det);
  const prefactor = (lambdaPlus / (2 * Math.PI)) * Math.sqrt(i.Eqq_min / Math.abs(i.Eqq_saddle));
  return prefactor * Math.exp(-i.barrier / (KB * i.temperature));
}
