import { describe, expect, it } from 'vitest';
import {
  EMERGENT_FLUX_QUANTUM,
  emergentField,
  hallResistivity,
  hallResistivityWithTerms,
  ordinaryHallResistivity,
  topologicalHallResistivity,
} from '../src/physics/readout/hall.js';

describe('Hall readout: ordinary and topological terms', () => {
  it('uses one emergent flux quantum h/e per skyrmion', () => {
    // h/e = 4.135667696e-15 Wb (CODATA 2018, exact since the 2019 SI).
    expect(Math.abs(EMERGENT_FLUX_QUANTUM / 4.135667696e-15 - 1)).toBeLessThan(1e-9);
    // One skyrmion per (100 nm)^2 with Q = -1: B_eff = -(h/e) 1e14 m^-2 = -0.41357 T.
    expect(emergentField(1e14)).toBeCloseTo(-0.4135667696, 9);
    expect(emergentField(1e14, 1)).toBeCloseTo(0.4135667696, 9);
  });

  it('gives a topological term linear in the skyrmion density, rho_T = P R0 Q (h/e) n', () => {
    const R0 = 1.5e-10; // m^3/C
    const P = 0.2;
    const n = 41 / (Math.PI * 1.5e-6 ** 2); // Song's dense state in the active disk
    const r1 = topologicalHallResistivity(R0, P, n);
    expect(r1).toBeCloseTo(P * R0 * -EMERGENT_FLUX_QUANTUM * n, 25);
    // Exactly linear, zero at zero density.
    expect(topologicalHallResistivity(R0, P, 2 * n) / r1).toBeCloseTo(2, 12);
    expect(Math.abs(topologicalHallResistivity(R0, P, 0))).toBe(0);
    // Per skyrmion in the active area A: P R0 Q (h/e) / A.
    const A = Math.PI * 1.5e-6 ** 2;
    const perSk = (topologicalHallResistivity(R0, P, 10 / A) - topologicalHallResistivity(R0, P, 9 / A)) * A;
    expect(Math.abs(perSk / (P * R0 * -EMERGENT_FLUX_QUANTUM) - 1)).toBeLessThan(1e-12);
  });

  it('adds the ordinary term R0 B and defaults every extra term to zero', () => {
    const rho = 2.5e-9;
    const area = 6e-14;
    const A = 7e-12;
    const areas = new Array(5).fill(area);
    // Defaults: identical to the anomalous-only readout.
    expect(hallResistivityWithTerms(rho, areas, A)).toBe(hallResistivity(rho, areas, A));
    expect(hallResistivityWithTerms(rho, areas, A, { field: 0.14 })).toBe(hallResistivity(rho, areas, A));
    const R0 = 1e-10;
    expect(ordinaryHallResistivity(R0, 0.14)).toBeCloseTo(1.4e-11, 25);
    const total = hallResistivityWithTerms(rho, areas, A, {
      ordinaryCoefficient: R0,
      field: 0.14,
      spinPolarization: 0.3,
    });
    const expected = hallResistivity(rho, areas, A) + R0 * 0.14 + 0.3 * R0 * -EMERGENT_FLUX_QUANTUM * (5 / A);
    expect(total).toBeCloseTo(expected, 24);
    expect(() => topologicalHallResistivity(R0, 2, 1e14)).toThrow(/spinPolarization/);
  });
});
