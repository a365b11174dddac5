/**
 * Benchmark measurement: several timed runs, the median reported, and every figure as a ratio
 * against a baseline measured in the same process run (so numbers compare across machines).
 */

export interface Timing {
  runs: number;
  median_s: number;
  min_s: number;
  max_s: number;
  samples_s: number[];
}

/** Time `fn` `runs` times after `warmup` untimed calls. */
export async function timeRuns(fn: () => unknown | Promise<unknown>, runs = 5, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push((performance.now() - t0) / 1000);
  }
  return timingOf(samples);
}

/** Median, extremes and samples of timed runs (seconds). */
export function timingOf(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
  return {
    runs: samples.length,
    median_s: median,
    min_s: sorted[0],
    max_s: sorted[sorted.length - 1],
    samples_s: samples,
  };
}

/** One benchmark figure, machine-readable. */
export interface BenchResult {
  suite: string;
  name: string;
  /** What one "unit" of work is (e.g. "normal deviates", "images"). */
  unit: string;
  /** Work units per timed run. */
  work: number;
  timing: Timing;
  /** work / median time. */
  throughput_per_s: number;
  /** Optional goal, e.g. { median_s_max: 0.02 }. */
  goal?: Record<string, number>;
  goal_met?: boolean;
  /** Ratio of this throughput to a baseline measured in the same run. */
  baseline?: { name: string; throughput_per_s: number; ratio: number };
  extra?: Record<string, unknown>;
}

export function result(
  suite: string,
  name: string,
  unit: string,
  work: number,
  timing: Timing,
  more: Partial<Pick<BenchResult, 'goal' | 'goal_met' | 'baseline' | 'extra'>> = {},
): BenchResult {
  return { suite, name, unit, work, timing, throughput_per_s: work / timing.median_s, ...more };
}

export interface BenchSuite {
  name: string;
  description: string;
  run(opts: { quick: boolean; log: (line: string) => void }): Promise<BenchResult[]>;
}
