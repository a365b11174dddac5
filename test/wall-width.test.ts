import { describe, expect, it } from 'vitest';
import { solveOde } from '../src/integrate/index.js';
import { loadMaterial } from '../src/materials/load.js';
import { effectiveAnisotropy } from '../src/materials/derived.js';
import { MU0 } from '../src/units/constants.js';
import { gamma0, wallGyroCoefficient, wallRates } from '../src/physics/domainwall/wall1d.js';
import {
  steadyWallWithWidth,
  wallEnergyPerArea,
  wallEnergyWidthDerivative,
  wallShapeAnisotropy,
  wallWidthRates,
  type WallWidthParameters,
} from '../src/physics/domainwall/wall-width.js';
import { wallParametersFor } from '../src/devices/dwmtj-model.js';

const mat = loadMaterial('ta-cofeb-mgo');
const width = 300e-9;
const base: WallWidthParameters = {
  Ms: mat.Ms,
  exchange: mat.A,
  Keff: effectiveAnisotropy(mat),
  D: mat.D,
  alpha: mat.alpha,
  gamma: mat.gamma,
  thickness: mat.thickness,
  demag: 'tarasenko',
};
const Delta0 = Math.sqrt(base.exchange / base.Keff);

/**
 * Integrate (q, phi, ln Delta) under a uniform Hz (force 2 mu0 Ms Hz per area) from a Bloch wall.
 * The width relaxes far faster than the angle (stiff), so the explicit integrator gets a step
 * bound of a fraction of the width relaxation time `tDelta`; ln Delta keeps trial stages positive.
 * Returns [q, phi, Delta].
 */
function run(p: WallWidthParameters, Hz: number, Delta: number, t1: number, tDelta: number) {
  const out = new Float64Array(3);
  const force = 2 * MU0 * p.Ms * Hz;
  const r = solveOde(
    (_t, y) => {
      const D = Math.exp(y[2]);
      wallWidthRates(p, y[1], D, force, 0, 0, 0, out);
      return [out[0], out[1], out[2] / D];
    },
    0,
    [0, Math.PI / 2, Math.log(Delta)],
    t1,
    { rtol: 1e-10, atol: 1e-12, maxSteps: 2_000_000, initialStep: 0.01 * tDelta, maxStep: 0.5 * tDelta },
  );
  return [r.y[0], r.y[1], Math.exp(r.y[2])];
}

/** Width relaxation time 1 / (24 gamma0 Keff / (pi^2 alpha mu0 Ms)) (linearized Deltadot). */
const widthTime = (p: WallWidthParameters) =>
  (Math.PI * Math.PI * p.alpha * MU0 * p.Ms) / (24 * p.gamma * MU0 * p.Keff);

describe('(q, phi, Delta) wall: the width as a third coordinate', () => {
  it('with the Tarasenko wall anisotropy it reduces to the rigid (q, phi) model at Delta = sqrt(A/Keff)', () => {
    // Delta K_D is then independent of Delta, so d sigma/d Delta = -2A/Delta^2 + 2 Keff = 0 at
    // Delta0 and the q, phi rates equal wallRates (wall1d.ts) term by term (1e-12 relative).
    const w = wallParametersFor(mat, width);
    expect(w.Delta).toBeCloseTo(Delta0, 20);
    expect(wallEnergyWidthDerivative(base, Delta0, 0.3)).toBeCloseTo(0, 6);
    const c = wallGyroCoefficient(w);
    const S = w.thickness * w.width;
    const a = new Float64Array(2);
    const b = new Float64Array(3);
    for (const [phi, force, HSL, Hx] of [
      [0.3, 2 * MU0 * mat.Ms * 300, 1e4, 0],
      [-1.2, -5e3, -2e4, 0],
      [2.5, 0, 3e4, 0],
    ]) {
      wallRates(w, c, gamma0(w), phi, -force * S, HSL, Hx, 0, 0, 0, a);
      wallWidthRates(base, phi, Delta0, force, HSL, Hx, 0, b);
      expect(Math.abs(b[0] / a[0] - 1)).toBeLessThan(1e-12);
      expect(Math.abs(b[1] / a[1] - 1)).toBeLessThan(1e-12);
      expect(Math.abs(b[2])).toBeLessThan(1e-9 * Math.abs(b[0]));
    }
    // K_D from Tarasenko equals the rigid model's mu0 Ms H_K / 2
    expect(wallShapeAnisotropy(base, Delta0) / (0.5 * MU0 * w.Ms * w.HK)).toBeCloseTo(1, 12);
  });

  it('constant K_D: steady state below Walker matches Mougin 2007 (Delta*, phi*, v = gamma0 Delta* Hz / alpha)', () => {
    // Textbook model (constant wall anisotropy; no DMI): sin 2phi* = -2 Hz/(alpha H_K),
    // Delta* = sqrt(A / (Keff + K_D cos^2 phi*)). alpha = 0.3 keeps the width relaxation
    // (~ alpha pi^2 Ms / (24 gamma0 Keff)) and the angle relaxation (~ 1/(alpha gamma0 H_K)) within
    // a ratio the explicit integrator handles; the closed form holds for any alpha. After 40 angle
    // relaxation times the transient is below e^-40, so 1e-6 relative is an integration tolerance.
    const KD = wallShapeAnisotropy(base, Delta0);
    const p: WallWidthParameters = { ...base, D: 0, alpha: 0.3, demag: 'constant', constantKD: KD };
    const HK = (2 * KD) / (MU0 * p.Ms);
    const Hz = 0.6 * 0.5 * p.alpha * HK;
    const ref = steadyWallWithWidth(p, Hz);
    expect(ref).toBeDefined();
    if (!ref) return;
    expect(ref.Delta).toBeLessThan(Delta0); // the moving wall is tilted toward Neel and narrower
    const tPhi = 1 / (p.alpha * p.gamma * MU0 * HK);
    const y = run(p, Hz, Delta0, 40 * tPhi, widthTime(p));
    const rates = new Float64Array(3);
    wallWidthRates(p, y[1], y[2], 2 * MU0 * p.Ms * Hz, 0, 0, 0, rates);
    expect(Math.abs(y[2] / ref.Delta - 1)).toBeLessThan(1e-6);
    expect(Math.abs(y[1] - ref.phi)).toBeLessThan(1e-6);
    expect(Math.abs(rates[0] / ref.velocity - 1)).toBeLessThan(1e-6);
    // energy of the steady wall vs the static Bloch wall: Delta* minimises sigma at phi*
    const s0 = wallEnergyPerArea(p, ref.Delta, ref.phi);
    expect(wallEnergyPerArea(p, ref.Delta * 1.01, ref.phi)).toBeGreaterThan(s0);
    expect(wallEnergyPerArea(p, ref.Delta * 0.99, ref.phi)).toBeGreaterThan(s0);
  });

  it('Tarasenko K_D: the steady width stays sqrt(A/Keff) at the material damping (rigid-width simulator justified)', () => {
    const p: WallWidthParameters = { ...base, D: 0 };
    const KD = wallShapeAnisotropy(p, Delta0);
    const HK = (2 * KD) / (MU0 * p.Ms);
    const Hz = 0.6 * 0.5 * p.alpha * HK;
    const ref = steadyWallWithWidth(p, Hz);
    expect(ref?.Delta).toBeCloseTo(Delta0, 20);
    // start 5 % off: the width relaxes in alpha pi^2 mu0 Ms / (24 gamma0 Keff) = 0.19 ps at alpha = 0.015
    const y = run(p, Hz, 1.05 * Delta0, 0.2e-9, widthTime(p));
    expect(widthTime(p)).toBeLessThan(1e-12);
    expect(Math.abs(y[2] / Delta0 - 1)).toBeLessThan(1e-6);
  });
});
