/**
 * Joule heating of a metallic multilayer track during a current pulse (lumped model).
 *
 * Parallel conduction: the same electric field E drives every layer, so the heavy-metal current
 * density j_HM fixes E = rho_HM j_HM and the dissipated power per track area is
 *   p = E^2 (t_HM / rho_HM + t_FM / rho_FM)        [W/m^2]
 * (t = total thickness of each kind of layer). One lumped heat capacity per area C = c_v t_stack and
 * a thermal conductance per area G to the substrate/membrane give
 *   C dT/dt = p - G (T - T0)   =>   Delta T(tau) = (p / G) (1 - exp(-G tau / C)),
 * (e.g. You et al., Appl. Phys. Lett. 89, 222513 (2006) for pulsed heating of nanowires on a substrate).
 * A pure function of geometry, resistivities and current; used by any current-driven device.
 */
import { requirePositive } from '../../util/errors.js';

export interface JouleTrack {
  /** Total heavy-metal thickness [m] and resistivity [ohm m]. */
  heavyMetalThickness: number;
  rhoHeavyMetal: number;
  /** Total magnetic-layer thickness [m] and resistivity [ohm m]. */
  magnetThickness: number;
  rhoMagnet: number;
  /** Volumetric heat capacity of the stack [J/(m^3 K)]. */
  heatCapacity: number;
  /** Thickness carrying the heat capacity [m]. */
  stackThickness: number;
  /** Thermal conductance per area to the bath [W/(m^2 K)]. */
  conductance: number;
}

/** Dissipated power per area [W/m^2] for heavy-metal current density j [A/m^2]. */
export function joulePowerPerArea(t: JouleTrack, j: number): number {
  const E = t.rhoHeavyMetal * j;
  return E * E * (t.heavyMetalThickness / t.rhoHeavyMetal + t.magnetThickness / t.rhoMagnet);
}

/** Temperature rise [K] at the end of a pulse of duration tau [s]. */
export function jouleTemperatureRise(t: JouleTrack, j: number, tau: number): number {
  for (const k of [
    'heavyMetalThickness',
    'rhoHeavyMetal',
    'magnetThickness',
    'rhoMagnet',
    'heatCapacity',
    'stackThickness',
    'conductance',
  ] as const)
    requirePositive(k, t[k]);
  if (!(tau >= 0)) requirePositive('tau', tau, 's');
  const p = joulePowerPerArea(t, j);
  const C = t.heatCapacity * t.stackThickness;
  return (p / t.conductance) * (1 - Math.exp((-t.conductance * tau) / C));
}
