/**
 * Records of trained Leonard Fig. 3/4 networks: what the two validation scripts need from a
 * network without its weights (a hidden-500 checkpoint is ~2.6 MB; a record ~3 kB), so the
 * multi-day full reproduction can be accumulated in the repository over sessions whose working
 * files do not survive. A record holds the training stamp (training key, batch, learning rate and
 * the SHA-256 fingerprint of the code that trains networks, see snnCodeFingerprint), the per-epoch
 * history (validation accuracy, seconds), the thread count and machine, and for networks of Fig. 4's
 * setting the noisy-input test accuracy curve of Fig. 4 with the test set, noise grid and noise seed
 * it was measured with. `npm run validate -- --record` writes them (RECORDS_DIR, committed);
 * `--resume` reuses a record only when its stamp equals the one this code would produce.
 * Not a validation script itself (exports no `validation`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import type { EpochRecord } from '../src/nn/snn/train.js';
import type { SnnTrainingKey } from './leonard-snn-common.js';
import { packageRoot } from '../src/util/paths.js';

/** The committed records of the Leonard 2023 reproduction (validation/records/leonard2023). */
export const RECORDS_DIR = resolve(packageRoot(), 'validation', 'records', 'leonard2023');

export const NETWORK_RECORD_SCHEMA = 'magneuro-snn-network-record-1';

/** Fig. 4's measurement on one network: test accuracy at each input-noise standard deviation. */
export interface NoiseCurve {
  test_images: number;
  /** Gaussian noise std (intensity units), in order. */
  noise_std: number[];
  /** Noise level k uses the stream `${seed}/noise${k}`. */
  seed: string;
  /** Test accuracy (fraction) at each noise_std. */
  accuracy: number[];
  /** Wall time of the whole curve. */
  seconds: number;
}

/** Training key + batch + lr + code fingerprint, exactly as stamped on the checkpoint (trainedSnn). */
export type TrainingStamp = SnnTrainingKey & { batch: number; lr: number; code: string };

export interface NetworkRecord {
  schema: typeof NETWORK_RECORD_SCHEMA;
  training: TrainingStamp;
  history: EpochRecord[];
  training_workers: number;
  machine: string;
  trained_at: string;
  noise_curve?: NoiseCurve;
}

/** File name of a record: every field of the training key that varies between tiers and seeds. */
export function recordPath(dir: string, t: SnnTrainingKey): string {
  const seed = t.seed.replace(/[^A-Za-z0-9]+/g, '_');
  return join(
    dir,
    `${t.neuron}-h${t.hidden}-T${t.timesteps}-n${t.trainImages}-v${t.validationImages}-e${t.epochs}-seed${seed}.json`,
  );
}

/** The record at `path`, or undefined when there is none or it is not a readable record. */
export function readRecord(path: string): NetworkRecord | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as NetworkRecord;
    return r.schema === NETWORK_RECORD_SCHEMA && Array.isArray(r.history) && r.history.length ? r : undefined;
  } catch {
    return undefined;
  }
}

/** All readable records in `dir`. */
export function readRecords(dir: string): NetworkRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => readRecord(join(dir, f)) ?? []);
}

/** Writes `record` to its path in `dir` (pretty-printed, so a diff shows what changed); returns the path. */
export function writeRecord(dir: string, record: Omit<NetworkRecord, 'schema' | 'machine'>): string {
  mkdirSync(dir, { recursive: true });
  const path = recordPath(dir, record.training);
  const full: NetworkRecord = { schema: NETWORK_RECORD_SCHEMA, ...record, machine: machineDescription() };
  // Written whole, then renamed: a run killed mid-write leaves no truncated record to commit.
  writeFileSync(`${path}.partial`, JSON.stringify(full, null, 2) + '\n');
  renameSync(`${path}.partial`, path);
  return path;
}

/** "<cores> x <CPU model>", for reading the recorded seconds. */
export function machineDescription(): string {
  const c = cpus();
  return `${c.length} x ${c[0]?.model.trim() ?? 'unknown CPU'}`;
}

/** Whether `curve` was measured on the test set size, noise grid and noise seed of `spec`. */
export function curveMatches(
  curve: NoiseCurve | undefined,
  spec: { testImages: number; noise: number[]; seed: string },
): curve is NoiseCurve {
  return (
    curve !== undefined &&
    curve.test_images === spec.testImages &&
    curve.seed === spec.seed &&
    JSON.stringify(curve.noise_std) === JSON.stringify(spec.noise) &&
    curve.accuracy.length === spec.noise.length
  );
}
