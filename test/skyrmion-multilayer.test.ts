import { describe, expect, it } from 'vitest';
import { ansatzEnergy, multilayerSkyrmion } from '../src/physics/skyrmion/multilayer.js';
import { solveSkyrmionProfile } from '../src/physics/skyrmion/profile.js';
import { MU0 } from '../src/units/constants.js';
import { loadSkyrmionSynapse } from '../src/devices/skyrmion-synapse-preset.js';
import { multilayerParameters } from '../src/devices/skyrmion-synapse.js';
import { effectiveAnisotropy } from '../src/materials/derived.js';

const A = 15e-12;
const Ms = 1.1e6;
const Keff = 0.5e6;
const Ku = Keff + 0.5 * MU0 * Ms * Ms;
const Dc = (4 * Math.sqrt(A * Keff)) / Math.PI;

describe('multilayer (finite-thickness magnetostatics)', () => {
  it('reduces to the local thin-film model linearly in the thickness', () => {
    // The non-local correction to the shape term is O(k t) (N_zz = 1 - kt/2 + ...), so the energy
    // difference to the local model must halve when t halves (ratio 2 within 10 %).
    const diff = (t: number) => {
      const p = { A, D: 0.7 * Dc, Ku, Ms, B: 0.05, thickness: t, period: t, repeats: 1 };
      const full = ansatzEnergy(p, 8e-9, 4e-9, true).total;
      const local = ansatzEnergy(p, 8e-9, 4e-9, false).total;
      return { rel: (full - local) / local, d: full - local };
    };
    const a = diff(0.4e-9);
    const b = diff(0.2e-9);
    const c = diff(0.1e-9);
    expect(Math.abs(c.rel)).toBeLessThan(0.01);
    // Energies scale with t themselves, so compare relative differences.
    expect(a.rel / b.rel).toBeGreaterThan(1.8);
    expect(a.rel / b.rel).toBeLessThan(2.2);
    expect(b.rel / c.rel).toBeGreaterThan(1.8);
    expect(b.rel / c.rel).toBeLessThan(2.2);
  });

  it('the minimised ansatz matches the exact shooting radius for a very thin film (3 %)', () => {
    // Ansatz error of the 360-degree wall profile ~1 % (Wang et al. 2018), magnetostatic correction
    // at t = 0.1 nm below 1 %: 3 % bounds both.
    const t = 0.1e-9;
    const D = 0.8 * Dc;
    const m = multilayerSkyrmion({ A, D, Ku, Ms, B: 0, thickness: t, period: t, repeats: 1 }, { R0: 5e-9 });
    const exact = solveSkyrmionProfile({ A, D, Keff, Ms, B: 0, thickness: t });
    expect(m.exists).toBe(true);
    if (!exact.exists) throw new Error(exact.reason);
    expect(Math.abs(m.radius / exact.radius - 1)).toBeLessThan(0.03);
  });

  it('stray fields of a thick stack enlarge the skyrmion relative to the local model', () => {
    const p = {
      A: 7e-12,
      D: 0.98e-3,
      Ku: 110e3,
      Ms: 130e3,
      B: 0.14,
      thickness: 9e-9,
      period: 13e-9,
      repeats: 20,
    };
    const full = multilayerSkyrmion(p, { R0: 30e-9 });
    const local = multilayerSkyrmion(p, { R0: 30e-9, magnetostatics: false });
    expect(full.exists && local.exists).toBe(true);
    expect(full.radius).toBeGreaterThan(local.radius);
  });

  it('the calibrated Ms of the song2020 device gives the 200 nm calibration target', () => {
    // Calibration (calibrateSkyrmionMaterial -> calibrateMsForDiameter, run once) stopped at 1 % of
    // the target; the preset stores Ms and Ku to 6 digits, so the model must return 200 nm within 2 %.
    const dev = loadSkyrmionSynapse('song2020');
    expect(dev.material.sources.Ms).toMatch(/^calibrated/);
    expect(dev.material.sources.Ku).toMatch(/^calibrated/);
    // Keff moved below the material preset's estimate (capacity rule, docs/skyrmion.md).
    expect(effectiveAnisotropy(dev.material)).toBeLessThan(110e3 - 0.5 * MU0 * 130e3 ** 2);
    const s = multilayerSkyrmion(multilayerParameters(dev, 0.14), { R0: 100e-9 });
    expect(s.exists).toBe(true);
    expect(Math.abs((2 * s.radius) / 200e-9 - 1)).toBeLessThan(0.02);
  });
});
