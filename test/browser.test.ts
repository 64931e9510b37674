import type { Browser } from 'playwright-core';
import { Role } from '../src/auth/roles';
import type { TestApp } from './support/app';
import { ARTIFACTS, BROWSER_REQUIRED, CHROMIUM, describeInBrowser, HAS_BROWSER, launchBrowser, signIn, watchedPage } from './support/browser';
import { startOnDemo } from './support/demo';
import { builtConsole } from './support/web';

/**
 * innozone's pages in a real browser (test/support/browser.ts): GraphiQL, and the web console's sign-in and frame;
 * each role's pages have their own file (test/console-*.test.ts). Screenshots go to test/artifacts/.
 */
it('has a browser to test the pages with, where CI requires one', () => {
  if (!HAS_BROWSER && !BROWSER_REQUIRED) console.warn(`No browser at ${CHROMIUM}: the browser tests are skipped (apt-get install chromium fonts-noto-cjk).`);
  expect({ browser: CHROMIUM, present: HAS_BROWSER || !BROWSER_REQUIRED }).toEqual({ browser: CHROMIUM, present: true });
});

describeInBrowser('in a real browser', () => {
  jest.setTimeout(120_000);
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startOnDemo({ env: { WEB_DIR: builtConsole() } });
    browser = await launchBrowser();
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

describeInBrowser('the web console in a real browser', () => {
  jest.setTimeout(120_000);
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startOnDemo({ env: { WEB_DIR: builtConsole() }, accounts: true });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('signs in with 用户名 and 密码: a wrong password is refused in Chinese, the right one opens the role’s pages, 退出 ends it', async () => {
    const watched = await watchedPage(browser, app);
    const { page } = watched;
    await page.goto(`${app.url}/`);
    expect(await page.title()).toBe('东湖示范区创新数据平台 · innozone');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('用户名或密码不正确。');
    await watched.screenshot('console-sign-in-refused');

    await page.getByLabel('密码').fill('innozone-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出' }).waitFor();
    expect(await page.locator('header .role').innerText()).toBe('管委会管理员');
    await page.getByRole('link', { name: '我的账户' }).click();
    expect(await page.locator('.facts').innerText()).toBe('用户名\nadmin\n姓名\n区管委管理员\n角色\n管委会管理员\n所属单位\n（不代表任何单位）');

    // English on request, kept across a reload; back to Chinese.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('.facts').innerText()).toBe('Username\nadmin\nName\n区管委管理员\nRole\nZone administrator\nOrganization\n(acts for no organization)');
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();

    // A bank officer is told its bank.
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    await signIn(watched, app, 'bank');
    expect(await page.locator('header .who').innerText()).toContain('银行客户经理');
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    // Signed out, the session is gone: GraphQL answers as to nobody.
    const viewer = await page.evaluate(async () =>
      (await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { role } }' }) })).json(),
    );
    expect(viewer).toEqual({ data: { viewer: null } });
    expect(watched.foreign()).toEqual([]);
    // The browser logs the refused sign-in's 401 itself; nothing else went wrong.
    expect(watched.problems).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
  });
});
