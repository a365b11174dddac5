/**
 * Skyrmion synapse (Song et al., Nat. Electron. 3, 148 (2020)): many skyrmions in a Hall-cross
 * track, written by current pulses, read by the anomalous Hall effect.
 *
 * Per pulse:
 *  1. Temperature from Joule heating (physics/thermal/joule.ts).
 *  2. Nucleation at contact and defect sites, each an Arrhenius event with probability
 *     P = 1 - exp(-f0 tau exp(-E_n / kT)), E_n = f_site E(j, T) with E(j, T) = loweredBarrier(E_0)
 *     and E_0 the saddle energy of the multilayer energy model at the pulse field
 *     (physics/skyrmion/barrier.ts), j_c from sotCriticalCurrent. No hand-set barrier.
 *     Contact sites: one per skyrmion diameter along the injecting contact (W / 2R).
 *  3. Rigid motion of every skyrmion (Thiele equation with thermal noise, integrated with the
 *     stochastic Heun scheme): v = M (F_SOT + F_int + F_edge + F_pin + xi), where
 *       M = [[a, -g], [g, a]] / (g^2 + a^2),  g = 4 pi Q delta_s N t,  a = alpha s N t Dxx,
 *       <xi_i(t) xi_j(t')> = 2 a kT delta_ij delta(t - t')   (fluctuation-dissipation).
 *     Repulsion between skyrmions and from the track edges: magnetostatic (stray field of the reversed
 *     cylinders in the N-repeat stack, physics/skyrmion/interaction.ts, tabulated once per device and
 *     field in skyrmionAtField and interpolated in distance and radii).
 *     Pinning: Gaussian wells -U_p exp(-r^2 / 2 sigma^2) at random sites.
 *  4. Annihilation under reversed pulses (Woo et al., Nat. Electron. 1, 288 (2018)): Arrhenius with
 *     E_a = loweredBarrier(E_saddle - E_min at the depression field); skyrmions leaving through the contacts or pushed into the edges
 *     are removed.
 *  5. Size: each radius shrinks under the interaction, R_i = R0 - (sum_k dE_int/dR_i + dE_edge/dR_i) / k_R,
 *     with k_R = d^2E/dR^2 of the multilayer energy model (crowding, Song et al. 256 vs 285 nm).
 *  6. Hall readout: rho_xy = rho_AH,sat (1 - sum_i a_i / A_active) over skyrmions whose centre is
 *     in the active disk, a_i = Int(1 - mz) dA of skyrmion i (physics/readout/hall.ts).
 */
import { HBAR, E_CHARGE, KB, MU0 } from '../units/constants.js';
import type { RandomStream } from '../random/stream.js';
import { createRng } from '../random/stream.js';
import { StochasticHeun, type LangevinSystem } from '../integrate/heun.js';
import { effectiveAnisotropy } from '../materials/derived.js';
import {
  ansatzEnergy,
  ansatzIntegrals,
  multilayerSkyrmion,
  type MultilayerParameters,
} from '../physics/skyrmion/multilayer.js';
import { skyrmionBarrier, type SkyrmionBarrier } from '../physics/skyrmion/barrier.js';
import {
  edgeFromTable,
  interactionTable,
  pairForce,
  pairSizeDerivative,
  radiusNode,
  type InteractionTable,
} from '../physics/skyrmion/interaction.js';
import { jouleTemperatureRise } from '../physics/thermal/joule.js';
import { ordinaryHallResistivity, topologicalHallResistivity } from '../physics/readout/hall.js';
import { PhysicsError } from '../util/errors.js';
import type { SkyrmionSynapseDevice } from './skyrmion-synapse-preset.js';
import {
  nativeAddonFor,
  type KernelPreference,
  type NativeAddon,
  type PairTableArgs,
} from '../native/addon.js';

/** Static skyrmion properties at one field, from the multilayer energy model. */
export interface SkyrmionAtField {
  field: number;
  radius: number;
  wallWidth: number;
  /** d^2E/dR^2 at the minimum [J/m^2]. */
  radialStiffness: number;
  /**
   * Largest restoring force max_{R < R0} (-dE/dR) of the isolated skyrmion at fixed w [J/m]: a
   * skyrmion pressed harder than this (sum of dE_int/dR from neighbours and edges) has no
   * equilibrium radius and collapses (beyond the linear response R0 - press/k_R).
   */
  collapsePressure: number;
  dissipation: number;
  sotForceLength: number;
  reversedArea: number;
  energy: number;
  /** Magnetostatic pair/edge interaction tables of this skyrmion in this device (interaction.ts). */
  interactions: InteractionTable;
}

/** The minimised multilayer skyrmion (radius, wall width, energy) a SkyrmionAtField came from. */
function asMinimum(sk: SkyrmionAtField) {
  return { exists: true, radius: sk.radius, wallWidth: sk.wallWidth, energy: sk.energy };
}

export function multilayerParameters(dev: SkyrmionSynapseDevice, B: number): MultilayerParameters {
  const m = dev.material;
  return {
    A: m.A,
    D: m.D,
    Ku: effectiveAnisotropy(m) + 0.5 * MU0 * m.Ms * m.Ms,
    Ms: m.Ms,
    B,
    thickness: m.thickness,
    period: m.period ?? m.thickness,
    repeats: m.repeats,
  };
}

export function skyrmionAtField(dev: SkyrmionSynapseDevice, B: number, R0 = 100e-9): SkyrmionAtField {
  const p = multilayerParameters(dev, B);
  const s = multilayerSkyrmion(p, { R0 });
  if (!s.exists) throw new PhysicsError(`no skyrmion at B = ${B} T in ${dev.material.name}: ${s.reason}`);
  const h = 0.02 * s.radius;
  const e0 = ansatzEnergy(p, s.radius, s.wallWidth).total;
  const ep = ansatzEnergy(p, s.radius + h, s.wallWidth).total;
  const em = ansatzEnergy(p, s.radius - h, s.wallWidth).total;
  const k = Math.max((ep - 2 * e0 + em) / (h * h), 1e-12);
  // Scan -dE/dR (central differences, step 0.01 R0) on R = 0.2 ... 0.98 R0 in steps of 0.02 R0.
  let collapsePressure = 0;
  const hc = 0.01 * s.radius;
  for (let f = 0.2; f < 0.99; f += 0.02) {
    const R = f * s.radius;
    const g =
      (ansatzEnergy(p, R + hc, s.wallWidth).total - ansatzEnergy(p, R - hc, s.wallWidth).total) / (2 * hc);
    collapsePressure = Math.max(collapsePressure, -g);
  }
  const ints = ansatzIntegrals(s.radius, s.wallWidth);
  const m = dev.material;
  const interactions = interactionTable({
    Ms: m.Ms,
    thickness: m.thickness,
    period: m.period ?? m.thickness,
    repeats: m.repeats,
    radius: s.radius,
    wallWidth: s.wallWidth,
  });
  return {
    field: B,
    radius: s.radius,
    wallWidth: s.wallWidth,
    radialStiffness: k,
    collapsePressure,
    dissipation: ints.dissipation,
    sotForceLength: ints.sotForceLength,
    reversedArea: ints.reversedArea,
    energy: s.energy,
    interactions,
  };
}

export interface PulseRecord {
  phase: 'potentiation' | 'depression';
  pulse: number;
  current_A_per_m2: number;
  field_T: number;
  temperature_K: number;
  skyrmions_total: number;
  skyrmions_active: number;
  mean_diameter_m: number;
  rho_xy_ohm_m: number;
  drho_xy_ohm_m: number;
  nucleated: number;
  /** Skyrmions removed during the pulse: out of the device, collapsed, or deleted at a site. */
  annihilated: number;
  /** Of those, deleted at a nucleation site by the reversed pulse (siteDeletionProbabilities). */
  deleted_at_sites: number;
  /** Centres of every skyrmion in the model (track and arms) [x0, y0, x1, y1, ...] [m]. */
  positions_m: number[];
}

export interface CycleResult {
  records: PulseRecord[];
}

/** Precomputed per-device data shared by all cycles (pure function of the device). */
export interface SynapseStatics {
  pot: SkyrmionAtField;
  dep: SkyrmionAtField;
  rhoAHsat: number;
  pinX: Float64Array;
  pinY: Float64Array;
  defectX: Float64Array;
  defectY: Float64Array;
  defectFactor: Float64Array;
  contactFactor: Float64Array;
  /** Barriers of the multilayer energy model at the potentiation and depression fields. */
  barrierPot: SkyrmionBarrier;
  barrierDep: SkyrmionBarrier;
  /** Current density at which SOT removes the barrier [A/m^2] (sotCriticalCurrent). */
  criticalCurrent: number;
}

/**
 * Current density at which the damping-like SOT alone switches the uniform magnetization, the
 * current at which the SOT-lowered barrier vanishes (Lee et al., Appl. Phys. Lett. 102, 112410
 * (2013), Eq. 2 with zero in-plane field; macrospin):
 *   j_c = (2 e / hbar) (Ms t / theta_SH) (B_K,eff / 2),   B_K,eff = 2 Keff / Ms,
 * t the thickness of one magnetic layer (each layer is driven by its own heavy metal).
 */
export function sotCriticalCurrent(dev: SkyrmionSynapseDevice): number {
  const m = dev.material;
  const BK = (2 * effectiveAnisotropy(m)) / m.Ms;
  return ((2 * E_CHARGE) / HBAR) * ((m.Ms * m.thickness) / Math.abs(m.thetaSH)) * (BK / 2);
}

/**
 * Barrier at current density j and temperature T:
 *   E(j, T) = E_0 (1 - |j|/j_c)^2 (Tc - T)/(Tc - T0),
 * quadratic SOT lowering (the usual field/torque-driven barrier form, e.g. Sharrock, IEEE Trans.
 * Magn. 26, 193 (1990); Koch et al., PRL 84, 5419 (2000)) and the mean-field scaling of all
 * energy densities with Ms(T)^2 proportional to (Tc - T) near Tc (Joule heating).
 */
export function loweredBarrier(E0: number, j: number, jc: number, T: number, T0: number, Tc: number): number {
  const sot = Math.max(0, 1 - Math.abs(j) / jc) ** 2;
  const heat = Number.isFinite(Tc) ? Math.max(0, (Tc - T) / (Tc - T0)) : 1;
  return E0 * sot * heat;
}

/**
 * Nucleation sites of a device realization, contact sites first (one per skyrmion diameter along the
 * injecting contact, at x = -L/2 + R0(B_pot)), then the defect sites: centres [m] and barrier factors.
 */
export function nucleationSites(
  dev: SkyrmionSynapseDevice,
  st: SynapseStatics,
): { x: Float64Array; y: Float64Array; factor: Float64Array } {
  const L = dev.params.trackLength;
  const W = dev.params.trackWidth;
  const nc = st.contactFactor.length;
  const n = nc + st.defectFactor.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const factor = new Float64Array(n);
  for (let c = 0; c < nc; c++) {
    x[c] = -L / 2 + st.pot.radius;
    y[c] = -W / 2 + ((c + 0.5) * W) / nc;
    factor[c] = st.contactFactor[c];
  }
  for (let d = 0; d < st.defectFactor.length; d++) {
    x[nc + d] = st.defectX[d];
    y[nc + d] = st.defectY[d];
    factor[nc + d] = st.defectFactor[d];
  }
  return { x, y, factor };
}

/**
 * Probability that the reversed pulse deletes a skyrmion whose core covers a nucleation site
 * during an interval dt, for every site of nucleationSites (same order).
 *
 * The site model that nucleates under the writing polarity (runSynapseCycle) scales the whole
 * uniform -> skyrmion landscape of the film, saddle and minimum alike, by s_cal f_site, and lowers
 * it with the current as (1 - |j|/j_site)^2 and with heating (loweredBarrier). Under the reversed
 * polarity the same site deletes instead of creating (Woo et al., Nat. Electron. 1, 288 (2018):
 * creation and deletion at the same natural site by opposite pulses; Song et al.: annihilation
 * "mediated by topological defects"), over the collapse barrier of that scaled landscape,
 *   E_del = s_cal f_site E_collapse(B_dep) (1 - |j|/j_site)^2 (Tc - T)/(Tc - T0),
 * E_collapse = E_saddle - E_min of the film at the depression field (physics/skyrmion/barrier.ts).
 * E_del - E_nuc = -s_cal f_site E_min: nucleation and deletion at a site obey detailed balance
 * with the scaled skyrmion energy. Kramers/Arrhenius rate f0 exp(-E_del / kT); no new parameter.
 */
export function siteDeletionProbabilities(
  dev: SkyrmionSynapseDevice,
  st: SynapseStatics,
  jAbs: number,
  T: number,
  dt: number,
): Float64Array {
  const P = dev.params;
  const m = dev.material;
  const E =
    P.nucleationBarrierScale *
    loweredBarrier(
      st.barrierDep.annihilationBarrier,
      jAbs,
      P.nucleationCriticalCurrent ?? st.criticalCurrent,
      T,
      m.temperature,
      m.curieTemperature ?? Infinity,
    );
  const { factor } = nucleationSites(dev, st);
  return factor.map((f) => 1 - Math.exp(-P.attemptFrequency * Math.exp(-Math.max(E * f, 0) / (KB * T)) * dt));
}

/** Isolated-skyrmion energetics at one field (multilayer energy model, physics/skyrmion/barrier.ts). */
export interface FieldEnergetics {
  field_T: number;
  /** E(skyrmion) - E(uniform) [J]: negative means the skyrmion is the lower-energy state. */
  skyrmion_energy_J: number;
  /** Uniform -> skyrmion barrier of the uniform film [J] (before any site scaling). */
  nucleation_barrier_J: number;
  /** Skyrmion -> uniform collapse barrier [J]. */
  collapse_barrier_J: number;
  /** The same three in units of kT at the device temperature. */
  skyrmion_energy_kT: number;
  nucleation_barrier_kT: number;
  collapse_barrier_kT: number;
  /**
   * true when the skyrmion lies above the uniform state (E > 0): metastable, so an in-place
   * annihilation lowers the energy. With E < 0 the film's collapse barrier is at least -E whatever
   * lowers its saddle: no thermally activated collapse in place, only transport out of the device
   * or deletion at a site (siteDeletionProbabilities; docs/skyrmion.md section 8).
   */
  metastable: boolean;
}

export interface SkyrmionEnergetics {
  temperature_K: number;
  potentiation: FieldEnergetics;
  depression: FieldEnergetics;
  /** Macrospin SOT switching current of the uniform film [A/m^2] (sotCriticalCurrent). */
  sot_critical_current_A_per_m2: number;
}

/** Energetics of the device's isolated skyrmion at the potentiation and depression fields. */
export function skyrmionEnergetics(dev: SkyrmionSynapseDevice, st: SkyrmionFieldStatics): SkyrmionEnergetics {
  const T = dev.material.temperature;
  const kT = KB * T;
  const at = (B: number, b: SkyrmionBarrier): FieldEnergetics => ({
    field_T: B,
    skyrmion_energy_J: b.minimumEnergy,
    nucleation_barrier_J: b.nucleationBarrier,
    collapse_barrier_J: b.annihilationBarrier,
    skyrmion_energy_kT: b.minimumEnergy / kT,
    nucleation_barrier_kT: b.nucleationBarrier / kT,
    collapse_barrier_kT: b.annihilationBarrier / kT,
    metastable: b.minimumEnergy > 0,
  });
  return {
    temperature_K: T,
    potentiation: at(dev.params.fieldPotentiation, st.barrierPot),
    depression: at(dev.params.fieldDepression, st.barrierDep),
    sot_critical_current_A_per_m2: st.criticalCurrent,
  };
}

/** The part of SynapseStatics that depends only on the device parameters (no disorder). */
export type SkyrmionFieldStatics = Pick<
  SynapseStatics,
  'pot' | 'dep' | 'rhoAHsat' | 'barrierPot' | 'barrierDep' | 'criticalCurrent'
>;

/**
 * Skyrmions, barriers and readout constant at the potentiation and depression fields (multilayer
 * minimisations: the expensive part, seconds). Independent of the disorder seed, so callers that
 * simulate many device realizations of the same parameters compute it once.
 */
export function skyrmionFieldStatics(dev: SkyrmionSynapseDevice): SkyrmionFieldStatics {
  const P = dev.params;
  const pot = skyrmionAtField(dev, P.fieldPotentiation);
  const dep = skyrmionAtField(dev, P.fieldDepression, pot.radius);
  const rhoAHsat = dev.material.rhoAHsat;
  if (rhoAHsat === undefined)
    throw new PhysicsError(`material ${dev.material.name} has no rhoAHsat (anomalous Hall resistivity)`);
  // Barriers from the same minimised skyrmions (no second minimisation).
  const barrierPot = skyrmionBarrier(multilayerParameters(dev, P.fieldPotentiation), {
    minimum: asMinimum(pot),
  });
  const barrierDep = skyrmionBarrier(multilayerParameters(dev, P.fieldDepression), {
    minimum: asMinimum(dep),
  });
  return { pot, dep, rhoAHsat, barrierPot, barrierDep, criticalCurrent: sotCriticalCurrent(dev) };
}

/**
 * Statics of one device realization: the field statics (computed here unless `field` is given,
 * which must come from skyrmionFieldStatics of the same parameters) plus the disorder drawn from
 * `deviceSeed` (pinning sites, defect sites and their barrier factors, contact-site factors).
 */
export function synapseStatics(
  dev: SkyrmionSynapseDevice,
  deviceSeed: string,
  field: SkyrmionFieldStatics = skyrmionFieldStatics(dev),
): SynapseStatics {
  const P = dev.params;
  const pot = field.pot;
  const rng = createRng(deviceSeed).fork('device-disorder', 0);
  const L = P.trackLength;
  const W = P.trackWidth;
  const nPin = Math.round(P.pinningDensity * L * W);
  const pinX = new Float64Array(nPin);
  const pinY = new Float64Array(nPin);
  for (let i = 0; i < nPin; i++) {
    pinX[i] = rng.uniformRange(-L / 2, L / 2);
    pinY[i] = rng.uniformRange(-W / 2, W / 2);
  }
  const nd = P.defectSites;
  const defectX = new Float64Array(nd);
  const defectY = new Float64Array(nd);
  const defectFactor = new Float64Array(nd);
  for (let i = 0; i < nd; i++) {
    defectX[i] = rng.uniformRange(-L / 2, -P.activeRadius);
    defectY[i] = rng.uniformRange(-W / 2 + pot.radius, W / 2 - pot.radius);
    defectFactor[i] = P.defectBarrierFactor * Math.max(0.2, 1 + P.nucleationBarrierSpread * rng.normal());
  }
  // Independent nucleation sites along the injecting contact: one per skyrmion diameter of width.
  const contactSites = Math.max(1, Math.floor(W / (2 * pot.radius)));
  const contactFactor = new Float64Array(contactSites);
  for (let i = 0; i < contactSites; i++)
    contactFactor[i] = Math.max(0.2, 1 + P.nucleationBarrierSpread * rng.normal());
  return { ...field, pinX, pinY, defectX, defectY, defectFactor, contactFactor };
}

/**
 * Presence (0..1) of an edge segment of the Hall cross seen by a skyrmion of radius R at distance h
 * from the edge line, at coordinate u along the edge: the straight edge exists for |u| > half (the
 * track's y-edges outside the cross, half = a/2; the arms' x-edges outside the track, half = W/2)
 * and is absent inside, where the film continues. The edge interaction integrates over a lateral
 * range ~ max(h, R) of the edge, so the switch is smoothed over that range:
 *   e = (1 + tanh((|u| - half) / max(h, R))) / 2.
 * An approximation to the exact corner geometry (documented in docs/skyrmion.md). half <= 0: a
 * plain strip, the edge everywhere (e = 1).
 */
function edgePresence(u: number, half: number, h: number, R: number): number {
  if (!(half > 0)) return 1;
  return 0.5 * (1 + Math.tanh((Math.abs(u) - half) / Math.max(Math.abs(h), R)));
}

/**
 * Fraction of the track's current density j0 at distance |y| - W/2 into a Hall arm of width a.
 * The arms carry no net current; the track's current leaks into them only through the lowest
 * Laplace mode of a strip of width a with insulating side walls, which decays as
 *   j / j0 = exp(-pi (|y| - W/2) / a)        (|y| > W/2; 1 inside the track).
 * The leakage current's y-component near the junction is neglected (the drive stays along x).
 * a <= 0 (plain strip): 1 everywhere.
 */
export function armCurrentFraction(y: number, halfWidth: number, armWidth2: number): number {
  const d = Math.abs(y) - halfWidth;
  if (!(armWidth2 > 0) || d <= 0) return 1;
  return Math.exp((-Math.PI * d) / (2 * armWidth2));
}

const MAX_SK = 512;

/**
 * Simulated time between crowding-radius updates during a pulse [s]. The sizes follow the
 * positions adiabatically (section 4 item 5 of docs/skyrmion.md); at the largest drive a skyrmion
 * moves ~25 nm in this time, small against the ~450 nm spacing over which the pressure changes.
 */
const RADIUS_UPDATE_INTERVAL = 5e-9;

/** The interaction-table fields the native pair loops read, in their argument order (src/native/module.c). */
function pairTableArgs(t: InteractionTable): PairTableArgs {
  return [t.pair, t.n, t.step, t.reversedArea, t.reversedAreaSlope, t.mu0MsEff2, t.filmThickness];
}

/** The Langevin system of all skyrmions (positions only; sizes follow adiabatically). */
export class SkyrmionGas implements LangevinSystem {
  n = 0;
  get dim(): number {
    return 2 * this.n;
  }
  get noiseDim(): number {
    return 2 * this.n;
  }
  /** Mobility matrix entries and noise amplitude. */
  ma = 0;
  mg = 0;
  noiseAmp = 0;
  fSot = 0;
  radius = new Float64Array(MAX_SK);
  /** Native pair loops (src/native/skyrmion_pairs.c, bit-identical), or undefined for JavaScript. */
  private readonly native: NativeAddon | undefined;
  constructor(
    private readonly dev: SkyrmionSynapseDevice,
    private readonly st: Pick<SynapseStatics, 'pinX' | 'pinY'>,
    public sk: SkyrmionAtField,
    kernels?: KernelPreference,
  ) {
    this.native = nativeAddonFor(kernels);
  }

  configure(sk: SkyrmionAtField, j: number, T: number): void {
    const m = this.dev.material;
    const Nt = m.thickness * m.repeats;
    const ds = m.netSpinDensity ?? m.Ms / m.gamma;
    const s = m.totalSpinDensity ?? m.Ms / m.gamma;
    const g = 4 * Math.PI * -1 * ds * Nt;
    const a = m.alpha * s * Nt * sk.dissipation;
    const den = g * g + a * a;
    this.ma = a / den;
    this.mg = g / den;
    // |F| = N (hbar thetaSH j / 2e) |I| along the current (skyrmions move with the current, Song et al.)
    this.fSot = m.repeats * ((HBAR * Math.abs(m.thetaSH) * j) / (2 * E_CHARGE)) * Math.abs(sk.sotForceLength);
    this.noiseAmp = Math.sqrt(2 * a * KB * T);
    this.sk = sk;
  }

  private ibuf = new Float64Array(4);
  private nodeBuf = new Float64Array(MAX_SK);
  /** Size pressure sum_k dE_int/dR_i + dE_edge/dR_i [J/m] of every skyrmion, from the last updateRadii. */
  pressure = new Float64Array(MAX_SK);

  /**
   * True when skyrmion i is pressed harder than the largest restoring force of the isolated
   * skyrmion (SkyrmionAtField.collapsePressure): it has no equilibrium radius and collapses.
   */
  overCompressed(i: number): boolean {
    return this.pressure[i] > this.sk.collapsePressure;
  }

  /**
   * Force on every skyrmion (fx, fy) into out: SOT drive, magnetostatic pair repulsion
   * -dE_int/dd along the separation and edge repulsion -dE_edge/dh from the tables of
   * physics/skyrmion/interaction.ts (interpolated in the current radii R_i), Gaussian pinning.
   */
  forces(x: Float64Array, out: Float64Array): void {
    const n = this.n;
    const P = this.dev.params;
    const tab = this.sk.interactions;
    const W2 = P.trackWidth / 2;
    const A2 = P.armWidth / 2;
    const sig2 = P.pinningWidth * P.pinningWidth;
    const Up = P.pinningDepth;
    const { pinX, pinY } = this.st;
    const b = this.ibuf;
    const node = this.nodeBuf;
    for (let i = 0; i < n; i++) {
      out[2 * i] = this.fSot * armCurrentFraction(x[2 * i + 1], W2, A2);
      out[2 * i + 1] = 0;
      node[i] = radiusNode(tab, this.radius[i]);
    }
    // Pair repulsion over all pairs i < k first (native twin when built: same operations, same
    // order, same bits), then edges and pinning per skyrmion: every out[] entry receives its terms
    // in the same order as in a single loop, because nothing is added to out[i] after its edges.
    if (this.native) {
      this.native.skyrmionPairForces(...pairTableArgs(tab), n, x, node, out);
    } else {
      for (let i = 0; i < n; i++) {
        const xi = x[2 * i];
        const yi = x[2 * i + 1];
        const xi_n = node[i];
        for (let k = i + 1; k < n; k++) {
          const dx = xi - x[2 * k];
          const dy = yi - x[2 * k + 1];
          const d = Math.sqrt(dx * dx + dy * dy) + 1e-12;
          // -dE_int/dd > 0: repulsion along the separation.
          const f = pairForce(tab, d, xi_n, node[k]);
          out[2 * i] += (f * dx) / d;
          out[2 * i + 1] += (f * dy) / d;
          out[2 * k] -= (f * dx) / d;
          out[2 * k + 1] -= (f * dy) / d;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      const xi = x[2 * i];
      const yi = x[2 * i + 1];
      const Ri = this.radius[i];
      // Edges of the track at y = +-W/2 (b[1] = -dE_edge/dh > 0 pushes away from the edge), absent
      // in the Hall cross (|x| < a/2), where the arms continue; the arms' edges at x = +-a/2.
      {
        const ht = W2 - yi;
        edgeFromTable(tab, ht, Ri, b);
        out[2 * i + 1] -= b[1] * edgePresence(xi, A2, ht, Ri);
        const hb = yi + W2;
        edgeFromTable(tab, hb, Ri, b);
        out[2 * i + 1] += b[1] * edgePresence(xi, A2, hb, Ri);
        if (A2 > 0) {
          const hr = A2 - xi;
          edgeFromTable(tab, hr, Ri, b);
          out[2 * i] -= b[1] * edgePresence(yi, W2, hr, Ri);
          const hl = xi + A2;
          edgeFromTable(tab, hl, Ri, b);
          out[2 * i] += b[1] * edgePresence(yi, W2, hl, Ri);
        }
      }
      // Pinning wells.
      for (let p = 0; p < pinX.length; p++) {
        const px = xi - pinX[p];
        const py = yi - pinY[p];
        const r2 = px * px + py * py;
        if (r2 > 25 * sig2) continue;
        const e = (Up / sig2) * Math.exp(-r2 / (2 * sig2));
        out[2 * i] -= e * px;
        out[2 * i + 1] -= e * py;
      }
    }
  }

  private fbuf = new Float64Array(2 * MAX_SK);
  private distBuf = new Float64Array(0);

  drift(_t: number, x: Float64Array, out: Float64Array): void {
    const f = this.fbuf;
    this.forces(x, f);
    for (let i = 0; i < this.n; i++) {
      const fx = f[2 * i];
      const fy = f[2 * i + 1];
      out[2 * i] = this.ma * fx - this.mg * fy;
      out[2 * i + 1] = this.mg * fx + this.ma * fy;
    }
  }

  noise(_t: number, _x: Float64Array, dW: Float64Array, out: Float64Array): void {
    const s = this.noiseAmp;
    for (let i = 0; i < this.n; i++) {
      const fx = s * dW[2 * i];
      const fy = s * dW[2 * i + 1];
      out[2 * i] = this.ma * fx - this.mg * fy;
      out[2 * i + 1] = this.mg * fx + this.ma * fy;
    }
  }

  /**
   * Crowding: R_i = R0 - (sum_k dE_int(d_ik)/dR_i + dE_edge/dR_i) / k_R (linear response of the
   * isolated skyrmion, k_R = d^2E/dR^2 of the multilayer model; bounded below by R0/2 where the
   * linear response has long ceased to hold). `sweeps` Gauss-Seidel sweeps (default 3; the
   * neighbours' sizes enter dE_int/dR_i at first order).
   */
  updateRadii(x: Float64Array, sweeps = 3): void {
    const n = this.n;
    const P = this.dev.params;
    const tab = this.sk.interactions;
    const W2 = P.trackWidth / 2;
    const A2 = P.armWidth / 2;
    const R0 = this.sk.radius;
    const kR = this.sk.radialStiffness;
    const b = this.ibuf;
    const node = this.nodeBuf;
    for (let i = 0; i < n; i++) node[i] = radiusNode(tab, this.radius[i]);
    // Native: the pair distances once for all sweeps (positions are fixed here).
    const targs = this.native ? pairTableArgs(tab) : undefined;
    if (this.native) {
      if (this.distBuf.length < n * n) this.distBuf = new Float64Array(n * n);
      this.native.skyrmionPairDistances(n, x, this.distBuf);
    }
    for (let it = 0; it < sweeps; it++) {
      for (let i = 0; i < n; i++) {
        const Ri = this.radius[i];
        const xi_n = node[i];
        let press = 0;
        if (this.native) {
          press = this.native.skyrmionPairPressure(...targs!, n, i, this.distBuf, node);
        } else {
          for (let k = 0; k < n; k++) {
            if (k === i) continue;
            const dx = x[2 * i] - x[2 * k];
            const dy = x[2 * i + 1] - x[2 * k + 1];
            const d = Math.sqrt(dx * dx + dy * dy) + 1e-12;
            press += pairSizeDerivative(tab, d, xi_n, node[k]);
          }
        }
        const xi = x[2 * i];
        const yi = x[2 * i + 1];
        edgeFromTable(tab, W2 - yi, Ri, b);
        press += b[2] * edgePresence(xi, A2, W2 - yi, Ri);
        edgeFromTable(tab, yi + W2, Ri, b);
        press += b[2] * edgePresence(xi, A2, yi + W2, Ri);
        if (A2 > 0) {
          edgeFromTable(tab, A2 - xi, Ri, b);
          press += b[2] * edgePresence(yi, W2, A2 - xi, Ri);
          edgeFromTable(tab, xi + A2, Ri, b);
          press += b[2] * edgePresence(yi, W2, xi + A2, Ri);
        }
        this.pressure[i] = press;
        this.radius[i] = Math.max(0.5 * R0, R0 - press / kR);
        node[i] = radiusNode(tab, this.radius[i]);
      }
    }
  }
}

/**
 * One potentiation + depression cycle. `rng` drives every random event of this cycle.
 */
export function runSynapseCycle(
  dev: SkyrmionSynapseDevice,
  st: SynapseStatics,
  rng: RandomStream,
  opts: {
    potentiationOnly?: boolean;
    /** Deletion at the nucleation sites under reversed pulses (default true; false for diagnosis). */
    siteDeletion?: boolean;
    /** Pair-loop implementation (default MAGNEURO_KERNELS or 'auto'); the results are the same bits. */
    kernels?: KernelPreference;
  } = {},
): CycleResult {
  const P = dev.params;
  const m = dev.material;
  const gas = new SkyrmionGas(dev, st, st.pot, opts.kernels);
  const x = new Float64Array(2 * MAX_SK);
  const heun = new StochasticHeun(gas, rng.fork('noise', 0));
  const events = rng.fork('events', 0);
  const deletion = rng.fork('site-deletion', 0);
  const siteDeletion = opts.siteDeletion ?? true;
  const sites = nucleationSites(dev, st);
  const L = P.trackLength;
  const W = P.trackWidth;
  const Aact = Math.PI * P.activeRadius * P.activeRadius;
  const track = {
    heavyMetalThickness: (m.heavyMetalThickness ?? 3e-9) * m.repeats,
    rhoHeavyMetal: m.rhoHeavyMetal ?? 2e-7,
    magnetThickness: m.thickness * m.repeats,
    rhoMagnet: m.rhoMagnet ?? 1.5e-6,
    heatCapacity: P.heatCapacity,
    stackThickness: (m.period ?? m.thickness) * m.repeats,
    conductance: P.thermalConductance,
  };
  const records: PulseRecord[] = [];
  const rhoSat = st.rhoAHsat;

  const remove = (i: number) => {
    const last = gas.n - 1;
    x[2 * i] = x[2 * last];
    x[2 * i + 1] = x[2 * last + 1];
    gas.radius[i] = gas.radius[last];
    gas.n--;
  };
  const free = (px: number, py: number, R: number) => {
    for (let k = 0; k < gas.n; k++) {
      if (Math.hypot(px - x[2 * k], py - x[2 * k + 1]) < R + gas.radius[k]) return false;
    }
    return true;
  };
  const readout = () => {
    let area = 0;
    let nAct = 0;
    let dsum = 0;
    for (let i = 0; i < gas.n; i++) {
      dsum += 2 * gas.radius[i];
      if (Math.hypot(x[2 * i], x[2 * i + 1]) <= P.activeRadius) {
        nAct++;
        const r = gas.radius[i] / gas.sk.radius;
        area += gas.sk.reversedArea * r * r;
      }
    }
    const mz = Math.max(-1, 1 - area / Aact);
    // Anomalous term, plus the optional ordinary R0 B and topological P R0 B_eff terms
    // (physics/readout/hall.ts; both 0 unless the material sets ordinaryHallCoefficient).
    const R0H = m.ordinaryHallCoefficient ?? 0;
    const extra =
      R0H === 0
        ? 0
        : ordinaryHallResistivity(R0H, gas.sk.field) +
          topologicalHallResistivity(R0H, m.hallSpinPolarization ?? 0, nAct / Aact);
    return { nAct, rho: rhoSat * mz + extra, meanD: gas.n ? dsum / gas.n : NaN };
  };

  const phases: Array<{
    phase: 'potentiation' | 'depression';
    pulses: number;
    B: number;
    sign: number;
    sk: SkyrmionAtField;
  }> = [
    { phase: 'potentiation', pulses: P.potentiationPulses, B: P.fieldPotentiation, sign: 1, sk: st.pot },
    { phase: 'depression', pulses: P.depressionPulses, B: P.fieldDepression, sign: -1, sk: st.dep },
  ];
  for (const ph of opts.potentiationOnly ? phases.slice(0, 1) : phases) {
    gas.sk = ph.sk;
    gas.updateRadii(x);
    const r0 = readout();
    records.push({
      phase: ph.phase,
      pulse: 0,
      current_A_per_m2: 0,
      field_T: ph.B,
      temperature_K: m.temperature,
      skyrmions_total: gas.n,
      skyrmions_active: r0.nAct,
      mean_diameter_m: Number.isFinite(r0.meanD) ? r0.meanD : 2 * ph.sk.radius,
      rho_xy_ohm_m: r0.rho,
      drho_xy_ohm_m: r0.rho - rhoSat,
      nucleated: 0,
      annihilated: 0,
      deleted_at_sites: 0,
      positions_m: Array.from(x.subarray(0, 2 * gas.n)),
    });
    for (let k = 1; k <= ph.pulses; k++) {
      const jAbs =
        ph.pulses === 1
          ? P.currentMin
          : P.currentMin + ((P.currentMax - P.currentMin) * (k - 1)) / (ph.pulses - 1);
      const j = ph.sign * jAbs;
      const T = m.temperature + jouleTemperatureRise(track, jAbs, P.pulseWidth);
      const kT = KB * T;
      const f0tau = P.attemptFrequency * P.pulseWidth;
      // Nucleation barrier of the energy model at this field, lowered by SOT and Joule heating.
      const barrier = ph.sign > 0 ? st.barrierPot : st.barrierDep;
      const Tc = m.curieTemperature ?? Infinity;
      const En =
        P.nucleationBarrierScale *
        loweredBarrier(
          barrier.nucleationBarrier,
          jAbs,
          P.nucleationCriticalCurrent ?? st.criticalCurrent,
          T,
          m.temperature,
          Tc,
        );
      let nucleated = 0;
      const tryNucleate = (factor: number, px: number, py: number) => {
        const E = En * factor;
        const p = 1 - Math.exp(-f0tau * Math.exp(-Math.max(E, 0) / kT));
        if (events.uniform() < p && gas.n < MAX_SK && free(px, py, ph.sk.radius)) {
          x[2 * gas.n] = px;
          x[2 * gas.n + 1] = py;
          gas.radius[gas.n] = ph.sk.radius;
          gas.n++;
          nucleated++;
        }
      };
      // Writing polarity only: SOT nucleation at a site is polarity-selective (the reversed pulse
      // deletes rather than creates; Woo et al., Nat. Electron. 1, 288 (2018); Buttner et al., Nat.
      // Nanotechnol. 12, 1040 (2017)). Model assumption, documented in docs/skyrmion.md.
      if (ph.sign > 0)
        for (let s = 0; s < sites.factor.length; s++) tryNucleate(sites.factor[s], sites.x[s], sites.y[s]);
      // Motion during the pulse.
      gas.configure(ph.sk, j, T);
      gas.updateRadii(x);
      let steps = 0;
      let annihilated = 0;
      let deletedAtSites = 0;
      const radiusEvery = Math.max(1, Math.round(RADIUS_UPDATE_INTERVAL / P.timeStep));
      // Deleting polarity: the reversed pulse deletes a skyrmion whose core covers a nucleation site
      // (siteDeletionProbabilities; the counterpart of the polarity-selective nucleation above).
      const pDelete =
        ph.sign < 0 && siteDeletion
          ? siteDeletionProbabilities(dev, st, jAbs, T, radiusEvery * P.timeStep)
          : undefined;
      heun.integrate(x, 0, P.pulseWidth, P.timeStep, () => {
        if (++steps % radiusEvery !== 0) return;
        if (pDelete) {
          for (let i = gas.n - 1; i >= 0; i--) {
            const R2 = gas.radius[i] * gas.radius[i];
            const xi = x[2 * i];
            const yi = x[2 * i + 1];
            for (let s = 0; s < pDelete.length; s++) {
              const dx = xi - sites.x[s];
              const dy = yi - sites.y[s];
              if (dx * dx + dy * dy < R2 && deletion.uniform() < pDelete[s]) {
                remove(i);
                annihilated++;
                deletedAtSites++;
                break;
              }
            }
          }
        }
        gas.updateRadii(x);
      });
      // Removal at contacts and edges, annihilation under reversed pulses.
      const Ea = loweredBarrier(
        st.barrierDep.annihilationBarrier,
        jAbs,
        st.criticalCurrent,
        T,
        m.temperature,
        m.curieTemperature ?? Infinity,
      );
      const pAnn = ph.sign < 0 ? 1 - Math.exp(-f0tau * Math.exp(-Ea / kT)) : 0;
      for (let i = gas.n - 1; i >= 0; i--) {
        const xi = x[2 * i];
        const yi = x[2 * i + 1];
        // Out through the contacts, into the track edges, or (in the Hall cross) far into an arm.
        const inCross = Math.abs(xi) < P.armWidth / 2;
        const out =
          Math.abs(xi) > L / 2 ||
          (inCross ? Math.abs(yi) > W / 2 + P.armLength : Math.abs(yi) > W / 2 - 0.25 * gas.radius[i]);
        if (out || (pAnn > 0 && events.uniform() < pAnn)) {
          remove(i);
          annihilated++;
        }
      }
      gas.configure(ph.sk, 0, m.temperature);
      gas.updateRadii(x);
      // Crowding collapse: a skyrmion pressed beyond the largest restoring force of the energy model
      // (SkyrmionAtField.collapsePressure) has no equilibrium radius and collapses. Remove the most
      // over-compressed one, relax the others, repeat (removing one relieves its neighbours).
      for (;;) {
        let worst = -1;
        let excess = 0;
        for (let i = 0; i < gas.n; i++) {
          const e = gas.pressure[i] - gas.sk.collapsePressure;
          if (e > excess) {
            excess = e;
            worst = i;
          }
        }
        if (worst < 0) break;
        remove(worst);
        annihilated++;
        gas.updateRadii(x);
      }
      const r = readout();
      records.push({
        phase: ph.phase,
        pulse: k,
        current_A_per_m2: j,
        field_T: ph.B,
        temperature_K: T,
        skyrmions_total: gas.n,
        skyrmions_active: r.nAct,
        mean_diameter_m: Number.isFinite(r.meanD) ? r.meanD : 2 * ph.sk.radius,
        rho_xy_ohm_m: r.rho,
        drho_xy_ohm_m: r.rho - rhoSat,
        nucleated,
        annihilated,
        deleted_at_sites: deletedAtSites,
        positions_m: Array.from(x.subarray(0, 2 * gas.n)),
      });
    }
  }
  return { records };
}
