/*
 * Node-API bindings of the native kernels: argument checks (types and lengths, so a wrong call
 * throws instead of reading out of bounds), then the C functions of spikes.c and skyrmion_pairs.c.
 * Loaded by src/native/addon.ts.
 */
#include <node_api.h>
#include <stdbool.h>
#include <stdint.h>

#include "dwmtj_neurons.h"
#include "skyrmion_pairs.h"
#include "snn_layers.h"
#include "spikes.h"


#define CHECK(call)                                                                                                    \
  do {                                                                                                                 \
    if ((call) != napi_ok) {                                                                                           \
      napi_throw_error(env, NULL, "magneuro native kernel: bad call " #call);                                          \
      return NULL;                                                                                                     \
    }                                                                                                                  \
  } while (0)

/* Typed array argument of the expected element type; its length (elements) in *len. */
static void *typed(napi_env env, napi_value v, napi_typedarray_type want, size_t *len, const char *name) {
  bool is;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is) {
    napi_throw_type_error(env, NULL, name);
    return NULL;
  }
  napi_typedarray_type type;
  void *data;
  if (napi_get_typedarray_info(env, v, &type, len, &data, NULL, NULL) != napi_ok || type != want) {
    napi_throw_type_error(env, NULL, name);
    return NULL;
  }
  return data;
}

static int integer(napi_env env, napi_value v, int32_t *out) { return napi_get_value_int32(env, v, out) == napi_ok; }

#define ARGS(n)                                                                                                        \
  size_t argc = n;                                                                                                     \
  napi_value argv[n];                                                                                                  \
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));                                                         \
  if (argc != n) {                                                                                                     \
    napi_throw_type_error(env, NULL, "magneuro native kernel: wrong number of arguments");                             \
    return NULL;                                                                                                       \
  }

#define F32(k, var, name)                                                                                              \
  size_t var##_len;                                                                                                    \
  float *var = typed(env, argv[k], napi_float32_array, &var##_len, "magneuro native kernel: " name " must be a Float32Array"); \
  if (!var) return NULL;
#define I32(k, var, name)                                                                                              \
  size_t var##_len;                                                                                                    \
  int32_t *var = typed(env, argv[k], napi_int32_array, &var##_len, "magneuro native kernel: " name " must be an Int32Array"); \
  if (!var) return NULL;
#define U8(k, var, name)                                                                                               \
  size_t var##_len;                                                                                                    \
  uint8_t *var = typed(env, argv[k], napi_uint8_array, &var##_len, "magneuro native kernel: " name " must be a Uint8Array"); \
  if (!var) return NULL;
#define INT(k, var)                                                                                                    \
  int32_t var;                                                                                                         \
  if (!integer(env, argv[k], &var) || var < 0) {                                                                       \
    napi_throw_range_error(env, NULL, "magneuro native kernel: " #var " must be a non-negative integer");              \
    return NULL;                                                                                                       \
  }
#define NEED(cond)                                                                                                     \
  if (!(cond)) {                                                                                                       \
    napi_throw_range_error(env, NULL, "magneuro native kernel: array too short: " #cond);                              \
    return NULL;                                                                                                       \
  }

/* forwardSpikeRows(w, nIn, nOut, s, rows, z, active) */
static napi_value js_forward_spike_rows(napi_env env, napi_callback_info info) {
  ARGS(7);
  F32(0, w, "w");
  INT(1, nIn);
  INT(2, nOut);
  F32(3, s, "s");
  INT(4, rows);
  F32(5, z, "z");
  I32(6, active, "active");
  NEED(w_len >= (size_t)nIn * nOut);
  NEED(s_len >= (size_t)rows * nIn);
  NEED(z_len >= (size_t)rows * nOut);
  NEED(active_len >= (size_t)nIn);
  forward_spike_rows(w, nIn, nOut, s, rows, z, active);
  return NULL;
}

/* forwardFromToggles(w, nIn, nOut, e, batch, T, z, active) */
static napi_value js_forward_from_toggles(napi_env env, napi_callback_info info) {
  ARGS(8);
  F32(0, w, "w");
  INT(1, nIn);
  INT(2, nOut);
  F32(3, e, "e");
  INT(4, batch);
  INT(5, T);
  F32(6, z, "z");
  I32(7, active, "active");
  NEED(w_len >= (size_t)nIn * nOut);
  NEED(e_len >= (size_t)batch * (T + 1) * nIn);
  NEED(z_len >= (size_t)batch * T * nOut);
  NEED(active_len >= (size_t)nIn);
  forward_from_toggles(w, nIn, nOut, e, batch, T, z, active);
  return NULL;
}

/* accumulateSpikeOuter(slots, nIn, nOut, s, delta, gw) */
static napi_value js_accumulate_spike_outer(napi_env env, napi_callback_info info) {
  ARGS(6);
  INT(0, slots);
  INT(1, nIn);
  INT(2, nOut);
  F32(3, s, "s");
  F32(4, delta, "delta");
  F32(5, gw, "gw");
  NEED(s_len >= (size_t)slots * nIn);
  NEED(delta_len >= (size_t)slots * nOut);
  NEED(gw_len >= (size_t)nIn * nOut);
  if (accumulate_spike_outer(slots, nIn, nOut, s, delta, gw) != 0) {
    napi_throw_error(env, NULL, "magneuro native kernel: out of memory");
    return NULL;
  }
  return NULL;
}

/* spikeToggles(s, batch, T, n, e) -> number of events */
static napi_value js_spike_toggles(napi_env env, napi_callback_info info) {
  ARGS(5);
  F32(0, s, "s");
  INT(1, batch);
  INT(2, T);
  INT(3, n);
  F32(4, e, "e");
  NEED(s_len >= (size_t)batch * T * n);
  NEED(e_len >= (size_t)batch * (T + 1) * n);
  napi_value r;
  CHECK(napi_create_double(env, (double)spike_toggles(s, batch, T, n, e), &r));
  return r;
}

/* maskedGradToInputs(rows, nIn, nOut, w, delta, need | null, gs, scratch) -> entries computed */
static napi_value js_masked_grad_to_inputs(napi_env env, napi_callback_info info) {
  ARGS(8);
  INT(0, rows);
  INT(1, nIn);
  INT(2, nOut);
  F32(3, w, "w");
  F32(4, delta, "delta");
  napi_valuetype needType;
  CHECK(napi_typeof(env, argv[5], &needType));
  const uint8_t *need = NULL;
  if (needType != napi_null && needType != napi_undefined) {
    U8(5, mask, "need");
    NEED(mask_len >= (size_t)rows * nIn);
    need = mask;
  }
  F32(6, gs, "gs");
  I32(7, scratch, "scratch");
  NEED(w_len >= (size_t)nIn * nOut);
  NEED(delta_len >= (size_t)rows * nOut);
  NEED(gs_len >= (size_t)rows * nIn);
  NEED(scratch_len >= (size_t)nIn);
  const int computed = masked_grad_to_inputs(rows, nIn, nOut, w, delta, need, gs, scratch);
  if (computed < 0) {
    napi_throw_error(env, NULL, "magneuro native kernel: out of memory");
    return NULL;
  }
  napi_value out;
  CHECK(napi_create_int32(env, computed, &out));
  return out;
}

#define F64(k, var, name)                                                                                              \
  size_t var##_len;                                                                                                    \
  double *var = typed(env, argv[k], napi_float64_array, &var##_len, "magneuro native kernel: " name " must be a Float64Array"); \
  if (!var) return NULL;
#define NUM(k, var)                                                                                                    \
  double var;                                                                                                          \
  if (napi_get_value_double(env, argv[k], &var) != napi_ok) {                                                          \
    napi_throw_type_error(env, NULL, "magneuro native kernel: " #var " must be a number");                             \
    return NULL;                                                                                                       \
  }

/* Arguments 0..6: pair, n, step, reversedArea, reversedAreaSlope, mu0MsEff2, filmThickness. */
static int pair_table(napi_env env, napi_value *argv, SkyrmionPairTable *t) {
  size_t len, alen, slen;
  t->pair = typed(env, argv[0], napi_float64_array, &len, "magneuro native kernel: pair table must be a Float64Array");
  if (!t->pair) return 0;
  int32_t n;
  if (napi_get_value_int32(env, argv[1], &n) != napi_ok || n < 2) {
    napi_throw_range_error(env, NULL, "magneuro native kernel: table nodes must be an integer >= 2");
    return 0;
  }
  t->n = n;
  if (napi_get_value_double(env, argv[2], &t->step) != napi_ok ||
      napi_get_value_double(env, argv[5], &t->mu0MsEff2) != napi_ok ||
      napi_get_value_double(env, argv[6], &t->filmThickness) != napi_ok) {
    napi_throw_type_error(env, NULL, "magneuro native kernel: step, mu0MsEff2, filmThickness must be numbers");
    return 0;
  }
  t->reversedArea = typed(env, argv[3], napi_float64_array, &alen, "magneuro native kernel: reversedArea must be a Float64Array");
  if (!t->reversedArea) return 0;
  t->reversedAreaSlope =
      typed(env, argv[4], napi_float64_array, &slen, "magneuro native kernel: reversedAreaSlope must be a Float64Array");
  if (!t->reversedAreaSlope) return 0;
  if (len < (size_t)n * SKYRMION_PAIR_BLOCK || alen < SKYRMION_RADIUS_NODES || slen < SKYRMION_RADIUS_NODES) {
    napi_throw_range_error(env, NULL, "magneuro native kernel: interaction table too short");
    return 0;
  }
  return 1;
}

/* skyrmionPairForces(pair, n, step, area, areaSlope, mu0MsEff2, T, count, x, node, out) */
static napi_value js_skyrmion_pair_forces(napi_env env, napi_callback_info info) {
  ARGS(11);
  SkyrmionPairTable t;
  if (!pair_table(env, argv, &t)) return NULL;
  INT(7, count);
  F64(8, x, "x");
  F64(9, node, "node");
  F64(10, out, "out");
  NEED(x_len >= 2 * (size_t)count);
  NEED(node_len >= (size_t)count);
  NEED(out_len >= 2 * (size_t)count);
  if (!skyrmion_nodes_valid(count, node)) {
    napi_throw_range_error(env, NULL, "magneuro native kernel: radius node position outside the table");
    return NULL;
  }
  skyrmion_pair_forces(&t, count, x, node, out);
  return NULL;
}

/* skyrmionPairDistances(count, x, dist) */
static napi_value js_skyrmion_pair_distances(napi_env env, napi_callback_info info) {
  ARGS(3);
  INT(0, count);
  F64(1, x, "x");
  F64(2, dist, "dist");
  NEED(x_len >= 2 * (size_t)count);
  NEED(dist_len >= (size_t)count * count);
  skyrmion_pair_distances(count, x, dist);
  return NULL;
}

/* skyrmionPairPressure(pair, n, step, area, areaSlope, mu0MsEff2, T, count, i, dist, node) -> J/m */
static napi_value js_skyrmion_pair_pressure(napi_env env, napi_callback_info info) {
  ARGS(11);
  SkyrmionPairTable t;
  if (!pair_table(env, argv, &t)) return NULL;
  INT(7, count);
  INT(8, i);
  F64(9, dist, "dist");
  F64(10, node, "node");
  NEED(i < count);
  NEED(dist_len >= (size_t)count * count);
  NEED(node_len >= (size_t)count);
  if (!skyrmion_nodes_valid(count, node)) {
    napi_throw_range_error(env, NULL, "magneuro native kernel: radius node position outside the table");
    return NULL;
  }
  napi_value out;
  CHECK(napi_create_double(env, skyrmion_pair_pressure_cached(&t, count, i, dist, node), &out));
  return out;
}

/* lifForward(x, s, trace, batch, T, n, alpha, beta, threshold, reset) */
static napi_value js_lif_forward(napi_env env, napi_callback_info info) {
  ARGS(10);
  F32(0, x, "x");
  F32(1, s, "s");
  F32(2, trace, "trace");
  INT(3, batch);
  INT(4, T);
  INT(5, n);
  NUM(6, alpha);
  NUM(7, beta);
  NUM(8, threshold);
  NUM(9, reset);
  const size_t len = (size_t)batch * T * n;
  NEED(x_len >= len && s_len >= len && trace_len >= len);
  lif_forward(x, s, trace, batch, T, n, alpha, beta, threshold, reset);
  return NULL;
}

/* lifSupport(trace, need, len, threshold, w) -> count */
static napi_value js_lif_support(napi_env env, napi_callback_info info) {
  ARGS(5);
  F32(0, trace, "trace");
  U8(1, need, "need");
  INT(2, len);
  NUM(3, threshold);
  NUM(4, w);
  NEED(trace_len >= (size_t)len && need_len >= (size_t)len);
  napi_value out;
  CHECK(napi_create_int32(env, lif_support(trace, need, (size_t)len, threshold, w), &out));
  return out;
}

/* lifBackward(s, trace, gS, gX, batch, T, n, alpha, beta, threshold, reset, w, resetGrad) */
static napi_value js_lif_backward(napi_env env, napi_callback_info info) {
  ARGS(13);
  F32(0, s, "s");
  F32(1, trace, "trace");
  F32(2, gS, "gS");
  F32(3, gX, "gX");
  INT(4, batch);
  INT(5, T);
  INT(6, n);
  NUM(7, alpha);
  NUM(8, beta);
  NUM(9, threshold);
  NUM(10, reset);
  NUM(11, w);
  NUM(12, resetGrad);
  const size_t len = (size_t)batch * T * n;
  NEED(s_len >= len && trace_len >= len && gS_len >= len && gX_len >= len);
  lif_backward(s, trace, gS, gX, batch, T, n, alpha, beta, threshold, reset, w, resetGrad);
  return NULL;
}

/* bnStats(z, N, n, mean, variance) */
static napi_value js_bn_stats(napi_env env, napi_callback_info info) {
  ARGS(5);
  F32(0, z, "z");
  INT(1, N);
  INT(2, n);
  F64(3, mean, "mean");
  F64(4, variance, "variance");
  NEED(z_len >= (size_t)N * n && mean_len >= (size_t)n && variance_len >= (size_t)n);
  NEED(N > 0);
  bn_stats(z, N, n, mean, variance);
  return NULL;
}

/* bnNormalize(z, x, N, n, mean, inv, gamma, beta) */
static napi_value js_bn_normalize(napi_env env, napi_callback_info info) {
  ARGS(8);
  F32(0, z, "z");
  F32(1, x, "x");
  INT(2, N);
  INT(3, n);
  F64(4, mean, "mean");
  F64(5, inv, "inv");
  F32(6, gamma, "gamma");
  F32(7, beta, "beta");
  NEED(z_len >= (size_t)N * n && x_len >= (size_t)N * n);
  NEED(mean_len >= (size_t)n && inv_len >= (size_t)n && gamma_len >= (size_t)n && beta_len >= (size_t)n);
  bn_normalize(z, x, N, n, mean, inv, gamma, beta);
  return NULL;
}

/* bnGradSums(gX, xh, N, n, sumG, sumGX) */
static napi_value js_bn_grad_sums(napi_env env, napi_callback_info info) {
  ARGS(6);
  F32(0, gX, "gX");
  F32(1, xh, "xh");
  INT(2, N);
  INT(3, n);
  F64(4, sumG, "sumG");
  F64(5, sumGX, "sumGX");
  NEED(gX_len >= (size_t)N * n && xh_len >= (size_t)N * n && sumG_len >= (size_t)n && sumGX_len >= (size_t)n);
  bn_grad_sums(gX, xh, N, n, sumG, sumGX);
  return NULL;
}

/* bnInputGrad(gX, xh, N, n, cA, cB, cC, gIn) */
static napi_value js_bn_input_grad(napi_env env, napi_callback_info info) {
  ARGS(8);
  F32(0, gX, "gX");
  F32(1, xh, "xh");
  INT(2, N);
  INT(3, n);
  F64(4, cA, "cA");
  F64(5, cB, "cB");
  F64(6, cC, "cC");
  F32(7, gIn, "gIn");
  NEED(gX_len >= (size_t)N * n && xh_len >= (size_t)N * n && gIn_len >= (size_t)N * n);
  NEED(cA_len >= (size_t)n && cB_len >= (size_t)n && cC_len >= (size_t)n);
  bn_input_grad(gX, xh, N, n, cA, cB, cC, gIn);
  return NULL;
}

/* poissonEncodeAlea(state[c, s0, s1, s2], images, batch, T, n, out) -> spike count */
static napi_value js_poisson_encode_alea(napi_env env, napi_callback_info info) {
  ARGS(6);
  F64(0, state, "state");
  F32(1, images, "images");
  INT(2, batch);
  INT(3, T);
  INT(4, n);
  F32(5, out, "out");
  NEED(state_len >= 4);
  NEED(images_len >= (size_t)batch * n && out_len >= (size_t)batch * T * n);
  napi_value r;
  CHECK(napi_create_double(env, (double)poisson_encode_alea(state, images, batch, T, n, out), &r));
  return r;
}

/* dwmtjBinaryForward(state[c, s0, s1, s2], x, s, trace, len, grid, prob, probSlope, center, scale);
   state advanced */
static napi_value js_dwmtj_binary_forward(napi_env env, napi_callback_info info) {
  ARGS(10);
  F64(0, state, "state");
  F32(1, x, "x");
  F32(2, s, "s");
  F32(3, trace, "trace");
  INT(4, len);
  F64(5, grid, "grid");
  F64(6, prob, "prob");
  F64(7, probSlope, "probSlope");
  NUM(8, center);
  NUM(9, scale);
  NEED(state_len >= 4);
  NEED(x_len >= (size_t)len && s_len >= (size_t)len && trace_len >= (size_t)len);
  NEED(grid_len >= 2 && prob_len == grid_len && probSlope_len + 1 == grid_len);
  dwmtj_binary_forward(state, x, s, trace, (size_t)len, grid, prob, probSlope, (int)grid_len, center, scale);
  return NULL;
}

/* dwmtjMultiForward(state, x, s, trace, batch, T, n, grid, prob[nGrid x nStates], nStates,
   meanAdvanceSlope[nGrid - 1], center, scale, scratch[nStates]); state advanced */
static napi_value js_dwmtj_mw_forward(napi_env env, napi_callback_info info) {
  ARGS(14);
  F64(0, state, "state");
  F32(1, x, "x");
  F32(2, s, "s");
  F32(3, trace, "trace");
  INT(4, batch);
  INT(5, T);
  INT(6, n);
  F64(7, grid, "grid");
  F64(8, prob, "prob");
  INT(9, nStates);
  F64(10, meanAdvanceSlope, "meanAdvanceSlope");
  NUM(11, center);
  NUM(12, scale);
  F64(13, scratch, "scratch");
  const size_t len = (size_t)batch * T * n;
  NEED(state_len >= 4);
  NEED(x_len >= len && s_len >= len && trace_len >= len);
  NEED(nStates >= 1 && grid_len >= 2 && prob_len == grid_len * nStates && meanAdvanceSlope_len + 1 == grid_len);
  NEED(scratch_len >= (size_t)nStates);
  dwmtj_mw_forward(state, x, s, trace, batch, T, n, grid, (int)grid_len, prob, nStates, meanAdvanceSlope, center, scale,
                   scratch);
  return NULL;
}

/* dwmtjMultiBackward(s, trace, gS, gX, batch, T, n, inv) */
static napi_value js_dwmtj_mw_backward(napi_env env, napi_callback_info info) {
  ARGS(8);
  F32(0, s, "s");
  F32(1, trace, "trace");
  F32(2, gS, "gS");
  F32(3, gX, "gX");
  INT(4, batch);
  INT(5, T);
  INT(6, n);
  NUM(7, inv);
  const size_t len = (size_t)batch * T * n;
  NEED(s_len >= len && trace_len >= len && gS_len >= len && gX_len >= len);
  dwmtj_mw_backward(s, trace, gS, gX, batch, T, n, inv);
  return NULL;
}

/* dwmtjMultiSupport(s, trace, need, batch, T, n) -> count */
static napi_value js_dwmtj_mw_support(napi_env env, napi_callback_info info) {
  ARGS(6);
  F32(0, s, "s");
  F32(1, trace, "trace");
  U8(2, need, "need");
  INT(3, batch);
  INT(4, T);
  INT(5, n);
  const size_t len = (size_t)batch * T * n;
  NEED(s_len >= len && trace_len >= len && need_len >= len);
  napi_value r;
  CHECK(napi_create_double(env, (double)dwmtj_mw_support(s, trace, need, batch, T, n), &r));
  return r;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"forwardSpikeRows", NULL, js_forward_spike_rows, NULL, NULL, NULL, napi_enumerable, NULL},
      {"forwardFromToggles", NULL, js_forward_from_toggles, NULL, NULL, NULL, napi_enumerable, NULL},
      {"accumulateSpikeOuter", NULL, js_accumulate_spike_outer, NULL, NULL, NULL, napi_enumerable, NULL},
      {"maskedGradToInputs", NULL, js_masked_grad_to_inputs, NULL, NULL, NULL, napi_enumerable, NULL},
      {"spikeToggles", NULL, js_spike_toggles, NULL, NULL, NULL, napi_enumerable, NULL},
      {"lifForward", NULL, js_lif_forward, NULL, NULL, NULL, napi_enumerable, NULL},
      {"lifSupport", NULL, js_lif_support, NULL, NULL, NULL, napi_enumerable, NULL},
      {"lifBackward", NULL, js_lif_backward, NULL, NULL, NULL, napi_enumerable, NULL},
      {"bnStats", NULL, js_bn_stats, NULL, NULL, NULL, napi_enumerable, NULL},
      {"bnNormalize", NULL, js_bn_normalize, NULL, NULL, NULL, napi_enumerable, NULL},
      {"bnGradSums", NULL, js_bn_grad_sums, NULL, NULL, NULL, napi_enumerable, NULL},
      {"bnInputGrad", NULL, js_bn_input_grad, NULL, NULL, NULL, napi_enumerable, NULL},
      {"poissonEncodeAlea", NULL, js_poisson_encode_alea, NULL, NULL, NULL, napi_enumerable, NULL},
      {"dwmtjBinaryForward", NULL, js_dwmtj_binary_forward, NULL, NULL, NULL, napi_enumerable, NULL},
      {"dwmtjMultiForward", NULL, js_dwmtj_mw_forward, NULL, NULL, NULL, napi_enumerable, NULL},
      {"dwmtjMultiBackward", NULL, js_dwmtj_mw_backward, NULL, NULL, NULL, napi_enumerable, NULL},
      {"dwmtjMultiSupport", NULL, js_dwmtj_mw_support, NULL, NULL, NULL, napi_enumerable, NULL},
      {"skyrmionPairForces", NULL, js_skyrmion_pair_forces, NULL, NULL, NULL, napi_enumerable, NULL},
      {"skyrmionPairDistances", NULL, js_skyrmion_pair_distances, NULL, NULL, NULL, napi_enumerable, NULL},
      {"skyrmionPairPressure", NULL, js_skyrmion_pair_pressure, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  if (napi_define_properties(env, exports, sizeof props / sizeof props[0], props) != napi_ok) return NULL;
  return exports;
}
