/**
 * Quantities derived from a material. They are functions, never stored copies, so an override of
 * Ms, A, Ku or D is always reflected.
 */
import { MU0 } from '../units/constants.js';
import { PhysicsError } from '../util/errors.js';
import type { Material } from './material.js';

/**
 * Effective perpendicular anisotropy [J/m^3]: Keff = Ku - mu0 Ms^2 / 2 (thin-film shape anisotropy),
 * unless the preset gives Keff explicitly.
 */
export function effectiveAnisotropy(m: Pick<Material, 'Ku' | 'Ms' | 'Keff'>): number {
  return m.Keff ?? m.Ku - 0.5 * MU0 * m.Ms * m.Ms;
}

function requirePerpendicular(m: Pick<Material, 'Ku' | 'Ms' | 'Keff' | 'name'>, what: string): number {
  const K = effectiveAnisotropy(m);
  if (!(K > 0)) {
    throw new PhysicsError(
      `${what} needs perpendicular anisotropy, but Keff = ${K.toPrecision(4)} J/m^3 <= 0 for material "${m.name}" (in-plane magnet)`,
    );
  }
  return K;
}

/** Bloch/Neel wall width parameter Delta = sqrt(A / Keff) [m]. */
export function wallWidth(m: Material): number {
  return Math.sqrt(m.A / requirePerpendicular(m, 'wall width'));
}

/** Critical DMI Dc = 4 sqrt(A Keff) / pi [J/m^2]: above it the wall energy is negative and the uniform state is unstable to spirals. */
export function criticalDmi(m: Material): number {
  return (4 * Math.sqrt(m.A * requirePerpendicular(m, 'critical DMI'))) / Math.PI;
}

/** Magnetostatic exchange length l_ex = sqrt(2 A / (mu0 Ms^2)) [m]. */
export function exchangeLength(m: Pick<Material, 'A' | 'Ms'>): number {
  return Math.sqrt((2 * m.A) / (MU0 * m.Ms * m.Ms));
}

/** Domain-wall energy per area sigma = 4 sqrt(A Keff) - pi |D| [J/m^2] (Heide, Bihlmayer, Bluegel PRB 78, 140403 (2008)). */
export function wallEnergy(m: Material): number {
  return 4 * Math.sqrt(m.A * requirePerpendicular(m, 'wall energy')) - Math.PI * Math.abs(m.D);
}

/** Effective anisotropy field mu0 Hk = 2 Keff / Ms [T]. */
export function anisotropyField(m: Material): number {
  return (2 * effectiveAnisotropy(m)) / m.Ms;
}

/** Total magnetic thickness of the stack, thickness * repeats [m]. */
export function totalMagneticThickness(m: Material): number {
  return m.thickness * m.repeats;
}

/** All derived quantities with unit-suffixed keys (SI), for reports and `material show --json`. */
export function derivedQuantities(m: Material): Record<string, number | string> {
  const out: Record<string, number | string> = {
    Keff_J_per_m3: effectiveAnisotropy(m),
    exchange_length_m: exchangeLength(m),
    total_magnetic_thickness_m: totalMagneticThickness(m),
    anisotropy_field_T: anisotropyField(m),
  };
  try {
    out.wall_width_m = wallWidth(m);
    out.critical_dmi_J_per_m2 = criticalDmi(m);
    out.wall_energy_J_per_m2 = wallEnergy(m);
    out.dmi_over_critical = Math.abs(m.D) / criticalDmi(m);
  } catch (err) {
    out.note = (err as Error).message;
  }
  return out;
}
