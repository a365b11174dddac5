import { describe, expect, it } from 'vitest';
import { parallelMap } from '../src/util/parallel.js';

// The task (src/util/parallel-selftest.ts): sum of 1000 normals from createRng(seed).fork('item', i).
const task = new URL('../src/util/parallel-selftest.ts', import.meta.url);

describe('parallelMap', () => {
  it('gives identical results for 1 and 2 workers, in input order', async () => {
    const inputs = Array.from({ length: 12 }, (_, i) => ({ seed: 'p', index: i }));
    const one = await parallelMap<(typeof inputs)[0], number>(task, 'selfTestTask', inputs, { workers: 1 });
    const two = await parallelMap<(typeof inputs)[0], number>(task, 'selfTestTask', inputs, { workers: 2 });
    expect(two).toEqual(one);
    expect(new Set(one).size).toBe(12);
  });

  it('reports a failing task with its index', async () => {
    await expect(
      parallelMap(task, 'selfTestTask', [{ seed: 'p', index: -1 }], { workers: 2 }),
    ).rejects.toThrow();
  });
});
