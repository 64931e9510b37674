import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright-core';
import { Role } from '../src/auth/roles';
import { projectPath } from '../src/project';
import type { TestApp } from './support/app';
import { startOnDemo } from './support/demo';

/**
 * innozone's pages in a real browser: Debian's Chromium (playwright's own download cannot reach its host here),
 * driven by playwright-core. A machine without it skips these tests, saying so; CI installs it and sets
 * INNOZONE_BROWSER_TESTS=required, so there a missing browser fails. Screenshots go to test/artifacts/ (ignored by
 * git) for a person to look at.
 */
const EXECUTABLE = process.env['INNOZONE_CHROMIUM'] ?? '/usr/bin/chromium';
const REQUIRED = process.env['INNOZONE_BROWSER_TESTS'] === 'required';
const present = existsSync(EXECUTABLE);
const ARTIFACTS = projectPath('test', 'artifacts');

it('has a browser to test the pages with, where CI requires one', () => {
  if (!present && !REQUIRED) console.warn(`No browser at ${EXECUTABLE}: the browser tests are skipped (apt-get install chromium fonts-noto-cjk).`);
  expect({ browser: EXECUTABLE, present: present || !REQUIRED }).toEqual({ browser: EXECUTABLE, present: true });
});

(present ? describe : describe.skip)('in a real browser', () => {
  jest.setTimeout(120_000);
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startOnDemo();
    // As this machine's Chromium must run as root in a sandbox-less container, and with no network of its own to reach.
    browser = await chromium.launch({
      executablePath: EXECUTABLE,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await mkdir(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('runs GraphiQL from this server alone: an administrator’s example answered, no other host asked, nothing refused', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));

    // A browser opening /graphql lands on GraphiQL, its tabs one example per role.
    await page.goto(`${app.url}/graphql`);
    expect(new URL(page.url()).pathname).toBe('/graphiql');
    const tabs = page.locator('.graphiql-tab');
    await tabs.first().waitFor();
    expect(await tabs.allInnerTexts()).toEqual(['ZonePortfolio', 'MyClients', 'MyProposals', 'ReviewQueue', 'Inbox', 'MyEnterprise']);
    await page.getByText('区管委（ZONE_ADMIN）', { exact: false }).first().waitFor();

    // The administrator's token in the Headers editor, then run: the portfolio comes back.
    const token = await app.token(Role.ZONE_ADMIN);
    await page.getByRole('button', { name: 'Headers' }).click();
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await headers.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.result-window');
    await response.getByText('enterpriseCount', { exact: false }).waitFor();
    const answer = await response.innerText();
    expect(answer).toContain('"portfolioSummary"');
    expect(answer).not.toContain('"errors"');
    await page.screenshot({ path: `${ARTIFACTS}/graphiql.png` });

    const origin = new URL(app.url).origin;
    expect(requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
