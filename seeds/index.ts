import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { loadDemoAccounts } from './accounts';
import { DEMO_MEMBERS, loadDemoCppcc } from './cppcc';
import { DEMO_ENTERPRISES, loadDemoZone } from './zone';
import { zoneToday } from '../src/clock';

/**
 * Loads the demo zone, its CPPCC and (outside production) one account per role when the registry is empty (a fresh database); leaves any other database alone.
 * Its data run to `asOf` (default: today in the zone), so its checks, loans and filings are recent on the day it is
 * loaded.
 */
export async function seedDemoZoneIfEmpty(orm: MikroORM, log: Logger, asOf: string = zoneToday(), options: { accounts: boolean } = { accounts: true }): Promise<boolean> {
  const [row] = await orm.em.fork().execute<{ n: string }[]>('select count(*) as n from enterprise');
  if (Number(row!.n) > 0) {
    log.debug('the registry has enterprises: no demo zone loaded');
    return false;
  }
  const started = Date.now();
  await loadDemoZone(orm.config.get('clientUrl')!, asOf);
  await loadDemoCppcc(orm);
  // One account per role (README "Signing in"), password innozone-demo: never in production.
  const accounts = options.accounts ? await loadDemoAccounts(orm) : [];
  log.info({ enterprises: DEMO_ENTERPRISES, members: DEMO_MEMBERS, accounts, asOf, ms: Date.now() - started }, 'demo zone loaded');
  return true;
}
