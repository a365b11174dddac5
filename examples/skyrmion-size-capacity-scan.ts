/**
 * Can the skyrmion synapse model hold Song et al.'s 41 skyrmions at their measured size?
 * (docs/skyrmion.md section 8, "What it would take".) About 8 minutes on 2 cores.
 *
 *   npm run build && node dist/examples/skyrmion-size-capacity-scan.js > scan.jsonl
 *
 * For each trial the saturation magnetization Ms is set so that the isolated film skyrmion at
 * 140 mT has the target diameter (calibrateMsForDiameter, Ku = Keff + mu0 Ms^2 / 2), then the
 * device runs the potentiation protocol with every nucleation site firing at every pulse (the
 * capacity of calibrateSkyrmionMaterial, 4 device realizations), and the direct dense
 * configuration of 41 skyrmions in the active disk is relaxed (crowdedDiameters).
 *  1. Film diameter 285 nm (Song et al. Fig. 2C, sparse state) over exchange A = 3-15 pJ/m (the
 *     estimate is 7) and Keff = 10-50 kJ/m^3, preset geometry (active radius 1.5 um).
 *  2. The same diameter with the preset's A and calibrated Keff, over the active radius (the
 *     Hall-cross track and arms 2 R_act wide), with the Hall change of one isolated skyrmion,
 *     -rho_AH,sat a / A_act, and the rho_AH,sat it would need for Song's 8.1 nOhm cm.
 * Prints one JSON object per trial.
 */
import { loadSkyrmionSynapse } from '../src/devices/skyrmion-synapse-preset.js';
import { materialTrial, withMaterial } from '../src/devices/skyrmion-calibrate-material.js';
import { skyrmionAtField } from '../src/devices/skyrmion-synapse.js';
import { crowdedDiameters } from '../src/devices/skyrmion-crowding.js';
import { effectiveAnisotropy } from '../src/materials/derived.js';
import { hallChangePerSkyrmion } from '../src/physics/readout/hall.js';
import { parseQuantity } from '../src/units/quantity.js';

const FILM_DIAMETER = 285e-9;
const SONG_DRHO_PER_SKYRMION = parseQuantity('8.1 nohm cm', 'ohm m'); // Song et al. 2020, potentiation

async function trial(scan: string, overrides: string[], Keff: number) {
  const dev = loadSkyrmionSynapse('song2020', overrides);
  const t0 = Date.now();
  const t = await materialTrial(dev, Keff, { targetDiameter: FILM_DIAMETER, workers: 2 });
  const d = withMaterial(dev, t.Ms, t.Ku);
  const sk = skyrmionAtField(d, d.params.fieldPotentiation);
  const crowd = crowdedDiameters(d, sk);
  const activeArea = Math.PI * d.params.activeRadius ** 2;
  const drho = hallChangePerSkyrmion(d.material.rhoAHsat!, sk.reversedArea, activeArea);
  console.log(
    JSON.stringify({
      scan,
      A_pJ_per_m: d.material.A * 1e12,
      Keff_kJ_per_m3: Keff / 1e3,
      activeRadius_um: d.params.activeRadius * 1e6,
      Ms_kA_per_m: +(t.Ms / 1e3).toFixed(1),
      film_diameter_nm: +(t.filmDiameter * 1e9).toFixed(1),
      capacity: +t.capacity.toFixed(1),
      holds_41: t.capacity >= 41,
      track_isolated_diameter_nm: +(crowd.track_isolated_diameter_m * 1e9).toFixed(1),
      dense41_diameter_nm: +(crowd.dense_mean_diameter_m * 1e9).toFixed(1),
      dense41_collapsed: crowd.dense_over_compressed,
      drho_per_isolated_skyrmion_nOhm_cm: +(drho / 1e-11).toFixed(2),
      rhoAHsat_needed_for_8p1_nOhm_cm: +(
        ((SONG_DRHO_PER_SKYRMION / -drho) * d.material.rhoAHsat!) /
        1e-11
      ).toFixed(0),
      seconds: (Date.now() - t0) / 1e3,
    }),
  );
}

for (const A of [3, 5, 7, 10, 15])
  for (const K of [10e3, 17e3, 30e3, 50e3]) await trial('exchange-anisotropy', [`A=${A} pJ/m`], K);

const preset = loadSkyrmionSynapse('song2020');
const presetKeff = effectiveAnisotropy(preset.material);
for (const R of [1.5, 2, 2.5, 3])
  await trial(
    'active-radius',
    [`activeRadius=${R} um`, `trackWidth=${2 * R} um`, `armWidth=${2 * R} um`],
    presetKeff,
  );
