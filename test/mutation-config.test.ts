import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectPath } from '../src/project';

/**
 * Smoke test of `npm run mutation` (StrykerJS, run on demand, not in CI: a run takes hours on two cores). It checks
 * what a run depends on: the script, the configuration Stryker reads, the folders it mutates, and that the CLI
 * and its jest runner are installed at the versions the lock file names.
 */
describe('npm run mutation', () => {
  const config = JSON.parse(readFileSync(projectPath('test', 'mutation', 'stryker.config.json'), 'utf8')) as Record<string, unknown>;

  /** TypeScript files under `folder`, recursively. */
  const sources = (folder: string): string[] =>
    readdirSync(projectPath(folder)).flatMap((name) => {
      const rel = path.join(folder, name);
      if (statSync(projectPath(rel)).isDirectory()) return sources(rel);
      return name.endsWith('.ts') ? [rel] : [];
    });

  it('mutates the folders where a wrong rule hides, with the jest runner and per-test coverage', () => {
    const scripts = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['mutation']).toBe('stryker run test/mutation/stryker.config.json');
    expect(config['mutate']).toEqual([
      'src/auth/**/*.ts',
      'src/modules/eligibility/**/*.ts',
      'src/modules/audit/**/*.ts',
      'src/common/**/*.ts',
      'src/modules/incentive/**/*.ts',
    ]);
    expect([config['testRunner'], config['coverageAnalysis'], config['incrementalFile']]).toEqual(['jest', 'perTest', 'test/mutation/incremental.json']);
    // Each folder holds code to mutate.
    for (const folder of ['src/auth', 'src/modules/eligibility', 'src/modules/audit', 'src/common', 'src/modules/incentive']) {
      expect({ folder, files: sources(folder).length > 2 }).toEqual({ folder, files: true });
    }
  });

  it('has the Stryker CLI and its jest runner installed', async () => {
    const bin = projectPath('node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--version'], { cwd: projectPath() });
    expect(stdout.trim()).toBe('9.5.1');
    const runner = JSON.parse(readFileSync(projectPath('node_modules', '@stryker-mutator', 'jest-runner', 'package.json'), 'utf8')) as { version: string };
    expect(runner.version).toBe('9.5.1');
  });
});
