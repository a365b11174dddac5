/**
 * Anomalous-Hall readout of skyrmions in a Hall cross.
 *
 * rho_xy = rho_AH,sat <mz> over the active area, plus the optional ordinary (R0 B) and topological
 * (P R0 B_eff) terms below, both off by default (Song et al. 2020 found the ordinary term negligible
 * and argue the topological one is suppressed in ferrimagnets). Starting from saturation (mz = +1) every skyrmion changes <mz> by
 *   delta<mz> = -Int (1 - mz) dA / A_active,
 * so the change of Hall resistivity per skyrmion follows from the profile (Zeissler et al.,
 * Nat. Nanotechnol. 13, 1161 (2018), Eq. 1 with the topological term set to zero):
 *   delta rho_xy = -rho_AH,sat Int (1 - mz) dA / A_active.
 */
import { E_CHARGE, HBAR } from '../../units/constants.js';
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

/**
 * Flux quantum h/e [Wb] of the emergent field: a skyrmion of winding number Q carries Q h/e of
 * emergent magnetic flux for the conduction electrons (Neubauer et al., PRL 102, 186602 (2009);
 * Bruno, Dugaev & Taillefumier, PRL 93, 096806 (2004)). Note h/e, not the superconducting h/2e.
 */
export const EMERGENT_FLUX_QUANTUM = (2 * Math.PI * HBAR) / E_CHARGE;

/** Optional Hall terms beyond the anomalous one; every coefficient defaults to 0 (term off). */
export interface HallTerms {
  /** Ordinary Hall coefficient R0 [m^3/C] of the stack (rho_N = R0 B). Default 0. */
  ordinaryCoefficient?: number;
  /** Applied field along the background magnetization B [T] (for the ordinary term). */
  field?: number;
  /**
   * Spin polarization P of the conduction electrons for the topological term (Neubauer et al.
   * 2009). Default 0: Song et al. 2020 argue the topological Hall effect is suppressed in their
   * ferrimagnet (the two sublattices' contributions largely cancel).
   */
  spinPolarization?: number;
  /**
   * Winding number Q per skyrmion. Default -1: a skyrmion whose core is reversed against a +z
   * background (the convention of physics/skyrmion/profile.ts), so the emergent field opposes the
   * background magnetization, as in MnSi (Neubauer et al. 2009).
   */
  topologicalCharge?: number;
}

/** Ordinary Hall resistivity rho_N = R0 B [ohm m] (Lorentz force on the carriers). */
export function ordinaryHallResistivity(R0: number, B: number): number {
  requireInRange('ordinaryCoefficient', R0, -1e-3, 1e-3, { unit: 'm^3/C' });
  requireInRange('field', B, -100, 100, { unit: 'T' });
  return R0 * B;
}

/**
 * Emergent field of a skyrmion density n [1/m^2] with winding Q per skyrmion:
 *   B_eff = Q (h/e) n   (one emergent flux quantum per skyrmion; Neubauer et al. 2009).
 */
export function emergentField(skyrmionDensity: number, topologicalCharge = -1): number {
  requireInRange('skyrmionDensity', skyrmionDensity, 0, 1e20, { unit: '1/m^2' });
  return topologicalCharge * EMERGENT_FLUX_QUANTUM * skyrmionDensity;
}

/**
 * Topological Hall resistivity rho_T = P R0 B_eff [ohm m] (Neubauer et al., PRL 102, 186602 (2009);
 * the emergent field deflects the carriers like a real field, weighted by their spin polarization P).
 * Linear in the skyrmion density n [1/m^2].
 */
export function topologicalHallResistivity(
  R0: number,
  spinPolarization: number,
  skyrmionDensity: number,
  topologicalCharge = -1,
): number {
  requireInRange('ordinaryCoefficient', R0, -1e-3, 1e-3, { unit: 'm^3/C' });
  requireInRange('spinPolarization', spinPolarization, -1, 1);
  return spinPolarization * R0 * emergentField(skyrmionDensity, topologicalCharge);
}

/**
 * Total Hall resistivity [ohm m] with the optional terms:
 *   rho_xy = rho_AH,sat <mz> + R0 B + P R0 Q (h/e) N / A_active,
 * N = areas.length skyrmions in the active area. With the default terms (all zero) this equals
 * hallResistivity.
 */
export function hallResistivityWithTerms(
  rhoAHsat: number,
  areas: ArrayLike<number>,
  activeArea: number,
  terms: HallTerms = {},
): number {
  const R0 = terms.ordinaryCoefficient ?? 0;
  const rho = hallResistivity(rhoAHsat, areas, activeArea);
  if (R0 === 0) return rho;
  const n = areas.length / activeArea;
  return (
    rho +
    ordinaryHallResistivity(R0, terms.field ?? 0) +
    topologicalHallResistivity(R0, terms.spinPolarization ?? 0, n, terms.topologicalCharge ?? -1)
  );
}
