/**
 * The optional native addon (src/native/*.c, a Node-API module that `npm install` / `npm ci` builds
 * with node-gyp when a C compiler and Node's headers are present; `npm run build:native` rebuilds it).
 * Every native function is a bit-identical twin of a JavaScript function (see the C sources), so
 * whether the addon loads changes speed, never results.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ParameterError } from '../util/errors.js';
import { packageRoot } from '../util/paths.js';

/** The InteractionTable fields of the skyrmion pair loops, in argument order. */
export type PairTableArgs = [
  pair: Float64Array,
  n: number,
  step: number,
  reversedArea: Float64Array,
  reversedAreaSlope: Float64Array,
  mu0MsEff2: number,
  filmThickness: number,
];

/** Functions exported by the addon (argument order as in the C bindings, src/native/module.c). */
export interface NativeAddon {
  forwardSpikeRows(...a: unknown[]): void;
  forwardFromToggles(...a: unknown[]): void;
  accumulateSpikeOuter(...a: unknown[]): void;
  maskedGradToInputs(...a: unknown[]): number;
  spikeToggles(...a: unknown[]): number;
  poissonEncodeAlea(
    state: Float64Array,
    p: Float32Array,
    batch: number,
    T: number,
    n: number,
    out: Float32Array,
  ): number;
  dwmtjBinaryForward(...a: unknown[]): void;
  dwmtjMultiForward(...a: unknown[]): void;
  dwmtjMultiBackward(...a: unknown[]): void;
  dwmtjMultiSupport(...a: unknown[]): number;
  lifForward(...a: unknown[]): void;
  lifSupport(...a: unknown[]): number;
  lifBackward(...a: unknown[]): void;
  bnStats(...a: unknown[]): void;
  bnNormalize(...a: unknown[]): void;
  bnGradSums(...a: unknown[]): void;
  bnInputGrad(...a: unknown[]): void;
  skyrmionPairForces(
    ...a: [...PairTableArgs, count: number, x: Float64Array, node: Float64Array, out: Float64Array]
  ): void;
  skyrmionPairPressure(
    ...a: [...PairTableArgs, count: number, i: number, dist: Float64Array, node: Float64Array]
  ): number;
  /** dist[i count + k] = |r_i - r_k| + 1e-12 as the JavaScript pair loops compute it. */
  skyrmionPairDistances(count: number, x: Float64Array, dist: Float64Array): void;
}

/** Every function of NativeAddon: a build that lacks one (older sources) is reported, not used. */
const NATIVE_FUNCTIONS: ReadonlyArray<keyof NativeAddon> = [
  'forwardSpikeRows',
  'forwardFromToggles',
  'accumulateSpikeOuter',
  'maskedGradToInputs',
  'spikeToggles',
  'poissonEncodeAlea',
  'dwmtjBinaryForward',
  'dwmtjMultiForward',
  'dwmtjMultiBackward',
  'dwmtjMultiSupport',
  'lifForward',
  'lifSupport',
  'lifBackward',
  'bnStats',
  'bnNormalize',
  'bnGradSums',
  'bnInputGrad',
  'skyrmionPairForces',
  'skyrmionPairDistances',
  'skyrmionPairPressure',
];

/** Path of the compiled addon inside the package. */
export function nativeAddonPath(): string {
  return join(packageRoot(), 'src', 'native', 'build', 'Release', 'magneuro_native.node');
}

export interface NativeLoad {
  addon?: NativeAddon;
  /** Why the addon is unavailable. */
  reason?: string;
}

let loaded: NativeLoad | undefined; // load-once memo of an immutable result

/** The addon, or the reason it is unavailable. */
export function loadNativeAddon(): NativeLoad {
  if (loaded) return loaded;
  const path = nativeAddonPath();
  if (!existsSync(path)) {
    loaded = {
      reason: `native kernels not built (${path} missing; \`npm run build:native\` with a C compiler and Node's headers)`,
    };
    return loaded;
  }
  try {
    const addon = createRequire(import.meta.url)(path) as Record<string, unknown>;
    const missing = NATIVE_FUNCTIONS.filter((f) => typeof addon[f] !== 'function');
    loaded = missing.length
      ? {
          reason: `native kernels out of date (${path} lacks ${missing.join(', ')}; rebuild with \`npm run build:native\`)`,
        }
      : { addon: addon as unknown as NativeAddon };
  } catch (err) {
    loaded = { reason: `native kernels failed to load: ${(err as Error).message.split('\n')[0]}` };
  }
  return loaded;
}

export type KernelPreference = 'auto' | 'native' | 'javascript';

/** Validated kernel preference (default: MAGNEURO_KERNELS, else 'auto'). */
export function kernelPreference(value: string = process.env.MAGNEURO_KERNELS ?? 'auto'): KernelPreference {
  if (value === 'auto' || value === 'native' || value === 'javascript') return value;
  throw new ParameterError('MAGNEURO_KERNELS', value, "'auto', 'native' or 'javascript'");
}

/** The addon when `preference` allows it and it loads; throws for 'native' when it does not. */
export function nativeAddonFor(preference?: string): NativeAddon | undefined {
  const p = kernelPreference(preference);
  if (p === 'javascript') return undefined;
  const n = loadNativeAddon();
  if (!n.addon && p === 'native') throw new Error(n.reason);
  return n.addon;
}
