/**
 * Sweeps of a DW-MTJ neuron over pulse amplitude, run over worker threads (parallelMap; results
 * are identical for any worker count), reduced to the shared lookup-table schema.
 */
import { parallelMap } from '../util/parallel.js';
import { packageVersion } from '../util/paths.js';
import { parseTable, TABLE_SCHEMA_VERSION, type StateTable, type SwitchingTable } from '../tables/index.js';
import { paperEnergyPerPulse, pulseFwhm } from '../physics/domainwall/pulse.js';
import { dwmtjFromFile } from './dwmtj-preset.js';
import { chunks, type BinaryChunkInput, type ModelSpec, type RampChunkInput } from './dwmtj-protocols.js';
import { fitSigmoid, wilsonInterval, type SigmoidFit } from './dwmtj-statistics.js';

const TASKS = new URL(
  import.meta.url.endsWith('.ts') ? './dwmtj-protocols.ts' : './dwmtj-protocols.js',
  import.meta.url,
);

export interface SweepOptions {
  voltages: number[];
  cycles: number;
  seed: string;
  workers?: number;
  /** Pulses per binary cycle before giving up (censoring). */
  maxPulses?: number;
  /** Cycles per worker task. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface BinarySweepResult {
  table: SwitchingTable;
  /** switchedAt[i][c]: pulse at which cycle c switched at voltage i (0: not within maxPulses). */
  switchedAt: number[][];
  fit: SigmoidFit | null;
  fitError?: string;
  energyAtV50_J: number | null;
}

function pulseRecord(spec: ModelSpec): Record<string, number> {
  const m = dwmtjFromFile(spec.file, spec.overrides);
  return {
    rise_s: m.pulse.rise,
    plateau_s: m.pulse.plateau,
    fall_s: m.pulse.fall,
    fwhm_s: pulseFwhm(m.pulse),
    two_point_resistance_ohm: m.circuit.twoPointResistance,
    four_point_resistance_ohm: m.circuit.fourPointResistance,
    bias_field_A_per_m: m.biasField,
  };
}

export async function runBinarySweep(spec: ModelSpec, o: SweepOptions): Promise<BinarySweepResult> {
  const maxPulses = o.maxPulses ?? 50;
  const size = o.chunkSize ?? 25;
  const inputs: BinaryChunkInput[] = [];
  o.voltages.forEach((voltage, voltageIndex) => {
    for (const ch of chunks(o.cycles, size))
      inputs.push({
        model: spec,
        seed: o.seed,
        voltageIndex,
        voltage,
        firstCycle: ch.first,
        cycles: ch.count,
        maxPulses,
      });
  });
  const outs = await parallelMap<BinaryChunkInput, number[]>(TASKS, 'binaryChunkTask', inputs, {
    workers: o.workers,
    onProgress: o.onProgress,
  });
  const switchedAt: number[][] = o.voltages.map(() => []);
  inputs.forEach((inp, j) => switchedAt[inp.voltageIndex].push(...outs[j]));
  const k = switchedAt.map((s) => s.filter((x) => x > 0).length);
  const n = switchedAt.map((s) => s.reduce((a, x) => a + (x > 0 ? x : maxPulses), 0));
  const probability = k.map((ki, i) => (n[i] > 0 ? ki / n[i] : 0));
  const ci = k.map((ki, i) => wilsonInterval(ki, n[i]));
  let fit: SigmoidFit | null = null;
  let fitError: string | undefined;
  try {
    fit = fitSigmoid(o.voltages, k, n);
  } catch (e) {
    fitError = (e as Error).message;
  }
  const m = dwmtjFromFile(spec.file, spec.overrides);
  const energyAtV50 = fit ? paperEnergyPerPulse(m.circuit, m.pulse, fit.v50_V) : null;
  const table = parseTable(
    {
      schema: TABLE_SCHEMA_VERSION,
      name: `${spec.file.name}-switching`,
      kind: 'switching-probability',
      source: {
        type: 'simulated',
        description: `per-pulse switching probability of the ${spec.file.name} DW-MTJ neuron (pulses until the MTJ reads antiparallel, censored at ${maxPulses} pulses)`,
        model: spec.file.name + (spec.overrides.length ? ` with ${spec.overrides.join(', ')}` : ''),
        seed: o.seed,
        cycles: o.cycles,
        reference: 'T. Leonard et al., Appl. Phys. Lett. 122, 262406 (2023), Fig. 2(d)',
        magneuroVersion: packageVersion(),
      },
      notes: [
        'probability = switches / pulses applied (maximum-likelihood per-pulse probability); ci = Wilson 95 %',
        'fit: binomial maximum-likelihood logistic P(V) = 1/(1+exp(-(V-v50)/width)), errors from the Fisher information',
      ],
      voltage_V: o.voltages,
      probability,
      trials: n,
      ci_low: ci.map((c) => c.low),
      ci_high: ci.map((c) => c.high),
      ...(fit ? { fit } : {}),
      pulse: pulseRecord(spec),
    },
    'simulated switching table',
  ) as SwitchingTable;
  return { table, switchedAt, fit, fitError, energyAtV50_J: energyAtV50 };
}

export interface RampSweepResult {
  table: StateTable;
  /** states[c][i]: state index after the pulse at voltages[i] in cycle c. */
  states: number[][];
}

export async function runRampSweep(spec: ModelSpec, o: SweepOptions): Promise<RampSweepResult> {
  const size = o.chunkSize ?? 5;
  const inputs: RampChunkInput[] = chunks(o.cycles, size).map((ch) => ({
    model: spec,
    seed: o.seed,
    voltages: o.voltages,
    firstCycle: ch.first,
    cycles: ch.count,
  }));
  const outs = await parallelMap<RampChunkInput, number[][]>(TASKS, 'rampChunkTask', inputs, {
    workers: o.workers,
    onProgress: o.onProgress,
  });
  const states = outs.flat();
  const m = dwmtjFromFile(spec.file, spec.overrides);
  const nStates = m.track.notches.length;
  const probability = o.voltages.map((_, i) => {
    const row = new Array<number>(nStates).fill(0);
    for (const c of states) row[c[i]] += 1 / states.length;
    return row;
  });
  const table = parseTable(
    {
      schema: TABLE_SCHEMA_VERSION,
      name: `${spec.file.name}-states`,
      kind: 'state-probability',
      source: {
        type: 'simulated',
        description: `state probabilities of the ${spec.file.name} multi-weight DW-MTJ over a 0 -> ${o.voltages[o.voltages.length - 1]} V ramp (one pulse per step, reset per cycle)`,
        model: spec.file.name + (spec.overrides.length ? ` with ${spec.overrides.join(', ')}` : ''),
        seed: o.seed,
        cycles: o.cycles,
        reference:
          'T. Leonard et al., Appl. Phys. Lett. 122, 262406 (2023), Fig. 2(e); Leonard et al., Adv. Electron. Mater. 8, 2200563 (2022)',
        magneuroVersion: packageVersion(),
      },
      notes: [
        'S1..Sn: reversed-domain front at notch k (S1 includes no wall); probability = fraction of cycles',
      ],
      voltage_V: o.voltages,
      states: Array.from({ length: nStates }, (_, i) => `S${i + 1}`),
      probability: probability.map((r) => r.map((p) => Math.min(1, Math.max(0, p)))),
      pulse: pulseRecord(spec),
    },
    'simulated state table',
  ) as StateTable;
  return { table, states };
}
