// Typed declaration for odex 2.x (E. Hairer's ODEX, Gragg-Bulirsch-Stoer extrapolation), which ships no types.
export type Derivative = (x: number, y: number[]) => number[];
export type DenseInterpolator = (component: number, x: number) => number;
export type OutputFunction = (
  stepNumber: number,
  xOld: number,
  x: number,
  y: number[],
  dense?: DenseInterpolator | false,
) => boolean | void;
export declare enum Outcome {
  Converged = 0,
  MaxStepsExceeded = 1,
  EarlyReturn = 2,
}
export interface SolverResult {
  y: number[];
  outcome: Outcome;
  nStep: number;
  xEnd: number;
  nAccept: number;
  nReject: number;
  nEval: number;
}
export declare class Solver {
  constructor(n: number);
  n: number;
  maxSteps: number;
  initialStepSize: number;
  maxStepSize: number;
  maxExtrapolationColumns: number;
  stepSizeSequence: number;
  denseOutput: boolean;
  denseComponents: number[] | undefined;
  relativeTolerance: number | number[];
  absoluteTolerance: number | number[];
  solve(f: Derivative, x: number, y0: number[], xEnd: number, solOut?: OutputFunction): SolverResult;
  grid(dt: number, out: (x: number, y: number[]) => boolean | void): OutputFunction;
}
declare const odex: { Solver: typeof Solver; Outcome: typeof Outcome };
export default odex;
