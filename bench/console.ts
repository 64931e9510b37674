import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../src/config';
import { createServer } from '../src/server';
import { TokenService } from '../src/auth/tokens';
import { buildInnozoneSchema } from '../src/schema';
import { seedDemoZoneIfEmpty } from '../seeds';

/** Issue 15's budgets for the web console. */
export const CONSOLE_BUDGET = { firstLoadJsGzipBytes: 400 * 1024, firstLoadMs: 1500 } as const;

export interface ConsoleSize {
  /** The JavaScript the page loads before anything is clicked (its entry and the chunks it preloads), gzipped. */
  firstLoadJsGzipBytes: number;
  firstLoadCssGzipBytes: number;
  /** Chunks loaded on demand (exceljs for 导出, …), gzipped, by file. */
  lazyJsGzipBytes: Record<string, number>;
}

/** What the built console (dist/web, or `dir`) makes a browser download on first load, gzipped as a server would. */
export function consoleSize(dir: string): ConsoleSize {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const first = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!));
  const gz = (file: string) => gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length;
  const assets = readdirSync(path.join(dir, 'assets'));
  const size: ConsoleSize = { firstLoadJsGzipBytes: 0, firstLoadCssGzipBytes: 0, lazyJsGzipBytes: {} };
  for (const name of assets.sort()) {
    const file = `assets/${name}`;
    if (name.endsWith('.css') && first.has(file)) size.firstLoadCssGzipBytes += gz(file);
    else if (name.endsWith('.js') && first.has(file)) size.firstLoadJsGzipBytes += gz(file);
    else if (name.endsWith('.js')) size.lazyJsGzipBytes[name] = gz(file);
  }
  return size;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * `npm run bench -- --console`: the console's weight (always) and, with Chromium at /usr/bin/chromium (or
 * INNOZONE_CHROMIUM), its first load on localhost: the sign-in page, then the administrator's home after signing in,
 * each the median of `rounds` cold loads (a new browser context each: no cache, no cookie).
 */
export async function benchConsole(options: { orm: MikroORM; rounds: number; log: (line: string) => void; webDir: string }): Promise<void> {
  const { log, webDir } = options;
  if (!existsSync(path.join(webDir, 'index.html'))) throw new Error(`No console built in ${webDir}: run npm run build`);
  const size = consoleSize(webDir);
  const withinJs = size.firstLoadJsGzipBytes <= CONSOLE_BUDGET.firstLoadJsGzipBytes;
  log(`first-load JavaScript: ${kb(size.firstLoadJsGzipBytes)} gzipped (budget ${kb(CONSOLE_BUDGET.firstLoadJsGzipBytes)}: ${withinJs ? 'within' : 'OVER'})`);
  log(`first-load CSS: ${kb(size.firstLoadCssGzipBytes)} gzipped`);
  for (const [name, bytes] of Object.entries(size.lazyJsGzipBytes)) log(`  on demand: ${name} ${kb(bytes)} gzipped`);

  const chromium = process.env['INNOZONE_CHROMIUM'] ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    log(`first load: not measured (no browser at ${chromium})`);
    return;
  }
  await seedDemoZoneIfEmpty(options.orm, pino({ level: 'silent' }));
  const server = await createServer({
    config: loadConfig({ NODE_ENV: 'production', INNOZONE_TOKEN_SECRET: 'x'.repeat(32), WEB_DIR: webDir }),
    orm: options.orm,
    tokens: new TokenService(new TextEncoder().encode('x'.repeat(32)), '1h'),
    logger: pino({ level: 'silent' }),
    schema: await buildInnozoneSchema(),
  });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  // localhost, not 127.0.0.1: production's __Host- cookie is Secure, which Chromium keeps over plain HTTP on localhost only.
  const url = `http://localhost:${(server.httpServer.address() as { port: number }).port}`;
  // playwright-core is a development dependency: the bench runs from a checkout, never in production.
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const signInMs: number[] = [];
    const homeMs: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      let start = performance.now();
      await page.goto(`${url}/`);
      await page.getByRole('button', { name: '登录' }).waitFor();
      signInMs.push(performance.now() - start);
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill('innozone-demo');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('button', { name: '退出' }).waitFor();
      // The home page, cold (a new context: no cache) with the session: until the network is quiet (queries answered).
      const cookies = await context.cookies();
      await context.close();
      const cold = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      await cold.addCookies(cookies);
      const home = await cold.newPage();
      start = performance.now();
      await home.goto(`${url}/`, { waitUntil: 'networkidle' });
      await home.getByRole('button', { name: '退出' }).waitFor();
      homeMs.push(performance.now() - start);
      await cold.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const first = median(signInMs);
    log(`first load, sign-in page: ${first.toFixed(0)} ms median of ${options.rounds} (budget ${CONSOLE_BUDGET.firstLoadMs} ms: ${first <= CONSOLE_BUDGET.firstLoadMs ? 'within' : 'OVER'})`);
    log(`administrator's home, signed in, cold cache, until the network is quiet: ${median(homeMs).toFixed(0)} ms median`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
