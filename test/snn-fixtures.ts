/** Device tables built in the tests (analytic), so the SNN tests do not depend on simulated tables. */
import type { StateTable, SwitchingTable } from '../src/tables/schema.js';

/** Analytic sigmoid switching table P(V) = 1/(1+exp(-(V-1.6)/0.15)) on 1.0..2.2 V. */
export function sigmoidTable(): SwitchingTable {
  const voltage_V = Array.from({ length: 13 }, (_, i) => 1.0 + 0.1 * i);
  return {
    schema: 'magneuro.table/1',
    name: 'test-sigmoid',
    kind: 'switching-probability',
    source: { type: 'analytic', description: 'sigmoid test table' },
    notes: [],
    voltage_V,
    probability: voltage_V.map((v) => 1 / (1 + Math.exp(-(v - 1.6) / 0.15))),
  };
}

/** Five-state table whose state probabilities shift from S1 to S5 with voltage. */
export function fiveStateTable(): StateTable {
  const voltage_V = [0, 1, 2, 3, 4, 5];
  const probability = voltage_V.map((v) => {
    const w = [0, 1, 2, 3, 4].map((k) => Math.exp(-((k - v) ** 2)));
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  });
  return {
    schema: 'magneuro.table/1',
    name: 'test-mw',
    kind: 'state-probability',
    source: { type: 'analytic', description: 'gaussian state weights' },
    notes: [],
    voltage_V,
    states: ['S1', 'S2', 'S3', 'S4', 'S5'],
    probability,
  };
}
