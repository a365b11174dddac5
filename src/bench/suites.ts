/** Registered benchmark suites; each capability appends its own. */
import { foundationSuite } from './foundation.js';
import type { BenchSuite } from './measure.js';
import { snnSuite } from './snn.js';

export const BENCH_SUITES: BenchSuite[] = [foundationSuite, snnSuite];
