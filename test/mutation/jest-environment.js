// The jest environment of mutation runs (test/mutation/stryker.config.json), never of `npm test`.
//
// StrykerJS's per-test coverage credits a mutant to the test running when its code runs. Code run by a
// `beforeAll` runs under no test, so Stryker calls its mutants "static" and tries each of them against the whole
// suite (about a minute here). Our test files do their setup in `beforeAll` (they register enterprises, load a
// zone, start the app), so most mutants came out static. This environment credits what a `beforeAll` covers to
// every test of the describe block it belongs to: those are the tests that run it. Code run while modules load
// (policy tables, decorators) stays static, as it must.
'use strict';
const { TestEnvironment } = require('jest-environment-node');

const IN_HOOK = '\u0000beforeAll';

/** The full names of the tests under a describe block, as Stryker names them (describe names, then the test's). */
function testsUnder(block, prefix) {
  const names = [];
  for (const child of block.children ?? []) {
    if (child.type === 'test') names.push(`${prefix} ${child.name}`.trimStart());
    else names.push(...testsUnder(child, `${prefix} ${child.name}`.trimStart()));
  }
  return names;
}

/** The name Stryker gives a describe block: its ancestors' names and its own, without the root's. */
function blockName(block) {
  return block.parent ? `${blockName(block.parent)} ${block.name}`.trimStart() : '';
}

class HookCoverageEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    const stryker = this.global[this.global.__strykerGlobalNamespace__ ?? '__stryker__'];
    if (!stryker) return;
    if (event.name === 'hook_start' && event.hook.type === 'beforeAll') {
      stryker.currentTestId = IN_HOOK;
    } else if ((event.name === 'hook_success' || event.name === 'hook_failure') && event.hook.type === 'beforeAll') {
      stryker.currentTestId = undefined;
      const perTest = stryker.mutantCoverage?.perTest;
      const covered = perTest?.[IN_HOOK];
      if (!covered) return;
      delete perTest[IN_HOOK];
      for (const test of testsUnder(event.hook.parent, blockName(event.hook.parent))) {
        const into = (perTest[test] ??= {});
        for (const [mutant, hits] of Object.entries(covered)) into[mutant] = (into[mutant] ?? 0) + hits;
      }
    }
  }
}

module.exports = HookCoverageEnvironment;
