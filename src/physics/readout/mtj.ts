/**
 * MTJ readout of the wall position.
 *
 * R_P = RA / A_MTJ; TMR(V) = TMR0 / (1 + (V / V_half)^2) (bias dependence, e.g. S. Zhang, Levy,
 * Marley, Parkin, PRL 79, 3744 (1997); Ikeda et al. APL 93, 082508 (2008)); R_AP = R_P (1 + TMR).
 * With the wall at q under a junction spanning [x1, x2] across the full track width, the fraction
 * f of the junction over the reversed (antiparallel) domain conducts in parallel with the rest:
 *   G = f / R_AP + (1 - f) / R_P.
 */
import { ParameterError } from '../../util/errors.js';

export interface MtjParameters {
  /** Resistance-area product [Ohm m^2]. */
  RA: number;
  /** Junction area [m^2]. */
  area: number;
  /** Zero-bias TMR ratio (e.g. 1.0 for 100 %). */
  tmr0: number;
  /** Bias at which the TMR halves [V]. */
  vHalf: number;
  /** Junction extent along the track [m]. */
  start: number;
  end: number;
  /** Read bias [V]. */
  readVoltage: number;
}

export function checkMtj(m: MtjParameters): MtjParameters {
  for (const k of ['RA', 'area', 'vHalf'] as const)
    if (!(m[k] > 0)) throw new ParameterError(`mtj.${k}`, m[k], 'a value > 0');
  if (!(m.tmr0 >= 0)) throw new ParameterError('mtj.tmr0', m.tmr0, 'a ratio >= 0');
  if (!(m.end > m.start)) throw new ParameterError('mtj.end', m.end, `a position > mtj.start = ${m.start} m`);
  return m;
}

/** R_P = RA / A [Ohm]. */
export function parallelResistance(m: MtjParameters): number {
  return m.RA / m.area;
}

/** TMR(V) = TMR0 / (1 + (V/V_half)^2). */
export function tmrAtBias(m: MtjParameters, V: number): number {
  return m.tmr0 / (1 + (V / m.vHalf) ** 2);
}

/** R_AP(V) = R_P (1 + TMR(V)) [Ohm]. */
export function antiparallelResistance(m: MtjParameters, V = m.readVoltage): number {
  return parallelResistance(m) * (1 + tmrAtBias(m, V));
}

/** Fraction of the junction over the reversed domain, for a reversed domain on q' < q. */
export function reversedFraction(m: MtjParameters, q: number): number {
  if (q <= m.start) return 0;
  if (q >= m.end) return 1;
  return (q - m.start) / (m.end - m.start);
}

/** Junction resistance with the wall at q (reversed domain behind it) [Ohm]. */
export function mtjResistance(m: MtjParameters, q: number, V = m.readVoltage): number {
  const f = reversedFraction(m, q);
  return 1 / (f / antiparallelResistance(m, V) + (1 - f) / parallelResistance(m));
}

/** Read decision: antiparallel ("fired") when R is above the midpoint of R_P and R_AP. */
export function readIsAntiparallel(m: MtjParameters, R: number, V = m.readVoltage): boolean {
  return R > 0.5 * (parallelResistance(m) + antiparallelResistance(m, V));
}
