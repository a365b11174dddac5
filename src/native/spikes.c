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

/*
 * gW[i, :] += s[r, i] delta[r, :] over the active slots r of input i in increasing r, as
 * accumulateSpikeOuter. The slots go in blocks whose delta rows (~256 kB) stay in cache; within a
 * block the active slots of each input are listed (with their spike values) and added to its gW
 * row in slot order, so every element still receives its adds in increasing r.
 */
int accumulate_spike_outer(int slots, int nIn, int nOut, const float *s, const float *delta, float *gw) {
  int block = 262144 / (4 * (nOut > 0 ? nOut : 1));
  if (block < 16) block = 16;
  if (block > slots) block = slots > 0 ? slots : 1;
  int32_t *start = malloc(sizeof(int32_t) * ((size_t)nIn + 1));
  int32_t *fill = malloc(sizeof(int32_t) * ((size_t)nIn + 1));
  int32_t *act = malloc(sizeof(int32_t) * ((size_t)nIn + 1));
  int32_t *rows = malloc(sizeof(int32_t) * ((size_t)block * nIn + 1));
  float *vals = malloc(sizeof(float) * ((size_t)block * nIn + 1));
  if (!start || !fill || !act || !rows || !vals) {
    free(start);
    free(fill);
    free(act);
    free(rows);
    free(vals);
    return -1;
  }
  for (int r0 = 0; r0 < slots; r0 += block) {
    const int r1 = r0 + block < slots ? r0 + block : slots;
    memset(start, 0, sizeof(int32_t) * ((size_t)nIn + 1));
    for (int r = r0; r < r1; r++) {
      const float *so = s + (size_t)r * nIn;
      for (int i = 0; i < nIn; i++) start[i + 1] += so[i] != 0;
    }
    for (int i = 0; i < nIn; i++) start[i + 1] += start[i];
    memcpy(fill, start, sizeof(int32_t) * nIn);
    for (int r = r0; r < r1; r++) {
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
  }
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
 * The tail is one vector step on zero-padded copies (wt, dt): the lanes past the tail add
 * 0 * 0 = +0, which leaves them unchanged, because a partial sum that starts at +0 and only ever
 * adds is never -0 (round to nearest gives -0 only for (-0) + (-0)).
 */
static inline float finish8(v8f acc, v8f wt, v8f dt, int tail) {
  if (tail) acc = acc + wt * dt;
  v4f lo, hi;
  memcpy(&lo, &acc, sizeof lo);
  memcpy(&hi, (const char *)&acc + sizeof lo, sizeof hi);
  const v4f s = lo + hi; /* p0 + p4, p1 + p5, p2 + p6, p3 + p7 */
  return (s[0] + s[2]) + (s[1] + s[3]);
}

/* p[0..m) then zeros (m < 8). */
static inline v8f load_padded8(const float *p, int m) {
  float t[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  for (int q = 0; q < m; q++) t[q] = p[q];
  return load8(t);
}

/* Zero-padded tail of input i's weight row (the copies made once per call), or zeros. */
static inline v8f weight_tail(const float *wtail, int i) { return wtail ? load8(wtail + (size_t)i * 8) : splat8(0); }

/*
 * One row: the listed inputs scratch[0..m), four sharing each load of the delta row d (whose padded
 * tail is dt). nMain = nOut rounded down to a multiple of 8; tail = nOut - nMain.
 */
static void row_dots(int nOut, int nMain, int tail, const float *w, const float *wtail, const float *d, v8f dt,
                     float *g, const int32_t *scratch, int m) {
  int a = 0;
  for (; a + 4 <= m; a += 4) {
    const int i0 = scratch[a], i1 = scratch[a + 1], i2 = scratch[a + 2], i3 = scratch[a + 3];
    const float *p0 = w + (size_t)i0 * nOut, *p1 = w + (size_t)i1 * nOut, *p2 = w + (size_t)i2 * nOut,
                *p3 = w + (size_t)i3 * nOut;
    v8f s0 = splat8(0), s1 = splat8(0), s2 = splat8(0), s3 = splat8(0);
    for (int j = 0; j < nMain; j += 8) {
      v8f x = load8(d + j);
      KEEP_IN_REGISTER(x);
      s0 = s0 + load8(p0 + j) * x;
      s1 = s1 + load8(p1 + j) * x;
      s2 = s2 + load8(p2 + j) * x;
      s3 = s3 + load8(p3 + j) * x;
    }
    g[i0] = finish8(s0, weight_tail(wtail, i0), dt, tail);
    g[i1] = finish8(s1, weight_tail(wtail, i1), dt, tail);
    g[i2] = finish8(s2, weight_tail(wtail, i2), dt, tail);
    g[i3] = finish8(s3, weight_tail(wtail, i3), dt, tail);
  }
  for (; a < m; a++) {
    const int i0 = scratch[a];
    const float *p0 = w + (size_t)i0 * nOut;
    v8f s0 = splat8(0);
    for (int j = 0; j < nMain; j += 8) s0 = s0 + load8(p0 + j) * load8(d + j);
    g[i0] = finish8(s0, weight_tail(wtail, i0), dt, tail);
  }
}

/* Store of a tile entry: where needed (or everywhere without a mask). */
#define PUT(row, unit, value)                                                                                          \
  do {                                                                                                                 \
    if (!need || nr##row[unit]) g##row[unit] = (value);                                                              \
  } while (0)

/*
 * gs[r, i] = sum_j W[i, j] delta[r, j] (dotF32 order) where need[r, i] != 0, or everywhere when need
 * is NULL, as maskedGradToInputs. The inputs go in chunks whose weight rows stay in cache (~128 kB),
 * and for each chunk the rows in blocks of four: when the needed entries fill at least half of the
 * block's tile (the chunk's inputs needed by any of its rows x 4), a tile of 4 rows x 2 inputs
 * shares every load and the entries nobody needs are computed but not stored; sparser blocks go row
 * by row over the needed inputs only. Every stored value is the same dotF32 either way. Returns the
 * entries stored, or -1 when out of memory.
 */
int masked_grad_to_inputs(int rows, int nIn, int nOut, const float *w, const float *delta, const uint8_t *need,
                          float *gs, int32_t *scratch) {
  const int tail = nOut % 8;
  const int nMain = nOut - tail;
  float *wtail = NULL;
  if (tail && nIn > 0) {
    wtail = aligned_alloc(32, (size_t)nIn * 8 * sizeof(float));
    if (!wtail) return -1;
    for (int i = 0; i < nIn; i++)
      for (int q = 0; q < 8; q++) wtail[(size_t)i * 8 + q] = q < tail ? w[(size_t)i * nOut + nMain + q] : 0.0f;
  }
  int computed = 0;
  const int full = rows - rows % 4;
  /* Each block of four rows is dense (tile) or sparse (row by row), judged over all inputs. */
  uint8_t *dense = malloc((size_t)(full / 4) + 1);
  if (!dense) {
    free(wtail);
    return -1;
  }
  for (int r = 0; r < full; r += 4) {
    int u = nIn, c = 4 * nIn;
    if (need) {
      const uint8_t *nr0 = need + (size_t)r * nIn, *nr1 = nr0 + nIn, *nr2 = nr1 + nIn, *nr3 = nr2 + nIn;
      u = 0;
      c = 0;
      for (int i = 0; i < nIn; i++) {
        const int k = (nr0[i] != 0) + (nr1[i] != 0) + (nr2[i] != 0) + (nr3[i] != 0);
        u += k != 0;
        c += k;
      }
    }
    computed += c;
    dense[r / 4] = 2 * c >= 4 * u;
    if (dense[r / 4]) continue;
    for (int q = r; q < r + 4; q++) { /* sparse block: row by row, needed inputs only */
      const uint8_t *nr = need + (size_t)q * nIn;
      int m = 0;
      for (int i = 0; i < nIn; i++) {
        scratch[m] = i;
        m += nr[i] != 0;
      }
      const float *d = delta + (size_t)q * nOut;
      row_dots(nOut, nMain, tail, w, wtail, d, load_padded8(d + nMain, tail), gs + (size_t)q * nIn, scratch, m);
    }
  }
  /* Dense blocks: inputs in chunks whose weight rows (~128 kB) stay in cache while the blocks pass. */
  int chunk = 131072 / (4 * (nOut > 0 ? nOut : 1));
  if (chunk < 8) chunk = 8;
  for (int ib = 0; ib < nIn; ib += chunk) {
    const int ie = ib + chunk < nIn ? ib + chunk : nIn;
    for (int r = 0; r < full; r += 4) {
      if (!dense[r / 4]) continue;
      const float *d0 = delta + (size_t)r * nOut, *d1 = d0 + nOut, *d2 = d1 + nOut, *d3 = d2 + nOut;
      float *g0 = gs + (size_t)r * nIn, *g1 = g0 + nIn, *g2 = g1 + nIn, *g3 = g2 + nIn;
      const uint8_t *nr0 = need ? need + (size_t)r * nIn : NULL, *nr1 = nr0 ? nr0 + nIn : NULL,
                    *nr2 = nr1 ? nr1 + nIn : NULL, *nr3 = nr2 ? nr2 + nIn : NULL;
      const v8f t0 = load_padded8(d0 + nMain, tail), t1 = load_padded8(d1 + nMain, tail),
                t2 = load_padded8(d2 + nMain, tail), t3 = load_padded8(d3 + nMain, tail);
      int u = 0;
      if (need) {
        for (int i = ib; i < ie; i++) {
          scratch[u] = i; /* branch-free list of the inputs needed by any row of the block */
          u += (nr0[i] | nr1[i] | nr2[i] | nr3[i]) != 0;
        }
      } else {
        for (int i = ib; i < ie; i++) scratch[u++] = i;
      }
      int a = 0;
      for (; a + 2 <= u; a += 2) {
        const int i0 = scratch[a], i1 = scratch[a + 1];
        const float *p0 = w + (size_t)i0 * nOut, *p1 = w + (size_t)i1 * nOut;
        v8f s00 = splat8(0), s01 = splat8(0), s10 = splat8(0), s11 = splat8(0);
        v8f s20 = splat8(0), s21 = splat8(0), s30 = splat8(0), s31 = splat8(0);
        for (int j = 0; j < nMain; j += 8) {
          v8f w0 = load8(p0 + j), w1 = load8(p1 + j);
          v8f x0 = load8(d0 + j), x1 = load8(d1 + j), x2 = load8(d2 + j), x3 = load8(d3 + j);
          KEEP_IN_REGISTER(w0);
          KEEP_IN_REGISTER(w1);
          KEEP_IN_REGISTER(x0);
          KEEP_IN_REGISTER(x1);
          KEEP_IN_REGISTER(x2);
          KEEP_IN_REGISTER(x3);
          s00 = s00 + w0 * x0;
          s01 = s01 + w1 * x0;
          s10 = s10 + w0 * x1;
          s11 = s11 + w1 * x1;
          s20 = s20 + w0 * x2;
          s21 = s21 + w1 * x2;
          s30 = s30 + w0 * x3;
          s31 = s31 + w1 * x3;
        }
        const v8f wt0 = weight_tail(wtail, i0), wt1 = weight_tail(wtail, i1);
        PUT(0, i0, finish8(s00, wt0, t0, tail));
        PUT(0, i1, finish8(s01, wt1, t0, tail));
        PUT(1, i0, finish8(s10, wt0, t1, tail));
        PUT(1, i1, finish8(s11, wt1, t1, tail));
        PUT(2, i0, finish8(s20, wt0, t2, tail));
        PUT(2, i1, finish8(s21, wt1, t2, tail));
        PUT(3, i0, finish8(s30, wt0, t3, tail));
        PUT(3, i1, finish8(s31, wt1, t3, tail));
      }
      for (; a < u; a++) {
        const int i0 = scratch[a];
        const float *p0 = w + (size_t)i0 * nOut;
        v8f s0 = splat8(0), s1 = splat8(0), s2 = splat8(0), s3 = splat8(0);
        for (int j = 0; j < nMain; j += 8) {
          v8f w0 = load8(p0 + j);
          KEEP_IN_REGISTER(w0);
          s0 = s0 + w0 * load8(d0 + j);
          s1 = s1 + w0 * load8(d1 + j);
          s2 = s2 + w0 * load8(d2 + j);
          s3 = s3 + w0 * load8(d3 + j);
        }
        const v8f wt0 = weight_tail(wtail, i0);
        PUT(0, i0, finish8(s0, wt0, t0, tail));
        PUT(1, i0, finish8(s1, wt0, t1, tail));
        PUT(2, i0, finish8(s2, wt0, t2, tail));
        PUT(3, i0, finish8(s3, wt0, t3, tail));
      }
    }
  }
  for (int r = full; r < rows; r++) {
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
    row_dots(nOut, nMain, tail, w, wtail, d, load_padded8(d + nMain, tail), g, scratch, m);
  }
  free(wtail);
  free(dense);
  return computed;
}
#undef PUT

/* Toggle events e[b, t, i] = s[b, t, i] - s[b, t-1, i], t = 0..T (s outside 0..T-1 is 0), as
 * spikeToggles in spikes.ts. Returns the number of nonzero events. */
long long spike_toggles(const float *s, int batch, int T, int n, float *e) {
  long long count = 0;
  for (int b = 0; b < batch; b++)
    for (int t = 0; t <= T; t++) {
      const float *cur = s + ((size_t)b * T + t) * n;
      const float *prev = cur - n;
      float *eo = e + ((size_t)b * (T + 1) + t) * n;
      for (int i = 0; i < n; i++) {
        const float d = (t < T ? cur[i] : 0.0f) - (t > 0 ? prev[i] : 0.0f);
        eo[i] = d;
        count += d != 0;
      }
    }
  return count;
}
