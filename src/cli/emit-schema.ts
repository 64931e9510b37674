import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { projectPath } from '../project';
import { withPolicyTable } from '../auth/policy-table';
import { buildInnozoneSchema, printSortedSchema } from '../schema';
import { withoutDatabase } from './run';

/** `npm run schema`: writes schema/schema.graphql from the code, and the README's access table from the policy. */
void withoutDatabase(async () => {
  const file = projectPath('schema', 'schema.graphql');
  await writeFile(file, printSortedSchema(await buildInnozoneSchema()));
  process.stdout.write(`wrote ${file}\n`);
  const readme = projectPath('README.md');
  await writeFile(readme, withPolicyTable(await readFile(readme, 'utf8')));
  process.stdout.write(`wrote the access table in ${readme}\n`);
});
