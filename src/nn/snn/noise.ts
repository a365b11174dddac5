/** Noise levels for inference sweeps. */
import { MagneuroError } from '../../util/errors.js';

/** "START:STOP:STEP" (STOP included) or one number -> list of standard deviations >= 0. */
export function parseNoiseRange(text: string): number[] {
  const parts = text.split(':').map((s) => Number(s.trim()));
  if (parts.length === 1 && parts[0] >= 0) return [parts[0]];
  const [a, b, step] = parts;
  if (parts.length !== 3 || !parts.every(Number.isFinite) || a < 0 || b < a || !(step > 0))
    throw new MagneuroError(
      `--noise: got "${text}", expected START:STOP:STEP with 0 <= START <= STOP and STEP > 0`,
    );
  const n = Math.floor((b - a) / step + 1e-9);
  return Array.from({ length: n + 1 }, (_, k) => +(a + k * step).toFixed(12));
}
