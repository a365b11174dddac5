import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The CLI under test is the built one (npm test builds before vitest runs).
const bin = resolve('dist/src/cli/main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('magneuro CLI', () => {
  it('is built', () => expect(existsSync(bin)).toBe(true));

  it('--help lists the subcommands and --version prints the package version', () => {
    const h = run('--help');
    expect(h.status).toBe(0);
    for (const c of ['material', 'table', 'quickstart', 'bench']) expect(h.stdout).toContain(c);
    const v = run('--version');
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('material show --json prints every parameter and the derived quantities in SI', () => {
    const r = run('material', 'show', 'pt-gdfeco-mgo', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.parameters.D_J_per_m2).toBeCloseTo(9.8e-4, 12);
    expect(j.parameters.Ms_A_per_m).toBeGreaterThan(0);
    expect(j.derived.wall_width_m).toBeGreaterThan(0);
    expect(j.derived.critical_dmi_J_per_m2).toBeGreaterThan(0);
    expect(j.sources.D).toMatch(/Song/);
  });

  it('table show --json prints where each branch starts and ends in the weight range', () => {
    // Levels 1..4 S: potentiation 1 -> 4 spans 0 -> 100 %, depression 3.5 -> 2 only 83.3 -> 33.3 %.
    const dir = mkdtempSync(join(tmpdir(), 'magneuro-cli-table-'));
    const file = join(dir, 't.json');
    writeFileSync(
      file,
      JSON.stringify({
        schema: 'magneuro.table/1',
        name: 'short-depression',
        kind: 'conductance-levels',
        source: { type: 'measured' },
        quantity: 'conductance',
        unit: 'S',
        potentiation: [1, 2, 3, 4].map((mean) => ({ mean, std: 0 })),
        depression: [3.5, 2].map((mean) => ({ mean, std: 0 })),
      }),
    );
    const r = run('table', 'show', file, '--json');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout).summary;
    expect(s.potentiation_span_pct).toEqual([0, 100]);
    expect(s.depression_span_pct).toEqual([83.3, 33.3]);
  });

  it('global flags work after the subcommand, and --set overrides with units', () => {
    const r = run('material', 'show', 'ta-cofeb-mgo', '--set', 'D=0.3 mJ/m^2', '--json');
    expect(JSON.parse(r.stdout).parameters.D_J_per_m2).toBeCloseTo(3e-4, 12);
  });

  it('bad input exits with status 2 and one clear line', () => {
    const r = run('material', 'show', 'ta-cofeb-mgo', '--set', 'D=5 T');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/D: got "5 T", expected a quantity in energy per area/);
    const u = run('material', 'show', 'no-such');
    expect(u.status).toBe(2);
    expect(run('no-such-command').status).toBe(2);
  });

  it('quickstart writes a report', () => {
    const out = mkdtempSync(join(tmpdir(), 'magneuro-qs-'));
    const r = run('quickstart', '--only', 'materials', '--out', out, '--json');
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/Material `pt-gdfeco-mgo`/);
  });
});
