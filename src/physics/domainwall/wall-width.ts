/**
 * The wall width as a third collective coordinate: the (q, phi, Delta) model (optional extension
 * of wall1d.ts; the device simulator keeps Delta rigid).
 *
 * Sources: A. Thiaville, Y. Nakatani, J. Miltat, Y. Suzuki, EPL 69, 990 (2005); A. Mougin,
 * M. Cormier, J. P. Adam, P. J. Metaxas, J. Ferre, EPL 78, 57007 (2007), Eqs. (2)-(4);
 * Malozemoff & Slonczewski (1979) for the Lagrangian with a variable width.
 *
 * Bloch-profile ansatz theta(x) = 2 atan(exp((x - q) / Delta)), in-plane angle phi. Wall energy per
 * area (symbols as in wall1d.ts; A exchange stiffness, Keff effective anisotropy, D DMI):
 *   sigma(Delta, phi) = 2 A / Delta + 2 Keff Delta + 2 Delta K_D(Delta) cos^2 phi - pi D cos phi
 *                       - pi Delta mu0 Ms (Hx cos phi + Hy sin phi)
 * K_D(Delta) is the wall shape anisotropy: either Tarasenko's thin-film form
 *   K_D = mu0 Ms^2 N_x / 2, N_x = t ln2 / (pi Delta)  (Tarasenko et al. JMMM 189, 19 (1998)),
 * for which 2 Delta K_D is independent of Delta (the default, consistent with wall1d.ts), or a
 * constant K_D (the textbook model of Thiaville 2005 / Mougin 2007).
 *
 * Rayleigh dissipation per area, R = (alpha mu0 Ms / (2 gamma0)) integral |dm/dt|^2 dx
 *   = (alpha mu0 Ms / (2 gamma0)) [2 qdot^2 / Delta + 2 Delta phidot^2 + (pi^2 / 6) Deltadot^2 / Delta],
 * so the q and phi equations of wall1d.ts hold with the instantaneous Delta, and Delta (which has no
 * gyrotropic partner in this ansatz) relaxes by
 *   (pi^2 / 6) (alpha mu0 Ms / gamma0) Deltadot / Delta = - d sigma / d Delta
 *   => Deltadot = -(6 gamma0 Delta / (pi^2 alpha mu0 Ms)) d sigma / d Delta, with
 *      d sigma / d Delta = -2 A / Delta^2 + 2 Keff + 2 K'_D cos^2 phi - pi mu0 Ms (Hx cos phi + Hy sin phi)
 * and K'_D = d(Delta K_D)/d Delta (0 for Tarasenko, K_D for constant K_D). For constant K_D and
 * Hx = Hy = 0 this is Deltadot = (12 gamma0 / (alpha pi^2 mu0 Ms)) [A / Delta - Delta (Keff +
 * K_D cos^2 phi)], Mougin 2007 Eq. (4) (their sin^2 is our cos^2: phi = 0 is Neel here).
 *
 * Steady state below Walker breakdown (no DMI, no SOT): sin 2 phi* = -2 Hz / (alpha H_K),
 * Delta* = sqrt(A / (Keff + K'_D cos^2 phi*)), v = gamma0 Delta* Hz / alpha (Mougin 2007). Thermal
 * noise is not included in this extension.
 */
import { MU0 } from '../../units/constants.js';
import { ParameterError } from '../../util/errors.js';

export type WallDemagModel = 'tarasenko' | 'constant';

export interface WallWidthParameters {
  /** Saturation magnetization [A/m]. */
  Ms: number;
  /** Exchange stiffness [J/m]. */
  exchange: number;
  /** Effective perpendicular anisotropy Keff [J/m^3] (> 0). */
  Keff: number;
  /** DMI constant D [J/m^2]. */
  D: number;
  alpha: number;
  /** Gyromagnetic ratio [rad/(s T)]. */
  gamma: number;
  /** Magnetic thickness t [m]. */
  thickness: number;
  /** Shape-anisotropy model of the wall. */
  demag: WallDemagModel;
  /** K_D [J/m^3] for demag = 'constant' (ignored for 'tarasenko'). */
  constantKD?: number;
}

export function checkWallWidthParameters(p: WallWidthParameters): WallWidthParameters {
  if (!(p.Ms > 0)) throw new ParameterError('Ms', p.Ms, 'Ms > 0 A/m');
  if (!(p.exchange > 0)) throw new ParameterError('exchange', p.exchange, 'A > 0 J/m');
  if (!(p.Keff > 0)) throw new ParameterError('Keff', p.Keff, 'Keff > 0 J/m^3 (perpendicular)');
  if (!(p.alpha > 0)) throw new ParameterError('alpha', p.alpha, 'alpha > 0');
  if (!(p.thickness > 0)) throw new ParameterError('thickness', p.thickness, 't > 0 m');
  if (p.demag === 'constant' && !(p.constantKD !== undefined && p.constantKD >= 0))
    throw new ParameterError('constantKD', p.constantKD, 'K_D >= 0 J/m^3 with demag = constant');
  return p;
}

/** Wall shape anisotropy K_D(Delta) [J/m^3]. */
export function wallShapeAnisotropy(p: WallWidthParameters, Delta: number): number {
  if (p.demag === 'constant') return p.constantKD ?? 0;
  // K_D = mu0 Ms^2 N_x / 2 with N_x = t ln2 / (pi Delta) (Tarasenko 1998)
  return (0.5 * MU0 * p.Ms * p.Ms * p.thickness * Math.log(2)) / (Math.PI * Delta);
}

/** d(Delta K_D)/d Delta [J/m^3]: 0 for Tarasenko (Delta K_D constant), K_D for constant K_D. */
function shapeAnisotropySlope(p: WallWidthParameters): number {
  return p.demag === 'constant' ? (p.constantKD ?? 0) : 0;
}

/** sigma(Delta, phi) [J/m^2] (header). */
export function wallEnergyPerArea(
  p: WallWidthParameters,
  Delta: number,
  phi: number,
  Hx = 0,
  Hy = 0,
): number {
  const c = Math.cos(phi);
  return (
    (2 * p.exchange) / Delta +
    2 * p.Keff * Delta +
    2 * Delta * wallShapeAnisotropy(p, Delta) * c * c -
    Math.PI * p.D * c -
    Math.PI * Delta * MU0 * p.Ms * (Hx * c + Hy * Math.sin(phi))
  );
}

/** d sigma / d Delta [J/m^3]. */
export function wallEnergyWidthDerivative(
  p: WallWidthParameters,
  Delta: number,
  phi: number,
  Hx = 0,
  Hy = 0,
): number {
  const c = Math.cos(phi);
  return (
    (-2 * p.exchange) / (Delta * Delta) +
    2 * p.Keff +
    2 * shapeAnisotropySlope(p) * c * c -
    Math.PI * MU0 * p.Ms * (Hx * c + Hy * Math.sin(phi))
  );
}

/** d sigma / d phi [J/m^2]. */
export function wallEnergyAngleDerivative(
  p: WallWidthParameters,
  Delta: number,
  phi: number,
  Hx = 0,
  Hy = 0,
): number {
  const KD = wallShapeAnisotropy(p, Delta);
  return (
    -2 * Delta * KD * Math.sin(2 * phi) +
    Math.PI * p.D * Math.sin(phi) +
    Math.PI * Delta * MU0 * p.Ms * (Hx * Math.sin(phi) - Hy * Math.cos(phi))
  );
}

/**
 * Rates of (q, phi, Delta). `force` is -(1/S) dE/dq per area [J/m^3] from pinning and Zeeman
 * (2 mu0 Ms Hz for a uniform field), HSL the damping-like SOT field [A/m]. Writes qdot, phidot,
 * Deltadot into out[0..2]. Same q, phi equations as wall1d.ts (wallRates) divided by S:
 *   alpha qdot / Delta + phidot = (gamma0 / (2 mu0 Ms)) force + gamma0 (pi/2) H_SL cos phi
 *   qdot / Delta - alpha phidot = (gamma0 / (2 mu0 Ms Delta)) d sigma / d phi
 *   Deltadot = -(6 gamma0 Delta / (pi^2 alpha mu0 Ms)) d sigma / d Delta
 */
export function wallWidthRates(
  p: WallWidthParameters,
  phi: number,
  Delta: number,
  force: number,
  HSL: number,
  Hx: number,
  Hy: number,
  out: Float64Array,
): void {
  if (!(Delta > 0)) throw new ParameterError('Delta', Delta, 'a wall width > 0 m');
  const g0 = p.gamma * MU0;
  const k = g0 / (2 * MU0 * p.Ms);
  const A = k * force + g0 * (Math.PI / 2) * HSL * Math.cos(phi);
  const B = (k / Delta) * wallEnergyAngleDerivative(p, Delta, phi, Hx, Hy);
  const a = p.alpha;
  const inv = 1 / (1 + a * a);
  out[0] = Delta * (a * A + B) * inv;
  out[1] = (A - a * B) * inv;
  out[2] =
    -((6 * g0 * Delta) / (Math.PI * Math.PI * a * MU0 * p.Ms)) *
    wallEnergyWidthDerivative(p, Delta, phi, Hx, Hy);
}

/**
 * Closed-form steady state below Walker breakdown without DMI, SOT or in-plane field (Mougin 2007):
 * sin 2 phi* = -2 Hz / (alpha H_K) with H_K = 2 K_D / (mu0 Ms) at Delta*, Delta* = sqrt(A / (Keff +
 * K'_D cos^2 phi*)), v = gamma0 Delta* Hz / alpha. Returns undefined above the Walker field.
 */
export function steadyWallWithWidth(
  p: WallWidthParameters,
  Hz: number,
): { phi: number; Delta: number; velocity: number } | undefined {
  if (p.D !== 0) throw new ParameterError('D', p.D, '0 (the closed form holds without DMI)');
  const g0 = p.gamma * MU0;
  if (p.demag === 'constant') {
    const HK = (2 * (p.constantKD ?? 0)) / (MU0 * p.Ms);
    const s = (-2 * Hz) / (p.alpha * HK);
    if (Math.abs(s) > 1) return undefined;
    // branch continuous with the Bloch wall phi = pi/2 at Hz = 0
    const phi = Math.PI / 2 - 0.5 * Math.asin(s);
    const c = Math.cos(phi);
    const Delta = Math.sqrt(p.exchange / (p.Keff + (p.constantKD ?? 0) * c * c));
    return { phi, Delta, velocity: (g0 * Delta * Hz) / p.alpha };
  }
  // Tarasenko: Delta* = sqrt(A / Keff) for any phi; H_K evaluated there.
  const Delta = Math.sqrt(p.exchange / p.Keff);
  const HK = (2 * wallShapeAnisotropy(p, Delta)) / (MU0 * p.Ms);
  const s = (-2 * Hz) / (p.alpha * HK);
  if (Math.abs(s) > 1) return undefined;
  const phi = Math.PI / 2 - 0.5 * Math.asin(s);
  return { phi, Delta, velocity: (g0 * Delta * Hz) / p.alpha };
}
