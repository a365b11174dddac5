/** Registered benchmark suites; each capability appends its own. */
import { foundationSuite } from './foundation.js';
import type { BenchSuite } from './measure.js';
import { skyrmionSuite } from './skyrmion.js';

export const BENCH_SUITES: BenchSuite[] = [foundationSuite, skyrmionSuite];
