/**
 * The wall between pulses: the out-of-plane bias stays on (Leonard et al. APL 2023: 350 Oe during
 * the whole cycling) for a time far longer than a pulse, with no current, at the substrate
 * temperature. Above Walker breakdown the bias still drives the wall forward (+q), so over the
 * interval the wall reaches the next notch ahead of it; a notch holds the wall only if its
 * pinning beats the bias.
 *
 * Escape from notch i over the interval tau is Neel-Brown thermally activated with the barrier of
 * the notch tilted by the bias, in the saddle-node form that is exact near threshold and equals
 * sigma t d at zero field (Garg, PRB 51, 15592 (1995); Kurkijarvi, PRB 6, 832 (1972)):
 *   E_b = sigma t d (1 - Hz / H_dep)^(3/2)  (0 for Hz >= H_dep),  H_dep from track.ts,
 *   P_escape = 1 - exp(-f0 tau exp(-E_b / kB T)).
 * The escape itself takes far less than tau, so an escaped wall goes on to the next notch with
 * the same rule; a wall that no notch holds leaves the track (the reversed domain fills it).
 * A held wall is placed at the notch centre (its tilted minimum lies within the notch length s).
 */
import { KB } from '../../units/constants.js';
import { notchDepinningField, type TrackProfile } from './track.js';

export interface InterPulseParameters {
  /** Time between pulses with the bias on, tau [s]. */
  interval: number;
  /** Attempt frequency of the pinned wall f0 [1/s]. */
  attemptFrequency: number;
  /** Substrate temperature between pulses [K]. */
  temperature: number;
}

/** Barrier to leave a notch of depth d under the bias Hz, sigma t d (1 - Hz/H_dep)^(3/2) [J]. */
export function tiltedNotchBarrier(
  depth: number,
  depinningField: number,
  sigma: number,
  thickness: number,
  Hz: number,
): number {
  const h = Math.abs(Hz) / depinningField;
  return h >= 1 ? 0 : sigma * thickness * depth * Math.pow(1 - h, 1.5);
}

/** Probability that the bias pushes the wall out of a notch within the interval. */
export function notchEscapeProbability(barrier: number, p: InterPulseParameters): number {
  return -Math.expm1(-p.attemptFrequency * p.interval * Math.exp(-barrier / (KB * p.temperature)));
}

/**
 * Wall position after the interval, from position q, with bias Hz > 0 pushing toward +q.
 * `uniform` supplies one uniform number per notch met. Returns the track length when the wall
 * leaves the track.
 */
export function wallAfterInterval(
  track: TrackProfile,
  sigma: number,
  thickness: number,
  Ms: number,
  Hz: number,
  p: InterPulseParameters,
  q: number,
  uniform: () => number,
): number {
  if (!(Hz > 0)) return q;
  const notches = track.notches;
  for (let i = 0; i < notches.length; i++) {
    const n = notches[i];
    // The wall is held by notch i if it is not past its exit-side maximum force, at x_i + s.
    if (n.position + n.length < q) continue;
    const Hdep = notchDepinningField(n, sigma, Ms, track.width);
    const Eb = tiltedNotchBarrier(n.depth, Hdep, sigma, thickness, Hz);
    if (uniform() >= notchEscapeProbability(Eb, p)) return n.position;
  }
  return track.length;
}
