/** Registered benchmark suites, in data-flow order; each capability appends its own. */
import { foundationSuite } from './foundation.js';
import { skyrmionSuite } from './skyrmion.js';
import { dwmtjSuite } from './dwmtj.js';
import { nnSuite } from './nn.js';
import { snnSuite } from './snn.js';
import type { BenchSuite } from './measure.js';

export const BENCH_SUITES: BenchSuite[] = [foundationSuite, skyrmionSuite, dwmtjSuite, nnSuite, snnSuite];
