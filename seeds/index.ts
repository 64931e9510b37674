import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { DEMO_MEMBERS, loadDemoCppcc } from './cppcc';
import { DEMO_ENTERPRISES, loadDemoZone } from './zone';

/** Loads the demo zone and its CPPCC when the registry is empty (a fresh database); leaves any other database alone. */
export async function seedDemoZoneIfEmpty(orm: MikroORM, log: Logger): Promise<boolean> {
  const [row] = await orm.em.fork().execute<{ n: string }[]>('select count(*) as n from enterprise');
  if (Number(row!.n) > 0) {
    log.debug('the registry has enterprises: no demo zone loaded');
    return false;
  }
  const started = Date.now();
  await loadDemoZone(orm.config.get('clientUrl')!);
  await loadDemoCppcc(orm);
  log.info({ enterprises: DEMO_ENTERPRISES, members: DEMO_MEMBERS, ms: Date.now() - started }, 'demo zone loaded');
  return true;
}
