import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { MigrationObject } from '@mikro-orm/core';

/**
 * The migrations in this folder, in name (= timestamp) order. Listed explicitly, instead of letting the migrator glob
 * for files, so that jest (TypeScript) and `dist/` (JavaScript) load the very same classes.
 */
export const migrationsList: MigrationObject[] = readdirSync(__dirname)
  .filter((file) => /^Migration\d{14}.*\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
  .sort()
  .map((file) => {
    const name = path.basename(file, path.extname(file));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(path.join(__dirname, file)) as Record<string, MigrationObject['class']>;
    const migration = exported[name] ?? Object.values(exported)[0];
    if (!migration) throw new Error(`Migration file ${file} exports no class`);
    return { name, class: migration };
  });
