/**
 * Analytic device families expressed as `conductance-levels` tables (source.type "analytic"), so
 * they run through exactly the same DeviceSynapses code as simulated or measured tables.
 *
 *  - NeuroSim-style nonlinear device (P.-Y. Chen, X. Peng, S. Yu, IEEE TCAD 37, 3067 (2018),
 *    eqs. 1-3): potentiation G_p(P) = B_p (1 - exp(-P/A_p)) + G_min with
 *    B_p = (G_max - G_min) / (1 - exp(-P_max/A_p)); depression (P pulses from G_max)
 *    G_d(P) = G_max - B_d (1 - exp(-P/A_d)), B_d likewise with A_d. A -> infinity is linear.
 *    Cycle-to-cycle noise: std sigma_c2c (G_max - G_min) at every level.
 *  - constant-step: linear levels, G(P) = G_min + P (G_max - G_min)/P_max on both branches.
 *  - soft-bounds: dG = +alpha (G_max - G) per potentiation pulse and -alpha (G - G_min) per
 *    depression pulse (the "soft bounds" device of IBM aihwkit, Gokmen & Vlasov, Front. Neurosci.
 *    10, 333 (2016)), i.e. G_p(P) = G_max - (G_max - G_min)(1 - alpha)^P and
 *    G_d(P) = G_min + (G_max - G_min)(1 - alpha)^P; the bounds are approached, never reached.
 */
import { TABLE_SCHEMA_VERSION, type ConductanceTable } from '../../tables/index.js';
import { requireInRange, requirePositive } from '../../util/errors.js';

export interface AnalyticDeviceOptions {
  gMin?: number;
  gMax?: number;
  /** Pulses from G_min to G_max (potentiation) and back (depression): levels = pulses + 1. */
  potentiationPulses?: number;
  depressionPulses?: number;
  /** Cycle-to-cycle std as a fraction of G_max - G_min. */
  sigma?: number;
}

const defaults = { gMin: 1e-6, gMax: 1e-5, potentiationPulses: 64, depressionPulses: 64, sigma: 0 };

function levels(values: number[], std: number) {
  return values.map((mean) => ({ mean, std }));
}

function table(
  name: string,
  description: string,
  pot: number[],
  dep: number[],
  std: number,
): ConductanceTable {
  return {
    schema: TABLE_SCHEMA_VERSION,
    name,
    kind: 'conductance-levels',
    source: { type: 'analytic', description },
    notes: [],
    quantity: 'conductance',
    unit: 'S',
    weightSense: 'increasing',
    potentiation: levels(pot, std),
    depression: levels(dep, std),
  };
}

function checked(o: AnalyticDeviceOptions) {
  const v = { ...defaults, ...o };
  requirePositive('gMin', v.gMin, 'S');
  requireInRange('gMax', v.gMax, v.gMin, Infinity, { minOpen: true, unit: 'S' });
  requireInRange('potentiationPulses', v.potentiationPulses, 1, 10000);
  requireInRange('depressionPulses', v.depressionPulses, 1, 10000);
  requireInRange('sigma', v.sigma, 0, 1);
  return v;
}

/** NeuroSim-style nonlinear device; A in units of pulses (A_p, A_d > 0; large A = linear). */
export function neurosimDeviceTable(
  o: AnalyticDeviceOptions & { aPotentiation?: number; aDepression?: number } = {},
): ConductanceTable {
  const v = checked(o);
  const ap = requirePositive('aPotentiation', o.aPotentiation ?? v.potentiationPulses / 2);
  const ad = requirePositive('aDepression', o.aDepression ?? v.depressionPulses / 2);
  const range = v.gMax - v.gMin;
  const bp = range / (1 - Math.exp(-v.potentiationPulses / ap));
  const bd = range / (1 - Math.exp(-v.depressionPulses / ad));
  const pot = Array.from(
    { length: v.potentiationPulses + 1 },
    (_, p) => bp * (1 - Math.exp(-p / ap)) + v.gMin,
  );
  const dep = Array.from({ length: v.depressionPulses + 1 }, (_, p) => v.gMax - bd * (1 - Math.exp(-p / ad)));
  return table(
    'neurosim-nonlinear',
    `NeuroSim-style nonlinear device, A_p = ${ap}, A_d = ${ad} pulses, sigma_c2c = ${v.sigma}`,
    pot,
    dep,
    v.sigma * range,
  );
}

/** Linear device with equal steps. */
export function constantStepDeviceTable(o: AnalyticDeviceOptions = {}): ConductanceTable {
  const v = checked(o);
  const range = v.gMax - v.gMin;
  const pot = Array.from(
    { length: v.potentiationPulses + 1 },
    (_, p) => v.gMin + (p * range) / v.potentiationPulses,
  );
  const dep = Array.from(
    { length: v.depressionPulses + 1 },
    (_, p) => v.gMax - (p * range) / v.depressionPulses,
  );
  return table('constant-step', `constant-step device, sigma_c2c = ${v.sigma}`, pot, dep, v.sigma * range);
}

/** Soft-bounds device; alpha in (0, 1) is the fraction of the remaining range moved per pulse. */
export function softBoundsDeviceTable(o: AnalyticDeviceOptions & { alpha?: number } = {}): ConductanceTable {
  const v = checked(o);
  const alpha = requireInRange('alpha', o.alpha ?? 0.05, 0, 1, { minOpen: true, maxOpen: true });
  const range = v.gMax - v.gMin;
  const pot = Array.from({ length: v.potentiationPulses + 1 }, (_, p) => v.gMax - range * (1 - alpha) ** p);
  const dep = Array.from({ length: v.depressionPulses + 1 }, (_, p) => v.gMin + range * (1 - alpha) ** p);
  return table(
    'soft-bounds',
    `soft-bounds device, alpha = ${alpha}, sigma_c2c = ${v.sigma}`,
    pot,
    dep,
    v.sigma * range,
  );
}
