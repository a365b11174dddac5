import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MagneuroError, ValidationError } from '../util/errors.js';
import { packageRoot } from '../util/paths.js';
import { materialFileSchema, materialFromFile, type Material, type MaterialFile } from './material.js';

/** Folder of the built-in material presets. */
export function materialPresetDir(): string {
  return join(packageRoot(), 'models', 'materials');
}

/** Names of the built-in material presets. */
export function listMaterialPresets(): string[] {
  return readdirSync(materialPresetDir())
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}

/** Read and schema-check a material file (a path, or a preset name). */
export function readMaterialFile(nameOrPath: string): MaterialFile {
  let path = nameOrPath;
  if (!existsSync(path)) {
    const preset = join(materialPresetDir(), `${nameOrPath}.json`);
    if (!existsSync(preset)) {
      throw new MagneuroError(
        `material "${nameOrPath}": no such file and no such preset (presets: ${listMaterialPresets().join(', ')})`,
      );
    }
    path = preset;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new MagneuroError(`material file ${path}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = materialFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ValidationError(
      `material file ${path}`,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return parsed.data;
}

/** Load a material preset or file, with optional `NAME=VALUE` overrides; validates everything. */
export function loadMaterial(nameOrPath: string, overrides: readonly string[] = []): Material {
  return materialFromFile(readMaterialFile(nameOrPath), overrides);
}
