/** Evaluating tables: interpolation and summary figures shared by every consumer. */
import type { ConductanceTable, StateTable, SwitchingTable } from './schema.js';

/** Index i with x[i] <= v < x[i+1] (clamped to [0, n-2]); x strictly increasing. */
function bracket(x: readonly number[], v: number): number {
  let lo = 0;
  let hi = x.length - 1;
  if (v <= x[0]) return 0;
  if (v >= x[hi]) return hi - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** P(V) by linear interpolation, clamped to the end values outside the measured range. */
export function switchingProbabilityAt(t: SwitchingTable, voltage: number): number {
  const x = t.voltage_V;
  if (voltage <= x[0]) return t.probability[0];
  if (voltage >= x[x.length - 1]) return t.probability[x.length - 1];
  const i = bracket(x, voltage);
  const w = (voltage - x[i]) / (x[i + 1] - x[i]);
  return t.probability[i] * (1 - w) + t.probability[i + 1] * w;
}

/** dP/dV of the interpolant (0 outside the measured range). */
export function switchingProbabilitySlope(t: SwitchingTable, voltage: number): number {
  const x = t.voltage_V;
  if (voltage < x[0] || voltage > x[x.length - 1]) return 0;
  const i = bracket(x, voltage);
  return (t.probability[i + 1] - t.probability[i]) / (x[i + 1] - x[i]);
}

/** State probabilities at V (linear interpolation between rows, clamped), written into `out`. */
export function stateProbabilitiesAt(
  t: StateTable,
  voltage: number,
  out = new Float64Array(t.states.length),
): Float64Array {
  const x = t.voltage_V;
  const n = t.states.length;
  if (voltage <= x[0] || voltage >= x[x.length - 1]) {
    const row = t.probability[voltage <= x[0] ? 0 : x.length - 1];
    for (let k = 0; k < n; k++) out[k] = row[k];
    return out;
  }
  const i = bracket(x, voltage);
  const w = (voltage - x[i]) / (x[i + 1] - x[i]);
  for (let k = 0; k < n; k++) out[k] = t.probability[i][k] * (1 - w) + t.probability[i + 1][k] * w;
  return out;
}

/** G_min, G_max over both branches and the on/off ratio G_max/G_min (by absolute value). */
export function conductanceRange(t: ConductanceTable): { min: number; max: number; onOff: number } {
  const all = [...t.potentiation, ...t.depression].map((l) => l.mean);
  const min = Math.min(...all);
  const max = Math.max(...all);
  const lo = Math.min(Math.abs(min), Math.abs(max));
  const hi = Math.max(Math.abs(min), Math.abs(max));
  return { min, max, onOff: lo > 0 ? hi / lo : Infinity };
}

/**
 * Where each branch starts and ends within the table's range, as fractions of the weight range:
 * u = 0 at the weakest state and 1 at the strongest (u = (G - G_min)/(G_max - G_min), mirrored for
 * weightSense "decreasing"). A device trains best when potentiation runs 0 -> 1 and depression
 * 1 -> 0; a depression branch that stops short of 0 cannot bring a weight below its end
 * (docs/networks.md, "What the gap is made of").
 */
export function branchSpans(t: ConductanceTable): {
  potentiation: { from: number; to: number };
  depression: { from: number; to: number };
} {
  const { min, max } = conductanceRange(t);
  const u = (g: number) => {
    const f = max > min ? (g - min) / (max - min) : 0;
    return t.weightSense === 'decreasing' ? 1 - f : f;
  };
  const span = (ls: ConductanceTable['potentiation']) => ({
    from: u(ls[0].mean),
    to: u(ls[ls.length - 1].mean),
  });
  return { potentiation: span(t.potentiation), depression: span(t.depression) };
}
