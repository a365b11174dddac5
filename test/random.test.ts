import { describe, expect, it } from 'vitest';
import { createRng } from '../src/random/index.js';

/** Sample mean and variance. */
function moments(x: ArrayLike<number>): { mean: number; variance: number } {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const mean = s / x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - mean) ** 2;
  return { mean, variance: v / (x.length - 1) };
}

describe('RandomStream', () => {
  it('gives equal sequences for equal seeds and different ones for different seeds', () => {
    const a = createRng(42).fillUniform(new Float64Array(100));
    const b = createRng(42).fillUniform(new Float64Array(100));
    const c = createRng(43).fillUniform(new Float64Array(100));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('forks child streams that depend only on (seed, label, index), not on parent draws', () => {
    const p1 = createRng('s');
    const p2 = createRng('s');
    for (let i = 0; i < 1000; i++) p2.uniform(); // consume the parent
    const x = p1.fork('nucleation', 3).fillNormal(new Float64Array(50));
    const y = p2.fork('nucleation', 3).fillNormal(new Float64Array(50));
    expect(Array.from(x)).toEqual(Array.from(y));
    const z = p1.fork('nucleation', 4).fillNormal(new Float64Array(50));
    expect(Array.from(x)).not.toEqual(Array.from(z));
    expect(Array.from(p1.fork('motion', 3).fillNormal(new Float64Array(50)))).not.toEqual(Array.from(x));
  });

  // n = 200000 draws: the standard error of the mean is sigma/sqrt(n); tolerances are 5 standard errors.
  const n = 200_000;

  it('uniform has mean 1/2 and variance 1/12', () => {
    const m = moments(createRng(1).fillUniform(new Float64Array(n)));
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n)); // Var(U^2-ish) bound
  });

  it('normal has the requested mean and variance (both fill and scalar paths)', () => {
    const m = moments(createRng(2).fillNormal(new Float64Array(n), 3, 2));
    expect(Math.abs(m.mean - 3)).toBeLessThan(5 * (2 / Math.sqrt(n)));
    expect(Math.abs(m.variance - 4)).toBeLessThan(5 * 4 * Math.sqrt(2 / n));
    const r = createRng(3);
    const s = Float64Array.from({ length: n }, () => r.normal());
    const ms = moments(s);
    expect(Math.abs(ms.mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(ms.variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it.each([0.7, 4, 25, 80, 1000])('poisson(%d) has mean = variance = lambda', (lambda) => {
    const r = createRng(`p${lambda}`);
    const m = 50_000;
    const s = Float64Array.from({ length: m }, () => r.poisson(lambda));
    const mo = moments(s);
    expect(Math.abs(mo.mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / m));
    // Var of the sample variance for Poisson ~ (lambda + 2 lambda^2)/m.
    expect(Math.abs(mo.variance - lambda)).toBeLessThan(5 * Math.sqrt((lambda + 2 * lambda * lambda) / m));
    expect(s.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
  });

  it('bernoulli(p) and fillBernoulli with per-entry probabilities have the right frequencies', () => {
    const r = createRng(5);
    let k = 0;
    for (let i = 0; i < n; i++) if (r.bernoulli(0.3)) k++;
    expect(Math.abs(k / n - 0.3)).toBeLessThan(5 * Math.sqrt(0.21 / n));
    const p = new Float64Array(n).map((_, i) => (i % 2 ? 0.9 : 0.1));
    const out = createRng(6).fillBernoulli(new Uint8Array(n), p);
    let odd = 0;
    let even = 0;
    for (let i = 0; i < n; i++) {
      if (i % 2) odd += out[i];
      else even += out[i];
    }
    expect(Math.abs(odd / (n / 2) - 0.9)).toBeLessThan(5 * Math.sqrt(0.09 / (n / 2)));
    expect(Math.abs(even / (n / 2) - 0.1)).toBeLessThan(5 * Math.sqrt(0.09 / (n / 2)));
  });

  it('drawWithAlea: a kernel running Alea on the state draws what uniform() would, and the stream continues after it', () => {
    const ref = createRng('bulk');
    const expected = Array.from({ length: 1000 }, () => ref.uniform());
    const rng = createRng('bulk');
    expect(rng.uniform()).toBe(expected[0]);
    const drawn: number[] = [];
    rng.drawWithAlea((st) => {
      // Alea (J. Baagoe) as seedrandom computes it: t = 2091639 s0 + c 2^-32, c = t | 0, s2 = t - c.
      for (let k = 0; k < 600; k++) {
        const t = 2091639 * st[1] + st[0] * 2.3283064365386963e-10;
        st[1] = st[2];
        st[2] = st[3];
        st[0] = t | 0;
        st[3] = t - st[0];
        drawn.push(st[3]);
      }
    });
    expect(drawn).toEqual(expected.slice(1, 601));
    const after = Array.from({ length: 399 }, () => rng.uniform());
    expect(after).toEqual(expected.slice(601));
    // A kernel that draws nothing leaves the stream where it was.
    const idle = createRng('bulk');
    idle.drawWithAlea(() => {});
    expect(idle.uniform()).toBe(expected[0]);
  });

  it('rejects a bad Poisson mean with a named error', () => {
    expect(() => createRng(1).poisson(-1)).toThrow(/lambda: got -1/);
  });
});
