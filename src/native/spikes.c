/*
 * Native (C, SIMD) versions of the sparse spike kernels of src/nn/kernels/spikes.ts.
 *
 * Contract: every function returns BIT-IDENTICAL results to its JavaScript twin, so a training
 * run gives the same numbers whether or not this addon was built (test/snn-native.test.ts).
 * JavaScript evaluates `out[j] += a0 * b0 + a1 * b1 + ...` in double precision (float32 operands
 * are exact in double, so are their products) and rounds once when it stores into a
 * Float32Array; these kernels do exactly that, element by element, with GCC vector extensions
 * over 4 doubles. Vector lanes are always independent output elements (never parts of one sum),
 * so the order of every floating-point operation is the JavaScript one, whatever the vector
 * width the compiler picks. Built with -ffp-contract=off: no fused multiply-add.
 *
 * N-API bindings: module.c. Layout as in spikes.ts: W is input-major, W[i * nOut + j] is the weight from input i to output j.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "spikes.h"
#include "vec.h"

/* out[j] += sum_a s[i_a] W[i_a, j] over the active inputs, four rows per pass (as in JS). */
static void accumulate_active_rows(const float *w, int nOut, const float *s, const int32_t *active, int nActive,
                                   float *out) {
  int a = 0;
  for (; a + 4 <= nActive; a += 4) {
    const int i0 = active[a], i1 = active[a + 1], i2 = active[a + 2], i3 = active[a + 3];
    const double v0 = s[i0], v1 = s[i1], v2 = s[i2], v3 = s[i3];
    const float *r0 = w + (size_t)i0 * nOut, *r1 = w + (size_t)i1 * nOut, *r2 = w + (size_t)i2 * nOut,
                *r3 = w + (size_t)i3 * nOut;
    int j = 0;
    if (v0 == 1 && v1 == 1 && v2 == 1 && v3 == 1) {
      for (; j + 4 <= nOut; j += 4)
        store4(out + j, load4(out + j) + (((load4(r0 + j) + load4(r1 + j)) + load4(r2 + j)) + load4(r3 + j)));
      for (; j < nOut; j++)
        out[j] = (float)((double)out[j] + ((((double)r0[j] + (double)r1[j]) + (double)r2[j]) + (double)r3[j]));
    } else {
      const v4d c0 = {v0, v0, v0, v0}, c1 = {v1, v1, v1, v1}, c2 = {v2, v2, v2, v2}, c3 = {v3, v3, v3, v3};
      for (; j + 4 <= nOut; j += 4)
        store4(out + j, load4(out + j) + (((c0 * load4(r0 + j) + c1 * load4(r1 + j)) + c2 * load4(r2 + j)) +
                                          c3 * load4(r3 + j)));
      for (; j < nOut; j++)
        out[j] = (float)((double)out[j] +
                         (((v0 * r0[j] + v1 * r1[j]) + v2 * r2[j]) + v3 * r3[j]));
    }
  }
  for (; a < nActive; a++) {
    const int i = active[a];
    const double v = s[i];
    const v4d c = {v, v, v, v};
    const float *r = w + (size_t)i * nOut;
    int j = 0;
    for (; j + 4 <= nOut; j += 4) store4(out + j, load4(out + j) + c * load4(r + j));
    for (; j < nOut; j++) out[j] = (float)((double)out[j] + v * r[j]);
  }
}

static int gather_active(const float *s, int n, int32_t *active) {
  int k = 0;
  for (int i = 0; i < n; i++)
    if (s[i] != 0) active[k++] = i;
  return k;
}

/* z[r, :] += sum_i s[r, i] W[i, :] for every row r (time slot) of the spike matrix. */
void forward_spike_rows(const float *w, int nIn, int nOut, const float *s, int rows, float *z, int32_t *active) {
  for (int r = 0; r < rows; r++) {
    const float *sr = s + (size_t)r * nIn;
    const int na = gather_active(sr, nIn, active);
    accumulate_active_rows(w, nOut, sr, active, na, z + (size_t)r * nOut);
  }
}

/* Running sum over toggle events, as forwardFromToggles in spikes.ts. */
void forward_from_toggles(const float *w, int nIn, int nOut, const float *e, int batch, int T, float *z,
                                 int32_t *active) {
  for (int b = 0; b < batch; b++)
    for (int t = 0; t < T; t++) {
      float *zo = z + ((size_t)b * T + t) * nOut;
      if (t == 0)
        memset(zo, 0, sizeof(float) * nOut);
      else
        memmove(zo, zo - nOut, sizeof(float) * nOut);
      const float *eo = e + ((size_t)b * (T + 1) + t) * nIn;
      const int na = gather_active(eo, nIn, active);
      accumulate_active_rows(w, nOut, eo, active, na, zo);
    }
}

/* gW[i, :] += sum_r s[r, i] delta[r, :] over the active slots, as accumulateSpikeOuter. */
int accumulate_spike_outer(int slots, int nIn, int nOut, const float *s, const float *delta, float *gw) {
  int32_t *start = calloc((size_t)nIn + 1, sizeof(int32_t));
  if (!start) return -1;
  for (int r = 0; r < slots; r++) {
    const float *so = s + (size_t)r * nIn;
    for (int i = 0; i < nIn; i++)
      if (so[i] != 0) start[i + 1]++;
  }
  for (int i = 0; i < nIn; i++) start[i + 1] += start[i];
  int32_t *rows = malloc(sizeof(int32_t) * ((size_t)start[nIn] + 1));
  int32_t *fill = malloc(sizeof(int32_t) * ((size_t)nIn + 1));
  if (!rows || !fill) {
    free(start);
    free(rows);
    free(fill);
    return -1;
  }
  memcpy(fill, start, sizeof(int32_t) * nIn);
  for (int r = 0; r < slots; r++) {
    const float *so = s + (size_t)r * nIn;
    for (int i = 0; i < nIn; i++)
      if (so[i] != 0) rows[fill[i]++] = r;
  }
  for (int i = 0; i < nIn; i++) {
    float *g = gw + (size_t)i * nOut;
    const int end = start[i + 1];
    int a = start[i];
    for (; a + 4 <= end; a += 4) {
      const int r0 = rows[a], r1 = rows[a + 1], r2 = rows[a + 2], r3 = rows[a + 3];
      const double x0 = s[(size_t)r0 * nIn + i], x1 = s[(size_t)r1 * nIn + i], x2 = s[(size_t)r2 * nIn + i],
                   x3 = s[(size_t)r3 * nIn + i];
      const float *d0 = delta + (size_t)r0 * nOut, *d1 = delta + (size_t)r1 * nOut, *d2 = delta + (size_t)r2 * nOut,
                  *d3 = delta + (size_t)r3 * nOut;
      const v4d c0 = {x0, x0, x0, x0}, c1 = {x1, x1, x1, x1}, c2 = {x2, x2, x2, x2}, c3 = {x3, x3, x3, x3};
      int j = 0;
      for (; j + 4 <= nOut; j += 4)
        store4(g + j, load4(g + j) + (((c0 * load4(d0 + j) + c1 * load4(d1 + j)) + c2 * load4(d2 + j)) +
                                      c3 * load4(d3 + j)));
      for (; j < nOut; j++)
        g[j] = (float)((double)g[j] + (((x0 * d0[j] + x1 * d1[j]) + x2 * d2[j]) + x3 * d3[j]));
    }
    for (; a < end; a++) {
      const int r = rows[a];
      const double x = s[(size_t)r * nIn + i];
      const v4d c = {x, x, x, x};
      const float *d = delta + (size_t)r * nOut;
      int j = 0;
      for (; j + 4 <= nOut; j += 4) store4(g + j, load4(g + j) + c * load4(d + j));
      for (; j < nOut; j++) g[j] = (float)((double)g[j] + x * d[j]);
    }
  }
  free(start);
  free(rows);
  free(fill);
  return 0;
}

/*
 * gs[r, i] = sum_j W[i, j] delta[r, j] where need[r, i] != 0, as maskedGradToInputs. JavaScript
 * sums each dot product sequentially over j in double; here four dot products run in the four
 * lanes (one input each), each still sequential over j.
 */
int masked_grad_to_inputs(int rows, int nIn, int nOut, const float *w, const float *delta, const uint8_t *need,
                                 float *gs, int32_t *scratch) {
  int computed = 0;
  for (int r = 0; r < rows; r++) {
    const uint8_t *nr = need + (size_t)r * nIn;
    const float *d = delta + (size_t)r * nOut;
    float *g = gs + (size_t)r * nIn;
    int m = 0;
    for (int i = 0; i < nIn; i++)
      if (nr[i] != 0) scratch[m++] = i;
    computed += m;
    int a = 0;
    for (; a + 4 <= m; a += 4) {
      const float *p0 = w + (size_t)scratch[a] * nOut, *p1 = w + (size_t)scratch[a + 1] * nOut,
                  *p2 = w + (size_t)scratch[a + 2] * nOut, *p3 = w + (size_t)scratch[a + 3] * nOut;
      v4d acc = {0, 0, 0, 0}; /* lane q: the dot product of input scratch[a + q], sequential in j */
      int j = 0;
      for (; j + 4 <= nOut; j += 4) {
        v4d c[4]; /* column k holds W[i_q, j + k] for q = 0..3 */
        transpose4(p0 + j, p1 + j, p2 + j, p3 + j, c);
        const double x0 = d[j], x1 = d[j + 1], x2 = d[j + 2], x3 = d[j + 3];
        acc += c[0] * splat(x0);
        acc += c[1] * splat(x1);
        acc += c[2] * splat(x2);
        acc += c[3] * splat(x3);
      }
      for (; j < nOut; j++) {
        const double x = d[j];
        const v4d c = {p0[j], p1[j], p2[j], p3[j]};
        acc += c * (v4d){x, x, x, x};
      }
      for (int q = 0; q < 4; q++) g[scratch[a + q]] = (float)acc[q];
    }
    for (; a < m; a++) {
      const int i = scratch[a];
      const float *wi = w + (size_t)i * nOut;
      double s = 0;
      for (int j = 0; j < nOut; j++) s += (double)wi[j] * (double)d[j];
      g[i] = (float)s;
    }
  }
  return computed;
}

/*
 * C[M x N] = alpha A[M x K] B[N x K]^T + beta C, as gemmNT in gemm.ts: every entry is the
 * sequential double sum over k of A[i, k] B[j, k], then C[i, j] = f32(C[i, j] + alpha s) (after
 * C = f32(C beta), or zero for beta = 0). Four columns j run in the four lanes (4 x 4 transposes of
 * B blocks), two rows i share the transposes.
 */
void gemm_nt(int M, int N, int K, const float *A, const float *B, float *C, double alpha, double beta) {
  const size_t MN = (size_t)M * N;
  if (beta == 0)
    memset(C, 0, sizeof(float) * MN);
  else if (beta != 1)
    for (size_t q = 0; q < MN; q++) C[q] = (float)((double)C[q] * beta);
  int j = 0;
  for (; j + 4 <= N; j += 4) {
    const float *b0 = B + (size_t)j * K, *b1 = b0 + K, *b2 = b1 + K, *b3 = b2 + K;
    int i = 0;
    for (; i + 2 <= M; i += 2) {
      const float *a0 = A + (size_t)i * K, *a1 = a0 + K;
      v4d s0 = {0, 0, 0, 0}, s1 = {0, 0, 0, 0};
      int k = 0;
      for (; k + 4 <= K; k += 4) {
        v4d c[4]; /* column m holds B[j + q, k + m] for q = 0..3 */
        transpose4(b0 + k, b1 + k, b2 + k, b3 + k, c);
        double x;
        x = a0[k], s0 += c[0] * splat(x);
        x = a0[k + 1], s0 += c[1] * splat(x);
        x = a0[k + 2], s0 += c[2] * splat(x);
        x = a0[k + 3], s0 += c[3] * splat(x);
        x = a1[k], s1 += c[0] * splat(x);
        x = a1[k + 1], s1 += c[1] * splat(x);
        x = a1[k + 2], s1 += c[2] * splat(x);
        x = a1[k + 3], s1 += c[3] * splat(x);
      }
      for (; k < K; k++) {
        const v4d c = {b0[k], b1[k], b2[k], b3[k]};
        const double x0 = a0[k], x1 = a1[k];
        s0 += c * (v4d){x0, x0, x0, x0};
        s1 += c * (v4d){x1, x1, x1, x1};
      }
      for (int q = 0; q < 4; q++) {
        float *c0 = C + (size_t)i * N + j + q, *c1 = c0 + N;
        *c0 = (float)((double)*c0 + alpha * s0[q]);
        *c1 = (float)((double)*c1 + alpha * s1[q]);
      }
    }
    for (; i < M; i++) {
      const float *a = A + (size_t)i * K;
      for (int q = 0; q < 4; q++) {
        const float *b = B + (size_t)(j + q) * K;
        double s = 0;
        for (int k = 0; k < K; k++) s += (double)a[k] * (double)b[k];
        float *c = C + (size_t)i * N + j + q;
        *c = (float)((double)*c + alpha * s);
      }
    }
  }
  for (; j < N; j++) {
    const float *b = B + (size_t)j * K;
    for (int i = 0; i < M; i++) {
      const float *a = A + (size_t)i * K;
      double s = 0;
      for (int k = 0; k < K; k++) s += (double)a[k] * (double)b[k];
      float *c = C + (size_t)i * N + j;
      *c = (float)((double)*c + alpha * s);
    }
  }
}

