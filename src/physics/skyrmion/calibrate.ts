/**
 * Calibration of the stack magnetization from an observed isolated-skyrmion diameter.
 *
 * The net magnetization of a ferrimagnet 110 K above its compensation point is the least certain
 * input (0.5-4 x 10^5 A/m for RE-TM alloys), and it alone sets the strength of the stray field that
 * enlarges skyrmions in the thick stack. `calibrateMsForDiameter` finds, by bisection, the Ms for
 * which the multilayer energy model (multilayer.ts) gives the target diameter at field B, keeping
 * Keff = Ku - mu0 Ms^2 / 2 fixed (the anisotropy measured on the film is the effective one).
 */
import { MU0 } from '../../units/constants.js';
import { PhysicsError, requirePositive } from '../../util/errors.js';
import { multilayerSkyrmion, type MultilayerParameters } from './multilayer.js';

export interface MsCalibration {
  Ms: number;
  Ku: number;
  diameter: number;
  iterations: number;
}

export function calibrateMsForDiameter(
  base: Omit<MultilayerParameters, 'Ms' | 'Ku'> & { Keff: number },
  targetDiameter: number,
  range: [number, number] = [1e5, 6e5],
  tolerance = 0.01,
): MsCalibration {
  requirePositive('targetDiameter', targetDiameter, 'm');
  const diameterAt = (Ms: number) => {
    const Ku = base.Keff + 0.5 * MU0 * Ms * Ms;
    const r = multilayerSkyrmion({ ...base, Ms, Ku }, { R0: targetDiameter / 2 });
    return r.exists ? 2 * r.radius : r.radius > targetDiameter ? Infinity : 0;
  };
  let [lo, hi] = range;
  const dLo = diameterAt(lo);
  const dHi = diameterAt(hi);
  if (!(dLo < targetDiameter && dHi > targetDiameter)) {
    throw new PhysicsError(
      `cannot calibrate Ms: diameters ${dLo} m at Ms = ${lo} A/m and ${dHi} m at Ms = ${hi} A/m do not bracket ${targetDiameter} m`,
    );
  }
  let it = 0;
  let d = 0;
  let mid = 0.5 * (lo + hi);
  for (; it < 40; it++) {
    mid = 0.5 * (lo + hi);
    d = diameterAt(mid);
    if (Math.abs(d / targetDiameter - 1) < tolerance) break;
    if (d < targetDiameter) lo = mid;
    else hi = mid;
  }
  return { Ms: mid, Ku: base.Keff + 0.5 * MU0 * mid * mid, diameter: d, iterations: it + 1 };
}
