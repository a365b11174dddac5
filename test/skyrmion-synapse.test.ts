import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadSkyrmionSynapse } from '../src/devices/skyrmion-synapse-preset.js';
import {
  SkyrmionGas,
  armCurrentFraction,
  type SkyrmionAtField,
  type SynapseStatics,
} from '../src/devices/skyrmion-synapse.js';
import { simulateSynapse } from '../src/devices/skyrmion-synapse-table.js';
import { meanSkyrmionCounts } from '../src/devices/skyrmion-calibrate.js';
import { StochasticHeun } from '../src/integrate/heun.js';
import { createRng } from '../src/random/stream.js';
import { parseTable } from '../src/tables/io.js';
import { jouleTemperatureRise } from '../src/physics/thermal/joule.js';
import { KB } from '../src/units/constants.js';
import { interactionTable } from '../src/physics/skyrmion/interaction.js';

describe('Hall-cross current distribution', () => {
  it('is the full track current inside the track and decays as exp(-pi d / a) into an arm', () => {
    const W2 = 1.5e-6;
    const a = 3e-6;
    expect(armCurrentFraction(0, W2, a / 2)).toBe(1);
    expect(armCurrentFraction(-1.49e-6, W2, a / 2)).toBe(1);
    // One arm width into the arm: exp(-pi) = 0.0432 (lowest Laplace mode of an insulated strip).
    expect(armCurrentFraction(W2 + a, W2, a / 2)).toBeCloseTo(Math.exp(-Math.PI), 12);
    expect(armCurrentFraction(-(W2 + a / 2), W2, a / 2)).toBeCloseTo(Math.exp(-Math.PI / 2), 12);
    // Plain strip (no arms): no decay anywhere.
    expect(armCurrentFraction(5e-6, W2, 0)).toBe(1);
  });
});

describe('skyrmion gas (Thiele-Langevin)', () => {
  it('satisfies equipartition in a harmonic pin: <x^2> = kT / k_pin per coordinate', () => {
    // One skyrmion in one Gaussian pinning well U = -Up exp(-r^2 / 2 s^2) with Up = 400 kT: the well
    // is harmonic with k = Up / s^2 over the thermal range (anharmonic correction ~ 1/400). The
    // Magnus term rotates the drift but does not change the Boltzmann distribution.
    const dev = loadSkyrmionSynapse('song2020');
    const T = 300;
    const Up = 400 * KB * T;
    const s = 50e-9;
    dev.params.pinningDepth = Up;
    dev.params.pinningWidth = s;
    dev.params.trackWidth = 1e-4; // edges far away
    const sk: SkyrmionAtField = {
      field: 0.14,
      radius: 100e-9,
      wallWidth: 6e-9,
      radialStiffness: 1,
      collapsePressure: 1,
      dissipation: 100,
      sotForceLength: -1e-6,
      reversedArea: 6e-14,
      energy: 1e-17,
      // Magnetostatic tables of this size in the stack (edges 50 um away: negligible here).
      interactions: interactionTable({
        Ms: dev.material.Ms,
        thickness: dev.material.thickness,
        period: dev.material.period!,
        repeats: dev.material.repeats,
        radius: 100e-9,
        wallWidth: 6e-9,
      }),
    };
    const st = { pinX: Float64Array.of(0), pinY: Float64Array.of(0) } as unknown as SynapseStatics;
    const gas = new SkyrmionGas(dev, st, sk);
    gas.n = 1;
    gas.radius[0] = sk.radius;
    gas.configure(sk, 0, T);
    const k = Up / (s * s);
    const lambda = gas.ma * k; // relaxation rate of the overdamped part
    const dt = 0.05 / lambda;
    const heun = new StochasticHeun(gas, createRng('equipartition'));
    const x = new Float64Array(2);
    let sum = 0;
    let n = 0;
    for (let i = 0; i < 200_000; i++) {
      heun.step(i * dt, x, dt);
      if (i > 2000) {
        sum += x[0] * x[0] + x[1] * x[1];
        n++;
      }
    }
    const per = sum / n / 2;
    // ~5000 independent samples (run = 1e4 relaxation times): statistical error ~3 %; Heun bias
    // O(lambda dt) ~ 1 %. Tolerance 8 %.
    expect(Math.abs(per / ((KB * T) / k) - 1)).toBeLessThan(0.08);
  });
});

describe('Joule heating', () => {
  it('reaches p/G in the steady state and p tau / C in the adiabatic limit', () => {
    const t = {
      heavyMetalThickness: 60e-9,
      rhoHeavyMetal: 2e-7,
      magnetThickness: 180e-9,
      rhoMagnet: 1.5e-6,
      heatCapacity: 3e6,
      stackThickness: 260e-9,
      conductance: 5e6,
    };
    const j = 4e10;
    const E = 2e-7 * j;
    const p = E * E * (60e-9 / 2e-7 + 180e-9 / 1.5e-6);
    expect(jouleTemperatureRise(t, j, 1)).toBeCloseTo(p / 5e6, 9);
    expect(jouleTemperatureRise(t, j, 1e-12) / ((p * 1e-12) / (3e6 * 260e-9))).toBeCloseTo(1, 5);
  });
});

describe('skyrmion synapse simulation', () => {
  it('is converged in the time step: the preset step and a 4x smaller one give the same counts', async () => {
    // Twelve potentiation pulses (same 1.69-4.24e10 A/m^2 ramp), preset nucleation, mean over 8 device
    // realizations with common seeds. The dynamics are chaotic, so single trajectories diverge; the
    // mean active count after every pulse must agree within 2 skyrmions (5 % of Song's 41: the
    // error budget of the time step).
    const opts = { devices: 8, seed: 'time-step-convergence', workers: 2 };
    const coarse = loadSkyrmionSynapse('song2020', ['potentiationPulses=12']);
    const fine = loadSkyrmionSynapse('song2020', [
      'potentiationPulses=12',
      `timeStep=${coarse.params.timeStep / 4} s`,
    ]);
    const P = coarse.params;
    const a = await meanSkyrmionCounts(coarse, P.nucleationBarrierScale, P.nucleationCriticalCurrent, opts);
    const b = await meanSkyrmionCounts(fine, P.nucleationBarrierScale, P.nucleationCriticalCurrent, opts);
    expect(a[12]).toBeGreaterThan(5); // the protocol does accumulate skyrmions
    for (let k = 0; k <= 12; k++) expect(Math.abs(a[k] - b[k])).toBeLessThanOrEqual(2);
  }, 120_000);

  it('gives identical results for 1 and 2 workers', async () => {
    const dev = loadSkyrmionSynapse('song2020');
    const a = await simulateSynapse(dev, { cycles: 3, seed: 'w', workers: 1 });
    const b = await simulateSynapse(dev, { cycles: 3, seed: 'w', workers: 2 });
    expect(b.table).toEqual(a.table);
    expect(b.cycles).toEqual(a.cycles);
    // Every record carries the centre of every skyrmion after that pulse: as many as it counts, and
    // the ones inside the active disk are the active count the Hall readout used.
    const R = dev.params.activeRadius;
    for (const c of a.cycles)
      for (const r of c.records) {
        expect(r.positions_m.length).toBe(2 * r.skyrmions_total);
        let inside = 0;
        for (let i = 0; i < r.positions_m.length; i += 2)
          if (Math.hypot(r.positions_m[i], r.positions_m[i + 1]) <= R) inside++;
        expect(inside).toBe(r.skyrmions_active);
      }
  }, 120_000);

  it('regenerates the committed table models/tables/song2020-skyrmion-synapse.json exactly', async () => {
    const committed = parseTable(
      JSON.parse(readFileSync('models/tables/song2020-skyrmion-synapse.json', 'utf8')),
    );
    if (committed.kind !== 'conductance-levels') throw new Error('wrong kind');
    const dev = loadSkyrmionSynapse('song2020');
    const sim = await simulateSynapse(dev, {
      cycles: committed.source.cycles!,
      seed: String(committed.source.seed),
      workers: 2,
    });
    expect(parseTable(JSON.parse(JSON.stringify(sim.table)))).toEqual(committed);
    // Physical sanity of the committed table: rho_xy starts saturated and never exceeds saturation
    // (skyrmions can only lower <mz>). Whether it falls depends on the derived barriers (docs).
    expect(committed.potentiation[0].mean).toBeCloseTo(dev.material.rhoAHsat!, 20);
    for (const l of [...committed.potentiation, ...committed.depression])
      expect(l.mean).toBeLessThanOrEqual(dev.material.rhoAHsat! * (1 + 1e-12));
    expect(committed.weightSense).toBe('decreasing');
  }, 180_000);
});
