/**
 * Device synapses driven by any `conductance-levels` table (simulated, measured or analytic).
 *
 * Weight <-> conductance mapping: one device per synapse plus a fixed reference conductance
 * G_ref = (G_min + G_max)/2 shared by the column (read out as I = V (G - G_ref)), so
 *     w = w_max (G - G_ref) / ((G_max - G_min)/2),      w in [-w_max, w_max].
 * G_min/G_max are the smallest/largest level means of the table (`conductanceRange`). For a table
 * whose weightSense is "decreasing" (e.g. a Hall resistivity change that falls as skyrmions
 * accumulate) the sign is flipped, so potentiation always increases the weight.
 *
 * Update rule (pulse counting, as in NeuroSim, P.-Y. Chen et al., IEEE TCAD 37, 3067 (2018)):
 * the requested change dw becomes n = round(dw / dw_step) pulses, where dw_step is the mean
 * weight step of the branch used (potentiation for n > 0, depression for n < 0):
 *     dw_step = 2 w_max / (number of levels of that branch - 1).
 * |dw| < dw_step/2 gives n = 0: the update is lost. Otherwise the device moves |n| states along
 * its branch (clipped at the branch ends). A device sitting on the other branch first enters this
 * branch at the level whose mean is closest to its own level mean; if the level it would then land
 * on lies on the wrong side of its present level mean (a depression that would raise the weight,
 * or a potentiation that would lower it: possible when the branches do not span the same range,
 * e.g. a depression branch that ends above the initial state), the update is lost instead, since
 * the table holds no state beyond that branch's end. At every update that applies
 * pulses the new readout is drawn as G ~ N(G_i, sigma_i^2) with the table's mean and std of the
 * landing level i (Song et al., Fig. 3B), clipped to [G_min, G_max].
 * Non-uniform level spacing and different branch lengths (24 potentiation and 16 depression
 * states for the skyrmion device) therefore enter training exactly as the table gives them.
 */
import type { RandomStream } from '../../random/index.js';
import { conductanceRange, type ConductanceTable } from '../../tables/index.js';
import { ParameterError } from '../../util/errors.js';
import type { SynapseLayer, SynapseLayerState } from './types.js';

/** The table in "weight sense": value s * level, s = +1 (increasing) or -1 (decreasing). */
export interface DeviceModel {
  name: string;
  /** Level means and stds along each branch, in weight sense (potentiation means increase). */
  potMean: Float64Array;
  potStd: Float64Array;
  depMean: Float64Array;
  depStd: Float64Array;
  /** +1 or -1: table value = sense * internal value. */
  sense: number;
  gMin: number;
  gMax: number;
  /** Entry level on the potentiation branch for each depression level, and the reverse. */
  depToPot: Int32Array;
  potToDep: Int32Array;
}

export function deviceModelFromTable(table: ConductanceTable): DeviceModel {
  const sense = table.weightSense === 'decreasing' ? -1 : 1;
  const pm = Float64Array.from(table.potentiation, (l) => sense * l.mean);
  const ps = Float64Array.from(table.potentiation, (l) => l.std);
  const dm = Float64Array.from(table.depression, (l) => sense * l.mean);
  const ds = Float64Array.from(table.depression, (l) => l.std);
  const range = conductanceRange(table);
  const lo = sense > 0 ? range.min : -range.max;
  const hi = sense > 0 ? range.max : -range.min;
  if (!(hi > lo)) throw new ParameterError(`${table.name} levels`, [range.min, range.max], 'G_max > G_min');
  const nearest = (target: Float64Array, v: number) => {
    let best = 0;
    for (let i = 1; i < target.length; i++)
      if (Math.abs(target[i] - v) < Math.abs(target[best] - v)) best = i;
    return best;
  };
  return {
    name: table.name,
    potMean: pm,
    potStd: ps,
    depMean: dm,
    depStd: ds,
    sense,
    gMin: lo,
    gMax: hi,
    depToPot: Int32Array.from(dm, (v) => nearest(pm, v)),
    potToDep: Int32Array.from(pm, (v) => nearest(dm, v)),
  };
}

const POT = 0;
const DEP = 1;

export interface DeviceSynapseOptions {
  /** Weight at G_max (default: 2 x the Glorot limit sqrt(6/(fan_in+fan_out))). */
  wMax?: number;
}

export class DeviceSynapses implements SynapseLayer {
  readonly weights: Float32Array;
  readonly wMax: number;
  /** Internal (weight-sense) readout value of each device. */
  private readonly g: Float64Array;
  private readonly branch: Uint8Array;
  private readonly level: Int16Array;
  private readonly potStep: number;
  private readonly depStep: number;
  private readonly gRef: number;
  private readonly wPerG: number;

  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly model: DeviceModel,
    private readonly rng: RandomStream,
    options: DeviceSynapseOptions = {},
  ) {
    this.wMax = options.wMax ?? 2 * Math.sqrt(6 / (rows + cols));
    const n = rows * cols;
    this.weights = new Float32Array(n);
    this.g = new Float64Array(n);
    this.branch = new Uint8Array(n);
    this.level = new Int16Array(n);
    this.potStep = (2 * this.wMax) / (model.potMean.length - 1);
    this.depStep = (2 * this.wMax) / (model.depMean.length - 1);
    this.gRef = 0.5 * (model.gMin + model.gMax);
    this.wPerG = this.wMax / (0.5 * (model.gMax - model.gMin));
    // Initial state: a target weight drawn uniformly in [-wMax, wMax], and the device placed on the
    // potentiation level whose mean is nearest to it; the readout is drawn from that level. For a
    // table with evenly spaced levels this is the same distribution as a uniformly random level. Drawing the weight (not the level index) keeps the initial
    // weights centred whatever the level spacing: a table with many nearly equal levels at one end
    // (e.g. the nucleation onset of the skyrmion synapse) would otherwise bias every weight there.
    const L = model.potMean.length;
    const wInit = this.wMax;
    for (let i = 0; i < n; i++) {
      const gTarget = this.gRef + rng.uniformRange(-wInit, wInit) / this.wPerG;
      let l = 0;
      for (let k = 1; k < L; k++) {
        if (Math.abs(model.potMean[k] - gTarget) < Math.abs(model.potMean[l] - gTarget)) l = k;
      }
      this.branch[i] = POT;
      this.level[i] = l;
      this.setReadout(i, model.potMean[l], model.potStd[l]);
    }
  }

  private setReadout(i: number, mean: number, std: number): void {
    let v = std > 0 ? this.rng.normal(mean, std) : mean;
    if (v < this.model.gMin) v = this.model.gMin;
    else if (v > this.model.gMax) v = this.model.gMax;
    this.g[i] = v;
    this.weights[i] = (v - this.gRef) * this.wPerG;
  }

  update(delta: Float32Array): void {
    const m = this.model;
    const invPot = 1 / this.potStep;
    const invDep = 1 / this.depStep;
    const nPot = m.potMean.length - 1;
    const nDep = m.depMean.length - 1;
    for (let i = 0; i < delta.length; i++) {
      const d = delta[i];
      if (d > 0) {
        const pulses = Math.round(d * invPot);
        if (pulses === 0) continue;
        const entering = this.branch[i] !== POT;
        let l = entering ? m.depToPot[this.level[i]] : this.level[i];
        l += pulses;
        if (l > nPot) l = nPot;
        if (entering && m.potMean[l] < m.depMean[this.level[i]]) continue; // would lower the weight
        this.branch[i] = POT;
        this.level[i] = l;
        this.setReadout(i, m.potMean[l], m.potStd[l]);
      } else if (d < 0) {
        const pulses = Math.round(-d * invDep);
        if (pulses === 0) continue;
        const entering = this.branch[i] !== DEP;
        let l = entering ? m.potToDep[this.level[i]] : this.level[i];
        l += pulses;
        if (l > nDep) l = nDep;
        if (entering && m.depMean[l] > m.potMean[this.level[i]]) continue; // would raise the weight
        this.branch[i] = DEP;
        this.level[i] = l;
        this.setReadout(i, m.depMean[l], m.depStd[l]);
      }
    }
  }

  /** Restore branch, level and readout of every device from a checkpoint state. */
  restore(state: SynapseLayerState): this {
    const n = this.weights.length;
    if (
      state.rows !== this.rows ||
      state.cols !== this.cols ||
      !state.branch ||
      !state.level ||
      !state.values
    )
      throw new ParameterError(
        'checkpoint layer',
        `${state.rows}x${state.cols} ${state.kind}`,
        `a ${this.rows}x${this.cols} device layer`,
      );
    for (let i = 0; i < n; i++) {
      this.branch[i] = state.branch[i];
      this.level[i] = state.level[i];
      const g = this.model.sense * state.values[i];
      this.g[i] = g;
      this.weights[i] = (g - this.gRef) * this.wPerG;
    }
    return this;
  }

  /** Readout values in table units (e.g. S or ohm m). */
  deviceValues(): Float64Array {
    const out = new Float64Array(this.g.length);
    for (let i = 0; i < out.length; i++) out[i] = this.model.sense * this.g[i];
    return out;
  }

  toJSON(): SynapseLayerState {
    return {
      kind: `device:${this.model.name}`,
      rows: this.rows,
      cols: this.cols,
      weights: Array.from(this.weights),
      branch: Array.from(this.branch),
      level: Array.from(this.level),
      values: Array.from(this.deviceValues()),
    };
  }
}
