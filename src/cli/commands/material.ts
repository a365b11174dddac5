import type { Command } from 'commander';
import { CliContext } from '../context.js';
import {
  derivedQuantities,
  listMaterialPresets,
  loadMaterial,
  MATERIAL_PARAMETERS,
  readMaterialFile,
} from '../../materials/index.js';
import { formatQuantity } from '../../units/quantity.js';
import { markdownTable } from '../../report/markdown.js';
import type { Material } from '../../materials/material.js';

/** Unit-suffixed JSON key for a parameter, e.g. Ms -> Ms_A_per_m. */
export function siKey(name: string, unit: string): string {
  if (!unit) return name;
  return `${name}_${unit.replace(/ /g, '_').replace(/\//g, '_per_').replace(/\^/g, '').replace(/[()]/g, '')}`;
}

export function materialJson(m: Material): Record<string, unknown> {
  const parameters: Record<string, number> = {};
  for (const [name, spec] of Object.entries(MATERIAL_PARAMETERS)) {
    const v = (m as unknown as Record<string, number | undefined>)[name];
    if (v !== undefined) parameters[siKey(name, spec.unit)] = v;
  }
  return {
    name: m.name,
    description: m.description,
    parameters,
    derived: derivedQuantities(m),
    sources: m.sources,
  };
}

export function materialMarkdown(m: Material): string {
  const rows = Object.entries(MATERIAL_PARAMETERS)
    .filter(([name]) => (m as unknown as Record<string, unknown>)[name] !== undefined)
    .map(([name, spec]) => [
      name,
      formatQuantity((m as unknown as Record<string, number>)[name], spec.unit),
      spec.unit || '1',
      m.sources[name] ?? '',
    ]);
  const d = derivedQuantities(m);
  const drows = Object.entries(d).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(4)) : v]);
  return [
    `### Material \`${m.name}\``,
    '',
    m.description,
    '',
    markdownTable(['parameter', 'value (SI)', 'SI unit', 'source'], rows),
    '',
    '**Derived quantities** (Keff = Ku - mu0 Ms^2/2 unless Keff is given; Delta = sqrt(A/Keff); Dc = 4 sqrt(A Keff)/pi; sigma = 4 sqrt(A Keff) - pi|D|):',
    '',
    markdownTable(['quantity', 'value'], drows),
  ].join('\n');
}

export function registerMaterialCommands(program: Command): void {
  const material = program
    .command('material')
    .description('material presets: list, show (with derived quantities), validate');
  material
    .command('list')
    .description('list the built-in material presets')
    .action((_o, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const names = listMaterialPresets();
      ctx.emit({ presets: names }, names.join('\n'));
    });
  material
    .command('show')
    .argument('[preset-or-file]', 'material preset name or JSON file (default: --material)')
    .description('print every parameter in SI and the derived quantities')
    .action((name: string | undefined, _o, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      const m = loadMaterial(name ?? ctx.globals.material ?? 'pt-gdfeco-mgo', ctx.globals.set);
      ctx.emit(materialJson(m), materialMarkdown(m));
    });
  material
    .command('validate')
    .argument('<file>', 'material JSON file')
    .description('check a material file: names, units, ranges (every problem reported)')
    .action((file: string, _o, cmd: Command) => {
      const ctx = CliContext.from(cmd);
      readMaterialFile(file);
      const m = loadMaterial(file, ctx.globals.set);
      ctx.emit({ valid: true, name: m.name }, `${file}: valid material "${m.name}"`);
    });
}
