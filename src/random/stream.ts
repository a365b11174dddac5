/**
 * Seeded random streams.
 *
 * Every stochastic path in magneuro takes a `RandomStream`. A stream wraps seedrandom's Alea
 * generator (J. Baagoe), seeded by a string. `fork(label, index)` derives a child stream whose seed
 * is a pure function of the parent's seed, the label and the index, never of how many numbers the
 * parent has drawn. Work split over any number of workers therefore reproduces exactly: cycle i
 * uses `rng.fork("cycle", i)` wherever it runs.
 */
import seedrandom from 'seedrandom';
import { logGamma } from '../util/special.js';
import { ParameterError } from '../util/errors.js';

export type Seed = string | number;

type AnyFloatArray = Float64Array | Float32Array;

export class RandomStream {
  readonly seed: string;
  private prng: seedrandom.StatefulPRNG<seedrandom.State.Alea>;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: Seed) {
    if (typeof seed === 'number' && !Number.isFinite(seed))
      throw new ParameterError('seed', seed, 'a finite number or a string');
    this.seed = String(seed);
    this.prng = seedrandom.alea(this.seed, { state: true });
  }

  /** Child stream for (label, index): independent of the draws made on this stream so far. */
  fork(label: string, index = 0): RandomStream {
    return new RandomStream(`${this.seed}/${label}#${index}`);
  }

  /**
   * State (c, s0, s1, s2) of this stream's Alea generator before its first draw: a pure function of
   * the seed (what native twins of a fresh stream start from; src/native/snn_layers.c).
   */
  aleaStartState(): Float64Array {
    const st = seedrandom.alea(this.seed, { state: true }).state();
    return Float64Array.of(st.c, st.s0, st.s1, st.s2);
  }

  /**
   * Bulk draws by a kernel that runs Alea's recurrence itself (a typed-array loop or its native
   * twin): `draw` receives the generator's current state (c, s0, s1, s2), advances it in place by
   * the uniforms it uses, and the stream continues from the state it leaves. The numbers are those
   * `uniform()` would have returned in the same order (tested).
   */
  drawWithAlea(draw: (state: Float64Array) => void): void {
    const st = this.prng.state();
    const state = Float64Array.of(st.c, st.s0, st.s1, st.s2);
    draw(state);
    this.prng = seedrandom.alea('', { state: { c: state[0], s0: state[1], s1: state[2], s2: state[3] } });
  }

  /** Uniform on [0, 1), 32-bit resolution. */
  uniform(): number {
    return this.prng();
  }

  /** Uniform on [a, b). */
  uniformRange(a: number, b: number): number {
    return a + (b - a) * this.prng();
  }

  /** Integer uniform on {0, ..., n-1}. */
  integer(n: number): number {
    return Math.floor(this.prng() * n);
  }

  /**
   * Normal deviate (Box-Muller, both values used). With 32-bit uniforms the tails are exact to
   * about 6.6 standard deviations, far beyond what any simulation here resolves.
   */
  normal(mean = 0, std = 1): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return mean + std * this.spare;
    }
    const u1 = 1 - this.prng(); // (0, 1]
    const u2 = this.prng();
    const r = Math.sqrt(-2 * Math.log(u1));
    const a = 2 * Math.PI * u2;
    this.spare = r * Math.sin(a);
    this.hasSpare = true;
    return mean + std * r * Math.cos(a);
  }

  /** Bernoulli(p): true with probability p. */
  bernoulli(p: number): boolean {
    return this.prng() < p;
  }

  /**
   * Poisson(lambda). Knuth's product method for lambda < 30, otherwise Hoermann's PTRS
   * transformed-rejection sampler (W. Hoermann, Insurance: Math. Econ. 12, 39 (1993)).
   */
  poisson(lambda: number): number {
    if (!(lambda >= 0) || !Number.isFinite(lambda))
      throw new ParameterError('lambda', lambda, 'a finite number >= 0');
    if (lambda === 0) return 0;
    if (lambda < 30) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = this.prng();
      while (p > limit) {
        k++;
        p *= this.prng();
      }
      return k;
    }
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.prng() - 0.5;
      const v = this.prng();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
        -lambda + k * loglam - logGamma(k + 1)
      ) {
        return k;
      }
    }
  }

  /** Fill `out` with uniforms on [a, b). No allocation. */
  fillUniform<T extends AnyFloatArray>(out: T, a = 0, b = 1): T {
    const w = b - a;
    for (let i = 0; i < out.length; i++) out[i] = a + w * this.prng();
    return out;
  }

  /** Fill `out` with normal deviates N(mean, std^2). No allocation. */
  fillNormal<T extends AnyFloatArray>(out: T, mean = 0, std = 1): T {
    let i = 0;
    if (this.hasSpare && out.length > 0) {
      out[i++] = mean + std * this.spare;
      this.hasSpare = false;
    }
    for (; i + 1 < out.length; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - this.prng()));
      const ang = 2 * Math.PI * this.prng();
      out[i] = mean + std * r * Math.cos(ang);
      out[i + 1] = mean + std * r * Math.sin(ang);
    }
    if (i < out.length) out[i] = this.normal(mean, std);
    return out;
  }

  /**
   * Fill `out` with Bernoulli draws (1 or 0). `p` is one probability for all entries or an array of
   * per-entry probabilities of the same length (e.g. pixel intensities for Poisson spike encoding).
   */
  fillBernoulli<T extends Uint8Array | AnyFloatArray>(out: T, p: number | ArrayLike<number>): T {
    if (typeof p === 'number') {
      for (let i = 0; i < out.length; i++) out[i] = this.prng() < p ? 1 : 0;
    } else {
      if (p.length !== out.length)
        throw new ParameterError('p.length', p.length, `${out.length} (the output length)`);
      for (let i = 0; i < out.length; i++) out[i] = this.prng() < p[i] ? 1 : 0;
    }
    return out;
  }

  /** Fisher-Yates shuffle in place. */
  shuffle<T extends { length: number; [i: number]: number }>(arr: T): T {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.prng() * (i + 1));
      const t = arr[i];
      arr[i] = arr[j];
      arr[j] = t;
    }
    return arr;
  }
}

/** A stream for `seed`. */
export function createRng(seed: Seed): RandomStream {
  return new RandomStream(seed);
}
