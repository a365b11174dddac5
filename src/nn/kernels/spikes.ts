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
  let a = 0;
  // Four active rows per pass over the output row (fewer loads/stores of `out`).
  for (; a + 4 <= nActive; a += 4) {
    const i0 = active[a],
      i1 = active[a + 1],
      i2 = active[a + 2],
      i3 = active[a + 3];
    const v0 = s[sOffset + i0],
      v1 = s[sOffset + i1],
      v2 = s[sOffset + i2],
      v3 = s[sOffset + i3];
    const r0 = i0 * nOut,
      r1 = i1 * nOut,
      r2 = i2 * nOut,
      r3 = i3 * nOut;
    if (v0 === 1 && v1 === 1 && v2 === 1 && v3 === 1) {
      for (let j = 0; j < nOut; j++) out[outOffset + j] += w[r0 + j] + w[r1 + j] + w[r2 + j] + w[r3 + j];
    } else {
      for (let j = 0; j < nOut; j++)
        out[outOffset + j] += v0 * w[r0 + j] + v1 * w[r1 + j] + v2 * w[r2 + j] + v3 * w[r3 + j];
    }
  }
  for (; a < nActive; a++) {
    const i = active[a];
    const v = s[sOffset + i];
    const row = i * nOut;
    for (let j = 0; j < nOut; j++) out[outOffset + j] += v * w[row + j];
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

/**
 * Weight gradient over many time slots: gW[i*nOut + j] += sum_r s[r*nIn + i] * delta[r*nOut + j].
 * Four slots share one pass over a row of gW; a row is skipped when the input is silent in all
 * four, and only the active slots are added.
 */
export function accumulateSpikeOuter(
  slots: number,
  nIn: number,
  nOut: number,
  s: Float32Array,
  delta: Float32Array,
  gw: Float32Array,
): void {
  let r = 0;
  for (; r + 4 <= slots; r += 4) {
    const s0 = r * nIn,
      s1 = s0 + nIn,
      s2 = s1 + nIn,
      s3 = s2 + nIn;
    const d0 = r * nOut,
      d1 = d0 + nOut,
      d2 = d1 + nOut,
      d3 = d2 + nOut;
    for (let i = 0; i < nIn; i++) {
      const x0 = s[s0 + i],
        x1 = s[s1 + i],
        x2 = s[s2 + i],
        x3 = s[s3 + i];
      const c = i * nOut;
      const nz = (x0 !== 0 ? 1 : 0) + (x1 !== 0 ? 1 : 0) + (x2 !== 0 ? 1 : 0) + (x3 !== 0 ? 1 : 0);
      if (nz === 0) continue;
      if (nz === 1) {
        const x = x0 !== 0 ? x0 : x1 !== 0 ? x1 : x2 !== 0 ? x2 : x3;
        const d = x0 !== 0 ? d0 : x1 !== 0 ? d1 : x2 !== 0 ? d2 : d3;
        for (let j = 0; j < nOut; j++) gw[c + j] += x * delta[d + j];
      } else {
        for (let j = 0; j < nOut; j++)
          gw[c + j] += x0 * delta[d0 + j] + x1 * delta[d1 + j] + x2 * delta[d2 + j] + x3 * delta[d3 + j];
      }
    }
  }
  for (; r < slots; r++) {
    const so = r * nIn;
    const d = r * nOut;
    for (let i = 0; i < nIn; i++) {
      const x = s[so + i];
      if (x === 0) continue;
      const c = i * nOut;
      for (let j = 0; j < nOut; j++) gw[c + j] += x * delta[d + j];
    }
  }
}
