/**
 * Statistics of switching experiments: Wilson score intervals and a maximum-likelihood logistic
 * (sigmoid) fit of per-pulse switching probability vs voltage, with standard errors from the
 * inverse Fisher information (delta method for V50 = -b0/b1 and width = 1/b1).
 */
import { PhysicsError } from '../util/errors.js';

/** Wilson score interval for k successes in n trials at z (1.96: 95 %) (E. B. Wilson, JASA 22, 209 (1927)). */
export function wilsonInterval(k: number, n: number, z = 1.96): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / den;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface SigmoidFit {
  v50_V: number;
  width_V: number;
  v50_err_V: number;
  width_err_V: number;
}

/**
 * Binomial maximum-likelihood fit of P(V) = 1 / (1 + exp(-(V - V50) / width)) to k_i successes in
 * n_i trials at V_i (Newton-Raphson on the logit coefficients b0 + b1 V).
 */
export function fitSigmoid(V: readonly number[], k: readonly number[], n: readonly number[]): SigmoidFit {
  // start: V50 at the middle voltage, width a quarter of the span
  const span = V[V.length - 1] - V[0] || 1;
  let b1 = 4 / span;
  let b0 = -b1 * 0.5 * (V[0] + V[V.length - 1]);
  let I00 = 0;
  let I01 = 0;
  let I11 = 0;
  for (let it = 0; it < 100; it++) {
    let g0 = 0;
    let g1 = 0;
    I00 = 0;
    I01 = 0;
    I11 = 0;
    for (let i = 0; i < V.length; i++) {
      if (n[i] <= 0) continue;
      const p = 1 / (1 + Math.exp(-(b0 + b1 * V[i])));
      const r = k[i] - n[i] * p;
      g0 += r;
      g1 += r * V[i];
      const w = n[i] * p * (1 - p);
      I00 += w;
      I01 += w * V[i];
      I11 += w * V[i] * V[i];
    }
    const det = I00 * I11 - I01 * I01;
    if (!(det > 0)) break;
    let d0 = (I11 * g0 - I01 * g1) / det;
    let d1 = (-I01 * g0 + I00 * g1) / det;
    const step = Math.max(Math.abs(d0), Math.abs(d1));
    if (step > 5) {
      d0 *= 5 / step;
      d1 *= 5 / step;
    }
    b0 += d0;
    b1 += d1;
    if (step < 1e-10) break;
  }
  const det = I00 * I11 - I01 * I01;
  if (!(b1 > 0) || !(det > 0) || !Number.isFinite(b0))
    throw new PhysicsError(
      'sigmoid fit failed: the switching probability does not rise with voltage over the sweep (all 0, all 1, or decreasing)',
    );
  // covariance = inverse Fisher information
  const c00 = I11 / det;
  const c01 = -I01 / det;
  const c11 = I00 / det;
  const v50 = -b0 / b1;
  const width = 1 / b1;
  // gradients: dV50/db0 = -1/b1, dV50/db1 = b0/b1^2; dwidth/db1 = -1/b1^2
  const g0 = -1 / b1;
  const g1 = b0 / (b1 * b1);
  const v50Var = g0 * g0 * c00 + 2 * g0 * g1 * c01 + g1 * g1 * c11;
  const wVar = c11 / (b1 * b1 * b1 * b1);
  return {
    v50_V: v50,
    width_V: width,
    v50_err_V: Math.sqrt(Math.max(0, v50Var)),
    width_err_V: Math.sqrt(wVar),
  };
}
