/**
 * Anomalous-Hall readout of skyrmions in a Hall cross.
 *
 * rho_xy = rho_AH,sat <mz> over the active area (+ ordinary and topological terms, neglected here:
 * Song et al. 2020 measured the ordinary term to be negligible and argue the topological one is
 * suppressed in ferrimagnets). Starting from saturation (mz = +1) every skyrmion changes <mz> by
 *   delta<mz> = -Int (1 - mz) dA / A_active,
 * so the change of Hall resistivity per skyrmion follows from the profile (Zeissler et al.,
 * Nat. Nanotechnol. 13, 1161 (2018), Eq. 1 with the topological term set to zero):
 *   delta rho_xy = -rho_AH,sat Int (1 - mz) dA / A_active.
 */
import { requireInRange, requirePositive } from '../../util/errors.js';

/** Hall resistivity change [ohm m] of one skyrmion with reversed area Int(1 - mz) dA [m^2]. */
export function hallChangePerSkyrmion(rhoAHsat: number, reversedArea: number, activeArea: number): number {
  requireInRange('rhoAHsat', rhoAHsat, -1e-4, 1e-4, { unit: 'ohm m' });
  requirePositive('reversedArea', reversedArea, 'm^2');
  requirePositive('activeArea', activeArea, 'm^2');
  return (-rhoAHsat * reversedArea) / activeArea;
}

/** Total Hall resistivity [ohm m] with N skyrmions of reversed areas `areas` (m^2) in the active area. */
export function hallResistivity(rhoAHsat: number, areas: ArrayLike<number>, activeArea: number): number {
  requirePositive('activeArea', activeArea, 'm^2');
  let s = 0;
  for (let i = 0; i < areas.length; i++) s += areas[i];
  // <mz> = 1 - sum_i Int(1 - mz_i) dA / A_active, clipped at full reversal.
  const mz = Math.max(-1, 1 - s / activeArea);
  return rhoAHsat * mz;
}
