/*
 * Small vector helpers shared by the native kernels (GCC vector extensions). Element-wise IEEE
 * operations only, so a lane computes exactly what a scalar JavaScript expression computes.
 */
#ifndef MAGNEURO_VEC_H
#define MAGNEURO_VEC_H
#include <string.h>

typedef double v4d __attribute__((vector_size(32)));
typedef float v4f __attribute__((vector_size(16)));
typedef long long v4l __attribute__((vector_size(32)));
typedef float v8f __attribute__((vector_size(32)));

/* Four floats from p, widened to double (exact). */
static inline v4d load4(const float *p) {
  v4f f;
  memcpy(&f, p, sizeof f);
  return __builtin_convertvector(f, v4d);
}

/* Four doubles rounded to float (as a store into a Float32Array) at p. */
static inline void store4(float *p, v4d d) {
  v4f f = __builtin_convertvector(d, v4f);
  memcpy(p, &f, sizeof f);
}

static inline v4d splat(double x) { return (v4d){x, x, x, x}; }

/* Eight floats at p, and their store (no conversion). */
static inline v8f load8(const float *p) {
  v8f f;
  memcpy(&f, p, sizeof f);
  return f;
}
static inline void store8(float *p, v8f f) { memcpy(p, &f, sizeof f); }
static inline v8f splat8(float x) { return (v8f){x, x, x, x, x, x, x, x}; }

/*
 * Keep a loaded vector in a register: an empty asm that "changes" it stops the compiler from
 * re-reading memory at every use (it otherwise folds the load into each multiply, which doubles the
 * loads of a register-tiled loop). No instruction is emitted; the value is unchanged.
 */
#if defined(__AVX512VL__)
#define KEEP_IN_REGISTER(v) __asm__("" : "+v"(v))
#elif defined(__x86_64__) || defined(__i386__)
#define KEEP_IN_REGISTER(v) __asm__("" : "+x"(v))
#else
#define KEEP_IN_REGISTER(v) ((void)0)
#endif

/* 4 x 4 transpose of four rows of 4 floats (p0..p3) into columns c[0..3] (c[k][q] = p_q[k]), widened. */
static inline void transpose4(const float *p0, const float *p1, const float *p2, const float *p3, v4d c[4]) {
  v4f r0, r1, r2, r3;
  memcpy(&r0, p0, sizeof r0);
  memcpy(&r1, p1, sizeof r1);
  memcpy(&r2, p2, sizeof r2);
  memcpy(&r3, p3, sizeof r3);
  const v4f t0 = __builtin_shufflevector(r0, r1, 0, 4, 1, 5), t1 = __builtin_shufflevector(r2, r3, 0, 4, 1, 5);
  const v4f t2 = __builtin_shufflevector(r0, r1, 2, 6, 3, 7), t3 = __builtin_shufflevector(r2, r3, 2, 6, 3, 7);
  c[0] = __builtin_convertvector(__builtin_shufflevector(t0, t1, 0, 1, 4, 5), v4d);
  c[1] = __builtin_convertvector(__builtin_shufflevector(t0, t1, 2, 3, 6, 7), v4d);
  c[2] = __builtin_convertvector(__builtin_shufflevector(t2, t3, 0, 1, 4, 5), v4d);
  c[3] = __builtin_convertvector(__builtin_shufflevector(t2, t3, 2, 3, 6, 7), v4d);
}

#endif
