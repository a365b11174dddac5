/** SNN checkpoints: one JSON file with the configuration, the neuron spec (device table included) and the parameters. */
import { readFileSync, writeFileSync } from 'node:fs';
import { MagneuroError } from '../../util/errors.js';
import { snnLayout } from './network.js';
import type { SnnModel } from './train.js';

export const SNN_CHECKPOINT_SCHEMA = 'magneuro.snn-checkpoint/1';

export interface SnnCheckpoint {
  schema: typeof SNN_CHECKPOINT_SCHEMA;
  config: SnnModel['config'];
  neuron: SnnModel['neuron'];
  /** Float32 little-endian, base64. */
  params_f32_base64: string;
  running_f32_base64: string;
  meta: Record<string, unknown>;
}

const toB64 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromB64(s: string): Float32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Float32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

export function saveCheckpoint(path: string, model: SnnModel, meta: Record<string, unknown> = {}): void {
  const ck: SnnCheckpoint = {
    schema: SNN_CHECKPOINT_SCHEMA,
    config: model.config,
    neuron: model.neuron,
    params_f32_base64: toB64(model.params),
    running_f32_base64: toB64(model.running),
    meta,
  };
  writeFileSync(path, JSON.stringify(ck) + '\n');
}

export function loadCheckpoint(path: string): { model: SnnModel; meta: Record<string, unknown> } {
  let ck: SnnCheckpoint;
  try {
    ck = JSON.parse(readFileSync(path, 'utf8')) as SnnCheckpoint;
  } catch (err) {
    throw new MagneuroError(`checkpoint ${path}: cannot read (${(err as Error).message})`);
  }
  if (ck.schema !== SNN_CHECKPOINT_SCHEMA)
    throw new MagneuroError(
      `checkpoint ${path}: schema "${String(ck.schema)}", expected ${SNN_CHECKPOINT_SCHEMA}`,
    );
  const layout = snnLayout(ck.config);
  const params = fromB64(ck.params_f32_base64);
  const running = fromB64(ck.running_f32_base64);
  if (params.length !== layout.size || running.length !== layout.runningSize)
    throw new MagneuroError(`checkpoint ${path}: parameter count does not match its configuration`);
  return { model: { config: ck.config, neuron: ck.neuron, params, running }, meta: ck.meta ?? {} };
}
