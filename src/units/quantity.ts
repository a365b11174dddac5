/**
 * Unit strings at the boundaries, SI numbers inside.
 *
 * `parseQuantity("0.98 mJ/m^2", "J/m^2")` returns 9.8e-4. Parsing is done by a private mathjs
 * instance that additionally knows the CGS magnetic units used in the literature:
 *   Oe (oersted, an H field): 1 Oe = 1000/(4 pi) A/m
 *   gauss (a B field):        1 gauss = 1e-4 T
 *   emu (magnetic moment):    1 emu = 1e-3 A m^2, so 1 emu/cm^3 = 1000 A/m
 * H and B fields are related by B = mu0 H in vacuum. When a B field (tesla) is expected and an
 * H field (A/m, Oe) is given, or the reverse, the value is converted through mu0. That is the
 * usual convention for applied fields ("350 Oe" bias = 27.85 kA/m = 35.0 mT).
 */
import { all, create, type MathJsInstance, type Unit } from 'mathjs';
import { MU0 } from './constants.js';
import { ParameterError } from '../util/errors.js';

const math: MathJsInstance = create(all, {});
math.createUnit('Oe', { definition: `${1000 / (4 * Math.PI)} A/m`, aliases: ['oersted'] });
math.createUnit('gauss', { definition: '1e-4 T' });
math.createUnit('emu', { definition: '1e-3 A m^2' });

/** What a value may be given as: a unit string ("140 mT"), or a bare number already in SI. */
export type QuantityInput = string | number;

function parseUnit(text: string): Unit {
  return math.unit(text);
}

/** Human name of a dimension for error messages, by its SI unit. */
function dimensionName(siUnit: string): string {
  const names: Record<string, string> = {
    T: 'magnetic flux density (B field)',
    'A/m': 'magnetic field strength H or magnetization',
    'J/m^2': 'energy per area',
    'J/m^3': 'energy density',
    'J/m': 'energy per length (exchange stiffness)',
    'A/m^2': 'current density',
    s: 'time',
    m: 'length',
    K: 'temperature',
    V: 'voltage',
    ohm: 'resistance',
    'ohm m': 'resistivity',
    J: 'energy',
    W: 'power',
    A: 'current',
  };
  return names[siUnit] ? `${names[siUnit]} [${siUnit}]` : `[${siUnit}]`;
}

const TESLA = parseUnit('1 T');
const AMPERE_PER_METRE = parseUnit('1 A/m');

/**
 * Parse a quantity and return its value in the SI unit `siUnit` (a mathjs unit expression such as
 * "J/m^2", "T", "A/m^2", "s"). Use `siUnit = ""` for a dimensionless number.
 * Throws ParameterError (naming `parameter`, the value and the expected dimension) on a bad string,
 * a wrong dimension, or a non-finite result.
 */
export function parseQuantity(input: QuantityInput, siUnit: string, parameter = 'value'): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw new ParameterError(parameter, input, `a finite number in ${siUnit || '1'}`);
    return input;
  }
  if (typeof input !== 'string' || input.trim() === '') {
    throw new ParameterError(
      parameter,
      input,
      `a number or a string with a unit in ${dimensionName(siUnit || '1')}`,
    );
  }
  const text = input.trim();
  // Dimensionless: a bare number (also accepts "5 %").
  if (siUnit === '' || siUnit === '1') {
    const n = Number(text);
    if (Number.isFinite(n)) return n;
    if (/^[-+0-9.eE]+\s*%$/.test(text)) return Number(text.replace('%', '')) / 100;
    throw new ParameterError(parameter, input, 'a dimensionless number');
  }
  const bare = Number(text);
  if (Number.isFinite(bare)) return bare; // a bare number is taken as already in SI
  let u: Unit;
  try {
    u = parseUnit(text);
  } catch (err) {
    throw new ParameterError(
      parameter,
      input,
      `a quantity in ${dimensionName(siUnit)} (${(err as Error).message})`,
    );
  }
  const target = parseUnit(`1 ${siUnit}`);
  let value: number;
  if (u.equalBase(target)) {
    value = u.toNumber(siUnit);
  } else if (target.equalBase(TESLA) && u.equalBase(AMPERE_PER_METRE)) {
    value = MU0 * u.toNumber('A/m'); // B = mu0 H
  } else if (target.equalBase(AMPERE_PER_METRE) && u.equalBase(TESLA)) {
    value = u.toNumber('T') / MU0; // H = B / mu0
  } else {
    throw new ParameterError(
      parameter,
      input,
      `a quantity in ${dimensionName(siUnit)}, but its dimension is ${u.toSI().formatUnits() || '1'}`,
    );
  }
  if (!Number.isFinite(value)) throw new ParameterError(parameter, input, `a finite quantity in ${siUnit}`);
  // Unit conversion leaves binary noise (30 ns -> 3.0000000000000004e-8); 15 digits is below any physics.
  return Number(value.toPrecision(15));
}

/** Format an SI value with a unit for humans, e.g. formatQuantity(9.8e-4, "J/m^2", "mJ/m^2") -> "0.98 mJ/m^2". */
export function formatQuantity(valueSI: number, siUnit: string, displayUnit = siUnit, digits = 4): string {
  if (siUnit === '' || siUnit === '1') return Number(valueSI.toPrecision(digits)).toString();
  const u = math.unit(valueSI, siUnit).to(displayUnit);
  const v = u.toNumber(displayUnit);
  return `${Number(v.toPrecision(digits))} ${displayUnit}`;
}

/** Parse "START:STOP:STEP" (each with optional units) into an inclusive list of SI values. */
export function parseRange(text: string, siUnit: string, parameter = 'range'): number[] {
  const parts = text.split(':');
  if (parts.length !== 3) throw new ParameterError(parameter, text, 'START:STOP:STEP');
  const [start, stop, step] = parts.map((p) => parseQuantity(p, siUnit, parameter));
  if (!(step > 0)) throw new ParameterError(parameter, text, 'a STEP > 0');
  if (stop < start) throw new ParameterError(parameter, text, 'STOP >= START');
  const n = Math.floor((stop - start) / step + 1e-9) + 1;
  if (n > 1_000_000) throw new ParameterError(parameter, text, 'at most 1,000,000 points');
  return Array.from({ length: n }, (_, i) => Number((start + i * step).toPrecision(12)));
}
