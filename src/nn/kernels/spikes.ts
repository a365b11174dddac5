/**
 * Sparse spike kernels. Spikes are (almost always) 0 or 1 and most are 0, so instead of a dense
 * matrix product `z = W^T s` we add the weight rows of the active inputs: cost O(active x out)
 * instead of O(in x out). The spike value is still multiplied in, so real-valued "spikes" (used by
 * the smooth spike function of the gradient check) give the exact dense result.
 *
 * Layout: W is input-major, W[i * nOut + j] is the weight from input i to output j.
 */

/** Indices of the nonzero entries of s[offset .. offset+n) written to `active`; returns their count. */
export function gatherActive(s: Float32Array, offset: number, n: number, active: Int32Array): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (s[offset + i] !== 0) active[k++] = i;
  return k;
}

/** out[outOffset + j] += sum_{i active} s[sOffset + i] * W[i*nOut + j]. */
export function accumulateActiveRows(
  w: Float32Array,
  nOut: number,
  s: Float32Array,
  sOffset: number,
  active: Int32Array,
  nActive: number,
  out: Float32Array,
  outOffset: number,
): void {
  for (let a = 0; a < nActive; a++) {
    const i = active[a];
    const v = s[sOffset + i];
    const row = i * nOut;
    if (v === 1) for (let j = 0; j < nOut; j++) out[outOffset + j] += w[row + j];
    else for (let j = 0; j < nOut; j++) out[outOffset + j] += v * w[row + j];
  }
}

/** Weight gradient: gW[i*nOut + j] += s[sOffset+i] * delta[dOffset + j] for active i only. */
export function accumulateOuterActive(
  gw: Float32Array,
  nOut: number,
  s: Float32Array,
  sOffset: number,
  active: Int32Array,
  nActive: number,
  delta: Float32Array,
  dOffset: number,
): void {
  for (let a = 0; a < nActive; a++) {
    const i = active[a];
    const v = s[sOffset + i];
    const row = i * nOut;
    if (v === 1) for (let j = 0; j < nOut; j++) gw[row + j] += delta[dOffset + j];
    else for (let j = 0; j < nOut; j++) gw[row + j] += v * delta[dOffset + j];
  }
}

/** Gradient to the inputs (dense): gs[gOffset + i] = sum_j W[i*nOut + j] * delta[dOffset + j]. */
export function backpropToInputs(
  w: Float32Array,
  nIn: number,
  nOut: number,
  delta: Float32Array,
  dOffset: number,
  gs: Float32Array,
  gOffset: number,
): void {
  for (let i = 0; i < nIn; i++) {
    const row = i * nOut;
    let acc = 0;
    for (let j = 0; j < nOut; j++) acc += w[row + j] * delta[dOffset + j];
    gs[gOffset + i] = acc;
  }
}

/** Dense reference z[j] = sum_i s[i] W[i*nOut+j] (the baseline the sparse kernel is benched against). */
export function denseForward(
  w: Float32Array,
  nIn: number,
  nOut: number,
  s: Float32Array,
  sOffset: number,
  out: Float32Array,
  outOffset: number,
): void {
  for (let i = 0; i < nIn; i++) {
    const v = s[sOffset + i];
    const row = i * nOut;
    for (let j = 0; j < nOut; j++) out[outOffset + j] += v * w[row + j];
  }
}
