/*
 * Native pair loops of the skyrmion gas (src/devices/skyrmion-synapse.ts, SkyrmionGas.forces and
 * SkyrmionGas.updateRadii), using the interaction tables of src/physics/skyrmion/interaction.ts.
 *
 * Contract: BIT-IDENTICAL to the JavaScript loops. JavaScript numbers are IEEE doubles and V8 never
 * fuses multiply-adds, so the same basic operations (+ - * / sqrt floor) in the same order give the
 * same bits; this file is compiled with -ffp-contract=off and without -ffast-math, and every
 * expression below keeps the association order of its JavaScript twin (noted where it matters).
 * test/skyrmion-native.test.ts compares forces, pressures and a whole synapse cycle.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#ifdef __AVX__
#include <immintrin.h>
#endif

#include "skyrmion_pairs.h"
#include "vec.h"

#define M SKYRMION_RADIUS_NODES
#define NSYM SKYRMION_PAIR_SYM
#define PAIR_BLOCK SKYRMION_PAIR_BLOCK
#define TWO_PI 6.283185307179586 /* 2 * Math.PI */


/* Correctly rounded square root per lane (IEEE, as Math.sqrt). */
static inline v4d vsqrt(v4d x) {
#ifdef __AVX__
  return (v4d)_mm256_sqrt_pd((__m256d)x);
#else
  return (v4d){sqrt(x[0]), sqrt(x[1]), sqrt(x[2]), sqrt(x[3])};
#endif
}

static int sym_index(int m, int n) {
  const int a = m < n ? m : n;
  const int b = m < n ? n : m;
  return (a * (2 * M - a - 1)) / 2 + b;
}

int skyrmion_nodes_valid(int count, const double *node) {
  for (int k = 0; k < count; k++)
    if (!(node[k] >= 0 && node[k] < M - 1)) return 0;
  return 1;
}

/* pairInterp of interaction.ts. */
static double pair_interp(const double *P, int i, double a, double x1, double x2, int base, int ordered) {
  const double fm1 = floor(x1), fm2 = floor(x2);
  const int m1 = (int)fm1, m2 = (int)fm2;
  const double p1 = x1 - fm1;
  const double p2 = x2 - fm2;
  const size_t o0 = (size_t)PAIR_BLOCK * i + base;
  const size_t o1 = o0 + PAIR_BLOCK;
  const double b = 1 - a;
  int l00, l01, l10, l11;
  if (ordered) {
    l00 = m1 * M + m2;
    l01 = l00 + 1;
    l10 = l00 + M;
    l11 = l10 + 1;
  } else {
    l00 = sym_index(m1, m2);
    l01 = sym_index(m1, m2 + 1);
    l10 = sym_index(m1 + 1, m2);
    l11 = sym_index(m1 + 1, m2 + 1);
  }
  const double v00 = b * P[o0 + l00] + a * P[o1 + l00];
  const double v01 = b * P[o0 + l01] + a * P[o1 + l01];
  const double v10 = b * P[o0 + l10] + a * P[o1 + l10];
  const double v11 = b * P[o0 + l11] + a * P[o1 + l11];
  return (1 - p1) * ((1 - p2) * v00 + p2 * v01) + p1 * ((1 - p2) * v10 + p2 * v11);
}

/* areaAt of interaction.ts. */
static double area_at(const double *v, double x) {
  const double fm = floor(x);
  const int m = (int)fm;
  const double p = x - fm;
  return (1 - p) * v[m] + p * v[m + 1];
}

/* pairForce of interaction.ts: -dE/dd [N] at distance d for radius positions x1, x2. */
static double pair_force(const SkyrmionPairTable *t, double d, double x1, double x2) {
  const double u = d / t->step;
  if (u < t->n - 1) {
    const double fi = floor(u);
    return pair_interp(t->pair, (int)fi, u - fi, x1, x2, NSYM, 0);
  }
  const double a1 = area_at(t->reversedArea, x1);
  const double a2 = area_at(t->reversedArea, x2);
  const double T = t->filmThickness;
  const double s = sqrt(d * d + T * T);
  /* ((mu0MsEff2 * a1 * a2) / (2 * Math.PI)) * (1 / (d * d) - d / (s * s * s)) */
  return ((t->mu0MsEff2 * a1 * a2) / TWO_PI) * (1 / (d * d) - d / (s * s * s));
}

/* pairSizeDerivative of interaction.ts: dE_int/dR1 [J/m]. */
static double pair_size_derivative(const SkyrmionPairTable *t, double d, double x1, double x2) {
  const double u = d / t->step;
  if (u < t->n - 1) {
    const double fi = floor(u);
    return pair_interp(t->pair, (int)fi, u - fi, x1, x2, 2 * NSYM, 1);
  }
  const double T = t->filmThickness;
  const double g = 1 / d - 1 / sqrt(d * d + T * T);
  return ((t->mu0MsEff2 * area_at(t->reversedAreaSlope, x1) * area_at(t->reversedArea, x2)) / TWO_PI) * g;
}

void skyrmion_pair_forces(const SkyrmionPairTable *t, int n, const double *x, const double *node, double *out) {
  const v4d eps = {1e-12, 1e-12, 1e-12, 1e-12};
  for (int i = 0; i < n; i++) {
    const double xi = x[2 * i];
    const double yi = x[2 * i + 1];
    const double xi_n = node[i];
    int k = i + 1;
    /* Four partners at a time for the geometry (elementwise IEEE ops: the same bits as scalar);
       the table lookups per lane, and the sums into out[] in increasing k as in JavaScript. */
    for (; k + 4 <= n; k += 4) {
      const v4d vx = {x[2 * k], x[2 * k + 2], x[2 * k + 4], x[2 * k + 6]};
      const v4d vy = {x[2 * k + 1], x[2 * k + 3], x[2 * k + 5], x[2 * k + 7]};
      const v4d dx = (v4d){xi, xi, xi, xi} - vx;
      const v4d dy = (v4d){yi, yi, yi, yi} - vy;
      const v4d d = vsqrt(dx * dx + dy * dy) + eps;
      v4d f;
      for (int q = 0; q < 4; q++) f[q] = pair_force(t, d[q], xi_n, node[k + q]);
      const v4d fx = (f * dx) / d;
      const v4d fy = (f * dy) / d;
      for (int q = 0; q < 4; q++) {
        out[2 * i] += fx[q];
        out[2 * i + 1] += fy[q];
        out[2 * (k + q)] -= fx[q];
        out[2 * (k + q) + 1] -= fy[q];
      }
    }
    for (; k < n; k++) {
      const double dx = xi - x[2 * k];
      const double dy = yi - x[2 * k + 1];
      const double d = sqrt(dx * dx + dy * dy) + 1e-12;
      const double f = pair_force(t, d, xi_n, node[k]);
      out[2 * i] += (f * dx) / d;
      out[2 * i + 1] += (f * dy) / d;
      out[2 * k] -= (f * dx) / d;
      out[2 * k + 1] -= (f * dy) / d;
    }
  }
}

void skyrmion_pair_distances(int n, const double *x, double *dist) {
  for (int i = 0; i < n; i++) {
    dist[(size_t)i * n + i] = 0;
    for (int k = i + 1; k < n; k++) {
      const double dx = x[2 * i] - x[2 * k];
      const double dy = x[2 * i + 1] - x[2 * k + 1];
      /* JavaScript computes d from (x_i - x_k) for the pair (i, k) and from (x_k - x_i) for (k, i):
         the squares are equal bit for bit, so one value serves both. */
      const double d = sqrt(dx * dx + dy * dy) + 1e-12;
      dist[(size_t)i * n + k] = d;
      dist[(size_t)k * n + i] = d;
    }
  }
}

double skyrmion_pair_pressure_cached(const SkyrmionPairTable *t, int n, int i, const double *dist,
                                     const double *node) {
  const double xi_n = node[i];
  const double *di = dist + (size_t)i * n;
  double press = 0;
  for (int k = 0; k < n; k++) {
    if (k == i) continue;
    press += pair_size_derivative(t, di[k], xi_n, node[k]);
  }
  return press;
}

double skyrmion_pair_pressure(const SkyrmionPairTable *t, int n, int i, const double *x, const double *node) {
  const double xi_n = node[i];
  double press = 0;
  for (int k = 0; k < n; k++) {
    if (k == i) continue;
    const double dx = x[2 * i] - x[2 * k];
    const double dy = x[2 * i + 1] - x[2 * k + 1];
    const double d = sqrt(dx * dx + dy * dy) + 1e-12;
    press += pair_size_derivative(t, d, xi_n, node[k]);
  }
  return press;
}
