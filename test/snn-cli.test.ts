import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sigmoidTable } from './snn-fixtures.js';

const bin = resolve('dist/src/cli/main.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MAGNEURO_OFFLINE: '1' },
  });
const dataDir = process.env.MAGNEURO_DATA ?? resolve('../shared/data');
const haveData = existsSync(join(dataDir, 'fashion-mnist'));

describe('magneuro train snn / eval snn', () => {
  it('rejects an unknown neuron and a table of the wrong kind with one line, exit 2', () => {
    const r = run('train', 'snn', '--neuron', 'izhikevich');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--neuron/);
  });

  it.runIf(haveData)(
    'trains a tiny network on real Fashion-MNIST with a CSV switching table, then evaluates with noise',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'snn-cli-'));
      const t = sigmoidTable();
      const csv = join(dir, 'sw.csv');
      writeFileSync(
        csv,
        ['voltage_V,probability', ...t.voltage_V.map((v, i) => `${v},${t.probability[i]}`)].join('\n'),
      );
      const r = run(
        'train',
        'snn',
        '--data-dir',
        dataDir,
        '--neuron',
        csv,
        '--hidden',
        '20',
        '--timesteps',
        '5',
        '--limit',
        '300',
        '--test-limit',
        '100',
        '--epochs',
        '2',
        '--lr',
        '1e-2',
        '--out',
        dir,
        '--json',
        '--workers',
        '1',
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.validation_accuracy).toHaveLength(2);
      expect(j.neuron_kind).toBe('dwmtj-binary');
      // Chance is 10 % (binomial sigma on 100 images: 3 points); 300 images x 2 epochs at lr 1e-2 reach ~40 %.
      expect(j.test_accuracy).toBeGreaterThan(0.2);
      expect(j.images_per_s).toBeGreaterThan(0);
      expect(existsSync(j.checkpoint)).toBe(true);
      const e = run(
        'eval',
        'snn',
        '--checkpoint',
        j.checkpoint,
        '--noise',
        '0:2:1',
        '--data-dir',
        dataDir,
        '--test-limit',
        '100',
        '--json',
        '--workers',
        '1',
      );
      expect(e.status).toBe(0);
      const ej = JSON.parse(e.stdout);
      expect(ej.results.map((x: { noise_std: number }) => x.noise_std)).toEqual([0, 1, 2]);
      expect(ej.results[0].accuracy).toBeCloseTo(j.test_accuracy, 10);
      expect(ej.noise_clipping).toMatch(/clipped/);
    },
    60000,
  );
});
