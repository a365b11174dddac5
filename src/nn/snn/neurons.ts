/**
 * Spiking neurons behind one interface.
 *
 * A neuron layer receives its input x (the batch-normalized synaptic drive) for every sample b,
 * time step t and unit j, stored sample-major: x[(b*T + t)*n + j]. `forward` writes the spikes s
 * (same layout, 0 or 1) and a trace of what `backward` needs; `backward` turns dL/ds into dL/dx by
 * backpropagation through time over all T steps. Every random draw comes from the RandomStream
 * passed in, in a fixed order, so equal seeds give equal spikes.
 *
 * Three neurons are provided (equations in docs/spiking.md):
 *  - `LifNeuron`: ideal leaky integrate-and-fire with synaptic current, BPTT of its discrete
 *    dynamics with a triangular surrogate derivative of the threshold and (as Norse) a detached reset.
 *  - `BinaryDwMtjNeuron`: fires with the measured per-pulse switching probability P(V) of a binary
 *    DW-MTJ (Leonard et al. 2023, Fig. 2(d)), then resets; no integration.
 *  - `MultiWeightDwMtjNeuron`: a DW-MTJ with n notches; the state table P(S1..Sn | V) (Fig. 2(e))
 *    gives the quantized domain-wall advance per pulse; it fires on reaching the last state.
 */
import type { RandomStream } from '../../random/stream.js';
import type { StateTable, SwitchingTable } from '../../tables/schema.js';
import { ParameterError } from '../../util/errors.js';
import { spikeKernels, type KernelPreference, type SpikeKernels } from '../kernels/spike-backend.js';
import { intervalSlopes } from '../kernels/dwmtj-neurons.js';

/**
 * Arguments of `forward`: the drive x, the spikes s (written, 0 or 1) and the trace (written: what
 * `backward` needs), each of length batch*T*n with layout [(b*T + t)*n + j]; the random stream.
 */
export type ForwardArgs = [
  x: Float32Array,
  s: Float32Array,
  trace: Float32Array,
  batch: number,
  T: number,
  n: number,
  rng: RandomStream,
];
/** Arguments of `backward`: as forward, with gS = dL/ds (input) and gX = dL/dx (output, overwritten). */
export type BackwardArgs = [
  x: Float32Array,
  s: Float32Array,
  trace: Float32Array,
  gS: Float32Array,
  gX: Float32Array,
  batch: number,
  T: number,
  n: number,
];
/** Arguments of `spikeGradientSupport`: spikes and trace of `forward`, the mask `need` (written). */
export type SupportArgs = [
  s: Float32Array,
  trace: Float32Array,
  need: Uint8Array,
  batch: number,
  T: number,
  n: number,
];

export interface SpikingNeuron {
  readonly kind: string;
  forward(...args: ForwardArgs): void;
  /**
   * Optional: after `forward`, mark in `need` (same layout) every entry k whose dL/ds[k] can reach
   * dL/dx (elsewhere `backward` multiplies it by zero), and return how many were marked. The
   * network then computes dL/ds only there (a sparse part of the dense product dZ W^T); the other
   * entries of gS passed to `backward` are 0. Without it, dL/ds is computed everywhere.
   */
  spikeGradientSupport?(...args: SupportArgs): number;
  /** Backpropagation through time over all T steps: dL/ds -> dL/dx. */
  backward(...args: BackwardArgs): void;
}

// ---------------------------------------------------------------------------------------------
// Ideal LIF

export interface LifParameters {
  /** Time step (s). Default 1 ms. */
  dt_s: number;
  /** Membrane time constant (s). Default 10 ms (Norse LIFParameters: tau_mem_inv = 100 1/s). */
  tauMem_s: number;
  /** Synaptic time constant (s). Default 5 ms (Norse: tau_syn_inv = 200 1/s). */
  tauSyn_s: number;
  /** Threshold (dimensionless membrane units). Default 1. */
  threshold: number;
  /** Reset value after a spike. Default 0. */
  reset: number;
  /** Half-width of the triangular surrogate derivative, as a fraction of |threshold - reset|. Default 0.5. */
  surrogateWidth: number;
  /**
   * How BPTT treats the reset v = u (1 - s) + v_reset s. 'detached' (default): the spike in the reset
   * carries no gradient, as in Norse (`v_new = (1 - z_new.detach()) * v_decayed + z_new.detach() * v_reset`),
   * the framework of the paper. 'differentiated': the surrogate derivative flows through the reset too
   * (dv/du = (1 - s) + (v_reset - u) s'(u)); it trains markedly worse here (docs/spiking.md).
   */
  resetGradient: 'detached' | 'differentiated';
  /**
   * 'heaviside' (the model) or 'sigmoid' (smooth spikes s = sigma((u - theta)/w'), used only to check
   * the BPTT code against finite differences: the backward pass then uses the exact derivative).
   */
  spikeFunction: 'heaviside' | 'sigmoid';
}

export const DEFAULT_LIF: LifParameters = {
  dt_s: 1e-3,
  tauMem_s: 10e-3,
  tauSyn_s: 5e-3,
  threshold: 1,
  reset: 0,
  surrogateWidth: 0.5,
  resetGradient: 'detached',
  spikeFunction: 'heaviside',
};

/**
 * Discrete LIF (forward-Euler discretisation of Norse's LIF, Pehle & Pedersen 2021, with the
 * synaptic update applied first):
 *   i[t] = beta * i[t-1] + x[t]                     beta  = 1 - dt/tau_syn   (synaptic current)
 *   u[t] = alpha * v[t-1] + (1 - alpha) * i[t]     alpha = 1 - dt/tau_mem   (membrane before reset)
 *   s[t] = H(u[t] - theta)
 *   v[t] = u[t] * (1 - s[t]) + v_reset * s[t]
 * Backward: the same recursion reversed (BPTT over all T steps), with dH/du replaced by the
 * triangular surrogate  h(u) = max(0, 1 - |u - theta| / w) / w,  w = surrogateWidth * |theta - v_reset|
 * (unit area; shape of Bellec et al. 2018). Its compact support makes the backward signal sparse.
 * The reset is detached by default (Norse), so dv[t]/du[t] = 1 - s[t]; see `resetGradient`.
 */
export class LifNeuron implements SpikingNeuron {
  readonly kind = 'lif';
  readonly p: LifParameters;
  private readonly alpha: number;
  private readonly beta: number;
  private readonly w: number;
  /** 0: reset detached, 1: reset differentiated (factor of the (v_reset - u) s'(u) term). */
  private readonly resetGrad: number;
  /** Heaviside-spike loops: JavaScript (kernels/snn-layers.ts) or their bit-identical C twins. */
  private readonly K: SpikeKernels;

  constructor(params: Partial<LifParameters> = {}, kernels?: KernelPreference) {
    this.p = { ...DEFAULT_LIF, ...params };
    this.K = spikeKernels(kernels);
    const { dt_s, tauMem_s, tauSyn_s, threshold, reset, surrogateWidth } = this.p;
    if (!(dt_s > 0)) throw new ParameterError('dt_s', dt_s, 'a time step > 0 s');
    if (!(tauMem_s >= dt_s)) throw new ParameterError('tauMem_s', tauMem_s, `>= dt_s (${dt_s} s)`);
    if (!(tauSyn_s >= dt_s)) throw new ParameterError('tauSyn_s', tauSyn_s, `>= dt_s (${dt_s} s)`);
    if (!(threshold > reset)) throw new ParameterError('threshold', threshold, `> reset (${reset})`);
    if (!(surrogateWidth > 0)) throw new ParameterError('surrogateWidth', surrogateWidth, '> 0');
    const rg = this.p.resetGradient;
    if (rg !== 'detached' && rg !== 'differentiated')
      throw new ParameterError('resetGradient', rg, "'detached' or 'differentiated'");
    this.resetGrad = rg === 'differentiated' ? 1 : 0;
    this.alpha = 1 - dt_s / tauMem_s;
    this.beta = 1 - dt_s / tauSyn_s;
    this.w = surrogateWidth * (threshold - reset);
  }

  forward(...[x, s, trace, batch, T, n]: ForwardArgs): void {
    const { alpha, beta } = this;
    const { threshold, reset } = this.p;
    const smooth = this.p.spikeFunction === 'sigmoid';
    if (!smooth) {
      this.K.lifForward(x, s, trace, batch, T, n, alpha, beta, threshold, reset);
      return;
    }
    // Smooth spikes (gradient check only): the recursion of snn-layers.ts lifForward with s = sigma.
    const w = this.w;
    for (let b = 0; b < batch; b++) {
      for (let j = 0; j < n; j++) {
        let i = 0;
        let v = reset;
        for (let t = 0; t < T; t++) {
          const k = (b * T + t) * n + j;
          i = beta * i + x[k];
          const u = alpha * v + (1 - alpha) * i;
          trace[k] = u;
          const sp = 1 / (1 + Math.exp(-(u - threshold) / w));
          s[k] = sp;
          v = u * (1 - sp) + reset * sp;
        }
      }
    }
  }

  /** dL/ds[k] is used only where the surrogate is nonzero, |u - theta| < w (all entries for 'sigmoid'). */
  spikeGradientSupport(...[, trace, need]: SupportArgs): number {
    const len = trace.length;
    if (this.p.spikeFunction === 'sigmoid') {
      need.fill(1, 0, len);
      return len;
    }
    return this.K.lifSupport(trace, need, len, this.p.threshold, this.w);
  }

  backward(...[, s, trace, gS, gX, batch, T, n]: BackwardArgs): void {
    const { alpha, beta } = this;
    const reset = this.p.reset;
    if (this.p.spikeFunction === 'heaviside') {
      this.K.lifBackward(
        s,
        trace,
        gS,
        gX,
        batch,
        T,
        n,
        alpha,
        beta,
        this.p.threshold,
        reset,
        this.w,
        this.resetGrad,
      );
      return;
    }
    for (let b = 0; b < batch; b++) {
      for (let j = 0; j < n; j++) {
        let gV = 0; // dL/dv[t] from the future
        let gI = 0; // dL/di[t+1]
        for (let t = T - 1; t >= 0; t--) {
          const k = (b * T + t) * n + j;
          const u = trace[k];
          const sp = s[k];
          const ds = (sp * (1 - sp)) / this.w; // exact dS/du of the smooth spike
          // v = u (1 - s(u)) + reset s(u)  =>  dv/du = (1 - s) + r (reset - u) s'(u)
          const gU = gS[k] * ds + gV * (1 - sp + this.resetGrad * (reset - u) * ds);
          gI = (1 - alpha) * gU + beta * gI;
          gX[k] = gI;
          gV = alpha * gU;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Voltage mapping shared by the DW-MTJ neurons

/** Map of the layer input x to the pulse amplitude: V = center_V + scale_V * x. */
export interface VoltageMapping {
  center_V: number;
  scale_V: number;
}

/**
 * Default mapping: the batch-normalized input x in [-2, 2] spans the table's active voltage range
 * [V_lo, V_hi], V = (V_lo + V_hi)/2 + x (V_hi - V_lo)/4. V_lo is the highest tabulated voltage at
 * which the response (P(V), or the mean advance E[k](V)) still equals its value at the first
 * voltage, V_hi the lowest at which it equals its value at the last voltage; with no flat ends this
 * is the whole tabulated range. Outside the table its end values hold.
 */
export function defaultVoltageMapping(
  voltages: readonly number[],
  response?: readonly number[],
): VoltageMapping {
  let lo = 0;
  let hi = voltages.length - 1;
  if (response && response.length === voltages.length) {
    while (lo + 1 < hi && response[lo + 1] === response[0]) lo++;
    while (hi - 1 > lo && response[hi - 1] === response[response.length - 1]) hi--;
  }
  const vLo = voltages[lo];
  const vHi = voltages[hi];
  return { center_V: 0.5 * (vLo + vHi), scale_V: 0.25 * (vHi - vLo) };
}

function checkMapping(m: VoltageMapping): void {
  if (!Number.isFinite(m.center_V)) throw new ParameterError('center_V', m.center_V, 'a finite voltage');
  if (!(m.scale_V !== 0 && Number.isFinite(m.scale_V)))
    throw new ParameterError('scale_V', m.scale_V, 'a finite nonzero voltage scale');
}

/** Table columns as typed arrays for the neuron loops, after checking the grid and the values. */
function voltageGrid(name: string, voltage: readonly number[]): Float64Array {
  if (!Array.isArray(voltage) || voltage.length < 2)
    throw new ParameterError(`${name}.voltage_V`, voltage?.length, 'at least 2 voltages');
  for (let i = 0; i < voltage.length; i++) {
    if (!Number.isFinite(voltage[i]))
      throw new ParameterError(`${name}.voltage_V[${i}]`, voltage[i], 'a finite voltage');
    if (i > 0 && !(voltage[i] > voltage[i - 1]))
      throw new ParameterError(
        `${name}.voltage_V[${i}]`,
        voltage[i],
        `> voltage_V[${i - 1}] = ${voltage[i - 1]} V`,
      );
  }
  return Float64Array.from(voltage);
}

function probabilityValue(name: string, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new ParameterError(name, p, 'a probability in [0, 1]');
  return p;
}

// ---------------------------------------------------------------------------------------------
// Binary DW-MTJ neuron

/**
 * Binary stochastic DW-MTJ neuron (Leonard et al. 2023): at each step the input sets a pulse of
 * amplitude V = center + scale * x; the device switches (fires) with the tabulated probability
 * P(V) and is reset (by field, in the experiment) after firing. No state is carried between steps.
 *   s[t] ~ Bernoulli(P(V(x[t])))
 * Gradient (straight-through with the table's slope): ds/dx := dP/dV * scale_V, i.e. the
 * derivative of the expected spike E[s] = P(V), exact in expectation.
 */
export class BinaryDwMtjNeuron implements SpikingNeuron {
  readonly kind = 'dwmtj-binary';
  readonly mapping: VoltageMapping;
  private readonly grid: Float64Array;
  private readonly prob: Float64Array;
  /** dP/dV on each grid interval. */
  private readonly probSlope: Float64Array;
  /** Neuron loops: JavaScript (kernels/dwmtj-neurons.ts) or their bit-identical C twins. */
  private readonly K: SpikeKernels;

  constructor(
    readonly table: SwitchingTable,
    mapping?: VoltageMapping,
    kernels?: KernelPreference,
  ) {
    if (!table || table.kind !== 'switching-probability')
      throw new ParameterError('table.kind', table?.kind, "a 'switching-probability' table");
    this.grid = voltageGrid('table', table.voltage_V);
    if (!Array.isArray(table.probability) || table.probability.length !== this.grid.length)
      throw new ParameterError(
        'table.probability',
        table.probability?.length,
        `${this.grid.length} values (one per voltage)`,
      );
    this.prob = Float64Array.from(table.probability, (p, i) =>
      probabilityValue(`table.probability[${i}]`, p),
    );
    this.probSlope = intervalSlopes(this.grid, this.prob);
    this.mapping = mapping ?? defaultVoltageMapping(table.voltage_V, table.probability);
    checkMapping(this.mapping);
    this.K = spikeKernels(kernels);
  }

  forward(...[x, s, trace, batch, T, n, rng]: ForwardArgs): void {
    const { center_V, scale_V } = this.mapping;
    rng.drawWithAlea((state) =>
      this.K.dwmtjBinaryForward(
        state,
        x,
        s,
        trace,
        batch * T * n,
        this.grid,
        this.prob,
        this.probSlope,
        center_V,
        scale_V,
      ),
    );
  }

  backward(...[, , trace, gS, gX, batch, T, n]: BackwardArgs): void {
    const len = batch * T * n;
    for (let k = 0; k < len; k++) gX[k] = gS[k] * trace[k];
  }

  /** dL/ds[k] is used only where the table's slope is nonzero (trace[k] != 0). */
  spikeGradientSupport(...[, trace, need]: SupportArgs): number {
    let c = 0;
    for (let k = 0; k < trace.length; k++) {
      const on = trace[k] !== 0 ? 1 : 0;
      need[k] = on;
      c += on;
    }
    return c;
  }
}

// ---------------------------------------------------------------------------------------------
// Multi-weight DW-MTJ neuron

/**
 * Multi-weight DW-MTJ neuron with n states S1..Sn (Leonard et al. 2023, Fig. 2(e); device of
 * Ref. 2): a pulse of amplitude V = center + scale * x leaves the wall in state S_{k+1} with the
 * tabulated probability P_k(V); the state index k (0..n-1) is the quantized advance of the wall.
 * The wall position integrates these advances and the MTJ before the last notch fires when the
 * position reaches the last state, after which the device is reset:
 *   k[t] ~ Categorical(P_0..P_{n-1}(V(x[t])))
 *   a[t] = a[t-1] (1 - s[t-1]) + k[t]
 *   s[t] = H(a[t] - (n - 1))
 * Gradient (straight-through): s ~ a/(n-1) and dk/dx := dE[k]/dV * scale_V with
 * E[k](V) = sum_k k P_k(V) (slope of the interpolated table); BPTT runs through the position:
 *   dL/da[t] = dL/ds[t] / (n-1) + (1 - s[t]) dL/da[t+1],   dL/dx[t] = dL/da[t] * dE[k]/dV * scale_V.
 */
export class MultiWeightDwMtjNeuron implements SpikingNeuron {
  readonly kind = 'dwmtj-mw';
  readonly mapping: VoltageMapping;
  private readonly nStates: number;
  private readonly grid: Float64Array;
  /** P_k(V) at the grid voltages, row-major (grid x states). */
  private readonly prob: Float64Array;
  /** dE[k]/dV on each grid interval, E[k](V) = sum_k k P_k(V). */
  private readonly meanAdvanceSlope: Float64Array;
  /** Neuron loops: JavaScript (kernels/dwmtj-neurons.ts) or their bit-identical C twins. */
  private readonly K: SpikeKernels;

  constructor(
    readonly table: StateTable,
    mapping?: VoltageMapping,
    kernels?: KernelPreference,
  ) {
    if (!table || table.kind !== 'state-probability')
      throw new ParameterError('table.kind', table?.kind, "a 'state-probability' table");
    this.grid = voltageGrid('table', table.voltage_V);
    const ns = Array.isArray(table.states) ? table.states.length : 0;
    if (ns < 2) throw new ParameterError('table.states', ns, 'at least 2 states');
    this.nStates = ns;
    if (!Array.isArray(table.probability) || table.probability.length !== this.grid.length)
      throw new ParameterError(
        'table.probability',
        table.probability?.length,
        `${this.grid.length} rows (one per voltage)`,
      );
    this.prob = new Float64Array(this.grid.length * ns);
    table.probability.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== ns)
        throw new ParameterError(`table.probability[${i}]`, row?.length, `${ns} values (one per state)`);
      row.forEach((p, k) => (this.prob[i * ns + k] = probabilityValue(`table.probability[${i}][${k}]`, p)));
    });
    const ek = table.probability.map((row) => row.reduce((acc, p, k) => acc + k * p, 0));
    this.meanAdvanceSlope = intervalSlopes(this.grid, Float64Array.from(ek));
    this.mapping = mapping ?? defaultVoltageMapping(table.voltage_V, ek);
    checkMapping(this.mapping);
    this.K = spikeKernels(kernels);
  }

  forward(...[x, s, trace, batch, T, n, rng]: ForwardArgs): void {
    const { center_V, scale_V } = this.mapping;
    const scratch = new Float64Array(this.nStates);
    rng.drawWithAlea((state) =>
      this.K.dwmtjMultiForward(
        state,
        x,
        s,
        trace,
        batch,
        T,
        n,
        this.grid,
        this.prob,
        this.nStates,
        this.meanAdvanceSlope,
        center_V,
        scale_V,
        scratch,
      ),
    );
  }

  backward(...[, s, trace, gS, gX, batch, T, n]: BackwardArgs): void {
    this.K.dwmtjMultiBackward(s, trace, gS, gX, batch, T, n, 1 / (this.nStates - 1));
  }

  /**
   * dL/ds[t] flows back through dL/da to the steps t' <= t since the last spike before t, so it is
   * used when the slope trace is nonzero at any of them: need[t] = (trace[t] != 0) or
   * (need[t-1] and s[t-1] = 0).
   */
  spikeGradientSupport(...[s, trace, need, batch, T, n]: SupportArgs): number {
    return this.K.dwmtjMultiSupport(s, trace, need, batch, T, n);
  }
}
