/**
 * IDX file format (LeCun's MNIST distribution format), raw or gzip-compressed.
 *
 * Layout (big-endian): two zero bytes, a type byte (0x08 = unsigned byte, the only type MNIST and
 * Fashion-MNIST use), a byte with the number of dimensions d, d 32-bit sizes, then the data in
 * row-major order. Reference: http://yann.lecun.com/exdb/mnist/ ("FILE FORMATS FOR THE MNIST
 * DATABASE").
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { MagneuroError } from '../../util/errors.js';

export interface IdxArray {
  /** Sizes of each dimension, outermost first (e.g. [60000, 28, 28]). */
  dims: number[];
  data: Uint8Array;
}

/** A malformed or unexpected IDX file. */
export class IdxFormatError extends MagneuroError {}

const IDX_TYPE_UBYTE = 0x08;

/** Gunzip when the buffer starts with the gzip magic 1f 8b; otherwise return it unchanged. */
export function maybeGunzip(bytes: Uint8Array, context = 'IDX file'): Uint8Array {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return new Uint8Array(gunzipSync(bytes));
    } catch (err) {
      throw new IdxFormatError(`${context}: corrupt gzip data (${(err as Error).message})`);
    }
  }
  return bytes;
}

/**
 * Parse IDX bytes (already decompressed). Checks the magic number, the element type, that the
 * payload size equals the product of the dimensions, and optionally the expected dimensions.
 * The returned data is a view into `bytes` (no copy).
 */
export function parseIdx(bytes: Uint8Array, context = 'IDX file', expectDims?: readonly number[]): IdxArray {
  if (bytes.length < 4)
    throw new IdxFormatError(`${context}: ${bytes.length} bytes, too short for an IDX header`);
  if (bytes[0] !== 0 || bytes[1] !== 0)
    throw new IdxFormatError(
      `${context}: bad magic number (first bytes ${hex(bytes[0])} ${hex(bytes[1])}, expected 00 00): not an IDX file`,
    );
  if (bytes[2] !== IDX_TYPE_UBYTE)
    throw new IdxFormatError(
      `${context}: element type ${hex(bytes[2])} is not supported (expected 08 = unsigned byte)`,
    );
  const nd = bytes[3];
  if (nd < 1 || nd > 4) throw new IdxFormatError(`${context}: ${nd} dimensions (expected 1 to 4)`);
  const headerBytes = 4 + 4 * nd;
  if (bytes.length < headerBytes)
    throw new IdxFormatError(`${context}: truncated header (${bytes.length} bytes, need ${headerBytes})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let size = 1;
  for (let k = 0; k < nd; k++) {
    const d = view.getUint32(4 + 4 * k, false);
    dims.push(d);
    size *= d;
  }
  const payload = bytes.length - headerBytes;
  if (payload !== size)
    throw new IdxFormatError(
      `${context}: dimensions ${dims.join('x')} need ${size} data bytes but the file has ${payload}` +
        (payload < size ? ' (truncated?)' : ''),
    );
  if (expectDims) {
    const ok = expectDims.length === dims.length && expectDims.every((d, k) => d < 0 || d === dims[k]);
    if (!ok)
      throw new IdxFormatError(
        `${context}: dimensions ${dims.join('x')}, expected ${expectDims.map((d) => (d < 0 ? 'N' : d)).join('x')}`,
      );
  }
  return { dims, data: bytes.subarray(headerBytes) };
}

/** Read an IDX file from disk (gzip detected from the content, not the name). */
export function readIdxFile(path: string, expectDims?: readonly number[]): IdxArray {
  let raw: Uint8Array;
  try {
    raw = readFileSync(path);
  } catch (err) {
    throw new IdxFormatError(`${path}: cannot read (${(err as Error).message})`);
  }
  return parseIdx(maybeGunzip(raw, path), path, expectDims);
}

/** Encode an unsigned-byte IDX array (used by tests and to write subsets). */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const size = dims.reduce((a, b) => a * b, 1);
  if (size !== data.length)
    throw new IdxFormatError(`encodeIdx: dims ${dims.join('x')} need ${size} bytes, got ${data.length}`);
  const out = new Uint8Array(4 + 4 * dims.length + size);
  const view = new DataView(out.buffer);
  out[2] = IDX_TYPE_UBYTE;
  out[3] = dims.length;
  dims.forEach((d, k) => view.setUint32(4 + 4 * k, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

function hex(b: number | undefined): string {
  return b === undefined ? '--' : b.toString(16).padStart(2, '0');
}
