/**
 * The (q, phi) wall as a Langevin system for the foundation's Stratonovich Heun integrator.
 * Equations and noise amplitudes: see wall1d.ts. The environment supplies, at time t, the energy
 * gradient dE/dq (pinning + Zeeman) and the drives; nothing is allocated per step.
 */
import type { LangevinSystem } from '../../integrate/heun.js';
import { gamma0, thermalAmplitude, wallGyroCoefficient, wallRates, type WallParameters } from './wall1d.js';

export interface WallEnvironment {
  /** dE/dq [J/m] at (t, q): pinning energy slope minus the Zeeman force 2 mu0 Ms Hz S. */
  energySlope(t: number, q: number): number;
  /** Damping-like SOT field H_SL [A/m] at t. */
  spinHallField(t: number): number;
  /** In-plane fields [A/m] at t (Hy includes the field-like SOT). */
  inPlaneX(t: number): number;
  inPlaneY(t: number): number;
  /** Temperature [K] at t. */
  temperature(t: number): number;
}

export class WallLangevin implements LangevinSystem {
  readonly dim = 2;
  readonly noiseDim = 2;
  private readonly c: number;
  private readonly g0: number;
  private readonly rates = new Float64Array(2);
  /** Amplitude per sqrt(K) so that amplitude(T) = ampPerRootK sqrt(T). */
  private readonly ampPerRootK: number;

  constructor(
    readonly params: WallParameters,
    readonly env: WallEnvironment,
  ) {
    this.c = wallGyroCoefficient(params);
    this.g0 = gamma0(params);
    this.ampPerRootK = thermalAmplitude(params, 1);
  }

  drift(t: number, x: Float64Array, out: Float64Array): void {
    const e = this.env;
    wallRates(
      this.params,
      this.c,
      this.g0,
      x[1],
      e.energySlope(t, x[0]),
      e.spinHallField(t),
      e.inPlaneX(t),
      e.inPlaneY(t),
      0,
      0,
      this.rates,
    );
    out[0] = this.rates[0];
    out[1] = this.rates[1];
  }

  /** G dW: thermal terms nA = amp dW_A, nB = amp dW_B mapped to (qdot, phidot) like A and B. */
  noise(t: number, _x: Float64Array, dW: Float64Array, out: Float64Array): void {
    const T = this.env.temperature(t);
    const amp = T > 0 ? this.ampPerRootK * Math.sqrt(T) : 0;
    const nA = amp * dW[0];
    const nB = amp * dW[1];
    const a = this.params.alpha;
    const inv = 1 / (1 + a * a);
    out[0] = this.params.Delta * (a * nA + nB) * inv;
    out[1] = (nA - a * nB) * inv;
  }
}
