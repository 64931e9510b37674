import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { openOrm } from '../src/db/orm';
import { projectPath } from '../src/project';
import { withPolicyTable } from '../src/auth/policy-table';
import { buildInnozoneSchema, printSortedSchema } from '../src/schema';
import { workerDatabaseUrl } from './support/database';

describe('generated artefacts stay in step with the code', () => {
  it('schema/schema.graphql is exactly what the code builds (run `npm run schema` after changing the API)', async () => {
    const committed = await readFile(projectPath('schema', 'schema.graphql'), 'utf8');
    expect(printSortedSchema(await buildInnozoneSchema())).toBe(committed);
  });

  it("the README's access table is the policy (run `npm run schema` after changing src/auth/policy.ts)", async () => {
    const readme = await readFile(projectPath('README.md'), 'utf8');
    expect(withPolicyTable(readme)).toBe(readme);
  });

  it('the codegen output is what `npm run codegen` writes from the committed schema and operations', async () => {
    const bin = projectPath('node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js');
    // --check exits 1 when a generated file would change.
    const run = promisify(execFile)(process.execPath, [bin, '--config', 'codegen.yml', '--check'], {
      cwd: projectPath(),
    });
    await expect(run).resolves.toBeDefined();
  });

  it('the migrations build exactly the schema the entities describe (run `npm run migration:create`)', async () => {
    const orm = await openOrm(await workerDatabaseUrl());
    try {
      const pending = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
      expect(pending.trim()).toBe('');
    } finally {
      await orm.close(true);
    }
  });
});
