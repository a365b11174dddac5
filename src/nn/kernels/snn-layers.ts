/**
 * Per-unit loops of the spiking network, the JavaScript reference of src/native/snn_layers.c
 * (bit-identical twins; spike-backend.ts selects): the LIF recursion forward and backward with
 * heaviside spikes and the triangular surrogate (equations in src/nn/snn/neurons.ts, LifNeuron),
 * its gradient support, and batch normalisation over N rows (images x steps) per unit
 * (src/nn/snn/network.ts), and the Poisson input encoding. Layout [(b T + t) n + j] for the LIF,
 * [r n + j] for batch norm.
 */
import { createRng } from '../../random/stream.js';

/**
 * Poisson (Bernoulli per step) encoding: out[(b T + t) n + i] = 1 with probability p[b n + i], drawn
 * from a fresh stream of `seed` in the order images, steps, pixels. Returns the number of spikes.
 */
export function poissonEncode(
  seed: string,
  p: Float32Array,
  batch: number,
  T: number,
  n: number,
  out: Float32Array,
): number {
  const rng = createRng(seed);
  let count = 0;
  for (let b = 0; b < batch; b++)
    for (let t = 0; t < T; t++) {
      const o = (b * T + t) * n;
      const po = b * n;
      for (let i = 0; i < n; i++) {
        const on = rng.uniform() < p[po + i] ? 1 : 0;
        out[o + i] = on;
        count += on;
      }
    }
  return count;
}

/** LIF forward: i = beta i + x; u = alpha v + (1 - alpha) i; trace = u; s = H(u - theta); v = u (1 - s) + reset s. */
export function lifForward(
  x: Float32Array,
  s: Float32Array,
  trace: Float32Array,
  batch: number,
  T: number,
  n: number,
  alpha: number,
  beta: number,
  threshold: number,
  reset: number,
): void {
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < n; j++) {
      let i = 0;
      let v = reset;
      for (let t = 0; t < T; t++) {
        const k = (b * T + t) * n + j;
        i = beta * i + x[k];
        const u = alpha * v + (1 - alpha) * i;
        trace[k] = u;
        const sp = u >= threshold ? 1 : 0;
        s[k] = sp;
        v = u * (1 - sp) + reset * sp;
      }
    }
  }
}

/** need[k] = 1 where the triangular surrogate is nonzero, |u - theta| < w; returns the count. */
export function lifSupport(
  trace: Float32Array,
  need: Uint8Array,
  len: number,
  threshold: number,
  w: number,
): number {
  let c = 0;
  for (let k = 0; k < len; k++) {
    const on = Math.abs(trace[k] - threshold) < w ? 1 : 0;
    need[k] = on;
    c += on;
  }
  return c;
}

/**
 * LIF backward (BPTT over all T steps) with the triangular surrogate ds/du = max(0, 1 - |u - theta|/w)/w:
 *   gU = gS ds + gV (1 - s + r (reset - u) ds);  gI = (1 - alpha) gU + beta gI;  gX = gI;  gV = alpha gU.
 * r = resetGrad: 0 when the reset is detached (Norse, the paper's framework: the spike that resets v
 * carries no gradient through the reset), 1 when the reset is differentiated too.
 */
export function lifBackward(
  s: Float32Array,
  trace: Float32Array,
  gS: Float32Array,
  gX: Float32Array,
  batch: number,
  T: number,
  n: number,
  alpha: number,
  beta: number,
  threshold: number,
  reset: number,
  w: number,
  resetGrad: number,
): void {
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < n; j++) {
      let gV = 0; // dL/dv[t] from the future
      let gI = 0; // dL/di[t+1]
      for (let t = T - 1; t >= 0; t--) {
        const k = (b * T + t) * n + j;
        const u = trace[k];
        const sp = s[k];
        const a = 1 - Math.abs(u - threshold) / w;
        const ds = a > 0 ? a / w : 0;
        // v = u (1 - s(u)) + reset s(u)  =>  dv/du = (1 - s) + r (reset - u) s'(u)
        const gU = gS[k] * ds + gV * (1 - sp + resetGrad * (reset - u) * ds);
        gI = (1 - alpha) * gU + beta * gI;
        gX[k] = gI;
        gV = alpha * gU;
      }
    }
  }
}

/** Batch statistics per unit over N rows: mean = sum z / N, variance = sum (z - mean)^2 / N. */
export function bnStats(
  z: Float32Array,
  N: number,
  n: number,
  mean: Float64Array,
  variance: Float64Array,
): void {
  mean.fill(0, 0, n);
  variance.fill(0, 0, n);
  for (let r = 0; r < N; r++) for (let j = 0; j < n; j++) mean[j] += z[r * n + j];
  for (let j = 0; j < n; j++) mean[j] /= N;
  for (let r = 0; r < N; r++)
    for (let j = 0; j < n; j++) {
      const d = z[r * n + j] - mean[j];
      variance[j] += d * d;
    }
  for (let j = 0; j < n; j++) variance[j] /= N;
}

/** xhat = (z - mean) inv; z <- xhat; x <- gamma xhat + beta (gamma, beta: n values from their offsets). */
export function bnNormalize(
  z: Float32Array,
  x: Float32Array,
  N: number,
  n: number,
  mean: Float64Array,
  inv: Float64Array,
  gamma: Float32Array,
  beta: Float32Array,
): void {
  for (let r = 0; r < N; r++)
    for (let j = 0; j < n; j++) {
      const k = r * n + j;
      const xh = (z[k] - mean[j]) * inv[j];
      z[k] = xh;
      x[k] = gamma[j] * xh + beta[j];
    }
}

/** sumG[j] += sum_r gX; sumGX[j] += sum_r gX xhat. */
export function bnGradSums(
  gX: Float32Array,
  xh: Float32Array,
  N: number,
  n: number,
  sumG: Float64Array,
  sumGX: Float64Array,
): void {
  for (let r = 0; r < N; r++)
    for (let j = 0; j < n; j++) {
      const k = r * n + j;
      sumG[j] += gX[k];
      sumGX[j] += gX[k] * xh[k];
    }
}

/** dL/dz = cA gX - cB - xhat cC per unit. */
export function bnInputGrad(
  gX: Float32Array,
  xh: Float32Array,
  N: number,
  n: number,
  cA: Float64Array,
  cB: Float64Array,
  cC: Float64Array,
  gIn: Float32Array,
): void {
  for (let r = 0; r < N; r++) {
    const o = r * n;
    for (let j = 0; j < n; j++) gIn[o + j] = cA[j] * gX[o + j] - cB[j] - xh[o + j] * cC[j];
  }
}
