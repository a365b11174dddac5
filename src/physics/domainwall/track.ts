/**
 * Width profile of a notched track and the pinning energy it produces.
 *
 * A rigid wall spanning the track at position q has energy E_pin(q) = sigma t w(q) (issue 4;
 * e.g. Bogart, Atkinson, O'Shea, McGrouther, McVitie, PRB 79, 054414 (2009) for notch pinning of
 * a wall whose energy scales with its length). sigma [J/m^2] is the wall energy per area
 * (4 sqrt(A Keff) - pi |D|), t the magnetic thickness, w(q) the local width.
 *
 * Each notch is a smooth (Gaussian) constriction, a shape the wall sees after averaging the
 * lithographic profile over its own width:
 *   w(q) = w0 - sum_i d_i exp(-(q - x_i)^2 / (2 s_i^2)),
 * so the wall sits in the notch (lower energy) and the barrier to leave it is sigma t d_i. The
 * largest restoring force, sigma t d / (s sqrt(e)), sets the zero-temperature depinning field
 * H_dep = sigma d / (2 mu0 Ms w0 s sqrt(e)).
 */
import { MU0 } from '../../units/constants.js';
import { ParameterError } from '../../util/errors.js';

export interface Notch {
  /** Centre position along the track [m]. */
  position: number;
  /** Depth d (width reduction at the centre) [m]. */
  depth: number;
  /** Gaussian length s [m]. */
  length: number;
}

export interface TrackProfile {
  /** Nominal width w0 [m]. */
  width: number;
  /** Track length L [m] (the wall leaves the track at q = L). */
  length: number;
  notches: Notch[];
}

export function checkTrackProfile(t: TrackProfile): TrackProfile {
  if (!(t.width > 0)) throw new ParameterError('track width', t.width, 'a width > 0 m');
  if (!(t.length > 0)) throw new ParameterError('track length', t.length, 'a length > 0 m');
  for (const [i, n] of t.notches.entries()) {
    if (!(n.depth >= 0 && n.depth < t.width))
      throw new ParameterError(
        `notches[${i}].depth`,
        n.depth,
        `a depth in [0, ${t.width}) m (below the width)`,
      );
    if (!(n.length > 0)) throw new ParameterError(`notches[${i}].length`, n.length, 'a length > 0 m');
    if (!(n.position >= 0 && n.position <= t.length))
      throw new ParameterError(`notches[${i}].position`, n.position, `a position in [0, ${t.length}] m`);
  }
  return t;
}

/** Local width w(q) [m]. */
export function trackWidthAt(t: TrackProfile, q: number): number {
  let w = t.width;
  for (let i = 0; i < t.notches.length; i++) {
    const n = t.notches[i];
    const u = (q - n.position) / n.length;
    w -= n.depth * Math.exp(-0.5 * u * u);
  }
  return w;
}

/** Slope dw/dq at q (notches farther than 10 s contribute < 2e-21 d/s and are skipped). */
export function trackWidthSlope(t: TrackProfile, q: number): number {
  let s = 0;
  for (let i = 0; i < t.notches.length; i++) {
    const n = t.notches[i];
    const u = (q - n.position) / n.length;
    if (u > 10 || u < -10) continue;
    s += ((n.depth * u) / n.length) * Math.exp(-0.5 * u * u);
  }
  return s;
}

/** Curvature d^2w/dq^2 at q. */
export function trackWidthCurvature(t: TrackProfile, q: number): number {
  let s = 0;
  for (let i = 0; i < t.notches.length; i++) {
    const n = t.notches[i];
    const u = (q - n.position) / n.length;
    s += ((n.depth * (1 - u * u)) / (n.length * n.length)) * Math.exp(-0.5 * u * u);
  }
  return s;
}

/** Pinning energy E_pin(q) = sigma t w(q) [J]. */
export function pinningEnergy(t: TrackProfile, sigma: number, thickness: number, q: number): number {
  return sigma * thickness * trackWidthAt(t, q);
}

/** Zero-temperature depinning field of one notch, H_dep = sigma d / (2 mu0 Ms w0 s sqrt(e)) [A/m]. */
export function notchDepinningField(n: Notch, sigma: number, Ms: number, width: number): number {
  return (sigma * n.depth) / (2 * MU0 * Ms * width * n.length * Math.sqrt(Math.E));
}

/** Barrier to leave a notch at zero drive, sigma t d [J]. */
export function notchBarrier(n: Notch, sigma: number, thickness: number): number {
  return sigma * thickness * n.depth;
}
