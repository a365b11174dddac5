/** Splits of a dataset for SNN runs: training images, a held-out validation slice, the test set. */
import type { Dataset } from '../data/index.js';
import { normalizedImages } from '../data/index.js';
import { ParameterError } from '../../util/errors.js';
import type { LabeledImages } from './train.js';

export interface SnnSplits {
  train: LabeledImages;
  validation: LabeledImages;
  test: LabeledImages;
  /** Index ranges used, for reports. */
  ranges: { train: [number, number]; validation: [number, number]; test: [number, number] };
}

/**
 * Training images: the first `limit` of the training set (default 55,000); validation: the
 * following `validation` images (default min(5,000, limit/5), at least 100 if available), never
 * trained on; test: the first `testLimit` images of the test set (default all 10,000).
 */
export function snnSplits(
  data: Dataset,
  o: { limit?: number; validation?: number; testLimit?: number } = {},
): SnnSplits {
  const n = data.train.count;
  const limit = o.limit ?? Math.min(55000, n - 5000);
  if (!(Number.isInteger(limit) && limit >= 1 && limit < n))
    throw new ParameterError(
      'limit',
      limit,
      `an integer in [1, ${n - 1}] (the rest of the training set holds the validation images)`,
    );
  const val = Math.min(o.validation ?? Math.min(5000, Math.max(100, Math.round(limit / 5))), n - limit);
  const testCount = Math.min(o.testLimit ?? data.test.count, data.test.count);
  const pick = (set: Dataset['train'], start: number, count: number): LabeledImages => ({
    images: normalizedImages(set, start, count),
    labels: set.labels.slice(start, start + count),
    count,
  });
  return {
    train: pick(data.train, 0, limit),
    validation: pick(data.train, limit, val),
    test: pick(data.test, 0, testCount),
    ranges: { train: [0, limit], validation: [limit, limit + val], test: [0, testCount] },
  };
}
