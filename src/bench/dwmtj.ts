/**
 * DW-MTJ neuron benchmarks: simulated pulses per second for one device (vs the bare stochastic
 * Heun integrator on a 2-D Ornstein-Uhlenbeck process for the same number of steps, measured in
 * the same run), and the full binary sweep (11 amplitudes x 1000 cycles) on all cores (goal < 30 s;
 * the result must not depend on the number of workers).
 */
import { createRng } from '../random/stream.js';
import { StochasticHeun, type LangevinSystem } from '../integrate/heun.js';
import { loadDwmtj, readDwmtjFile } from '../devices/dwmtj-preset.js';
import { DwmtjSimulator } from '../devices/dwmtj-simulator.js';
import { pulsesUntilSwitch } from '../devices/dwmtj-protocols.js';
import { runBinarySweep } from '../devices/dwmtj-sweep.js';
import { defaultWorkers } from '../util/parallel.js';
import { result, timeRuns, type BenchSuite } from './measure.js';

export const dwmtjSuite: BenchSuite = {
  name: 'dwmtj',
  description: 'DW-MTJ neuron: pulses/s of one device; full binary sweep 11 x 1000 cycles on all cores',
  async run({ quick, log }) {
    const sim = new DwmtjSimulator(loadDwmtj('leonard2023-binary'));
    const cyclesOne = quick ? 20 : 100;
    let pulses = 0;
    const tp = await timeRuns(
      () => {
        pulses = 0;
        const rng = createRng('bench-pulses');
        for (let c = 0; c < cyclesOne; c++)
          pulses += pulsesUntilSwitch(sim, 1.75, 50, rng.fork('c', c)).resistance.length;
      },
      3,
      1,
    );
    // Baseline: the integrator alone, 2-D OU, as many steps as one pulse x pulses.
    const sys: LangevinSystem = {
      dim: 2,
      noiseDim: 2,
      drift(_t, x, o) {
        o[0] = -x[0];
        o[1] = -x[1];
      },
      noise(_t, _x, dW, o) {
        o[0] = dW[0];
        o[1] = dW[1];
      },
    };
    const heun = new StochasticHeun(sys, createRng('bench-ou'));
    const x = new Float64Array(2);
    const steps = sim.steps * pulses;
    const base = await timeRuns(() => heun.integrate(x, 0, steps * 1e-3, 1e-3), 3, 1);
    const baseTp = pulses / base.median_s;
    const out = [
      result(
        'dwmtj',
        'StochasticHeun 2-D OU, steps of one pulse (baseline)',
        'pulse-equivalents',
        pulses,
        base,
      ),
      result('dwmtj', 'binary neuron pulses at 1.75 V (one device, one thread)', 'pulses', pulses, tp, {
        baseline: {
          name: 'bare Heun 2-D OU',
          throughput_per_s: baseTp,
          ratio: pulses / tp.median_s / baseTp,
        },
        extra: { steps_per_pulse: sim.steps, time_step_s: sim.model.timeStep },
      }),
    ];
    const cycles = quick ? 100 : 1000;
    const voltages = Array.from({ length: 11 }, (_, i) => Math.round((1.0 + 0.12 * i) * 100) / 100);
    const spec = { file: readDwmtjFile('leonard2023-binary'), overrides: [] };
    const workers = defaultWorkers();
    log(`dwmtj: binary sweep 11 x ${cycles} cycles on ${workers} workers`);
    let table: unknown = null;
    const ts = await timeRuns(
      async () => {
        table = (await runBinarySweep(spec, { voltages, cycles, seed: 'bench', workers })).table;
      },
      1,
      0,
    );
    // Identity for 1 worker on a reduced sweep (the same seed and cycle streams).
    const small = { voltages, cycles: 20, seed: 'bench-identity' };
    const one = (await runBinarySweep(spec, { ...small, workers: 1 })).table;
    const many = (await runBinarySweep(spec, { ...small, workers })).table;
    out.push(
      result(
        'dwmtj',
        `binary sweep 11 amplitudes x ${cycles} cycles, ${workers} workers`,
        'cycles',
        11 * cycles,
        ts,
        {
          goal: { median_s_max: 30 },
          goal_met: quick ? undefined : ts.median_s < 30,
          extra: {
            identical_1_vs_n_workers_20_cycles: JSON.stringify(one) === JSON.stringify(many),
            probability: (table as { probability: number[] } | null)?.probability,
          },
        },
      ),
    );
    return out;
  },
};
