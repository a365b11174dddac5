/**
 * The PyTorch reference of the SNN training step (bench/pytorch/snn_lif.py), run as a child
 * process in the same bench run when a Python with torch is available (Debian: `apt-get install
 * python3-torch`, plus an optimized BLAS such as libopenblas0-openmp: Debian's torch calls the
 * system libblas.so.3, which is the slow reference BLAS unless an optimized one is installed).
 * Interpreter: $MAGNEURO_BENCH_PYTHON, else /usr/bin/python3. When it is missing or has no torch,
 * the bench says so; no number is made up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { packageRoot } from '../util/paths.js';

export const PYTORCH_NOT_AVAILABLE = 'not available (install Debian python3-torch)';

export interface PytorchTiming {
  threads: number;
  median_s: number;
  min_s: number;
  max_s: number;
  samples_s: number[];
  images_per_s: number;
}

export interface PytorchReport {
  torch: string;
  python: string;
  /** The BLAS library torch's matrix products run on (from /proc/self/maps of the Python process). */
  blas: string;
  images: string;
  runs: number;
  warmup: number;
  results: PytorchTiming[];
}

export function pythonInterpreter(): string {
  return process.env.MAGNEURO_BENCH_PYTHON ?? '/usr/bin/python3';
}

export function pytorchScript(): string {
  return resolve(packageRoot(), 'bench/pytorch/snn_lif.py');
}

/** Why PyTorch cannot be run here, or undefined when it can. */
export function pytorchUnavailable(python = pythonInterpreter()): string | undefined {
  if (!existsSync(python)) return `${PYTORCH_NOT_AVAILABLE}: ${python} not found`;
  if (!existsSync(pytorchScript())) return `not available: ${pytorchScript()} missing`;
  const r = spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) return `${PYTORCH_NOT_AVAILABLE}: ${python} cannot import torch`;
  return undefined;
}

export interface PytorchRunOptions {
  timesteps: number;
  hidden: number;
  batch: number;
  threads: number[];
  runs: number;
  warmup: number;
  /** The same images as magneuro's run: intensities in [0, 1], batch x 784, and labels. */
  images: Float32Array;
  labels: Uint8Array;
  source: string;
}

/** Run the reference; throws with the script's stderr if it fails. */
export function runPytorchReference(o: PytorchRunOptions, python = pythonInterpreter()): PytorchReport {
  const dir = mkdtempSync(join(tmpdir(), 'magneuro-torch-'));
  try {
    const imgFile = join(dir, 'images.f32');
    const labFile = join(dir, 'labels.u8');
    writeFileSync(imgFile, new Uint8Array(o.images.buffer, o.images.byteOffset, o.images.byteLength));
    writeFileSync(labFile, o.labels);
    const args = [
      pytorchScript(),
      '--timesteps',
      String(o.timesteps),
      '--hidden',
      String(o.hidden),
      '--batch',
      String(o.batch),
      '--threads',
      o.threads.join(','),
      '--runs',
      String(o.runs),
      '--warmup',
      String(o.warmup),
      '--images',
      imgFile,
      '--labels',
      labFile,
      '--source',
      o.source,
    ];
    const r = spawnSync(python, args, { encoding: 'utf8', timeout: 1_800_000, maxBuffer: 16 << 20 });
    if (r.status !== 0) throw new Error(`PyTorch reference failed (${r.status}): ${r.stderr || r.error}`);
    return JSON.parse(r.stdout) as PytorchReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
