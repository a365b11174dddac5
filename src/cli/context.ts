/**
 * What every subcommand shares: the global flags, JSON output, progress bars, the output folder.
 *
 * Global flags (honoured by every subcommand; give them before or after the subcommand):
 *   --seed N            seed of every random stream of the run (default 1)
 *   --json              machine-readable result on stdout (SI units, unit-suffixed keys); no progress bar
 *   --out DIR           folder for files the command writes
 *   --set NAME=VALUE    override a preset parameter, value with unit string (repeatable)
 *   --material NAME|FILE  material preset or file
 */
import type { Command } from 'commander';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { MagneuroError } from '../util/errors.js';
import { createProgress, type Progress } from './progress.js';

export interface GlobalOptions {
  seed: string;
  json: boolean;
  out?: string;
  set: string[];
  material?: string;
}

export class CliContext {
  constructor(readonly globals: GlobalOptions) {}

  /** From a commander action's command object. */
  static from(cmd: Command): CliContext {
    const o = cmd.optsWithGlobals() as Partial<GlobalOptions> & Record<string, unknown>;
    return new CliContext({
      seed: o.seed === undefined ? '1' : String(o.seed),
      json: Boolean(o.json),
      out: o.out as string | undefined,
      set: (o.set as string[] | undefined) ?? [],
      material: o.material as string | undefined,
    });
  }

  get seed(): string {
    return this.globals.seed;
  }

  get json(): boolean {
    return this.globals.json;
  }

  /** The output folder (created), or `fallback` when --out was not given. */
  outDir(fallback: string): string {
    const dir = resolve(this.globals.out ?? fallback);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** A progress bar on stderr when it is a terminal and --json is off; otherwise silent. */
  progress(label: string, total: number): Progress {
    return createProgress(label, total, !this.json && Boolean(process.stderr.isTTY));
  }

  /** Print the result: JSON on stdout with --json, else the human text (if any). */
  emit(result: unknown, human?: string): void {
    if (this.json) process.stdout.write(JSON.stringify(result, jsonReplacer, 2) + '\n');
    else if (human !== undefined) process.stdout.write(human.endsWith('\n') ? human : human + '\n');
    else process.stdout.write(JSON.stringify(result, jsonReplacer, 2) + '\n');
  }

  /** Informational line on stderr (suppressed with --json). */
  info(line: string): void {
    if (!this.json) process.stderr.write(line + '\n');
  }
}

/** Typed arrays become plain arrays; non-finite numbers become null (JSON has no NaN). */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** Parse a positive integer flag with a clear error. */
export function intOption(name: string, value: unknown, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new MagneuroError(
      `--${name}: got ${JSON.stringify(value)}, expected an integer in [${min}, ${max}]`,
    );
  }
  return n;
}

/** Parse a finite number flag with a clear error. */
export function numberOption(name: string, value: unknown, min = -Infinity, max = Infinity): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new MagneuroError(`--${name}: got ${JSON.stringify(value)}, expected a number in [${min}, ${max}]`);
  }
  return n;
}
