/**
 * `npm run validate`: runs every reproduction script in this folder, prints published vs
 * simulated side by side, and writes validation-out/summary.md, summary.json and figures.
 *
 * Usage: node dist/validation/run-all.js [--only id,id] [--full | --medium] [--seed S] [--out DIR]
 *          [--resume] [--record] [--budget-minutes M] [--max-new-networks N] [--workers N] [--strict]
 * Exit status is 0 even when a row fails: the table is the result. `--strict` exits 1 on a failure.
 * `--resume` reuses networks trained by earlier invocations with the same settings and code
 * (scripts that train networks: the Leonard Fig. 3/4 ones); `--budget-minutes` / `--max-new-networks`
 * start only trainings estimated to end within that time / up to that count, and those scripts then
 * report the part that is done (marked partial). `--workers N` sets the threads per training
 * (results do not depend on it). Together they accumulate a long `--full` reproduction over several runs.
 * `--record` writes a small record of each such network (training stamp, per-epoch history, Fig. 4's
 * noise curve; no weights) to validation/records/leonard2023 for committing, and `--resume` also
 * reuses those records, so the accumulation survives a lost output folder (snn-records.ts).
 */
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { RECORDS_DIR } from './snn-records.js';
import { rowsMarkdown, type TrainingBudget, type ValidationScript } from './lib.js';

/** The --budget-minutes / --max-new-networks limits, or undefined when neither is given. */
function trainingBudget(minutes?: string, maxNew?: string): TrainingBudget | undefined {
  if (minutes === undefined && maxNew === undefined) return undefined;
  const budget: TrainingBudget = { started: 0 };
  if (minutes !== undefined) {
    const m = Number(minutes);
    if (!Number.isFinite(m) || m <= 0)
      throw new Error(`--budget-minutes must be a positive number of minutes, got "${minutes}"`);
    budget.deadlineMs = Date.now() + m * 60_000;
  }
  if (maxNew !== undefined) {
    const n = Number(maxNew);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--max-new-networks must be an integer >= 0, got "${maxNew}"`);
    budget.maxNew = n;
  }
  return budget;
}

/** An integer >= 1 given as option `name`, or undefined when absent. */
function positiveInteger(name: string, v?: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be an integer >= 1, got "${v}"`);
  return n;
}

async function main(): Promise<number> {
  const { values: opt } = parseArgs({
    options: {
      only: { type: 'string' },
      full: { type: 'boolean', default: false },
      medium: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'validation-out' },
      strict: { type: 'boolean', default: false },
      resume: { type: 'boolean', default: false },
      'budget-minutes': { type: 'string' },
      'max-new-networks': { type: 'string' },
      workers: { type: 'string' },
      record: { type: 'boolean', default: false },
    },
  });
  const only = opt.only?.split(',');
  const full = opt.full;
  const medium = !full && opt.medium;
  const runId = `${process.pid}-${Date.now()}`;
  const strict = opt.strict;
  const seed = opt.seed;
  const resume = opt.resume;
  const budget = trainingBudget(opt['budget-minutes'], opt['max-new-networks']);
  const workers = positiveInteger('--workers', opt.workers);
  const outDir = resolve(opt.out);
  mkdirSync(outDir, { recursive: true });
  const here = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.js') && !['lib.js', 'run-all.js'].includes(f))
    .sort();
  const scripts: ValidationScript[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { validation?: ValidationScript };
    if (mod.validation) scripts.push(mod.validation);
  }
  const selected = scripts.filter((s) => !only || only.includes(s.id));
  const md: string[] = [
    '# magneuro validation: published vs simulated',
    '',
    `seed ${seed}, ${full ? 'full' : medium ? 'medium (scripts without a medium tier: reduced)' : 'reduced'} runs, ${new Date().toISOString()}` +
      (resume ? ', resuming from earlier invocations' : '') +
      (budget
        ? `, training budget ${[opt['budget-minutes'] && `${opt['budget-minutes']} min`, opt['max-new-networks'] && `${opt['max-new-networks']} new networks`].filter(Boolean).join(', ')}`
        : ''),
    '',
  ];
  const summary: Record<string, unknown> = {};
  let failures = 0;
  if (selected.length === 0) {
    md.push('No reproduction scripts are registered yet.');
    console.log('validate: no reproduction scripts registered yet');
  }
  for (const s of selected) {
    const dir = join(outDir, s.id);
    mkdirSync(dir, { recursive: true });
    console.error(`validate: ${s.id} (${s.title}) ...`);
    const t0 = performance.now();
    const out = await s.run({
      outDir: dir,
      seed,
      full,
      medium,
      runId,
      resume,
      budget,
      workers,
      recordsDir: RECORDS_DIR,
      record: opt.record,
      log: (l) => console.error(`  ${l}`),
    });
    const secs = (performance.now() - t0) / 1000;
    failures += out.rows.filter((r) => !r.pass).length;
    const table = rowsMarkdown(out.rows);
    console.log(`\n## ${s.title} (${s.paper}) [${secs.toFixed(1)} s]\n${table}`);
    md.push(
      `## ${s.title}`,
      '',
      `${s.paper}. Settings: \`${JSON.stringify(out.settings)}\`. Ran in ${secs.toFixed(1)} s.`,
      '',
      table,
      '',
    );
    for (const f of out.figures) md.push(`![${f}](${s.id}/${f.split('/').pop()})`, '');
    summary[s.id] = { ...out, elapsed_s: secs };
  }
  writeFileSync(join(outDir, 'summary.md'), md.join('\n') + '\n');
  writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log(`\nvalidate: ${failures} failing row(s); report in ${join(outDir, 'summary.md')}`);
  return strict && failures > 0 ? 1 : 0;
}

main().then(
  (c) => (process.exitCode = c),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
