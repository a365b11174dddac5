/**
 * Rigid-skyrmion (Thiele) dynamics under damping-like spin-orbit torque from the heavy metal, for a
 * ferromagnet or a ferrimagnet described by its net and total spin densities.
 *
 * Thiele equation per magnetic layer (Thiele, PRL 30, 230 (1973); for ferrimagnets with net spin
 * density delta_s and total spin density s: Kim, Tserkovnyak et al., PRB 96, 140404 (2017);
 * Woo et al., Nat. Commun. 9, 959 (2018), Eq. 1 and Methods):
 *
 *   G z x v - alpha s t Dxx v + F = 0,       G = 4 pi Q delta_s t,
 *
 * with Dxx the dimensionless dissipation integral of the profile (see profile.ts), t the layer
 * thickness, and the damping-like SOT force (spin current hbar thetaSH j / 2e absorbed at the
 * interface; Tomasello et al., Sci. Rep. 4, 6784 (2014)):
 *
 *   |F| = (hbar thetaSH j / 2e) |I|,        I = pi Int (theta' + sin theta cos theta / r) r dr.
 *
 * Solution for F along x:
 *   v_parallel = alpha s t Dxx F / (G^2 + (alpha s t Dxx)^2),
 *   v_perp     = G F / (G^2 + (alpha s t Dxx)^2),
 *   tan(theta_SkH) = v_perp / v_parallel = 4 pi Q delta_s / (alpha s Dxx).
 * For a ferromagnet delta_s = s = Ms / gamma.
 */
import { E_CHARGE, HBAR } from '../../units/constants.js';
import { requireInRange, requirePositive } from '../../util/errors.js';

export interface ThieleParameters {
  /** Net spin density delta_s [J s/m^3] (Ms/gamma for a ferromagnet). */
  netSpinDensity: number;
  /** Total spin density s [J s/m^3] (Ms/gamma for a ferromagnet). */
  totalSpinDensity: number;
  /** Gilbert damping (defined with respect to s). */
  alpha: number;
  /** Spin Hall angle of the heavy metal. */
  thetaSH: number;
  /** Magnetic layer thickness [m]. */
  thickness: number;
  /** Dimensionless dissipation integral Dxx of the profile. */
  dissipation: number;
  /** SOT force length I of the profile [m]. */
  sotForceLength: number;
  /** Topological charge (default -1). */
  charge?: number;
}

export interface ThieleVelocity {
  /** Velocity along the force (current) direction [m/s]. */
  vParallel: number;
  /** Velocity transverse to it [m/s]. */
  vPerp: number;
  /** Speed [m/s]. */
  speed: number;
  /** Skyrmion Hall angle [rad], atan(vPerp / vParallel). */
  hallAngle: number;
  /** Force per layer [N]. */
  force: number;
  /** Mobility |v| / |F| [m/(s N)]. */
  mobility: number;
}

/** Steady Thiele velocity for current density j [A/m^2] in the heavy metal. */
export function thieleVelocity(p: ThieleParameters, j: number): ThieleVelocity {
  requireInRange('netSpinDensity', p.netSpinDensity, -1, 1, { unit: 'J s/m^3' });
  requirePositive('totalSpinDensity', p.totalSpinDensity, 'J s/m^3');
  requireInRange('alpha', p.alpha, 0, 1, { minOpen: true });
  requirePositive('thickness', p.thickness, 'm');
  requirePositive('dissipation', p.dissipation);
  requireInRange('j', j, -1e14, 1e14, { unit: 'A/m^2' });
  const Q = p.charge ?? -1;
  const G = 4 * Math.PI * Q * p.netSpinDensity * p.thickness;
  const Dm = p.alpha * p.totalSpinDensity * p.thickness * p.dissipation;
  const F = ((HBAR * p.thetaSH * j) / (2 * E_CHARGE)) * Math.abs(p.sotForceLength);
  const den = G * G + Dm * Dm;
  const vParallel = (Dm * F) / den;
  const vPerp = (G * F) / den;
  return {
    vParallel,
    vPerp,
    speed: Math.hypot(vParallel, vPerp),
    hallAngle: Math.atan2(vPerp, vParallel),
    force: F,
    mobility: 1 / Math.sqrt(den),
  };
}

/** Closed-form skyrmion Hall angle, tan(theta_SkH) = 4 pi Q delta_s / (alpha s Dxx). */
export function skyrmionHallAngle(
  p: Pick<ThieleParameters, 'netSpinDensity' | 'totalSpinDensity' | 'alpha' | 'dissipation' | 'charge'>,
): number {
  const Q = p.charge ?? -1;
  return Math.atan2(4 * Math.PI * Q * p.netSpinDensity, p.alpha * p.totalSpinDensity * p.dissipation);
}
