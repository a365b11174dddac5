/**
 * Thermally activated nucleation of a reversed domain (and so of a wall) at the start of the
 * track by the write pulse itself (Leonard et al. 2023: no Oersted line; nucleation is
 * probabilistic during writing).
 *
 * Arrhenius-Neel rate with a barrier lowered by the out-of-plane field and by the current
 * (Sharrock form, M. P. Sharrock, JAP 76, 6413 (1994); current-assisted SOT nucleation as in
 * Lee, Lee, Kim et al., APL 102, 112410 (2013) and Baumgartner et al., Nat. Nanotechnol. 12, 980
 * (2017), where the SOT acts like an extra field on the DMI-tilted edge):
 *   E_n = E_0 (1 - Hz / H_0 - J / J_0)^2   (0 when the bracket <= 0),
 *   r   = f0 exp(-E_n / kB T).
 * The probability of no nucleation by time t is exp(-integral r dt), so the nucleation time can
 * be drawn by inverting the cumulative hazard with one uniform number.
 */
import { KB } from '../../units/constants.js';

export interface NucleationParameters {
  /** Attempt frequency f0 [1/s]. */
  attemptFrequency: number;
  /** Barrier at zero field and current E_0 [J]. */
  barrier: number;
  /** Field that removes the barrier at zero current, H_0 [A/m]. */
  field: number;
  /** Heavy-metal current density that removes the barrier at zero field, J_0 [A/m^2]. */
  currentDensity: number;
}

/** Nucleation barrier E_n(Hz, J) [J]. */
export function nucleationBarrier(p: NucleationParameters, Hz: number, J: number): number {
  const x = 1 - Hz / p.field - Math.abs(J) / p.currentDensity;
  return x > 0 ? p.barrier * x * x : 0;
}

/** Nucleation rate r [1/s]. */
export function nucleationRate(p: NucleationParameters, Hz: number, J: number, T: number): number {
  return p.attemptFrequency * Math.exp(-nucleationBarrier(p, Hz, J) / (KB * T));
}
