/**
 * A device table built only from the numbers Song et al. (Nat. Electron. 3, 148 (2020)) publish
 * for their measured skyrmion synapse, to check the network layer against their Fig. 3
 * independently of the skyrmion physics (`--synapse song2020-published`):
 *  - 24 potentiation states ("a total of 24 different resistivity states during potentiation")
 *    and 16 depression states (Fig. 2B; images #1-#16 of Fig. 2C);
 *  - evenly spaced: the text's "accumulation of skyrmions and corresponding linear resistance
 *    decrease" and, for depression, "linear resistance increase" (the figure's points are not
 *    digitized here);
 *  - an assumption: depression returns to the initial state (potentiation and depression span the
 *    same range). The text does not give the final depression state; docs/networks.md ("What the
 *    gap is made of") shows that this coverage matters more than any other property of the table;
 *  - range and spread from the final potentiated state, Delta rho_xy,f = -3.1e2 +- 4.1 nOhm cm,
 *    the +-4.1 taken as the cycle-to-cycle std of every level (Fig. 3B draws each level from
 *    N(G_i, sigma_i^2)).
 * Levels are the Hall resistivity change Delta rho_xy [ohm m] from the state after saturation
 * (0 at potentiation state 0, -3.1e-9 ohm m = -310 nOhm cm at the end of potentiation), falling
 * as skyrmions accumulate (weightSense "decreasing", like the simulated song2020 table).
 * Nothing in it is fitted to Fig. 3.
 */
import { TABLE_SCHEMA_VERSION, type ConductanceTable } from '../../tables/index.js';
import { parseQuantity } from '../../units/quantity.js';

export const SONG2020_PUBLISHED_DEVICE = {
  potentiationStates: 24,
  depressionStates: 16,
  /** Delta rho_xy,f at the end of potentiation [ohm m] (-3.1e2 nOhm cm). */
  finalChange: parseQuantity('-3.1e2 nohm cm', 'ohm m'),
  /** Its spread [ohm m] (+-4.1 nOhm cm), used as every level's cycle-to-cycle std. */
  levelStd: parseQuantity('4.1 nohm cm', 'ohm m'),
} as const;

export function song2020PublishedDeviceTable(): ConductanceTable {
  const {
    potentiationStates: np,
    depressionStates: nd,
    finalChange: f,
    levelStd: std,
  } = SONG2020_PUBLISHED_DEVICE;
  return {
    schema: TABLE_SCHEMA_VERSION,
    name: 'song2020-published',
    kind: 'conductance-levels',
    source: {
      type: 'analytic',
      description:
        'linear 24/16-state device from the published level count, final change and spread of Song et al. 2020 (Fig. 2B and text)',
      reference: 'K. M. Song et al., Nat. Electron. 3, 148 (2020), Fig. 2B',
    },
    notes: [
      'levels: Hall resistivity change from the saturated state (ohm m); std 4.1 nOhm cm at every level',
      'a control of the network layer, not a simulation: see src/nn/synapses/song2020-published.ts',
    ],
    quantity: 'hall-resistivity-change',
    unit: 'ohm m',
    weightSense: 'decreasing',
    potentiation: Array.from({ length: np + 1 }, (_, p) => ({ mean: (f * p) / np, std })),
    depression: Array.from({ length: nd + 1 }, (_, p) => ({ mean: f - (f * p) / nd, std })),
  };
}
