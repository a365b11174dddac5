/**
 * The PyTorch reference of the SNN training step (src/bench/pytorch/snn.py; LIF, binary and
 * multi-weight DW-MTJ neurons), run as a child
 * process in the same bench run when a Python with torch is available (Debian: `apt-get install
 * python3-torch`, plus an optimized BLAS such as libopenblas0-openmp: Debian's torch calls the
 * system libblas.so.3, which is the slow reference BLAS unless an optimized one is installed).
 * Interpreter: $MAGNEURO_BENCH_PYTHON, else /usr/bin/python3. When it is missing or has no torch,
 * the bench says so; no number is made up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  neuron: ReferenceNeuron;
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
  return resolve(packageRoot(), 'src/bench/pytorch/snn.py');
}

/** Why PyTorch cannot be run here, or undefined when it can. */
export function pytorchUnavailable(python = pythonInterpreter()): string | undefined {
  if (!existsSync(python)) return `${PYTORCH_NOT_AVAILABLE}: ${python} not found`;
  if (!existsSync(pytorchScript())) return `not available: ${pytorchScript()} missing`;
  const r = spawnSync(python, ['-c', 'import torch, numpy'], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) return `${PYTORCH_NOT_AVAILABLE}: ${python} cannot import torch`;
  return undefined;
}

/** Neuron types the reference implements. */
export type ReferenceNeuron = 'lif' | 'dwmtj-binary' | 'dwmtj-mw';

export interface PytorchRunOptions {
  neuron: ReferenceNeuron;
  /** DW-MTJ neurons: the device table (written to a file for the script) and the voltage mapping. */
  table?: object;
  mapping?: { center_V: number; scale_V: number };
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
    const neuronArgs = ['--neuron', o.neuron];
    if (o.neuron !== 'lif') {
      if (!o.table || !o.mapping)
        throw new Error(`PyTorch reference: --neuron ${o.neuron} needs a table and a mapping`);
      const tableFile = join(dir, 'table.json');
      writeFileSync(tableFile, JSON.stringify(o.table));
      neuronArgs.push(
        '--table',
        tableFile,
        '--center-v',
        String(o.mapping.center_V),
        '--scale-v',
        String(o.mapping.scale_V),
      );
    }
    const args = [
      pytorchScript(),
      ...neuronArgs,
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

export interface GradientCheck {
  config: { inputs: number; hidden: number[]; outputs: number; timesteps: number; batch: number };
  loss_magneuro: number;
  loss_pytorch: number;
  max_abs_grad: number;
  /** Largest gradient of a first-layer weight (nonzero: the check reaches through both LIF layers). */
  max_abs_grad_first_layer: number;
  max_abs_difference: number;
  /** Parameters whose gradients differ by more than 1e-4 of the largest gradient. */
  entries_above_1e4_relative: number;
  entries: number;
}

/**
 * Shows that the PyTorch reference computes magneuro's training step: for binary input images
 * (intensity 0 or 1, so the Poisson spikes are the images at every step and both sides see the
 * same spikes), the batch loss and the gradient of every parameter from magneuro's runShard
 * (shards of 25 summed, as in training) and from the reference (`--check`) are compared.
 */
export async function checkPytorchGradient(
  images: Float32Array,
  labels: Uint8Array,
  python = pythonInterpreter(),
): Promise<GradientCheck> {
  const { runShard, initialParameters } = await import('../nn/snn/network.js');
  const { LifNeuron } = await import('../nn/snn/neurons.js');
  const batch = 50;
  const config = { inputs: 784, hidden: [64, 64], outputs: 10, timesteps: 20 };
  const binary = images.slice(0, batch * 784).map((p) => (p >= 0.5 ? 1 : 0));
  const lab = labels.slice(0, batch);
  const { params, running } = initialParameters(config, 'pytorch-check');
  const neuron = new LifNeuron();
  const grad = new Float64Array(params.length);
  let lossSum = 0;
  for (let s = 0; s < batch / 25; s++) {
    const r = runShard(
      config,
      neuron,
      params,
      running,
      {
        images: binary.slice(s * 25 * 784, (s + 1) * 25 * 784),
        labels: lab.slice(s * 25, (s + 1) * 25),
        count: 25,
      },
      `check-${s}`,
      { train: true, lossScale: 1 / batch },
    );
    lossSum += r.lossSum;
    for (let k = 0; k < grad.length; k++) grad[k] += r.grad![k];
  }
  const T = config.timesteps;
  const spikes = new Float32Array(batch * T * 784);
  for (let b = 0; b < batch; b++)
    for (let t = 0; t < T; t++) spikes.set(binary.subarray(b * 784, (b + 1) * 784), (b * T + t) * 784);
  const dir = mkdtempSync(join(tmpdir(), 'magneuro-torch-check-'));
  try {
    writeFileSync(join(dir, 'params.f32'), new Uint8Array(params.buffer));
    writeFileSync(join(dir, 'spikes.f32'), new Uint8Array(spikes.buffer));
    writeFileSync(join(dir, 'labels.u8'), lab);
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...config, batch }));
    const r = spawnSync(python, [pytorchScript(), '--check', dir], { encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0)
      throw new Error(`PyTorch gradient check failed (${r.status}): ${r.stderr || r.error}`);
    const torchGrad = new Float32Array(readFileSync(join(dir, 'grad.f32')).buffer.slice(0));
    const torchLoss = (JSON.parse(readFileSync(join(dir, 'loss.json'), 'utf8')) as { loss: number }).loss;
    let maxG = 0;
    let maxD = 0;
    for (let k = 0; k < grad.length; k++) {
      maxG = Math.max(maxG, Math.abs(grad[k]));
      maxD = Math.max(maxD, Math.abs(grad[k] - torchGrad[k]));
    }
    let maxG1 = 0;
    for (let k = 0; k < 784 * config.hidden[0]; k++) maxG1 = Math.max(maxG1, Math.abs(grad[k]));
    let above = 0;
    for (let k = 0; k < grad.length; k++) if (Math.abs(grad[k] - torchGrad[k]) > 1e-4 * maxG) above++;
    return {
      config: { ...config, batch },
      loss_magneuro: lossSum / batch,
      loss_pytorch: torchLoss,
      max_abs_grad: maxG,
      max_abs_grad_first_layer: maxG1,
      max_abs_difference: maxD,
      entries_above_1e4_relative: above,
      entries: grad.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
