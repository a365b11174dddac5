/**
 * Which implementation runs the sparse spike kernels: the JavaScript kernels of spikes.ts, or
 * their C twins in src/nn/kernels/native (an optional Node-API addon built by `npm install`
 * when a C compiler and Node's headers are present). The two give bit-identical results
 * (test/snn-native.test.ts), so the choice changes speed, never numbers.
 *
 * Selection: `MAGNEURO_KERNELS=javascript` forces the JavaScript kernels; `native` requires the
 * addon (an error names why it is missing); unset or `auto` uses the addon when it loads.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ParameterError } from '../../util/errors.js';
import { packageRoot } from '../../util/paths.js';
import { accumulateSpikeOuter, forwardFromToggles, forwardSpikeRows, maskedGradToInputs } from './spikes.js';
import { gemmNT } from './gemm.js';

export interface SpikeKernels {
  /** 'native' (C addon) or 'javascript'. */
  name: 'native' | 'javascript';
  forwardSpikeRows: typeof forwardSpikeRows;
  forwardFromToggles: typeof forwardFromToggles;
  accumulateSpikeOuter: typeof accumulateSpikeOuter;
  maskedGradToInputs: typeof maskedGradToInputs;
  /** Dense dL/ds = dL/dz W^T when most entries are needed (gemm.ts). */
  gemmNT: (
    M: number,
    N: number,
    K: number,
    A: Float32Array,
    B: Float32Array,
    C: Float32Array,
    alpha: number,
    beta: number,
  ) => void;
}

export const javascriptSpikeKernels: SpikeKernels = {
  name: 'javascript',
  forwardSpikeRows,
  forwardFromToggles,
  accumulateSpikeOuter,
  maskedGradToInputs,
  gemmNT,
};

/** Path of the compiled addon inside the package. */
export function nativeAddonPath(): string {
  return join(packageRoot(), 'src', 'nn', 'kernels', 'native', 'build', 'Release', 'magneuro_spikes.node');
}

interface Loaded {
  kernels?: SpikeKernels;
  reason?: string;
}
let loaded: Loaded | undefined; // load-once memo of an immutable result

/** The native kernels, or the reason they are unavailable. */
export function loadNativeSpikeKernels(): Loaded {
  if (loaded) return loaded;
  const path = nativeAddonPath();
  if (!existsSync(path)) {
    loaded = {
      reason: `native spike kernels not built (${path} missing; \`npm rebuild magneuro\` or \`npm run build:native\` with a C compiler and Node's headers)`,
    };
    return loaded;
  }
  try {
    const addon = createRequire(import.meta.url)(path) as Omit<SpikeKernels, 'name'>;
    loaded = { kernels: Object.freeze({ name: 'native' as const, ...addon }) };
  } catch (err) {
    loaded = { reason: `native spike kernels failed to load: ${(err as Error).message.split('\n')[0]}` };
  }
  return loaded;
}

export type KernelPreference = 'auto' | 'native' | 'javascript';

/** The kernels to use for `preference` (default: MAGNEURO_KERNELS, else 'auto'). */
export function spikeKernels(preference: string = process.env.MAGNEURO_KERNELS ?? 'auto'): SpikeKernels {
  if (preference === 'javascript') return javascriptSpikeKernels;
  if (preference !== 'auto' && preference !== 'native')
    throw new ParameterError('MAGNEURO_KERNELS', preference, "'auto', 'native' or 'javascript'");
  const n = loadNativeSpikeKernels();
  if (n.kernels) return n.kernels;
  if (preference === 'native') throw new Error(n.reason);
  return javascriptSpikeKernels;
}
