import { existsSync } from 'node:fs';
import path from 'node:path';

let root: string | undefined;

/** A path inside the project (the folder holding package.json), whether running from src/ or dist/. */
export function projectPath(...segments: string[]): string {
  if (!root) {
    let dir = __dirname;
    while (!existsSync(path.join(dir, 'package.json'))) {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
      dir = parent;
    }
    root = dir;
  }
  return path.join(root, ...segments);
}
