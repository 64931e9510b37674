import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { CPPCC_TABLES, DEMO_MEMBERS, loadDemoCppcc } from '../../seeds/cppcc';
import { DATA_ANCHOR, LOAD_ORDER } from '../../seeds/generator';
import { migrate } from '../db/orm';
import { seedDemoZoneIfEmpty } from '../../seeds';
import { dateShift, loadZone, NAMED_ENTERPRISES } from '../../seeds/zone';
import { zoneToday } from '../clock';
import { withDatabase } from './run';

const usage = `usage: npm run seed [-- [--synthetic N [--seed S]] [--as-of YYYY-MM-DD] [--reset]]
  Without options: loads the demo zone into an empty database.
  --synthetic N  loads a deterministic synthetic zone of N enterprises (about five instruments and one project each;
                 the source's named enterprises first) and the demo CPPCC
  --seed S       its random seed (default 1); the same N, S and as-of day always give the same zone
  --as-of DAY    the day the zone's data run to (default: today in the zone; ${DATA_ANCHOR} or later): recent
                 credit checks, loans and filings are recent on that day
  --reset        empties the registry first (otherwise the registry must be empty)
`;

/** The registry's tables, emptied by --reset: the ones a zone is loaded into, and the CPPCC data that names them. */
const REGISTRY_TABLES = [
  ...LOAD_ORDER,
  ...CPPCC_TABLES,
];

const { values } = parseArgs({
  options: {
    synthetic: { type: 'string' },
    seed: { type: 'string', default: '1' },
    reset: { type: 'boolean', default: false },
    'as-of': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const count = values.synthetic === undefined ? undefined : Number(values.synthetic);
const seed = Number(values.seed);
if ((count !== undefined && (!Number.isInteger(count) || count < NAMED_ENTERPRISES.length || count > 1_000_000)) || !Number.isInteger(seed)) {
  process.stderr.write(`--synthetic takes a whole number from ${NAMED_ENTERPRISES.length} to 1000000 and --seed a whole number.\n${usage}`);
  process.exit(2);
}
const asOf = values['as-of'] ?? zoneToday();
try {
  dateShift(asOf);
} catch (err) {
  process.stderr.write(`--as-of: ${(err as Error).message}.\n${usage}`);
  process.exit(2);
}

void withDatabase(async (orm, config, log) => {
  await migrate(orm);
  const em = orm.em.fork();
  if (values.reset) {
    await em.execute(`truncate ${REGISTRY_TABLES.map((t) => `"${t}"`).join(', ')} cascade`);
    log.info('registry emptied');
  }
  if (count === undefined) {
    await seedDemoZoneIfEmpty(orm, log, asOf, { accounts: !config.production });
    return 0;
  }
  const [row] = await em.execute<{ n: string }[]>('select count(*) as n from enterprise');
  if (Number(row!.n) > 0) {
    log.error(`The registry holds ${row!.n} enterprises; add --reset to replace them with a synthetic zone.`);
    return 1;
  }
  // Without a terminal (CI, logs) the bar prints a line every few seconds instead of redrawing.
  const bar = new SingleBar(
    { format: 'synthetic zone |{bar}| {value}/{total} enterprises | {duration}s', noTTYOutput: true, notTTYSchedule: 5000 },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(count, 0);
  // The named enterprises come first, so the demo CPPCC (its members, units and proposals citing them) loads too:
  // --reset empties the CPPCC registers with the registry: the demo committee comes back with them (the office may
  // record more members and units through the API).
  await loadZone(orm.config.get('clientUrl')!, {
    enterprises: count,
    seed,
    named: true,
    incentiveRate: 0.05,
    asOf,
    onProgress: (loaded) => bar.update(loaded),
  });
  bar.stop();
  await loadDemoCppcc(orm);
  log.info({ enterprises: count, members: DEMO_MEMBERS, seed, asOf, seconds: (Date.now() - started) / 1000 }, 'synthetic zone loaded');
  return 0;
});
