import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import {
  DATASETS,
  DatasetNotFoundError,
  encodeIdx,
  loadDataset,
  normalizedImages,
  parseIdx,
  readIdxFile,
  resolveDataset,
} from '../src/nn/data/index.js';

// CI sets MAGNEURO_DATA=../shared/data; when run by hand from the worktree we fall back to it.
const DATA = process.env.MAGNEURO_DATA ?? resolve(process.cwd(), '../shared/data');
const tmp = mkdtempSync(join(tmpdir(), 'magneuro-nn-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// An isolated environment: nothing in ./data, cache or system dirs, and no outside network.
const isolated = (extra: Record<string, string> = {}) => ({
  env: { ...extra },
  cwd: join(tmp, 'cwd'),
  cacheDir: join(tmp, 'cache-empty'),
  systemDir: join(tmp, 'system-empty'),
});

describe('real datasets through MAGNEURO_DATA', () => {
  it('loads MNIST with the published first labels and sizes', async () => {
    const ds = await loadDataset('mnist', { dataDir: DATA, allowDownload: false });
    expect(ds.train.count).toBe(60000);
    expect(ds.test.count).toBe(10000);
    expect([ds.train.rows, ds.train.cols]).toEqual([28, 28]);
    expect(ds.train.images.length).toBe(60000 * 784);
    expect(Array.from(ds.train.labels.subarray(0, 6))).toEqual([5, 0, 4, 1, 9, 2]);
    // Every label is a digit and all ten classes occur in the test set.
    expect(new Set(ds.test.labels).size).toBe(10);
    expect(Math.max(...ds.train.labels)).toBe(9);
    const x = normalizedImages(ds.train, 0, 2);
    expect(x.length).toBe(2 * 784);
    expect(Math.max(...x)).toBeCloseTo(1, 6);
    expect(Math.min(...x)).toBe(0);
    // Pixel (row 14, col 14) of image 0 as bytes/255.
    expect(x[14 * 28 + 14]).toBeCloseTo(ds.train.images[14 * 28 + 14] / 255, 7);
  });

  it('loads Fashion-MNIST with the published first labels', async () => {
    const ds = await resolveDataset('fashion-mnist', {
      ...isolated({ MAGNEURO_DATA: DATA }),
      allowDownload: false,
    });
    expect(Array.from(ds.train.labels.subarray(0, 6))).toEqual([9, 0, 0, 3, 0, 2]);
    expect(ds.test.count).toBe(10000);
    expect(ds.dir).toBe(resolve(DATA, 'fashion-mnist'));
  });
});

describe('IDX parser', () => {
  const labels = new Uint8Array([3, 1, 4, 1, 5]);
  const images = new Uint8Array(2 * 3 * 4).map((_, i) => i * 10);

  it('round-trips raw and gzip files and checks expected dimensions', () => {
    const raw = join(tmp, 'img-idx3-ubyte');
    writeFileSync(raw, encodeIdx([2, 3, 4], images));
    writeFileSync(`${raw}.gz`, gzipSync(encodeIdx([2, 3, 4], images)));
    for (const p of [raw, `${raw}.gz`]) {
      const a = readIdxFile(p, [2, 3, 4]);
      expect(a.dims).toEqual([2, 3, 4]);
      expect(Array.from(a.data)).toEqual(Array.from(images));
    }
    expect(() => readIdxFile(raw, [2, 4, 3])).toThrow(/dimensions 2x3x4, expected 2x4x3/);
    expect(parseIdx(encodeIdx([5], labels)).dims).toEqual([5]);
  });

  it('rejects bad magic, element type, truncation, extra bytes and corrupt gzip', () => {
    const good = encodeIdx([5], labels);
    const badMagic = good.slice();
    badMagic[0] = 0x12;
    expect(() => parseIdx(badMagic)).toThrow(/bad magic number/);
    const badType = good.slice();
    badType[2] = 0x0d; // float
    expect(() => parseIdx(badType)).toThrow(/element type 0d/);
    expect(() => parseIdx(good.subarray(0, good.length - 1))).toThrow(
      /need 5 data bytes but the file has 4 \(truncated\?\)/,
    );
    const extra = new Uint8Array(good.length + 3);
    extra.set(good);
    expect(() => parseIdx(extra)).toThrow(/need 5 data bytes but the file has 8/);
    expect(() => parseIdx(new Uint8Array([0, 0]))).toThrow(/too short/);
    const p = join(tmp, 'corrupt.gz');
    const gz = gzipSync(good);
    writeFileSync(p, gz.subarray(0, gz.length - 6));
    expect(() => readIdxFile(p)).toThrow(/corrupt gzip/);
  });
});

describe('resolution and errors', () => {
  it('lists every place it looked and how to provide the files', async () => {
    const err = await resolveDataset('mnist', {
      ...isolated(),
      dataDir: join(tmp, 'nowhere'),
      allowDownload: false,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetNotFoundError);
    const msg = (err as Error).message;
    expect(msg).toContain(join(tmp, 'nowhere', 'mnist'));
    expect(msg).toContain(join(tmp, 'cwd', 'data', 'mnist'));
    expect(msg).toContain(join(tmp, 'cache-empty', 'mnist'));
    expect(msg).toContain(join(tmp, 'system-empty', 'mnist'));
    expect(msg).toContain('download not allowed');
    expect(msg).toMatch(/--data-dir DIR or set MAGNEURO_DATA=DIR/);
    expect(msg).not.toContain('\n');
  });

  it('reports incomplete and wrong files, then finds the right ones later in the order', async () => {
    // dataDir holds an incomplete MNIST, ./data holds Fashion-MNIST files under the mnist name.
    const partial = join(tmp, 'partial', 'mnist');
    mkdirSync(partial, { recursive: true });
    writeFileSync(
      join(partial, 'train-labels-idx1-ubyte.gz'),
      readFileSync(join(DATA, 'mnist/train-labels-idx1-ubyte.gz')),
    );
    const wrong = join(tmp, 'cwd', 'data', 'mnist');
    mkdirSync(wrong, { recursive: true });
    for (const f of DATASETS.mnist.files)
      writeFileSync(join(wrong, `${f.file}.gz`), readFileSync(join(DATA, 'fashion-mnist', `${f.file}.gz`)));
    const err = (await resolveDataset('mnist', {
      ...isolated(),
      dataDir: join(tmp, 'partial'),
      allowDownload: false,
    }).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(
      /missing train-images-idx3-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte/,
    );
    expect(err.message).toMatch(/has SHA-256 [0-9a-f]{12}\.\.\., not the mnist file/);
    // The same search with MAGNEURO_DATA pointing at the real data succeeds (step 2 before step 3).
    const ds = await resolveDataset('mnist', {
      ...isolated({ MAGNEURO_DATA: DATA }),
      dataDir: join(tmp, 'partial'),
      allowDownload: false,
    });
    expect(ds.dir).toBe(resolve(DATA, 'mnist'));
    rmSync(join(tmp, 'cwd'), { recursive: true, force: true });
  });
});

describe('download from a local mirror (127.0.0.1 only)', () => {
  let server: Server;
  let base = '';
  const served = join(tmp, 'mirror');
  const requests: string[] = [];

  beforeAll(async () => {
    // The mirror holds files the test writes: real MNIST re-compressed (different gzip bytes,
    // same uncompressed SHA-256) and, under "bad/", a label file with one flipped byte.
    mkdirSync(join(served, 'good'), { recursive: true });
    mkdirSync(join(served, 'bad'), { recursive: true });
    for (const f of DATASETS.mnist.files) {
      const raw = gunzipSync(readFileSync(join(DATA, 'mnist', `${f.file}.gz`)));
      writeFileSync(join(served, 'good', `${f.file}.gz`), gzipSync(raw, { level: 1 }));
      if (f.part === 'trainLabels') raw[100] = (raw[100] + 1) % 10;
      writeFileSync(join(served, 'bad', `${f.file}.gz`), gzipSync(raw, { level: 1 }));
    }
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const p = join(served, (req.url ?? '/').replace(/\.\./g, ''));
      if (!existsSync(p)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(p));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('rejects a corrupted file by its SHA-256, falls back to the next mirror and caches the result', async () => {
    const cache = join(tmp, 'cache-dl');
    const lines: string[] = [];
    const ds = await resolveDataset('mnist', {
      ...isolated(),
      cacheDir: cache,
      mirrors: [`${base}/missing/`, `${base}/bad/`, `${base}/good/`],
      log: (l) => lines.push(l),
    });
    expect(Array.from(ds.train.labels.subarray(0, 6))).toEqual([5, 0, 4, 1, 9, 2]);
    expect(ds.dir).toBe(join(cache, 'mnist'));
    expect(requests).toContain('/bad/train-labels-idx1-ubyte.gz');
    expect(requests).toContain('/good/train-labels-idx1-ubyte.gz');
    for (const f of DATASETS.mnist.files) expect(existsSync(join(cache, 'mnist', `${f.file}.gz`))).toBe(true);
    expect(lines.some((l) => l.includes('verified and stored'))).toBe(true);
    // Second load comes from the cache without any request.
    const before = requests.length;
    const again = await resolveDataset('mnist', {
      ...isolated(),
      cacheDir: cache,
      mirrors: [`${base}/good/`],
    });
    expect(again.dir).toBe(join(cache, 'mnist'));
    expect(requests.length).toBe(before);
  });

  it('fails with the mirror errors when every copy is bad', async () => {
    const err = (await resolveDataset('mnist', {
      ...isolated(),
      cacheDir: join(tmp, 'cache-bad'),
      mirrors: [`${base}/bad/`],
    }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(DatasetNotFoundError);
    expect(err.message).toMatch(/download failed: .*train-labels-idx1-ubyte\.gz: SHA-256 mismatch/);
  });
});
