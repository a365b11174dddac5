/**
 * Image datasets for the network layer: MNIST and Fashion-MNIST from IDX files.
 *
 * `loadDataset(name)` finds the files (see load.ts for the resolution order), verifies them
 * against the SHA-256 of the reference files and returns uint8 images (row-major, `rows*cols`
 * bytes per image) and labels; `normalizedImages` gives the pixel values / 255 as Float32Array.
 */
import { resolveDataset, type Dataset, type ImageSet, type LoadOptions } from './load.js';
import type { DatasetName } from './catalog.js';
import { ParameterError } from '../../util/errors.js';

export type { DatasetName } from './catalog.js';
export { DATASETS, DATASET_NAMES } from './catalog.js';
export type { Dataset, ImageSet, LoadOptions, ResolveOptions } from './load.js';
export { DatasetNotFoundError, resolveDataset, defaultCacheDir, sha256Hex } from './load.js';
export { parseIdx, readIdxFile, encodeIdx, maybeGunzip, IdxFormatError, type IdxArray } from './idx.js';

export function loadDataset(name: DatasetName, options: LoadOptions = {}): Promise<Dataset> {
  return resolveDataset(name, options);
}

/** Pixel values / 255 as Float32Array for images [start, start+count). */
export function normalizedImages(set: ImageSet, start = 0, count = set.count - start): Float32Array {
  if (!Number.isInteger(start) || start < 0 || start > set.count)
    throw new ParameterError('start', start, `an integer in [0, ${set.count}]`);
  if (!Number.isInteger(count) || count < 0 || start + count > set.count)
    throw new ParameterError('count', count, `an integer in [0, ${set.count - start}]`);
  const n = set.rows * set.cols;
  const src = set.images.subarray(start * n, (start + count) * n);
  const out = new Float32Array(src.length);
  const inv = 1 / 255;
  for (let i = 0; i < src.length; i++) out[i] = src[i] * inv;
  return out;
}
