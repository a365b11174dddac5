/**
 * Pulse-by-pulse simulation of a DW-MTJ neuron: nucleation at the track start, stochastic (q, phi)
 * wall dynamics with Joule heating during the trapezoidal pulse, relaxation after it, MTJ read.
 *
 * Per voltage, the deterministic traces (SOT field, temperature, cumulative nucleation hazard) are
 * computed once on the integration grid and reused for every pulse; the per-step work is one
 * stochastic Heun step of two coordinates, with no allocation.
 */
import type { RandomStream } from '../random/stream.js';
import { MU0 } from '../units/constants.js';
import {
  equilibriumWallAngle,
  gamma0,
  spinHallField,
  thermalAmplitude,
  wallGyroCoefficient,
} from '../physics/domainwall/wall1d.js';
import {
  paperEnergyPerPulse,
  pulseCurrent,
  pulseDuration,
  pulseShape,
  trackVoltage,
} from '../physics/domainwall/pulse.js';
import { nucleationRate } from '../physics/domainwall/nucleation.js';
import { wallAfterInterval } from '../physics/domainwall/interpulse.js';
import { temperatureTrace } from '../physics/thermal/track-joule.js';
import { mtjResistance, readIsAntiparallel } from '../physics/readout/mtj.js';
import type { DwmtjModel } from './dwmtj-model.js';
import { ParameterError } from '../util/errors.js';

/** State of the neuron between pulses. */
export interface DwmtjState {
  /** A wall exists in the track. */
  wall: boolean;
  /** Wall position [m] (meaningful when `wall`); the reversed domain lies at q' < q. */
  q: number;
  phi: number;
  /** The reversed domain fills the whole track (the wall left at the far end). */
  saturated: boolean;
}

export interface PulseOutcome {
  nucleated: boolean;
  finalPosition: number;
  resistance: number;
  antiparallel: boolean;
  energy: number;
  peakTemperature: number;
}

interface VoltageTraces {
  voltage: number;
  HSL: Float64Array;
  T: Float64Array;
  /** Thermal amplitude sqrt(2 alpha kB T / (c Delta)) per step [1/s^(1/2)]. */
  noiseAmplitude: Float64Array;
  /** Cumulative nucleation hazard at the start of each step. */
  hazard: Float64Array;
  energy: number;
  /** Highest track temperature of the pulse [K]. */
  peakTemperature: number;
}

export class DwmtjSimulator {
  private readonly traces = new Map<number, VoltageTraces>();
  private readonly x = new Float64Array(2);
  private normals = new Float64Array(0);
  /** normalViews[n]: the first 2 n entries of `normals`, created once (no allocation per pulse). */
  private normalViews: Array<Float64Array | undefined> = [];
  /** Notch centres, lengths and depths as typed arrays for the inner loop. */
  private readonly notchPosition: Float64Array;
  private readonly notchLength: Float64Array;
  private readonly notchDepth: Float64Array;
  private readonly c: number;
  private readonly g0: number;
  readonly steps: number;
  private readonly zeemanSlope: number;
  private readonly pinScale: number;
  readonly phi0: number;

  constructor(readonly model: DwmtjModel) {
    const dt = model.timeStep;
    if (!(dt > 0)) throw new ParameterError('timeStep', dt, 'a step > 0 s');
    this.steps = Math.ceil((pulseDuration(model.pulse) + model.settleTime) / dt);
    const w = model.wall;
    // dE/dq = sigma t w'(q) - 2 mu0 Ms Hz t w0 (wall1d.ts header; track.ts).
    this.zeemanSlope = -2 * MU0 * w.Ms * model.biasField * w.thickness * w.width;
    this.pinScale = model.sigma * w.thickness;
    this.c = wallGyroCoefficient(w);
    this.g0 = gamma0(w);
    this.phi0 = equilibriumWallAngle(w, model.inPlaneField, 0);
    const notches = model.track.notches;
    this.notchPosition = Float64Array.from(notches, (x) => x.position);
    this.notchLength = Float64Array.from(notches, (x) => x.length);
    this.notchDepth = Float64Array.from(notches, (x) => x.depth);
  }

  /**
   * dw/dq at q: the same expression as trackWidthSlope (track.ts) on typed arrays, term by term
   * in the same order, so the result is bit-identical (the regeneration test of the committed
   * tables, test/dwmtj-tables.test.ts, fails on any change of the numbers).
   */
  private widthSlope(q: number): number {
    const pos = this.notchPosition;
    const len = this.notchLength;
    const dep = this.notchDepth;
    let s = 0;
    for (let i = 0; i < pos.length; i++) {
      const u = (q - pos[i]) / len[i];
      if (u > 10 || u < -10) continue;
      s += ((dep[i] * u) / len[i]) * Math.exp(-0.5 * u * u);
    }
    return s;
  }

  /** Deterministic traces for a pulse amplitude (cached). */
  tracesFor(voltage: number): VoltageTraces {
    const hit = this.traces.get(voltage);
    if (hit) return hit;
    const m = this.model;
    const n = this.steps;
    const dt = m.timeStep;
    const HSL = new Float64Array(n);
    const power = new Float64Array(n);
    const T = new Float64Array(n);
    const hazard = new Float64Array(n + 1);
    const vTrack = trackVoltage(m.circuit, voltage);
    for (let k = 0; k < n; k++) {
      const s = pulseShape(m.pulse, (k + 0.5) * dt);
      const J = pulseCurrent(m.circuit, voltage * s) * m.currentDensityPerAmpere;
      HSL[k] = spinHallField(m.material.thetaSH, J, m.wall.Ms, m.wall.thickness);
      // P(t) = V_track(t)^2 / R_4pt (track-joule.ts)
      power[k] = (vTrack * s) ** 2 / m.circuit.fourPointResistance;
    }
    temperatureTrace(m.thermal, power, dt, T);
    for (let k = 0; k < n; k++) {
      const s = pulseShape(m.pulse, (k + 0.5) * dt);
      const J = pulseCurrent(m.circuit, voltage * s) * m.currentDensityPerAmpere;
      hazard[k + 1] = hazard[k] + nucleationRate(m.nucleation, m.biasField, J, T[k]) * dt;
    }
    const ampPerRootK = thermalAmplitude(m.wall, 1);
    const noiseAmplitude = T.map((Tk) => ampPerRootK * Math.sqrt(Tk));
    let peakTemperature = 0;
    for (let k = 0; k < n; k++) if (T[k] > peakTemperature) peakTemperature = T[k];
    const tr = {
      peakTemperature,
      voltage,
      HSL,
      T,
      noiseAmplitude,
      hazard,
      energy: paperEnergyPerPulse(m.circuit, m.pulse, voltage),
    };
    this.traces.set(voltage, tr);
    return tr;
  }

  /**
   * Stochastic Heun (Stratonovich) steps of the (q, phi) equations from `startStep` to the end of
   * the pulse window: the scheme of src/integrate/heun.ts (predictor x~ = x + f dt + G dW,
   * corrector x += (f + f~) dt/2 + (G + G~) dW/2) written out for the two wall coordinates with the
   * drive held at its mid-step value over each step; equations as in wall1d.ts (wallRates) with
   * sin 2phi = 2 sin phi cos phi. The normals are drawn in one block per pulse (fillNormal), in
   * the same order StochasticHeun draws them. No allocation per step.
   */
  private advance(
    x: Float64Array,
    startStep: number,
    tr: VoltageTraces,
    rng: RandomStream,
  ): 'inside' | 'saturated' | 'collapsed' {
    const m = this.model;
    const p = m.wall;
    const dt = m.timeStep;
    const n = this.steps - startStep;
    if (n <= 0) return 'inside';
    if (this.normals.length < 2 * n) this.normals = new Float64Array(2 * this.steps);
    const dW = this.normals;
    let view = this.normalViews[n];
    if (view === undefined) {
      view = dW.subarray(0, 2 * n);
      this.normalViews[n] = view;
    }
    rng.fillNormal(view, 0, Math.sqrt(dt));
    const a = p.alpha;
    const inv = 1 / (1 + a * a);
    const D = p.Delta;
    const c = this.c;
    const g0h = this.g0 * (Math.PI / 2);
    const bScale = (p.thickness * p.width) / (c * p.Delta);
    const KD = 0.5 * MU0 * p.Ms * p.HK;
    const k1 = -4 * p.Delta * KD; // -2 Delta K_D sin 2phi = k1 sin phi cos phi
    const kD = Math.PI * p.Delta * MU0 * p.Ms;
    const hx = p.HD + m.inPlaneField;
    const chi = m.material.fieldLikeRatio;
    const pin = this.pinScale;
    const zee = this.zeemanSlope;
    const L = m.track.length;
    const HSL = tr.HSL;
    const amp = tr.noiseAmplitude;
    let q = x[0];
    let phi = x[1];
    for (let j = 0; j < n; j++) {
      const k = startStep + j;
      const h = HSL[k];
      const hy = chi * h;
      const A0 = amp[k] * dW[2 * j];
      const B0 = amp[k] * dW[2 * j + 1];
      const nq = D * (a * A0 + B0) * inv;
      const np = (A0 - a * B0) * inv;
      // drift at (q, phi)
      let sn = Math.sin(phi);
      let cs = Math.cos(phi);
      let A = -(pin * this.widthSlope(q) + zee) / c + g0h * h * cs;
      let B = bScale * (k1 * sn * cs + kD * (hx * sn - hy * cs));
      const fq0 = D * (a * A + B) * inv;
      const fp0 = (A - a * B) * inv;
      // predictor
      const qp = q + fq0 * dt + nq;
      const pp = phi + fp0 * dt + np;
      sn = Math.sin(pp);
      cs = Math.cos(pp);
      A = -(pin * this.widthSlope(qp) + zee) / c + g0h * h * cs;
      B = bScale * (k1 * sn * cs + kD * (hx * sn - hy * cs));
      const fq1 = D * (a * A + B) * inv;
      const fp1 = (A - a * B) * inv;
      // corrector (additive noise: G~ dW = G dW)
      q += 0.5 * (fq0 + fq1) * dt + nq;
      phi += 0.5 * (fp0 + fp1) * dt + np;
      if (q >= L) {
        x[0] = q;
        x[1] = phi;
        return 'saturated';
      }
      if (q < 0) {
        x[0] = q;
        x[1] = phi;
        return 'collapsed';
      }
    }
    x[0] = q;
    x[1] = phi;
    return 'inside';
  }

  private uniformOf: RandomStream | null = null;
  private uniformFn: () => number = () => 0;
  /** A closure drawing uniforms from `rng`, created once per stream (no allocation per pulse). */
  private uniform(rng: RandomStream): () => number {
    if (this.uniformOf !== rng) {
      this.uniformOf = rng;
      this.uniformFn = () => rng.uniform();
    }
    return this.uniformFn;
  }

  /**
   * The reset state: parallel everywhere after the -200 Oe reset field, with no wall, or with a
   * wall at `initialWallPosition` when the preset writes one with the Oersted line.
   */
  resetState(): DwmtjState {
    const q0 = this.model.initialWallPosition;
    if (q0 > 0 && q0 < this.model.track.length)
      return { wall: true, q: q0, phi: this.phi0, saturated: false };
    return { wall: false, q: 0, phi: this.phi0, saturated: false };
  }

  /** Position of the reversed-domain front (0 without a wall, L when saturated) [m]. */
  frontPosition(s: DwmtjState): number {
    return s.saturated ? this.model.track.length : s.wall ? s.q : 0;
  }

  resistance(s: DwmtjState): number {
    return mtjResistance(this.model.mtj, this.frontPosition(s));
  }

  /** Apply one pulse of amplitude `voltage` to `state` (updated in place). */
  pulse(state: DwmtjState, voltage: number, rng: RandomStream): PulseOutcome {
    if (!Number.isFinite(voltage) || voltage < 0)
      throw new ParameterError('voltage', voltage, 'a pulse amplitude >= 0 V');
    const m = this.model;
    const tr = this.tracesFor(voltage);
    let startStep = 0;
    let nucleated = false;
    if (!state.wall && !state.saturated) {
      // Nucleation time from the cumulative hazard: P(no nucleation by t) = exp(-H(t)).
      const target = -Math.log(1 - rng.uniform());
      const total = tr.hazard[this.steps];
      if (target < total) {
        let lo = 0;
        let hi = this.steps;
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          if (tr.hazard[mid] < target) lo = mid;
          else hi = mid;
        }
        startStep = lo;
        nucleated = true;
        state.wall = true;
        state.q = m.nucleationPosition;
        state.phi = this.phi0;
      }
    }
    if (state.wall) {
      const x = this.x;
      x[0] = state.q;
      x[1] = state.phi;
      const end = this.advance(x, startStep, tr, rng);
      if (end === 'saturated') {
        state.wall = false;
        state.saturated = true;
      } else if (end === 'collapsed') state.wall = false; // the reversed domain collapsed
      state.q = state.wall ? x[0] : 0;
      state.phi = x[1];
    }
    if (state.wall && m.interPulse.interval > 0) {
      // Between pulses the bias pushes the wall to the next notch that holds it (interpulse.ts).
      const w = m.wall;
      const q = wallAfterInterval(
        m.track,
        m.sigma,
        w.thickness,
        w.Ms,
        m.biasField,
        m.interPulse,
        state.q,
        this.uniform(rng),
      );
      if (q >= m.track.length) {
        state.wall = false;
        state.saturated = true;
        state.q = 0;
      } else state.q = q;
      // Driven by the bias, the wall arrives at its notch after precessional motion: phi restarts
      // at the equilibrium angle. Without bias it stays put, and phi relaxes to the nearer of the
      // two degenerate minima +-phi0 (sigma_phi depends on cos phi only between pulses, where
      // Hy = chi H_SL = 0): the chirality is kept, since the Neel state between them costs
      // S 2 Delta K_D (1 - cos phi0)^2 = 46 kB T for the MW preset (docs/domain-wall.md).
      state.phi =
        m.biasField > 0 ? this.phi0 : Math.sin(state.phi) >= 0 ? Math.abs(this.phi0) : -Math.abs(this.phi0);
    }
    const R = this.resistance(state);
    return {
      nucleated,
      finalPosition: this.frontPosition(state),
      resistance: R,
      antiparallel: readIsAntiparallel(m.mtj, R),
      energy: tr.energy,
      peakTemperature: tr.peakTemperature,
    };
  }
}
