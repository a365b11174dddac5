/**
 * Smooth ODEs: a typed wrapper over odex (Gragg-Bulirsch-Stoer extrapolation with step-size and
 * order control; Hairer, Norsett & Wanner, Solving ODEs I, Sec. II.9).
 */
import odex, { type OutputFunction } from 'odex';
import { MagneuroError, ParameterError } from '../util/errors.js';

export type OdeRhs = (x: number, y: number[]) => number[];

export interface OdeOptions {
  /** Relative tolerance (default 1e-8). */
  rtol?: number;
  /** Absolute tolerance (default 1e-10). */
  atol?: number;
  /** Maximum number of steps (default 100000). */
  maxSteps?: number;
  /** Initial step (default: solver's choice). */
  initialStep?: number;
  /** Largest step allowed (default: unbounded). */
  maxStep?: number;
  /** Sample the dense output on a uniform grid of this spacing (from x0). */
  sampleEvery?: number;
  /**
   * Event function g(x, y). Integration stops at the first sign change of g between accepted steps;
   * the crossing is located to `eventTolerance` with the dense interpolant and returned as `event`.
   */
  event?: (x: number, y: number[]) => number;
  /** Absolute tolerance on the event location in x (default 1e-12 times the span). */
  eventTolerance?: number;
  /** Called after every accepted step; return false to stop there. */
  onStep?: (x: number, y: number[]) => boolean | void;
}

export interface OdeResult {
  /** Where integration ended (x1, the event location, or where onStep stopped it). */
  x: number;
  y: number[];
  outcome: 'completed' | 'event' | 'stopped';
  /** Present when an event fired. */
  event?: { x: number; y: number[] };
  samples?: { x: number[]; y: number[][] };
  steps: number;
  evaluations: number;
}

/** Integrate y' = f(x, y) from x0 to x1 (x1 may be < x0). */
export function solveOde(
  f: OdeRhs,
  x0: number,
  y0: readonly number[],
  x1: number,
  options: OdeOptions = {},
): OdeResult {
  const n = y0.length;
  if (n === 0) throw new ParameterError('y0', y0, 'a non-empty initial state');
  if (!Number.isFinite(x0) || !Number.isFinite(x1))
    throw new ParameterError('x0/x1', [x0, x1], 'finite bounds');
  const solver = new odex.Solver(n);
  solver.relativeTolerance = options.rtol ?? 1e-8;
  solver.absoluteTolerance = options.atol ?? 1e-10;
  solver.maxSteps = options.maxSteps ?? 100000;
  if (options.initialStep !== undefined) solver.initialStepSize = options.initialStep;
  if (options.maxStep !== undefined) solver.maxStepSize = options.maxStep;
  const needDense = options.event !== undefined || options.sampleEvery !== undefined;
  solver.denseOutput = needDense;

  const samples = options.sampleEvery !== undefined ? { x: [] as number[], y: [] as number[][] } : undefined;
  const dir = x1 >= x0 ? 1 : -1;
  const every = options.sampleEvery ?? 0;
  if (samples && !(every > 0)) throw new ParameterError('sampleEvery', every, 'a spacing > 0');
  let nextSample = x0;
  let gPrev = options.event ? options.event(x0, [...y0]) : 0;
  let event: { x: number; y: number[] } | undefined;
  let stoppedByUser = false;
  let lastX = x0;
  let lastY = [...y0];
  const evTol = options.eventTolerance ?? 1e-12 * Math.max(Math.abs(x1 - x0), 1e-300);

  const solOut: OutputFunction = (_nr, xOld, x, y, dense) => {
    const interp = (xi: number): number[] => {
      if (!dense || xi === x) return y.slice();
      const out = new Array<number>(n);
      for (let c = 0; c < n; c++) out[c] = dense(c, xi);
      return out;
    };
    if (samples) {
      while ((nextSample - x) * dir <= 0) {
        samples.x.push(nextSample);
        samples.y.push(interp(nextSample));
        nextSample += dir * every;
      }
    }
    lastX = x;
    lastY = y.slice();
    if (options.event && _nr > 1) {
      const g = options.event(x, y);
      if (g === 0 || Math.sign(g) !== Math.sign(gPrev)) {
        // Bisection on the dense interpolant between xOld and x.
        let a = xOld;
        let b = x;
        let ga = gPrev;
        for (let it = 0; it < 200 && Math.abs(b - a) > evTol; it++) {
          const m = 0.5 * (a + b);
          const gm = options.event(m, interp(m));
          if (gm === 0) {
            a = b = m;
            break;
          }
          if (Math.sign(gm) === Math.sign(ga)) {
            a = m;
            ga = gm;
          } else b = m;
        }
        const xe = 0.5 * (a + b);
        event = { x: xe, y: interp(xe) };
        return false;
      }
      gPrev = g;
    }
    if (options.onStep && options.onStep(x, y) === false) {
      stoppedByUser = true;
      return false;
    }
    return true;
  };

  const res = solver.solve(f, x0, [...y0], x1, needDense || options.onStep ? solOut : undefined);
  if (res.outcome === odex.Outcome.MaxStepsExceeded) {
    throw new MagneuroError(
      `ODE solver exceeded ${solver.maxSteps} steps before x = ${x1} (stopped at x = ${res.xEnd})`,
    );
  }
  if (event)
    return {
      x: event.x,
      y: event.y,
      outcome: 'event',
      event,
      samples,
      steps: res.nStep,
      evaluations: res.nEval,
    };
  if (stoppedByUser)
    return { x: lastX, y: lastY, outcome: 'stopped', samples, steps: res.nStep, evaluations: res.nEval };
  return { x: x1, y: res.y, outcome: 'completed', samples, steps: res.nStep, evaluations: res.nEval };
}
