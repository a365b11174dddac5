/**
 * Pulse-by-pulse simulation of a DW-MTJ neuron: nucleation at the track start, stochastic (q, phi)
 * wall dynamics with Joule heating during the trapezoidal pulse, relaxation after it, MTJ read.
 *
 * Per voltage, the deterministic traces (SOT field, temperature, cumulative nucleation hazard) are
 * computed once on the integration grid and reused for every pulse; the per-step work is one
 * stochastic Heun step of two coordinates, with no allocation.
 */
import { StochasticHeun } from '../integrate/heun.js';
import type { RandomStream } from '../random/stream.js';
import { MU0 } from '../units/constants.js';
import { WallLangevin, type WallEnvironment } from '../physics/domainwall/langevin.js';
import { equilibriumWallAngle, spinHallField } from '../physics/domainwall/wall1d.js';
import { trackWidthSlope } from '../physics/domainwall/track.js';
import {
  paperEnergyPerPulse,
  pulseCurrent,
  pulseDuration,
  pulseShape,
  trackVoltage,
} from '../physics/domainwall/pulse.js';
import { nucleationRate } from '../physics/domainwall/nucleation.js';
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
  /** Cumulative nucleation hazard at the start of each step. */
  hazard: Float64Array;
  energy: number;
}

export class DwmtjSimulator {
  private readonly traces = new Map<number, VoltageTraces>();
  private current: VoltageTraces | null = null;
  private readonly langevin: WallLangevin;
  private readonly x = new Float64Array(2);
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
    const env: WallEnvironment = {
      energySlope: (_t: number, q: number): number =>
        this.pinScale * trackWidthSlope(model.track, q) + this.zeemanSlope,
      spinHallField: (t: number): number => this.trace().HSL[this.index(t)],
      inPlaneX: (): number => model.inPlaneField,
      inPlaneY: (t: number): number => model.material.fieldLikeRatio * this.trace().HSL[this.index(t)],
      temperature: (t: number): number => this.trace().T[this.index(t)],
    };
    this.langevin = new WallLangevin(w, env);
    this.phi0 = equilibriumWallAngle(w, model.inPlaneField, 0);
  }

  private trace(): VoltageTraces {
    return this.current as VoltageTraces;
  }

  private index(t: number): number {
    const k = Math.round(t / this.model.timeStep);
    return k < 0 ? 0 : k >= this.steps ? this.steps - 1 : k;
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
    const tr = { voltage, HSL, T, hazard, energy: paperEnergyPerPulse(m.circuit, m.pulse, voltage) };
    this.traces.set(voltage, tr);
    return tr;
  }

  /** The reset state: parallel everywhere, no wall (after the -200 Oe reset field). */
  resetState(): DwmtjState {
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
    this.current = tr;
    const dt = m.timeStep;
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
      const heun = new StochasticHeun(this.langevin, rng);
      const x = this.x;
      x[0] = state.q;
      x[1] = state.phi;
      const L = m.track.length;
      for (let k = startStep; k < this.steps; k++) {
        heun.step(k * dt, x, dt);
        if (x[0] >= L) {
          state.wall = false;
          state.saturated = true;
          break;
        }
        if (x[0] < 0) {
          state.wall = false; // the reversed domain collapsed
          break;
        }
      }
      state.q = state.wall ? x[0] : 0;
      state.phi = x[1];
    }
    let peak = 0;
    for (let k = 0; k < this.steps; k++) if (tr.T[k] > peak) peak = tr.T[k];
    const R = this.resistance(state);
    return {
      nucleated,
      finalPosition: this.frontPosition(state),
      resistance: R,
      antiparallel: readIsAntiparallel(m.mtj, R),
      energy: tr.energy,
      peakTemperature: peak,
    };
  }
}
