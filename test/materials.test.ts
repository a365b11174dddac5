import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMaterial,
  criticalDmi,
  effectiveAnisotropy,
  exchangeLength,
  listMaterialPresets,
  loadMaterial,
  wallEnergy,
  wallWidth,
  withParameters,
} from '../src/materials/index.js';
import { MU0 } from '../src/units/index.js';
import { PhysicsError, ValidationError } from '../src/util/errors.js';

describe('material presets', () => {
  it('ships the two presets of the seed papers, and both validate', () => {
    expect(listMaterialPresets()).toEqual(expect.arrayContaining(['pt-gdfeco-mgo', 'ta-cofeb-mgo']));
    const pt = loadMaterial('pt-gdfeco-mgo');
    expect(pt.D).toBeCloseTo(0.98e-3, 12); // Song et al.
    expect(pt.repeats).toBe(20);
    expect(pt.thickness).toBeCloseTo(9e-9, 15);
    const ta = loadMaterial('ta-cofeb-mgo');
    expect(ta.thetaSH).toBeLessThan(0); // tantalum
  });

  it('gives every preset value a source', () => {
    for (const name of listMaterialPresets()) {
      const m = loadMaterial(name);
      for (const [k, s] of Object.entries(m.sources)) expect(s.length, `${name}.${k}`).toBeGreaterThan(3);
    }
  });

  it('applies --set overrides with unit strings', () => {
    const m = loadMaterial('pt-gdfeco-mgo', ['D=1.2 mJ/m^2', 'temperature=350 K']);
    expect(m.D).toBeCloseTo(1.2e-3, 12);
    expect(m.temperature).toBe(350);
    expect(m.sources.D).toMatch(/override/);
  });
});

describe('material validation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'magneuro-mat-'));
  const write = (name: string, obj: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, JSON.stringify(obj));
    return p;
  };

  it('reports every problem of a bad file at once', () => {
    const p = write('bad.json', {
      name: 'bad',
      parameters: {
        Ms: { value: '-5 kA/m', source: 'test' },
        A: { value: '10 mT', source: 'test' },
        alpha: { value: 1.5, source: 'test' },
        Dmi: { value: '1 mJ/m^2', source: 'test' },
        thetaSH: { value: 0.1, source: 'test' },
        thickness: { value: '1 nm', source: 'test' },
      },
    });
    let err: unknown;
    try {
      loadMaterial(p);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    const problems = (err as ValidationError).problems.join('\n');
    expect(problems).toMatch(/unknown parameter "Dmi"/);
    expect(problems).toMatch(/Ms: got "-5 kA\/m", expected a value in \(0, 10000000\] A\/m/);
    expect(problems).toMatch(/A: got "10 mT", expected a quantity in .*J\/m/);
    expect(problems).toMatch(/alpha: got 1.5, expected a value in \(0, 1\)/);
    expect(problems).toMatch(/Ku: missing/);
    expect(problems).toMatch(/D: missing/);
    expect((err as ValidationError).problems.length).toBe(6);
  });

  it('requires a source for every value and valid JSON', () => {
    const p = write('nosource.json', { name: 'x', parameters: { Ms: { value: '1 MA/m' } } });
    expect(() => loadMaterial(p)).toThrow(/parameters\.Ms\.source/);
    const q = join(dir, 'broken.json');
    writeFileSync(q, '{ not json');
    expect(() => loadMaterial(q)).toThrow(/not valid JSON/);
    expect(() => loadMaterial('no-such-preset')).toThrow(
      /no such file and no such preset \(presets: .*pt-gdfeco-mgo/,
    );
  });
});

describe('derived quantities', () => {
  const m = createMaterial('test', {
    Ms: 1e6,
    A: 1.5e-11,
    Ku: 1e6,
    D: 1e-3,
    alpha: 0.1,
    thetaSH: 0.1,
    thickness: 1e-9,
  });

  it('Keff = Ku - mu0 Ms^2 / 2 unless Keff is given', () => {
    expect(effectiveAnisotropy(m)).toBeCloseTo(1e6 - 0.5 * MU0 * 1e12, 6);
    expect(effectiveAnisotropy(withParameters(m, { Keff: 3e5 }))).toBe(3e5);
  });

  it('wall width, critical DMI, exchange length and wall energy follow their closed forms', () => {
    const K = 1e6 - 0.5 * MU0 * 1e12;
    expect(wallWidth(m)).toBeCloseTo(Math.sqrt(1.5e-11 / K), 15);
    expect(criticalDmi(m)).toBeCloseTo((4 * Math.sqrt(1.5e-11 * K)) / Math.PI, 12);
    expect(exchangeLength(m)).toBeCloseTo(Math.sqrt((2 * 1.5e-11) / (MU0 * 1e12)), 15);
    expect(wallEnergy(m)).toBeCloseTo(4 * Math.sqrt(1.5e-11 * K) - Math.PI * 1e-3, 12);
    // sigma vanishes exactly at D = Dc.
    expect(wallEnergy(withParameters(m, { D: criticalDmi(m) }))).toBeCloseTo(0, 12);
  });

  it('refuses in-plane materials with a reason instead of NaN', () => {
    const inPlane = withParameters(m, { Ku: 1e5 });
    expect(() => wallWidth(inPlane)).toThrow(PhysicsError);
    expect(() => wallWidth(inPlane)).toThrow(/Keff = .* <= 0/);
  });

  it('createMaterial checks ranges of SI values too', () => {
    expect(() =>
      createMaterial('x', { Ms: 1e6, A: 1e-11, Ku: 1e6, D: 1e-3, alpha: 0, thetaSH: 0.1, thickness: 1e-9 }),
    ).toThrow(/alpha: got 0, expected a value in \(0, 1\)/);
  });
});
