import { describe, expect, it } from 'vitest';
import { solveOde, StochasticHeun, type LangevinSystem } from '../src/integrate/index.js';
import { createRng } from '../src/random/index.js';

describe('solveOde (odex wrapper)', () => {
  it('integrates exponential decay to the closed form', () => {
    const k = 2.5;
    const r = solveOde((_x, y) => [-k * y[0]], 0, [1], 3, { rtol: 1e-10, atol: 1e-12 });
    expect(r.outcome).toBe('completed');
    expect(r.y[0]).toBeCloseTo(Math.exp(-k * 3), 9);
  });

  it('integrates a harmonic oscillator over 10 periods with dense sampling', () => {
    const w = 2 * Math.PI;
    const r = solveOde((_x, y) => [y[1], -w * w * y[0]], 0, [1, 0], 10, {
      rtol: 1e-11,
      atol: 1e-12,
      sampleEvery: 0.25,
    });
    expect(r.y[0]).toBeCloseTo(1, 7);
    expect(r.y[1]).toBeCloseTo(0, 6);
    expect(r.samples!.x).toHaveLength(41);
    r.samples!.x.forEach((x, i) => expect(r.samples!.y[i][0]).toBeCloseTo(Math.cos(w * x), 6));
  });

  it('locates an event (first zero of cos) and stops there', () => {
    const r = solveOde((_x, y) => [y[1], -y[0]], 0, [1, 0], 10, {
      event: (_x, y) => y[0],
      rtol: 1e-10,
      atol: 1e-12,
    });
    expect(r.outcome).toBe('event');
    expect(r.x).toBeCloseTo(Math.PI / 2, 8);
  });
});

function ouSystem(theta: number, sigma: number, dim: number): LangevinSystem {
  return {
    dim,
    noiseDim: dim,
    drift(_t, x, out) {
      for (let i = 0; i < dim; i++) out[i] = -theta * x[i];
    },
    noise(_t, _x, dW, out) {
      for (let i = 0; i < dim; i++) out[i] = sigma * dW[i];
    },
  };
}

describe('StochasticHeun', () => {
  it('reproduces the Ornstein-Uhlenbeck stationary variance sigma^2/(2 theta)', () => {
    const theta = 2;
    const sigma = 0.8;
    const dim = 2000; // independent copies
    const heun = new StochasticHeun(ouSystem(theta, sigma, dim), createRng('ou'));
    const x = new Float64Array(dim);
    heun.integrate(x, 0, 5, 0.002); // 10 relaxation times
    let s2 = 0;
    for (let i = 0; i < dim; i++) s2 += x[i] * x[i];
    const v = s2 / dim;
    const exact = (sigma * sigma) / (2 * theta);
    // Sampling error of a variance from 2000 Gaussian samples: exact * sqrt(2/2000) ~ 3.2 %; allow 4 sigma.
    // Discretisation bias of Heun at theta dt = 0.004 is O((theta dt)^2) ~ 1e-5, negligible.
    expect(Math.abs(v - exact) / exact).toBeLessThan(4 * Math.sqrt(2 / dim));
  });

  it('has strong order ~1 on geometric Brownian motion (Stratonovich closed form)', () => {
    // dX = a X dt + b X o dW  =>  X(T) = X0 exp(a T + b W(T)).
    const a = -0.5;
    const b = 0.6;
    const T = 1;
    const paths = 400;
    const dts = [2 ** -4, 2 ** -5, 2 ** -6, 2 ** -7];
    const finest = 2 ** -10;
    const errors = dts.map(() => 0);
    const rng = createRng('gbm');
    const nFine = Math.round(T / finest);
    const inc = new Float64Array(nFine);
    for (let p = 0; p < paths; p++) {
      rng.fork('path', p).fillNormal(inc, 0, Math.sqrt(finest));
      let W = 0;
      for (let i = 0; i < nFine; i++) W += inc[i];
      const exact = Math.exp(a * T + b * W);
      dts.forEach((dt, k) => {
        const m = Math.round(dt / finest);
        let x = 1;
        for (let s = 0; s < nFine / m; s++) {
          let dW = 0;
          for (let j = 0; j < m; j++) dW += inc[s * m + j];
          // One Heun step written out (the same scheme as StochasticHeun.step), driven by the shared Brownian path.
          const f0 = a * x;
          const g0 = b * x;
          const xp = x + f0 * dt + g0 * dW;
          x += 0.5 * (f0 + a * xp) * dt + 0.5 * (g0 + b * xp) * dW;
        }
        errors[k] += Math.abs(x - exact) / paths;
      });
    }
    // Least-squares slope of log(error) vs log(dt).
    const lx = dts.map(Math.log);
    const ly = errors.map(Math.log);
    const mx = lx.reduce((s, v) => s + v, 0) / lx.length;
    const my = ly.reduce((s, v) => s + v, 0) / ly.length;
    const slope =
      lx.reduce((s, v, i) => s + (v - mx) * (ly[i] - my), 0) / lx.reduce((s, v) => s + (v - mx) ** 2, 0);
    expect(slope).toBeGreaterThan(0.8);
    expect(slope).toBeLessThan(1.3);
  });

  it('StochasticHeun.step matches the written-out scheme on the same increments', () => {
    // Additive noise with unit sigma: the integrator's dW must equal sqrt(dt) * N(0,1) from the same stream.
    const dt = 0.01;
    const heun = new StochasticHeun(ouSystem(1, 1, 1), createRng('same'));
    const x = new Float64Array([0.3]);
    heun.step(0, x, dt);
    const z = createRng('same').normal() * Math.sqrt(dt);
    const x0 = 0.3;
    const xp = x0 - x0 * dt + z;
    const expected = x0 + 0.5 * (-x0 - xp) * dt + z;
    expect(x[0]).toBeCloseTo(expected, 14);
  });

  it('rejects a non-positive time step', () => {
    const heun = new StochasticHeun(ouSystem(1, 1, 1), createRng(1));
    expect(() => heun.integrate(new Float64Array(1), 0, 1, 0)).toThrow(/dt: got 0/);
  });
});
