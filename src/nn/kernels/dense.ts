/** Element-wise kernels of the MLP (activations, softmax, bias), in place, no allocation. */

/** out[r, j] += bias[j] for every row r. */
export function addBiasRows(out: Float32Array, rows: number, cols: number, bias: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let j = 0; j < cols; j++) out[o + j] += bias[j];
  }
}

/** out[j] = sum_r g[r, j] (bias gradient). */
export function sumRows(g: Float32Array, rows: number, cols: number, out: Float32Array): void {
  out.fill(0, 0, cols);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let j = 0; j < cols; j++) out[j] += g[o + j];
  }
}

/** Logistic sigmoid s(z) = 1 / (1 + e^-z), in place on the first n entries. */
export function sigmoidInPlace(z: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) z[i] = 1 / (1 + Math.exp(-z[i]));
}

/** max(0, z), in place. */
export function reluInPlace(z: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) if (z[i] < 0) z[i] = 0;
}

/** Row-wise softmax p_j = exp(z_j - max z) / sum_k exp(z_k - max z), in place. */
export function softmaxRows(z: Float32Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let m = -Infinity;
    for (let j = 0; j < cols; j++) if (z[o + j] > m) m = z[o + j];
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(z[o + j] - m);
      z[o + j] = e;
      s += e;
    }
    const inv = 1 / s;
    for (let j = 0; j < cols; j++) z[o + j] *= inv;
  }
}

/** Index of the largest entry of each row (ties: first). */
export function argmaxRow(z: Float32Array, row: number, cols: number): number {
  const o = row * cols;
  let best = 0;
  for (let j = 1; j < cols; j++) if (z[o + j] > z[o + best]) best = j;
  return best;
}
