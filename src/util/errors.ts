/**
 * Errors a user can act on. The CLI turns every `MagneuroError` into one line on stderr
 * and exit status 2; anything else is a bug and keeps its stack trace.
 */
export class MagneuroError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A parameter has a wrong value, unit or range. Names the parameter, the value and what is valid. */
export class ParameterError extends MagneuroError {
  constructor(
    readonly parameter: string,
    readonly value: unknown,
    readonly expected: string,
  ) {
    super(`${parameter}: got ${formatValue(value)}, expected ${expected}`);
  }
}

/** Several parameter problems reported at once (for example when a material file is loaded). */
export class ValidationError extends MagneuroError {
  constructor(
    readonly context: string,
    readonly problems: string[],
  ) {
    super(
      `${context}: ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`,
    );
  }
}

/** A physical state that does not exist for the given parameters (e.g. no metastable skyrmion). */
export class PhysicsError extends MagneuroError {}

function formatValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** Throws a ParameterError unless `value` is a finite number in [min, max] (bounds inclusive unless open). */
export function requireInRange(
  parameter: string,
  value: number,
  min: number,
  max: number,
  opts: { minOpen?: boolean; maxOpen?: boolean; unit?: string } = {},
): number {
  const unit = opts.unit ? ` ${opts.unit}` : '';
  const lo = opts.minOpen ? `(${min}` : `[${min}`;
  const hi = opts.maxOpen ? `${max})` : `${max}]`;
  const ok =
    Number.isFinite(value) &&
    (opts.minOpen ? value > min : value >= min) &&
    (opts.maxOpen ? value < max : value <= max);
  if (!ok) throw new ParameterError(parameter, value, `a finite number in ${lo}, ${hi}${unit}`);
  return value;
}

/** Throws a ParameterError unless `value` is a finite number > 0. */
export function requirePositive(parameter: string, value: number, unit = ''): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new ParameterError(parameter, value, `a finite number > 0${unit ? ' ' + unit : ''}`);
  }
  return value;
}
