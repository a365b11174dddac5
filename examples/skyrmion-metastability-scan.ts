/**
 * Can the skyrmion synapse model annihilate skyrmions in place under the reversed pulses?
 * (docs/skyrmion.md section 8, "Why depression is transport-limited".) Grid and window parts
 * (the default) about 35 minutes on 2 cores (each grid point calibrates Ms, ~20-30 s; the window part
 * for one A about 5 minutes); the device part about 7 minutes.
 *
 *   npm run build && node dist/examples/skyrmion-metastability-scan.js > scan.jsonl
 *   node dist/examples/skyrmion-metastability-scan.js window 7     # one part, chosen exchange values [pJ/m]
 *   MAGNEURO_DATA=../shared/data node dist/examples/skyrmion-metastability-scan.js device 7   # needs MNIST
 *
 * Song et al. describe the skyrmions at 140 mT as metastable ("room for metastable state, where
 * skyrmions could remain stable once they are generated due to the annihilation energy barrier")
 * and delete them at 144 mT with reversed pulses. In-place annihilation lowers the energy only if
 * the isolated skyrmion lies above the uniform state, E_min = E(skyrmion) - E(uniform) > 0; with
 * E_min < 0 the skyrmion is the lower state and a reversed pulse can remove it only by pushing it
 * out of the device (the thermodynamics does not depend on how the barrier is lowered).
 *
 * Song's protocol nucleates at 140 mT and annihilates at 144 mT, so the field step must turn the
 * skyrmion from the favoured to the unfavoured state: E_min(140 mT) < 0 < E_min(144 mT). The Zeeman
 * energy of the reversed core, 2 Ms dB V ~ 2500 kT for 4 mT here, makes that window narrow in Keff.
 *
 *  1. Grid: exchange A = 5, 7, 10 pJ/m (estimate 7) and Keff = 17-150 kJ/m^3 (calibrated 16.98,
 *     prior estimate 99.4). Ms as in the preset's material calibration (200 nm film skyrmion at
 *     140 mT, calibrateMsForDiameter, Ku = Keff + mu0 Ms^2 / 2). Printed: local D/Dc
 *     (Dc = 4 sqrt(A Keff) / pi), E_min at 140 and 144 mT and the collapse barrier at 144 mT
 *     (multilayer energy model, physics/skyrmion/barrier.ts), in kT at 300 K.
 *  2. Protocol window: for each A, the Keff at which E_min = 0 at 142 mT (midway; bisection), and
 *     the device capacity there (peak mean active count with every nucleation site firing at every
 *     pulse, 4 device realizations, as in calibrateSkyrmionMaterial) for active radii 1.5 um
 *     (preset), 2.5 and 3 um (track and arms 2 R_act wide).
 *  3. Device ('device' part only, first exchange value): the song2020 device with the window film
 *     and R_act = 2.5 um (track and arms 5 um; nucleation not recalibrated), 8 cycles, seed 2020:
 *     counts, branch spans, removals and deletions at the sites (docs/skyrmion.md item 4b), and the
 *     Fig. 3 network (784-100-10, 600 iterations, 5 seeds as in song2020-fig3-diagnosis.ts)
 *     trained with its table next to the committed preset table, in the same run.
 * One JSON object per line.
 */
import { loadSkyrmionSynapse, type SkyrmionSynapseDevice } from '../src/devices/skyrmion-synapse-preset.js';
import { materialTrial, withMaterial } from '../src/devices/skyrmion-calibrate-material.js';
import { multilayerParameters } from '../src/devices/skyrmion-synapse.js';
import { calibrateMsForDiameter } from '../src/physics/skyrmion/calibrate.js';
import { skyrmionBarrier } from '../src/physics/skyrmion/barrier.js';
import { KB } from '../src/units/constants.js';
import { simulateSynapse } from '../src/devices/skyrmion-synapse-table.js';
import { branchSpans, type ConductanceTable } from '../src/tables/index.js';
import { usableSong2020Table } from '../src/nn/synapses/index.js';
import { trainFig3Networks } from './fig3-networks.js';

const FILM_DIAMETER = 200e-9; // the preset's material calibration target (Song et al. text, "~200 nm")
const ACTIVE_RADII_UM = [1.5, 2.5, 3];
const MIDWAY_FIELD = 0.142; // T, between the potentiation (140 mT) and depression (144 mT) fields

function geometry(R_um: number): string[] {
  return [`activeRadius=${R_um} um`, `trackWidth=${2 * R_um} um`, `armWidth=${2 * R_um} um`];
}

/** The song2020 device with exchange A, Keff, and Ms for the 200 nm film skyrmion. */
function materialAt(A: number, Keff: number, extra: string[] = []): SkyrmionSynapseDevice {
  const dev = loadSkyrmionSynapse('song2020', [`A=${A} pJ/m`, ...extra]);
  const { Ms: _ms, Ku: _ku, ...base } = multilayerParameters(dev, dev.params.fieldPotentiation);
  const cal = calibrateMsForDiameter({ ...base, Keff }, FILM_DIAMETER);
  return withMaterial(dev, cal.Ms, cal.Ku);
}

/** E(skyrmion) - E(uniform) [kT] of the isolated skyrmion at field B. */
function skyrmionEnergy_kT(dev: SkyrmionSynapseDevice, B: number): number {
  return skyrmionBarrier(multilayerParameters(dev, B)).minimumEnergy / (KB * dev.material.temperature);
}

const localDc = (A: number, Keff: number) => (4 * Math.sqrt(A * 1e-12 * Keff)) / Math.PI;

/** Keff at which E_min = 0 at 142 mT for exchange A [pJ/m] (E_min rises with Keff; bisection on ln Keff). */
function protocolWindowKeff(A: number): number {
  let lo = 17e3;
  let hi = 300e3;
  const f = (K: number) => skyrmionEnergy_kT(materialAt(A, K), MIDWAY_FIELD);
  if (!(f(lo) < 0 && f(hi) > 0))
    throw new Error('E_min(142 mT) does not change sign for Keff in 17-300 kJ/m^3');
  while (hi - lo > 1e3) {
    const mid = Math.sqrt(lo * hi);
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

// Optional arguments: which part ('grid' and 'window' by default, or one of them, or 'device') and
// the exchange values.
const [part, ...exchangeArgs] = process.argv.slice(2);
if (part !== undefined && part !== 'grid' && part !== 'window' && part !== 'device')
  throw new Error(`part must be 'grid', 'window' or 'device', got '${part}'`);
const EXCHANGE_PJ_PER_M = exchangeArgs.length > 0 ? exchangeArgs.map(Number) : [5, 7, 10];
for (const A of EXCHANGE_PJ_PER_M)
  if (!(A >= 1 && A <= 30)) throw new Error(`exchange A must be 1-30 pJ/m, got '${A}'`);

for (const A of part === undefined || part === 'grid' ? EXCHANGE_PJ_PER_M : []) {
  for (const Keff of [17e3, 30e3, 50e3, 75e3, 100e3, 150e3]) {
    const row: Record<string, unknown> = { scan: 'grid', A_pJ_per_m: A, Keff_kJ_per_m3: Keff / 1e3 };
    try {
      const dev = materialAt(A, Keff);
      const dep = skyrmionBarrier(multilayerParameters(dev, dev.params.fieldDepression));
      Object.assign(row, {
        D_over_Dc_local: +(dev.material.D / localDc(A, Keff)).toFixed(2),
        Ms_kA_per_m: +(dev.material.Ms / 1e3).toFixed(1),
        Emin_140mT_kT: Math.round(skyrmionEnergy_kT(dev, dev.params.fieldPotentiation)),
        Emin_144mT_kT: Math.round(dep.minimumEnergy / (KB * dev.material.temperature)),
        collapse_barrier_144mT_kT: Math.round(dep.annihilationBarrier / (KB * dev.material.temperature)),
      });
    } catch (e) {
      row.error = (e as Error).message;
    }
    console.log(JSON.stringify(row));
  }
}

for (const A of part === undefined || part === 'window' ? EXCHANGE_PJ_PER_M : []) {
  const row: Record<string, unknown> = { scan: 'protocol-window', A_pJ_per_m: A };
  try {
    const Keff = protocolWindowKeff(A);
    const dev = materialAt(A, Keff);
    const capacity: Record<string, number> = {};
    for (const R of ACTIVE_RADII_UM) {
      const t = await materialTrial(loadSkyrmionSynapse('song2020', [`A=${A} pJ/m`, ...geometry(R)]), Keff, {
        targetDiameter: FILM_DIAMETER,
        workers: 2,
      });
      capacity[`${R}um`] = +t.capacity.toFixed(1);
    }
    Object.assign(row, {
      Keff_kJ_per_m3: +(Keff / 1e3).toFixed(1),
      D_over_Dc_local: +(dev.material.D / localDc(A, Keff)).toFixed(2),
      Ms_kA_per_m: +(dev.material.Ms / 1e3).toFixed(1),
      Emin_140mT_kT: Math.round(skyrmionEnergy_kT(dev, dev.params.fieldPotentiation)),
      Emin_144mT_kT: Math.round(skyrmionEnergy_kT(dev, dev.params.fieldDepression)),
      capacity,
    });
  } catch (e) {
    row.error = (e as Error).message;
  }
  console.log(JSON.stringify(row));
}

if (part === 'device') {
  const A = EXCHANGE_PJ_PER_M[0];
  const Keff = protocolWindowKeff(A);
  const R_um = 2.5;
  const dev = materialAt(A, Keff, geometry(R_um));
  const sim = await simulateSynapse(dev, { cycles: 8, seed: '2020', workers: 2 });
  const dep = sim.cycles.flatMap((c) => c.records.filter((r) => r.phase === 'depression'));
  const perCycle = (k: 'annihilated' | 'deleted_at_sites') =>
    dep.reduce((a, r) => a + r[k], 0) / sim.cycles.length;
  const spans = branchSpans(sim.table);
  const pct = (v: number) => +(100 * v).toFixed(1);
  console.log(
    JSON.stringify({
      scan: 'window-device',
      A_pJ_per_m: A,
      Keff_kJ_per_m3: +(Keff / 1e3).toFixed(1),
      activeRadius_um: R_um,
      skyrmions_end_potentiation: +sim.summary.final_skyrmions.toFixed(1),
      potentiation_span_pct: [pct(spans.potentiation.from), pct(spans.potentiation.to)],
      depression_span_pct: [pct(spans.depression.from), pct(spans.depression.to)],
      removed_per_cycle_depression: +perCycle('annihilated').toFixed(1),
      deleted_at_sites_per_cycle: +perCycle('deleted_at_sites').toFixed(1),
      drho_per_skyrmion_nOhm_cm: +(sim.summary.drho_per_skyrmion_potentiation_ohm_m * 1e11).toFixed(2),
      energetics_kT: {
        E_min_140mT: Math.round(sim.summary.energetics.potentiation.skyrmion_energy_kT),
        E_min_144mT: Math.round(sim.summary.energetics.depression.skyrmion_energy_kT),
      },
    }),
  );
  const preset = usableSong2020Table();
  const tables: Array<[string, ConductanceTable]> = [['window device (8 cycles)', sim.table]];
  if ('table' in preset) tables.push(['committed song2020 table', preset.table]);
  for (const r of await trainFig3Networks(tables))
    console.log(JSON.stringify({ scan: 'fig3-network', ...r }));
}
