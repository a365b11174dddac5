/**
 * Finding, verifying and (if allowed) downloading MNIST-format datasets.
 *
 * Resolution order, first complete and verified set of four files wins:
 *   1. `dataDir` (the CLI's `--data-dir`), as `<dir>/<name>/` or `<dir>/` itself;
 *   2. `$MAGNEURO_DATA` (same two forms);
 *   3. `./data/<name>/` (relative to the working directory);
 *   4. the user cache `$XDG_CACHE_HOME/magneuro/datasets/<name>/` (default `~/.cache/...`);
 *   5. the Debian dataset-package location `/usr/share/datasets/<name>/`;
 *   6. a download from the canonical mirrors into the user cache (unless `allowDownload` is false
 *      or `$MAGNEURO_OFFLINE` is set). `$MAGNEURO_DATA_MIRROR` (a base URL holding
 *      `<name>/<file>.gz`) is tried before the canonical mirrors.
 * Each file may be gzip (`.gz`) or raw; every file is checked against the SHA-256 of its
 * uncompressed bytes and against its IDX header.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { MagneuroError } from '../../util/errors.js';
import { DATASETS, type DatasetFile, type DatasetName, type DatasetPart } from './catalog.js';
import { maybeGunzip, parseIdx } from './idx.js';

export interface ImageSet {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
  rows: number;
  cols: number;
}

export interface Dataset {
  name: DatasetName;
  train: ImageSet;
  test: ImageSet;
  dir: string;
}

export interface LoadOptions {
  dataDir?: string;
  allowDownload?: boolean;
  log?: (line: string) => void;
}

/** Lower-level knobs (tests, custom deployments); `loadDataset` uses the defaults. */
export interface ResolveOptions extends LoadOptions {
  /** Environment to read MAGNEURO_DATA, MAGNEURO_OFFLINE, MAGNEURO_DATA_MIRROR, XDG_CACHE_HOME from. */
  env?: Record<string, string | undefined>;
  /** Working directory for `./data` (default process.cwd()). */
  cwd?: string;
  /** User cache root (default `$XDG_CACHE_HOME/magneuro/datasets` or `~/.cache/magneuro/datasets`). */
  cacheDir?: string;
  /** System dataset root (default `/usr/share/datasets`). */
  systemDir?: string;
  /** Download base URLs for this dataset (default: $MAGNEURO_DATA_MIRROR/<name>/ then the canonical mirrors). */
  mirrors?: readonly string[];
  /** Per-request timeout for downloads (default 120 s). */
  timeoutMs?: number;
}

/** The dataset was not found anywhere and could not be downloaded. */
export class DatasetNotFoundError extends MagneuroError {}

/** Where the loader looked and what it found there. */
interface Attempt {
  origin: string;
  dir: string;
  outcome: string;
}

export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  const base =
    env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.length > 0 ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'magneuro', 'datasets');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

type Parts = Record<DatasetPart, Uint8Array>;

/** The file for `f` in `dir` (gzip preferred), or undefined. */
function findFile(dir: string, f: DatasetFile): string | undefined {
  for (const candidate of [join(dir, `${f.file}.gz`), join(dir, f.file)]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Read and verify the four files in `dir`. Returns the decompressed bytes, or a one-phrase reason
 * why this directory does not hold the dataset.
 */
function readVerified(name: DatasetName, dir: string): { parts: Parts } | { reason: string } {
  if (!existsSync(dir)) return { reason: 'no such directory' };
  const info = DATASETS[name];
  const paths = info.files.map((f) => findFile(dir, f));
  const missing = info.files.filter((_, i) => paths[i] === undefined).map((f) => f.file);
  if (missing.length === info.files.length) return { reason: 'no dataset files' };
  if (missing.length > 0) return { reason: `missing ${missing.join(', ')}` };
  const parts = {} as Parts;
  for (let i = 0; i < info.files.length; i++) {
    const f = info.files[i];
    const path = paths[i]!;
    const bytes = maybeGunzip(readFileSync(path), path);
    const digest = sha256Hex(bytes);
    if (digest !== f.sha256)
      return {
        reason: `${path} has SHA-256 ${digest.slice(0, 12)}..., not the ${name} file (${f.sha256.slice(0, 12)}...)`,
      };
    parseIdx(bytes, path, f.dims);
    parts[f.part] = bytes;
  }
  return { parts };
}

function imageSet(images: Uint8Array, labels: Uint8Array, context: string): ImageSet {
  const img = parseIdx(images, `${context} images`);
  const lab = parseIdx(labels, `${context} labels`);
  const [count, rows, cols] = img.dims;
  if (lab.dims[0] !== count) throw new MagneuroError(`${context}: ${count} images but ${lab.dims[0]} labels`);
  return { images: img.data, labels: lab.data, count, rows, cols };
}

function toDataset(name: DatasetName, dir: string, p: Parts): Dataset {
  return {
    name,
    dir,
    train: imageSet(p.trainImages, p.trainLabels, `${name} train`),
    test: imageSet(p.testImages, p.testLabels, `${name} test`),
  };
}

/** Candidate directories in resolution order, with a label saying where each comes from. */
function candidates(name: DatasetName, o: ResolveOptions): Attempt[] {
  const env = o.env ?? process.env;
  const out: Attempt[] = [];
  const both = (origin: string, root: string) => {
    out.push({ origin, dir: resolve(root, name), outcome: '' });
    out.push({ origin, dir: resolve(root), outcome: '' });
  };
  if (o.dataDir) both('--data-dir', o.dataDir);
  if (env.MAGNEURO_DATA) both('MAGNEURO_DATA', env.MAGNEURO_DATA);
  out.push({ origin: './data', dir: resolve(o.cwd ?? process.cwd(), 'data', name), outcome: '' });
  out.push({ origin: 'user cache', dir: join(o.cacheDir ?? defaultCacheDir(env), name), outcome: '' });
  out.push({ origin: 'system', dir: join(o.systemDir ?? '/usr/share/datasets', name), outcome: '' });
  return out;
}

/** Load `name` with full control over where to look (see the module comment). */
export async function resolveDataset(name: DatasetName, o: ResolveOptions = {}): Promise<Dataset> {
  const info = DATASETS[name];
  if (!info)
    throw new MagneuroError(`unknown dataset "${String(name)}" (known: ${Object.keys(DATASETS).join(', ')})`);
  const env = o.env ?? process.env;
  const log = o.log ?? (() => {});
  const tried: Attempt[] = [];
  const seen = new Set<string>();
  for (const c of candidates(name, o)) {
    if (seen.has(c.dir)) continue;
    seen.add(c.dir);
    const r = readVerified(name, c.dir);
    if ('parts' in r) {
      log(`${name}: using ${c.dir} (${c.origin})`);
      return toDataset(name, c.dir, r.parts);
    }
    c.outcome = r.reason;
    tried.push(c);
  }
  const cacheDir = join(o.cacheDir ?? defaultCacheDir(env), name);
  const offline =
    env.MAGNEURO_OFFLINE !== undefined && env.MAGNEURO_OFFLINE !== '' && env.MAGNEURO_OFFLINE !== '0';
  let downloadOutcome: string;
  if (o.allowDownload === false) downloadOutcome = 'download not allowed';
  else if (offline) downloadOutcome = 'download disabled by MAGNEURO_OFFLINE';
  else {
    const mirrors = o.mirrors ?? [
      ...(env.MAGNEURO_DATA_MIRROR ? [`${env.MAGNEURO_DATA_MIRROR.replace(/\/?$/, '/')}${name}/`] : []),
      ...info.mirrors,
    ];
    try {
      const parts = await download(name, mirrors, cacheDir, o.timeoutMs ?? 120_000, log);
      return toDataset(name, cacheDir, parts);
    } catch (err) {
      downloadOutcome = `download failed: ${(err as Error).message}`;
    }
  }
  const where = tried.map((t) => `${t.dir} [${t.origin}: ${t.outcome}]`).join('; ');
  const fileList = info.files.map((f) => `${f.file}.gz`).join(', ');
  throw new DatasetNotFoundError(
    `${name} dataset not found. Looked in: ${where}; ${downloadOutcome}. ` +
      `Provide the four IDX files (${fileList}; gzip or raw) in DIR/${name}/ and pass --data-dir DIR ` +
      `or set MAGNEURO_DATA=DIR, or allow a download (network access) into ${cacheDir}.`,
  );
}

/** Fetch each file from the first mirror that serves a verified copy; store the gzip in `dir`. */
async function download(
  name: DatasetName,
  mirrors: readonly string[],
  dir: string,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<Parts> {
  if (mirrors.length === 0) throw new Error('no mirrors');
  const parts = {} as Parts;
  for (const f of DATASETS[name].files) {
    const existing = findFile(dir, f);
    if (existing) {
      const bytes = maybeGunzip(readFileSync(existing), existing);
      if (sha256Hex(bytes) === f.sha256) {
        parts[f.part] = bytes;
        continue;
      }
    }
    const errors: string[] = [];
    let got: { gz: Uint8Array; raw: Uint8Array } | undefined;
    for (const m of mirrors) {
      const url = `${m}${f.file}.gz`;
      try {
        log(`${name}: downloading ${url}`);
        const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const gz = new Uint8Array(await res.arrayBuffer());
        const raw = maybeGunzip(gz, url);
        const digest = sha256Hex(raw);
        if (digest !== f.sha256) throw new Error(`SHA-256 mismatch (${digest.slice(0, 12)}...)`);
        parseIdx(raw, url, f.dims);
        got = { gz, raw };
        break;
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        errors.push(`${url}: ${e.cause?.code ?? e.message}`);
      }
    }
    if (!got) throw new Error(errors.join(', '));
    mkdirSync(dir, { recursive: true });
    const target = join(dir, `${f.file}.gz`);
    const tmp = `${target}.part-${process.pid}`;
    writeFileSync(tmp, got.gz);
    renameSync(tmp, target);
    log(`${name}: verified and stored ${target}`);
    parts[f.part] = got.raw;
  }
  return parts;
}
