/** Turning a `--synapse` choice (name or table file) into a synapse specification. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  asConductanceTable,
  conductanceRange,
  loadTable,
  type ConductanceTable,
} from '../../tables/index.js';
import { MagneuroError } from '../../util/errors.js';
import { packageRoot } from '../../util/paths.js';
import { constantStepDeviceTable, neurosimDeviceTable, softBoundsDeviceTable } from './analytic.js';
import { song2020PublishedDeviceTable } from './song2020-published.js';

export type SynapseChoice = { kind: 'ideal' } | { kind: 'device'; table: ConductanceTable; origin: string };

/** Path of the skyrmion synapse table produced by the skyrmion workstream. */
export function song2020TablePath(): string {
  return join(packageRoot(), 'models', 'tables', 'song2020-skyrmion-synapse.json');
}

/**
 * Default analytic devices (all with 2 % cycle-to-cycle sigma of the range):
 * neurosim: 64 pulses per branch, A_p = 32, A_d = 16 pulses (nonlinear and asymmetric);
 * constant-step: 64 equal steps; soft-bounds: alpha = 0.05, 64 pulses.
 * song2020-published: the control device of Song et al.'s published level count and spread
 * (song2020-published.ts); song2020: the simulated skyrmion table.
 */
export function resolveSynapse(choice: string): SynapseChoice {
  switch (choice) {
    case 'ideal':
      return { kind: 'ideal' };
    case 'neurosim':
      return {
        kind: 'device',
        origin: 'analytic',
        table: neurosimDeviceTable({ aPotentiation: 32, aDepression: 16, sigma: 0.02 }),
      };
    case 'constant-step':
      return { kind: 'device', origin: 'analytic', table: constantStepDeviceTable({ sigma: 0.02 }) };
    case 'soft-bounds':
      return {
        kind: 'device',
        origin: 'analytic',
        table: softBoundsDeviceTable({ alpha: 0.05, sigma: 0.02 }),
      };
    case 'song2020-published':
      return { kind: 'device', origin: 'analytic', table: song2020PublishedDeviceTable() };
    case 'song2020': {
      const path = song2020TablePath();
      if (!existsSync(path))
        throw new MagneuroError(
          `--synapse song2020: ${path} does not exist yet (it is produced by the skyrmion synapse model); pass a conductance-levels table file instead (--synapse TABLE.json|TABLE.csv)`,
        );
      return { kind: 'device', origin: path, table: asConductanceTable(loadTable(path)) };
    }
    default: {
      if (!/\.(json|csv)$/i.test(choice))
        throw new MagneuroError(
          `--synapse: got "${choice}", expected ideal, song2020, song2020-published, neurosim, constant-step, soft-bounds or a table file (.json/.csv)`,
        );
      if (!existsSync(choice)) throw new MagneuroError(`--synapse: table file ${choice} does not exist`);
      return { kind: 'device', origin: choice, table: asConductanceTable(loadTable(choice)) };
    }
  }
}

/**
 * The simulated skyrmion table if it can train a network: present, parseable and with more than
 * one level (a table whose every skyrmion collapsed is flat). Otherwise the reason it cannot.
 */
export function usableSong2020Table(): { table: ConductanceTable } | { reason: string } {
  try {
    const s = resolveSynapse('song2020');
    if (s.kind !== 'device') return { reason: 'not a device table' };
    const range = conductanceRange(s.table);
    if (!(range.max > range.min))
      return {
        reason:
          'the simulated table has a single level: no skyrmion survives in the simulated device (docs/skyrmion.md)',
      };
    return { table: s.table };
  } catch (err) {
    return { reason: (err as Error).message };
  }
}
