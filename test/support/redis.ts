import net from 'node:net';

/** The Redis the tests that need one use: the machine's (CI's) unless TEST_REDIS_URL names another. */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Does anything answer a TCP connection at the Redis URL's host and port (within a second)? */
export function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 1_000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * For a test file that needs Redis: true when TEST_REDIS_URL answers. Where none does, the file is skipped with a
 * warning naming `file`, unless CI or INNOZONE_REDIS_TESTS=required is set (as `.ci/run` sets it): then it throws, so
 * the tests fail rather than pass unrun.
 */
export async function redisForTests(file: string): Promise<boolean> {
  if (await reachable(TEST_REDIS_URL)) return true;
  if (process.env['CI'] || process.env['INNOZONE_REDIS_TESTS'] === 'required') {
    throw new Error(`Redis is not reachable at ${TEST_REDIS_URL}, and CI or INNOZONE_REDIS_TESTS=required is set: ${file} must run`);
  }
  console.warn(`${file} skipped: Redis is not reachable at ${TEST_REDIS_URL} (INNOZONE_REDIS_TESTS=required makes this a failure)`);
  return false;
}
