import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectPath } from '../../src/project';

/** Every file under a folder, sorted, as paths relative to it. */
function files(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under))
    .sort()
    .flatMap((name) => {
      const rel = path.join(under, name);
      if (name === 'dist' || name === 'node_modules') return [];
      return statSync(path.join(dir, rel)).isDirectory() ? files(dir, rel) : [rel];
    });
}

/**
 * The web console built from web/ as it is now, as `npm run build` builds it, into a folder of the temp dir named by
 * the hash of its sources (and vite's version): built once, shared by test files and runs until web/ changes. Built
 * beside and renamed into place, so two workers building at once leave one whole build.
 */
export function builtConsole(): string {
  const web = projectPath('web');
  const hash = createHash('sha256');
  hash.update(readFileSync(projectPath('node_modules', 'vite', 'package.json')));
  hash.update(readFileSync(projectPath('package-lock.json')));
  for (const file of files(web)) hash.update(file).update(readFileSync(path.join(web, file)));
  const dir = path.join(os.tmpdir(), `innozone-web-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(path.join(dir, 'index.html'))) return dir;
  const next = `${dir}.${process.pid}`;
  execFileSync(process.execPath, [projectPath('node_modules', 'vite', 'bin', 'vite.js'), 'build', web, '--outDir', next, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: projectPath(),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    renameSync(next, dir);
  } catch {
    rmSync(next, { recursive: true, force: true }); // another worker's build got there first
  }
  return dir;
}
