import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { mkdir } from 'node:fs/promises';
import { type Browser, type Page, chromium } from 'playwright-core';
import { projectPath } from '../../src/project';
import type { TestApp } from './app';

/**
 * The browser the console and GraphiQL are tested in: Debian's Chromium (playwright's own download cannot reach its
 * host here), driven by playwright-core. A machine without it skips the browser tests, saying so; CI installs it and
 * sets INNOZONE_BROWSER_TESTS=required, so there a missing browser fails (test/browser.test.ts checks).
 */
export const CHROMIUM = process.env['INNOZONE_CHROMIUM'] ?? '/usr/bin/chromium';
export const BROWSER_REQUIRED = process.env['INNOZONE_BROWSER_TESTS'] === 'required';
export const HAS_BROWSER = existsSync(CHROMIUM);
/** Screenshots for a person to look at (ignored by git). */
export const ARTIFACTS = projectPath('test', 'artifacts');
/** `describe` where a browser is present, else `describe.skip`. */
export const describeInBrowser = HAS_BROWSER ? describe : describe.skip;

/** The password of every demo account (seeds/accounts.ts). */
export const DEMO_PASSWORD = 'innozone-demo';

export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  // As this machine's Chromium must run as root in a sandbox-less container, and with no network of its own to reach.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page of the browser that records what it asked of other hosts and what went wrong in it. */
export interface WatchedPage {
  page: Page;
  /** URLs requested of any host but the app's (data: and blob: aside): must stay empty. */
  foreign(): string[];
  /** Console errors and uncaught exceptions of the page: must stay empty. */
  problems: string[];
  screenshot(name: string): Promise<void>;
}

export async function watchedPage(browser: Browser, app: TestApp, options: { language?: 'zh-CN' | 'en-GB'; acceptDownloads?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: options.language ?? 'zh-CN', acceptDownloads: options.acceptDownloads ?? true });
  const page = await context.newPage();
  const requested: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const origin = new URL(app.url).origin;
  return {
    page,
    problems,
    foreign: () => requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')),
    screenshot: async (name) => {
      await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
    },
  };
}

/** Opens the console and signs in through its form (用户名, 密码, 登录) as a demo account; resolves on its first page. */
export async function signIn(watched: WatchedPage, app: TestApp, username: string, password = DEMO_PASSWORD): Promise<Page> {
  const { page } = watched;
  await page.goto(`${app.url}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
  return page;
}

/** The cells of a DataTable (a region named by its title), row by row, as the reader sees them. */
export async function tableRows(page: Page, title: string): Promise<string[][]> {
  const table = page.locator(`section.table-card[aria-label="${title}"]`);
  await table.waitFor();
  // Run in the page: its elements are typed there, not in this (DOM-less) project.
  return table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as unknown as { innerText: string }).innerText.trim())));
}

/** The column headers of a DataTable, as the reader sees them (once it is drawn: a page shows it when its data is in). */
export async function tableHeaders(page: Page, title: string): Promise<string[]> {
  const table = page.locator(`section.table-card[aria-label="${title}"]`);
  await table.waitFor();
  return table.locator('thead th').allInnerTexts();
}

/** Clicks a DataTable's 导出 and reads the .xlsx back with exceljs: its header row, then its rows. */
export async function exportedRows(page: Page, title: string): Promise<{ fileName: string; rows: (string | number | null)[][] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`section.table-card[aria-label="${title}"]`).getByRole('button', { name: '导出' }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  const width = sheet.getRow(1).cellCount;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(Array.from({ length: width }, (_, i) => (values[i] == null ? null : (values[i] as string | number))));
  });
  return { fileName: download.suggestedFilename(), rows };
}
