import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '../util/paths.js';
import { QUICKSTART_STAGES } from './stages.js';
import type { StageContext } from './stage.js';

export interface QuickstartOptions {
  outDir: string;
  seed: string;
  dataDir?: string;
  /** Run only these stage ids. */
  only?: string[];
  log?: (line: string) => void;
}

/** Run every stage, write `report.md` and `summary.json` in outDir; returns the summary. */
export async function runQuickstart(opts: QuickstartOptions): Promise<Record<string, unknown>> {
  const figuresDir = join(opts.outDir, 'figures');
  mkdirSync(figuresDir, { recursive: true });
  const log = opts.log ?? (() => {});
  const ctx: StageContext = { outDir: opts.outDir, figuresDir, seed: opts.seed, dataDir: opts.dataDir, log };
  const sections: string[] = [
    '# magneuro quickstart report',
    '',
    `magneuro ${packageVersion()}, seed ${opts.seed}, ${new Date().toISOString()}.`,
    'Data flow: material -> physics model -> device -> lookup table -> network. Figures are in `figures/` (SVG and PNG).',
    '',
  ];
  const summary: Record<string, unknown> = { seed: opts.seed, stages: {} as Record<string, unknown> };
  const stages = QUICKSTART_STAGES.filter((s) => !opts.only || opts.only.includes(s.id));
  for (const stage of stages) {
    const t0 = performance.now();
    log(`quickstart: ${stage.title} ...`);
    const r = await stage.run(ctx);
    const seconds = (performance.now() - t0) / 1000;
    log(`quickstart: ${stage.title} done in ${seconds.toFixed(1)} s`);
    sections.push(r.markdown, '', `_(stage ran in ${seconds.toFixed(1)} s)_`, '');
    (summary.stages as Record<string, unknown>)[stage.id] = { ...r.summary, elapsed_s: seconds };
  }
  writeFileSync(join(opts.outDir, 'report.md'), sections.join('\n') + '\n');
  writeFileSync(join(opts.outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
