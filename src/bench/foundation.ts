/** Foundation benchmarks: random streams and the stochastic Heun integrator. */
import { createRng } from '../random/stream.js';
import { StochasticHeun, type LangevinSystem } from '../integrate/heun.js';
import { parseQuantity } from '../units/quantity.js';
import { result, timeRuns, type BenchSuite } from './measure.js';

export const foundationSuite: BenchSuite = {
  name: 'foundation',
  description: 'seeded normal deviates vs Math.random baseline; stochastic Heun steps; unit parsing',
  async run({ quick }) {
    const n = quick ? 200_000 : 2_000_000;
    const buf = new Float64Array(n);
    const rng = createRng('bench');
    // Baseline: Box-Muller on Math.random (unseeded, the cheapest thing a user could write).
    const baseline = await timeRuns(() => {
      for (let i = 0; i + 1 < n; i += 2) {
        const r = Math.sqrt(-2 * Math.log(1 - Math.random()));
        const a = 2 * Math.PI * Math.random();
        buf[i] = r * Math.cos(a);
        buf[i + 1] = r * Math.sin(a);
      }
    });
    const seeded = await timeRuns(() => rng.fillNormal(buf));
    const baseTp = n / baseline.median_s;
    const out = [
      result('foundation', 'Math.random Box-Muller (baseline)', 'normal deviates', n, baseline),
      result('foundation', 'RandomStream.fillNormal', 'normal deviates', n, seeded, {
        baseline: {
          name: 'Math.random Box-Muller',
          throughput_per_s: baseTp,
          ratio: n / seeded.median_s / baseTp,
        },
      }),
    ];
    // Heun on 1000 independent Ornstein-Uhlenbeck processes.
    const dim = 1000;
    const sys: LangevinSystem = {
      dim,
      noiseDim: dim,
      drift(_t, x, o) {
        for (let i = 0; i < dim; i++) o[i] = -x[i];
      },
      noise(_t, _x, dW, o) {
        for (let i = 0; i < dim; i++) o[i] = dW[i];
      },
    };
    const heun = new StochasticHeun(sys, createRng('heun'));
    const x = new Float64Array(dim);
    const steps = quick ? 200 : 2000;
    const th = await timeRuns(() => heun.integrate(x, 0, steps * 1e-3, 1e-3));
    out.push(result('foundation', 'StochasticHeun OU x1000', 'component-steps', dim * steps, th));
    const m = quick ? 2000 : 20000;
    const tp = await timeRuns(() => {
      for (let i = 0; i < m; i++) parseQuantity('0.98 mJ/m^2', 'J/m^2');
    });
    out.push(result('foundation', 'parseQuantity', 'parses', m, tp));
    return out;
  },
};
