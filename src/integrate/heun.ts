/**
 * Stochastic Heun integrator for Langevin systems in the Stratonovich interpretation:
 *
 *   dx = f(t, x) dt + G(t, x) o dW,   dW ~ N(0, dt) per noise component.
 *
 * One step (predictor-corrector; Kloeden & Platen, Numerical Solution of SDEs, Sec. 11.1;
 * Garcia-Palacios & Lazaro, PRB 58, 14937 (1998) for its use with the stochastic LLG):
 *
 *   x~      = x + f(t, x) dt + G(t, x) dW
 *   x(t+dt) = x + [f(t, x) + f(t+dt, x~)] dt/2 + [G(t, x) + G(t+dt, x~)] dW/2
 *
 * Strong order 1 for additive or commutative noise, weak order 2 for the drift. The system writes
 * G(t, x) dW for the given increments itself, so any noise matrix (e.g. the Thiele mobility tensor
 * acting on a thermal force) fits. Work arrays are allocated once; `step` allocates nothing.
 */
import type { RandomStream } from '../random/stream.js';
import { ParameterError } from '../util/errors.js';

export interface LangevinSystem {
  /** Number of state variables (may change between steps, e.g. when particles appear). */
  readonly dim: number;
  /** Number of independent white-noise components. */
  readonly noiseDim: number;
  /** out[i] = f_i(t, x). */
  drift(t: number, x: Float64Array, out: Float64Array): void;
  /** out[i] = sum_j G_ij(t, x) dW_j, for increments dW with variance dt. */
  noise(t: number, x: Float64Array, dW: Float64Array, out: Float64Array): void;
}

export class StochasticHeun {
  private f0 = new Float64Array(0);
  private f1 = new Float64Array(0);
  private n0 = new Float64Array(0);
  private n1 = new Float64Array(0);
  private xp = new Float64Array(0);
  private dW = new Float64Array(0);

  constructor(
    private readonly system: LangevinSystem,
    private readonly rng: RandomStream,
  ) {
    this.ensure();
  }

  /** Grows the work arrays when the system's dimension grows (the only allocation). */
  private ensure(): void {
    const d = this.system.dim;
    if (this.f0.length < d) {
      this.f0 = new Float64Array(d);
      this.f1 = new Float64Array(d);
      this.n0 = new Float64Array(d);
      this.n1 = new Float64Array(d);
      this.xp = new Float64Array(d);
    }
    if (this.dW.length < this.system.noiseDim) this.dW = new Float64Array(this.system.noiseDim);
  }

  /** Advance `x` (length >= dim) in place from t to t + dt. */
  step(t: number, x: Float64Array, dt: number): void {
    const sys = this.system;
    this.ensure();
    const d = sys.dim;
    const m = sys.noiseDim;
    const { f0, f1, n0, n1, xp, dW } = this;
    const sq = Math.sqrt(dt);
    for (let j = 0; j < m; j++) dW[j] = sq * this.rng.normal();
    sys.drift(t, x, f0);
    sys.noise(t, x, dW, n0);
    for (let i = 0; i < d; i++) xp[i] = x[i] + f0[i] * dt + n0[i];
    sys.drift(t + dt, xp, f1);
    sys.noise(t + dt, xp, dW, n1);
    const h = 0.5 * dt;
    for (let i = 0; i < d; i++) x[i] += (f0[i] + f1[i]) * h + 0.5 * (n0[i] + n1[i]);
  }

  /**
   * Integrate from t0 to t1 with fixed step dt (the last step is shortened to land on t1).
   * `observe(t, x)` is called after every step; returning false stops early. Returns the final time.
   */
  integrate(
    x: Float64Array,
    t0: number,
    t1: number,
    dt: number,
    observe?: (t: number, x: Float64Array) => boolean | void,
  ): number {
    if (!(dt > 0) || !Number.isFinite(dt)) throw new ParameterError('dt', dt, 'a finite time step > 0 s');
    if (!(t1 >= t0)) throw new ParameterError('t1', t1, `a time >= t0 = ${t0}`);
    let t = t0;
    while (t < t1) {
      const h = Math.min(dt, t1 - t);
      if (h <= 1e-15 * Math.max(1, Math.abs(t1))) break;
      this.step(t, x, h);
      t += h;
      if (observe && observe(t, x) === false) break;
    }
    return t;
  }
}
