/*
 * Stochastic DW-MTJ neuron loops (Leonard et al. 2023; equations in docs/spiking.md), bit-identical
 * twins of src/nn/kernels/dwmtj-neurons.ts: the same double-precision steps in the same order
 * (built with -ffp-contract=off), and the same uniforms: seedrandom's Alea generator advanced from
 * the stream's state (c, s0, s1, s2), which is written back so the stream continues after the draws.
 *   Alea step: t = 2091639 s0 + c 2^-32; s0 = s1; s1 = s2; c = t | 0; s2 = t - c; u = s2.
 * Tables are piecewise linear on the voltage grid, end values held outside it with zero slope.
 */
#include "dwmtj_neurons.h"

static inline double alea_next(double *st) {
  const double t = 2091639 * st[1] + st[0] * 2.3283064365386963e-10;
  st[1] = st[2];
  st[2] = st[3];
  st[0] = (double)(int32_t)t;
  st[3] = t - st[0];
  return st[3];
}

/*
 * The interval i with grid[i] <= v < grid[i + 1], for grid[0] < v < grid[nGrid - 1] (unique): first
 * guess from an evenly spaced grid, i = floor((v - grid[0]) perStep), then stepped to the interval
 * (no step on an evenly spaced grid but for rounding; a few on an uneven one).
 */
static inline int grid_interval(const double *grid, int nGrid, double perStep, double v) {
  int i = (int)((v - grid[0]) * perStep);
  if (i > nGrid - 2) i = nGrid - 2;
  if (i < 0) i = 0;
  while (grid[i] > v) i--;
  while (grid[i + 1] <= v) i++;
  return i;
}

/*
 * Binary neuron, every entry k in order: V = center + scale x[k]; P(V) = prob[i] + probSlope[i]
 * (V - grid[i]) on the interval i holding V (probSlope[i] = (prob[i+1] - prob[i])/(grid[i+1] -
 * grid[i]), computed once by the caller); s[k] = (u < P) with one Alea uniform u; trace[k] =
 * P'(V) scale.
 */
void dwmtj_binary_forward(double *state, const float *x, float *s, float *trace, size_t len, const double *grid,
                          const double *prob, const double *probSlope, int nGrid, double center, double scale) {
  const int last = nGrid - 1;
  const double perStep = (double)last / (grid[last] - grid[0]);
  double st[4] = {state[0], state[1], state[2], state[3]};
  for (size_t k = 0; k < len; k++) {
    const double v = center + scale * (double)x[k];
    double p, slope;
    if (v <= grid[0]) {
      p = prob[0];
      slope = 0;
    } else if (v >= grid[last]) {
      p = prob[last];
      slope = 0;
    } else {
      const int i = grid_interval(grid, nGrid, perStep, v);
      slope = probSlope[i];
      p = prob[i] + slope * (v - grid[i]);
    }
    const int fire = alea_next(st) < p; /* as an integer: no branch on a coin flip */
    s[k] = (float)fire;
    trace[k] = (float)(slope * scale);
  }
  for (int q = 0; q < 4; q++) state[q] = st[q];
}

/*
 * Multi-weight neuron, per sample b and unit j over t (draw order b, j, t): state probabilities
 * P_m(V) interpolated row-wise (prob is nGrid x nStates), state index m = first with u < P_0 + ..
 * + P_m (the last state if none); wall position a += m; spike and reset when a >= nStates - 1;
 * trace = E[m]'(V) scale with the slopes E[m]' per interval given (meanAdvanceSlope). scratch:
 * nStates doubles.
 */
void dwmtj_mw_forward(double *state, const float *x, float *s, float *trace, int batch, int T, int n,
                      const double *grid, int nGrid, const double *prob, int nStates,
                      const double *meanAdvanceSlope, double center, double scale, double *probs) {
  const int lastGrid = nGrid - 1;
  const double perStep = (double)lastGrid / (grid[lastGrid] - grid[0]);
  const int last = nStates - 1;
  double st[4] = {state[0], state[1], state[2], state[3]};
  for (int b = 0; b < batch; b++)
    for (int j = 0; j < n; j++) {
      int a = 0;
      for (int t = 0; t < T; t++) {
        const size_t k = ((size_t)b * T + t) * n + j;
        const double v = center + scale * (double)x[k];
        double slope;
        if (v <= grid[0] || v >= grid[lastGrid]) {
          const double *row = prob + (size_t)(v <= grid[0] ? 0 : lastGrid) * nStates;
          for (int m = 0; m < nStates; m++) probs[m] = row[m];
          slope = 0;
        } else {
          const int i = grid_interval(grid, nGrid, perStep, v);
          const double w = (v - grid[i]) / (grid[i + 1] - grid[i]);
          const double *r0 = prob + (size_t)i * nStates;
          const double *r1 = r0 + nStates;
          for (int m = 0; m < nStates; m++) probs[m] = r0[m] * (1 - w) + r1[m] * w;
          slope = meanAdvanceSlope[i];
        }
        /* m = the first state with u < P_0 + ... + P_m (the last if none), counted without
           branches: the running sums are the ones the JavaScript loop forms, and they never
           decrease (P_m >= 0), so the count of sums <= u is that first index. */
        const double u = alea_next(st);
        double c = probs[0];
        int m = u >= c;
        for (int q = 1; q < last; q++) {
          c += probs[q];
          m += u >= c;
        }
        a += m;
        const int spike = a >= last;
        s[k] = (float)spike;
        a = spike ? 0 : a;
        trace[k] = (float)(slope * scale);
      }
    }
  for (int q = 0; q < 4; q++) state[q] = st[q];
}

/* BPTT through the wall position: gA = gS[t] inv + (1 - s[t]) gA (from t = T - 1 down), gX = gA trace. */
void dwmtj_mw_backward(const float *s, const float *trace, const float *gS, float *gX, int batch, int T, int n,
                       double inv) {
  for (int b = 0; b < batch; b++)
    for (int j = 0; j < n; j++) {
      double gA = 0;
      for (int t = T - 1; t >= 0; t--) {
        const size_t k = ((size_t)b * T + t) * n + j;
        gA = (double)gS[k] * inv + (1 - (double)s[k]) * gA;
        gX[k] = (float)(gA * (double)trace[k]);
      }
    }
}

/* need[t] = (trace[t] != 0) or (need[t - 1] and s[t - 1] == 0); returns the count. */
long long dwmtj_mw_support(const float *s, const float *trace, uint8_t *need, int batch, int T, int n) {
  long long count = 0;
  for (int b = 0; b < batch; b++)
    for (int j = 0; j < n; j++) {
      int on = 0;
      for (int t = 0; t < T; t++) {
        const size_t k = ((size_t)b * T + t) * n + j;
        if (t > 0 && s[k - n] != 0) on = 0;
        if (trace[k] != 0) on = 1;
        need[k] = (uint8_t)on;
        count += on;
      }
    }
  return count;
}
