/* LIF and batch-norm loops of the spiking network (snn_layers.c). */
#ifndef MAGNEURO_SNN_LAYERS_H
#define MAGNEURO_SNN_LAYERS_H
#include <stddef.h>
#include <stdint.h>

void lif_forward(const float *x, float *s, float *trace, int batch, int T, int n, double alpha, double beta,
                 double threshold, double reset);
int lif_support(const float *trace, uint8_t *need, size_t len, double threshold, double w);
void lif_backward(const float *s, const float *trace, const float *gS, float *gX, int batch, int T, int n,
                  double alpha, double beta, double threshold, double reset, double w, double resetGrad);
void bn_stats(const float *z, int N, int n, double *mean, double *var);
void bn_normalize(float *z, float *x, int N, int n, const double *mean, const double *inv, const float *gamma,
                  const float *beta);
void bn_grad_sums(const float *gX, const float *xh, int N, int n, double *sumG, double *sumGX);
void bn_input_grad(const float *gX, const float *xh, int N, int n, const double *cA, const double *cB,
                   const double *cC, float *gIn);

/* Alea-driven Bernoulli encoding from the stream state (c, s0, s1, s2); returns the spike count. */
long long poisson_encode_alea(const double *state, const float *p, int batch, int T, int n, float *out);

#endif
