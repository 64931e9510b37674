import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Role } from '../src/auth/roles';
import { projectPath } from '../src/project';
import { DEMO_PASSWORD, loadDemoAccounts } from '../seeds/accounts';
import { BANKS } from '../seeds/reference';
import { NAMED_ENTERPRISES } from '../seeds/zone';
import { createAccount, disableAccount, disableDemoAccounts, MAX_SESSIONS, signIn as checkSignIn, startSession } from '../src/modules/account/account.service';
import { clientKey } from '../src/auth/sessions';
import { toGlobalId } from '../src/common/global-id';
import { as, TestApp } from './support/app';
import { startOnDemo } from './support/demo';

/** People sign in with a username and password (issue 15, item 1); their session is a cookie. */
describe('accounts and sign-in', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Sign-ins here come faster than a person's: the per-address limit is tested apart, below.
    app = await startOnDemo({ env: { SIGN_IN_PER_MINUTE: '0' } });
    expect(await loadDemoAccounts(app.orm)).toEqual(['admin', 'bank', 'member', 'office', 'unit', 'rep']);
  }, 120_000);
  afterAll(() => app.close());

  const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const signIn = (username: string, password = DEMO_PASSWORD) => post('/auth/sign-in', { username, password });
  /** The session cookie a sign-in set, as a browser sends it back. */
  const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
  const viewer = async (cookie: string) => {
    const res = await post('/graphql', { query: '{ viewer { role organization { __typename } } }' }, { cookie });
    return ((await res.json()) as { data: { viewer: { role: string; organization: { __typename: string } | null } | null } }).data.viewer;
  };
  /** The audit events of an operation, oldest first, as an administrator reads them. */
  const trail = async (operation: string) => {
    const { data } = await app.execute<{ auditEvents: { nodes: { actor: { role: string } | null; actorUsername: string | null; outcome: string }[] } }, Record<string, unknown>>(
      'query T($operation: String) { auditEvents(first: 100, filter: { operation: $operation }) { nodes { actor { role } actorUsername outcome } } }',
      { operation },
      as(Role.ZONE_ADMIN),
    );
    return data!.auditEvents.nodes.reverse();
  };
  const failure = async (res: Response) => [res.status, ((await res.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]];

  it('signs each demo account in as its role, in a cookie no script reads and no other site sends', async () => {
    const expected: Record<string, [Role, string | null]> = {
      admin: [Role.ZONE_ADMIN, null],
      bank: [Role.BANK_OFFICER, 'Bank'],
      member: [Role.CPPCC_MEMBER, 'CppccMember'],
      office: [Role.CPPCC_OFFICE, null],
      unit: [Role.HANDLING_UNIT, 'HandlingUnit'],
      rep: [Role.ENTERPRISE_REP, 'Enterprise'],
    };
    for (const [username, [role, organization]] of Object.entries(expected)) {
      const res = await signIn(username);
      const body = (await res.json()) as { account: { username: string; role: string } };
      expect([res.status, body.account.username, body.account.role]).toEqual([200, username, role]);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^innozone_session=[A-Za-z0-9_-]{43}; Max-Age=4319\d; Path=\/; HttpOnly; SameSite=Strict$/);
      expect(await viewer(cookieOf(res))).toEqual({ role, organization: organization && { __typename: organization } });
    }
    // The username in any case or width is the same account.
    // The table keeps the session id's hash only, and the password's argon2id hash.
    const stored = async () =>
      (await sql<{ hash: string; sessions: string }>(
        `select password_hash as hash, (select count(*) from account_session s where s.account_id = a.id) as sessions from account a where username = 'admin'`,
      ))[0]!;
    const before = Number((await stored()).sessions);
    expect((await signIn(' ＡＤＭＩＮ ')).status).toBe(200);
    expect((await stored()).hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(Number((await stored()).sessions)).toBe(before + 1);
  });

  it('lists in the README the demo accounts the seed makes, with the organizations they act for', async () => {
    const readme = await readFile(projectPath('README.md'), 'utf8');
    const rows = await sql<{ username: string; role: string; organization: string | null }>('select username, role, organization from account where created_by = ? order by created_at, username', ['seed']);
    expect(rows.map((r) => r.username).sort()).toEqual(['admin', 'bank', 'member', 'office', 'rep', 'unit']);
    for (const r of rows) expect([r.username, readme.includes(`| \`${r.username}\` | ${r.role} |`)]).toEqual([r.username, true]);
    expect(readme).toContain(`password \`${DEMO_PASSWORD}\``);
    expect(readme).toContain(`(\`${rows.find((r) => r.username === 'rep')!.organization}\`)`);
  });

  it('answers a wrong password and an unknown username alike, and locks the account after five failures within fifteen minutes', async () => {
    const [{ seq: before }] = (await sql<{ seq: string }>('select coalesce(max(seq), 0) as seq from audit_event')) as [{ seq: string }];
    const unknown = await failure(await signIn('nobody', 'whatever-it-is'));
    const wrong = await failure(await signIn('office', 'not-the-password'));
    const same = [401, { message: 'The username or password is not right.', extensions: { code: 'UNAUTHENTICATED' } }];
    expect([unknown, wrong]).toEqual([same, same]);
    for (let i = 2; i <= 4; i++) expect((await signIn('office', 'not-the-password')).status).toBe(401);
    const fifth = await signIn('office', 'not-the-password');
    const retryAfter = Number(fifth.headers.get('retry-after'));
    expect([await failure(fifth), retryAfter > 14 * 60 && retryAfter <= 15 * 60]).toEqual([
      [429, { message: 'Too many failed attempts: try again in 15 minute(s).', extensions: { code: 'ACCOUNT_LOCKED' } }],
      true,
    ]);
    // Locked: even the right password waits.
    expect((await signIn('office')).status).toBe(429);
    // Fifteen minutes later (moved back here), the right password signs in and the count starts again.
    await sql(`update sign_in_failure set locked_until = now() - interval '1 second', window_started_at = now() - interval '15 minutes' where username = 'office'`);
    expect((await signIn('office')).status).toBe(200);
    expect(await sql(`select * from sign_in_failure where username = 'office'`)).toEqual([]);
    // Every attempt on the account is on the audit trail.
    const trail = await sql<{ outcome: string; reason: string | null }>(
      `select outcome, details->>'reason' as reason from audit_event where operation = 'signIn' and actor_role = 'CPPCC_OFFICE' and seq > ? order by seq`,
      [before],
    );
    expect(trail.map((e) => `${e.outcome} ${e.reason ?? ''}`.trim())).toEqual([
      'REFUSED WRONG_PASSWORD', 'REFUSED WRONG_PASSWORD', 'REFUSED WRONG_PASSWORD', 'REFUSED WRONG_PASSWORD', 'REFUSED LOCKED', 'REFUSED LOCKED', 'DONE',
    ]);
  });

  it('counts attempts sent at once before checking any: no more than five are checked, then the account is locked', async () => {
    const [{ seq: before }] = (await sql<{ seq: string }>('select coalesce(max(seq), 0) as seq from audit_event')) as [{ seq: string }];
    const statuses = await Promise.all(Array.from({ length: 10 }, () => signIn('rep', 'a-wrong-password').then((r) => r.status)));
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect((await signIn('rep')).status).toBe(429);
    const checked = await sql<{ n: string }>(
      `select count(*) as n from audit_event where operation = 'signIn' and actor_role = 'ENTERPRISE_REP' and details->>'reason' = 'WRONG_PASSWORD' and seq > ?`,
      [before],
    );
    expect(Number(checked[0]!.n)).toBeLessThanOrEqual(4);
    await sql(`delete from sign_in_failure where username = 'rep'`);
  });

  it('answers a malformed or oversized username or password as a wrong one, not as an error', async () => {
    const cases: [string, string][] = [['ad\u0000min', DEMO_PASSWORD], ['x'.repeat(500), DEMO_PASSWORD], ['admin', 'p'.repeat(5_000)]];
    for (const [username, password] of cases) {
      expect([username.length, (await signIn(username, password)).status]).toEqual([username.length, 401]);
    }
  });

  it('disables the demo accounts, as a production server does at every start', async () => {
    const em = app.orm.em.fork();
    await createAccount(em, { username: 'kept', displayName: '长期账户', password: 'kept-2026-password', role: Role.CPPCC_OFFICE }, 'shell');
    const cookie = cookieOf(await signIn('admin'));
    const disabled = await disableDemoAccounts(em);
    expect(disabled).toEqual(['admin', 'bank', 'member', 'office', 'rep', 'unit']);
    expect([await viewer(cookie), (await signIn('admin')).status, (await signIn('kept', 'kept-2026-password')).status]).toEqual([null, 401, 200]);
    // Enabled again for the tests that follow.
    await sql(`update account set disabled_at = null where created_by = 'seed'`);
  });

  it('refuses what a form of another site could send: no JSON, no sign-in and no GraphQL on the cookie', async () => {
    const form = await fetch(`${app.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=admin&password=${DEMO_PASSWORD}`,
    });
    expect(form.status).toBe(415);
    const cookie = cookieOf(await signIn('admin'));
    const simple = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: JSON.stringify({ query: 'mutation { recordPark(input: { code: "CSRF", name: "跨站", nameEn: "Cross-site" }) { errors { code } } }' }),
    });
    expect(simple.status).toBe(400);
    expect(await sql(`select code from park where code = 'CSRF'`)).toEqual([]);
  });

  it('changes a password: every session of the account ends, this one goes on under a new id, and a weak one is refused', async () => {
    // An account of its own: the demo's keep their password for the other tests, in whatever order they run.
    const [member] = await sql<{ id: string }>(`select organization as id from account where username = 'member'`);
    await createAccount(app.orm.em.fork(), { username: 'pw-member', displayName: '改密委员', password: DEMO_PASSWORD, role: Role.CPPCC_MEMBER, organization: member!.id }, 'shell');
    const first = cookieOf(await signIn('pw-member'));
    const second = cookieOf(await signIn('pw-member'));
    const weak = await post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' }, { cookie: first });
    expect(await failure(weak)).toEqual([400, { message: 'A password has at least 10 characters.', extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' } }]);
    const unchanged = await post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }, { cookie: first });
    expect(await failure(unchanged)).toEqual([400, { message: 'The new password must differ from the current one.', extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' } }]);
    const wrong = await post('/auth/password', { currentPassword: 'not-it-at-all', newPassword: '光谷提案-2027年度' }, { cookie: first });
    expect(await failure(wrong)).toEqual([400, { message: 'The current password is not right.', extensions: { code: 'BAD_USER_INPUT', field: 'currentPassword' } }]);
    // A wrong current password counts toward the lockout, as a wrong sign-in does.
    expect(await sql(`select failed_attempts from sign_in_failure where username = 'pw-member'`)).toEqual([{ failed_attempts: 1 }]);
    const changed = await post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: '光谷提案-2027年度' }, { cookie: first });
    // The session is rotated: a new id in the cookie, with the end the session had (its absolute lifetime, not renewed).
    const rotated = changed.headers.get('set-cookie')!;
    expect([changed.status, rotated]).toEqual([204, expect.stringMatching(/^innozone_session=[A-Za-z0-9_-]{43}; Max-Age=4319\d; Path=\/; HttpOnly; SameSite=Strict$/)]);
    expect(rotated.split(';')[0]).not.toBe(first);
    expect([await viewer(first), await viewer(second), (await viewer(rotated.split(';')[0]!))?.role]).toEqual([null, null, Role.CPPCC_MEMBER]);
    expect([(await signIn('pw-member')).status, (await signIn('pw-member', '光谷提案-2027年度')).status]).toEqual([401, 200]);
  });

  it('ends a session idle for two hours, and one past its twelve, however used; notes its use at most once a minute', async () => {
    const idle = cookieOf(await signIn('bank'));
    const old = cookieOf(await signIn('bank'));
    const fresh = cookieOf(await signIn('bank'));
    const hashOf = (cookie: string) => createHash('sha256').update(cookie.split('=')[1]!).digest('base64url');
    await sql(`update account_session set last_seen_at = now() - interval '2 hours 1 second' where id_hash = ?`, [hashOf(idle)]);
    await sql(`update account_session set expires_at = now() - interval '1 second' where id_hash = ?`, [hashOf(old)]);
    expect([await viewer(idle), await viewer(old), (await viewer(fresh))?.role]).toEqual([null, null, Role.BANK_OFFICER]);
    // The next sign-in of the account clears its ended sessions from the table.
    const rows = () => sql<{ h: string }>('select id_hash as h from account_session where id_hash = any(?::text[])', [`{${[idle, old].map(hashOf).join(',')}}`]);
    expect((await rows()).length).toBe(2);
    const another = cookieOf(await signIn('bank'));
    expect([(await rows()).length, (await viewer(another))?.role]).toEqual([0, Role.BANK_OFFICER]);
    // Used again within the minute: its last use stays; a minute on, it moves.
    const seen = async () => Number((await sql<{ ms: string }>('select extract(epoch from last_seen_at) * 1000 as ms from account_session where id_hash = ?', [hashOf(fresh)]))[0]!.ms);
    const first = await seen();
    await viewer(fresh);
    expect(await seen()).toBe(first);
    await sql(`update account_session set last_seen_at = last_seen_at - interval '61 seconds' where id_hash = ?`, [hashOf(fresh)]);
    await viewer(fresh);
    expect(await seen()).toBeGreaterThanOrEqual(first);
  });

  it('signs out: the cookie is cleared, the session ends, and the audit trail names the account', async () => {
    const cookie = cookieOf(await signIn('unit'));
    const signedIn = await trail('signOut');
    const out = await post('/auth/sign-out', {}, { cookie });
    expect([out.status, out.headers.get('set-cookie')]).toEqual([204, 'innozone_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict']);
    expect(await viewer(cookie)).toBeNull();
    expect((await trail('signOut')).slice(signedIn.length)).toEqual([{ actor: { role: 'HANDLING_UNIT' }, actorUsername: 'unit', outcome: 'DONE' }]);
    // Signing out again (the session is gone) changes nothing and records nothing.
    expect((await post('/auth/sign-out', {}, { cookie })).status).toBe(204);
    expect((await trail('signOut')).length).toBe(signedIn.length + 1);
  });

  it('tells the web console who is signed in (Viewer.account), and nothing of the kind for a bearer token', async () => {
    const cookie = cookieOf(await signIn('bank'));
    const query = '{ viewer { role account { username displayName sessionExpiresAt } } }';
    const bySession = (await (await post('/graphql', { query }, { cookie })).json()) as { data: { viewer: { account: { sessionExpiresAt: string } } } };
    const endsIn = Date.parse(bySession.data.viewer.account.sessionExpiresAt) - Date.now();
    expect([bySession, endsIn > 11.9 * 3_600_000 && endsIn <= 12 * 3_600_000]).toEqual([
      { data: { viewer: { role: 'BANK_OFFICER', account: { username: 'bank', displayName: '招商银行客户经理', sessionExpiresAt: expect.any(String) } } } },
      true,
    ]);
    const byToken = await app.http(query, {}, { token: await app.token(Role.BANK_OFFICER, BANKS.find((b) => b.key === 'CMB')!.creditCode) });
    expect(byToken).toEqual({ data: { viewer: { role: 'BANK_OFFICER', account: null } }, status: 200 });
  });

  it('answers an unknown username and a disabled account exactly as an account: counted alike, locked alike, for fifteen minutes and no longer', async () => {
    const em = app.orm.em.fork();
    for (const username of ['enum-real', 'enum-off']) {
      await createAccount(em, { username, displayName: '枚举测试', password: 'enum-2026-password', role: Role.CPPCC_OFFICE }, 'shell');
    }
    await disableAccount(em, 'enum-off');
    /** Seven wrong passwords in a row under a username, as a client sees the answers. */
    const answers = async (username: string) => {
      const seen = [];
      for (let i = 0; i < 7; i++) {
        const res = await signIn(username, 'not-the-password');
        const retryAfter = res.headers.get('retry-after');
        seen.push([res.status, await res.json(), retryAfter === null ? null : Number(retryAfter) > 14 * 60 && Number(retryAfter) <= 15 * 60]);
      }
      return seen;
    };
    const real = await answers('enum-real');
    expect(real.map(([status]) => status)).toEqual([401, 401, 401, 401, 429, 429, 429]);
    expect([await answers('no-such-person'), await answers('enum-off')]).toEqual([real, real]);
    // Attempts during a lock do not extend it: the username is free again fifteen minutes after it locked.
    const locks = () => sql<{ username: string; locked_until: Date }>(`select username, locked_until from sign_in_failure where username in ('enum-real', 'no-such-person') order by username`);
    const locked = await locks();
    for (const username of ['enum-real', 'no-such-person']) for (let i = 0; i < 3; i++) expect((await signIn(username, 'again-and-again')).status).toBe(429);
    expect(await locks()).toEqual(locked);
    await sql(`update sign_in_failure set locked_until = now() - interval '1 second', window_started_at = now() - interval '15 minutes' where username in ('enum-real', 'no-such-person')`);
    expect([(await signIn('no-such-person', 'x-1234567890')).status, (await signIn('enum-real', 'enum-2026-password')).status]).toEqual([401, 200]);
    // Failures count within fifteen minutes of the first: four, then one more a quarter of an hour on, locks nothing.
    for (let i = 0; i < 4; i++) await signIn('slow-guess', 'not-the-password');
    await sql(`update sign_in_failure set window_started_at = window_started_at - interval '15 minutes' where username = 'slow-guess'`);
    expect((await signIn('slow-guess', 'not-the-password')).status).toBe(401);
    expect(await sql(`select failed_attempts from sign_in_failure where username = 'slow-guess'`)).toEqual([{ failed_attempts: 1 }]);
    // On the trail: the unknown username's attempts with no actor, naming the username tried; the disabled account's as itself.
    const tried = (await trail('signIn')).filter((e) => e.actorUsername === 'no-such-person' || e.actorUsername === 'enum-off');
    expect(tried.slice(0, 2)).toEqual([
      { actor: null, actorUsername: 'no-such-person', outcome: 'REFUSED' },
      { actor: null, actorUsername: 'no-such-person', outcome: 'REFUSED' },
    ]);
    expect(tried.filter((e) => e.actorUsername === 'enum-off')).toEqual(Array(7).fill({ actor: { role: 'CPPCC_OFFICE' }, actorUsername: 'enum-off', outcome: 'REFUSED' }));
    expect(tried.filter((e) => e.actorUsername === 'no-such-person').length).toBe(7 + 3 + 1);
  });

  it('ends a session whose sign-in raced with a password change or a disabling: it cannot outlive them', async () => {
    await createAccount(app.orm.em.fork(), { username: 'race-rep', displayName: '竞态代表', password: DEMO_PASSWORD, role: Role.ENTERPRISE_REP, organization: NAMED_ENTERPRISES[0]!.creditCode }, 'shell');
    const cookieFor = (session: { id: string }) => `innozone_session=${session.id}`;
    // A sign-in checks the old password; before it makes its session, the holder changes the password elsewhere.
    const em = app.orm.em.fork();
    const checked = await checkSignIn(em, 'race-rep', DEMO_PASSWORD);
    if (!checked.ok) throw new Error('the sign-in was refused');
    const elsewhere = cookieOf(await signIn('race-rep'));
    expect((await post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: '竞态-2027-password' }, { cookie: elsewhere })).status).toBe(204);
    expect(await viewer(cookieFor(await startSession(app.orm.em.fork(), checked.account)))).toBeNull();
    // The same with a disabling, and an enabling after it: a session made from a check before them never counts.
    const before = await checkSignIn(app.orm.em.fork(), 'race-rep', '竞态-2027-password');
    if (!before.ok) throw new Error('the sign-in was refused');
    await disableAccount(app.orm.em.fork(), 'race-rep');
    const [account] = await sql<{ id: string }>(`select id from account where username = 'race-rep'`);
    const enabled = await app.execute<any, any>('mutation E($input: EnableAccountInput!) { enableAccount(input: $input) { errors { code } } }', { input: { accountId: toGlobalId('Account', account!.id) } }, as(Role.ZONE_ADMIN));
    expect(enabled.data).toEqual({ enableAccount: { errors: [] } });
    expect(await viewer(cookieFor(await startSession(app.orm.em.fork(), before.account)))).toBeNull();
    expect((await viewer(cookieOf(await signIn('race-rep', '竞态-2027-password'))))?.role).toBe(Role.ENTERPRISE_REP);
  });

  it(`keeps at most ${MAX_SESSIONS} sessions of an account: one more sign-in ends the oldest`, async () => {
    await createAccount(app.orm.em.fork(), { username: 'many-tabs', displayName: '多会话', password: DEMO_PASSWORD, role: Role.CPPCC_OFFICE }, 'shell');
    const cookies = [];
    for (let i = 0; i <= MAX_SESSIONS; i++) cookies.push(cookieOf(await signIn('many-tabs')));
    const roles = [];
    for (const cookie of cookies) roles.push((await viewer(cookie))?.role ?? null);
    expect(roles).toEqual([null, ...Array(MAX_SESSIONS).fill(Role.CPPCC_OFFICE)]);
    expect(await sql(`select count(*)::int as n from account_session s join account a on a.id = s.account_id where a.username = 'many-tabs'`)).toEqual([{ n: MAX_SESSIONS }]);
  });

  it('binds an account to an organization that exists, for the roles that act for one, as tokens are', async () => {
    const em = app.orm.em.fork();
    const bank = BANKS.find((b) => b.key === 'HANKOU')!.creditCode;
    const attempts = [
      { username: 'hk-officer', displayName: '汉口银行客户经理', password: 'hankou-2026-pass', role: Role.BANK_OFFICER, organization: null },
      { username: 'hk-officer', displayName: '汉口银行客户经理', password: 'hankou-2026-pass', role: Role.BANK_OFFICER, organization: '91420100MA4K0A1B6M' },
      { username: 'admin2', displayName: '管理员', password: 'admin2-2026-pass', role: Role.ZONE_ADMIN, organization: bank },
      { username: 'admin', displayName: '重复', password: 'admin2-2026-pass', role: Role.ZONE_ADMIN, organization: null },
      { username: 'x', displayName: '太短', password: 'admin2-2026-pass', role: Role.ZONE_ADMIN, organization: null },
    ];
    const refusals = [];
    for (const attempt of attempts) refusals.push(await createAccount(em, attempt, 'ZONE_ADMIN').then(() => 'created', (e: { field: string }) => e.field));
    expect(refusals).toEqual(['organization', 'organization', 'organization', 'username', 'username']);
    await createAccount(em, { ...attempts[0]!, organization: bank }, 'ZONE_ADMIN');
    expect((await signIn('hk-officer', 'hankou-2026-pass')).status).toBe(200);
  });

  it('adds, lists, disables, enables and resets accounts from the shell (npm run user); a disabled account’s sessions end at once', async () => {
    const user = (args: string[], input = '') =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(
          process.execPath,
          [projectPath('dist', 'src', 'cli', 'user.js'), ...args],
          { env: { ...process.env, DATABASE_URL: app.orm.config.get('clientUrl')!, NODE_ENV: 'production', LOG_LEVEL: 'warn' } },
          (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
        child.stdin!.end(input);
      });
    const rep = NAMED_ENTERPRISES[1]!;
    const added = await user(['add', '--username', 'Rep2', '--role', 'ENTERPRISE_REP', '--org', rep.creditCode, '--name', '企业联络人'], 'rep2-2026-password\n');
    expect(added).toEqual({ code: 0, stdout: `added rep2 (ENTERPRISE_REP for ${rep.creditCode})\n`, stderr: '' });
    const cookie = cookieOf(await signIn('rep2', 'rep2-2026-password'));
    expect(await viewer(cookie)).toEqual({ role: Role.ENTERPRISE_REP, organization: { __typename: 'Enterprise' } });
    const listed = await user(['list']);
    expect(listed.stdout.split('\n').filter((l) => l.startsWith('rep2\t'))).toEqual([`rep2\tENTERPRISE_REP\t${rep.creditCode}\t企业联络人\tactive`]);
    // Locked by five wrong passwords, unlocked from the shell: the right one signs in again.
    for (let i = 0; i < 5; i++) await signIn('rep2', 'not-rep2-password');
    expect((await signIn('rep2', 'rep2-2026-password')).status).toBe(429);
    expect(await user(['unlock', '--username', 'REP2'])).toEqual({ code: 0, stdout: 'unlocked rep2\n', stderr: '' });
    expect((await signIn('rep2', 'rep2-2026-password')).status).toBe(200);
    expect(await user(['disable', '--username', 'rep2'])).toEqual({ code: 0, stdout: 'disabled rep2; its sessions have ended\n', stderr: '' });
    expect([await viewer(cookie), (await signIn('rep2', 'rep2-2026-password')).status]).toEqual([null, 401]);
    // Enabled and reset from the shell too (an administrator's account is managed nowhere else).
    expect(await user(['enable', '--username', 'rep2'])).toEqual({ code: 0, stdout: 'enabled rep2\n', stderr: '' });
    const again = cookieOf(await signIn('rep2', 'rep2-2026-password'));
    expect(await user(['reset', '--username', 'rep2'], 'rep2-2027-password\n')).toEqual({ code: 0, stdout: 'reset the password of rep2; its sessions have ended\n', stderr: '' });
    expect([await viewer(again), (await signIn('rep2', 'rep2-2026-password')).status, (await signIn('rep2', 'rep2-2027-password')).status]).toEqual([null, 401, 200]);
    expect(await user(['add', '--username', 'weak', '--role', 'ZONE_ADMIN'], 'short\n')).toEqual({ code: 1, stdout: '', stderr: 'password: A password has at least 10 characters.\n' });
    expect((await user(['remove'])).code).toBe(2);
  }, 180_000); // a dozen `npm run user` processes, each a Node start with its own ORM: over a minute on a busy 2-core machine
});

describe('sign-in attempts from one address', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { SIGN_IN_PER_MINUTE: '3' } });
  });
  afterAll(() => app.close());

  it('are held to SIGN_IN_PER_MINUTE, whichever accounts they try (guessing across accounts)', async () => {
    const attempt = (username: string) =>
      fetch(`${app.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'guess-1234567' }) });
    const statuses = [];
    for (const username of ['a1', 'a2', 'a3', 'a4']) statuses.push((await attempt(username)).status);
    const fifth = await attempt('a5');
    expect([...statuses, fifth.status]).toEqual([401, 401, 401, 429, 429]);
    const body = (await fifth.json()) as { errors: { extensions: { code: string } }[] };
    expect([body.errors[0]!.extensions.code, Number(fifth.headers.get('retry-after')) > 0]).toEqual(['RATE_LIMITED', true]);
    // Without TRUST_PROXY, a client cannot claim another address to get a fresh budget.
    const claimed = await fetch(`${app.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ username: 'a6', password: 'guess-1234567' }),
    });
    expect(claimed.status).toBe(429);
  });

  it('count an IPv4 address alone and an IPv6 address by its /64 (a host holds a whole /64)', () => {
    expect(['127.0.0.1', '::ffff:10.1.2.3', '2001:db8:1:2:3:4:5:6', '2001:db8:1:2:ffff::9', '2001:db8::1', '::1', undefined].map(clientKey)).toEqual([
      '127.0.0.1',
      '10.1.2.3',
      '2001:db8:1:2::/64',
      '2001:db8:1:2::/64',
      '2001:db8:0:0::/64',
      '0:0:0:0::/64',
      '',
    ]);
  });
});

describe('sign-in attempts behind a proxy (TRUST_PROXY)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { SIGN_IN_PER_MINUTE: '1', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => app.close());

  it('are counted per client the proxy names, not per proxy', async () => {
    const attempt = (client: string) =>
      fetch(`${app.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ username: 'someone', password: 'guess-1234567' }),
      }).then((r) => r.status);
    expect([await attempt('198.51.100.1'), await attempt('198.51.100.2'), await attempt('198.51.100.1')]).toEqual([401, 401, 429]);
  });
});

describe('the session cookie in production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { NODE_ENV: 'production', SIGN_IN_PER_MINUTE: '0' } });
    await createAccount(app.orm.em.fork(), { username: 'prod-office', displayName: '提案办', password: 'prod-office-2026', role: Role.CPPCC_OFFICE }, 'shell');
  });
  afterAll(() => app.close());

  it('is Secure and __Host- prefixed, so only this host over HTTPS sets it, for the whole site', async () => {
    const res = await fetch(`${app.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'prod-office', password: 'prod-office-2026' }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-innozone_session=[A-Za-z0-9_-]{43}; Max-Age=4319\d; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    const asked = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0]! },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(await asked.json()).toEqual({ data: { viewer: { role: 'CPPCC_OFFICE' } } });
  });
});
