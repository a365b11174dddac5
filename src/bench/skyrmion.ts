/** Skyrmion benchmarks: profile solve, one synapse cycle, a 100-cycle table on 2 workers (identity vs 1 worker). */
import { loadNativeAddon } from '../native/addon.js';
import { solveSkyrmionProfile } from '../physics/skyrmion/profile.js';
import { loadSkyrmionSynapse } from '../devices/skyrmion-synapse-preset.js';
import { runSynapseCycle, synapseStatics, SkyrmionGas } from '../devices/skyrmion-synapse.js';
import { StochasticHeun } from '../integrate/heun.js';
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
    // Baseline in the same run: the same cycles with the JavaScript pair loops (bit-identical results).
    const native = loadNativeAddon();
    let j = 0;
    const tj = native.addon
      ? await timeRuns(
          () => runSynapseCycle(dev, st, createRng('bench').fork('cycle', j++), { kernels: 'javascript' }),
          quick ? 2 : 5,
          1,
        )
      : undefined;
    out.push(
      result('skyrmion', 'synapse cycle (24 + 16 pulses)', 'cycles', 1, tc, {
        goal: { median_s_max: 2 },
        goal_met: tc.median_s < 2,
        ...(tj
          ? {
              baseline: {
                name: 'same cycles, JavaScript pair loops',
                throughput_per_s: 1 / tj.median_s,
                ratio: tj.median_s / tc.median_s,
              },
            }
          : {}),
        extra: { pair_loops: native.addon ? 'native' : `javascript (${native.reason})` },
      }),
    );
    // Force-kernel throughput in a fixed dense state: 41 skyrmions on the hexagonal
    // patch of Song's density in the active disk (film, no pins), driven at 3e10 A/m^2 at 300 K,
    // 16,000 Heun steps = the 40 pulses x 100 ns / 0.25 ns of one cycle, radii updated every 20 steps.
    const dense = (() => {
      const gas = new SkyrmionGas(
        { ...dev, params: { ...dev.params, trackWidth: 1e-3 } },
        { pinX: new Float64Array(0), pinY: new Float64Array(0) },
        st.pot,
      );
      const n = 41;
      const a = Math.sqrt((2 * Math.PI * dev.params.activeRadius ** 2) / (Math.sqrt(3) * n));
      const sites: Array<[number, number, number]> = [];
      for (let i = -8; i <= 8; i++)
        for (let k = -8; k <= 8; k++) {
          const px = a * (i + k / 2);
          const py = (a * k * Math.sqrt(3)) / 2;
          sites.push([Math.hypot(px, py), px, py]);
        }
      sites.sort((p, q) => p[0] - q[0]);
      const x = new Float64Array(2 * n);
      gas.n = n;
      for (let i = 0; i < n; i++) {
        x[2 * i] = sites[i][1];
        x[2 * i + 1] = sites[i][2];
        gas.radius[i] = st.pot.radius;
      }
      gas.configure(st.pot, 3e10, 300);
      return { gas, x };
    })();
    const steps = quick ? 4000 : 16000;
    const heun = new StochasticHeun(dense.gas, createRng('bench').fork('dense', 0));
    const td = await timeRuns(
      () => {
        let k = 0;
        heun.integrate(dense.x, 0, steps * 0.25e-9, 0.25e-9, () => {
          if (++k % 20 === 0) dense.gas.updateRadii(dense.x);
        });
      },
      quick ? 2 : 5,
      1,
    );
    out.push(
      result(
        'skyrmion',
        `dense gas: 41 skyrmions, ${steps} Heun steps of 0.25 ns (force-kernel throughput; no goal: a cycle at the preset 1 ns step has 4000 steps)`,
        'steps',
        steps,
        td,
      ),
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
