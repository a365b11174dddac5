/**
 * DW-MTJ neuron model: material + track geometry + circuit + pulse + MTJ, all SI, built from a
 * device preset (models/devices/*.json) by ./dwmtj-preset.ts.
 */
import type { Material } from '../materials/material.js';
import { effectiveAnisotropy, wallEnergy, wallWidth } from '../materials/derived.js';
import { dmiField, wallDemagFactor, type WallParameters } from '../physics/domainwall/wall1d.js';
import type { TrackProfile } from '../physics/domainwall/track.js';
import type { TrapezoidPulse, TrackCircuit } from '../physics/domainwall/pulse.js';
import type { NucleationParameters } from '../physics/domainwall/nucleation.js';
import type { InterPulseParameters } from '../physics/domainwall/interpulse.js';
import type { MtjParameters } from '../physics/readout/mtj.js';
import type { TrackThermalParameters } from '../physics/thermal/track-joule.js';
import { PhysicsError } from '../util/errors.js';

export type DwmtjKind = 'binary' | 'multi-weight';

export interface DwmtjModel {
  name: string;
  kind: DwmtjKind;
  material: Material;
  wall: WallParameters;
  /** Wall energy per area sigma [J/m^2]. */
  sigma: number;
  track: TrackProfile;
  circuit: TrackCircuit;
  pulse: TrapezoidPulse;
  /** Relaxation time simulated after each pulse (zero current) [s]. */
  settleTime: number;
  /** Out-of-plane bias field during writing [A/m] (+ expands the nucleated domain). */
  biasField: number;
  /** Reset field [A/m] (negative: saturates the parallel state). */
  resetField: number;
  /** Static in-plane field along the track [A/m]. */
  inPlaneField: number;
  /** Heavy-metal current density per ampere [1/m^2], signed along +q: J = I * this. */
  currentDensityPerAmpere: number;
  nucleation: NucleationParameters;
  /** The wall between pulses (bias on, no current): interval, attempt frequency, temperature. */
  interPulse: InterPulseParameters;
  /** Where the nucleated wall appears [m]. */
  nucleationPosition: number;
  /**
   * Wall position right after the reset [m]; 0 = no wall (the write pulse nucleates it). A
   * positive value models a wall written by the Oersted line before the pulses (Leonard 2023,
   * Fig. 1(b): the Oe line lies over the first notch).
   */
  initialWallPosition: number;
  thermal: TrackThermalParameters;
  mtj: MtjParameters;
  /** Integration step [s]. */
  timeStep: number;
  /** Sources of every preset value. */
  sources: Record<string, string>;
}

/** Wall parameters from a material and a track width (Delta = sqrt(A/Keff), N_x from Tarasenko 1998). */
export function wallParametersFor(m: Material, width: number): WallParameters {
  const Delta = wallWidth(m);
  const Nx = wallDemagFactor(m.thickness, Delta);
  if (!(effectiveAnisotropy(m) > 0)) throw new PhysicsError(`material ${m.name} is not perpendicular`);
  return {
    Ms: m.Ms,
    Delta,
    alpha: m.alpha,
    gamma: m.gamma,
    thickness: m.thickness,
    width,
    HK: Nx * m.Ms,
    HD: dmiField(m.D, m.Ms, Delta),
  };
}

/** Wall energy per area, with a reason when the wall does not exist. */
export function wallSigma(m: Material): number {
  const s = wallEnergy(m);
  if (!(s > 0))
    throw new PhysicsError(
      `wall energy sigma = ${s.toPrecision(3)} J/m^2 <= 0 for material ${m.name}: |D| exceeds the critical DMI, no isolated wall exists`,
    );
  return s;
}
