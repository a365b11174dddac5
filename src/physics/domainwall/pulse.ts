/**
 * Trapezoidal voltage pulses applied CLK -> IN and the electrical quantities derived from them
 * (Leonard et al., APL 122, 262406 (2023), "Experimental data": 30 ns pulses with 10 ns rise and
 * fall; two-point resistance 1029 Ohm; four-point resistance 365 Ohm).
 */
import { ParameterError } from '../../util/errors.js';

export interface TrapezoidPulse {
  /** Rise time [s]. */
  rise: number;
  /** Plateau duration [s]. */
  plateau: number;
  /** Fall time [s]. */
  fall: number;
}

export interface TrackCircuit {
  /** Two-point resistance CLK -> IN [Ohm] (sets the current). */
  twoPointResistance: number;
  /** Four-point resistance of the DW track [Ohm] (sets the voltage across the track). */
  fourPointResistance: number;
}

export function checkPulse(p: TrapezoidPulse): TrapezoidPulse {
  for (const k of ['rise', 'plateau', 'fall'] as const)
    if (!(p[k] >= 0) || !Number.isFinite(p[k]))
      throw new ParameterError(`pulse.${k}`, p[k], 'a duration >= 0 s');
  if (!(p.rise + p.plateau + p.fall > 0)) throw new ParameterError('pulse', 0, 'a total duration > 0 s');
  return p;
}

/** Pulse duration rise + plateau + fall [s]. */
export function pulseDuration(p: TrapezoidPulse): number {
  return p.rise + p.plateau + p.fall;
}

/** Normalized trapezoid shape s(t) in [0, 1]: V(t) = V s(t). */
export function pulseShape(p: TrapezoidPulse, t: number): number {
  if (t <= 0) return 0;
  if (t < p.rise) return t / p.rise;
  const t1 = p.rise + p.plateau;
  if (t <= t1) return 1;
  const t2 = t1 + p.fall;
  if (t < t2) return (t2 - t) / p.fall;
  return 0;
}

/** Current I = V / R_2pt [A] (Leonard 2023). */
export function pulseCurrent(c: TrackCircuit, voltage: number): number {
  return voltage / c.twoPointResistance;
}

/** Voltage across the DW track V_track = V R_4pt / R_2pt [V] (Leonard 2023: 1.8 V -> 0.64 V). */
export function trackVoltage(c: TrackCircuit, voltage: number): number {
  return (voltage * c.fourPointResistance) / c.twoPointResistance;
}

/**
 * Effective pulse length used by Leonard et al. for the energy estimate: the full width at half
 * maximum of the trapezoid, plateau + (rise + fall)/2 (30 ns + 10 ns = 40 ns).
 */
export function pulseFwhm(p: TrapezoidPulse): number {
  return p.plateau + 0.5 * (p.rise + p.fall);
}

/**
 * Energy per pulse the way Leonard et al. compute it (inferred, see docs/domain-wall.md):
 *   E = V_track^2 / R_4pt * t_FWHM,   V_track = V R_4pt / R_2pt.
 * With 1.8 V, 1029 Ohm, 365 Ohm and 40 ns this gives 44.7 pJ (44.9 pJ with V_track rounded to
 * 0.64 V as in the paper). Only the dissipation in the track between the voltage probes counts.
 */
export function paperEnergyPerPulse(c: TrackCircuit, p: TrapezoidPulse, voltage: number): number {
  const vt = trackVoltage(c, voltage);
  return ((vt * vt) / c.fourPointResistance) * pulseFwhm(p);
}

/**
 * Exact Joule energy in the track for the trapezoid, integral of V_track(t)^2 / R_4pt dt
 * = V_track^2 / R_4pt * (plateau + (rise + fall) / 3).
 */
export function trackJouleEnergy(c: TrackCircuit, p: TrapezoidPulse, voltage: number): number {
  const vt = trackVoltage(c, voltage);
  return ((vt * vt) / c.fourPointResistance) * (p.plateau + (p.rise + p.fall) / 3);
}

/** Energy drawn from the source through the two-point path, integral V(t) I(t) dt [J]. */
export function sourceEnergy(c: TrackCircuit, p: TrapezoidPulse, voltage: number): number {
  return ((voltage * voltage) / c.twoPointResistance) * (p.plateau + (p.rise + p.fall) / 3);
}

/**
 * Fraction of the current carried by the heavy metal when it conducts in parallel with the
 * magnetic layer: f = (t_HM / rho_HM) / (t_HM / rho_HM + t_FM / rho_FM).
 */
export function heavyMetalCurrentFraction(tHM: number, rhoHM: number, tFM: number, rhoFM: number): number {
  const g = tHM / rhoHM;
  return g / (g + tFM / rhoFM);
}
