import type { Command } from 'commander';
import { CliContext } from '../context.js';
import { branchSpans, conductanceRange, loadTable, saveTable, tableToCsv } from '../../tables/index.js';
import { writeFileSync } from 'node:fs';

export function registerTableCommands(program: Command): void {
  const table = program.command('table').description('lookup tables (simulated or measured): show, convert');
  table
    .command('show')
    .argument('<file>', 'table as JSON (magneuro.table/1) or CSV')
    .description('validate a table and print a summary')
    .action((file: string, _o, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const t = loadTable(file);
      const summary: Record<string, unknown> = { name: t.name, kind: t.kind, source: t.source.type };
      if (t.kind === 'conductance-levels') {
        const r = conductanceRange(t);
        const spans = branchSpans(t);
        const pct = (x: number) => +(100 * x).toFixed(1);
        Object.assign(summary, {
          potentiation_states: t.potentiation.length,
          depression_states: t.depression.length,
          min: r.min,
          max: r.max,
          on_off_ratio: r.onOff,
          unit: t.unit,
          // Weight-range fractions (0 = weakest state, 100 = strongest) each branch starts and ends at.
          potentiation_span_pct: [pct(spans.potentiation.from), pct(spans.potentiation.to)],
          depression_span_pct: [pct(spans.depression.from), pct(spans.depression.to)],
        });
      } else {
        Object.assign(summary, {
          voltages: t.voltage_V.length,
          voltage_min_V: t.voltage_V[0],
          voltage_max_V: t.voltage_V[t.voltage_V.length - 1],
        });
        if (t.kind === 'state-probability') summary.states = t.states.length;
      }
      ctx.emit(
        ctx.json ? { summary, table: t } : summary,
        Object.entries(summary)
          .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' -> ') : v}`)
          .join('\n'),
      );
    });
  table
    .command('convert')
    .argument('<input>', 'table (JSON or CSV)')
    .argument('<output>', 'output file (.json or .csv)')
    .description('convert a table between JSON and CSV (validated)')
    .action((input: string, output: string, _o, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const t = loadTable(input);
      if (output.toLowerCase().endsWith('.csv')) writeFileSync(output, tableToCsv(t));
      else saveTable(output, t);
      ctx.emit({ written: output, kind: t.kind }, `wrote ${output}`);
    });
}
