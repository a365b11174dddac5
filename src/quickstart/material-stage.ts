import { join } from 'node:path';
import {
  criticalDmi,
  loadMaterial,
  listMaterialPresets,
  wallEnergy,
  withParameters,
} from '../materials/index.js';
import { materialJson, materialMarkdown } from '../cli/commands/material.js';
import { lineChart, writeFigure } from '../report/figure.js';
import type { QuickstartStage } from './stage.js';

/**
 * Foundation stage: every material preset, validated, with its derived quantities, and a figure of
 * the wall energy sigma(D) = 4 sqrt(A Keff) - pi |D| against D / Dc for each preset.
 */
export const materialStage: QuickstartStage = {
  id: 'materials',
  title: 'Materials',
  async run(ctx) {
    const names = listMaterialPresets();
    const mats = names.map((n) => loadMaterial(n));
    const series = mats.map((m) => {
      const dc = criticalDmi(m);
      const points = Array.from({ length: 21 }, (_, i) => {
        const ratio = (1.2 * i) / 20;
        return { x: ratio, y: wallEnergy(withParameters(m, { D: ratio * dc })) * 1e3 };
      });
      return { name: `${m.name} (preset D/Dc = ${(Math.abs(m.D) / dc).toFixed(2)})`, points };
    });
    const fig = await writeFigure(
      ctx.figuresDir,
      'wall-energy-vs-dmi',
      lineChart({
        title: 'Domain-wall energy sigma = 4 sqrt(A Keff) - pi |D|',
        x: { title: 'D / Dc' },
        y: { title: 'sigma (mJ/m^2)' },
        series,
        points: false,
      }),
    );
    return {
      markdown: [
        '## Materials',
        '',
        ...mats.map((m) => materialMarkdown(m) + '\n'),
        `![wall energy vs DMI](${join('figures', 'wall-energy-vs-dmi.png')})`,
        '',
        'The wall energy vanishes at D = Dc: above it the uniform state is unstable to spin spirals.',
      ].join('\n'),
      summary: {
        materials: Object.fromEntries(mats.map((m) => [m.name, materialJson(m)])),
        figures: [fig.svg, fig.png],
      },
    };
  },
};
