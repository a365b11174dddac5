import { describe, expect, it } from 'vitest';
import { skyrmionBarrier } from '../src/physics/skyrmion/barrier.js';
import {
  loweredBarrier,
  multilayerParameters,
  skyrmionEnergetics,
  skyrmionFieldStatics,
  sotCriticalCurrent,
} from '../src/devices/skyrmion-synapse.js';
import { withMaterial } from '../src/devices/skyrmion-calibrate-material.js';
import { loadSkyrmionSynapse } from '../src/devices/skyrmion-synapse-preset.js';
import { effectiveAnisotropy } from '../src/materials/derived.js';
import { E_CHARGE, HBAR, KB, MU0 } from '../src/units/constants.js';

describe('skyrmion energy barrier (multilayer energy model)', () => {
  it('tends to the Belavin-Polyakov energy 8 pi A t for the uniform -> skyrmion saddle of a thin film', () => {
    // Thin Co/Pt-like film, one layer of 1 nm. Along the rigid 360-degree-wall path the energy rises
    // toward R -> 0, where exchange dominates and E -> 8 pi A t (Belavin & Polyakov, JETP Lett. 22, 245
    // (1975)). At the smallest radius of the grid (R = 1 nm) the DMI of a circular wall lowers it by
    // at most 2 pi R t x pi D (wall DMI energy pi D per area), i.e. a relative deficit
    // <= pi D R / (4 A) = 16 % here; anisotropy and Zeeman are O((R/w)^2) smaller. So the saddle must
    // lie in (1 - pi D R / (4A), 1) x 8 pi A t: both bounds are physics, not fitted.
    const p = {
      A: 15e-12,
      D: 3e-3,
      Ku: 1.26e6,
      Ms: 1.1e6,
      B: 0.05,
      thickness: 1e-9,
      period: 1e-9,
      repeats: 1,
    };
    const b = skyrmionBarrier(p, { R0: 20e-9 });
    const bp = 8 * Math.PI * p.A * p.thickness;
    expect(b.saddleEnergy).toBeLessThan(bp);
    expect(b.saddleEnergy / bp).toBeGreaterThan(1 - (Math.PI * p.D * 1e-9) / (4 * p.A));
    // Collapse barrier = saddle - metastable minimum, and the minimum lies between the two states.
    expect(b.annihilationBarrier).toBeCloseTo(b.saddleEnergy - b.minimumEnergy, 25);
    expect(b.minimumEnergy).toBeLessThan(b.saddleEnergy);
    expect(b.saddleRadius).toBeLessThan(b.minimumRadius);
  }, 60_000);

  it('lowers the barrier quadratically with current and linearly toward Tc (closed form)', () => {
    const E0 = 1e-18;
    expect(loweredBarrier(E0, 0, 1e12, 300, 300, 500)).toBe(E0);
    expect(loweredBarrier(E0, 5e11, 1e12, 300, 300, 500)).toBeCloseTo(0.25 * E0, 30);
    expect(loweredBarrier(E0, -5e11, 1e12, 300, 300, 500)).toBeCloseTo(0.25 * E0, 30);
    expect(loweredBarrier(E0, 0, 1e12, 400, 300, 500)).toBeCloseTo(0.5 * E0, 30);
    expect(loweredBarrier(E0, 2e12, 1e12, 300, 300, 500)).toBe(0);
    expect(loweredBarrier(E0, 0, 1e12, 600, 300, 500)).toBe(0);
  });

  it('gives the Lee et al. (2013) SOT critical current for the song2020 stack', () => {
    // j_c = (2e/hbar)(Ms t/theta_SH)(B_K,eff/2), B_K,eff = 2 Keff/Ms: recomputed here from the preset
    // with mu0 H_K written out, so a unit slip (T vs A/m) in the code would show as a factor mu0.
    const dev = loadSkyrmionSynapse('song2020');
    const m = dev.material;
    const HK = (2 * effectiveAnisotropy(m)) / (MU0 * m.Ms); // A/m
    const jc = ((2 * E_CHARGE) / HBAR) * ((m.Ms * m.thickness) / m.thetaSH) * ((MU0 * HK) / 2);
    expect(sotCriticalCurrent(dev) / jc).toBeCloseTo(1, 12);
    // Order of magnitude: j_c ~ 3.0e15 A/(m^2 T) x Ms t / theta_SH x B_K,eff / 2; for the calibrated
    // stack (Ms ~ 237 kA/m, t = 9 nm, theta_SH = 0.1, Keff ~ 16 kJ/m^3: B_K,eff ~ 0.13 T) that is
    // ~4e12 A/m^2, still ~100 x the published pulse amplitudes.
    expect(jc).toBeGreaterThan(1e12);
    expect(jc).toBeLessThan(1e13);
  });

  it('puts the capacity-calibrated song2020 skyrmion below the uniform state, the prior-estimate film above it', () => {
    // docs/skyrmion.md section 8: in-place annihilation lowers the energy only when the skyrmion is
    // metastable, E_min = E(skyrmion) - E(uniform) > 0. The preset (Keff calibrated to 16.98 kJ/m^3 on
    // the device capacity, local D/Dc = 2.2) has E_min < 0 at both fields, so its depression can only
    // be by transport; the same film with the prior estimate Keff = 99.4 kJ/m^3 (Ms = 291.4 kA/m for a
    // 200 nm skyrmion, D/Dc = 0.92) is metastable at both fields. Both signs hold by thousands of kT.
    const dev = loadSkyrmionSynapse('song2020');
    const e = skyrmionEnergetics(dev, skyrmionFieldStatics(dev));
    expect(e.potentiation.skyrmion_energy_kT).toBeLessThan(-5000);
    expect(e.depression.skyrmion_energy_kT).toBeLessThan(-5000);
    expect(e.depression.metastable).toBe(false);
    // The collapse barrier is the nucleation barrier plus how far the skyrmion lies below uniform.
    expect(e.depression.collapse_barrier_J).toBeCloseTo(
      e.depression.nucleation_barrier_J - e.depression.skyrmion_energy_J,
      25,
    );
    const Ms = 291.4e3;
    const prior = withMaterial(dev, Ms, 99.4e3 + 0.5 * MU0 * Ms * Ms);
    for (const B of [dev.params.fieldPotentiation, dev.params.fieldDepression]) {
      const b = skyrmionBarrier(multilayerParameters(prior, B));
      expect(b.minimumEnergy / (KB * prior.material.temperature)).toBeGreaterThan(500);
      expect(b.annihilationBarrier).toBeGreaterThan(0);
    }
  }, 60_000);
});
