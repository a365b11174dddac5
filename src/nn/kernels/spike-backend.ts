/**
 * Which implementation runs the hot loops of the spiking network (sparse spike kernels of
 * spikes.ts, LIF and batch-norm loops of snn-layers.ts, DW-MTJ neuron loops of dwmtj-neurons.ts),
 * or their C twins in src/native/spikes.c, snn_layers.c and dwmtj_neurons.c (the optional addon of src/native/addon.ts). The two give bit-identical results
 * (test/snn-native.test.ts), so the choice changes speed, never numbers.
 *
 * Selection: `MAGNEURO_KERNELS=javascript` forces the JavaScript kernels; `native` requires the
 * addon (an error names why it is missing); unset or `auto` uses the addon when it loads.
 */
import { loadNativeAddon, nativeAddonFor, type KernelPreference } from '../../native/addon.js';
import {
  accumulateSpikeOuter,
  forwardFromToggles,
  forwardSpikeRows,
  maskedGradToInputs,
  spikeToggles,
} from './spikes.js';
import * as L from './snn-layers.js';
import * as D from './dwmtj-neurons.js';
import { createRng } from '../../random/stream.js';

export interface SpikeKernels {
  /** 'native' (C addon) or 'javascript'. */
  name: 'native' | 'javascript';
  forwardSpikeRows: typeof forwardSpikeRows;
  forwardFromToggles: typeof forwardFromToggles;
  accumulateSpikeOuter: typeof accumulateSpikeOuter;
  maskedGradToInputs: typeof maskedGradToInputs;
  spikeToggles: typeof spikeToggles;
  poissonEncode: typeof L.poissonEncode;
  dwmtjBinaryForward: typeof D.dwmtjBinaryForward;
  dwmtjMultiForward: typeof D.dwmtjMultiForward;
  dwmtjMultiBackward: typeof D.dwmtjMultiBackward;
  dwmtjMultiSupport: typeof D.dwmtjMultiSupport;
  lifForward: typeof L.lifForward;
  lifSupport: typeof L.lifSupport;
  lifBackward: typeof L.lifBackward;
  bnStats: typeof L.bnStats;
  bnNormalize: typeof L.bnNormalize;
  bnGradSums: typeof L.bnGradSums;
  bnInputGrad: typeof L.bnInputGrad;
}

export const javascriptSpikeKernels: SpikeKernels = {
  name: 'javascript',
  forwardSpikeRows,
  forwardFromToggles,
  accumulateSpikeOuter,
  maskedGradToInputs,
  spikeToggles,
  poissonEncode: L.poissonEncode,
  dwmtjBinaryForward: D.dwmtjBinaryForward,
  dwmtjMultiForward: D.dwmtjMultiForward,
  dwmtjMultiBackward: D.dwmtjMultiBackward,
  dwmtjMultiSupport: D.dwmtjMultiSupport,
  lifForward: L.lifForward,
  lifSupport: L.lifSupport,
  lifBackward: L.lifBackward,
  bnStats: L.bnStats,
  bnNormalize: L.bnNormalize,
  bnGradSums: L.bnGradSums,
  bnInputGrad: L.bnInputGrad,
};

let nativeKernels: SpikeKernels | undefined; // built once from the (memoized) addon

/** The native kernels, or the reason they are unavailable. */
export function loadNativeSpikeKernels(): { kernels?: SpikeKernels; reason?: string } {
  const n = loadNativeAddon();
  if (!n.addon) return { reason: n.reason };
  if (!nativeKernels) {
    const a = n.addon;
    nativeKernels = Object.freeze({
      name: 'native',
      forwardSpikeRows: a.forwardSpikeRows as SpikeKernels['forwardSpikeRows'],
      forwardFromToggles: a.forwardFromToggles as SpikeKernels['forwardFromToggles'],
      accumulateSpikeOuter: a.accumulateSpikeOuter as SpikeKernels['accumulateSpikeOuter'],
      maskedGradToInputs: a.maskedGradToInputs as SpikeKernels['maskedGradToInputs'],
      spikeToggles: a.spikeToggles as SpikeKernels['spikeToggles'],
      poissonEncode: (seed, p, batch, T, n, out) =>
        a.poissonEncodeAlea(createRng(seed).aleaStartState(), p, batch, T, n, out),
      dwmtjBinaryForward: a.dwmtjBinaryForward as SpikeKernels['dwmtjBinaryForward'],
      dwmtjMultiForward: a.dwmtjMultiForward as SpikeKernels['dwmtjMultiForward'],
      dwmtjMultiBackward: a.dwmtjMultiBackward as SpikeKernels['dwmtjMultiBackward'],
      dwmtjMultiSupport: a.dwmtjMultiSupport as SpikeKernels['dwmtjMultiSupport'],
      lifForward: a.lifForward as SpikeKernels['lifForward'],
      lifSupport: a.lifSupport as SpikeKernels['lifSupport'],
      lifBackward: a.lifBackward as SpikeKernels['lifBackward'],
      bnStats: a.bnStats as SpikeKernels['bnStats'],
      bnNormalize: a.bnNormalize as SpikeKernels['bnNormalize'],
      bnGradSums: a.bnGradSums as SpikeKernels['bnGradSums'],
      bnInputGrad: a.bnInputGrad as SpikeKernels['bnInputGrad'],
    } satisfies SpikeKernels);
  }
  return { kernels: nativeKernels };
}

export type { KernelPreference };

/** The kernels to use for `preference` (default: MAGNEURO_KERNELS, else 'auto'). */
export function spikeKernels(preference?: string): SpikeKernels {
  const addon = nativeAddonFor(preference);
  return addon ? loadNativeSpikeKernels().kernels! : javascriptSpikeKernels;
}
