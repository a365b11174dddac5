/** Skyrmion profile parameters from a material preset (local thin-film model). */
import { effectiveAnisotropy, totalMagneticThickness } from '../../materials/derived.js';
import type { Material } from '../../materials/material.js';
import type { ProfileParameters } from './profile.js';

/**
 * Local model: Keff = Ku - mu0 Ms^2 / 2 (or the preset's Keff), energy of the whole stack
 * (thickness x repeats). B is the applied field along the background magnetization [T].
 */
export function profileParametersFromMaterial(
  m: Material,
  B: number,
  diskRadius?: number,
): ProfileParameters {
  return {
    A: m.A,
    D: m.D,
    Keff: effectiveAnisotropy(m),
    Ms: m.Ms,
    B,
    thickness: totalMagneticThickness(m),
    ...(diskRadius !== undefined ? { diskRadius } : {}),
  };
}
