import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  branchSpans,
  conductanceRange,
  loadTable,
  parseTable,
  saveTable,
  stateProbabilitiesAt,
  switchingProbabilityAt,
  switchingProbabilitySlope,
  tableFromCsv,
  tableToCsv,
  TABLE_SCHEMA_VERSION,
  type LookupTable,
} from '../src/tables/index.js';

const dir = mkdtempSync(join(tmpdir(), 'magneuro-tab-'));

describe('lookup tables', () => {
  it('a measured switching CSV loads as a switching-probability table and interpolates linearly', () => {
    const p = join(dir, 'measured.csv');
    writeFileSync(p, '# name: lab-device\nvoltage_V,probability\n1.0,0.0\n1.5,0.2\n2.0,0.8\n');
    const t = loadTable(p);
    expect(t.kind).toBe('switching-probability');
    expect(t.source.type).toBe('measured');
    if (t.kind !== 'switching-probability') throw new Error('kind');
    expect(switchingProbabilityAt(t, 1.75)).toBeCloseTo(0.5, 12);
    expect(switchingProbabilityAt(t, 0.5)).toBe(0);
    expect(switchingProbabilityAt(t, 3)).toBe(0.8);
    expect(switchingProbabilitySlope(t, 1.75)).toBeCloseTo(1.2, 12);
  });

  it('state tables check that rows sum to 1 and interpolate', () => {
    const t = tableFromCsv('voltage_V,S1,S2\n0,1,0\n2,0,1\n');
    if (t.kind !== 'state-probability') throw new Error('kind');
    expect(Array.from(stateProbabilitiesAt(t, 0.5))).toEqual([0.75, 0.25]);
    expect(() => tableFromCsv('voltage_V,S1,S2\n0,0.5,0.4\n2,0,1\n')).toThrow(/row 0 \(V = 0\) sums to 0.9/);
  });

  it('conductance-level tables round-trip through CSV and JSON unchanged', () => {
    const t: LookupTable = parseTable({
      schema: TABLE_SCHEMA_VERSION,
      kind: 'conductance-levels',
      name: 'toy',
      source: { type: 'analytic', description: 'test' },
      quantity: 'conductance',
      unit: 'S',
      weightSense: 'increasing',
      potentiation: [
        { mean: 1, std: 0.1 },
        { mean: 2, std: 0.1 },
        { mean: 4, std: 0.2 },
      ],
      depression: [
        { mean: 4, std: 0.2 },
        { mean: 1, std: 0.1 },
      ],
    });
    const back = tableFromCsv(tableToCsv(t));
    expect(back.kind).toBe('conductance-levels');
    if (back.kind !== 'conductance-levels' || t.kind !== 'conductance-levels') throw new Error('kind');
    expect(back.potentiation.map((l) => l.mean)).toEqual([1, 2, 4]);
    expect(conductanceRange(back)).toEqual({ min: 1, max: 4, onOff: 4 });
    // Full spans: potentiation 1 -> 4 is u = 0 -> 1, depression 4 -> 1 is u = 1 -> 0.
    expect(branchSpans(back)).toEqual({ potentiation: { from: 0, to: 1 }, depression: { from: 1, to: 0 } });
    const p = join(dir, 't.json');
    saveTable(p, t);
    expect(loadTable(p)).toEqual(t);
  });

  it('gives branch spans in weight sense, including a short depression branch', () => {
    // A Hall-resistivity-like table: values fall as the weight rises (weightSense decreasing).
    // Range [-4, 0]; u = 1 - (G + 4) / 4. Depression -3.5 -> -1 covers u = 0.875 -> 0.25 only.
    const t = parseTable({
      schema: TABLE_SCHEMA_VERSION,
      name: 'short-depression',
      kind: 'conductance-levels',
      source: { type: 'measured' },
      quantity: 'hall-resistivity-change',
      unit: 'ohm m',
      weightSense: 'decreasing',
      potentiation: [0, -1, -2, -3, -4].map((mean) => ({ mean, std: 0 })),
      depression: [-3.5, -2, -1].map((mean) => ({ mean, std: 0 })),
    });
    if (t.kind !== 'conductance-levels') throw new Error('kind');
    const s = branchSpans(t);
    expect(s.potentiation).toEqual({ from: 0, to: 1 });
    expect(s.depression.from).toBeCloseTo(0.875, 12);
    expect(s.depression.to).toBeCloseTo(0.25, 12);
  });

  it('reports schema problems with their paths', () => {
    expect(() =>
      parseTable({
        schema: TABLE_SCHEMA_VERSION,
        kind: 'switching-probability',
        name: 'x',
        source: { type: 'measured' },
        voltage_V: [1, 2],
        probability: [0.5, 1.5],
      }),
    ).toThrow(/probability\.1/);
    expect(() => tableFromCsv('foo,bar\n1,2\n')).toThrow(/unrecognised CSV header "foo,bar"/);
    expect(() => tableFromCsv('voltage_V,probability\n1,abc\n2,0.5\n')).toThrow(
      /row 2, column probability: "abc" is not a number/,
    );
  });
});
