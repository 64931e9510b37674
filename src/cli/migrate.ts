import 'reflect-metadata';
import { migrate } from '../db/orm';
import { withDatabase } from './run';

/** `npm run migrate`: applies pending migrations and lists them. */
void withDatabase(async (orm, _config, log) => {
  const applied = await migrate(orm);
  log.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : 'the database is up to date');
});
