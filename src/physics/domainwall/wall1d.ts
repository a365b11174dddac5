/**
 * Collective-coordinate (q, phi) model of a domain wall in a perpendicular track.
 *
 * Sources: A. Thiaville, S. Rohart, E. Jue, V. Cros, A. Fert, EPL 100, 57002 (2012), Eqs. (1)-(3);
 * E. Martinez, S. Emori, N. Perez, L. Torres, G. S. D. Beach, JAP 115, 213909 / 17D509 (2014);
 * S. Emori, U. Bauer, S.-M. Ahn, E. Martinez, G. S. D. Beach, Nat. Mater. 12, 611 (2013);
 * Malozemoff & Slonczewski, Magnetic Domain Walls in Bubble Materials (1979).
 *
 * Symbols: q wall position [m], phi in-plane angle of the wall magnetization (phi = 0: Neel wall
 * pointing +x), Delta wall width parameter [m], S = t w0 wall cross-section [m^2],
 * gamma0 = gamma mu0 [m/(A s)], c = 2 mu0 Ms S / gamma0 [J s/m^2].
 *
 * Energy of the wall (J):
 *   E(q, phi) = E_pin(q) - 2 mu0 Ms Hz S q
 *             + S [ 2 Delta K_D cos^2 phi - pi Delta mu0 Ms ((H_D + Hx) cos phi + Hy sin phi) ],
 * with K_D = mu0 Ms H_K / 2 the wall shape anisotropy, H_D = D / (mu0 Ms Delta) the DMI field
 * (Thiaville 2012, Eq. 2), E_pin(q) = sigma t w(q) the pinning energy of the width profile.
 *
 * Equations of motion (Thiaville 2012 Eq. 1 written from the energy so that dE/dt <= 0, with the
 * damping-like SOT as the non-conservative term of Martinez 2014 / Emori 2013):
 *   alpha qdot / Delta + phidot = A,   A = -(1/c) dE/dq + gamma0 (pi/2) H_SL cos phi + xi_q / c
 *   qdot / Delta - alpha phidot = B,   B = +(1/(c Delta)) dE/dphi - xi_phi / (c Delta)
 * so that (1 + alpha^2) qdot / Delta = alpha A + B and (1 + alpha^2) phidot = A - alpha B.
 * H_SL = hbar thetaSH J / (2 e mu0 Ms t) (Thiaville 2012; Emori 2013 Eq. 2). The field-like SOT
 * is a transverse field Hy = chi H_SL (chi = fieldLikeRatio).
 *
 * Thermal noise (fluctuation-dissipation; Martinez, Lopez-Diaz, Torres et al. JPCM 19, 176201
 * (2007)): the friction matrix is diag(c alpha / Delta, c alpha Delta), so the random forces obey
 * <xi_q xi_q> = 2 kB T c alpha / Delta delta(t - t'), <xi_phi xi_phi> = 2 kB T c alpha Delta delta.
 * Both enter A and B with the same amplitude sqrt(2 alpha kB T / (c Delta)) per sqrt(s). The noise
 * is additive, so Stratonovich and Ito coincide and the equilibrium density is exp(-E / kB T).
 */
import { HBAR, E_CHARGE, KB, MU0 } from '../../units/constants.js';
import { ParameterError } from '../../util/errors.js';

export interface WallParameters {
  /** Saturation magnetization [A/m]. */
  Ms: number;
  /** Wall width parameter Delta = sqrt(A / Keff) [m]. */
  Delta: number;
  /** Gilbert damping. */
  alpha: number;
  /** Gyromagnetic ratio [rad/(s T)]. */
  gamma: number;
  /** Magnetic layer thickness t [m]. */
  thickness: number;
  /** Nominal track width w0 [m] (wall cross-section S = t w0). */
  width: number;
  /** Wall shape-anisotropy field H_K = N_x Ms [A/m] (favours Bloch walls). */
  HK: number;
  /** DMI field H_D = D / (mu0 Ms Delta) [A/m], signed with D. */
  HD: number;
}

/** Wall demagnetizing factor N_x = t ln 2 / (pi Delta) (Tarasenko et al. JMMM 189, 19 (1998)). */
export function wallDemagFactor(thickness: number, Delta: number): number {
  return (thickness * Math.log(2)) / (Math.PI * Delta);
}

/** DMI field H_D = D / (mu0 Ms Delta) [A/m] (Thiaville 2012, below Eq. 2). */
export function dmiField(D: number, Ms: number, Delta: number): number {
  return D / (MU0 * Ms * Delta);
}

/** Damping-like SOT field H_SL = hbar thetaSH J / (2 e mu0 Ms t) [A/m] (Emori 2013; Thiaville 2012). */
export function spinHallField(thetaSH: number, J: number, Ms: number, thickness: number): number {
  return (HBAR * thetaSH * J) / (2 * E_CHARGE * MU0 * Ms * thickness);
}

/** gamma0 = gamma mu0 [m/(A s)]. */
export function gamma0(p: WallParameters): number {
  return p.gamma * MU0;
}

/** c = 2 mu0 Ms S / gamma0 [J s / m^2] with S = t w0. */
export function wallGyroCoefficient(p: WallParameters): number {
  return (2 * MU0 * p.Ms * p.thickness * p.width) / gamma0(p);
}

/** Angular part of the wall energy per area sigma_phi(phi) [J/m^2] (see the header). */
export function wallAngleEnergy(p: WallParameters, phi: number, Hx: number, Hy: number): number {
  const KD = 0.5 * MU0 * p.Ms * p.HK;
  const c = Math.cos(phi);
  return 2 * p.Delta * KD * c * c - Math.PI * p.Delta * MU0 * p.Ms * ((p.HD + Hx) * c + Hy * Math.sin(phi));
}

/** d sigma_phi / d phi [J/m^2]. */
export function wallAngleTorque(p: WallParameters, phi: number, Hx: number, Hy: number): number {
  const KD = 0.5 * MU0 * p.Ms * p.HK;
  return (
    -2 * p.Delta * KD * Math.sin(2 * phi) +
    Math.PI * p.Delta * MU0 * p.Ms * ((p.HD + Hx) * Math.sin(phi) - Hy * Math.cos(phi))
  );
}

/** d^2 sigma_phi / d phi^2 [J/m^2]. */
export function wallAngleStiffness(p: WallParameters, phi: number, Hx: number, Hy: number): number {
  const KD = 0.5 * MU0 * p.Ms * p.HK;
  return (
    -4 * p.Delta * KD * Math.cos(2 * phi) +
    Math.PI * p.Delta * MU0 * p.Ms * ((p.HD + Hx) * Math.cos(phi) + Hy * Math.sin(phi))
  );
}

/**
 * Equilibrium wall angle phi0 (minimum of sigma_phi) by a dense scan refined with Newton steps.
 * With |H_D + Hx| >= 2 H_K / pi the wall is Neel (phi0 = 0 or pi); below, intermediate.
 */
export function equilibriumWallAngle(p: WallParameters, Hx = 0, Hy = 0): number {
  let best = 0;
  let bestE = Infinity;
  for (let i = 0; i < 720; i++) {
    const phi = -Math.PI + (i * 2 * Math.PI) / 720;
    const e = wallAngleEnergy(p, phi, Hx, Hy);
    if (e < bestE) {
      bestE = e;
      best = phi;
    }
  }
  for (let k = 0; k < 30; k++) {
    const s = wallAngleStiffness(p, best, Hx, Hy);
    if (!(s > 0)) break;
    const d = wallAngleTorque(p, best, Hx, Hy) / s;
    best -= d;
    if (Math.abs(d) < 1e-14) break;
  }
  return best;
}

/** Walker breakdown field without DMI or in-plane field: H_W = alpha H_K / 2 [A/m] (Schryer & Walker, JAP 45, 5406 (1974)). */
export function walkerField(p: WallParameters): number {
  if (p.HD !== 0)
    throw new ParameterError('HD', p.HD, '0 (the closed form H_W = alpha H_K / 2 holds without DMI)');
  return 0.5 * p.alpha * p.HK;
}

/**
 * Mean field-driven velocity without DMI (Schryer & Walker 1974; Mougin et al. EPL 78, 57007 (2007)):
 *   |Hz| <= H_W: v = gamma0 Delta Hz / alpha
 *   |Hz| >  H_W: <v> = gamma0 Delta / (1 + alpha^2) [alpha Hz + (Hz - sign(Hz) sqrt(Hz^2 - H_W^2)) / alpha]
 */
export function fieldDrivenVelocity(p: WallParameters, Hz: number): number {
  const HW = walkerField(p);
  const g = gamma0(p) * p.Delta;
  if (Math.abs(Hz) <= HW) return (g * Hz) / p.alpha;
  const root = Math.sign(Hz) * Math.sqrt(Hz * Hz - HW * HW);
  return (g / (1 + p.alpha * p.alpha)) * (p.alpha * Hz + (Hz - root) / p.alpha);
}

/**
 * Steady SOT-driven velocity of a DMI-stabilized Neel wall with H_K -> 0 (Thiaville 2012, Eq. 3):
 *   v = (pi/2) gamma0 Delta H_D / sqrt(1 + (alpha H_D / H_SL)^2) * sign(H_SL)
 * (phi from tan phi = H_SL / (alpha H_D) in this sign convention). The sign of v is the sign of
 * H_SL (hence of thetaSH) times the sign of H_D (hence of D).
 */
export function steadySotVelocity(p: WallParameters, HSL: number): number {
  if (HSL === 0) return 0;
  const r = (p.alpha * p.HD) / HSL;
  return (((Math.PI / 2) * gamma0(p) * p.Delta * p.HD) / Math.sqrt(1 + r * r)) * Math.sign(HSL);
}

/** Amplitude sqrt(2 alpha kB T / (c Delta)) [1/s^(1/2)] of the thermal terms of A and B. */
export function thermalAmplitude(p: WallParameters, T: number): number {
  if (!(T >= 0)) throw new ParameterError('temperature', T, 'a temperature >= 0 K');
  return Math.sqrt((2 * p.alpha * KB * T) / (wallGyroCoefficient(p) * p.Delta));
}

/**
 * Right-hand side of the (q, phi) equations for given generalized forces.
 * dEdq [J/m] total energy derivative (pinning and Zeeman), HSL [A/m], Hx, Hy [A/m].
 * Writes qdot into out[0], phidot into out[1]. nA, nB: thermal terms of A and B (rad/s).
 */
export function wallRates(
  p: WallParameters,
  c: number,
  g0: number,
  phi: number,
  dEdq: number,
  HSL: number,
  Hx: number,
  Hy: number,
  nA: number,
  nB: number,
  out: Float64Array,
): void {
  const A = -dEdq / c + g0 * (Math.PI / 2) * HSL * Math.cos(phi) + nA;
  const B = ((p.thickness * p.width) / (c * p.Delta)) * wallAngleTorque(p, phi, Hx, Hy) + nB;
  const a = p.alpha;
  const inv = 1 / (1 + a * a);
  out[0] = p.Delta * (a * A + B) * inv;
  out[1] = (A - a * B) * inv;
}
