/**
 * Shared helpers for validation scripts. Each script in this folder reproduces one published
 * figure: it exports `validation: ValidationScript`, writes its figures, and returns rows of
 * published vs simulated numbers, each with the tolerance it is judged by (written next to the
 * published value in the script itself).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownTable } from '../src/report/markdown.js';

export interface ValidationRow {
  quantity: string;
  unit: string;
  published: number | string;
  simulated: number | string;
  /** Human-readable tolerance, e.g. "+-1.7" or "within 20 %". */
  tolerance: string;
  pass: boolean;
  note?: string;
}

export interface ValidationContext {
  outDir: string;
  seed: string;
  /** Full-size reproduction (slow) rather than the default reduced run. */
  full: boolean;
  /**
   * Medium run (`--medium`): the paper's network settings on part of the data, for scripts that
   * define such a tier (hours rather than days); scripts without one run their reduced configuration.
   */
  medium?: boolean;
  /** Identifies one `npm run validate` invocation (scripts share trained networks within it). */
  runId?: string;
  /**
   * `--resume`: also reuse networks trained by earlier invocations, when their settings and the
   * fingerprint of the code that trained them equal this run's (so a multi-day reproduction can be
   * accumulated over several invocations).
   */
  resume?: boolean;
  /** Limits on new trainings in this invocation (`--budget-minutes`, `--max-new-networks`). */
  budget?: TrainingBudget;
  /** Worker threads per training (`--workers`; default all cores). Results do not depend on it. */
  workers?: number;
  /**
   * Folder of network records (validation/snn-records.ts; run-all: validation/records/leonard2023,
   * committed): reused with `resume`, written with `record`, read for training-time estimates.
   */
  recordsDir?: string;
  /** `--record`: write a record of every network this invocation trains or reuses from a checkpoint. */
  record?: boolean;

  log(line: string): void;
}

/**
 * How much new training one invocation may start. Shared by the scripts of the invocation and
 * counted as networks are trained; a training that has started always runs to its end, so with a
 * deadline a training starts only when its estimated duration (when one is known) fits before it.
 */
export interface TrainingBudget {
  /** No new training starts after this time, nor one estimated to end after it (ms since the epoch). */
  deadlineMs?: number;
  /** At most this many new trainings. */
  maxNew?: number;
  /** Trainings started so far in this invocation. */
  started: number;
}

/**
 * Whether `budget` (undefined: unlimited) lets one more training start now; `estimatedSeconds`
 * (undefined: unknown) is the training's expected duration, which must fit before the deadline.
 */
export function budgetAllows(
  budget: TrainingBudget | undefined,
  now = Date.now(),
  estimatedSeconds?: number,
): boolean {
  if (!budget) return true;
  if (budget.maxNew !== undefined && budget.started >= budget.maxNew) return false;
  if (budget.deadlineMs !== undefined) {
    if (now >= budget.deadlineMs) return false;
    if (estimatedSeconds !== undefined && now + estimatedSeconds * 1000 > budget.deadlineMs) return false;
  }
  return true;
}

export interface ValidationOutcome {
  rows: ValidationRow[];
  figures: string[];
  /** What was run (sizes, seeds, cycles) so a reader can judge the numbers. */
  settings: Record<string, unknown>;
}

export interface ValidationScript {
  id: string;
  title: string;
  paper: string;
  run(ctx: ValidationContext): Promise<ValidationOutcome>;
}

/** Absolute-tolerance row. */
export function absRow(
  quantity: string,
  unit: string,
  published: number,
  simulated: number,
  tol: number,
  note?: string,
): ValidationRow {
  return {
    quantity,
    unit,
    published,
    simulated,
    tolerance: `+-${tol}`,
    pass: Math.abs(simulated - published) <= tol,
    note,
  };
}

/** Relative-tolerance row (fraction, e.g. 0.2 for 20 %). */
export function relRow(
  quantity: string,
  unit: string,
  published: number,
  simulated: number,
  rel: number,
  note?: string,
): ValidationRow {
  return {
    quantity,
    unit,
    published,
    simulated,
    tolerance: `within ${Math.round(rel * 100)} %`,
    pass: Math.abs(simulated - published) <= rel * Math.abs(published),
    note,
  };
}

/** Qualitative (true/false) published fact. */
export function factRow(
  quantity: string,
  published: string,
  holds: boolean,
  simulated: string,
  note?: string,
): ValidationRow {
  return { quantity, unit: '', published, simulated, tolerance: 'qualitative', pass: holds, note };
}

/** Markdown side-by-side table. */
export function rowsMarkdown(rows: ValidationRow[]): string {
  return markdownTable(
    ['quantity', 'unit', 'published', 'simulated', 'tolerance', 'pass', 'note'],
    rows.map((r) => [
      r.quantity,
      r.unit,
      r.published,
      r.simulated,
      r.tolerance,
      r.pass ? 'PASS' : 'FAIL',
      r.note ?? '',
    ]),
  );
}

export function writeJson(dir: string, name: string, data: unknown): string {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(data, null, 2) + '\n');
  return p;
}
