import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type Config, ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { openOrm } from '../db/orm';
import { createLogger, type Logger } from '../logger';

/**
 * Runs a command-line task against innozone's database (embedded or DATABASE_URL), and always stops what it started,
 * including on Ctrl-C. The task's resolved number is the exit code.
 */
export async function withDatabase(
  task: (orm: MikroORM, config: Config, log: Logger) => Promise<number | void>,
): Promise<never> {
  let config: Config;
  try {
    config = loadConfig({ LOG_LEVEL: 'info', ...process.env });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(err instanceof ConfigError ? 78 : 1);
  }
  const log = createLogger(config);
  let stop: (() => Promise<void>) | undefined;
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    log.warn('interrupted: stopping');
    // While the database is still being opened there is nothing to stop yet: the opening code checks
    // `interrupted` once it has something, and stops that.
    if (stop) void stop().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let code = 1;
  try {
    // An operator command beside a running server uses the server's embedded cluster (and leaves it running).
    const database = await openDatabase(config, log, { attach: true });
    stop = async () => {
      await database.embedded?.stop();
    };
    if (interrupted) return await stop().then(() => process.exit(130));
    const orm = await openOrm(database.url, log);
    stop = async () => {
      await orm.close(true);
      await database.embedded?.stop();
    };
    if (interrupted) return await stop().then(() => process.exit(130));
    code = (await task(orm, config, log)) ?? 0;
  } catch (err) {
    log.error({ err }, (err as Error).message);
    code = 1;
  } finally {
    await stop?.();
  }
  process.exit(code);
}

/** Runs a task that needs no database. */
export async function withoutDatabase(task: () => Promise<number | void>): Promise<never> {
  try {
    process.exit((await task()) ?? 0);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof ConfigError ? 78 : 1);
  }
}
