/**
 * Measurement protocols of Leonard et al. (APL 2023, Fig. 2) run on the simulated device, as pure
 * worker tasks (structured-cloneable inputs that carry their seed) and the reductions to tables.
 *
 *  - Binary: at each amplitude, cycles of {field reset; pulses until the MTJ reads antiparallel}.
 *    The per-pulse switching probability is successes / pulses (the maximum-likelihood estimate
 *    for geometric waiting times with censoring at maxPulses), with a Wilson 95 % interval.
 *  - Multi-weight: cycles of {reset; one pulse at each voltage of a 0 -> Vmax ramp; read the state}.
 * Cycle c at amplitude index i uses createRng(seed).fork(`binary-V${i}`, c) (or `ramp`, c), so
 * results do not depend on how cycles are split over workers.
 */
import { createRng } from '../random/stream.js';
import { dwmtjFromFile, type DwmtjFile } from './dwmtj-preset.js';
import { DwmtjSimulator, type DwmtjState } from './dwmtj-simulator.js';
import type { DwmtjModel } from './dwmtj-model.js';

export interface ModelSpec {
  file: DwmtjFile;
  overrides: string[];
}

export interface BinaryChunkInput {
  model: ModelSpec;
  seed: string;
  voltageIndex: number;
  voltage: number;
  firstCycle: number;
  cycles: number;
  maxPulses: number;
}

/** Pulse number at which each cycle switched (1-based), or 0 when it did not within maxPulses. */
export function binaryChunkTask(input: BinaryChunkInput): number[] {
  const sim = new DwmtjSimulator(dwmtjFromFile(input.model.file, input.model.overrides));
  const root = createRng(input.seed);
  const out: number[] = [];
  for (let c = input.firstCycle; c < input.firstCycle + input.cycles; c++) {
    const rng = root.fork(`binary-V${input.voltageIndex}`, c);
    out.push(pulsesUntilSwitch(sim, input.voltage, input.maxPulses, rng).switchedAt);
  }
  return out;
}

/** One binary cycle from the reset state; returns the switching pulse (0: none) and R after each pulse. */
export function pulsesUntilSwitch(
  sim: DwmtjSimulator,
  voltage: number,
  maxPulses: number,
  rng: ReturnType<typeof createRng>,
  keepGoing = 0,
): { switchedAt: number; resistance: number[] } {
  const state = sim.resetState();
  const resistance: number[] = [];
  let switchedAt = 0;
  for (let k = 1; k <= maxPulses; k++) {
    const o = sim.pulse(state, voltage, rng);
    resistance.push(o.resistance);
    if (o.antiparallel && switchedAt === 0) {
      switchedAt = k;
      if (keepGoing <= 0) break;
    }
    if (switchedAt > 0 && k >= switchedAt + keepGoing) break;
  }
  return { switchedAt, resistance };
}

export interface RampChunkInput {
  model: ModelSpec;
  seed: string;
  voltages: number[];
  firstCycle: number;
  cycles: number;
}

/** For each cycle, the state index (0-based) after each ramp pulse. */
export function rampChunkTask(input: RampChunkInput): number[][] {
  const sim = new DwmtjSimulator(dwmtjFromFile(input.model.file, input.model.overrides));
  const root = createRng(input.seed);
  const out: number[][] = [];
  for (let c = input.firstCycle; c < input.firstCycle + input.cycles; c++) {
    const rng = root.fork('ramp', c);
    const state = sim.resetState();
    const row: number[] = [];
    for (const V of input.voltages) {
      sim.pulse(state, V, rng);
      row.push(stateIndex(sim.model, sim.frontPosition(state)));
    }
    out.push(row);
  }
  return out;
}

/**
 * State S(k+1) of a multi-weight device with the reversed-domain front at x: k = number of notch
 * midpoints passed, so S1 = front at or before notch 1 (including no wall), S5 = at notch 5 or beyond.
 */
export function stateIndex(model: DwmtjModel, x: number): number {
  const n = model.track.notches;
  let k = 0;
  for (let i = 0; i + 1 < n.length; i++) if (x > 0.5 * (n[i].position + n[i + 1].position)) k = i + 1;
  return k;
}

/** Split `cycles` into chunks of at most `size`. */
export function chunks(cycles: number, size: number): Array<{ first: number; count: number }> {
  const out: Array<{ first: number; count: number }> = [];
  for (let f = 0; f < cycles; f += size) out.push({ first: f, count: Math.min(size, cycles - f) });
  return out;
}

export type SimulatorState = DwmtjState;
