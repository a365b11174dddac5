/**
 * Dense matrix products on row-major Float32Array for the MLP (no allocation inside).
 *
 * All three variants compute C = alpha * op(A) op(B) + beta * C with row-major storage:
 *  - `gemmNN`: C[M x N] += A[M x K] B[K x N]        (forward pass X W)
 *  - `gemmTN`: C[M x N] += A[K x M]^T B[K x N]      (weight gradient X^T dZ)
 *  - `gemmNT`: C[M x N] += A[M x K] B[N x K]^T      (back-propagated error dZ W^T)
 * Loop order keeps the innermost loop contiguous in C and B (axpy form for NN/TN, dot form for
 * NT); four rows of C are updated per pass over a row of B (register tiling of A), and K is
 * split into blocks so that the B panel stays in cache. Entries of A equal to zero are skipped
 * in NN and TN: MNIST pixel rows are ~80 % zeros, so the input-layer products do ~5x less work.
 */

const K_BLOCK = 128;

function scale(C: Float32Array, n: number, beta: number): void {
  if (beta === 1) return;
  if (beta === 0) C.fill(0, 0, n);
  else for (let i = 0; i < n; i++) C[i] *= beta;
}

/** C[M x N] = alpha * A[M x K] B[K x N] + beta * C. */
export function gemmNN(
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  B: Float32Array,
  C: Float32Array,
  alpha = 1,
  beta = 0,
): void {
  scale(C, M * N, beta);
  for (let k0 = 0; k0 < K; k0 += K_BLOCK) {
    const k1 = Math.min(K, k0 + K_BLOCK);
    let i = 0;
    for (; i + 4 <= M; i += 4) {
      const a0 = i * K,
        a1 = a0 + K,
        a2 = a1 + K,
        a3 = a2 + K;
      const c0 = i * N,
        c1 = c0 + N,
        c2 = c1 + N,
        c3 = c2 + N;
      for (let k = k0; k < k1; k++) {
        const x0 = alpha * A[a0 + k],
          x1 = alpha * A[a1 + k],
          x2 = alpha * A[a2 + k],
          x3 = alpha * A[a3 + k];
        if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
        const b = k * N;
        for (let j = 0; j < N; j++) {
          const bj = B[b + j];
          C[c0 + j] += x0 * bj;
          C[c1 + j] += x1 * bj;
          C[c2 + j] += x2 * bj;
          C[c3 + j] += x3 * bj;
        }
      }
    }
    for (; i < M; i++) {
      const a = i * K,
        c = i * N;
      for (let k = k0; k < k1; k++) {
        const x = alpha * A[a + k];
        if (x === 0) continue;
        const b = k * N;
        for (let j = 0; j < N; j++) C[c + j] += x * B[b + j];
      }
    }
  }
}

/** C[M x N] = alpha * A[K x M]^T B[K x N] + beta * C. */
export function gemmTN(
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  B: Float32Array,
  C: Float32Array,
  alpha = 1,
  beta = 0,
): void {
  scale(C, M * N, beta);
  // For each k: C[i, :] += A[k, i] * B[k, :]; four k at a time share one pass over a row of C.
  let k = 0;
  for (; k + 4 <= K; k += 4) {
    const r0 = k * M,
      r1 = r0 + M,
      r2 = r1 + M,
      r3 = r2 + M;
    const b0 = k * N,
      b1 = b0 + N,
      b2 = b1 + N,
      b3 = b2 + N;
    for (let i = 0; i < M; i++) {
      const x0 = alpha * A[r0 + i],
        x1 = alpha * A[r1 + i],
        x2 = alpha * A[r2 + i],
        x3 = alpha * A[r3 + i];
      if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
      const c = i * N;
      for (let j = 0; j < N; j++)
        C[c + j] += x0 * B[b0 + j] + x1 * B[b1 + j] + x2 * B[b2 + j] + x3 * B[b3 + j];
    }
  }
  for (; k < K; k++) {
    const r = k * M,
      b = k * N;
    for (let i = 0; i < M; i++) {
      const x = alpha * A[r + i];
      if (x === 0) continue;
      const c = i * N;
      for (let j = 0; j < N; j++) C[c + j] += x * B[b + j];
    }
  }
}

/** C[M x N] = alpha * A[M x K] B[N x K]^T + beta * C (2 x 2 register tile of dot products). */
export function gemmNT(
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  B: Float32Array,
  C: Float32Array,
  alpha = 1,
  beta = 0,
): void {
  scale(C, M * N, beta);
  let i = 0;
  for (; i + 2 <= M; i += 2) {
    const a0 = i * K,
      a1 = a0 + K;
    let j = 0;
    for (; j + 2 <= N; j += 2) {
      const b0 = j * K,
        b1 = b0 + K;
      let s00 = 0,
        s01 = 0,
        s10 = 0,
        s11 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = A[a0 + k],
          x1 = A[a1 + k],
          y0 = B[b0 + k],
          y1 = B[b1 + k];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      C[i * N + j] += alpha * s00;
      C[i * N + j + 1] += alpha * s01;
      C[(i + 1) * N + j] += alpha * s10;
      C[(i + 1) * N + j + 1] += alpha * s11;
    }
    for (; j < N; j++) {
      const b = j * K;
      let s0 = 0,
        s1 = 0;
      for (let k = 0; k < K; k++) {
        s0 += A[a0 + k] * B[b + k];
        s1 += A[a1 + k] * B[b + k];
      }
      C[i * N + j] += alpha * s0;
      C[(i + 1) * N + j] += alpha * s1;
    }
  }
  for (; i < M; i++) {
    const a = i * K;
    for (let j = 0; j < N; j++) {
      const b = j * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += A[a + k] * B[b + k];
      C[i * N + j] += alpha * s;
    }
  }
}

/** Reference triple loop (tests only): C = alpha op(A) op(B) + beta C, in float64 accumulation. */
export function gemmReference(
  transA: boolean,
  transB: boolean,
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  B: Float32Array,
  C: Float32Array,
  alpha = 1,
  beta = 0,
): void {
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) {
        const a = transA ? A[k * M + i] : A[i * K + k];
        const b = transB ? B[j * K + k] : B[k * N + j];
        s += a * b;
      }
      C[i * N + j] = alpha * s + beta * C[i * N + j];
    }
}
