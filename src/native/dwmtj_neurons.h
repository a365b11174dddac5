/* Loops of the stochastic DW-MTJ neurons (dwmtj_neurons.c), twins of src/nn/kernels/dwmtj-neurons.ts. */
#ifndef MAGNEURO_DWMTJ_NEURONS_H
#define MAGNEURO_DWMTJ_NEURONS_H
#include <stddef.h>
#include <stdint.h>

void dwmtj_binary_forward(double *state, const float *x, float *s, float *trace, size_t len, const double *grid,
                          const double *prob, const double *probSlope, int nGrid, double center, double scale);
void dwmtj_mw_forward(double *state, const float *x, float *s, float *trace, int batch, int T, int n,
                      const double *grid, int nGrid, const double *prob, int nStates,
                      const double *meanAdvanceSlope, double center, double scale, double *scratch);
void dwmtj_mw_backward(const float *s, const float *trace, const float *gS, float *gX, int batch, int T, int n,
                       double inv);
long long dwmtj_mw_support(const float *s, const float *trace, uint8_t *need, int batch, int T, int n);

#endif
