import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { projectPath } from '../project';
import { withPolicyTable } from '../auth/policy-table';
import { buildInnozoneSchema, printSortedSchema } from '../schema';
import { breakingChanges, unnamed, unreleasedSection } from '../schema-changes';
import { withoutDatabase } from './run';

/**
 * `npm run schema`: writes schema/schema.graphql from the code, and the README's access table from the policy; then
 * lists the breaking changes against schema/released.graphql that CHANGELOG.md does not name yet (as bullets to
 * complete and paste into its coming release).
 */
void withoutDatabase(async () => {
  const file = projectPath('schema', 'schema.graphql');
  const sdl = printSortedSchema(await buildInnozoneSchema());
  await writeFile(file, sdl);
  process.stdout.write(`wrote ${file}\n`);
  const released = await readFile(projectPath('schema', 'released.graphql'), 'utf8');
  const changelog = await readFile(projectPath('CHANGELOG.md'), 'utf8');
  const missing = unnamed(breakingChanges(released, sdl), unreleasedSection(changelog));
  if (missing.length > 0) {
    process.stdout.write(`${missing.length} breaking change(s) against schema/released.graphql not named in CHANGELOG.md yet:\n`);
    for (const c of missing) process.stdout.write(`- \`${c.coordinate}\`: ${c.description}\n`);
  }
  const readme = projectPath('README.md');
  await writeFile(readme, withPolicyTable(await readFile(readme, 'utf8')));
  process.stdout.write(`wrote the access table in ${readme}\n`);
});
