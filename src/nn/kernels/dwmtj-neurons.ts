/**
 * Loops of the stochastic DW-MTJ neurons (Leonard et al. 2023; equations in docs/spiking.md and in
 * src/nn/snn/neurons.ts), written on typed arrays so that src/native/dwmtj_neurons.c can be their
 * bit-identical C twin. The uniforms are seedrandom's Alea generator (J. Baagoe) advanced in place
 * from a stream's state (c, s0, s1, s2) (`RandomStream.drawWithAlea`), one per entry, in the order
 * stated for each loop:
 *   t = 2091639 s0 + c 2^-32;  s0 = s1;  s1 = s2;  c = t | 0;  s2 = t - c;  u = s2.
 * Tables are piecewise linear on a strictly increasing voltage grid; outside it the end values hold
 * and the slope is 0.
 */

/**
 * The interval i with grid[i] <= v < grid[i + 1], for grid[0] < v < grid[last] (unique): first guess
 * from an evenly spaced grid, i = floor((v - grid[0]) perStep), then stepped to the interval (no
 * step on an evenly spaced grid but for rounding; a few on an uneven one).
 */
function gridInterval(grid: Float64Array, perStep: number, v: number): number {
  let i = ((v - grid[0]) * perStep) | 0;
  if (i > grid.length - 2) i = grid.length - 2;
  if (i < 0) i = 0;
  while (grid[i] > v) i--;
  while (grid[i + 1] <= v) i++;
  return i;
}

/** Slopes of a piecewise-linear table per interval: (y[i+1] - y[i]) / (grid[i+1] - grid[i]). */
export function intervalSlopes(grid: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(grid.length - 1);
  for (let i = 0; i < out.length; i++) out[i] = (y[i + 1] - y[i]) / (grid[i + 1] - grid[i]);
  return out;
}

/**
 * Binary neuron, entries k = 0..len-1 in order: V = center + scale x[k]; on the interval i holding V,
 * P(V) = prob[i] + probSlope[i] (V - grid[i]) (probSlope = intervalSlopes(grid, prob)); s[k] = 1 if
 * u < P else 0; trace[k] = P'(V) scale (the straight-through slope). `state` (Alea c, s0, s1, s2)
 * is advanced by len draws.
 */
export function dwmtjBinaryForward(
  state: Float64Array,
  x: Float32Array,
  s: Float32Array,
  trace: Float32Array,
  len: number,
  grid: Float64Array,
  prob: Float64Array,
  probSlope: Float64Array,
  center: number,
  scale: number,
): void {
  const last = grid.length - 1;
  const perStep = last / (grid[last] - grid[0]);
  let c = state[0];
  let s0 = state[1];
  let s1 = state[2];
  let s2 = state[3];
  for (let k = 0; k < len; k++) {
    const v = center + scale * x[k];
    let p: number;
    let slope: number;
    if (v <= grid[0]) {
      p = prob[0];
      slope = 0;
    } else if (v >= grid[last]) {
      p = prob[last];
      slope = 0;
    } else {
      const i = gridInterval(grid, perStep, v);
      slope = probSlope[i];
      p = prob[i] + slope * (v - grid[i]);
    }
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    s[k] = s2 < p ? 1 : 0;
    trace[k] = slope * scale;
  }
  state[0] = c;
  state[1] = s0;
  state[2] = s1;
  state[3] = s2;
}

/**
 * Multi-weight neuron with nStates states, draw order: sample b, unit j, step t. Per entry
 * k = (b T + t) n + j: V = center + scale x[k]; state probabilities P_m(V) interpolated row by row
 * in prob (nGrid x nStates, row-major); sampled state m = the first with u < P_0 + ... + P_m (the
 * last state if none); wall position a += m; spike s[k] = 1 and a = 0 when a >= nStates - 1;
 * trace[k] = E[m]'(V) scale, E[m]' per interval in meanAdvanceSlope (intervalSlopes of E[m](V) =
 * sum_m m P_m(V) at the grid points). `scratch`: nStates doubles. `state` is advanced by batch T n
 * draws.
 */
export function dwmtjMultiForward(
  state: Float64Array,
  x: Float32Array,
  s: Float32Array,
  trace: Float32Array,
  batch: number,
  T: number,
  n: number,
  grid: Float64Array,
  prob: Float64Array,
  nStates: number,
  meanAdvanceSlope: Float64Array,
  center: number,
  scale: number,
  scratch: Float64Array,
): void {
  const lastGrid = grid.length - 1;
  const perStep = lastGrid / (grid[lastGrid] - grid[0]);
  const last = nStates - 1;
  const probs = scratch;
  let c = state[0];
  let s0 = state[1];
  let s1 = state[2];
  let s2 = state[3];
  for (let b = 0; b < batch; b++)
    for (let j = 0; j < n; j++) {
      let a = 0;
      for (let t = 0; t < T; t++) {
        const k = (b * T + t) * n + j;
        const v = center + scale * x[k];
        let slope: number;
        if (v <= grid[0] || v >= grid[lastGrid]) {
          const row = (v <= grid[0] ? 0 : lastGrid) * nStates;
          for (let m = 0; m < nStates; m++) probs[m] = prob[row + m];
          slope = 0;
        } else {
          const i = gridInterval(grid, perStep, v);
          const w = (v - grid[i]) / (grid[i + 1] - grid[i]);
          const r0 = i * nStates;
          const r1 = r0 + nStates;
          for (let m = 0; m < nStates; m++) probs[m] = prob[r0 + m] * (1 - w) + prob[r1 + m] * w;
          slope = meanAdvanceSlope[i];
        }
        const tt = 2091639 * s0 + c * 2.3283064365386963e-10;
        s0 = s1;
        s1 = s2;
        c = tt | 0;
        s2 = tt - c;
        let cum = probs[0];
        let m = 0;
        while (m < last && s2 >= cum) cum += probs[++m];
        a += m;
        const spike = a >= last ? 1 : 0;
        s[k] = spike;
        if (spike) a = 0;
        trace[k] = slope * scale;
      }
    }
  state[0] = c;
  state[1] = s0;
  state[2] = s1;
  state[3] = s2;
}

/**
 * BPTT through the wall position (straight-through s ~ a/(nStates - 1), inv = 1/(nStates - 1)):
 * dL/da[t] = dL/ds[t] inv + (1 - s[t]) dL/da[t+1], dL/dx[t] = dL/da[t] trace[t].
 */
export function dwmtjMultiBackward(
  s: Float32Array,
  trace: Float32Array,
  gS: Float32Array,
  gX: Float32Array,
  batch: number,
  T: number,
  n: number,
  inv: number,
): void {
  for (let b = 0; b < batch; b++)
    for (let j = 0; j < n; j++) {
      let gA = 0;
      for (let t = T - 1; t >= 0; t--) {
        const k = (b * T + t) * n + j;
        gA = gS[k] * inv + (1 - s[k]) * gA;
        gX[k] = gA * trace[k];
      }
    }
}

/**
 * Where dL/ds reaches dL/dx: through dL/da to the steps since the last spike before t, so
 * need[t] = (trace[t] != 0) or (need[t-1] and s[t-1] = 0). Returns the number of marked entries.
 */
export function dwmtjMultiSupport(
  s: Float32Array,
  trace: Float32Array,
  need: Uint8Array,
  batch: number,
  T: number,
  n: number,
): number {
  let count = 0;
  for (let b = 0; b < batch; b++)
    for (let j = 0; j < n; j++) {
      let on = 0;
      for (let t = 0; t < T; t++) {
        const k = (b * T + t) * n + j;
        if (t > 0 && s[k - n] !== 0) on = 0;
        if (trace[k] !== 0) on = 1;
        need[k] = on;
        count += on;
      }
    }
  return count;
}
