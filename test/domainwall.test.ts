import { describe, expect, it } from 'vitest';
import { StochasticHeun } from '../src/integrate/heun.js';
import { createRng } from '../src/random/index.js';
import { KB, MU0 } from '../src/units/constants.js';
import { WallLangevin, type WallEnvironment } from '../src/physics/domainwall/langevin.js';
import {
  equilibriumWallAngle,
  fieldDrivenVelocity,
  spinHallField,
  steadySotVelocity,
  walkerField,
  wallAngleStiffness,
  wallGyroCoefficient,
  type WallParameters,
} from '../src/physics/domainwall/wall1d.js';
import { langerEscapeRate } from '../src/physics/thermal/kramers.js';
import {
  pinningEnergy,
  trackWidthCurvature,
  trackWidthSlope,
  type TrackProfile,
} from '../src/physics/domainwall/track.js';

// CoFeB-like wall (ta-cofeb-mgo preset values, 300 nm track).
const base: WallParameters = {
  Ms: 1.1e6,
  Delta: 8.666e-9,
  alpha: 0.1,
  gamma: 1.76085963023e11,
  thickness: 1.3e-9,
  width: 300e-9,
  HK: 3.64e4,
  HD: 0,
};
const S = (p: WallParameters) => p.thickness * p.width;

function env(
  p: WallParameters,
  o: { Hz?: number; HSL?: number; T?: number; slope?: (q: number) => number },
): WallEnvironment {
  const zeeman = -2 * MU0 * p.Ms * (o.Hz ?? 0) * S(p);
  return {
    energySlope: (_t, q) => zeeman + (o.slope ? o.slope(q) : 0),
    spinHallField: () => o.HSL ?? 0,
    inPlaneX: () => 0,
    inPlaneY: () => 0,
    temperature: () => o.T ?? 0,
  };
}

/** Mean velocity over [t1, t2] of a deterministic run from the equilibrium angle. */
function meanVelocity(p: WallParameters, e: WallEnvironment, t1: number, t2: number, dt: number): number {
  const x = new Float64Array([0, equilibriumWallAngle(p)]);
  const heun = new StochasticHeun(new WallLangevin(p, e), createRng(0));
  heun.integrate(x, 0, t1, dt);
  const q1 = x[0];
  heun.integrate(x, t1, t2, dt);
  return (x[0] - q1) / (t2 - t1);
}

describe('collective-coordinate wall: closed forms', () => {
  // Deterministic (T = 0) Heun with dt = 1 ps: the phase error per precession period is far
  // below 1e-3, so 1 % (steady) and 2 % (precessional mean, averaged over a finite window) hold.
  it('steady field-driven velocity below Walker: v = gamma0 Delta Hz / alpha (1 %)', () => {
    const HW = walkerField(base);
    const Hz = 0.8 * HW;
    const v = meanVelocity(base, env(base, { Hz }), 20e-9, 40e-9, 1e-12);
    expect(v / fieldDrivenVelocity(base, Hz)).toBeCloseTo(1, 2);
    expect(Math.abs(v / ((base.gamma * MU0 * base.Delta * Hz) / base.alpha) - 1)).toBeLessThan(0.01);
  });

  it('Walker field alpha H_K / 2 separates steady and precessional motion; <v> above it matches (2 %)', () => {
    const HW = walkerField(base);
    expect(HW).toBeCloseTo((0.1 * 3.64e4) / 2, 6);
    const below = meanVelocity(base, env(base, { Hz: 0.99 * HW }), 30e-9, 60e-9, 1e-12);
    const above = meanVelocity(base, env(base, { Hz: 3 * HW }), 20e-9, 120e-9, 1e-12);
    expect(Math.abs(below / fieldDrivenVelocity(base, 0.99 * HW) - 1)).toBeLessThan(0.01);
    expect(Math.abs(above / fieldDrivenVelocity(base, 3 * HW) - 1)).toBeLessThan(0.02);
    // velocity drops above breakdown (negative differential mobility)
    expect(above).toBeLessThan(fieldDrivenVelocity(base, HW) * 1.0001);
  });

  it('steady SOT velocity of a Neel wall (H_K -> 0) matches Thiaville 2012 Eq. 3 (1 %)', () => {
    const p = { ...base, HK: 0, HD: 3e4, alpha: 0.3 };
    const HSL = spinHallField(-0.12, -5e11, p.Ms, p.thickness);
    const v = meanVelocity(p, env(p, { HSL }), 20e-9, 40e-9, 1e-12);
    expect(Math.abs(v / steadySotVelocity(p, HSL) - 1)).toBeLessThan(0.01);
    expect(Math.abs(v)).toBeGreaterThan(1);
  });

  it('direction of SOT motion follows sign(thetaSH) x sign(D)', () => {
    const J = 5e11;
    for (const theta of [-0.12, 0.12])
      for (const HD of [-3e4, 3e4]) {
        const p = { ...base, HK: 2e4, HD, alpha: 0.1 };
        const v = meanVelocity(
          p,
          env(p, { HSL: spinHallField(theta, J, p.Ms, p.thickness) }),
          10e-9,
          20e-9,
          2e-12,
        );
        expect(Math.sign(v)).toBe(Math.sign(theta) * Math.sign(HD));
      }
  });
});

describe('thermal noise (fluctuation-dissipation)', () => {
  it('<q^2> = kB T / k in a harmonic well (8 %)', () => {
    // E = k q^2 / 2 with k chosen so sqrt(kT/k) = 2 nm. The correlation time of q is
    // tau = c (1 + alpha^2) / (alpha Delta k) = 1.4 ns here; 3 us of sampling gives a relative
    // standard error sqrt(2 tau / 3 us) = 3 % on <q^2>; tolerance 8 % (about 2.7 sigma).
    const p = { ...base, alpha: 0.5, HD: 1e4 };
    const T = 300;
    const k = (KB * T) / 2e-9 ** 2;
    const sys = new WallLangevin(p, env(p, { T, slope: (q) => k * q }));
    const heun = new StochasticHeun(sys, createRng('harmonic'));
    const x = new Float64Array([0, equilibriumWallAngle(p)]);
    const dt = 2e-12;
    heun.integrate(x, 0, 20e-9, dt);
    let sum = 0;
    let n = 0;
    heun.integrate(x, 20e-9, 3.02e-6, dt, (_t, y) => {
      sum += y[0] * y[0];
      n++;
    });
    expect(Math.abs(sum / n / ((KB * T) / k) - 1)).toBeLessThan(0.08);
  });

  it('escape over a tilted notch follows the Langer/Kramers rate (25 %)', () => {
    // Cubic well E(q) = a q^2/2 - b q^3/3: minimum at 0, saddle at a/b, barrier a^3/(6 b^2).
    // Barrier 6 kB T, alpha = 1 (moderate damping, where Langer's formula holds); 150 escapes give
    // a 8 % statistical error on the mean first-passage time, and the O(kT/DeltaE) finite-barrier
    // correction is ~ 10-15 %, hence 25 %.
    const p = { ...base, alpha: 1, HD: 1e4, HK: 3e4 };
    const T = 300;
    const qs = 3e-9;
    const a = (6 * KB * T * 6) / qs ** 2; // barrier a qs^2 / 6 = 6 kT
    const b = a / qs;
    const sys = new WallLangevin(p, env(p, { T, slope: (q) => a * q - b * q * q }));
    const phi0 = equilibriumWallAngle(p);
    const c = wallGyroCoefficient(p);
    const rate = langerEscapeRate({
      c,
      alpha: p.alpha,
      Delta: p.Delta,
      Eqq_min: a,
      Eqq_saddle: -a,
      Epp: S(p) * wallAngleStiffness(p, phi0, 0, 0),
      barrier: (a * qs * qs) / 6,
      temperature: T,
    });
    const rng = createRng('kramers');
    const dt = 2e-12;
    let total = 0;
    const N = 150;
    for (let i = 0; i < N; i++) {
      const heun = new StochasticHeun(sys, rng.fork('escape', i));
      const x = new Float64Array([0, phi0]);
      const t = heun.integrate(x, 0, 1e-3, dt, (_t, y) => y[0] < 2 * qs);
      total += t;
    }
    const mfpt = total / N;
    expect(Math.abs(mfpt * rate - 1)).toBeLessThan(0.25);
  }, 60000);

  it('escape from a Gaussian notch of the width profile, tilted by Hz, follows Langer (25 %)', () => {
    // Notch d = 4 nm, s = 2 nm in a 50 nm track (narrow, so escapes are fast to simulate): E(q) = sigma t w(q) - 2 mu0 Ms Hz S q. Hz is
    // chosen so the tilted barrier is about 6 kB T; the minimum and saddle are found by bisection
    // of dE/dq. alpha = 1 and 150 escapes as in the cubic test: tolerance 25 %.
    const p = { ...base, alpha: 1, HD: 1e4, HK: 3e4, width: 50e-9 };
    const T = 300;
    const sigma = 6.7665e-3;
    const track: TrackProfile = {
      width: p.width,
      length: 1e-6,
      notches: [{ position: 0, depth: 4e-9, length: 3e-9 }],
    };
    const F0 = 2 * MU0 * p.Ms * S(p);
    const slope = (Hz: number) => (q: number) => sigma * p.thickness * trackWidthSlope(track, q) - F0 * Hz;
    const energy = (Hz: number, q: number) => pinningEnergy(track, sigma, p.thickness, q) - F0 * Hz * q;
    const root = (f: (q: number) => number, a: number, b: number) => {
      for (let i = 0; i < 200; i++) {
        const m = 0.5 * (a + b);
        if (Math.sign(f(m)) === Math.sign(f(a))) a = m;
        else b = m;
      }
      return 0.5 * (a + b);
    };
    const sMax = 2e-9; // largest slope of the Gaussian at q = s
    const barrierAt = (Hz: number) => {
      const f = slope(Hz);
      const qMin = root(f, -sMax, sMax);
      const qSad = root(f, sMax, 10 * sMax);
      return { qMin, qSad, dE: energy(Hz, qSad) - energy(Hz, qMin) };
    };
    const Hz = root(
      (h) => barrierAt(h).dE - 6 * KB * T,
      0,
      (sigma * p.thickness * 4e-9) / (2e-9 * Math.sqrt(Math.E)) / F0,
    );
    const { qMin, qSad, dE } = barrierAt(Hz);
    expect(dE / (KB * T)).toBeCloseTo(6, 3);
    const phi0 = equilibriumWallAngle(p);
    const curv = (q: number) => sigma * p.thickness * trackWidthCurvature(track, q);
    const rate = langerEscapeRate({
      c: wallGyroCoefficient(p),
      alpha: p.alpha,
      Delta: p.Delta,
      Eqq_min: curv(qMin),
      Eqq_saddle: curv(qSad),
      Epp: S(p) * wallAngleStiffness(p, phi0, 0, 0),
      barrier: dE,
      temperature: T,
    });
    const f = slope(Hz);
    const sys = new WallLangevin(p, env(p, { T, slope: f }));
    const rng = createRng('notch-kramers');
    const qExit = qSad + 4e-9;
    let total = 0;
    const N = 150;
    for (let i = 0; i < N; i++) {
      const heun = new StochasticHeun(sys, rng.fork('escape', i));
      const x = new Float64Array([qMin, phi0]);
      total += heun.integrate(x, 0, 1e-3, 2e-12, (_t, y) => y[0] < qExit);
    }
    const ratio = (total / N) * rate;
    expect(Math.abs(ratio - 1), `MFPT x Langer rate = ${ratio}`).toBeLessThan(0.25);
  }, 60000);
});
