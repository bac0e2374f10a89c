import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of Sitrep's own package.json, found by walking up from a module's URL, so that bundled
 * (dist/) and source (src/…) modules locate examples/ and web/ alike.
 */
export function projectRoot(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the Sitrep project folder above ${moduleUrl}`);
    dir = parent;
  }
}
