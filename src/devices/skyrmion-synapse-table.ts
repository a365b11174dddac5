/**
 * Many cycles of the skyrmion synapse -> conductance-levels table (src/tables schema).
 *
 * Level quantity: the total Hall resistivity rho_xy = rho_AH,sat <mz> of the active area [ohm m],
 * including its saturated value, so G_min, G_max and the on/off ratio are physical (rho_xy at
 * saturation / rho_xy with the most skyrmions). More skyrmions lower rho_xy and stand for a larger
 * synaptic weight (Song et al. 2020: "synaptic weights are proportional to the number of
 * skyrmions"), hence weightSense = "decreasing".
 */
import { createRng } from '../random/stream.js';
import { parallelMap } from '../util/parallel.js';
import { packageVersion } from '../util/paths.js';
import { TABLE_SCHEMA_VERSION, type ConductanceTable, type Level } from '../tables/schema.js';
import {
  runSynapseCycle,
  skyrmionEnergetics,
  synapseStatics,
  type CycleResult,
  type SkyrmionEnergetics,
  type SynapseStatics,
} from './skyrmion-synapse.js';
import type { SkyrmionSynapseDevice } from './skyrmion-synapse-preset.js';

export interface CycleTaskInput {
  device: SkyrmionSynapseDevice;
  statics: SynapseStatics;
  seed: string;
  index: number;
  /** Run the potentiation phase only (calibration). */
  potentiationOnly?: boolean;
}

/** Worker task: cycle `index` with the stream createRng(seed).fork('cycle', index). */
export function synapseCycleTask(input: CycleTaskInput): CycleResult {
  return runSynapseCycle(input.device, input.statics, createRng(input.seed).fork('cycle', input.index), {
    potentiationOnly: input.potentiationOnly,
  });
}

export interface SynapseSimulation {
  device: SkyrmionSynapseDevice;
  table: ConductanceTable;
  cycles: CycleResult[];
  statics: SynapseStatics;
  summary: SynapseSummary;
}

export interface SynapseSummary {
  potentiation_states: number;
  depression_states: number;
  drho_per_skyrmion_potentiation_ohm_m: number;
  drho_per_skyrmion_depression_ohm_m: number;
  final_drho_ohm_m: number;
  final_skyrmions: number;
  diameter_sparse_m: number;
  diameter_dense_m: number;
  rho_xy_saturated_ohm_m: number;
  isolated_diameter_m: number;
  /** Isolated-skyrmion energies and barriers at the two fields (in-place annihilation possible?). */
  energetics: SkyrmionEnergetics;
}

function levels(cycles: CycleResult[], phase: 'potentiation' | 'depression'): Level[] {
  const per = cycles.map((c) => c.records.filter((r) => r.phase === phase));
  const n = per[0].length;
  const out: Level[] = [];
  for (let k = 0; k < n; k++) {
    const v = per.map((p) => p[k].rho_xy_ohm_m);
    const ns = per.map((p) => p[k].skyrmions_active);
    const d = per.map((p) => p[k].mean_diameter_m);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)) : 0;
    out.push({
      mean,
      std: sd,
      n: v.length,
      annotations: {
        skyrmions_mean: ns.reduce((a, b) => a + b, 0) / ns.length,
        diameter_mean_m: d.reduce((a, b) => a + b, 0) / d.length,
        current_A_per_m2: per[0][k].current_A_per_m2,
      },
    });
  }
  return out;
}

/** Simulate `cycles` cycles (forked seeds) on `workers` threads; identical results for any worker count. */
export async function simulateSynapse(
  device: SkyrmionSynapseDevice,
  opts: {
    cycles: number;
    seed: string;
    workers?: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<SynapseSimulation> {
  const statics = synapseStatics(device, opts.seed);
  const inputs: CycleTaskInput[] = Array.from({ length: opts.cycles }, (_, index) => ({
    device,
    statics,
    seed: opts.seed,
    index,
  }));
  const cycles = await parallelMap<CycleTaskInput, CycleResult>(
    import.meta.url, // synapseCycleTask lives in this module
    'synapseCycleTask',
    inputs,
    { workers: opts.workers, onProgress: opts.onProgress },
  );
  const potentiation = levels(cycles, 'potentiation');
  const depression = levels(cycles, 'depression');
  const table: ConductanceTable = {
    schema: TABLE_SCHEMA_VERSION,
    name: device.name,
    kind: 'conductance-levels',
    quantity: 'hall-resistivity',
    unit: 'ohm m',
    weightSense: 'decreasing',
    source: {
      type: 'simulated',
      description:
        'magneuro skyrmion synapse: multilayer energy model + Thiele-Langevin skyrmion gas + Arrhenius nucleation and site deletion (polarity-selective) + anomalous Hall readout (docs/skyrmion.md)',
      model: device.name,
      seed: opts.seed,
      cycles: opts.cycles,
      reference: 'K. M. Song et al., Nat. Electron. 3, 148 (2020), Fig. 2',
      magneuroVersion: packageVersion(),
    },
    notes: [
      'levels: total Hall resistivity rho_xy = rho_AH,sat <mz> of the active area (ohm m), mean and cycle-to-cycle std',
      'weightSense decreasing: more skyrmions -> lower rho_xy -> larger synaptic weight',
      'potentiation state 0 = after saturation at 160 mT and reduction to 140 mT; depression state 0 = end of potentiation, at 144 mT',
    ],
    potentiation,
    depression,
  };
  const finalPot = cycles.map((c) => c.records.filter((r) => r.phase === 'potentiation').at(-1)!);
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const perSk = (phase: 'potentiation' | 'depression') => {
    // Song et al.'s estimator: sum_i drho_i / N_i / (number of states), over states with N_i > 0.
    const vals: number[] = [];
    for (const c of cycles) {
      const recs = c.records.filter((r) => r.phase === phase);
      const ref = phase === 'potentiation' ? recs[0] : recs[recs.length - 1];
      for (const r of recs) {
        const dn = r.skyrmions_active - ref.skyrmions_active;
        if (dn !== 0) vals.push(Math.abs((r.rho_xy_ohm_m - ref.rho_xy_ohm_m) / dn));
      }
    }
    return vals.length ? mean(vals) : 0;
  };
  // Diameters: sparse = states with <= 10 skyrmions in the track, dense = the end of potentiation.
  const sparse: number[] = [];
  for (const c of cycles)
    for (const r of c.records)
      if (r.phase === 'potentiation' && r.skyrmions_total > 0 && r.skyrmions_total <= 10)
        sparse.push(r.mean_diameter_m);
  const summary: SynapseSummary = {
    potentiation_states: potentiation.length - 1,
    depression_states: depression.length - 1,
    drho_per_skyrmion_potentiation_ohm_m: perSk('potentiation'),
    drho_per_skyrmion_depression_ohm_m: perSk('depression'),
    final_drho_ohm_m: mean(finalPot.map((r) => r.drho_xy_ohm_m)),
    final_skyrmions: mean(finalPot.map((r) => r.skyrmions_active)),
    diameter_sparse_m: sparse.length ? mean(sparse) : 2 * statics.pot.radius,
    diameter_dense_m: mean(finalPot.map((r) => r.mean_diameter_m)),
    rho_xy_saturated_ohm_m: statics.rhoAHsat,
    isolated_diameter_m: 2 * statics.pot.radius,
    energetics: skyrmionEnergetics(device, statics),
  };
  return { device, table, cycles, statics, summary };
}
