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

/**
 * out[o + j] += v0 base[r0 + j], then v1 base[r1 + j], v2 ..., v3 ... (r = row offsets), every add
 * rounded to float32 (Math.fround of the double sum, which is what a Float32Array store does), in
 * one pass over `out`. The native kernels rely on exactly this order; for v = +-1 each step is a
 * float32 add.
 */
function addFourRows(
  out: Float32Array,
  o: number,
  base: Float32Array,
  nOut: number,
  r0: number,
  r1: number,
  r2: number,
  r3: number,
  v0: number,
  v1: number,
  v2: number,
  v3: number,
): void {
  const f = Math.fround;
  if (v0 === 1 && v1 === 1 && v2 === 1 && v3 === 1)
    for (let j = 0; j < nOut; j++)
      out[o + j] = f(f(f(out[o + j] + base[r0 + j]) + base[r1 + j]) + base[r2 + j]) + base[r3 + j];
  else
    for (let j = 0; j < nOut; j++)
      out[o + j] =
        f(f(f(out[o + j] + v0 * base[r0 + j]) + v1 * base[r1 + j]) + v2 * base[r2 + j]) + v3 * base[r3 + j];
}

/** out[outOffset + j] += sum_{i active} s[sOffset + i] * W[i*nOut + j], one row after another. */
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
  for (; a + 4 <= nActive; a += 4) {
    const i0 = active[a],
      i1 = active[a + 1],
      i2 = active[a + 2],
      i3 = active[a + 3];
    addFourRows(
      out,
      outOffset,
      w,
      nOut,
      i0 * nOut,
      i1 * nOut,
      i2 * nOut,
      i3 * nOut,
      s[sOffset + i0],
      s[sOffset + i1],
      s[sOffset + i2],
      s[sOffset + i3],
    );
  }
  for (; a < nActive; a++) {
    const v = s[sOffset + active[a]];
    const row = active[a] * nOut;
    for (let j = 0; j < nOut; j++) out[outOffset + j] += v * w[row + j];
  }
}

/**
 * Forward product of a whole spike matrix: z[r, :] += sum_i s[r, i] W[i, :] for rows r = 0..rows-1
 * (time slots), adding only the weight rows of the active inputs of each row. `active` holds at
 * least nIn indices (scratch).
 */
export function forwardSpikeRows(
  w: Float32Array,
  nIn: number,
  nOut: number,
  s: Float32Array,
  rows: number,
  z: Float32Array,
  active: Int32Array,
): void {
  for (let r = 0; r < rows; r++) {
    const na = gatherActive(s, r * nIn, nIn, active);
    accumulateActiveRows(w, nOut, s, r * nIn, active, na, z, r * nOut);
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
 * The active slots of each input are listed first (compressed columns); then the delta rows of its
 * active slots are added to the input's row of gW in slot order (each add rounds to float32), so
 * no zero spike is multiplied and a row of gW stays in cache while the delta rows stream by.
 */
export function accumulateSpikeOuter(
  slots: number,
  nIn: number,
  nOut: number,
  s: Float32Array,
  delta: Float32Array,
  gw: Float32Array,
): void {
  const start = new Int32Array(nIn + 1);
  for (let r = 0; r < slots; r++) {
    const so = r * nIn;
    for (let i = 0; i < nIn; i++) if (s[so + i] !== 0) start[i + 1]++;
  }
  for (let i = 0; i < nIn; i++) start[i + 1] += start[i];
  const rows = new Int32Array(start[nIn]);
  const vals = new Float32Array(start[nIn]); // spike values, read while their row is in cache
  const fill = start.slice(0, nIn);
  for (let r = 0; r < slots; r++) {
    const so = r * nIn;
    for (let i = 0; i < nIn; i++)
      if (s[so + i] !== 0) {
        const k = fill[i]++;
        rows[k] = r;
        vals[k] = s[so + i];
      }
  }
  // Per input, its slots in order, every add rounded to float32 (as in accumulateActiveRows).
  for (let i = 0; i < nIn; i++) {
    const c = i * nOut;
    const end = start[i + 1];
    let a = start[i];
    for (; a + 4 <= end; a += 4)
      addFourRows(
        gw,
        c,
        delta,
        nOut,
        rows[a] * nOut,
        rows[a + 1] * nOut,
        rows[a + 2] * nOut,
        rows[a + 3] * nOut,
        vals[a],
        vals[a + 1],
        vals[a + 2],
        vals[a + 3],
      );
    for (; a < end; a++) {
      const x = vals[a];
      const d = rows[a] * nOut;
      for (let j = 0; j < nOut; j++) gw[c + j] += x * delta[d + j];
    }
  }
}

/**
 * Float32 dot product sum_j a[ao + j] b[bo + j] in the fixed order of the native kernel (eight
 * SIMD lanes): eight partial sums, lane q taking j = q, q + 8, q + 16, ...; the n mod 8 tail terms
 * go to lanes 0, 1, ...; result ((p0 + p4) + (p2 + p6)) + ((p1 + p5) + (p3 + p7)). Every product
 * and every sum rounds to float32 (Math.fround of the exact double result = the float32 operation).
 */
export function dotF32(a: Float32Array, ao: number, b: Float32Array, bo: number, n: number): number {
  const f = Math.fround;
  let p0 = 0,
    p1 = 0,
    p2 = 0,
    p3 = 0,
    p4 = 0,
    p5 = 0,
    p6 = 0,
    p7 = 0;
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    p0 = f(p0 + f(a[ao + j] * b[bo + j]));
    p1 = f(p1 + f(a[ao + j + 1] * b[bo + j + 1]));
    p2 = f(p2 + f(a[ao + j + 2] * b[bo + j + 2]));
    p3 = f(p3 + f(a[ao + j + 3] * b[bo + j + 3]));
    p4 = f(p4 + f(a[ao + j + 4] * b[bo + j + 4]));
    p5 = f(p5 + f(a[ao + j + 5] * b[bo + j + 5]));
    p6 = f(p6 + f(a[ao + j + 6] * b[bo + j + 6]));
    p7 = f(p7 + f(a[ao + j + 7] * b[bo + j + 7]));
  }
  const tail = n - j;
  if (tail > 0) p0 = f(p0 + f(a[ao + j] * b[bo + j]));
  if (tail > 1) p1 = f(p1 + f(a[ao + j + 1] * b[bo + j + 1]));
  if (tail > 2) p2 = f(p2 + f(a[ao + j + 2] * b[bo + j + 2]));
  if (tail > 3) p3 = f(p3 + f(a[ao + j + 3] * b[bo + j + 3]));
  if (tail > 4) p4 = f(p4 + f(a[ao + j + 4] * b[bo + j + 4]));
  if (tail > 5) p5 = f(p5 + f(a[ao + j + 5] * b[bo + j + 5]));
  if (tail > 6) p6 = f(p6 + f(a[ao + j + 6] * b[bo + j + 6]));
  return f(f(f(p0 + p4) + f(p2 + p6)) + f(f(p1 + p5) + f(p3 + p7)));
}

/**
 * Gradient to the spikes (inputs of the next layer): gs[r*nIn + i] = sum_j W[i*nOut + j] *
 * delta[r*nOut + j] (float32, dotF32 order) for every row r (time slot) and every input i with
 * need[r*nIn + i] !== 0, or for every entry when `need` is null; other entries of gs are left
 * untouched. A neuron whose backward multiplies dL/ds by a surrogate derivative with compact
 * support needs only a fraction of the product dZ W^T, and the entries it needs come out the same
 * either way. `_scratch` (at least nIn indices) is working space of the native twin. Returns the
 * number of entries computed.
 */
export function maskedGradToInputs(
  rows: number,
  nIn: number,
  nOut: number,
  w: Float32Array,
  delta: Float32Array,
  need: Uint8Array | null,
  gs: Float32Array,
  _scratch: Int32Array,
): number {
  let computed = 0;
  for (let r = 0; r < rows; r++) {
    const so = r * nIn;
    const d = r * nOut;
    if (need) {
      for (let i = 0; i < nIn; i++)
        if (need[so + i] !== 0) {
          gs[so + i] = dotF32(w, i * nOut, delta, d, nOut);
          computed++;
        }
    } else {
      for (let i = 0; i < nIn; i++) gs[so + i] = dotF32(w, i * nOut, delta, d, nOut);
      computed += nIn;
    }
  }
  return computed;
}

/**
 * Toggle events of binary spike trains, for inputs that fire at high rates (Poisson-coded pixels):
 * e[b, t, i] = s[b, t, i] - s[b, t-1, i] for t = 0..T, with s[b, -1, i] = s[b, T, i] = 0, stored as
 * `batch` blocks of T + 1 slots. A pixel with spike probability p toggles about 2p(1 - p) times per
 * step instead of firing p times (Fashion-MNIST: 0.16 vs 0.28). Returns the number of events.
 */
export function spikeToggles(s: Float32Array, batch: number, T: number, n: number, e: Float32Array): number {
  let count = 0;
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t <= T; t++) {
      const cur = (b * T + t) * n;
      const prev = cur - n;
      const eo = (b * (T + 1) + t) * n;
      for (let i = 0; i < n; i++) {
        const d = (t < T ? s[cur + i] : 0) - (t > 0 ? s[prev + i] : 0);
        e[eo + i] = d;
        if (d !== 0) count++;
      }
    }
  }
  return count;
}

/**
 * Forward product from toggle events: z[b, t, :] = sum_i s[b, t, i] W[i, :] computed as the running
 * sum z[b, t] = z[b, t-1] + sum_i e[b, t, i] W[i, :] (exact in exact arithmetic; float32 rounding of
 * the running sum stays at the 1e-6 relative level over T = 80 steps). z is overwritten.
 */
export function forwardFromToggles(
  w: Float32Array,
  nIn: number,
  nOut: number,
  e: Float32Array,
  batch: number,
  T: number,
  z: Float32Array,
  active: Int32Array,
): void {
  for (let b = 0; b < batch; b++) {
    for (let t = 0; t < T; t++) {
      const zo = (b * T + t) * nOut;
      if (t === 0) z.fill(0, zo, zo + nOut);
      else z.copyWithin(zo, zo - nOut, zo);
      const eo = (b * (T + 1) + t) * nIn;
      const na = gatherActive(e, eo, nIn, active);
      accumulateActiveRows(w, nOut, e, eo, active, na, z, zo);
    }
  }
}

/**
 * Weight gradient from toggle events: gW[i, :] += sum_{b,t} s[b, t, i] delta[b, t, :]. A run of
 * spikes over steps [t0, t1) contributes Q[t1] - Q[t0] with Q[t] = sum_{t' < t} delta[b, t'], i.e.
 * gW += sum_{b,t} e[b, t, i] (-Q[b, t]). `prefix` (batch * (T + 1) * nOut) is scratch for -Q.
 */
export function weightGradientFromToggles(
  nIn: number,
  nOut: number,
  e: Float32Array,
  batch: number,
  T: number,
  delta: Float32Array,
  prefix: Float32Array,
  gw: Float32Array,
  outer: typeof accumulateSpikeOuter = accumulateSpikeOuter,
): void {
  for (let b = 0; b < batch; b++) {
    const q0 = b * (T + 1) * nOut;
    prefix.fill(0, q0, q0 + nOut);
    for (let t = 0; t < T; t++) {
      const q = q0 + t * nOut;
      const d = (b * T + t) * nOut;
      for (let j = 0; j < nOut; j++) prefix[q + nOut + j] = prefix[q + j] - delta[d + j];
    }
  }
  outer(batch * (T + 1), nIn, nOut, e, prefix, gw);
}
