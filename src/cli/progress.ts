/** Progress bars for long runs (cli-progress), on stderr, only when enabled. */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Advance by `n` (default 1); `info` replaces the status text. */
  tick(n?: number, info?: string): void;
  /** Set the absolute position. */
  update(done: number, info?: string): void;
  stop(): void;
}

const SILENT: Progress = { tick() {}, update() {}, stop() {} };

export function createProgress(label: string, total: number, enabled: boolean): Progress {
  if (!enabled || total <= 0) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% {value}/{total} eta {eta_formatted} {info}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { info: '' });
  let done = 0;
  return {
    tick(n = 1, info?: string) {
      done += n;
      bar.update(done, info === undefined ? undefined : { info });
    },
    update(d: number, info?: string) {
      done = d;
      bar.update(done, info === undefined ? undefined : { info });
    },
    stop() {
      bar.stop();
    },
  };
}
