/*
 * Native (C, SIMD) versions of the sparse spike kernels of src/nn/kernels/spikes.ts.
 *
 * Contract: every function returns BIT-IDENTICAL results to its JavaScript twin, so a training
 * run gives the same numbers whether or not this addon was built (test/snn-native.test.ts).
 * The accumulating kernels (forward rows, toggles, weight gradient) add one weight or delta row at
 * a time: JavaScript evaluates `out[j] += v * r[j]` in double (float32 operands are exact in
 * double, so are their products) and rounds once on the store into a Float32Array. For v = +-1
 * (spikes and toggle events) that is the correctly rounded float32 sum, so these kernels use
 * eight float lanes; other values take four double lanes. The spike-gradient dot products
 * (maskedGradToInputs) are float32 in a fixed order of eight partial sums that both twins spell
 * out (in double with eight lanes the kernel took 2.8 times longer). Otherwise vector lanes are independent output elements (never parts of one sum), so the
 * order of every floating-point operation is the JavaScript one. Built with -ffp-contract=off: no fused multiply-add.
 *
 * N-API bindings: module.c. Layout as in spikes.ts: W is input-major, W[i * nOut + j] is the weight from input i to output j.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "spikes.h"
#include "vec.h"

/*
 * out[j] = f32(out[j] + v r[j]) for one row, as the JavaScript `out[j] += v * r[j]` on a
 * Float32Array. For v = +-1 the product is exact, and a float32 add of two floats is the correctly
 * rounded sum JavaScript gets by adding in double and rounding on the store, so eight float lanes
 * give the same bits; any other v takes four double lanes (one rounding, as in JavaScript).
 */
static inline int unit_value(double v) { return v == 1 || v == -1; }

static void add_row(float *out, const float *r, double v, int n) {
  int j = 0;
  if (unit_value(v)) {
    const float vf = (float)v;
    const v8f c = splat8(vf);
    for (; j + 8 <= n; j += 8) store8(out + j, load8(out + j) + c * load8(r + j));
    for (; j < n; j++) out[j] = out[j] + vf * r[j];
  } else {
    const v4d c = splat(v);
    for (; j + 4 <= n; j += 4) store4(out + j, load4(out + j) + c * load4(r + j));
    for (; j < n; j++) out[j] = (float)((double)out[j] + v * r[j]);
  }
}

/* Four rows with values +-1 in one pass over out (kept in registers): each add rounds to float,
 * exactly as four one-row passes. */
static void add_rows4_unit(float *out, const float *r0, const float *r1, const float *r2, const float *r3,
                           float v0, float v1, float v2, float v3, int n) {
  const v8f c0 = splat8(v0), c1 = splat8(v1), c2 = splat8(v2), c3 = splat8(v3);
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    v8f acc = load8(out + j);
    acc = acc + c0 * load8(r0 + j);
    acc = acc + c1 * load8(r1 + j);
    acc = acc + c2 * load8(r2 + j);
    acc = acc + c3 * load8(r3 + j);
    store8(out + j, acc);
  }
  for (; j < n; j++) {
    float acc = out[j];
    acc = acc + v0 * r0[j];
    acc = acc + v1 * r1[j];
    acc = acc + v2 * r2[j];
    acc = acc + v3 * r3[j];
    out[j] = acc;
  }
}

/* out[j] += val[a] base[idx[a], j] for a = 0 .. n-1, one row after another (each add rounded to
 * float32, so how rows are grouped into passes does not change the result). */
static void add_listed_rows(float *out, const float *base, int nOut, const int32_t *idx, const float *val, int n) {
  int a = 0;
  while (a + 4 <= n) {
    const float v0 = val[a], v1 = val[a + 1], v2 = val[a + 2], v3 = val[a + 3];
    if (unit_value(v0) && unit_value(v1) && unit_value(v2) && unit_value(v3)) {
      add_rows4_unit(out, base + (size_t)idx[a] * nOut, base + (size_t)idx[a + 1] * nOut,
                     base + (size_t)idx[a + 2] * nOut, base + (size_t)idx[a + 3] * nOut, v0, v1, v2, v3, nOut);
      a += 4;
    } else {
      add_row(out, base + (size_t)idx[a] * nOut, v0, nOut);
      a += 1;
    }
  }
  for (; a < n; a++) add_row(out, base + (size_t)idx[a] * nOut, val[a], nOut);
}

/* out[j] += s[i_a] W[i_a, j] over the active inputs, one row after another (as in JS); the values
 * are copied next to their indices in chunks. */
static void accumulate_active_rows(const float *w, int nOut, const float *s, const int32_t *active, int nActive,
                                   float *out) {
  enum { CHUNK = 256 };
  float val[CHUNK];
  for (int a0 = 0; a0 < nActive; a0 += CHUNK) {
    const int len = nActive - a0 < CHUNK ? nActive - a0 : CHUNK;
    for (int k = 0; k < len; k++) val[k] = s[active[a0 + k]];
    add_listed_rows(out, w, nOut, active + a0, val, len);
  }
}

/* Indices of the nonzero entries of s[0 .. n) into active (room for n); branch-free, as spikes are
 * too irregular for the branch predictor. Returns their count. */
static int gather_active(const float *s, int n, int32_t *active) {
  int k = 0;
  for (int i = 0; i < n; i++) {
    active[k] = i;
    k += s[i] != 0;
  }
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

/* gW[i, :] += s[r, i] delta[r, :] over the active slots r of input i in increasing r, as accumulateSpikeOuter. */
int accumulate_spike_outer(int slots, int nIn, int nOut, const float *s, const float *delta, float *gw) {
  int32_t *start = calloc((size_t)nIn + 1, sizeof(int32_t));
  int32_t *fill = malloc(sizeof(int32_t) * ((size_t)nIn + 1));
  int32_t *act = malloc(sizeof(int32_t) * ((size_t)nIn + 1));
  if (!start || !fill || !act) {
    free(start);
    free(fill);
    free(act);
    return -1;
  }
  for (int r = 0; r < slots; r++) {
    const float *so = s + (size_t)r * nIn;
    for (int i = 0; i < nIn; i++) start[i + 1] += so[i] != 0;
  }
  for (int i = 0; i < nIn; i++) start[i + 1] += start[i];
  int32_t *rows = malloc(sizeof(int32_t) * ((size_t)start[nIn] + 1));
  float *vals = malloc(sizeof(float) * ((size_t)start[nIn] + 1));
  if (!rows || !vals) {
    free(start);
    free(fill);
    free(act);
    free(rows);
    free(vals);
    return -1;
  }
  memcpy(fill, start, sizeof(int32_t) * nIn);
  for (int r = 0; r < slots; r++) {
    const float *so = s + (size_t)r * nIn;
    const int na = gather_active(so, nIn, act);
    for (int a = 0; a < na; a++) {
      const int k = fill[act[a]]++;
      rows[k] = r;
      vals[k] = so[act[a]]; /* the spike value, read here while its row is in cache */
    }
  }
  for (int i = 0; i < nIn; i++)
    add_listed_rows(gw + (size_t)i * nOut, delta, nOut, rows + start[i], vals + start[i], start[i + 1] - start[i]);
  free(start);
  free(rows);
  free(vals);
  free(fill);
  free(act);
  return 0;
}

/*
 * The float32 dot product of the spike-gradient kernel (maskedGradToInputs), in the order that
 * the JavaScript twin (dotF32 in spikes.ts) spells out: eight partial sums, lane q taking
 * j = q, q + 8, q + 16, ...; the n mod 8 tail terms go to lanes 0, 1, ...; then
 * ((p0 + p4) + (p2 + p6)) + ((p1 + p5) + (p3 + p7)). Every product and every sum rounds to float32.
 */
static inline float reduce8(v8f acc, const float *a, const float *b, int j, int n) {
  float p[8];
  memcpy(p, &acc, sizeof p);
  for (int q = 0; j < n; j++, q++) p[q] = p[q] + a[j] * b[j];
  return ((p[0] + p[4]) + (p[2] + p[6])) + ((p[1] + p[5]) + (p[3] + p[7]));
}

/*
 * gs[r, i] = sum_j W[i, j] delta[r, j] (dotF32 order) where need[r, i] != 0, or everywhere when need
 * is NULL, as maskedGradToInputs. Four inputs share each load of the delta row.
 */
int masked_grad_to_inputs(int rows, int nIn, int nOut, const float *w, const float *delta, const uint8_t *need,
                          float *gs, int32_t *scratch) {
  int computed = 0;
  for (int r = 0; r < rows; r++) {
    const float *d = delta + (size_t)r * nOut;
    float *g = gs + (size_t)r * nIn;
    int m = 0;
    if (need) {
      const uint8_t *nr = need + (size_t)r * nIn;
      for (int i = 0; i < nIn; i++) {
        scratch[m] = i; /* branch-free, as in gather_active */
        m += nr[i] != 0;
      }
    } else {
      for (int i = 0; i < nIn; i++) scratch[m++] = i;
    }
    computed += m;
    int a = 0;
    for (; a + 4 <= m; a += 4) {
      const float *p0 = w + (size_t)scratch[a] * nOut, *p1 = w + (size_t)scratch[a + 1] * nOut,
                  *p2 = w + (size_t)scratch[a + 2] * nOut, *p3 = w + (size_t)scratch[a + 3] * nOut;
      v8f s0 = splat8(0), s1 = splat8(0), s2 = splat8(0), s3 = splat8(0);
      int j = 0;
      for (; j + 8 <= nOut; j += 8) {
        const v8f x = load8(d + j);
        s0 = s0 + load8(p0 + j) * x;
        s1 = s1 + load8(p1 + j) * x;
        s2 = s2 + load8(p2 + j) * x;
        s3 = s3 + load8(p3 + j) * x;
      }
      g[scratch[a]] = reduce8(s0, p0, d, j, nOut);
      g[scratch[a + 1]] = reduce8(s1, p1, d, j, nOut);
      g[scratch[a + 2]] = reduce8(s2, p2, d, j, nOut);
      g[scratch[a + 3]] = reduce8(s3, p3, d, j, nOut);
    }
    for (; a < m; a++) {
      const float *p0 = w + (size_t)scratch[a] * nOut;
      v8f s0 = splat8(0);
      int j = 0;
      for (; j + 8 <= nOut; j += 8) s0 = s0 + load8(p0 + j) * load8(d + j);
      g[scratch[a]] = reduce8(s0, p0, d, j, nOut);
    }
  }
  return computed;
}
