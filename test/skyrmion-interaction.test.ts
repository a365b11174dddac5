import { beforeAll, describe, expect, it } from 'vitest';
import {
  edgeFromTable,
  edgeInteraction,
  interactionTable,
  pairForce,
  pairFromTable,
  pairInteraction,
  pairSizeDerivative,
  radiusNode,
  type InteractionParameters,
  type InteractionTable,
} from '../src/physics/skyrmion/interaction.js';
import { loadSkyrmionSynapse } from '../src/devices/skyrmion-synapse-preset.js';
import {
  SkyrmionGas,
  multilayerParameters,
  skyrmionAtField,
  type SkyrmionAtField,
  type SynapseStatics,
} from '../src/devices/skyrmion-synapse.js';
import { MU0 } from '../src/units/constants.js';
import { crowdedDiameters } from '../src/devices/skyrmion-crowding.js';
import { ansatzEnergy, ansatzIntegrals } from '../src/physics/skyrmion/multilayer.js';

// The song2020 stack: [GdFeCo 9 nm | period 13 nm] x 20 with Ms = 291.4 kA/m, Ku = 152.74 kJ/m^3 (an
// earlier calibration, kept here as a fixed test stack), and its multilayer-model skyrmion at
// 140 mT (R0 = 99.6 nm, w = 6.19 nm).
const stack: InteractionParameters = {
  Ms: 291.4e3,
  thickness: 9e-9,
  period: 13e-9,
  repeats: 20,
  radius: 99.6e-9,
  wallWidth: 6.19e-9,
};
const T = stack.repeats * stack.period;
const MsEff = (stack.Ms * stack.thickness) / stack.period;
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('magnetostatic skyrmion-skyrmion interaction', () => {
  it('tends to two point dipoles m = 2 Ms_eff pi R^2 T side by side at large distance', () => {
    // E_dd = mu0 m1 m2 / (4 pi d^3) for parallel moments perpendicular to their separation.
    // At d = 6 um = 23 T = 60 R the corrections are -(3/4)(T/d)^2 = -0.14 % (finite thickness,
    // Eq. 3) and O((R/d)^2) < 0.1 %; the ansatz's reversed area exceeds 2 pi R^2 by
    // ~ pi^2 w^2 / (6 R^2) = 0.6 % per skyrmion (wall), so 2 % is the tolerance for m = 2 Ms pi R^2 T.
    const R1 = stack.radius;
    const R2 = 0.7 * stack.radius;
    const d = 6e-6;
    const m1 = 2 * MsEff * Math.PI * R1 * R1 * T;
    const m2 = 2 * MsEff * Math.PI * R2 * R2 * T;
    const dip = (MU0 * m1 * m2) / (4 * Math.PI * d ** 3);
    const r = pairInteraction(stack, d, R1, R2);
    expect(rel(r.energy, dip)).toBeLessThan(0.02);
    // Force 3 E / d and dE/dR1 = 2 E / R1 of the same limit.
    expect(rel(r.force, (3 * dip) / d)).toBeLessThan(0.02);
    expect(rel(r.dEdR1, (2 * dip) / R1)).toBeLessThan(0.02);
  });

  it('tends to two pairs of charged disks at d >> R in a film as thick as d (Eq. 3)', () => {
    // T = 1.3 um, d = 2 um: the dipole formula is off by ~30 % here, the charged disks
    // E = (mu0 q1 q2 / 2 pi)(1/d - 1/sqrt(d^2 + T^2)), q = Ms_eff a (a = reversed area) are exact
    // up to O((R/d)^2) = 0.3 % (R = 50 nm).
    const p = { ...stack, repeats: 100, radius: 50e-9, wallWidth: 5e-9 };
    const Tt = p.repeats * p.period;
    const d = 2e-6;
    const r = pairInteraction(p, d, 50e-9, 50e-9);
    const q = MsEff * ansatzIntegrals(50e-9, 5e-9).reversedArea;
    const disks = ((MU0 * q * q) / (2 * Math.PI)) * (1 / d - 1 / Math.hypot(d, Tt));
    expect(rel(r.energy, disks)).toBeLessThan(0.005);
    const dip = (MU0 * (q * Tt) ** 2) / (4 * Math.PI * d ** 3);
    expect(rel(r.energy, dip)).toBeGreaterThan(0.1);
  });

  it('gives force and size derivative consistent with finite differences of the energy', () => {
    // Central differences with steps 1 nm (d) and 0.5 nm (R): truncation error ~ (h/R)^2 < 1e-4.
    const R = stack.radius;
    const d = 300e-9;
    const c = pairInteraction(stack, d, R, R);
    const fd =
      -(pairInteraction(stack, d + 1e-9, R, R).energy - pairInteraction(stack, d - 1e-9, R, R).energy) / 2e-9;
    expect(rel(c.force, fd)).toBeLessThan(2e-3);
    const gR =
      (pairInteraction(stack, d, R + 0.5e-9, R).energy - pairInteraction(stack, d, R - 0.5e-9, R).energy) /
      1e-9;
    expect(rel(c.dEdR1, gR)).toBeLessThan(2e-3);
  });

  describe('tables', () => {
    let tab: InteractionTable;
    beforeAll(() => {
      tab = interactionTable(stack);
    });

    it('reproduce the direct quadrature, interpolated in the two radii', () => {
      // Linear interpolation on a grid of R/30: error ~ (step)^2 E'' / 8 < 0.3 %.
      const out = new Float64Array(4);
      const R = stack.radius;
      for (const d of [250e-9, 446e-9, 1e-6]) {
        const ref = pairInteraction(stack, d, R, R);
        pairFromTable(tab, d, R, R, out);
        expect(rel(out[0], ref.energy)).toBeLessThan(3e-3);
        expect(rel(out[1], ref.force)).toBeLessThan(3e-3);
        expect(rel(out[2], ref.dEdR1)).toBeLessThan(3e-3);
        // Unequal sizes midway between the radius nodes (0.1 R0 apart): linear interpolation of
        // E ~ R1^2 R2^2 (far field) errs by (0.05 R0 / R_i)^2 per radius, 0.35 % + 0.6 % here: 2 %.
        const R1 = 0.85 * R;
        const R2 = 0.65 * R;
        const sm = pairInteraction(stack, d, R1, R2);
        pairFromTable(tab, d, R1, R2, out);
        expect(rel(out[0], sm.energy)).toBeLessThan(0.02);
        expect(rel(out[1], sm.force)).toBeLessThan(0.02);
        expect(rel(out[2], sm.dEdR1)).toBeLessThan(0.02);
      }
      // Beyond the table (15 R0) the charged-disk far field takes over within ~1 % (O(R^2/d^2)).
      const dFar = 16 * R;
      pairFromTable(tab, dFar, R, R, out);
      expect(rel(out[0], pairInteraction(stack, dFar, R, R).energy)).toBeLessThan(0.012);
    });

    it('give the same force and size derivative through the hot-loop lookups', () => {
      const out = new Float64Array(4);
      const R = stack.radius;
      for (const d of [150e-9, 446e-9, 1.2e-6, 2e-6, 5e-6]) {
        for (const [R1, R2] of [
          [R, R],
          [0.83 * R, 0.61 * R],
          [0.4 * R, 1.2 * R],
        ]) {
          pairFromTable(tab, d, R1, R2, out);
          const x1 = radiusNode(tab, R1);
          const x2 = radiusNode(tab, R2);
          expect(pairForce(tab, d, x1, x2)).toBeCloseTo(out[1], 22);
          expect(rel(pairSizeDerivative(tab, d, x1, x2), out[2])).toBeLessThan(1e-12);
          expect(rel(pairSizeDerivative(tab, d, x2, x1), out[3])).toBeLessThan(1e-12);
        }
      }
    });

    it('repel a skyrmion from the film edge, tending to the dipole against a half-plane', () => {
      const R = stack.radius;
      const out = new Float64Array(3);
      for (const h of [300e-9, 1e-6]) {
        const ref = edgeInteraction(stack, h, R);
        edgeFromTable(tab, h, R, out);
        expect(ref.energy).toBeGreaterThan(0);
        expect(ref.force).toBeGreaterThan(0); // -dE/dh > 0: pushed away from the edge
        expect(rel(out[0], ref.energy)).toBeLessThan(3e-3);
        expect(rel(out[1], ref.force)).toBeLessThan(3e-3);
        expect(rel(out[2], ref.dEdR)).toBeLessThan(3e-3);
      }
      // Dipole m = 2 Ms_eff pi R^2 T against a half-plane of dipoles Ms_eff T per area:
      // E = mu0 m Ms_eff T / (2 pi h) = mu0 Ms_eff^2 R^2 T^2 / h. At h = 6 um the finite thickness
      // changes it by O(T^2/h^2) = 0.2 % and the wall (reversed area) by 0.6 %: tolerance 1.5 %.
      const h = 6e-6;
      const e = edgeInteraction(stack, h, R);
      const lim = (MU0 * MsEff ** 2 * R * R * T * T) / h;
      expect(rel(e.energy, lim)).toBeLessThan(0.015);
      expect(rel(e.force, lim / h)).toBeLessThan(0.015);
    });
  });
});

describe('crowding shrink in the skyrmion gas', () => {
  // Song et al.: 41 skyrmions in the active disk (radius 1.5 um, preset estimate) at the end of
  // potentiation; hexagonal packing at that density has the spacing a = sqrt(2 A_act / (sqrt(3) 41)).
  const a = Math.sqrt((2 * Math.PI * 1.5e-6 ** 2) / (Math.sqrt(3) * 41));
  let sk: SkyrmionAtField;
  let gas: SkyrmionGas;
  let dev: ReturnType<typeof loadSkyrmionSynapse>;
  const x = new Float64Array(14);
  beforeAll(() => {
    // Edges 0.25 mm away: an infinite film (edge shrink < 1e-3 R0), to isolate the crowding.
    dev = loadSkyrmionSynapse('song2020', [
      'trackWidth=0.5 mm',
      'armWidth=0 m',
      'Ms=291.4 kA/m',
      'Ku=152.74 kJ/m^3',
    ]);
    sk = skyrmionAtField(dev, dev.params.fieldPotentiation);
    const st = { pinX: new Float64Array(0), pinY: new Float64Array(0) } as unknown as SynapseStatics;
    gas = new SkyrmionGas(dev, st, sk);
  });
  const hexagon = (spacing: number) => {
    gas.n = 7;
    x[0] = 0;
    x[1] = 0;
    for (let j = 0; j < 6; j++) {
      x[2 + 2 * j] = spacing * Math.cos((j * Math.PI) / 3);
      x[3 + 2 * j] = spacing * Math.sin((j * Math.PI) / 3);
    }
    for (let i = 0; i < 7; i++) gas.radius[i] = sk.radius;
  };

  it('shrinks an isolated skyrmion only by the far edges and pushes pairs apart with -dE/dd', () => {
    // Edges at h = W/2 = 0.25 mm: dE_edge/dR = 2 mu0 Ms_eff^2 R T^2 / h each (far field (5) for
    // h >> T), a shrink of 2 x that / k_R = 0.2 nm. Tolerance 2 % (wall correction of the area).
    gas.n = 1;
    x[0] = 0;
    x[1] = 0;
    gas.radius[0] = sk.radius;
    gas.updateRadii(x);
    const edgeShrink = (2 * (2 * MU0 * MsEff ** 2 * sk.radius * T * T)) / 0.25e-3 / sk.radialStiffness;
    expect(rel(sk.radius - gas.radius[0], edgeShrink)).toBeLessThan(0.02);
    gas.n = 2;
    x[2] = a;
    x[3] = 0;
    gas.radius[1] = sk.radius;
    gas.radius[0] = sk.radius;
    gas.configure(sk, 0, 300);
    const f = new Float64Array(4);
    gas.forces(x, f);
    const p = { ...stack, Ms: 291.4e3, radius: sk.radius, wallWidth: sk.wallWidth };
    const ref = pairInteraction(p, a, sk.radius, sk.radius);
    expect(rel(-f[0], ref.force)).toBeLessThan(3e-3);
    expect(rel(f[2], ref.force)).toBeLessThan(3e-3);
  });

  it('shrinks the centre of a hexagon by sum dE/dR / k_R (first sweep = direct quadrature)', () => {
    // First Gauss-Seidel sweep with all radii at R0: the centre (updated first) gets exactly
    // R0 - 6 dE_int(s; R0, R0)/dR1 / k_R (+ the 0.2 nm edge shrink); compared with the direct
    // quadrature (table error < 0.3 %). Spacing 1.5 a keeps it above the R0/2 floor.
    const s = 1.5 * a;
    hexagon(s);
    gas.updateRadii(x, 1);
    const p = { ...stack, radius: sk.radius, wallWidth: sk.wallWidth };
    const edgeShrink = (2 * (2 * MU0 * MsEff ** 2 * sk.radius * T * T)) / 0.25e-3 / sk.radialStiffness;
    const first = (6 * pairInteraction(p, s, sk.radius, sk.radius).dEdR1) / sk.radialStiffness + edgeShrink;
    expect(rel(sk.radius - gas.radius[0], first)).toBeLessThan(3e-3);
  });

  it('reaches the self-consistent crowded sizes at the dense packing of Song et al.', () => {
    // Spacing a (41 skyrmions in the active disk). After the sweeps every radius satisfies
    // R_i = R0 - sum_k dE(d_ik; R_i, R_k)/dR_i / k_R with dE/dR_i from the direct quadrature at the
    // final radii (no interpolation): 2 % of the shrink (interpolation in R, convergence).
    hexagon(a);
    gas.updateRadii(x, 6);
    const p = { ...stack, radius: sk.radius, wallWidth: sk.wallWidth };
    const edgeShrink = (2 * (2 * MU0 * MsEff ** 2 * sk.radius * T * T)) / 0.25e-3 / sk.radialStiffness;
    let press = 0;
    for (let k = 1; k < 7; k++) press += pairInteraction(p, a, gas.radius[0], gas.radius[k]).dEdR1;
    const shrink = press / sk.radialStiffness + edgeShrink;
    expect(gas.radius[0]).toBeGreaterThan(0.5 * sk.radius); // above the floor: a real fixed point
    expect(rel(sk.radius - gas.radius[0], shrink)).toBeLessThan(0.02);
    // The neighbours (3 neighbours each) shrink less than the centre.
    expect(gas.radius[1]).toBeGreaterThan(gas.radius[0]);
  });

  it('flags a skyrmion pressed beyond the largest restoring force of its energy as collapsing', () => {
    // collapsePressure = max over R < R0 of -dE/dR (multilayer model, fixed w), scanned in
    // skyrmionAtField on a 0.02 R0 grid; an independent 0.005 R0 scan near the maximum agrees to
    // 1 % (the maximum is flat: a grid offset of 0.01 R0 changes it by < 0.5 %).
    const p = multilayerParameters(dev, dev.params.fieldPotentiation);
    const w = sk.wallWidth;
    const h = 0.002 * sk.radius;
    let best = 0;
    for (let f = 0.5; f <= 0.8; f += 0.005) {
      const R = f * sk.radius;
      best = Math.max(best, -(ansatzEnergy(p, R + h, w).total - ansatzEnergy(p, R - h, w).total) / (2 * h));
    }
    expect(rel(sk.collapsePressure, best)).toBeLessThan(0.01);
    // The gas records the pressure behind each radius: R_i = R0 - pressure_i / k_R above the floor.
    hexagon(1.5 * a);
    gas.updateRadii(x);
    for (let i = 0; i < 7; i++)
      expect(rel(sk.radius - gas.radius[i], gas.pressure[i] / sk.radialStiffness)).toBeLessThan(1e-12);
    gas.n = 1;
    x[0] = 0;
    x[1] = 0;
    gas.updateRadii(x);
    expect(gas.overCompressed(0)).toBe(false);
  });

  it('reports isolated and dense sizes of a direct configuration (crowdedDiameters)', () => {
    // Wiring of the validation helper: spacing from the density, isolated = 2 R0 up to the 0.5 mm
    // edges (< 0.3 %), the dense patch smaller on average and smallest in the middle.
    const c = crowdedDiameters(dev, sk);
    expect(rel(c.spacing_m, a)).toBeLessThan(1e-12);
    expect(rel(c.isolated_diameter_m, 2 * sk.radius)).toBeLessThan(3e-3);
    expect(c.dense_mean_diameter_m).toBeLessThan(c.isolated_diameter_m);
    expect(c.dense_centre_diameter_m).toBeLessThanOrEqual(c.dense_mean_diameter_m);
    expect(rel(c.track_isolated_diameter_m, c.isolated_diameter_m)).toBeLessThan(3e-3);
  });
});
