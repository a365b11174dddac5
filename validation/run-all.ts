/**
 * `npm run validate`: runs every reproduction script in this folder, prints published vs
 * simulated side by side, and writes validation-out/summary.md, summary.json and figures.
 *
 * Usage: node dist/validation/run-all.js [--only id,id] [--full | --medium] [--seed S] [--out DIR]
 * Exit status is 0 even when a row fails: the table is the result. `--strict` exits 1 on a failure.
 */
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rowsMarkdown, type ValidationScript } from './lib.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const get = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const only = get('--only')?.split(',');
  const full = args.includes('--full');
  const medium = !full && args.includes('--medium');
  const runId = `${process.pid}-${Date.now()}`;
  const strict = args.includes('--strict');
  const seed = get('--seed') ?? '1';
  const outDir = resolve(get('--out') ?? 'validation-out');
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
    `seed ${seed}, ${full ? 'full' : medium ? 'medium (scripts without a medium tier: reduced)' : 'reduced'} runs, ${new Date().toISOString()}`,
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
    const out = await s.run({ outDir: dir, seed, full, medium, runId, log: (l) => console.error(`  ${l}`) });
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
