import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadTable } from '../src/tables/io.js';

const bin = resolve('dist/src/cli/main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('magneuro skyrmion / synapse CLI', () => {
  it('skyrmion profile --json gives radius, wall width, energy and existence', () => {
    const r = run('skyrmion', 'profile', '--field', '140 mT', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.exists).toBe(true);
    for (const k of ['radius_m', 'wall_width_m', 'energy_J']) expect(Number.isFinite(j[k])).toBe(true);
    expect(j.radius_m).toBeGreaterThan(1e-9);
  });

  it('skyrmion profile reports non-existence with a reason (D above Dc at zero field)', () => {
    const r = run('skyrmion', 'profile', '--set', 'D=1.5 mJ/m^2', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.exists).toBe(false);
    expect(j.reason).toMatch(/runaway|critical/);
    expect(j.radius_m).toBeNull();
  });

  it('synapse simulate writes table.json (loadable), the per-pulse CSV and figures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syn-'));
    const r = run('synapse', 'simulate', '--cycles', '1', '--workers', '1', '--out', dir, '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of [
      'potentiation_states',
      'depression_states',
      'drho_per_skyrmion_potentiation_ohm_m',
      'drho_per_skyrmion_depression_ohm_m',
      'final_drho_ohm_m',
      'final_skyrmions',
      'diameter_sparse_m',
      'diameter_dense_m',
    ])
      expect(typeof j[k]).toBe('number');
    expect(j.potentiation_states).toBe(24);
    expect(j.depression_states).toBe(16);
    // Energetics at the two fields (docs/skyrmion.md section 8): the preset skyrmion lies below the
    // uniform state, so the CLI reports it as not metastable.
    expect(j.energetics.depression.field_T).toBeCloseTo(0.144, 12);
    expect(j.energetics.depression.metastable).toBe(false);
    expect(j.energetics.depression.skyrmion_energy_J).toBeLessThan(0);
    const t = loadTable(join(dir, 'table.json'));
    expect(t.kind).toBe('conductance-levels');
    expect(existsSync(join(dir, 'pulses.csv'))).toBe(true);
    expect(existsSync(join(dir, 'fig2b-drho.png'))).toBe(true);
    expect(existsSync(join(dir, 'fig2c-positions.png'))).toBe(true);
    // Positions after every pulse of cycle 0 (state 0 and each pulse: 25 + 17 records), as many as counted.
    const pos = JSON.parse(readFileSync(j.positions_json, 'utf8'));
    expect(pos.records.length).toBe(25 + 17);
    const csv = readFileSync(join(dir, 'pulses.csv'), 'utf8').trim().split('\n').slice(1);
    csv.forEach((line, k) => expect(pos.records[k].positions_um.length).toBe(2 * Number(line.split(',')[6])));
  }, 60_000);
});
