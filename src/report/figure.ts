/**
 * Figures: Vega-Lite specifications rendered headless to SVG (vega's SVG renderer, no browser) and
 * rasterised to PNG with resvg. Every figure is written as NAME.svg and NAME.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';

export type FigureSpec = TopLevelSpec;

/** Render a Vega-Lite spec to an SVG string. */
export async function renderSvg(spec: FigureSpec): Promise<string> {
  const vg = compile(spec).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** Rasterise SVG text to PNG bytes (white background). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const r = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return r.render().asPng();
}

/** Write `dir/name.svg` and `dir/name.png`; returns both paths. */
export async function writeFigure(
  dir: string,
  name: string,
  spec: FigureSpec,
): Promise<{ svg: string; png: string }> {
  const svgText = await renderSvg(spec);
  const svg = join(dir, `${name}.svg`);
  const png = join(dir, `${name}.png`);
  mkdirSync(dirname(svg), { recursive: true });
  writeFileSync(svg, svgText);
  writeFileSync(png, svgToPng(svgText));
  return { svg, png };
}

/** A line/point chart of one or more named series: the common case. */
export function lineChart(opts: {
  title: string;
  x: { field?: string; title: string; scale?: 'linear' | 'log' };
  y: { field?: string; title: string; scale?: 'linear' | 'log'; domain?: [number, number] };
  series: Array<{ name: string; points: Array<{ x: number; y: number; yLow?: number; yHigh?: number }> }>;
  points?: boolean;
  width?: number;
  height?: number;
}): FigureSpec {
  const values = opts.series.flatMap((s) => s.points.map((p) => ({ ...p, series: s.name })));
  const hasBand = values.some((v) => v.yLow !== undefined && v.yHigh !== undefined);
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: opts.x.title,
    scale: { type: opts.x.scale ?? 'linear', zero: false },
  };
  const yScale: Record<string, unknown> = { type: opts.y.scale ?? 'linear', zero: false };
  if (opts.y.domain) yScale.domain = opts.y.domain;
  const y = { field: 'y', type: 'quantitative' as const, title: opts.y.title, scale: yScale };
  const color = { field: 'series', type: 'nominal' as const, title: null };
  const layers: unknown[] = [];
  if (hasBand) {
    layers.push({
      mark: { type: 'area', opacity: 0.25 },
      encoding: {
        x,
        y: { field: 'yLow', type: 'quantitative', scale: yScale, title: opts.y.title },
        y2: { field: 'yHigh' },
        color,
      },
    });
  }
  layers.push({ mark: { type: 'line', point: opts.points ?? true }, encoding: { x, y, color } });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: opts.title,
    width: opts.width ?? 420,
    height: opts.height ?? 260,
    data: { values },
    layer: layers,
    config: { legend: { labelLimit: 420 } },
  } as FigureSpec;
}

/** A histogram of one or more named samples. */
export function histogram(opts: {
  title: string;
  xTitle: string;
  samples: Array<{ name: string; values: ArrayLike<number> }>;
  bins?: number;
}): FigureSpec {
  const values = opts.samples.flatMap((s) => Array.from(s.values, (v) => ({ v, series: s.name })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: opts.title,
    width: 420,
    height: 240,
    data: { values },
    mark: { type: 'bar', opacity: 0.6 },
    encoding: {
      x: { field: 'v', type: 'quantitative', bin: { maxbins: opts.bins ?? 40 }, title: opts.xTitle },
      y: { aggregate: 'count', type: 'quantitative', stack: null, title: 'count' },
      color: { field: 'series', type: 'nominal', title: null },
    },
    config: { legend: { labelLimit: 420 } },
  } as FigureSpec;
}
