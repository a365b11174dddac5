/**
 * The committed lookup tables of the DW-MTJ presets (models/tables/*.json), with the exact
 * settings that regenerate them (`magneuro neuron tables --write`; test/dwmtj-tables.test.ts
 * regenerates both and checks equality). The spiking-network layer resolves `--neuron dwmtj-binary`
 * and `dwmtj-mw` to these paths.
 */
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { readDwmtjFile } from './dwmtj-preset.js';
import { runBinarySweep, runRampSweep } from './dwmtj-sweep.js';
import type { StateTable, SwitchingTable } from '../tables/index.js';

export const BINARY_TABLE_SETTINGS = {
  model: 'leonard2023-binary',
  voltages: [1.0, 1.12, 1.24, 1.36, 1.48, 1.6, 1.72, 1.84, 1.96, 2.08, 2.2],
  cycles: 200,
  seed: 'leonard2023-binary-table',
  maxPulses: 50,
} as const;

export const MW_TABLE_SETTINGS = {
  model: 'leonard2022-mw5',
  voltages: Array.from({ length: 23 }, (_, i) => Math.round(i * 0.25 * 100) / 100),
  cycles: 20,
  seed: 'leonard2022-mw5-table',
} as const;

export function committedTablePath(kind: 'binary' | 'mw'): string {
  return join(
    packageRoot(),
    'models',
    'tables',
    kind === 'binary' ? 'leonard2023-binary-switching.json' : 'leonard2022-mw5-states.json',
  );
}

export async function generateBinaryTable(workers?: number): Promise<SwitchingTable> {
  const s = BINARY_TABLE_SETTINGS;
  const r = await runBinarySweep(
    { file: readDwmtjFile(s.model), overrides: [] },
    { voltages: [...s.voltages], cycles: s.cycles, seed: s.seed, maxPulses: s.maxPulses, workers },
  );
  return r.table;
}

export async function generateMwTable(workers?: number): Promise<StateTable> {
  const s = MW_TABLE_SETTINGS;
  const r = await runRampSweep(
    { file: readDwmtjFile(s.model), overrides: [] },
    { voltages: [...s.voltages], cycles: s.cycles, seed: s.seed, workers },
  );
  return r.table;
}
