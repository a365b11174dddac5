import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTable } from '../src/tables/index.js';
import {
  BINARY_TABLE_SETTINGS,
  committedTablePath,
  generateBinaryTable,
  generateMwTable,
} from '../src/devices/dwmtj-tables.js';

// Full regeneration of both committed tables with their recorded seed and settings (the binary
// table: 11 amplitudes x 200 cycles, ~10 s on 2 workers; the multi-weight ramp: 20 cycles).
describe('committed DW-MTJ tables', () => {
  it('regenerate exactly from their seed and settings', async () => {
    const bin = await generateBinaryTable(2);
    const committed = loadTable(committedTablePath('binary'));
    expect(committed.source.seed).toBe(BINARY_TABLE_SETTINGS.seed);
    expect(committed.source.cycles).toBe(BINARY_TABLE_SETTINGS.cycles);
    expect(bin).toEqual(committed);
    const mw = await generateMwTable(2);
    expect(mw).toEqual(loadTable(committedTablePath('mw')));
    expect(mw.kind).toBe('state-probability');
    if (mw.kind === 'state-probability') expect(mw.states).toHaveLength(5);
  }, 120000);
});

const cli = (args: string[]) =>
  JSON.parse(execFileSync('node', ['dist/src/cli/main.js', ...args], { encoding: 'utf8' })) as Record<
    string,
    unknown
  >;

describe('magneuro neuron CLI', () => {
  it('pulse --json reports switched, final_position_m, resistance_ohm, energy_J', () => {
    const r = cli(['neuron', 'pulse', '--voltage', '1.8', '--json']);
    for (const k of ['switched', 'final_position_m', 'resistance_ohm', 'energy_J'])
      expect(r).toHaveProperty(k);
    expect(r.energy_J as number).toBeCloseTo(44.7e-12, 13);
  });
  it('sweep --json writes table.json and reports v50_V, width_V, energy_per_pulse_J; mw reports 5 states', () => {
    const dir = mkdtempSync(join(tmpdir(), 'neuron-'));
    const r = cli(['neuron', 'sweep', '--voltages', '1.2:2.2:0.5', '--cycles', '6', '--out', dir, '--json']);
    for (const k of ['v50_V', 'width_V', 'energy_per_pulse_J']) expect(r).toHaveProperty(k);
    expect(loadTable(join(dir, 'table.json')).kind).toBe('switching-probability');
    const m = cli([
      'neuron',
      'sweep',
      '--model',
      'leonard2022-mw5',
      '--voltages',
      '0:5.5:2.75',
      '--cycles',
      '2',
      '--out',
      dir,
      '--json',
    ]);
    expect(m.states).toBe(5);
    expect((m.state_probabilities as number[][])[0]).toHaveLength(5);
  }, 60000);
});
