/** Device preset of the skyrmion synapse: parameter specs, loading, validation. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadMaterial } from '../materials/load.js';
import type { Material } from '../materials/material.js';
import {
  applyOverrides,
  presetParametersSchema,
  validateParameters,
  type ParameterSpecs,
} from '../materials/parameters.js';
import { MagneuroError } from '../util/errors.js';
import { packageRoot } from '../util/paths.js';

export const SKYRMION_SYNAPSE_PARAMETERS = {
  trackWidth: {
    unit: 'm',
    required: true,
    min: 0,
    minOpen: true,
    max: 1e-3,
    description: 'Hall-cross track width',
  },
  trackLength: {
    unit: 'm',
    required: true,
    min: 0,
    minOpen: true,
    max: 1e-3,
    description: 'track length between the pulse contacts',
  },
  activeRadius: {
    unit: 'm',
    required: true,
    min: 0,
    minOpen: true,
    max: 1e-3,
    description: 'radius of the circular active (Hall) area',
  },
  fieldSaturate: { unit: 'T', required: true, min: 0, max: 10, description: 'saturating field' },
  fieldPotentiation: { unit: 'T', required: true, min: 0, max: 10, description: 'field during potentiation' },
  fieldDepression: { unit: 'T', required: true, min: 0, max: 10, description: 'field during depression' },
  currentMin: {
    unit: 'A/m^2',
    required: true,
    min: 0,
    minOpen: true,
    max: 1e13,
    description: 'first pulse amplitude',
  },
  currentMax: {
    unit: 'A/m^2',
    required: true,
    min: 0,
    minOpen: true,
    max: 1e13,
    description: 'last pulse amplitude',
  },
  pulseWidth: { unit: 's', required: true, min: 0, minOpen: true, max: 1e-3, description: 'pulse duration' },
  potentiationPulses: {
    unit: '',
    required: true,
    min: 1,
    max: 1000,
    integer: true,
    description: 'number of potentiation pulses',
  },
  depressionPulses: {
    unit: '',
    required: true,
    min: 1,
    max: 1000,
    integer: true,
    description: 'number of depression pulses',
  },
  attemptFrequency: {
    unit: 'Hz',
    required: true,
    min: 0,
    minOpen: true,
    max: 1e14,
    description: 'attempt frequency of thermally activated events',
  },
  defectSites: {
    unit: '',
    required: true,
    min: 0,
    max: 1000,
    integer: true,
    description: 'low-barrier defect nucleation sites',
  },
  nucleationBarrierSpread: {
    unit: '',
    required: true,
    min: 0,
    max: 1,
    description: 'relative spread of site barriers',
  },
  defectBarrierFactor: {
    unit: '',
    required: true,
    min: 0,
    max: 1,
    description: 'defect barrier / contact barrier',
  },
  nucleationBarrierScale: {
    unit: '',
    default: 1,
    min: 0,
    minOpen: true,
    max: 1,
    description:
      'calibrated: nucleation barrier at the device sites / barrier of the uniform-film energy model (calibrateNucleationBarrierScale)',
  },
  nucleationCriticalCurrent: {
    unit: 'A/m^2',
    min: 0,
    minOpen: true,
    max: 1e16,
    description:
      'calibrated: current density at which the site nucleation barrier vanishes (default: the macrospin sotCriticalCurrent)',
  },
  armWidth: {
    unit: 'm',
    default: 0,
    min: 0,
    max: 1e-3,
    description: "width of the Hall arms (B-B') crossing the track at x = 0; 0 = a plain strip",
  },
  armLength: {
    unit: 'm',
    default: 2e-6,
    min: 0,
    max: 1e-3,
    description: 'length of each Hall arm beyond the track edge (skyrmions farther in are lost)',
  },
  pinningDensity: { unit: 'm^-2', required: true, min: 0, max: 1e16, description: 'pinning sites per area' },
  pinningDepth: { unit: 'J', required: true, min: 0, max: 1e-16, description: 'pinning well depth' },
  pinningWidth: {
    unit: 'm',
    required: true,
    min: 0,
    minOpen: true,
    max: 1e-5,
    description: 'pinning well width',
  },
  timeStep: { unit: 's', required: true, min: 0, minOpen: true, max: 1e-8, description: 'Heun time step' },
  heatCapacity: {
    unit: 'J/(m^3 K)',
    required: true,
    min: 0,
    minOpen: true,
    max: 1e8,
    description: 'volumetric heat capacity',
  },
  thermalConductance: {
    unit: 'W/(m^2 K)',
    required: true,
    min: 0,
    minOpen: true,
    max: 1e12,
    description: 'heat conductance per area to the bath',
  },
} as const satisfies ParameterSpecs;

export type SkyrmionSynapseParameterName = keyof typeof SKYRMION_SYNAPSE_PARAMETERS;
export type SkyrmionSynapseParameters = Record<SkyrmionSynapseParameterName, number>;

const fileSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  material: z.string().min(1),
  materialOverrides: presetParametersSchema.default({}),
  parameters: presetParametersSchema,
});

export interface SkyrmionSynapseDevice {
  name: string;
  description: string;
  material: Material;
  /**
   * The material preset with the user's overrides but without the device preset's own
   * (calibrated) materialOverrides: the prior estimate that calibrations start from, so that a
   * re-run of a calibration reproduces the stored values.
   */
  materialEstimate?: Material;
  params: SkyrmionSynapseParameters;
  sources: Record<string, string>;
}

export function skyrmionSynapsePresetPath(name: string): string {
  if (existsSync(name)) return name;
  const alias = name === 'song2020' ? 'song2020-skyrmion-synapse' : name;
  const p = join(packageRoot(), 'models', 'devices', `${alias}.json`);
  if (!existsSync(p))
    throw new MagneuroError(`device model "${name}": no such file or preset (try song2020)`);
  return p;
}

/**
 * Load a device preset. `overrides` are `NAME=VALUE` strings for device or material parameters
 * (material ones are applied after the preset's own material overrides).
 */
export function loadSkyrmionSynapse(
  nameOrPath = 'song2020',
  overrides: readonly string[] = [],
): SkyrmionSynapseDevice {
  const path = skyrmionSynapsePresetPath(nameOrPath);
  const file = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const devOver = overrides.filter((o) => o.split('=')[0].trim() in SKYRMION_SYNAPSE_PARAMETERS);
  const matOver = overrides.filter((o) => !devOver.includes(o));
  const presetMatOver = Object.entries(file.materialOverrides).map(([k, v]) => `${k}=${v.value}`);
  const material = loadMaterial(file.material, [...presetMatOver, ...matOver]);
  for (const [k, v] of Object.entries(file.materialOverrides)) {
    if (!matOver.some((o) => o.split('=')[0].trim() === k)) material.sources[k] = v.source;
  }
  const raw = applyOverrides(SKYRMION_SYNAPSE_PARAMETERS, file.parameters, devOver);
  const { values, sources } = validateParameters(SKYRMION_SYNAPSE_PARAMETERS, raw, `device "${file.name}"`);
  return {
    name: file.name,
    description: file.description,
    material,
    materialEstimate: loadMaterial(file.material, matOver),
    params: values as SkyrmionSynapseParameters,
    sources,
  };
}
