import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The magneuro package root (the folder holding its package.json), from src/ or dist/src/ alike. */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        if (JSON.parse(readFileSync(pj, 'utf8')).name === 'magneuro') return (cachedRoot = dir);
      } catch {
        /* keep walking up */
      }
    }
    dir = dirname(dir);
  }
  throw new Error('magneuro package root not found above ' + fileURLToPath(import.meta.url));
}

/** The package version from package.json. */
export function packageVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;
}
