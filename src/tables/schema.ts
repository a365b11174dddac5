/**
 * Lookup tables: the contract between device physics and networks.
 *
 * One JSON schema (version "magneuro.table/1") for three kinds of table. A table simulated by
 * magneuro and one measured in a lab (loaded from CSV or JSON) have the same type and are used the
 * same way by the network layer; only `source.type` tells them apart.
 *
 *  - `conductance-levels`: a synapse's states reached by potentiation and by depression pulses,
 *    each with a mean and a cycle-to-cycle standard deviation (e.g. the skyrmion synapse).
 *  - `switching-probability`: per-pulse switching probability P(V) of a binary stochastic neuron.
 *  - `state-probability`: probability of each state S1..Sn after a pulse of amplitude V
 *    (multi-weight neuron).
 */
import { z } from 'zod';

export const TABLE_SCHEMA_VERSION = 'magneuro.table/1';

export const tableSourceSchema = z.object({
  type: z.enum(['simulated', 'measured', 'analytic']),
  description: z.string().default(''),
  /** Device model or preset used (simulated) or device/sample name (measured). */
  model: z.string().optional(),
  seed: z.union([z.string(), z.number()]).optional(),
  cycles: z.number().int().positive().optional(),
  reference: z.string().optional(),
  created: z.string().optional(),
  magneuroVersion: z.string().optional(),
});

export const levelSchema = z.object({
  mean: z.number().finite(),
  std: z.number().finite().nonnegative(),
  /** Number of observations behind mean and std. */
  n: z.number().int().nonnegative().optional(),
  /** Optional physical annotations (e.g. skyrmion count at this state). */
  annotations: z.record(z.string(), z.number()).optional(),
});
export type Level = z.infer<typeof levelSchema>;

const base = {
  schema: z.literal(TABLE_SCHEMA_VERSION),
  name: z.string().min(1),
  source: tableSourceSchema,
  notes: z.array(z.string()).default([]),
};

export const conductanceTableSchema = z
  .object({
    ...base,
    kind: z.literal('conductance-levels'),
    /** What the level values are, e.g. "conductance", "hall-resistivity-change". */
    quantity: z.string().min(1),
    /** SI unit of the level values, e.g. "S" or "ohm m". */
    unit: z.string().min(1),
    /**
     * Whether a larger value means a larger synaptic weight ("increasing") or the reverse
     * ("decreasing", e.g. Hall resistivity change that falls as skyrmions accumulate).
     */
    weightSense: z.enum(['increasing', 'decreasing']).default('increasing'),
    /** State 0 is the initial (reset) state; each potentiation pulse moves one state up. */
    potentiation: z.array(levelSchema).min(2),
    /** State 0 is the fully potentiated state; each depression pulse moves one state down. */
    depression: z.array(levelSchema).min(2),
  })
  .strict();

export const switchingTableSchema = z
  .object({
    ...base,
    kind: z.literal('switching-probability'),
    voltage_V: z.array(z.number().finite()).min(2),
    probability: z.array(z.number().min(0).max(1)),
    /** Trials behind each probability (for confidence intervals). */
    trials: z.array(z.number().int().nonnegative()).optional(),
    ci_low: z.array(z.number().min(0).max(1)).optional(),
    ci_high: z.array(z.number().min(0).max(1)).optional(),
    /** Sigmoid fit P(V) = 1 / (1 + exp(-(V - v50)/width)). */
    fit: z
      .object({
        v50_V: z.number(),
        width_V: z.number(),
        v50_err_V: z.number().optional(),
        width_err_V: z.number().optional(),
      })
      .optional(),
    pulse: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  })
  .strict();

export const stateTableSchema = z
  .object({
    ...base,
    kind: z.literal('state-probability'),
    voltage_V: z.array(z.number().finite()).min(2),
    states: z.array(z.string()).min(2),
    /** probability[i][k]: probability of state k after a pulse of voltage_V[i]; rows sum to 1. */
    probability: z.array(z.array(z.number().min(0).max(1))),
    pulse: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  })
  .strict();

export const tableSchema = z.discriminatedUnion('kind', [
  conductanceTableSchema,
  switchingTableSchema,
  stateTableSchema,
]);

export type ConductanceTable = z.infer<typeof conductanceTableSchema>;
export type SwitchingTable = z.infer<typeof switchingTableSchema>;
export type StateTable = z.infer<typeof stateTableSchema>;
export type LookupTable = z.infer<typeof tableSchema>;
export type TableKind = LookupTable['kind'];

/** Consistency checks zod cannot express; returns the list of problems (empty when fine). */
export function tableProblems(t: LookupTable): string[] {
  const p: string[] = [];
  const increasing = (v: number[]) => v.every((x, i) => i === 0 || x > v[i - 1]);
  if (t.kind === 'switching-probability') {
    if (t.probability.length !== t.voltage_V.length)
      p.push(`probability has ${t.probability.length} entries, voltage_V ${t.voltage_V.length}`);
    if (!increasing(t.voltage_V)) p.push('voltage_V must be strictly increasing');
    for (const k of ['trials', 'ci_low', 'ci_high'] as const) {
      const a = t[k];
      if (a && a.length !== t.voltage_V.length)
        p.push(`${k} has ${a.length} entries, voltage_V ${t.voltage_V.length}`);
    }
  } else if (t.kind === 'state-probability') {
    if (t.probability.length !== t.voltage_V.length)
      p.push(`probability has ${t.probability.length} rows, voltage_V ${t.voltage_V.length}`);
    if (!increasing(t.voltage_V)) p.push('voltage_V must be strictly increasing');
    t.probability.forEach((row, i) => {
      if (row.length !== t.states.length)
        p.push(`probability row ${i} has ${row.length} entries, states ${t.states.length}`);
      const s = row.reduce((a, b) => a + b, 0);
      if (Math.abs(s - 1) > 1e-6) p.push(`probability row ${i} (V = ${t.voltage_V[i]}) sums to ${s}, not 1`);
    });
  }
  return p;
}
