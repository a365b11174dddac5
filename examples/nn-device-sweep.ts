/**
 * How MLP accuracy responds to the number of device levels, cycle-to-cycle sigma and
 * potentiation/depression asymmetry (docs/networks.md). About 2 minutes on one core.
 *
 *   npm run build && MAGNEURO_DATA=../shared/data node dist/examples/nn-device-sweep.js
 */
import { loadDataset } from '../src/nn/data/index.js';
import { trainMlp } from '../src/nn/mlp/index.js';
import { constantStepDeviceTable, neurosimDeviceTable } from '../src/nn/synapses/index.js';
import type { ConductanceTable } from '../src/tables/index.js';

const data = await loadDataset('mnist');
const common = { limit: 12000, iterations: 120, testLimit: 2000, evalEvery: 120, seed: 1 };
const device = (table: ConductanceTable) =>
  trainMlp(data, { ...common, synapse: { kind: 'device', table }, lr: 2 }).test_accuracy;
const rows: Array<[string, number]> = [
  ['ideal (lr 0.5)', trainMlp(data, { ...common, synapse: { kind: 'ideal' }, lr: 0.5 }).test_accuracy],
];
for (const levels of [4, 8, 16, 24, 64, 256])
  rows.push([
    `linear, ${levels} levels, sigma 0`,
    device(constantStepDeviceTable({ potentiationPulses: levels - 1, depressionPulses: levels - 1 })),
  ]);
for (const sigma of [0.01, 0.03, 0.1])
  rows.push([
    `linear, 24 levels, sigma ${sigma}`,
    device(constantStepDeviceTable({ potentiationPulses: 23, depressionPulses: 23, sigma })),
  ]);
for (const [ap, ad] of [
  [1e6, 1e6],
  [32, 32],
  [32, 8],
  [8, 8],
])
  rows.push([
    `NeuroSim, 64 pulses, A_p = ${ap}, A_d = ${ad}`,
    device(
      neurosimDeviceTable({
        potentiationPulses: 64,
        depressionPulses: 64,
        aPotentiation: ap,
        aDepression: ad,
      }),
    ),
  ]);
for (const [name, acc] of rows) console.log(`| ${name} | ${(100 * acc).toFixed(1)} % |`);
