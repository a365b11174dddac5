import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/random/index.js';
import { TABLE_SCHEMA_VERSION, tableToCsv, type ConductanceTable } from '../src/tables/index.js';
import {
  constantStepDeviceTable,
  DeviceSynapses,
  deviceModelFromTable,
  neurosimDeviceTable,
  resolveSynapse,
  softBoundsDeviceTable,
  SONG2020_PUBLISHED_DEVICE,
  usableSong2020Table,
} from '../src/nn/synapses/index.js';

/** A test table: uniform levels 0, 0.1, ..., 1 (S) on both branches, given std. */
function uniformTable(
  levels: number,
  std: number,
  sense: 'increasing' | 'decreasing' = 'increasing',
): ConductanceTable {
  const v = Array.from({ length: levels }, (_, i) => i / (levels - 1));
  const vals = sense === 'increasing' ? v : v.map((x) => -x);
  return {
    schema: TABLE_SCHEMA_VERSION,
    name: 'test-uniform',
    kind: 'conductance-levels',
    source: { type: 'analytic', description: 'test' },
    notes: [],
    quantity: 'conductance',
    unit: 'S',
    weightSense: sense,
    potentiation: vals.map((mean) => ({ mean, std })),
    depression: [...vals].reverse().map((mean) => ({ mean, std })),
  };
}

const fill = (n: number, v: number) => new Float32Array(n).fill(v);

describe('device synapses: pulse-count updates on table levels', () => {
  // 11 levels on [-1, 1] with w_max = 1: one level = 0.2 in weight.
  const n = 50;
  const make = (table = uniformTable(11, 0)) => {
    const s = new DeviceSynapses(n, 1, deviceModelFromTable(table), createRng('syn'), { wMax: 1 });
    s.update(fill(n, -10)); // drive every device to G_min (clipped at the branch end)
    return s;
  };

  it('loses an update smaller than half a level and lands larger ones on levels', () => {
    const s = make();
    expect(Array.from(s.weights)).toEqual(Array(n).fill(-1));
    s.update(fill(n, 0.099)); // 0.099 < 0.1 = half a level: lost
    expect(s.weights[0]).toBe(-1);
    s.update(fill(n, 0.101)); // rounds to one pulse: exactly one level up
    expect(s.weights[0]).toBeCloseTo(-0.8, 6);
    s.update(fill(n, 0.35)); // 1.75 levels -> 2 pulses
    expect(s.weights[0]).toBeCloseTo(-0.4, 6);
    s.update(fill(n, -0.29)); // depression: 1.45 -> 1 pulse down
    expect(s.weights[0]).toBeCloseTo(-0.6, 6);
    s.update(fill(n, 100)); // clipped at the top level
    expect(s.weights[0]).toBeCloseTo(1, 6);
    // Every weight ever produced is one of the 11 levels.
    for (const w of s.weights) expect(Math.abs((w + 1) / 0.2 - Math.round((w + 1) / 0.2))).toBeLessThan(1e-5);
  });

  it('uses separate potentiation and depression branches (24 and 16 states)', () => {
    // Potentiation levels 0..23 of step 1/23, depression 16 levels of step 1/15 (w step 2/23 and 2/15).
    const t = uniformTable(24, 0);
    t.depression = Array.from({ length: 16 }, (_, i) => ({ mean: 1 - i / 15, std: 0 }));
    const s = make(t);
    s.update(fill(n, 2 / 23)); // one potentiation pulse
    expect(s.weights[0]).toBeCloseTo(-1 + 2 / 23, 6);
    s.update(fill(n, 0.6 * (2 / 23))); // 0.6 of a potentiation level -> 1 pulse
    expect(s.weights[0]).toBeCloseTo(-1 + 4 / 23, 6);
    s.update(fill(n, 100));
    // From G_max, one depression pulse is 2/15 in weight (the depression branch spacing).
    s.update(fill(n, -2 / 15));
    expect(s.weights[0]).toBeCloseTo(1 - 2 / 15, 6);
    // 0.45 of a depression level (= 0.78 of a potentiation level) is lost on the depression branch.
    s.update(fill(n, -0.45 * (2 / 15)));
    expect(s.weights[0]).toBeCloseTo(1 - 2 / 15, 6);
  });

  it('never lets a depression raise the weight or a potentiation lower it (branches of unequal span)', () => {
    // Potentiation 0, 0.1, ..., 1; depression 0.9 -> 0.2 in steps of 0.1 (8 levels): it ends above
    // the initial state, like a skyrmion device that keeps some skyrmions after the reversed pulses.
    // G range [0, 1], w_max = 1: weight = 2 G - 1.
    const t = uniformTable(11, 0);
    t.depression = Array.from({ length: 8 }, (_, i) => ({ mean: 0.9 - i / 10, std: 0 }));
    const s = new DeviceSynapses(1, 1, deviceModelFromTable(t), createRng('span'), { wMax: 1 });
    s.update(fill(1, 10)); // potentiation branch, top level: G = 1
    s.update(fill(1, -0.5)); // 1.75 depression steps of 2/7 = 2 pulses from the entry level 0.9: G = 0.7
    expect(s.weights[0]).toBeCloseTo(0.4, 6);
    s.update(fill(1, -10)); // clipped at the depression end, G = 0.2
    expect(s.weights[0]).toBeCloseTo(-0.6, 6);
    s.update(fill(1, 0.2 * 8)); // 8 potentiation pulses from the closest level (0.2): G = 1
    expect(s.weights[0]).toBeCloseTo(1, 6);
    s.update(fill(1, -100)); // to the depression end again, then back to the potentiation start
    s.update(fill(1, 0.2)); // enters potentiation at 0.2, one pulse up: G = 0.3
    expect(s.weights[0]).toBeCloseTo(-0.4, 6);
    // A device below the depression branch's end (G = 0.1 < 0.2): the table holds no state lower
    // on that branch, so a depression is lost instead of moving the device up to 0.2.
    const low = new DeviceSynapses(1, 1, deviceModelFromTable(t), createRng('span'), { wMax: 1 });
    low.restore({
      kind: 'device',
      rows: 1,
      cols: 1,
      weights: [-0.8],
      branch: [0],
      level: [1],
      values: [0.1],
    });
    low.update(fill(1, -10));
    expect(low.weights[0]).toBeCloseTo(-0.8, 6);
    expect(low.deviceValues()[0]).toBeCloseTo(0.1, 12);
    // The mirror case: a potentiation branch that ends below the depression start.
    const v = uniformTable(11, 0);
    v.potentiation = Array.from({ length: 9 }, (_, i) => ({ mean: i / 10, std: 0 })); // 0 .. 0.8
    const top = new DeviceSynapses(1, 1, deviceModelFromTable(v), createRng('span'), { wMax: 1 });
    top.restore({ kind: 'device', rows: 1, cols: 1, weights: [1], branch: [1], level: [0], values: [1] });
    top.update(fill(1, 10)); // would land on 0.8 < 1: lost
    expect(top.weights[0]).toBeCloseTo(1, 6);
  });

  it('draws the readout from N(G_i, sigma_i) at every update and clips at G_min/G_max', () => {
    const sigma = 0.03;
    const big = 20000;
    const s = new DeviceSynapses(big, 1, deviceModelFromTable(uniformTable(11, sigma)), createRng('g'), {
      wMax: 1,
    });
    s.update(fill(big, -10));
    s.update(fill(big, 0.2 * 5)); // 5 pulses up from G_min: level 5, mean G = 0.5
    const g = s.deviceValues();
    let m = 0;
    for (const v of g) m += v;
    m /= big;
    let v2 = 0;
    for (const v of g) v2 += (v - m) ** 2;
    const sd = Math.sqrt(v2 / (big - 1));
    // Standard errors: mean sigma/sqrt(n) = 2e-4, std sigma/sqrt(2n) = 1.5e-4; 5 s.e. tolerances.
    expect(Math.abs(m - 0.5)).toBeLessThan(1e-3);
    expect(Math.abs(sd - sigma)).toBeLessThan(7.5e-4);
    // A second update redraws: values differ from the first draw.
    const before = s.deviceValues();
    s.update(fill(big, 0.2));
    const after = s.deviceValues();
    expect(after[0]).not.toBe(before[0]);
    // At G_max with sigma the draw is clipped: nothing exceeds 1 and a large share sits at 1 exactly.
    s.update(fill(big, 100));
    const top = s.deviceValues();
    expect(Math.max(...top)).toBe(1);
    const atTop = top.filter((v) => v === 1).length / big;
    expect(atTop).toBeGreaterThan(0.45); // half of N(1, sigma) lies above 1 and is clipped
    expect(atTop).toBeLessThan(0.55);
  });

  it('maps a decreasing quantity (Hall resistivity) so that potentiation raises the weight', () => {
    const s = make(uniformTable(11, 0, 'decreasing'));
    expect(s.weights[0]).toBe(-1);
    expect(s.deviceValues()[0]).toBeCloseTo(0, 12); // weakest state = largest value (0)
    s.update(fill(n, 0.2));
    expect(s.weights[0]).toBeCloseTo(-0.8, 6);
    expect(s.deviceValues()[0]).toBeCloseTo(-0.1, 6);
  });

  it('is deterministic for a seed', () => {
    const t = uniformTable(11, 0.05);
    const a = new DeviceSynapses(100, 3, deviceModelFromTable(t), createRng(5));
    const b = new DeviceSynapses(100, 3, deviceModelFromTable(t), createRng(5));
    const d = new Float32Array(300).map((_, i) => Math.sin(i) * 0.2);
    a.update(d);
    b.update(d);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });
});

describe('analytic device families', () => {
  it('NeuroSim nonlinear model spans G_min..G_max and tends to linear for large A', () => {
    const t = neurosimDeviceTable({
      gMin: 1e-6,
      gMax: 1e-5,
      potentiationPulses: 10,
      aPotentiation: 3,
      aDepression: 3,
    });
    expect(t.potentiation[0].mean).toBeCloseTo(1e-6, 15);
    expect(t.potentiation[10].mean).toBeCloseTo(1e-5, 15);
    expect(t.depression[0].mean).toBeCloseTo(1e-5, 15);
    // G(P) = B (1 - exp(-P/A)) + G_min with B = 9e-6 / (1 - exp(-10/3)) at P = 1:
    const B = 9e-6 / (1 - Math.exp(-10 / 3));
    expect(t.potentiation[1].mean).toBeCloseTo(B * (1 - Math.exp(-1 / 3)) + 1e-6, 15);
    const lin = neurosimDeviceTable({ potentiationPulses: 10, aPotentiation: 1e6, aDepression: 1e6 });
    const cs = constantStepDeviceTable({ potentiationPulses: 10, depressionPulses: 64 });
    for (let p = 0; p <= 10; p++)
      expect(lin.potentiation[p].mean / cs.potentiation[p].mean).toBeCloseTo(1, 4);
  });

  it('soft-bounds steps are proportional to the distance to the bound', () => {
    const t = softBoundsDeviceTable({ alpha: 0.1, gMin: 0, gMax: 1, potentiationPulses: 5 });
    for (let p = 0; p < 5; p++) {
      const g = t.potentiation[p].mean;
      expect(t.potentiation[p + 1].mean - g).toBeCloseTo(0.1 * (1 - g), 12);
    }
  });

  it('rejects bad parameters with their name and range', () => {
    expect(() => softBoundsDeviceTable({ alpha: 1.5 })).toThrow(/alpha: got 1.5/);
    expect(() => neurosimDeviceTable({ sigma: -1 })).toThrow(/sigma: got -1/);
  });
});

describe('tables from files', () => {
  it('a CSV table gives the same device as the JSON table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'magneuro-syn-'));
    const t = neurosimDeviceTable({ sigma: 0.01, potentiationPulses: 24, depressionPulses: 16 });
    writeFileSync(join(dir, 'dev.json'), JSON.stringify(t));
    writeFileSync(join(dir, 'dev.csv'), tableToCsv(t));
    const a = resolveSynapse(join(dir, 'dev.json'));
    const b = resolveSynapse(join(dir, 'dev.csv'));
    if (a.kind !== 'device' || b.kind !== 'device') throw new Error('expected device synapses');
    const ma = deviceModelFromTable(a.table);
    const mb = deviceModelFromTable(b.table);
    expect(Array.from(mb.potMean)).toEqual(Array.from(ma.potMean));
    expect(Array.from(mb.depStd)).toEqual(Array.from(ma.depStd));
    const sa = new DeviceSynapses(200, 2, ma, createRng(3));
    const sb = new DeviceSynapses(200, 2, mb, createRng(3));
    const d = new Float32Array(400).map((_, i) => Math.cos(i) * 0.05);
    sa.update(d);
    sb.update(d);
    expect(Array.from(sb.weights)).toEqual(Array.from(sa.weights));
  });

  it('names the problem for an unknown choice and a missing table file', () => {
    expect(() => resolveSynapse('no-such-thing')).toThrow(/expected ideal, song2020/);
    expect(() => resolveSynapse('/nonexistent/t.json')).toThrow(/does not exist/);
  });

  it('song2020-published: 24/16 even states to -310 nOhm cm, std 4.1 nOhm cm (Song et al. 2020 Fig. 2B)', () => {
    const s = resolveSynapse('song2020-published');
    if (s.kind !== 'device') throw new Error('expected a device synapse');
    const { potentiation: p, depression: d } = s.table;
    expect(p.length).toBe(SONG2020_PUBLISHED_DEVICE.potentiationStates + 1);
    expect(d.length).toBe(SONG2020_PUBLISHED_DEVICE.depressionStates + 1);
    // nOhm cm = 1e-11 ohm m: the end of potentiation is -3.1e-9 ohm m, reached in equal steps.
    expect(p[0].mean).toBeCloseTo(0, 20);
    expect(p[24].mean).toBeCloseTo(-3.1e-9, 20);
    for (let k = 1; k < p.length; k++) expect(p[k].mean - p[k - 1].mean).toBeCloseTo(-3.1e-9 / 24, 20);
    for (let k = 1; k < d.length; k++) expect(d[k].mean - d[k - 1].mean).toBeCloseTo(3.1e-9 / 16, 20);
    expect(d[16].mean).toBeCloseTo(0, 20);
    for (const l of [...p, ...d]) expect(l.std).toBeCloseTo(4.1e-11, 20);
    // The resistivity falls as skyrmions accumulate: potentiation must raise the weight.
    const m = deviceModelFromTable(s.table);
    expect(m.potMean[24]).toBeGreaterThan(m.potMean[0]);
  });

  it('the committed song2020 table is usable (more than one level)', () => {
    const u = usableSong2020Table();
    expect('reason' in u ? u.reason : '').toBe('');
  });
});

describe('device synapses: initial weights', () => {
  it('are centred even when many levels at one end are equal (e.g. a nucleation onset)', () => {
    // 25 levels: the first 10 all at 0, then evenly up to 1. Drawing a random level index would put
    // 10/25 of the devices at -wMax (mean weight about -0.37 wMax); drawing the weight does not.
    const t = uniformTable(25, 0);
    t.potentiation = t.potentiation.map((l, i) => ({ mean: i < 10 ? 0 : (i - 9) / 15, std: 0 }));
    const layer = new DeviceSynapses(200, 100, deviceModelFromTable(t), createRng('init'));
    let sum = 0;
    for (const w of layer.weights) sum += w;
    const mean = sum / layer.weights.length;
    // 20000 weights uniform-ish on [-wMax, wMax]: the standard error of the mean is about
    // wMax/sqrt(3 * 20000) = 0.004 wMax; the level grid (spacing 2 wMax/15) adds a bias below
    // one half spacing. Allow 0.07 wMax, far below the 0.37 wMax of the index draw.
    expect(Math.abs(mean)).toBeLessThan(0.07 * layer.wMax);
  });
});
