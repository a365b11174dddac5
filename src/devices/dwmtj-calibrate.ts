/**
 * Calibration of the nucleation current scale J_0 (the one calibrated parameter of the DW-MTJ
 * presets).
 *
 * Target: the per-pulse switching probability of the binary neuron is 1/2 at 1.8 V (the V50 of
 * Leonard et al. APL 2023, Fig. 2(d) and text: "For a switching probability of around 50 %,
 * 1.8 V is applied"). With the bias on between pulses, the binary neuron is nucleation-limited
 * (interpulse.ts; docs/domain-wall.md), so V50 is set by the nucleation barrier
 * E_0 (1 - Hz/H_0 - J/J_0)^2 (nucleation.ts), and J_0 is the least known of its parameters.
 * J_0 is found by bisection on a log scale (the probability falls as J_0 rises; common random
 * numbers keep the estimate monotone in practice). J_0 is a property of the stack (Ta/CoFeB/MgO
 * edge), so the multi-weight preset gets the same value; its Fig. 2(e) behaviour stays a
 * prediction. Fig. 2(d)'s V50 is therefore a calibration target, not a test, and the pulse-count
 * statistics of Fig. 2(b)-(c) are not used.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { DwmtjFile } from './dwmtj-preset.js';
import { devicePresetPath } from './dwmtj-preset.js';
import { binaryChunkTask } from './dwmtj-protocols.js';

export interface NucleationCalibration {
  nucleationCurrentDensity_A_per_m2: number;
  probabilityAtTarget: number;
  evaluations: Array<{ currentDensity_A_per_m2: number; probability: number }>;
}

/** Per-pulse switching probability at `voltage` with extra preset overrides. */
export function probabilityWith(
  file: DwmtjFile,
  overrides: string[],
  voltage: number,
  cycles: number,
  seed: string,
  maxPulses = 50,
): number {
  const s = binaryChunkTask({
    model: { file, overrides },
    seed,
    voltageIndex: 0,
    voltage,
    firstCycle: 0,
    cycles,
    maxPulses,
  });
  const k = s.filter((x) => x > 0).length;
  const n = s.reduce((a, x) => a + (x > 0 ? x : maxPulses), 0);
  return k / n;
}

/** Per-pulse switching probability at `voltage` for a given nucleation current scale J_0. */
export function probabilityAtNucleationCurrent(
  file: DwmtjFile,
  J0: number,
  voltage: number,
  cycles: number,
  seed: string,
): number {
  return probabilityWith(file, [`nucleationCurrentDensity=${J0} A/m^2`], voltage, cycles, seed);
}

export function calibrateNucleationCurrent(
  file: DwmtjFile,
  opts: {
    targetVoltage?: number;
    targetProbability?: number;
    cycles?: number;
    seed?: string;
    lo?: number;
    hi?: number;
    iterations?: number;
    log?: (line: string) => void;
  } = {},
): NucleationCalibration {
  const V = opts.targetVoltage ?? 1.8;
  const target = opts.targetProbability ?? 0.5;
  const cycles = opts.cycles ?? 200;
  const seed = opts.seed ?? 'calibration';
  let lo = Math.log(opts.lo ?? 1e12);
  let hi = Math.log(opts.hi ?? 1e13);
  const evaluations: NucleationCalibration['evaluations'] = [];
  let mid = 0.5 * (lo + hi);
  let p = NaN;
  for (let i = 0; i < (opts.iterations ?? 12); i++) {
    mid = 0.5 * (lo + hi);
    const J0 = Math.exp(mid);
    p = probabilityAtNucleationCurrent(file, J0, V, cycles, seed);
    evaluations.push({ currentDensity_A_per_m2: J0, probability: p });
    opts.log?.(`J0 ${J0.toExponential(4)} A/m^2 -> P(${V} V) = ${p.toFixed(3)}`);
    if (p > target) lo = mid;
    else hi = mid;
  }
  return {
    nucleationCurrentDensity_A_per_m2: Math.exp(mid),
    probabilityAtTarget: p,
    evaluations,
  };
}

/**
 * Write the calibrated J_0 (3 significant digits) into both presets (same stack), with a
 * "calibrated:" source naming this function and its settings.
 */
export function writeCalibratedNucleationCurrent(
  c: NucleationCalibration,
  settings: { cycles: number; seed: string },
): string[] {
  const out: string[] = [];
  const value = c.nucleationCurrentDensity_A_per_m2.toPrecision(3);
  for (const name of ['leonard2023-binary', 'leonard2022-mw5']) {
    const path = devicePresetPath(name);
    const json = JSON.parse(readFileSync(path, 'utf8')) as DwmtjFile;
    json.parameters.nucleationCurrentDensity = {
      value: `${value} A/m^2`,
      source:
        name === 'leonard2023-binary'
          ? `calibrated: calibrateNucleationCurrent (src/devices/dwmtj-calibrate.ts, ${settings.cycles} cycles, seed ${settings.seed}) so that the per-pulse switching probability at 1.8 V is 1/2 (V50 of Leonard 2023 Fig. 2(d)); Fig. 2(d)'s V50 is therefore a calibration target, not a test; Fig. 2(b)-(c) not used`
          : 'calibrated: same stack as leonard2023-binary, value from calibrateNucleationCurrent on Leonard 2023 Fig. 2(d); not fitted to Fig. 2(e). Unused by the ramp protocol (the wall is written by the Oe line, initialWallPosition)',
    };
    writeFileSync(path, JSON.stringify(json, null, 2) + '\n');
    out.push(path);
  }
  return out;
}
