/**
 * Quickstart: the whole pipeline on the built-in presets, writing ./magneuro-out/report.md plus
 * figures. Each capability contributes one stage (registered in ./stages.ts).
 */
export interface StageContext {
  /** Folder of the report; figures go to `${outDir}/figures`. */
  outDir: string;
  figuresDir: string;
  seed: string;
  /** Data folder for datasets, if one was given (--data-dir or MAGNEURO_DATA). */
  dataDir?: string;
  /** Log a line of progress (stderr). */
  log(line: string): void;
}

export interface StageResult {
  /** Markdown section for the report (starts with a "## " heading). */
  markdown: string;
  /** Machine-readable figures of the stage (SI, unit-suffixed keys). */
  summary: Record<string, unknown>;
}

export interface QuickstartStage {
  id: string;
  title: string;
  run(ctx: StageContext): Promise<StageResult>;
}
