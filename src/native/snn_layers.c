/*
 * Native twins of the per-unit loops of the spiking network: LIF recursion forward and backward
 * (heaviside spikes with the triangular surrogate; src/nn/snn/neurons.ts LifNeuron), its gradient
 * support, and the batch-norm statistics, normalisation and backward (src/nn/snn/batchnorm.ts).
 *
 * Contract: BIT-IDENTICAL to JavaScript. The JavaScript loops run over units j and, for each, over
 * time or rows sequentially with double-precision locals, storing float32. Here four units j run in
 * the four lanes of a double vector, each lane doing that unit's operations in the same order
 * (no reduction across lanes). Compiled with -ffp-contract=off.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "snn_layers.h"
#include "vec.h"

static inline v4d vabs(v4d x) { return (v4d){fabs(x[0]), fabs(x[1]), fabs(x[2]), fabs(x[3])}; }
/* lane-wise c ? a : b (c from a vector comparison: all ones or zero) */
static inline v4d sel(v4l c, v4d a, v4d b) { return (v4d)((c & (v4l)a) | (~c & (v4l)b)); }

/*
 * LIF forward, per unit j and step t (k = (b T + t) n + j):
 *   i = beta i + x[k];  u = alpha v + (1 - alpha) i;  trace[k] = u;  s = u >= theta;  v = u (1 - s) + reset s
 */
void lif_forward(const float *x, float *s, float *trace, int batch, int T, int n, double alpha, double beta,
                 double threshold, double reset) {
  const double oma = 1 - alpha;
  for (int b = 0; b < batch; b++) {
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      v4d i = splat(0), v = splat(reset);
      for (int t = 0; t < T; t++) {
        const size_t k = ((size_t)b * T + t) * n + j;
        i = splat(beta) * i + load4(x + k);
        const v4d u = splat(alpha) * v + splat(oma) * i;
        store4(trace + k, u);
        const v4d sp = sel(u >= splat(threshold), splat(1), splat(0));
        store4(s + k, sp);
        v = u * (splat(1) - sp) + splat(reset) * sp;
      }
    }
    for (; j < n; j++) {
      double i = 0, v = reset;
      for (int t = 0; t < T; t++) {
        const size_t k = ((size_t)b * T + t) * n + j;
        i = beta * i + x[k];
        const double u = alpha * v + oma * i;
        trace[k] = (float)u;
        const double sp = u >= threshold ? 1 : 0;
        s[k] = (float)sp;
        v = u * (1 - sp) + reset * sp;
      }
    }
  }
}

/* need[k] = |trace[k] - theta| < w; returns the count. */
int lif_support(const float *trace, uint8_t *need, size_t len, double threshold, double w) {
  int c = 0;
  for (size_t k = 0; k < len; k++) {
    const int on = fabs((double)trace[k] - threshold) < w ? 1 : 0;
    need[k] = (uint8_t)on;
    c += on;
  }
  return c;
}

/*
 * LIF backward (BPTT with the triangular surrogate ds/du = max(0, 1 - |u - theta|/w)/w):
 *   gU = gS ds + gV (1 - s + r (reset - u) ds);  gI = (1 - alpha) gU + beta gI;  gX = gI;  gV = alpha gU
 * r = resetGrad: 0 = reset detached (Norse: v = (1 - z.detach()) v + z.detach() v_reset), 1 = differentiated
 */
void lif_backward(const float *s, const float *trace, const float *gS, float *gX, int batch, int T, int n,
                  double alpha, double beta, double threshold, double reset, double w, double resetGrad) {
  const double oma = 1 - alpha;
  for (int b = 0; b < batch; b++) {
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      v4d gV = splat(0), gI = splat(0);
      for (int t = T - 1; t >= 0; t--) {
        const size_t k = ((size_t)b * T + t) * n + j;
        const v4d u = load4(trace + k);
        const v4d sp = load4(s + k);
        const v4d a = splat(1) - vabs(u - splat(threshold)) / splat(w);
        const v4d ds = sel(a > splat(0), a / splat(w), splat(0));
        const v4d gU = load4(gS + k) * ds + gV * (splat(1) - sp + splat(resetGrad) * (splat(reset) - u) * ds);
        gI = splat(oma) * gU + splat(beta) * gI;
        store4(gX + k, gI);
        gV = splat(alpha) * gU;
      }
    }
    for (; j < n; j++) {
      double gV = 0, gI = 0;
      for (int t = T - 1; t >= 0; t--) {
        const size_t k = ((size_t)b * T + t) * n + j;
        const double u = trace[k];
        const double sp = s[k];
        const double a = 1 - fabs(u - threshold) / w;
        const double ds = a > 0 ? a / w : 0;
        const double gU = gS[k] * ds + gV * (1 - sp + resetGrad * (reset - u) * ds);
        gI = oma * gU + beta * gI;
        gX[k] = (float)gI;
        gV = alpha * gU;
      }
    }
  }
}

/* Batch statistics over N rows per unit: mean[j] = sum z / N; var[j] = sum (z - mean)^2 / N. */
void bn_stats(const float *z, int N, int n, double *mean, double *var) {
  memset(mean, 0, sizeof(double) * n);
  memset(var, 0, sizeof(double) * n);
  for (int r = 0; r < N; r++) {
    const float *zr = z + (size_t)r * n;
    for (int j = 0; j < n; j++) mean[j] += zr[j];
  }
  for (int j = 0; j < n; j++) mean[j] /= N;
  for (int r = 0; r < N; r++) {
    const float *zr = z + (size_t)r * n;
    for (int j = 0; j < n; j++) {
      const double d = zr[j] - mean[j];
      var[j] += d * d;
    }
  }
  for (int j = 0; j < n; j++) var[j] /= N;
}

/* xh = (z - mean) inv; z <- f32(xh); x <- f32(gamma xh + beta). */
void bn_normalize(float *z, float *x, int N, int n, const double *mean, const double *inv, const float *gamma,
                  const float *beta) {
  for (int r = 0; r < N; r++) {
    float *zr = z + (size_t)r * n;
    float *xr = x + (size_t)r * n;
    for (int j = 0; j < n; j++) {
      const double xh = (zr[j] - mean[j]) * inv[j];
      zr[j] = (float)xh;
      xr[j] = (float)((double)gamma[j] * xh + (double)beta[j]);
    }
  }
}

/* sumG[j] += gX; sumGX[j] += gX xh (sequential over rows). */
void bn_grad_sums(const float *gX, const float *xh, int N, int n, double *sumG, double *sumGX) {
  for (int r = 0; r < N; r++) {
    const float *g = gX + (size_t)r * n;
    const float *h = xh + (size_t)r * n;
    for (int j = 0; j < n; j++) {
      sumG[j] += g[j];
      sumGX[j] += (double)g[j] * (double)h[j];
    }
  }
}

/* gIn = cA gX - cB - xh cC per unit. */
void bn_input_grad(const float *gX, const float *xh, int N, int n, const double *cA, const double *cB,
                   const double *cC, float *gIn) {
  for (int r = 0; r < N; r++) {
    const float *g = gX + (size_t)r * n;
    const float *h = xh + (size_t)r * n;
    float *o = gIn + (size_t)r * n;
    for (int j = 0; j < n; j++) o[j] = (float)(cA[j] * g[j] - cB[j] - h[j] * cC[j]);
  }
}

/*
 * Poisson (Bernoulli per step) input encoding with seedrandom's Alea generator (J. Baagoe), the
 * twin of RandomStream.uniform on a fresh stream: state = (c, s0, s1, s2) at the stream's start;
 *   t = 2091639 s0 + c 2^-32;  s0 = s1;  s1 = s2;  c = t | 0;  s2 = t - c;  u = s2
 * (t | 0 is the int32 truncation of t in [0, 2^21 + 1), i.e. floor). Draw order: images b, steps t,
 * pixels i; out[(b T + t) n + i] = u < p[b n + i]. Returns the number of spikes.
 */
long long poisson_encode_alea(const double *state, const float *p, int batch, int T, int n, float *out) {
  double c = state[0], s0 = state[1], s1 = state[2], s2 = state[3];
  long long count = 0;
  for (int b = 0; b < batch; b++)
    for (int t = 0; t < T; t++) {
      float *o = out + ((size_t)b * T + t) * n;
      const float *pb = p + (size_t)b * n;
      for (int i = 0; i < n; i++) {
        const double tt = 2091639 * s0 + c * 2.3283064365386963e-10;
        s0 = s1;
        s1 = s2;
        c = (double)(int32_t)tt;
        s2 = tt - c;
        const int on = s2 < (double)pb[i];
        o[i] = (float)on;
        count += on;
      }
    }
  return count;
}
