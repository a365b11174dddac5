/** Compact summaries of device readout distributions (for JSON output and figures). */

export interface Distribution {
  count: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  bin_edges: number[];
  counts: number[];
}

/** Histogram with `bins` equal bins over [lo, hi] (defaults: the data range). */
export function distribution(values: ArrayLike<number>, bins = 40, lo?: number, hi?: number): Distribution {
  let mn = Infinity,
    mx = -Infinity,
    s = 0,
    s2 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < mn) mn = v;
    if (v > mx) mx = v;
    s += v;
    s2 += v * v;
  }
  const n = values.length;
  const a = lo ?? mn;
  const b = hi ?? mx;
  const width = b > a ? (b - a) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    let k = Math.floor((values[i] - a) / width);
    if (k < 0) k = 0;
    if (k >= bins) k = bins - 1;
    counts[k]++;
  }
  const mean = s / n;
  return {
    count: n,
    mean,
    std: Math.sqrt(Math.max(0, s2 / n - mean * mean)),
    min: mn,
    max: mx,
    bin_edges: Array.from({ length: bins + 1 }, (_, k) => a + k * width),
    counts,
  };
}

/** Every k-th value so that at most `max` remain (for plotting). */
export function thin(values: ArrayLike<number>, max = 4000): number[] {
  const step = Math.max(1, Math.ceil(values.length / max));
  const out: number[] = [];
  for (let i = 0; i < values.length; i += step) out.push(values[i]);
  return out;
}
