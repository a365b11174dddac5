/**
 * Products with a sparse row-major input matrix held as CSR (compressed sparse rows).
 *
 * MNIST images are ~80 % zero pixels, so the two input-layer products of the MLP,
 * Z1 = X W1 and dW1 = X^T dZ1, need only nnz(X) N multiply-adds instead of M K N: about 5x less
 * work than the dense kernels. Buffers are allocated once with the largest size.
 */

export class CsrMatrix {
  rows = 0;
  readonly cols: number;
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly values: Float32Array;
  /** The same entries by column (CSC), for X^T products. */
  readonly colStart: Int32Array;
  readonly rowIndex: Int32Array;
  readonly colValues: Float32Array;

  constructor(maxRows: number, cols: number) {
    this.cols = cols;
    this.rowStart = new Int32Array(maxRows + 1);
    this.colIndex = new Int32Array(maxRows * cols);
    this.values = new Float32Array(maxRows * cols);
    this.colStart = new Int32Array(cols + 1);
    this.rowIndex = new Int32Array(maxRows * cols);
    this.colValues = new Float32Array(maxRows * cols);
  }

  /** Fill from a dense row-major [rows x cols] matrix, keeping non-zero entries. */
  setFromDense(x: Float32Array, rows: number): this {
    const { cols, rowStart, colIndex, values } = this;
    let nz = 0;
    for (let r = 0; r < rows; r++) {
      rowStart[r] = nz;
      const o = r * cols;
      for (let c = 0; c < cols; c++) {
        const v = x[o + c];
        if (v !== 0) {
          colIndex[nz] = c;
          values[nz++] = v;
        }
      }
    }
    rowStart[rows] = nz;
    this.rows = rows;
    // Column-major copy: count per column, prefix sums, scatter (rows stay in increasing order).
    const { colStart, rowIndex, colValues } = this;
    colStart.fill(0);
    for (let p = 0; p < nz; p++) colStart[colIndex[p] + 1]++;
    for (let c = 0; c < cols; c++) colStart[c + 1] += colStart[c];
    for (let r = 0; r < rows; r++) {
      for (let p = rowStart[r]; p < rowStart[r + 1]; p++) {
        const c = colIndex[p];
        const q = colStart[c]++;
        rowIndex[q] = r;
        colValues[q] = values[p];
      }
    }
    for (let c = cols; c > 0; c--) colStart[c] = colStart[c - 1];
    colStart[0] = 0;
    return this;
  }

  get nonZeros(): number {
    return this.rowStart[this.rows];
  }
}

/** C[rows x N] = X B (+ C if accumulate), X sparse [rows x K], B dense row-major [K x N]. */
export function csrMatmul(
  x: CsrMatrix,
  B: Float32Array,
  N: number,
  C: Float32Array,
  accumulate = false,
): void {
  const { rows, rowStart, colIndex, values } = x;
  if (!accumulate) C.fill(0, 0, rows * N);
  for (let r = 0; r < rows; r++) {
    const c = r * N;
    const end = rowStart[r + 1];
    let p = rowStart[r];
    // Four non-zeros per pass over the row of C (one load/store of C per four multiply-adds).
    for (; p + 3 < end; p += 4) {
      const v0 = values[p],
        v1 = values[p + 1],
        v2 = values[p + 2],
        v3 = values[p + 3];
      const b0 = colIndex[p] * N,
        b1 = colIndex[p + 1] * N,
        b2 = colIndex[p + 2] * N,
        b3 = colIndex[p + 3] * N;
      for (let j = 0; j < N; j++)
        C[c + j] += v0 * B[b0 + j] + v1 * B[b1 + j] + v2 * B[b2 + j] + v3 * B[b3 + j];
    }
    for (; p < end; p++) {
      const v = values[p],
        b = colIndex[p] * N;
      for (let j = 0; j < N; j++) C[c + j] += v * B[b + j];
    }
  }
}

/** C[K x N] = alpha X^T D (+ C if accumulate), X sparse [rows x K], D dense row-major [rows x N]. */
export function csrTransposeMatmul(
  x: CsrMatrix,
  D: Float32Array,
  N: number,
  C: Float32Array,
  alpha = 1,
  accumulate = false,
): void {
  const { cols, colStart, rowIndex, colValues } = x;
  if (!accumulate) C.fill(0, 0, cols * N);
  // Row k of C collects alpha x[r, k] D[r, :] over the non-zeros of column k, four at a time.
  for (let k = 0; k < cols; k++) {
    const c = k * N;
    const end = colStart[k + 1];
    let p = colStart[k];
    for (; p + 3 < end; p += 4) {
      const v0 = alpha * colValues[p],
        v1 = alpha * colValues[p + 1],
        v2 = alpha * colValues[p + 2],
        v3 = alpha * colValues[p + 3];
      const d0 = rowIndex[p] * N,
        d1 = rowIndex[p + 1] * N,
        d2 = rowIndex[p + 2] * N,
        d3 = rowIndex[p + 3] * N;
      for (let j = 0; j < N; j++)
        C[c + j] += v0 * D[d0 + j] + v1 * D[d1 + j] + v2 * D[d2 + j] + v3 * D[d3 + j];
    }
    for (; p < end; p++) {
      const v = alpha * colValues[p],
        d = rowIndex[p] * N;
      for (let j = 0; j < N; j++) C[c + j] += v * D[d + j];
    }
  }
}
