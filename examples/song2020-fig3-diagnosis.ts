/**
 * Why does the simulated skyrmion table train worse than Song et al.'s ~89 % (docs/networks.md,
 * "What the gap is made of")? Starting from the control device of Song's published figures
 * (song2020-published: 24/16 even states, std 1.3 % of the range), change one property at a time
 * towards the simulated table (models/tables/song2020-skyrmion-synapse.json) and train the Fig. 3
 * network (784-100-10, batch 300, 600 iterations, device lr 2, 5 seeds; about 2 minutes on 2
 * cores):
 *  - spread: every level's std x 3 (the simulated table's std is 2-5 % of its range);
 *  - depression coverage: the depression branch runs from 10 % to 82 % of the range instead of
 *    0-100 % (the simulated branch starts below the end of potentiation, because at 144 mT the
 *    skyrmions shrink, and ends above the initial state, because some skyrmions survive the 16
 *    reversed pulses);
 *  - and, as a diagnosis only, the simulated table with its depression branch stretched linearly
 *    over the whole range.
 *
 *   npm run build && MAGNEURO_DATA=../shared/data node dist/examples/song2020-fig3-diagnosis.js
 *
 * Prints one JSON object per device: test accuracy of each seed, mean and sample std.
 */
import { song2020PublishedDeviceTable, usableSong2020Table } from '../src/nn/synapses/index.js';
import type { ConductanceTable, Level } from '../src/tables/index.js';
import { trainFig3Networks } from './fig3-networks.js';

/** The table with every level's std multiplied by `factor`. */
function scaledSpread(t: ConductanceTable, factor: number): ConductanceTable {
  const scale = (ls: Level[]) => ls.map((l) => ({ ...l, std: l.std * factor }));
  return { ...t, potentiation: scale(t.potentiation), depression: scale(t.depression) };
}

/**
 * The table with its depression means mapped linearly onto [from, to] (fractions of the range
 * from the fully potentiated end: 0 = the end of potentiation, 1 = the initial state).
 */
function depressionCoverage(t: ConductanceTable, from: number, to: number): ConductanceTable {
  const end = t.potentiation[t.potentiation.length - 1].mean;
  const start = t.potentiation[0].mean;
  const d = t.depression;
  const d0 = d[0].mean;
  const dn = d[d.length - 1].mean;
  const target = (f: number) => end + f * (start - end);
  return {
    ...t,
    depression: d.map((l) => ({
      ...l,
      mean: target(from) + ((l.mean - d0) / (dn - d0)) * (target(to) - target(from)),
    })),
  };
}

const control = song2020PublishedDeviceTable();
const devices: Array<[string, ConductanceTable]> = [
  ['control (published figures)', control],
  ['control, std x 3', scaledSpread(control, 3)],
  ['control, depression over 10-82 % of the range', depressionCoverage(control, 0.1, 0.82)],
  ['control, std x 3 and depression over 10-82 %', depressionCoverage(scaledSpread(control, 3), 0.1, 0.82)],
];
const song = usableSong2020Table();
if ('table' in song) {
  devices.push(['simulated song2020 table', song.table]);
  devices.push([
    'simulated table, depression stretched over 0-100 % (diagnosis)',
    depressionCoverage(song.table, 0, 1),
  ]);
} else console.error(`simulated table not usable: ${song.reason}`);

for (const r of await trainFig3Networks(devices)) console.log(JSON.stringify(r));
