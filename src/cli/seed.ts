import { parseArgs } from 'node:util';
import { migrate } from '../db/orm';
import { seedDemoZoneIfEmpty } from '../../seeds';
import { withDatabase } from './run';

/** `npm run seed`: migrates, then loads the demo zone into an empty database. */
const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: false });
if (values.help) {
  process.stdout.write('usage: npm run seed\n  Loads the demo zone into an empty innozone database.\n');
  process.exit(0);
}
void withDatabase(async (orm, _config, log) => {
  await migrate(orm);
  await seedDemoZoneIfEmpty(orm, log);
});
