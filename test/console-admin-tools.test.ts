import { writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { BANKS } from '../seeds/reference';
import { NAMED_ENTERPRISES } from '../seeds/zone';
import type { TestApp } from './support/app';
import { describeInBrowser, exportedRows, launchBrowser, signIn, tableRows, watchedPage } from './support/browser';
import { startOnDemo } from './support/demo';
import { builtConsole } from './support/web';

/**
 * The console's tools for the people who run the zone: 账户管理 (administrators; the office for members), the
 * password change a created account makes first, and 数据导入 (a check listing every row's problems, then the import).
 */
describeInBrowser('the console’s accounts and imports in a real browser', () => {
  jest.setTimeout(180_000);
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startOnDemo({ env: { WEB_DIR: builtConsole() }, accounts: true });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets an administrator create a bank officer’s account, whose holder must change the password first, then disable it', async () => {
    const hankou = BANKS.find((b) => b.key === 'HANKOU')!;
    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'admin');
    await page.getByRole('link', { name: '账户管理' }).click();
    const form = page.getByRole('form', { name: '新建账户' });
    // The roles an administrator gives: never another administrator (those only from the shell), never a member.
    expect(await form.getByLabel('角色').locator('option').allInnerTexts()).toEqual(['银行客户经理', '企业代表', '承办单位', '提案委员会办公室']);
    await form.getByLabel('用户名').fill('li.ming');
    await form.getByLabel('姓名或名称').fill('李明');
    await form.getByLabel('初始密码').fill('short');
    await form.getByLabel('所属单位').selectOption({ label: hankou.name });
    // The browser checks the length first; past it, the server's rule speaks Chinese.
    await form.getByLabel('初始密码').fill('li.ming');
    await form.getByLabel('初始密码').evaluate((input) => input.removeAttribute('minlength'));
    await form.getByRole('button', { name: '创建账户' }).click();
    await form.getByText('密码须为 10 至 128 个字符，且不能与用户名相同。').waitFor();
    await form.getByLabel('初始密码').fill('hankou-2026-first');
    await form.getByRole('button', { name: '创建账户' }).click();
    await page.getByText('已创建账户 li.ming。').waitFor();
    // The same username again: taken, in Chinese.
    await form.getByLabel('用户名').fill('li.ming');
    await form.getByLabel('姓名或名称').fill('李明二');
    await form.getByLabel('初始密码').fill('hankou-2026-other');
    await form.getByLabel('所属单位').selectOption({ label: hankou.name });
    await form.getByRole('button', { name: '创建账户' }).click();
    await form.getByText('该用户名已被使用。').waitFor();

    await page.getByLabel('搜索用户名或姓名').fill('李明');
    await page.getByRole('cell', { name: 'li.ming' }).waitFor();
    expect((await tableRows(page, '账户管理')).map((r) => r.slice(0, 5))).toEqual([['li.ming', '李明', '银行客户经理', hankou.name, '启用，待修改初始密码']]);
    await watched.screenshot('admin-accounts');
    const exported = await exportedRows(page, '账户管理');
    expect(exported.rows.map((r) => r.slice(0, 5))).toEqual([
      ['用户名', '姓名或名称', '角色', '所属单位', '状态'],
      ['li.ming', '李明', '银行客户经理', hankou.name, '启用，待修改初始密码'],
    ]);

    // Its holder signs in, must change the password before anything else, and then sees the bank's pages.
    const holder = await watchedPage(browser, app);
    const held = holder.page;
    await held.goto(`${app.url}/`);
    await held.getByLabel('用户名').fill('li.ming');
    await held.getByLabel('密码').fill('hankou-2026-first');
    await held.getByRole('button', { name: '登录' }).click();
    await held.getByRole('heading', { name: '请先修改密码' }).waitFor();
    await holder.screenshot('console-password-change-required');
    await held.getByLabel('当前密码').fill('hankou-2026-first');
    await held.getByLabel('新密码', { exact: true }).fill('li-ming-own-password');
    await held.getByLabel('再次输入新密码').fill('li-ming-own-password');
    await held.getByRole('button', { name: '保存新密码' }).click();
    await held.getByRole('button', { name: '退出' }).waitFor();
    expect(await held.locator('header .who').innerText()).toContain('李明');

    // Disabled by the administrator (with a reason): the holder's session ends at once.
    await page.getByRole('button', { name: '停用' }).click();
    await page.getByLabel('停用原因').fill('调离岗位');
    await page.getByRole('button', { name: '确认停用' }).click();
    await page.getByText('已停用账户 li.ming，其登录已全部退出。').waitFor();
    expect((await tableRows(page, '账户管理')).map((r) => r[4])).toEqual(['已停用']);
    await held.reload();
    await held.getByRole('button', { name: '登录' }).waitFor();

    for (const w of [watched, holder]) {
      expect(w.foreign()).toEqual([]);
      // Browsers log refused requests themselves (the 403 before the password change, the refused re-creation none).
      expect(w.problems.filter((p) => !p.startsWith('Failed to load resource: the server responded with a status of 403'))).toEqual([]);
    }
  });

  it('gives the CPPCC office its members’ accounts only', async () => {
    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'office');
    await page.getByRole('link', { name: '账户管理' }).click();
    const form = page.getByRole('form', { name: '新建账户' });
    expect(await form.getByLabel('角色').locator('option').allInnerTexts()).toEqual(['政协委员']);
    await page.getByRole('cell', { name: 'member' }).waitFor();
    expect((await tableRows(page, '账户管理')).map((r) => [r[0], r[2]])).toEqual([['member', '政协委员']]);
    expect(watched.foreign()).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  it('imports a CSV of dishonest-debtor checks: the check lists each row’s problems in Chinese and writes nothing, the import writes all', async () => {
    const watched = await watchedPage(browser, app);
    const page = await signIn(watched, app, 'admin');
    await page.getByRole('link', { name: '数据导入' }).click();
    await page.getByLabel('导入内容').selectOption('DISHONEST_DEBTOR_CHECKS');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'innozone-import-'));
    const header = '\ufeff统一社会信用代码,查询日期,是否列入失信名单,查询来源';
    const [a, b] = NAMED_ENTERPRISES;
    const bad = path.join(dir, '失信查询（有误）.csv');
    await writeFile(bad, `${header}\r\n${a!.creditCode},2026-01-05,否,中国执行信息公开网\r\n91420100XXXXXXXXXX,2026-01-05,否,中国执行信息公开网\r\n${b!.creditCode},2026-01-05,也许,中国执行信息公开网\r\n`);
    const checks = async () => (await app.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from dishonest_debtor_check'))[0]!.n;
    const before = await checks();
    await page.getByLabel('选择文件').setInputFiles(bad);
    await page.getByRole('button', { name: '检查（不写入）' }).click();
    await page.getByText('检查发现 2 个问题，未写入任何数据。请改正后重新检查。').waitFor();
    const problems = await tableRows(page, '问题清单');
    expect(problems.map((r) => r.slice(0, 2))).toEqual([
      ['3', '统一社会信用代码'],
      ['4', '是否列入失信名单'],
    ]);
    for (const [, , message] of problems) expect(message).toMatch(/[\u4e00-\u9fff]/);
    await watched.screenshot('admin-import-check');
    expect(await checks()).toBe(before);

    const good = path.join(dir, '失信查询.csv');
    await writeFile(good, `${header}\r\n${a!.creditCode},2026-01-05,否,中国执行信息公开网\r\n${b!.creditCode},2026-01-05,否,中国执行信息公开网\r\n`);
    await page.getByLabel('选择文件').setInputFiles(good);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText('导入成功：已写入 2 行。').waitFor();
    expect(Number(await checks())).toBe(Number(before) + 2);
    await page.getByRole('cell', { name: '失信查询.csv' }).first().waitFor();
    expect((await tableRows(page, '导入记录')).map((r) => r.slice(1, 7))).toEqual([
      ['失信被执行人查询', '失信查询.csv', '导入', '成功', '2', '0'],
      ['失信被执行人查询', '失信查询（有误）.csv', '检查', '未写入', '3', '2'],
    ]);
    await watched.screenshot('admin-import');
    // The template of the kind is this server's, downloaded as it is.
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '失信被执行人查询.xlsx' }).click()]);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(watched.foreign()).toEqual([]);
    expect(watched.problems).toEqual([]);
  });
});
