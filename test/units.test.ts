import { describe, expect, it } from 'vitest';
import { MU0, parseQuantity, parseRange, formatQuantity } from '../src/units/index.js';
import { ParameterError } from '../src/util/errors.js';

describe('parseQuantity', () => {
  it('converts the unit strings of the papers to SI', () => {
    expect(parseQuantity('0.98 mJ/m^2', 'J/m^2')).toBeCloseTo(9.8e-4, 15);
    expect(parseQuantity('140 mT', 'T')).toBeCloseTo(0.14, 15);
    expect(parseQuantity('1.69e10 A/m^2', 'A/m^2')).toBe(1.69e10);
    expect(parseQuantity('30 ns', 's')).toBe(3e-8);
    expect(parseQuantity('20 uohm cm', 'ohm m')).toBeCloseTo(2e-7, 20);
  });

  it('treats Oe as an H field: 1 Oe = 1000/(4 pi) A/m, and converts to B through mu0', () => {
    expect(parseQuantity('350 Oe', 'A/m')).toBeCloseTo((350 * 1000) / (4 * Math.PI), 9);
    // 350 Oe bias of Leonard et al. is 35.0 mT as a B field (mu0 H); CODATA mu0 differs from 4 pi e-7 by 5e-10.
    expect(parseQuantity('350 Oe', 'T')).toBeCloseTo(0.035, 9);
    expect(parseQuantity('-200 Oe', 'T')).toBeCloseTo(-0.02, 9);
    expect(parseQuantity('140 mT', 'A/m')).toBeCloseTo(0.14 / MU0, 6);
    expect(parseQuantity('10 gauss', 'T')).toBeCloseTo(1e-3, 15);
    expect(parseQuantity('1000 emu/cm^3', 'A/m')).toBeCloseTo(1e6, 6);
  });

  it('passes bare numbers through as SI and parses dimensionless values', () => {
    expect(parseQuantity(0.05, '')).toBe(0.05);
    expect(parseQuantity('0.05', '')).toBe(0.05);
    expect(parseQuantity('5 %', '')).toBe(0.05);
    expect(parseQuantity('1e-3', 'J/m^2')).toBe(1e-3);
  });

  it('names the parameter, the value and the expected dimension on a wrong dimension', () => {
    const call = () => parseQuantity('3 ns', 'T', 'Bz');
    expect(call).toThrow(ParameterError);
    expect(call).toThrow(/Bz: got "3 ns", expected .*\[T\].*dimension is s/);
  });

  it('rejects unknown units, empty strings and non-finite numbers', () => {
    expect(() => parseQuantity('3 furlongs/fortnight^3', 'm', 'L')).toThrow(
      /L: got "3 furlongs\/fortnight\^3"/,
    );
    expect(() => parseQuantity('', 'm', 'L')).toThrow(/L: got ""/);
    expect(() => parseQuantity(Number.NaN, 'm', 'L')).toThrow(/L: got NaN/);
    expect(() => parseQuantity('abc', '', 'alpha')).toThrow(
      /alpha: got "abc", expected a dimensionless number/,
    );
  });

  it('parses inclusive ranges with units', () => {
    const v = parseRange('1:2.2:0.12', 'V');
    expect(v).toHaveLength(11);
    expect(v[0]).toBe(1);
    expect(v[10]).toBeCloseTo(2.2, 12);
    expect(parseRange('100 mV:300 mV:100 mV', 'V')).toEqual([0.1, 0.2, 0.3]);
    expect(() => parseRange('1:2', 'V', '--voltages')).toThrow(
      /--voltages: got "1:2", expected START:STOP:STEP/,
    );
  });

  it('formats SI values in a display unit', () => {
    expect(formatQuantity(9.8e-4, 'J/m^2', 'mJ/m^2')).toBe('0.98 mJ/m^2');
  });
});
