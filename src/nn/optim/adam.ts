/**
 * Adam optimiser (Kingma & Ba, ICLR 2015, Algorithm 1) on one flat Float32Array of parameters:
 *   m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2
 *   theta <- theta - lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * Defaults b1 = 0.9, b2 = 0.999, eps = 1e-8 (the paper's and PyTorch's).
 */
import { ParameterError } from '../../util/errors.js';

export interface AdamOptions {
  lr: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

export interface AdamState {
  step: number;
  m: Float32Array;
  v: Float32Array;
}

export class Adam {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly state: AdamState;

  constructor(size: number, options: AdamOptions, state?: AdamState) {
    this.lr = options.lr;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.eps = options.eps ?? 1e-8;
    if (!(this.lr > 0 && Number.isFinite(this.lr)))
      throw new ParameterError('lr', this.lr, 'a finite number > 0');
    if (!(this.beta1 >= 0 && this.beta1 < 1)) throw new ParameterError('beta1', this.beta1, '[0, 1)');
    if (!(this.beta2 >= 0 && this.beta2 < 1)) throw new ParameterError('beta2', this.beta2, '[0, 1)');
    if (!(this.eps > 0)) throw new ParameterError('eps', this.eps, '> 0');
    this.state = state ?? { step: 0, m: new Float32Array(size), v: new Float32Array(size) };
    if (this.state.m.length !== size)
      throw new ParameterError('state.m.length', this.state.m.length, String(size));
  }

  /** One update of `params` in place with gradient `grad`. */
  step(params: Float32Array, grad: ArrayLike<number>): void {
    const { beta1, beta2, eps, lr } = this;
    const st = this.state;
    st.step++;
    const c1 = 1 - Math.pow(beta1, st.step);
    const c2 = 1 - Math.pow(beta2, st.step);
    const m = st.m;
    const v = st.v;
    for (let k = 0; k < params.length; k++) {
      const g = grad[k];
      m[k] = beta1 * m[k] + (1 - beta1) * g;
      v[k] = beta2 * v[k] + (1 - beta2) * g * g;
      params[k] -= (lr * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + eps);
    }
  }
}
