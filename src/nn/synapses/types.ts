/** A layer of synapses: the weights a network reads and the way it may change them. */
export interface SynapseLayer {
  readonly rows: number;
  readonly cols: number;
  /** Current effective weights, row-major [rows x cols] (rows = inputs, cols = outputs). */
  readonly weights: Float32Array;
  /**
   * Apply the weight change the learning rule asks for (e.g. -lr * gradient). An ideal layer
   * adds it exactly; a device layer turns it into pulse counts and lands on device levels.
   */
  update(delta: Float32Array): void;
  /** Device readout values (table units) of every synapse, or undefined for ideal weights. */
  deviceValues(): Float64Array | undefined;
  /** Plain-JSON state for checkpoints. */
  toJSON(): SynapseLayerState;
}

export interface SynapseLayerState {
  kind: string;
  rows: number;
  cols: number;
  weights: number[];
  /** Device synapses: branch (0 = potentiation, 1 = depression) and level index per synapse. */
  branch?: number[];
  level?: number[];
  values?: number[];
}
