import type { Command } from 'commander';
import { CliContext } from '../context.js';
import { BENCH_SUITES } from '../../bench/suites.js';
import type { BenchResult } from '../../bench/measure.js';
import { MagneuroError } from '../../util/errors.js';
import { packageVersion } from '../../util/paths.js';
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('speed figures (medians of several runs, ratios to in-run baselines) as JSON')
    .option('--only <suites>', `comma-separated suites (${BENCH_SUITES.map((s) => s.name).join(', ')})`)
    .option('--quick', 'smaller workloads (for smoke tests)')
    .action(async (o: { only?: string; quick?: boolean }, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const only = o.only?.split(',').map((s) => s.trim());
      const suites = BENCH_SUITES.filter((s) => !only || only.includes(s.name));
      if (only && suites.length !== only.length) {
        throw new MagneuroError(
          `--only: unknown suite in "${o.only}" (known: ${BENCH_SUITES.map((s) => s.name).join(', ')})`,
        );
      }
      const results: BenchResult[] = [];
      for (const s of suites) {
        process.stderr.write(`bench: ${s.name} ...\n`);
        results.push(
          ...(await s.run({ quick: Boolean(o.quick), log: (l) => process.stderr.write(l + '\n') })),
        );
      }
      const report = {
        magneuro: packageVersion(),
        node: process.version,
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        date: new Date().toISOString(),
        results,
      };
      if (ctx.globals.out) {
        const dir = ctx.outDir(ctx.globals.out);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
      }
      const human = results
        .map(
          (r) =>
            `${r.suite}/${r.name}: median ${(r.timing.median_s * 1e3).toFixed(2)} ms, ${r.throughput_per_s.toExponential(3)} ${r.unit}/s${r.baseline ? `, x${r.baseline.ratio.toFixed(2)} vs ${r.baseline.name}` : ''}${r.goal_met === undefined ? '' : r.goal_met ? ' (goal met)' : ' (goal missed)'}`,
        )
        .join('\n');
      ctx.emit(report, human);
    });
}
