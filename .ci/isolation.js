#!/usr/bin/env node
// Runs the suite so that order dependence shows: every test file alone (`--files`, the default), or every single
// test alone with `jest -t` (`--tests`, slow: one jest start per test). Prints one line per run that failed and ends
// with "Isolation: N passed, M failed". Any extra arguments go to jest (e.g. a file path to look at one file only).
//
//   node .ci/isolation.js                 each file alone
//   node .ci/isolation.js --tests         each test alone
//   DATABASE_URL=postgres://… node .ci/isolation.js --tests   (faster: no embedded cluster per run)
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const args = process.argv.slice(2);
const eachTest = args.includes('--tests');
const passThrough = args.filter((a) => a !== '--tests' && a !== '--files');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'innozone-isolation-'));

/** Runs jest with `jestArgs`, returning its --json report (null when jest produced none). */
function runJest(jestArgs, name) {
  const out = path.join(work, `${name}.json`);
  spawnSync(process.execPath, [jest, '--json', `--outputFile=${out}`, ...jestArgs], { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
  try {
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    return null;
  }
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let passed = 0;
let failed = 0;
const report = (ok, what) => {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAILED alone: ${what}`);
  }
};

try {
  const listed = spawnSync(process.execPath, [jest, '--listTests', ...passThrough], { cwd: root, encoding: 'utf8' });
  const files = listed.stdout.split('\n').filter(Boolean).sort();
  for (const [i, file] of files.entries()) {
    const rel = path.relative(root, file);
    const whole = runJest([rel], `file-${i}`);
    if (!eachTest) {
      report(!!whole && whole.numFailedTests === 0 && whole.numPassedTests > 0 && whole.success, rel);
      continue;
    }
    const names = whole ? whole.testResults.flatMap((r) => r.assertionResults.map((a) => a.fullName)) : [];
    if (names.length === 0) report(false, `${rel} (no tests found)`);
    for (const [j, name] of names.entries()) {
      const alone = runJest([rel, '-t', `^${escape(name)}$`], `test-${i}-${j}`);
      report(!!alone && alone.numPassedTests === 1 && alone.numFailedTests === 0, `${rel} › ${name}`);
    }
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`Isolation: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
