import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { projectPath } from '../project';
import { buildInnozoneSchema, printSortedSchema } from '../schema';
import { withoutDatabase } from './run';

/** `npm run schema`: writes schema/schema.graphql from the code. */
void withoutDatabase(async () => {
  const file = projectPath('schema', 'schema.graphql');
  await writeFile(file, printSortedSchema(await buildInnozoneSchema()));
  process.stdout.write(`wrote ${file}\n`);
});
