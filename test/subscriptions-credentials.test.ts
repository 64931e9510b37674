import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { Role } from '../src/auth/roles';
import { loadSigningKey } from '../src/auth/tokens';
import { toGlobalId } from '../src/common/global-id';
import { LocalEventHub } from '../src/subscriptions/hub';
import { as, TestApp } from './support/app';
import { LiveClient } from './support/live';

/**
 * An open subscription ends when its credential does, as the next request with it would be refused: a token when
 * verification starts refusing it, a console session when it is signed out (or disabled, or its password changed), any
 * connection when its organisation is removed. Open connections are looked at again every second here
 * (SUBSCRIPTION_RECHECK_SECONDS=1; 60 by default).
 */

const COUNT = 'subscription { unreadNotificationCount }';
const CREATE_ACCOUNT = 'mutation C($input: CreateAccountInput!) { createAccount(input: $input) { account { id } errors { code message } } }';

describe('an open subscription ends with its credential', () => {
  let app: TestApp;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ hub: new LocalEventHub(), env: { SUBSCRIPTION_RECHECK_SECONDS: '1', SIGN_IN_PER_MINUTE: '0' } });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await app.close();
  });

  const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);
  const live = (params: Record<string, unknown> | null, headers?: Record<string, string>) => {
    const client = new LiveClient(app.url, params, headers);
    clients.push(client);
    return client;
  };
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
  /** A CPPCC office account of its own, signed in twice (two sessions), its first password changed. */
  const twoSessions = async (): Promise<[string, string]> => {
    const username = `office-${randomUUID().slice(0, 8)}`;
    const created = await app.execute<any, any>(
      CREATE_ACCOUNT,
      { input: { username, displayName: '赵丽华', role: 'CPPCC_OFFICE', password: '光谷-initial-2026' } },
      as(Role.ZONE_ADMIN),
    );
    expect(created.data.createAccount.errors).toEqual([]);
    const first = await post('/auth/sign-in', { username, password: '光谷-initial-2026' });
    const changed = await post('/auth/password', { currentPassword: '光谷-initial-2026', newPassword: '光谷-changed-2026' }, cookieOf(first));
    expect([first.status, changed.status]).toEqual([200, 204]);
    const second = await post('/auth/sign-in', { username, password: '光谷-changed-2026' });
    expect(second.status).toBe(200);
    return [cookieOf(changed), cookieOf(second)];
  };

  it('closes a token’s connection when the token would be refused, and refuses it again at the gate', async () => {
    // A token past its exp by 58 s: accepted for 2 s more (60 s of clock skew is allowed, as for HTTP).
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: Role.CPPCC_OFFICE })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('innozone')
      .setAudience('innozone-graphql')
      .setSubject(Role.CPPCC_OFFICE)
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 58)
      .sign(await loadSigningKey(app.config));
    const client = live({ authorization: `Bearer ${token}` });
    const count = client.subscribe<any>(COUNT);
    expect(await count.next(1)).toEqual([{ data: { unreadNotificationCount: expect.any(Number) } }]);
    const opened = Date.now();
    expect(await client.whenClosed()).toEqual({ code: 4401, reason: 'The bearer token has expired.' });
    expect(Date.now() - opened).toBeLessThan(10_000);
    // Reconnecting with it is refused, as a request with it is.
    const again = live({ authorization: `Bearer ${token}` });
    expect(await again.whenClosed()).toEqual({ code: 4401, reason: 'The bearer token has expired.' });
    expect((await app.http('{ viewer { role } }', {}, { token })).status).toBe(401);
  });

  it('closes a session’s connection once it is signed out, and only that session’s', async () => {
    const [signedOut, kept] = await twoSessions();
    const ending = live(null, { cookie: signedOut });
    const staying = live(null, { cookie: kept });
    const [a, b] = [ending.subscribe<any>(COUNT), staying.subscribe<any>(COUNT)];
    expect([(await a.next(1)).length, (await b.next(1)).length]).toEqual([1, 1]);
    expect((await post('/auth/sign-out', {}, signedOut)).status).toBe(204);
    expect(await ending.whenClosed()).toEqual({ code: 4401, reason: 'The session has ended: sign in again.' });
    // Two more looks at the open connections: the other session's stays open.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(staying.closed).toBeNull();
  });

  it('closes a connection whose organisation was removed', async () => {
    const unit = randomUUID();
    await sql(`insert into handling_unit (id, name, level, former_names) values (?, ?, 'MUNICIPAL', '{}')`, [unit, `撤销单位${unit.slice(0, 4)}`]);
    const client = live({ authorization: `Bearer ${await app.token(Role.HANDLING_UNIT, toGlobalId('HandlingUnit', unit))}` });
    const count = client.subscribe<any>(COUNT);
    expect(await count.next(1)).toEqual([{ data: { unreadNotificationCount: 0 } }]);
    await sql('delete from handling_unit where id = ?', [unit]);
    expect(await client.whenClosed()).toEqual({ code: 4401, reason: 'The organisation this HANDLING_UNIT acts for is no longer registered.' });
  });
});
