/**
 * DW-MTJ device presets (models/devices/*.json): every value with a unit string and a source,
 * validated against DWMTJ_PARAMETERS; `--set NAME=VALUE` overrides apply to device parameters and
 * (for names of MATERIAL_PARAMETERS) to the material.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadMaterial } from '../materials/load.js';
import { MATERIAL_PARAMETERS } from '../materials/material.js';
import {
  applyOverrides,
  presetParametersSchema,
  validateParameters,
  type ParameterSpecs,
} from '../materials/parameters.js';
import { heavyMetalCurrentFraction } from '../physics/domainwall/pulse.js';
import { checkTrackProfile, type Notch } from '../physics/domainwall/track.js';
import { checkMtj } from '../physics/readout/mtj.js';
import { checkThermal } from '../physics/thermal/track-joule.js';
import { MagneuroError, ParameterError, ValidationError } from '../util/errors.js';
import { packageRoot } from '../util/paths.js';
import { wallParametersFor, wallSigma, type DwmtjModel } from './dwmtj-model.js';

const len = (description: string, extra: Partial<ParameterSpecs[string]> = {}) => ({
  unit: 'm',
  description,
  required: true,
  min: 0,
  ...extra,
});
const time = (description: string) => ({ unit: 's', description, required: true, min: 0, max: 1e-3 });

export const DWMTJ_PARAMETERS = {
  trackWidth: len('nominal track width w0', { minOpen: true, max: 1e-4 }),
  trackLength: len('track length L', { minOpen: true, max: 1e-3 }),
  notchCount: { unit: '', description: 'number of notches', required: true, min: 1, max: 20, integer: true },
  firstNotchPosition: len('centre of the first notch'),
  notchPitch: len('distance between notch centres'),
  notchDepth: len('notch depth d (width reduction at the centre)'),
  notchLength: len('Gaussian notch length s', { minOpen: true }),
  nucleationPosition: len('position where the nucleated wall appears'),
  initialWallPosition: len('wall position after the reset (0: no wall; the write pulse nucleates it)', {
    required: false,
    default: 0,
  }),
  mtjStart: len('junction start along the track'),
  mtjEnd: len('junction end along the track'),
  RA: { unit: 'ohm m^2', description: 'MTJ resistance-area product', required: true, min: 0, minOpen: true },
  tmr: { unit: '', description: 'zero-bias TMR ratio', required: true, min: 0, max: 10 },
  tmrHalfBias: {
    unit: 'V',
    description: 'bias at which the TMR halves',
    required: true,
    min: 0,
    minOpen: true,
  },
  readVoltage: { unit: 'V', description: 'read bias', required: true, min: 0, max: 2 },
  twoPointResistance: {
    unit: 'ohm',
    description: 'two-point resistance CLK -> IN',
    required: true,
    min: 0,
    minOpen: true,
  },
  fourPointResistance: {
    unit: 'ohm',
    description: 'four-point track resistance',
    required: true,
    min: 0,
    minOpen: true,
  },
  riseTime: time('pulse rise time'),
  plateauTime: time('pulse plateau'),
  fallTime: time('pulse fall time'),
  settleTime: time('relaxation simulated after each pulse'),
  biasField: {
    unit: 'A/m',
    description: 'out-of-plane bias field while writing',
    required: true,
    min: -1e6,
    max: 1e6,
  },
  resetField: { unit: 'A/m', description: 'out-of-plane reset field', required: true, min: -1e6, max: 1e6 },
  inPlaneField: {
    unit: 'A/m',
    description: 'static in-plane field along the track',
    default: 0,
    min: -1e6,
    max: 1e6,
  },
  nucleationAttemptFrequency: {
    unit: 'Hz',
    description: 'nucleation attempt frequency',
    required: true,
    min: 0,
    minOpen: true,
  },
  nucleationBarrier: {
    unit: 'J',
    description: 'nucleation barrier at zero field and current',
    required: true,
    min: 0,
  },
  nucleationField: {
    unit: 'A/m',
    description: 'field removing the nucleation barrier',
    required: true,
    min: 0,
    minOpen: true,
  },
  nucleationCurrentDensity: {
    unit: 'A/m^2',
    description: 'heavy-metal current density removing the nucleation barrier',
    required: true,
    min: 0,
    minOpen: true,
  },
  pulseInterval: {
    unit: 's',
    description: 'time between pulses with the bias on and no current',
    required: true,
    min: 0,
    max: 1e3,
  },
  depinningAttemptFrequency: {
    unit: 'Hz',
    description: 'attempt frequency of a wall pinned in a notch',
    required: true,
    min: 0,
    minOpen: true,
  },
  heatTransfer: {
    unit: 'W/(m^2 K)',
    description: 'heat-transfer coefficient to the substrate',
    required: true,
    min: 0,
    minOpen: true,
  },
  heatCapacity: {
    unit: 'J/(m^2 K)',
    description: 'heat capacity per area',
    required: true,
    min: 0,
    minOpen: true,
  },
  currentDirection: {
    unit: '',
    description: 'sign of the heavy-metal current along +q (from the nucleation end to the far end)',
    required: true,
    min: -1,
    max: 1,
    integer: true,
  },
  timeStep: { unit: 's', description: 'integration step', default: 1e-11, min: 1e-14, max: 1e-10 },
} as const satisfies ParameterSpecs;

export const dwmtjFileSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['binary', 'multi-weight']),
  description: z.string().default(''),
  references: z.array(z.string()).default([]),
  material: z.string().min(1),
  parameters: presetParametersSchema,
});
export type DwmtjFile = z.infer<typeof dwmtjFileSchema>;

export const DWMTJ_PRESETS = ['leonard2023-binary', 'leonard2022-mw5'] as const;

export function devicePresetPath(name: string): string {
  return join(packageRoot(), 'models', 'devices', `${name}.json`);
}

export function readDwmtjFile(nameOrPath: string): DwmtjFile {
  const path = existsSync(nameOrPath) ? nameOrPath : devicePresetPath(nameOrPath);
  if (!existsSync(path))
    throw new MagneuroError(
      `unknown DW-MTJ model "${nameOrPath}" (presets: ${DWMTJ_PRESETS.join(', ')}, or a JSON file path)`,
    );
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new MagneuroError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = dwmtjFileSchema.safeParse(json);
  if (!parsed.success)
    throw new ValidationError(
      path,
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  return parsed.data;
}

/** Build the SI device model from a preset file; `overrides` are NAME=VALUE (device or material). */
export function dwmtjFromFile(file: DwmtjFile, overrides: readonly string[] = []): DwmtjModel {
  const materialOverrides = overrides.filter((o) => o.split('=')[0].trim() in MATERIAL_PARAMETERS);
  const deviceOverrides = overrides.filter((o) => !(o.split('=')[0].trim() in MATERIAL_PARAMETERS));
  const material = loadMaterial(file.material, materialOverrides);
  const raw = applyOverrides(DWMTJ_PARAMETERS, file.parameters, deviceOverrides);
  const { values: v, sources } = validateParameters(DWMTJ_PARAMETERS, raw, `device "${file.name}"`);
  const notches: Notch[] = [];
  for (let i = 0; i < v.notchCount; i++)
    notches.push({
      position: v.firstNotchPosition + i * v.notchPitch,
      depth: v.notchDepth,
      length: v.notchLength,
    });
  const track = checkTrackProfile({ width: v.trackWidth, length: v.trackLength, notches });
  if (v.initialWallPosition >= v.trackLength)
    throw new ParameterError(
      'initialWallPosition',
      v.initialWallPosition,
      `0 (no wall) or a position inside the track, below trackLength = ${v.trackLength} m`,
    );
  if (
    material.heavyMetalThickness === undefined ||
    material.rhoHeavyMetal === undefined ||
    material.rhoMagnet === undefined
  )
    throw new ParameterError(
      `material ${material.name}`,
      'heavyMetalThickness/rhoHeavyMetal/rhoMagnet missing',
      'all three (they set the heavy-metal current density)',
    );
  const fHM = heavyMetalCurrentFraction(
    material.heavyMetalThickness,
    material.rhoHeavyMetal,
    material.thickness,
    material.rhoMagnet,
  );
  return {
    name: file.name,
    kind: file.kind,
    material,
    wall: wallParametersFor(material, v.trackWidth),
    sigma: wallSigma(material),
    track,
    circuit: { twoPointResistance: v.twoPointResistance, fourPointResistance: v.fourPointResistance },
    pulse: { rise: v.riseTime, plateau: v.plateauTime, fall: v.fallTime },
    settleTime: v.settleTime,
    biasField: v.biasField,
    resetField: v.resetField,
    inPlaneField: v.inPlaneField,
    // J_HM = f_HM I / (w t_HM)
    currentDensityPerAmpere: (v.currentDirection * fHM) / (v.trackWidth * material.heavyMetalThickness),
    nucleation: {
      attemptFrequency: v.nucleationAttemptFrequency,
      barrier: v.nucleationBarrier,
      field: v.nucleationField,
      currentDensity: v.nucleationCurrentDensity,
    },
    nucleationPosition: v.nucleationPosition,
    initialWallPosition: v.initialWallPosition,
    interPulse: {
      interval: v.pulseInterval,
      attemptFrequency: v.depinningAttemptFrequency,
      temperature: material.temperature,
    },
    thermal: checkThermal({
      heatTransfer: v.heatTransfer,
      heatCapacity: v.heatCapacity,
      area: v.trackWidth * v.trackLength,
      ambient: material.temperature,
    }),
    mtj: checkMtj({
      RA: v.RA,
      area: (v.mtjEnd - v.mtjStart) * v.trackWidth,
      tmr0: v.tmr,
      vHalf: v.tmrHalfBias,
      start: v.mtjStart,
      end: v.mtjEnd,
      readVoltage: v.readVoltage,
    }),
    timeStep: v.timeStep,
    sources: {
      ...Object.fromEntries(Object.entries(material.sources).map(([k, s]) => [`material.${k}`, s])),
      ...sources,
    },
  };
}

export function loadDwmtj(nameOrPath: string, overrides: readonly string[] = []): DwmtjModel {
  return dwmtjFromFile(readDwmtjFile(nameOrPath), overrides);
}
