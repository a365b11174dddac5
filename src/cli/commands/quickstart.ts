import type { Command } from 'commander';
import { CliContext } from '../context.js';
import { runQuickstart } from '../../quickstart/run.js';

export function registerQuickstartCommand(program: Command): void {
  program
    .command('quickstart')
    .description(
      'run the whole pipeline on the built-in presets; writes report.md, summary.json and figures to --out (default ./magneuro-out)',
    )
    .option(
      '--data-dir <dir>',
      'folder with the MNIST / Fashion-MNIST IDX files (default: MAGNEURO_DATA, then standard locations)',
    )
    .option('--only <ids>', 'comma-separated stage ids to run')
    .action(async (o: { dataDir?: string; only?: string }, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const outDir = ctx.outDir('magneuro-out');
      const summary = await runQuickstart({
        outDir,
        seed: ctx.seed,
        dataDir: o.dataDir,
        only: o.only?.split(',').map((s) => s.trim()),
        log: (l) => ctx.info(l),
      });
      ctx.emit({ out_dir: outDir, ...summary }, `report written to ${outDir}/report.md`);
    });
}
