import { describe, expect, it } from 'vitest';
import { createWorkerPool, parallelMap } from '../src/util/parallel.js';

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

describe('createWorkerPool', () => {
  it('keeps its threads across maps and gives the in-thread results for 1 and 2 workers', async () => {
    const batches = [0, 1, 2].map((b) => Array.from({ length: 5 }, (_, i) => ({ seed: `b${b}`, index: i })));
    const results: number[][][] = [];
    for (const workers of [1, 2]) {
      const pool = await createWorkerPool<(typeof batches)[0][0], number>(task, 'selfTestTask', { workers });
      try {
        expect(pool.workers).toBe(workers);
        const perBatch: number[][] = [];
        for (const inputs of batches) perBatch.push(await pool.map(inputs));
        results.push(perBatch);
      } finally {
        await pool.close();
      }
    }
    expect(results[1]).toEqual(results[0]);
    // Different seeds give different sums (the maps really ran their own inputs).
    expect(new Set(results[0].flat()).size).toBe(15);
  });

  it('rejects a failing task and refuses work after close()', async () => {
    const pool = await createWorkerPool(task, 'selfTestTask', { workers: 2 });
    await expect(
      pool.map([
        { seed: 'p', index: 0 },
        { seed: 'p', index: -1 },
      ]),
    ).rejects.toThrow(/task 1/);
    await pool.close();
    await expect(pool.map([{ seed: 'p', index: 0 }])).rejects.toThrow();
  });
});
