/** Registered benchmark suites; each capability appends its own. */
import { foundationSuite } from './foundation.js';
import type { BenchSuite } from './measure.js';
import { nnSuite } from './nn.js';

export const BENCH_SUITES: BenchSuite[] = [foundationSuite, nnSuite];
