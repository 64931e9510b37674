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
    interrupted = true;
    log.warn('interrupted: stopping');
    void (stop?.() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let code = 1;
  try {
    const database = await openDatabase(config, log);
    const orm = await openOrm(database.url, log).catch(async (err) => {
      await database.embedded?.stop();
      throw err;
    });
    stop = async () => {
      await orm.close(true);
      await database.embedded?.stop();
    };
    if (interrupted) await new Promise(() => undefined); // onSignal finishes the job
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
