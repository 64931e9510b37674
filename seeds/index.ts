import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

/**
 * Loads the demo zone into an empty database. The registry it fills arrives with the registry issue; until then
 * there is nothing to load and this says so.
 */
export async function seedDemoZoneIfEmpty(_orm: MikroORM, log: Logger): Promise<void> {
  log.debug('no demo zone to load yet: the registry has no entities');
}
