/**
 * The C pair loops of the skyrmion gas (src/native/skyrmion_pairs.c) against the JavaScript loops:
 * a whole potentiation + depression cycle of the song2020 device (up to ~100 interacting
 * skyrmions, thousands of force evaluations, chaotic many-body dynamics that would amplify any
 * last-bit difference) must give the same records, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { loadNativeAddon } from '../src/native/addon.js';
import { loadSkyrmionSynapse } from '../src/devices/skyrmion-synapse-preset.js';
import { runSynapseCycle, synapseStatics } from '../src/devices/skyrmion-synapse.js';
import { createRng } from '../src/random/stream.js';

const native = loadNativeAddon();
if (!native.addon) console.warn(`skyrmion-native: ${native.reason}; comparison skipped`);

describe.skipIf(!native.addon)('native skyrmion pair loops', () => {
  it('a full synapse cycle is bit-identical to the JavaScript pair loops', () => {
    const dev = loadSkyrmionSynapse('song2020');
    const st = synapseStatics(dev, 'native-check');
    const run = (kernels: 'javascript' | 'native') =>
      runSynapseCycle(dev, st, createRng('native-cycle'), { kernels });
    const a = run('javascript');
    const b = run('native');
    // The comparison means something only if skyrmions interacted: the device filled up.
    expect(Math.max(...a.records.map((r) => r.skyrmions_total))).toBeGreaterThan(20);
    expect(b.records).toEqual(a.records); // counts, readout and every skyrmion's position per pulse
  }, 120_000);
});
