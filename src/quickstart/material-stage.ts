import { loadMaterial, listMaterialPresets } from '../materials/index.js';
import { materialJson, materialMarkdown } from '../cli/commands/material.js';
import type { QuickstartStage } from './stage.js';

/** Foundation stage: every material preset, validated, with its derived quantities. */
export const materialStage: QuickstartStage = {
  id: 'materials',
  title: 'Materials',
  async run() {
    const names = listMaterialPresets();
    const mats = names.map((n) => loadMaterial(n));
    return {
      markdown: ['## Materials', '', ...mats.map((m) => materialMarkdown(m) + '\n')].join('\n'),
      summary: Object.fromEntries(mats.map((m) => [m.name, materialJson(m)])),
    };
  },
};
