/**
 * Parameter specifications and validation shared by material and device presets.
 *
 * A preset stores each parameter as `{ "value": "0.98 mJ/m^2", "source": "..." }`. Validation
 * parses every value to SI with its expected unit, checks its physical range, and collects every
 * problem before reporting them together.
 */
import { z } from 'zod';
import { parseQuantity } from '../units/quantity.js';
import { ParameterError, ValidationError } from '../util/errors.js';

export interface ParameterSpec {
  /** SI unit as a mathjs expression ('' for dimensionless). */
  unit: string;
  description: string;
  /** Required in a preset (else optional; `default` applies when given). */
  required?: boolean;
  default?: number;
  min?: number;
  max?: number;
  minOpen?: boolean;
  maxOpen?: boolean;
  integer?: boolean;
}

export type ParameterSpecs = Record<string, ParameterSpec>;

/** One preset value with its provenance. */
export const presetValueSchema = z.object({
  value: z.union([z.string().min(1), z.number()]),
  source: z.string().min(3, 'every value needs a source'),
  note: z.string().optional(),
});
export type PresetValue = z.infer<typeof presetValueSchema>;

export const presetParametersSchema = z.record(z.string(), presetValueSchema);

export interface ValidatedParameters {
  values: Record<string, number>;
  sources: Record<string, string>;
  /** The raw value strings, as given. */
  given: Record<string, string | number>;
}

/** Range text for messages, e.g. "(0, 1)". */
export function rangeText(spec: ParameterSpec): string {
  const lo = spec.min === undefined ? '(-inf' : `${spec.minOpen ? '(' : '['}${spec.min}`;
  const hi = spec.max === undefined ? 'inf)' : `${spec.max}${spec.maxOpen ? ')' : ']'}`;
  return `${lo}, ${hi}${spec.unit ? ' ' + spec.unit : ''}`;
}

/** Parse and range-check one value; throws ParameterError. */
export function parseParameter(name: string, spec: ParameterSpec, input: string | number): number {
  const v = parseQuantity(input, spec.unit, name);
  const okLo = spec.min === undefined || (spec.minOpen ? v > spec.min : v >= spec.min);
  const okHi = spec.max === undefined || (spec.maxOpen ? v < spec.max : v <= spec.max);
  if (!okLo || !okHi) throw new ParameterError(name, input, `a value in ${rangeText(spec)}`);
  if (spec.integer && !Number.isInteger(v)) throw new ParameterError(name, input, 'an integer');
  return v;
}

/**
 * Validate raw preset parameters against specs. Unknown names, missing required names, unit and
 * range errors are all collected; a ValidationError lists every one.
 */
export function validateParameters(
  specs: ParameterSpecs,
  raw: Record<string, PresetValue>,
  context: string,
): ValidatedParameters {
  const problems: string[] = [];
  const values: Record<string, number> = {};
  const sources: Record<string, string> = {};
  const given: Record<string, string | number> = {};
  for (const name of Object.keys(raw)) {
    if (!(name in specs)) {
      problems.push(`unknown parameter "${name}" (known: ${Object.keys(specs).join(', ')})`);
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    const entry = raw[name];
    if (!entry) {
      if (spec.required)
        problems.push(`${name}: missing (${spec.description}, ${spec.unit || 'dimensionless'})`);
      else if (spec.default !== undefined) {
        values[name] = spec.default;
        sources[name] = 'default';
      }
      continue;
    }
    try {
      values[name] = parseParameter(name, spec, entry.value);
      sources[name] = entry.source;
      given[name] = entry.value;
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length) throw new ValidationError(context, problems);
  return { values, sources, given };
}

/**
 * Apply `--set NAME=VALUE` overrides to raw preset parameters (returns a new object).
 * The value keeps its unit string; the source records the override.
 */
export function applyOverrides(
  specs: ParameterSpecs,
  raw: Record<string, PresetValue>,
  overrides: readonly string[],
): Record<string, PresetValue> {
  const out: Record<string, PresetValue> = { ...raw };
  const problems: string[] = [];
  for (const o of overrides) {
    const eq = o.indexOf('=');
    if (eq <= 0) {
      problems.push(`--set ${JSON.stringify(o)}: expected NAME=VALUE, e.g. D="1.2 mJ/m^2"`);
      continue;
    }
    const name = o.slice(0, eq).trim();
    const value = o.slice(eq + 1).trim();
    if (!(name in specs)) {
      problems.push(`--set ${name}: unknown parameter (known: ${Object.keys(specs).join(', ')})`);
      continue;
    }
    out[name] = { value, source: `override (--set ${name}=${value})` };
  }
  if (problems.length) throw new ValidationError('overrides', problems);
  return out;
}
