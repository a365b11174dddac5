/**
 * Reading and writing lookup tables as JSON (the schema) or CSV (what a lab exports).
 *
 * CSV layouts (header row required; lines starting with '#' are comments; `# key: value` comment
 * lines set `name`, `quantity`, `unit`, `weightSense`, `description`):
 *   switching-probability: voltage_V,probability[,trials]
 *   state-probability:     voltage_V,S1,S2,...,Sn
 *   conductance-levels:    branch,state,mean,std[,n]   (branch = potentiation | depression)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { MagneuroError, ValidationError } from '../util/errors.js';
import {
  TABLE_SCHEMA_VERSION,
  tableProblems,
  tableSchema,
  type ConductanceTable,
  type Level,
  type LookupTable,
  type StateTable,
  type SwitchingTable,
} from './schema.js';

/** Validate an object against the table schema and consistency rules; reports every problem. */
export function parseTable(json: unknown, context = 'table'): LookupTable {
  const parsed = tableSchema.safeParse(json);
  if (!parsed.success) {
    throw new ValidationError(
      context,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const problems = tableProblems(parsed.data);
  if (problems.length) throw new ValidationError(context, problems);
  return parsed.data;
}

/** Parse CSV text into a table. `name` defaults to 'measured'. */
export function tableFromCsv(text: string, context = 'CSV table'): LookupTable {
  const meta: Record<string, string> = {};
  const rows: string[][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      const m = /^#\s*([A-Za-z_]+)\s*[:=]\s*(.*)$/.exec(line);
      if (m) meta[m[1]] = m[2].trim();
      continue;
    }
    rows.push(line.split(',').map((c) => c.trim()));
  }
  if (rows.length < 2) throw new MagneuroError(`${context}: needs a header row and at least one data row`);
  const header = rows[0].map((h) => h.toLowerCase());
  const data = rows.slice(1);
  const problems: string[] = [];
  const num = (s: string, r: number, c: string): number => {
    const v = Number(s);
    if (s === '' || !Number.isFinite(v)) problems.push(`row ${r + 2}, column ${c}: "${s}" is not a number`);
    return v;
  };
  const source = { type: 'measured' as const, description: meta.description ?? `loaded from ${context}` };
  const common = {
    schema: TABLE_SCHEMA_VERSION,
    name: meta.name ?? 'measured',
    source,
    notes: [] as string[],
  };
  let table: unknown;
  const vcol = header.findIndex((h) => h === 'voltage_v' || h === 'voltage' || h === 'v');
  if (header.includes('branch')) {
    const bi = header.indexOf('branch');
    const si = header.indexOf('state');
    const mi = header.indexOf('mean');
    const di = header.indexOf('std');
    const ni = header.indexOf('n');
    if (si < 0 || mi < 0 || di < 0)
      throw new MagneuroError(`${context}: conductance-levels CSV needs columns branch,state,mean,std`);
    const branches: Record<string, Array<{ state: number; level: Level }>> = {
      potentiation: [],
      depression: [],
    };
    data.forEach((r, i) => {
      const b = r[bi];
      if (!(b in branches)) problems.push(`row ${i + 2}: branch "${b}" is not potentiation or depression`);
      else {
        const level: Level = { mean: num(r[mi], i, 'mean'), std: num(r[di], i, 'std') };
        if (ni >= 0 && r[ni] !== undefined && r[ni] !== '') level.n = num(r[ni], i, 'n');
        branches[b].push({ state: num(r[si], i, 'state'), level });
      }
    });
    const order = (a: Array<{ state: number; level: Level }>) =>
      a.sort((x, y) => x.state - y.state).map((x) => x.level);
    table = {
      ...common,
      kind: 'conductance-levels',
      quantity: meta.quantity ?? 'conductance',
      unit: meta.unit ?? 'S',
      weightSense: meta.weightSense ?? 'increasing',
      potentiation: order(branches.potentiation),
      depression: order(branches.depression),
    };
  } else if (vcol >= 0 && header.includes('probability')) {
    const pi = header.indexOf('probability');
    const ti = header.indexOf('trials');
    table = {
      ...common,
      kind: 'switching-probability',
      voltage_V: data.map((r, i) => num(r[vcol], i, 'voltage_V')),
      probability: data.map((r, i) => num(r[pi], i, 'probability')),
      ...(ti >= 0 ? { trials: data.map((r, i) => num(r[ti], i, 'trials')) } : {}),
    };
  } else if (vcol >= 0 && header.length >= 3) {
    const stateCols = header.map((h, i) => ({ h: rows[0][i], i })).filter((x) => x.i !== vcol);
    table = {
      ...common,
      kind: 'state-probability',
      voltage_V: data.map((r, i) => num(r[vcol], i, 'voltage_V')),
      states: stateCols.map((s) => s.h),
      probability: data.map((r, i) => stateCols.map((s) => num(r[s.i], i, s.h))),
    };
  } else {
    throw new MagneuroError(
      `${context}: unrecognised CSV header "${rows[0].join(',')}" (expected voltage_V,probability | voltage_V,S1,...,Sn | branch,state,mean,std)`,
    );
  }
  if (problems.length) throw new ValidationError(context, problems);
  return parseTable(table, context);
}

/** Load a table from a .json or .csv file. */
export function loadTable(path: string): LookupTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new MagneuroError(`table ${path}: cannot read (${(err as Error).message})`);
  }
  if (extname(path).toLowerCase() === '.csv') {
    const t = tableFromCsv(text, `table ${path}`);
    if (t.name === 'measured') t.name = basename(path, '.csv');
    return t;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new MagneuroError(`table ${path}: not valid JSON (${(err as Error).message})`);
  }
  return parseTable(json, `table ${path}`);
}

/** Write a table as pretty JSON (validated first). */
export function saveTable(path: string, table: LookupTable): void {
  const checked = parseTable(table, `table ${table.name}`);
  writeFileSync(path, JSON.stringify(checked, null, 2) + '\n');
}

/** CSV text of a table in the layout `tableFromCsv` reads back. */
export function tableToCsv(t: LookupTable): string {
  const lines: string[] = [`# name: ${t.name}`];
  if (t.kind === 'conductance-levels') {
    lines.push(
      `# quantity: ${t.quantity}`,
      `# unit: ${t.unit}`,
      `# weightSense: ${t.weightSense}`,
      'branch,state,mean,std,n',
    );
    const add = (b: string, levels: Level[]) =>
      levels.forEach((l, i) => lines.push(`${b},${i},${l.mean},${l.std},${l.n ?? ''}`));
    add('potentiation', t.potentiation);
    add('depression', t.depression);
    return lines.map((l) => l.replace(/,$/, '')).join('\n') + '\n';
  }
  if (t.kind === 'switching-probability') {
    lines.push(t.trials ? 'voltage_V,probability,trials' : 'voltage_V,probability');
    t.voltage_V.forEach((v, i) =>
      lines.push([v, t.probability[i], ...(t.trials ? [t.trials[i]] : [])].join(',')),
    );
    return lines.join('\n') + '\n';
  }
  lines.push(['voltage_V', ...t.states].join(','));
  t.voltage_V.forEach((v, i) => lines.push([v, ...t.probability[i]].join(',')));
  return lines.join('\n') + '\n';
}

/** Narrowing helpers with clear errors. */
export function asConductanceTable(t: LookupTable): ConductanceTable {
  if (t.kind !== 'conductance-levels')
    throw new MagneuroError(
      `table "${t.name}" is a ${t.kind} table; a conductance-levels table is needed here`,
    );
  return t;
}
export function asSwitchingTable(t: LookupTable): SwitchingTable {
  if (t.kind !== 'switching-probability')
    throw new MagneuroError(
      `table "${t.name}" is a ${t.kind} table; a switching-probability table is needed here`,
    );
  return t;
}
export function asStateTable(t: LookupTable): StateTable {
  if (t.kind !== 'state-probability')
    throw new MagneuroError(
      `table "${t.name}" is a ${t.kind} table; a state-probability table is needed here`,
    );
  return t;
}
