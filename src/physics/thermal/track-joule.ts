/**
 * Joule heating of the DW track during a pulse: a lumped model of the track area A on its
 * substrate,
 *   C dT/dt = P(t) / A - h (T - T0),
 * with C [J/(m^2 K)] the heat capacity per area of the stack and the substrate within the
 * thermal diffusion length, h [W/(m^2 K)] the heat-transfer coefficient to the substrate and
 * P = V_track(t)^2 / R_4pt (e.g. Fangohr, Chernyshenko, Franchin, Fischbacher, Meier, PRB 84,
 * 054437 (2011) and Moretti et al., PRB 95, 064419 (2017) for lumped/1D track heating). The
 * steady rise is P / (h A) and the time constant C / h. Exact update over a step with constant
 * power (exponential integrator), so any step size is stable.
 */
import { ParameterError } from '../../util/errors.js';

export interface TrackThermalParameters {
  /** Heat-transfer coefficient to the substrate h [W/(m^2 K)]. */
  heatTransfer: number;
  /** Heat capacity per area C [J/(m^2 K)]. */
  heatCapacity: number;
  /** Heated area A [m^2]. */
  area: number;
  /** Substrate (ambient) temperature T0 [K]. */
  ambient: number;
}

export function checkThermal(p: TrackThermalParameters): TrackThermalParameters {
  for (const k of ['heatTransfer', 'heatCapacity', 'area', 'ambient'] as const)
    if (!(p[k] > 0) || !Number.isFinite(p[k]))
      throw new ParameterError(`thermal.${k}`, p[k], 'a finite value > 0');
  return p;
}

/** Steady temperature rise for power P [W]: P / (h A) [K]. */
export function steadyTemperatureRise(p: TrackThermalParameters, power: number): number {
  return power / (p.heatTransfer * p.area);
}

/** Thermal time constant C / h [s]. */
export function thermalTimeConstant(p: TrackThermalParameters): number {
  return p.heatCapacity / p.heatTransfer;
}

/**
 * Temperature over a pulse sampled every dt: fills out[k] = T(k dt) given the power at each
 * sample (power[k] in W, held over [k dt, (k+1) dt)). Exact for piecewise-constant power.
 */
export function temperatureTrace(
  p: TrackThermalParameters,
  power: Float64Array,
  dt: number,
  out: Float64Array,
): Float64Array {
  const tau = thermalTimeConstant(p);
  const decay = Math.exp(-dt / tau);
  let dT = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = p.ambient + dT;
    const target = steadyTemperatureRise(p, k < power.length ? power[k] : 0);
    dT = target + (dT - target) * decay;
  }
  return out;
}
