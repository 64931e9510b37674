import { ConfigError, loadConfig } from './config';
import { startTracing, type Tracing } from './tracing';

/**
 * Imported by main.ts before anything else: tracing must start before `pg` and `http` are first required, so that
 * their instrumentations can patch them. A bad environment is left for main.ts to report.
 */
export let tracing: Tracing | null = null;
try {
  const settings = loadConfig().tracing;
  if (settings) tracing = startTracing(settings);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
}
