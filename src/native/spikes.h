/* Sparse spike kernels (spikes.c), bit-identical twins of src/nn/kernels/spikes.ts. */
#ifndef MAGNEURO_SPIKES_H
#define MAGNEURO_SPIKES_H
#include <stdint.h>

void forward_spike_rows(const float *w, int nIn, int nOut, const float *s, int rows, float *z, int32_t *active);
void forward_from_toggles(const float *w, int nIn, int nOut, const float *e, int batch, int T, float *z,
                          int32_t *active);
/* Returns 0, or -1 when out of memory. */
int accumulate_spike_outer(int slots, int nIn, int nOut, const float *s, const float *delta, float *gw);
/* Returns the number of entries computed; need = NULL computes every entry. */
int masked_grad_to_inputs(int rows, int nIn, int nOut, const float *w, const float *delta, const uint8_t *need,
                          float *gs, int32_t *scratch);

/* Toggle events of binary spike trains (batch blocks of T + 1 slots); returns their count. */
long long spike_toggles(const float *s, int batch, int T, int n, float *e);

#endif
