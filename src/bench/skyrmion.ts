/** Skyrmion benchmarks: profile solve, one synapse cycle, a 100-cycle table on 2 workers (identity vs 1 worker). */
import { solveSkyrmionProfile } from '../physics/skyrmion/profile.js';
import { loadSkyrmionSynapse } from '../devices/skyrmion-synapse-preset.js';
import { runSynapseCycle, synapseStatics } from '../devices/skyrmion-synapse.js';
import { simulateSynapse } from '../devices/skyrmion-synapse-table.js';
import { createRng } from '../random/stream.js';
import { result, timeRuns, type BenchSuite } from './measure.js';

export const skyrmionSuite: BenchSuite = {
  name: 'skyrmion',
  description:
    'skyrmion profile shooting solve; one potentiation+depression cycle; 100-cycle table on 2 workers',
  async run({ quick, log }) {
    const A = 15e-12;
    const K = 0.5e6;
    const Dc = (4 * Math.sqrt(A * K)) / Math.PI;
    const p = { A, Keff: K, Ms: 1.1e6, B: 0.05, D: 0.9 * Dc, thickness: 1e-9 };
    const tp = await timeRuns(() => solveSkyrmionProfile(p), 9, 2);
    const out = [
      result('skyrmion', 'profile solve (film, D = 0.9 Dc, 50 mT)', 'solves', 1, tp, {
        goal: { median_s_max: 0.02 },
        goal_met: tp.median_s < 0.02,
      }),
    ];
    const dev = loadSkyrmionSynapse('song2020');
    const st = synapseStatics(dev, 'bench');
    let i = 0;
    const tc = await timeRuns(
      () => runSynapseCycle(dev, st, createRng('bench').fork('cycle', i++)),
      quick ? 2 : 5,
      1,
    );
    out.push(
      result('skyrmion', 'synapse cycle (24 + 16 pulses)', 'cycles', 1, tc, {
        goal: { median_s_max: 2 },
        goal_met: tc.median_s < 2,
      }),
    );
    const cycles = quick ? 10 : 100;
    log(`skyrmion: ${cycles}-cycle table on 2 workers and on 1 worker`);
    let two: Awaited<ReturnType<typeof simulateSynapse>> | undefined;
    const t2 = await timeRuns(
      async () => {
        two = await simulateSynapse(dev, { cycles, seed: 'bench', workers: 2 });
      },
      1,
      0,
    );
    const t1 = await timeRuns(
      async () => {
        const one = await simulateSynapse(dev, { cycles, seed: 'bench', workers: 1 });
        if (JSON.stringify(one.table) !== JSON.stringify(two!.table))
          throw new Error('1-worker and 2-worker tables differ');
      },
      1,
      0,
    );
    out.push(
      result('skyrmion', `${cycles}-cycle table, 2 workers`, 'cycles', cycles, t2, {
        goal: { median_s_max: 60 },
        goal_met: !quick && t2.median_s < 60,
        baseline: {
          name: '1 worker',
          throughput_per_s: cycles / t1.median_s,
          ratio: t1.median_s / t2.median_s,
        },
        extra: { identical_to_one_worker: true },
      }),
    );
    return out;
  },
};
