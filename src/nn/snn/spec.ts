/**
 * Serializable description of a neuron type (it travels to worker threads and into checkpoints)
 * and the factory that builds the neuron from it. A user neuron is plugged in with
 * `{ kind: 'module', moduleUrl, exportName, options }`: the module exports a function
 * `(options) => SpikingNeuron`; it is imported in every worker, so it must be a built .js module.
 */
import type { KernelPreference } from '../kernels/spike-backend.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadTable } from '../../tables/io.js';
import type { StateTable, SwitchingTable } from '../../tables/schema.js';
import { MagneuroError } from '../../util/errors.js';
import { packageRoot } from '../../util/paths.js';
import {
  BinaryDwMtjNeuron,
  LifNeuron,
  MultiWeightDwMtjNeuron,
  type LifParameters,
  type SpikingNeuron,
  type VoltageMapping,
} from './neurons.js';

export type NeuronSpec =
  | { kind: 'lif'; params?: Partial<LifParameters> }
  | { kind: 'dwmtj-binary'; table: SwitchingTable; mapping?: VoltageMapping }
  | { kind: 'dwmtj-mw'; table: StateTable; mapping?: VoltageMapping }
  | { kind: 'module'; moduleUrl: string; exportName: string; options?: unknown };

/** Build the neuron of a spec. */
export async function createNeuron(spec: NeuronSpec, kernels?: KernelPreference): Promise<SpikingNeuron> {
  switch (spec.kind) {
    case 'lif':
      return new LifNeuron(spec.params ?? {}, kernels);
    case 'dwmtj-binary':
      return new BinaryDwMtjNeuron(spec.table, spec.mapping, kernels);
    case 'dwmtj-mw':
      return new MultiWeightDwMtjNeuron(spec.table, spec.mapping, kernels);
    case 'module': {
      const mod = (await import(spec.moduleUrl)) as Record<string, (o: unknown) => SpikingNeuron>;
      const f = mod[spec.exportName];
      if (typeof f !== 'function')
        throw new MagneuroError(`neuron module ${spec.moduleUrl}: no exported function "${spec.exportName}"`);
      return f(spec.options);
    }
  }
}

/** The device tables the named neurons use (produced by the domain-wall workstream). */
export const DEVICE_TABLES = {
  'dwmtj-binary': 'models/tables/leonard2023-binary-switching.json',
  'dwmtj-mw': 'models/tables/leonard2022-mw5-states.json',
} as const;

/** Neuron spec from a CLI name: lif | dwmtj-binary | dwmtj-mw | path to a table (.json/.csv). */
export function neuronSpecFromName(name: string): NeuronSpec {
  if (name === 'lif') return { kind: 'lif' };
  let path: string;
  if (name === 'dwmtj-binary' || name === 'dwmtj-mw') {
    path = resolve(packageRoot(), DEVICE_TABLES[name]);
    if (!existsSync(path))
      throw new MagneuroError(
        `--neuron ${name}: device table ${DEVICE_TABLES[name]} is not installed (it is produced by the DW-MTJ model); pass a table file instead: --neuron TABLE.json`,
      );
  } else if (/\.(json|csv)$/i.test(name)) {
    path = resolve(name);
  } else {
    throw new MagneuroError(
      `--neuron: got "${name}", expected lif, dwmtj-binary, dwmtj-mw or a table file (.json/.csv)`,
    );
  }
  const t = loadTable(path);
  if (t.kind === 'switching-probability') return { kind: 'dwmtj-binary', table: t };
  if (t.kind === 'state-probability') return { kind: 'dwmtj-mw', table: t };
  throw new MagneuroError(
    `--neuron ${name}: table kind "${t.kind}" cannot drive a neuron (need switching-probability or state-probability)`,
  );
}

/** Short label of a spec for reports. */
export function neuronLabel(spec: NeuronSpec): string {
  if (spec.kind === 'lif') return 'LIF';
  if (spec.kind === 'module') return `${spec.exportName}`;
  return `${spec.kind === 'dwmtj-binary' ? 'binary DW-MTJ' : 'MW DW-MTJ'} (${spec.table.name})`;
}
