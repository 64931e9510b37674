import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { Role } from '../src/auth/roles';
import { Viewer, ViewerAccount } from '../src/auth/viewer';
import { toGlobalId } from '../src/common/global-id';
import { createAccount as createFromShell } from '../src/modules/account/account.service';
import {
  AccountsDocument,
  CreateAccountDocument,
  type CreateAccountMutationVariables,
  CreateEnterpriseDocument,
  DisableAccountDocument,
  EnableAccountDocument,
  ResetAccountPasswordDocument,
} from './support/generated/graphql';
import { ADMIN_ACTOR, OFFICE_ACTOR } from './support/actors';
import { as, TestApp } from './support/app';
import { counterpartyId, enterpriseInput, resetRegistry, testCode } from './support/registry';
import { BANKS } from '../seeds/reference';

/**
 * Account management through GraphQL (issue 15: "Administrators create and disable accounts for bank officers,
 * representatives and units; the CPPCC office does so for members"): created with a first password its holder must
 * change, listed, disabled and enabled (every session ending at once), passwords reset; each call refused with a typed
 * error that writes nothing, and done through a session, audited under its username.
 */
describe('account management', () => {
  let app: TestApp;
  const admin = as(Role.ZONE_ADMIN);
  const office = as(Role.CPPCC_OFFICE);
  const ENTERPRISE = testCode(861);
  const ENTERPRISE_NAME = '武汉账户测试光电有限公司';
  const HANKOU = BANKS.find((b) => b.key === 'HANKOU')!;
  const MEMBER = { uuid: 'c0000000-0000-4000-8000-000000000861', name: '张振宇' };
  const UNIT = { uuid: 'd0000000-0000-4000-8000-000000000861', name: '武汉市科学技术局' };
  const memberId = toGlobalId('CppccMember', MEMBER.uuid);
  const unitId = toGlobalId('HandlingUnit', UNIT.uuid);
  let enterpriseId: string;
  const FIRST_PASSWORD = '光谷-initial-2026';

  beforeAll(async () => {
    // Sign-ins here come faster than a person's: the per-address limit is tested in accounts.test.ts.
    app = await TestApp.start({ env: { SIGN_IN_PER_MINUTE: '0' } });
    await resetRegistry(app.orm);
    const made = await app.execute(CreateEnterpriseDocument, { input: enterpriseInput(ENTERPRISE, ENTERPRISE_NAME) }, admin);
    enterpriseId = made.data!.createEnterprise.enterprise!.id;
    const sql = await app.sql();
    await sql.query(`insert into sector (id, code, name) values ('e0000000-0000-4000-8000-000000000861', 'SCITECH', '科学技术界')`);
    await sql.query(`insert into cppcc_member (id, name, sector_id, levels, term) values ($1, $2, 'e0000000-0000-4000-8000-000000000861', '{MUNICIPAL}', 15)`, [MEMBER.uuid, MEMBER.name]);
    await sql.query(`insert into handling_unit (id, name, level, former_names) values ($1, $2, 'MUNICIPAL', '{}')`, [UNIT.uuid, UNIT.name]);
  });
  afterAll(() => app.close());

  const rows = async <T>(q: string, p: unknown[] = []) => (await (await app.sql()).query(q, p)).rows as T[];
  const accountCount = async () => Number((await rows<{ n: string }>('select count(*) as n from account'))[0]!.n);

  type Input = CreateAccountMutationVariables['input'];
  const create = async (input: Input, by: Viewer = admin) => (await app.execute(CreateAccountDocument, { input }, by)).data!.createAccount;
  /** Creates an account that must be created, and answers its global id. */
  const made = async (input: Input, by: Viewer = admin) => {
    const payload = await create(input, by);
    expect([input.username, payload.errors]).toEqual([input.username, []]);
    return payload.account!.id;
  };

  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
  /** Signs in and, the first password being someone else's, changes it: the cookie of a session that may act. */
  const signedIn = async (username: string, password = FIRST_PASSWORD) => {
    const res = await post('/auth/sign-in', { username, password });
    expect([username, res.status]).toEqual([username, 200]);
    const changed = await post('/auth/password', { currentPassword: password, newPassword: `${password}-changed` }, cookieOf(res));
    expect([username, changed.status]).toEqual([username, 204]);
    return cookieOf(changed);
  };
  /** A GraphQL operation over HTTP with a session cookie. */
  const asSession = async <TData, TVars>(cookie: string, document: TypedDocumentNode<TData, TVars> | string, variables: TVars) => {
    const res = await post('/graphql', { query: typeof document === 'string' ? document : print(document), variables }, cookie);
    return { status: res.status, ...((await res.json()) as { data?: TData; errors?: { message: string; extensions: Record<string, unknown> }[] }) };
  };
  const whoAmI = (cookie: string) => asSession(cookie, '{ viewer { role } }', {});

  /** What AccountFields shows of a new account. */
  const fresh = (username: string, displayName: string, role: string, organization: unknown, createdBy: unknown) => ({
    id: expect.stringMatching(/^ACC_[A-Za-z0-9_-]{22}$/),
    username,
    displayName,
    role,
    organization,
    isDisabled: false,
    disabledAt: null,
    disabledReason: null,
    createdBy,
    lastSignedInAt: null,
    isLocked: false,
    lockExpiresAt: null,
    isPasswordChangeRequired: true,
  });

  it('creates the accounts each manager manages, for a person who must change the first password', async () => {
    const bankId = counterpartyId.bank('HANKOU');
    const created = {
      officer: await create({ username: ' HK.WangWei ', displayName: '王伟', role: 'BANK_OFFICER', organizationId: bankId, password: FIRST_PASSWORD }),
      rep: await create({ username: 'rep-liuyang', displayName: '刘洋', role: 'ENTERPRISE_REP', organizationId: enterpriseId, password: FIRST_PASSWORD }),
      unit: await create({ username: 'kjj-chenjing', displayName: '陈静', role: 'HANDLING_UNIT', organizationId: unitId, password: FIRST_PASSWORD }),
      office: await create({ username: 'zhxb-zhaolh', displayName: '赵丽华', role: 'CPPCC_OFFICE', password: FIRST_PASSWORD }),
      member: await create({ username: 'zhang.zhenyu', displayName: '张振宇', role: 'CPPCC_MEMBER', organizationId: memberId, password: FIRST_PASSWORD }, office),
    };
    expect(created).toEqual({
      officer: { account: fresh('hk.wangwei', '王伟', 'BANK_OFFICER', { __typename: 'Bank', creditCode: HANKOU.creditCode, name: '汉口银行' }, ADMIN_ACTOR), errors: [] },
      rep: { account: fresh('rep-liuyang', '刘洋', 'ENTERPRISE_REP', { __typename: 'Enterprise', creditCode: ENTERPRISE, name: ENTERPRISE_NAME }, ADMIN_ACTOR), errors: [] },
      unit: { account: fresh('kjj-chenjing', '陈静', 'HANDLING_UNIT', { __typename: 'HandlingUnit', id: unitId, name: UNIT.name }, ADMIN_ACTOR), errors: [] },
      office: { account: fresh('zhxb-zhaolh', '赵丽华', 'CPPCC_OFFICE', null, ADMIN_ACTOR), errors: [] },
      member: { account: fresh('zhang.zhenyu', '张振宇', 'CPPCC_MEMBER', { __typename: 'CppccMember', id: memberId, name: MEMBER.name }, OFFICE_ACTOR), errors: [] },
    });
    // Stored as a token names what it acts for; the password only as an argon2id hash.
    expect(await rows(`select username, organization, left(password_hash, 10) as hash from account where username in ('hk.wangwei', 'zhang.zhenyu') order by username`)).toEqual([
      { username: 'hk.wangwei', organization: HANKOU.creditCode, hash: '$argon2id$' },
      { username: 'zhang.zhenyu', organization: memberId, hash: '$argon2id$' },
    ]);
    // Signed in with the first password, the session may do nothing but change it.
    const first = await post('/auth/sign-in', { username: 'hk.wangwei', password: FIRST_PASSWORD });
    expect([first.status, ((await first.json()) as { mustChangePassword: boolean }).mustChangePassword]).toEqual([200, true]);
    expect(await whoAmI(cookieOf(first))).toEqual({
      status: 403,
      errors: [
        {
          message: 'Your password was set by someone else: change it first (POST /auth/password with currentPassword and newPassword).',
          extensions: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' },
        },
      ],
    });
    const changed = await post('/auth/password', { currentPassword: FIRST_PASSWORD, newPassword: '汉口银行-王伟-2026' }, cookieOf(first));
    expect(await whoAmI(cookieOf(changed))).toEqual({ status: 200, data: { viewer: { role: 'BANK_OFFICER' } } });
  });

  it('refuses what it may not create, with typed errors, and writes nothing', async () => {
    await made({ username: 'taken-name', displayName: '已占用', role: 'CPPCC_OFFICE', password: FIRST_PASSWORD });
    const before = await accountCount();
    const base = { username: 'new-person', displayName: '新用户', password: FIRST_PASSWORD };
    const refusals = {
      'an administrator’s account': await create({ ...base, role: 'ZONE_ADMIN' }),
      'a bank officer’s, by the office': await create({ ...base, role: 'BANK_OFFICER', organizationId: counterpartyId.bank('HANKOU') }, office),
      'a member’s, by an administrator': await create({ ...base, role: 'CPPCC_MEMBER', organizationId: memberId }),
      'a malformed username, no name, a weak password': await create({ username: '王', displayName: '  ', role: 'CPPCC_OFFICE', password: 'short' }),
      'the username as password': await create({ ...base, role: 'CPPCC_OFFICE', password: 'NEW-PERSON' }),
      'a taken username, in another case': await create({ ...base, username: 'Taken-Name', role: 'CPPCC_OFFICE' }),
      'a bank officer without a bank': await create({ ...base, role: 'BANK_OFFICER' }),
      'a bank officer for an enterprise': await create({ ...base, role: 'BANK_OFFICER', organizationId: enterpriseId }),
      'a representative of no enterprise': await create({ ...base, role: 'ENTERPRISE_REP', organizationId: toGlobalId('Enterprise', '00000000-0000-4000-8000-000000000000') }),
      'an office account for an organization': await create({ ...base, role: 'CPPCC_OFFICE', organizationId: unitId }),
    };
    const error = (__typename: string, code: string, path: string[], message: string) => ({ __typename, code, path, message });
    const role = ['input', 'role'];
    const org = ['input', 'organizationId'];
    expect(refusals).toEqual({
      'an administrator’s account': { account: null, errors: [error('NotPermittedError', 'NOT_PERMITTED', role, 'A ZONE_ADMIN does not manage ZONE_ADMIN accounts.')] },
      'a bank officer’s, by the office': { account: null, errors: [error('NotPermittedError', 'NOT_PERMITTED', role, 'A CPPCC_OFFICE does not manage BANK_OFFICER accounts.')] },
      'a member’s, by an administrator': { account: null, errors: [error('NotPermittedError', 'NOT_PERMITTED', role, 'A ZONE_ADMIN does not manage CPPCC_MEMBER accounts.')] },
      'a malformed username, no name, a weak password': {
        account: null,
        errors: [
          error('InvalidInputError', 'INVALID_INPUT', ['input', 'username'], 'A username is 2 to 32 letters, digits, ".", "_" or "-", starting with a letter or digit.'),
          error('InvalidInputError', 'INVALID_INPUT', ['input', 'displayName'], 'input.displayName must not be empty.'),
          error('InvalidInputError', 'INVALID_INPUT', ['input', 'password'], 'A password has at least 10 characters.'),
        ],
      },
      'the username as password': { account: null, errors: [error('InvalidInputError', 'INVALID_INPUT', ['input', 'password'], 'A password is not the username.')] },
      'a taken username, in another case': { account: null, errors: [error('DuplicateError', 'DUPLICATE', ['input', 'username'], 'The username taken-name is taken.')] },
      'a bank officer without a bank': { account: null, errors: [error('InvalidInputError', 'INVALID_INPUT', org, 'A BANK_OFFICER account acts for a Bank: give its id.')] },
      'a bank officer for an enterprise': {
        account: null,
        errors: [error('InvalidInputError', 'INVALID_INPUT', org, `A BANK_OFFICER account acts for a Bank: ${enterpriseId} is not the id of one.`)],
      },
      'a representative of no enterprise': {
        account: null,
        errors: [error('NotFoundError', 'NOT_FOUND', org, `No Enterprise has the id ${toGlobalId('Enterprise', '00000000-0000-4000-8000-000000000000')}.`)],
      },
      'an office account for an organization': {
        account: null,
        errors: [error('InvalidInputError', 'INVALID_INPUT', org, 'A CPPCC_OFFICE account acts for no organization: give no organizationId.')],
      },
    });
    expect(await accountCount()).toBe(before);
  });

  it('answers one of many creations of one username at once, the others DUPLICATE as data, never an error', async () => {
    const before = await accountCount();
    const input = { username: 'same-moment', displayName: '同时创建', role: 'HANDLING_UNIT', organizationId: unitId, password: FIRST_PASSWORD } as const;
    const answers = await Promise.all(Array.from({ length: 6 }, () => app.execute(CreateAccountDocument, { input }, admin)));
    expect(answers.map((a) => a.errors)).toEqual(Array(6).fill(undefined));
    const errors = answers.map((a) => a.data!.createAccount.errors);
    expect(errors.filter((e) => e.length === 0).length).toBe(1);
    expect(errors.filter((e) => e.length > 0)).toEqual(
      Array(5).fill([{ __typename: 'DuplicateError', code: 'DUPLICATE', path: ['input', 'username'], message: 'The username same-moment is taken.' }]),
    );
    expect(await accountCount()).toBe(before + 1);
  });

  it('lists accounts by username: an administrator every one, the office its members’, filtered by role, name or state', async () => {
    const member2 = await made({ username: 'li.haiyan', displayName: '李海燕', role: 'CPPCC_MEMBER', organizationId: memberId, password: FIRST_PASSWORD }, office);
    await made({ username: 'ouyang.ming', displayName: '欧阳明', role: 'CPPCC_MEMBER', organizationId: memberId, password: FIRST_PASSWORD }, office);
    await made({ username: 'ouyang-bank', displayName: '欧阳强', role: 'BANK_OFFICER', organizationId: counterpartyId.bank('HANKOU'), password: FIRST_PASSWORD });
    const disabled = await app.execute(DisableAccountDocument, { input: { accountId: member2, reason: '届满' } }, office);
    expect(disabled.data!.disableAccount.errors).toEqual([]);
    const list = async (viewer: Viewer, filter?: Record<string, unknown>) => {
      const { data, errors } = await app.execute(AccountsDocument, { first: 100, filter }, viewer);
      if (errors) throw new Error(JSON.stringify(errors));
      return { totalCount: data!.accounts.totalCount, usernames: data!.accounts.nodes.map((a) => a.username) };
    };
    const all = await list(admin);
    expect(all.usernames).toEqual([...all.usernames].sort());
    expect(all.usernames).toEqual(expect.arrayContaining(['li.haiyan', 'ouyang-bank', 'ouyang.ming']));
    expect(all.totalCount).toBe(Number((await rows<{ n: string }>('select count(*) as n from account'))[0]!.n));
    const members = (await rows<{ username: string }>(`select username from account where role = 'CPPCC_MEMBER' order by username`)).map((r) => r.username);
    expect(await list(office)).toEqual({ totalCount: members.length, usernames: members });
    expect(await list(office, { search: '欧阳' })).toEqual({ totalCount: 1, usernames: ['ouyang.ming'] });
    expect(await list(admin, { search: '欧阳' })).toEqual({ totalCount: 2, usernames: ['ouyang-bank', 'ouyang.ming'] });
    expect(await list(admin, { search: 'ＯＵＹＡＮＧ', role: 'BANK_OFFICER' })).toEqual({ totalCount: 1, usernames: ['ouyang-bank'] });
    const disabledMembers = (await rows<{ username: string }>(`select username from account where role = 'CPPCC_MEMBER' and disabled_at is not null order by username`)).map((r) => r.username);
    expect(await list(office, { isDisabled: true })).toEqual({ totalCount: disabledMembers.length, usernames: disabledMembers });
    expect(disabledMembers).toContain('li.haiyan');
    expect(await list(office, { search: '%' })).toEqual({ totalCount: 0, usernames: [] });
    // The office asking for another role's accounts finds none, as for a role with none.
    expect(await list(office, { role: 'BANK_OFFICER' })).toEqual({ totalCount: 0, usernames: [] });
    // Anyone else is refused, as for the other lists their role may not read.
    for (const viewer of [as(Role.BANK_OFFICER, HANKOU.creditCode), as(Role.ENTERPRISE_REP, ENTERPRISE), as(Role.CPPCC_MEMBER, memberId), as(Role.HANDLING_UNIT, unitId)]) {
      const refused = await app.execute(AccountsDocument, { first: 10 }, viewer);
      expect(refused.errors?.map((e) => [e.extensions?.['code'], e.message])).toEqual([['FORBIDDEN', `A ${viewer.role} may not use accounts.`]]);
      expect(refused.data).toBeNull();
    }
  });

  it('shows an account by id to whoever lists it, and to no one else', async () => {
    const officer = await made({ username: 'by-id-officer', displayName: '按编号', role: 'BANK_OFFICER', organizationId: counterpartyId.bank('HANKOU'), password: FIRST_PASSWORD });
    const member = await made({ username: 'by-id-member', displayName: '按编号委员', role: 'CPPCC_MEMBER', organizationId: memberId, password: FIRST_PASSWORD }, office);
    const byId = async (viewer: Viewer) =>
      (await app.execute<{ nodes: ({ username: string } | null)[] }, { ids: string[] }>('query N($ids: [ID!]!) { nodes(ids: $ids) { ... on Account { username } } }', { ids: [officer, member] }, viewer)).data!.nodes;
    expect({
      admin: await byId(admin),
      office: await byId(office),
      bank: await byId(as(Role.BANK_OFFICER, HANKOU.creditCode)),
      member: await byId(as(Role.CPPCC_MEMBER, memberId)),
    }).toEqual({
      admin: [{ username: 'by-id-officer' }, { username: 'by-id-member' }],
      office: [null, { username: 'by-id-member' }],
      bank: [null, null],
      member: [null, null],
    });
  });

  it('disables an account: every session ends at once, it cannot sign in, and why is kept; enabling lets it sign in again', async () => {
    const id = await made({ username: 'rep-disabled', displayName: '停用代表', role: 'ENTERPRISE_REP', organizationId: enterpriseId, password: FIRST_PASSWORD });
    const cookie = await signedIn('rep-disabled');
    expect(await whoAmI(cookie)).toEqual({ status: 200, data: { viewer: { role: 'ENTERPRISE_REP' } } });
    const disabled = (await app.execute(DisableAccountDocument, { input: { accountId: id, reason: '调离岗位' } }, admin)).data!.disableAccount;
    expect(disabled).toEqual({
      account: {
        ...fresh('rep-disabled', '停用代表', 'ENTERPRISE_REP', { __typename: 'Enterprise', creditCode: ENTERPRISE, name: ENTERPRISE_NAME }, ADMIN_ACTOR),
        id,
        isDisabled: true,
        disabledAt: expect.any(Date),
        disabledReason: '调离岗位',
        lastSignedInAt: expect.any(Date),
        isPasswordChangeRequired: false,
      },
      errors: [],
    });
    expect(await whoAmI(cookie)).toEqual({ status: 200, data: { viewer: null } });
    const password = `${FIRST_PASSWORD}-changed`;
    expect((await post('/auth/sign-in', { username: 'rep-disabled', password })).status).toBe(401);
    // On the trail with the reason, and what it changed.
    const { data } = await app.execute<any, any>('{ auditEvents(first: 1, filter: { operation: "disableAccount" }) { nodes { outcome change { recordId reason before after } } } }', {}, admin);
    expect(data.auditEvents.nodes).toEqual([
      { outcome: 'DONE', change: { recordId: id, reason: '调离岗位', before: { isDisabled: false }, after: { isDisabled: true, disabledAt: new Date(disabled.account!.disabledAt!).toISOString() } } },
    ]);
    const again = (await app.execute(DisableAccountDocument, { input: { accountId: id, reason: '重复' } }, admin)).data!.disableAccount;
    expect(again).toEqual({ account: null, errors: [{ __typename: 'TransitionNotAllowedError', code: 'TRANSITION_NOT_ALLOWED', path: ['input', 'accountId'], message: 'The account is disabled already.' }] });

    const enabled = (await app.execute(EnableAccountDocument, { input: { accountId: id } }, admin)).data!.enableAccount;
    expect([enabled.account?.isDisabled, enabled.account?.disabledReason, enabled.errors]).toEqual([false, null, []]);
    // The session of before stays ended; a new sign-in works.
    expect(await whoAmI(cookie)).toEqual({ status: 200, data: { viewer: null } });
    const back = await post('/auth/sign-in', { username: 'rep-disabled', password });
    expect(await whoAmI(cookieOf(back))).toEqual({ status: 200, data: { viewer: { role: 'ENTERPRISE_REP' } } });
    const enabledAgain = (await app.execute(EnableAccountDocument, { input: { accountId: id } }, admin)).data!.enableAccount;
    expect(enabledAgain).toEqual({ account: null, errors: [{ __typename: 'TransitionNotAllowedError', code: 'TRANSITION_NOT_ALLOWED', path: ['input', 'accountId'], message: 'The account is not disabled.' }] });
  });

  it('refuses to disable one’s own account, an account the viewer does not manage, and one it does not see', async () => {
    const officeAccount = await made({ username: 'office-self', displayName: '提案办自己', role: 'CPPCC_OFFICE', password: FIRST_PASSWORD });
    const officer = await made({ username: 'officer-other', displayName: '他行', role: 'BANK_OFFICER', organizationId: counterpartyId.bank('HANKOU'), password: FIRST_PASSWORD });
    await createFromShell(app.orm.em.fork(), { username: 'admin-shell', displayName: '管委会管理员', password: FIRST_PASSWORD, role: Role.ZONE_ADMIN }, 'shell');
    const [adminAccount] = await rows<{ id: string }>(`select id from account where username = 'admin-shell'`);
    const cookie = await signedIn('office-self');
    const disable = (accountId: string, reason = '测试') => ({ query: print(DisableAccountDocument), variables: { input: { accountId, reason } } });
    const asOffice = async (accountId: string) => (await asSession(cookie, disable(accountId).query, disable(accountId).variables)).data as { disableAccount: unknown };
    const error = (__typename: string, code: string, message: string) => ({ account: null, errors: [{ __typename, code, path: ['input', 'accountId'], message }] });
    expect({
      itself: (await asOffice(officeAccount)).disableAccount,
      'a bank officer, which the office does not see': (await asOffice(officer)).disableAccount,
      'an administrator, by an administrator': (await app.execute(DisableAccountDocument, { input: { accountId: toGlobalId('Account', adminAccount!.id), reason: '测试' } }, admin)).data!.disableAccount,
      'no account': (await app.execute(DisableAccountDocument, { input: { accountId: 'not-an-id', reason: '测试' } }, admin)).data!.disableAccount,
    }).toEqual({
      itself: error('NotPermittedError', 'NOT_PERMITTED', 'An account cannot disable itself.'),
      'a bank officer, which the office does not see': error('NotFoundError', 'NOT_FOUND', 'No such account.'),
      'an administrator, by an administrator': error('NotPermittedError', 'NOT_PERMITTED', 'A ZONE_ADMIN does not manage ZONE_ADMIN accounts.'),
      'no account': error('InvalidInputError', 'INVALID_INPUT', 'input.accountId is not the id of a Account.'),
    });
    const noReason = (await app.execute(DisableAccountDocument, { input: { accountId: officer, reason: ' ' } }, admin)).data!.disableAccount;
    expect(noReason).toEqual({ account: null, errors: [{ __typename: 'InvalidInputError', code: 'INVALID_INPUT', path: ['input', 'reason'], message: 'input.reason must not be empty.' }] });
    expect(await rows(`select username from account where disabled_at is not null and username in ('office-self', 'officer-other', 'admin-shell')`)).toEqual([]);
  });

  it('resets a password: the sessions end, a lockout is lifted, and the holder must change it before anything else', async () => {
    const id = await made({ username: 'member-reset', displayName: '重置委员', role: 'CPPCC_MEMBER', organizationId: memberId, password: FIRST_PASSWORD }, office);
    const cookie = await signedIn('member-reset');
    for (let i = 0; i < 5; i++) await post('/auth/sign-in', { username: 'member-reset', password: 'a-wrong-guess' });
    const locked = (await app.execute(AccountsDocument, { first: 1, filter: { search: 'member-reset' } }, office)).data!.accounts.nodes[0]!;
    const lockEnd = new Date(locked.lockExpiresAt!).getTime() - Date.now();
    expect([locked.isLocked, lockEnd > 14 * 60_000 && lockEnd <= 15 * 60_000]).toEqual([true, true]);
    const weak = (await app.execute(ResetAccountPasswordDocument, { input: { accountId: id, password: 'member-reset' } }, office)).data!.resetAccountPassword;
    expect(weak).toEqual({ account: null, errors: [{ __typename: 'InvalidInputError', code: 'INVALID_INPUT', path: ['input', 'password'], message: 'A password is not the username.' }] });
    const reset = (await app.execute(ResetAccountPasswordDocument, { input: { accountId: id, password: '委员-重置-2026' } }, office)).data!.resetAccountPassword;
    expect([reset.errors, reset.account?.isLocked, reset.account?.lockExpiresAt, reset.account?.isPasswordChangeRequired]).toEqual([[], false, null, true]);
    expect(await whoAmI(cookie)).toEqual({ status: 200, data: { viewer: null } });
    expect((await post('/auth/sign-in', { username: 'member-reset', password: `${FIRST_PASSWORD}-changed` })).status).toBe(401);
    const again = await post('/auth/sign-in', { username: 'member-reset', password: '委员-重置-2026' });
    expect([again.status, ((await again.json()) as { mustChangePassword: boolean }).mustChangePassword]).toEqual([200, true]);
    expect((await whoAmI(cookieOf(again))).status).toBe(403);
    // The office cannot reset an administrator's way into other accounts: it sees none but members'.
    const officer = await made({ username: 'officer-reset', displayName: '重置行员', role: 'BANK_OFFICER', organizationId: counterpartyId.bank('HANKOU'), password: FIRST_PASSWORD });
    const notSeen = (await app.execute(ResetAccountPasswordDocument, { input: { accountId: officer, password: '委员-重置-2026' } }, office)).data!.resetAccountPassword;
    expect(notSeen).toEqual({ account: null, errors: [{ __typename: 'NotFoundError', code: 'NOT_FOUND', path: ['input', 'accountId'], message: 'No such account.' }] });
  });

  it('audits what is done through a session under the account’s username', async () => {
    await createFromShell(app.orm.em.fork(), { username: 'audit-admin', displayName: '审计管理员', password: FIRST_PASSWORD, role: Role.ZONE_ADMIN }, 'shell');
    const cookie = await signedIn('audit-admin');
    const input = { username: 'audited-unit', displayName: '审计承办', role: 'HANDLING_UNIT', organizationId: unitId, password: FIRST_PASSWORD } as const;
    const created = await asSession(cookie, CreateAccountDocument, { input });
    const id = (created.data as { createAccount: { account: { id: string } } }).createAccount.account.id;
    await asSession(cookie, ResetAccountPasswordDocument, { input: { accountId: id, password: '承办-重置-2026' } });
    await asSession(cookie, DisableAccountDocument, { input: { accountId: id, reason: '机构调整' } });
    await asSession(cookie, EnableAccountDocument, { input: { accountId: id } });
    const { data } = await app.execute<any, any>('{ auditEvents(first: 4) { nodes { operation outcome actor { role } actorUsername } } }', {}, admin);
    expect(data.auditEvents.nodes.reverse()).toEqual(
      ['createAccount', 'resetAccountPassword', 'disableAccount', 'enableAccount'].map((operation) => ({ operation, outcome: 'DONE', actor: { role: 'ZONE_ADMIN' }, actorUsername: 'audit-admin' })),
    );
    // Viewer.account in the services: the same account is itself, whatever its role.
    const self = new Viewer(Role.ZONE_ADMIN, null, new ViewerAccount({ id: (await rows<{ id: string }>(`select id from account where username = 'audit-admin'`))[0]!.id, username: 'audit-admin', displayName: '审计管理员', sessionExpiresAt: new Date() }));
    const own = (await rows<{ id: string }>(`select id from account where username = 'audit-admin'`))[0]!.id;
    const reset = await app.execute(ResetAccountPasswordDocument, { input: { accountId: toGlobalId('Account', own), password: '自己-重置-2026' } }, self);
    expect(reset.data!.resetAccountPassword.errors).toEqual([
      { __typename: 'NotPermittedError', code: 'NOT_PERMITTED', path: ['input', 'accountId'], message: 'Change your own password with POST /auth/password.' },
    ]);
  });
});
