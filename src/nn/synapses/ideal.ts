/** Ideal floating-point synapses: the software baseline. */
import type { RandomStream } from '../../random/index.js';
import { ParameterError } from '../../util/errors.js';
import type { SynapseLayer, SynapseLayerState } from './types.js';

export class IdealSynapses implements SynapseLayer {
  readonly weights: Float32Array;
  constructor(
    readonly rows: number,
    readonly cols: number,
    rng: RandomStream,
  ) {
    // Glorot/Xavier uniform initialisation: w ~ U(-l, l), l = sqrt(6 / (fan_in + fan_out))
    // (X. Glorot & Y. Bengio, AISTATS 2010, eq. 16).
    const limit = Math.sqrt(6 / (rows + cols));
    this.weights = rng.fillUniform(new Float32Array(rows * cols), -limit, limit);
  }
  /** Restore the weights from a checkpoint state. */
  restore(state: SynapseLayerState): this {
    if (state.rows !== this.rows || state.cols !== this.cols || state.weights.length !== this.weights.length)
      throw new ParameterError(
        'checkpoint layer',
        `${state.rows}x${state.cols}`,
        `${this.rows}x${this.cols}`,
      );
    this.weights.set(state.weights);
    return this;
  }

  update(delta: Float32Array): void {
    const w = this.weights;
    for (let i = 0; i < w.length; i++) w[i] += delta[i];
  }
  deviceValues(): undefined {
    return undefined;
  }
  toJSON(): SynapseLayerState {
    return { kind: 'ideal', rows: this.rows, cols: this.cols, weights: Array.from(this.weights) };
  }
}
