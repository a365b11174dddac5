/**
 * Materials: the first stage of the data flow (material -> physics -> device -> table -> network).
 *
 * Parameter names are the same everywhere (presets, `--set`, API). Values are SI numbers.
 */
import { z } from 'zod';
import { GAMMA_E } from '../units/constants.js';
import {
  applyOverrides,
  presetParametersSchema,
  validateParameters,
  type ParameterSpecs,
  type PresetValue,
} from './parameters.js';

/** Every material parameter, its SI unit and its physical range. */
export const MATERIAL_PARAMETERS = {
  Ms: {
    unit: 'A/m',
    required: true,
    min: 0,
    minOpen: true,
    max: 1e7,
    description: 'saturation magnetization (net, for a ferrimagnet)',
  },
  A: { unit: 'J/m', required: true, min: 0, minOpen: true, max: 1e-9, description: 'exchange stiffness' },
  Ku: {
    unit: 'J/m^3',
    required: true,
    min: 0,
    max: 1e8,
    description: 'uniaxial perpendicular anisotropy constant (before the thin-film shape term)',
  },
  Keff: {
    unit: 'J/m^3',
    min: -1e8,
    max: 1e8,
    description: 'effective anisotropy; when given it overrides Ku - mu0 Ms^2/2',
  },
  D: {
    unit: 'J/m^2',
    required: true,
    min: -0.02,
    max: 0.02,
    description:
      'interfacial DMI constant (sign: D > 0 favours left-handed Neel walls in the convention of Thiaville et al. EPL 2012)',
  },
  alpha: {
    unit: '',
    required: true,
    min: 0,
    minOpen: true,
    max: 1,
    maxOpen: true,
    description: 'Gilbert damping',
  },
  gamma: {
    unit: 'rad/(s T)',
    default: GAMMA_E,
    min: 0,
    minOpen: true,
    max: 1e13,
    description: 'gyromagnetic ratio (effective, for a ferrimagnet)',
  },
  thetaSH: {
    unit: '',
    required: true,
    min: -1,
    max: 1,
    description: 'spin Hall angle of the heavy metal (negative for Ta and W)',
  },
  thickness: {
    unit: 'm',
    required: true,
    min: 0,
    minOpen: true,
    max: 1e-6,
    description: 'magnetic layer thickness (one repeat)',
  },
  repeats: {
    unit: '',
    default: 1,
    min: 1,
    max: 1000,
    integer: true,
    description: 'number of repeats of the multilayer',
  },
  period: {
    unit: 'm',
    min: 0,
    minOpen: true,
    max: 1e-6,
    description: 'multilayer repeat period (magnetic layer + spacers)',
  },
  heavyMetalThickness: {
    unit: 'm',
    min: 0,
    minOpen: true,
    max: 1e-6,
    description: 'heavy-metal (spin Hall) layer thickness',
  },
  temperature: {
    unit: 'K',
    default: 300,
    min: 0,
    minOpen: true,
    max: 2000,
    description: 'ambient (substrate) temperature',
  },
  curieTemperature: {
    unit: 'K',
    min: 0,
    minOpen: true,
    max: 2000,
    description: 'Curie temperature of the magnetic layer',
  },
  rhoHeavyMetal: { unit: 'ohm m', min: 0, minOpen: true, max: 1e-3, description: 'heavy-metal resistivity' },
  rhoMagnet: { unit: 'ohm m', min: 0, minOpen: true, max: 1e-3, description: 'magnetic layer resistivity' },
  rhoAHsat: {
    unit: 'ohm m',
    min: -1e-4,
    max: 1e-4,
    description: 'anomalous Hall resistivity at saturation (sign as measured)',
  },
  netSpinDensity: {
    unit: 'J s/m^3',
    min: -1,
    max: 1,
    description: 'net spin (angular momentum) density delta_s = Ms1/gamma1 - Ms2/gamma2 of a ferrimagnet',
  },
  totalSpinDensity: {
    unit: 'J s/m^3',
    min: 0,
    minOpen: true,
    max: 1,
    description: 'total spin density s = Ms1/gamma1 + Ms2/gamma2 of a ferrimagnet',
  },
  fieldLikeRatio: {
    unit: '',
    default: 0,
    min: -10,
    max: 10,
    description: 'ratio of field-like to damping-like spin-orbit torque',
  },
  ordinaryHallCoefficient: {
    unit: 'm^3/C',
    default: 0,
    min: -1e-3,
    max: 1e-3,
    description: 'ordinary Hall coefficient R0 of the stack (rho_N = R0 B; 0 = term off)',
  },
  hallSpinPolarization: {
    unit: '',
    default: 0,
    min: -1,
    max: 1,
    description: 'carrier spin polarization P of the topological Hall term P R0 B_eff (0 = term off)',
  },
} as const satisfies ParameterSpecs;

export type MaterialParameterName = keyof typeof MATERIAL_PARAMETERS;

/** A validated material: SI numbers plus provenance. Optional parameters are undefined when not given. */
export interface Material {
  name: string;
  description: string;
  Ms: number;
  A: number;
  Ku: number;
  Keff?: number;
  D: number;
  alpha: number;
  gamma: number;
  thetaSH: number;
  thickness: number;
  repeats: number;
  period?: number;
  heavyMetalThickness?: number;
  temperature: number;
  curieTemperature?: number;
  rhoHeavyMetal?: number;
  rhoMagnet?: number;
  rhoAHsat?: number;
  netSpinDensity?: number;
  totalSpinDensity?: number;
  fieldLikeRatio: number;
  ordinaryHallCoefficient: number;
  hallSpinPolarization: number;
  /** Source of every value (literature reference, 'estimate: ...', 'default', or 'override'). */
  sources: Record<string, string>;
}

/** The JSON file format of a material preset. */
export const materialFileSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  references: z.array(z.string()).default([]),
  parameters: presetParametersSchema,
});
export type MaterialFile = z.infer<typeof materialFileSchema>;

/** Build a Material from a parsed preset file (validates, applies overrides, reports every problem). */
export function materialFromFile(file: MaterialFile, overrides: readonly string[] = []): Material {
  const raw: Record<string, PresetValue> = applyOverrides(MATERIAL_PARAMETERS, file.parameters, overrides);
  const { values, sources } = validateParameters(MATERIAL_PARAMETERS, raw, `material "${file.name}"`);
  return {
    name: file.name,
    description: file.description,
    ...(values as Omit<Material, 'name' | 'description' | 'sources'>),
    sources,
  };
}

/**
 * Build a Material directly from SI numbers (API use). Values are checked against the same ranges.
 */
export function createMaterial(
  name: string,
  params: Partial<Record<MaterialParameterName, number>>,
  description = '',
): Material {
  const raw: Record<string, PresetValue> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined) raw[k] = { value: v, source: 'API (SI value)' };
  }
  return materialFromFile({ name, description, references: [], parameters: raw });
}

/** A copy of `m` with some SI values replaced (re-validated). */
export function withParameters(
  m: Material,
  changes: Partial<Record<MaterialParameterName, number>>,
): Material {
  const params: Partial<Record<MaterialParameterName, number>> = {};
  for (const k of Object.keys(MATERIAL_PARAMETERS) as MaterialParameterName[]) {
    const v = (m as unknown as Record<string, number | undefined>)[k];
    if (v !== undefined) params[k] = v;
  }
  const out = createMaterial(m.name, { ...params, ...changes }, m.description);
  out.sources = { ...m.sources };
  for (const k of Object.keys(changes)) out.sources[k] = 'API override (SI value)';
  return out;
}
