/**
 * Crowding shrink of a dense skyrmion state in a direct configuration (no nucleation needed):
 * `count` skyrmions on the hexagonal lattice whose density is count / (pi R_act^2) (Song et al.
 * 2020: 41 skyrmions in the active area at the end of potentiation), the `count` lattice sites
 * nearest the centre, sizes from SkyrmionGas.updateRadii (magnetostatic interaction of
 * physics/skyrmion/interaction.ts, linear response k_R, collapse flag collapsePressure).
 */
import { SkyrmionGas, type SkyrmionAtField } from './skyrmion-synapse.js';
import type { SkyrmionSynapseDevice } from './skyrmion-synapse-preset.js';

export interface CrowdingResult {
  count: number;
  /** Hexagonal lattice spacing a = sqrt(2 A_act / (sqrt(3) count)) [m]. */
  spacing_m: number;
  /** Isolated skyrmion in an infinite film (edges removed) [m]. */
  isolated_diameter_m: number;
  /** Mean and centre diameters of the dense patch in an infinite film [m]. */
  dense_mean_diameter_m: number;
  dense_centre_diameter_m: number;
  /** Skyrmions of the dense patch pressed beyond collapsePressure (no equilibrium radius). */
  dense_over_compressed: number;
  /** Isolated skyrmion at the centre line of the device's track (edge stray field included) [m]. */
  track_isolated_diameter_m: number;
  track_isolated_over_compressed: boolean;
}

/** Sizes of isolated and densely packed skyrmions at the field of `sk` (Gauss-Seidel to convergence). */
export function crowdedDiameters(
  dev: SkyrmionSynapseDevice,
  sk: SkyrmionAtField,
  count = 41,
): CrowdingResult {
  const noPins = { pinX: new Float64Array(0), pinY: new Float64Array(0) };
  // Infinite film: the edges 0.5 mm away (their stray field shrinks R by ~1e-3 only).
  const film: SkyrmionSynapseDevice = { ...dev, params: { ...dev.params, trackWidth: 1e-3 } };
  const gas = new SkyrmionGas(film, noPins, sk);
  const a = Math.sqrt((2 * Math.PI * dev.params.activeRadius ** 2) / (Math.sqrt(3) * count));
  const sites: Array<[number, number, number]> = [];
  const span = Math.ceil(Math.sqrt(count)) + 2;
  for (let i = -span; i <= span; i++)
    for (let j = -span; j <= span; j++) {
      const px = a * (i + j / 2);
      const py = (a * j * Math.sqrt(3)) / 2;
      sites.push([Math.hypot(px, py), px, py]);
    }
  sites.sort((p, q) => p[0] - q[0]);
  const x = new Float64Array(2 * count);
  const place = (n: number) => {
    gas.n = n;
    for (let i = 0; i < n; i++) {
      x[2 * i] = sites[i][1];
      x[2 * i + 1] = sites[i][2];
      gas.radius[i] = sk.radius;
    }
    gas.updateRadii(x, 12);
  };
  place(1);
  const isolated = 2 * gas.radius[0];
  place(count);
  let sum = 0;
  let over = 0;
  for (let i = 0; i < count; i++) {
    sum += 2 * gas.radius[i];
    if (gas.overCompressed(i)) over++;
  }
  const denseMean = sum / count;
  const denseCentre = 2 * gas.radius[0];
  const track = new SkyrmionGas(dev, noPins, sk);
  track.n = 1;
  track.radius[0] = sk.radius;
  track.updateRadii(Float64Array.of(0, 0), 12);
  return {
    count,
    spacing_m: a,
    isolated_diameter_m: isolated,
    dense_mean_diameter_m: denseMean,
    dense_centre_diameter_m: denseCentre,
    dense_over_compressed: over,
    track_isolated_diameter_m: 2 * track.radius[0],
    track_isolated_over_compressed: track.overCompressed(0),
  };
}
