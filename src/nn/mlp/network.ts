/**
 * Two-layer perceptron (inputs -> hidden -> classes) whose weight matrices are SynapseLayers.
 *
 * Forward: Z1 = X W1 + b1, H = f(Z1) (sigmoid or ReLU); Z2 = H W2 + b2, output softmax(Z2)
 * (cross-entropy) or sigmoid(Z2) (mean squared error against one-hot targets, as in NeuroSim).
 * Backward (mean over the batch of B images, Y one-hot):
 *   cross-entropy:  dZ2 = (softmax(Z2) - Y) / B
 *   MSE (1/2 sum (O - Y)^2 per image): dZ2 = (O - Y) O (1 - O) / B
 *   dW2 = H^T dZ2, db2 = sum_rows dZ2, dH = dZ2 W2^T, dZ1 = dH f'(Z1), dW1 = X^T dZ1.
 * SGD asks each synapse layer for the change -lr dW; biases are ideal floats (digital periphery).
 * All buffers are allocated once for the largest batch.
 */
import { gemmNN, gemmNT, gemmTN } from '../kernels/gemm.js';
import {
  addBiasRows,
  argmaxRow,
  reluInPlace,
  sigmoidInPlace,
  softmaxRows,
  sumRows,
} from '../kernels/dense.js';
import type { SynapseLayer } from '../synapses/types.js';

export type Activation = 'sigmoid' | 'relu';
export type Loss = 'cross-entropy' | 'mse';

export class Mlp {
  readonly nIn: number;
  readonly nHidden: number;
  readonly nOut: number;
  readonly b1: Float32Array;
  readonly b2: Float32Array;
  private readonly h: Float32Array;
  private readonly o: Float32Array;
  private readonly dZ2: Float32Array;
  private readonly dH: Float32Array;
  private readonly dW1: Float32Array;
  private readonly dW2: Float32Array;
  private readonly db1: Float32Array;
  private readonly db2: Float32Array;

  constructor(
    readonly layer1: SynapseLayer,
    readonly layer2: SynapseLayer,
    readonly activation: Activation,
    readonly loss: Loss,
    readonly maxBatch: number,
  ) {
    this.nIn = layer1.rows;
    this.nHidden = layer1.cols;
    this.nOut = layer2.cols;
    this.b1 = new Float32Array(this.nHidden);
    this.b2 = new Float32Array(this.nOut);
    this.h = new Float32Array(maxBatch * this.nHidden);
    this.o = new Float32Array(maxBatch * this.nOut);
    this.dZ2 = new Float32Array(maxBatch * this.nOut);
    this.dH = new Float32Array(maxBatch * this.nHidden);
    this.dW1 = new Float32Array(this.nIn * this.nHidden);
    this.dW2 = new Float32Array(this.nHidden * this.nOut);
    this.db1 = new Float32Array(this.nHidden);
    this.db2 = new Float32Array(this.nOut);
  }

  /** Forward pass for `b` images in x; returns the output buffer (probabilities or sigmoid outputs). */
  forward(x: Float32Array, b: number): Float32Array {
    const { nIn, nHidden, nOut, h, o } = this;
    gemmNN(b, nHidden, nIn, x, this.layer1.weights, h);
    addBiasRows(h, b, nHidden, this.b1);
    if (this.activation === 'sigmoid') sigmoidInPlace(h, b * nHidden);
    else reluInPlace(h, b * nHidden);
    gemmNN(b, nOut, nHidden, h, this.layer2.weights, o);
    addBiasRows(o, b, nOut, this.b2);
    if (this.loss === 'cross-entropy') softmaxRows(o, b, nOut);
    else sigmoidInPlace(o, b * nOut);
    return o;
  }

  /** One SGD step on a batch; returns the mean loss before the step. */
  trainBatch(x: Float32Array, labels: ArrayLike<number>, labelOffset: number, b: number, lr: number): number {
    const { nIn, nHidden, nOut, h, o, dZ2, dH } = this;
    this.forward(x, b);
    const invB = 1 / b;
    let loss = 0;
    for (let r = 0; r < b; r++) {
      const y = labels[labelOffset + r];
      for (let j = 0; j < nOut; j++) {
        const k = r * nOut + j;
        const t = j === y ? 1 : 0;
        if (this.loss === 'cross-entropy') {
          dZ2[k] = (o[k] - t) * invB;
          if (t === 1) loss -= Math.log(Math.max(o[k], 1e-30));
        } else {
          const e = o[k] - t;
          dZ2[k] = e * o[k] * (1 - o[k]) * invB;
          loss += 0.5 * e * e;
        }
      }
    }
    // Layer 2 gradients and the error sent back through W2 (before W2 changes).
    gemmTN(nHidden, nOut, b, h, dZ2, this.dW2, -lr);
    sumRows(dZ2, b, nOut, this.db2);
    gemmNT(b, nHidden, nOut, dZ2, this.layer2.weights, dH);
    if (this.activation === 'sigmoid') {
      for (let i = 0; i < b * nHidden; i++) dH[i] *= h[i] * (1 - h[i]); // s' = s (1 - s)
    } else {
      for (let i = 0; i < b * nHidden; i++) if (h[i] <= 0) dH[i] = 0;
    }
    gemmTN(nIn, nHidden, b, x, dH, this.dW1, -lr);
    sumRows(dH, b, nHidden, this.db1);
    this.layer1.update(this.dW1);
    this.layer2.update(this.dW2);
    for (let j = 0; j < nHidden; j++) this.b1[j] -= lr * this.db1[j];
    for (let j = 0; j < nOut; j++) this.b2[j] -= lr * this.db2[j];
    return loss * invB;
  }

  /** Number of correctly classified images among `b` in x. */
  countCorrect(x: Float32Array, labels: ArrayLike<number>, labelOffset: number, b: number): number {
    const o = this.forward(x, b);
    let correct = 0;
    for (let r = 0; r < b; r++) if (argmaxRow(o, r, this.nOut) === labels[labelOffset + r]) correct++;
    return correct;
  }
}
