/** A tiny deterministic task used to test parallelMap (and as a template for real tasks). */
import { createRng } from '../random/stream.js';

export function selfTestTask(input: { seed: string; index: number }): number {
  if (input.index < 0) throw new Error(`index must be >= 0, got ${input.index}`);
  const rng = createRng(input.seed).fork('item', input.index);
  let s = 0;
  for (let i = 0; i < 1000; i++) s += rng.normal();
  return s;
}
