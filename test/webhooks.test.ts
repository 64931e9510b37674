import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Role } from '../src/auth/roles';
import { startJobs } from '../src/events/jobs';
import { InMemoryEventPublisher } from '../src/events/publisher';
import { relayPending } from '../src/events/relay';
import { checkDestination } from '../src/events/webhook-allow-list';
import { deliverOnce } from '../src/events/webhook-delivery';
import { DELIVERY_ID, WEBHOOK_ID } from '../src/events/webhook.types';
import { BANKS } from '../seeds/reference';
import { projectPath } from '../src/project';
import { as, TestApp } from './support/app';
import { addMonths, zoneToday } from './support/clock';
import { enterpriseInput, resetRegistry, testCode } from './support/registry';

/**
 * Issue 17 item 5: webhooks. Each test has its own bank and enterprise (and URL paths on the one receiver), so they run
 * in any order (`--randomize`): a bank's webhook gets its bank's events, signed; a failing receiver is retried by pg-boss
 * with backoff and ends DEAD, listed, and sent again on request; the allow-list keeps URLs (and the addresses they
 * resolve to) where the zone's administrators said.
 */
const admin = as(Role.ZONE_ADMIN);
const RUN = randomUUID().slice(0, 8);

const REGISTER = `mutation R($input: RegisterWebhookInput!) { registerWebhook(input: $input) {
  webhook { id url events isEnabled recipient { role } } errors { __typename code message path } } }`;
const SET_ALLOW_LIST = `mutation S($input: SetWebhookAllowListInput!) { setWebhookAllowList(input: $input) { allowList { entries } errors { __typename code message path } } }`;
const WEBHOOKS = `query W { webhooks(first: 100) { totalCount nodes { id url isEnabled
  deliveries(first: 20) { totalCount nodes { id eventId kind status attemptCount lastStatusCode lastError attempts { number at statusCode error } } } } } }`;
const DEAD = `query D { webhooks(first: 100) { nodes { id deliveries(first: 20, status: DEAD) { totalCount nodes { id kind status attemptCount } } } } }`;
const GRANT = 'mutation G($input: GrantAuthorizationInput!) { grantAuthorization(input: $input) { authorization { id } errors { code } } }';
const REVOKE = 'mutation V($input: RevokeAuthorizationInput!) { revokeAuthorization(input: $input) { authorization { id } errors { code } } }';

/**
 * How a receiver checks a delivery: the README's own function (section "Webhooks", the ```js block defining
 * `verifyInnozoneSignature`), run as written, so the example a bank copies is the one tested.
 */
let readmeVerify: (secret: string, header: string, body: string, now?: number) => boolean;
async function loadReadmeVerify(): Promise<void> {
  const readme = await readFile(projectPath('README.md'), 'utf8');
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!).find((code) => code.includes('function verifyInnozoneSignature'));
  if (!block) throw new Error('README "Webhooks" no longer shows verifyInnozoneSignature');
  const body = block.replace(/^import .*$/m, '').replace(/^export /m, '');
  readmeVerify = new Function('createHmac', 'timingSafeEqual', `${body}\nreturn verifyInnozoneSignature;`)(createHmac, timingSafeEqual);
}
const verify = (secret: string, header: string, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean =>
  readmeVerify(secret, header, body, nowSeconds * 1000);

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('webhooks', () => {
  jest.setTimeout(90_000);
  let app: TestApp;
  let receiver: http.Server;
  let origin: string;
  const received: Received[] = [];
  /** Answers by path: /ok 200, /fail 500, /flaky 500 twice (per path) then 200, /redirect 302 to /ok. */
  const seen = new Map<string, number>();
  let failing = new Set<string>();

  beforeAll(async () => {
    await loadReadmeVerify();
    app = await TestApp.start();
    await resetRegistry(app.orm);
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const path = req.url ?? '';
        received.push({ path, headers: req.headers, body });
        const n = (seen.get(path) ?? 0) + 1;
        seen.set(path, n);
        if (path.startsWith('/redirect/')) {
          res.writeHead(302, { location: `${origin}/ok${path}` }).end();
        } else if (path.startsWith('/fail/') && failing.has(path)) {
          res.writeHead(500).end('down');
        } else if (path.startsWith('/flaky/') && n <= 2) {
          res.writeHead(500).end('not yet');
        } else {
          res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    // The receiver, named by its address: loopback is reached because the entry names it.
    const set = await app.execute<any, any>(SET_ALLOW_LIST, { input: { entries: [origin, 'https://*.icbc.com.cn'] } }, admin);
    expect(set.data.setWebhookAllowList).toEqual({ allowList: { entries: [origin, 'https://*.icbc.com.cn'] }, errors: [] });
  });

  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    await app.close();
  });

  const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);
  const secret = () => randomBytes(32).toString('hex');

  /** Registers a webhook as `viewer` at `path` on the receiver; returns its id. */
  async function register(viewer: ReturnType<typeof as>, path: string, events: string[], key: string): Promise<string> {
    const r = await app.execute<any, any>(REGISTER, { input: { url: `${origin}${path}`, events, secret: key } }, viewer);
    expect(r.data.registerWebhook.errors).toEqual([]);
    return r.data.registerWebhook.webhook.id;
  }

  /** An enterprise of the test, and a grant of it to `bank`; returns the authorization's global id. */
  async function grant(code: string, bank: (typeof BANKS)[number]): Promise<string> {
    const created = await app.execute<any, any>('mutation C($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { errors { code } } }', { input: enterpriseInput(code, `武汉钩子${RUN}${code.slice(-4)}有限公司`) }, admin);
    expect(created.data.createEnterprise.errors).toEqual([]);
    const today = zoneToday();
    const input = { creditCode: code, bankCreditCode: bank.creditCode, scopes: ['PROFILE'], purpose: `钩子测试${RUN}`, validFrom: today, validUntil: addMonths(today, 12), signer: '王伟', paperReference: `授权书-${RUN}-${code.slice(-4)}` };
    const granted = await app.execute<any, any>(GRANT, { input }, admin);
    expect(granted.data.grantAuthorization.errors).toEqual([]);
    return granted.data.grantAuthorization.authorization.id;
  }

  /** Relays, then sends each waiting delivery of these webhooks once (its last attempt: DELIVERED or DEAD). */
  async function deliver(webhookIds: string[]): Promise<void> {
    await relayPending(app.orm.em.fork(), new InMemoryEventPublisher());
    const rows = await sql<{ id: string }>(`select id from webhook_delivery where webhook_id = any(?::uuid[]) and status in ('PENDING', 'RETRYING') order by created_at`, [
      `{${webhookIds.map((id) => WEBHOOK_ID.uuid(id)).join(',')}}`,
    ]);
    for (const r of rows) await deliverOnce(app.orm.em.fork(), r.id, { timeoutMs: 5_000, final: true });
  }

  const on = (prefix: string) => received.filter((r) => r.path.startsWith(prefix));
  const webhook = async (viewer: ReturnType<typeof as>, id: string) =>
    ((await app.execute<any, any>(WEBHOOKS, {}, viewer)).data.webhooks.nodes as any[]).find((w) => w.id === id);

  it('delivers a bank its authorization’s grant and revocation, signed with its secret; another bank, an enterprise’s other webhook and a disabled one get nothing', async () => {
    const [bank, other] = [BANKS.find((b) => b.key === 'HANKOU')!, BANKS.find((b) => b.key === 'HUBEI')!];
    const code = testCode(17_501);
    const key = secret();
    const base = `/ok/${RUN}/grant`;
    const ours = await register(as(Role.BANK_OFFICER, bank.creditCode), `${base}/bank`, ['AUTHORIZATION_GRANTED', 'AUTHORIZATION_REVOKED'], key);
    const theirs = await register(as(Role.BANK_OFFICER, other.creditCode), `${base}/other-bank`, ['AUTHORIZATION_GRANTED', 'AUTHORIZATION_REVOKED'], secret());
    const anotherEnterprise = await register(as(Role.ENTERPRISE_REP, testCode(17_502)), `${base}/other-enterprise`, ['AUTHORIZATION_GRANTED'], secret());
    const disabled = await register(as(Role.BANK_OFFICER, bank.creditCode), `${base}/disabled`, ['AUTHORIZATION_GRANTED'], secret());
    const off = await app.execute<any, any>('mutation D($input: DisableWebhookInput!) { disableWebhook(input: $input) { webhook { isEnabled } errors { code } } }', { input: { id: disabled } }, as(Role.BANK_OFFICER, bank.creditCode));
    expect(off.data.disableWebhook).toEqual({ webhook: { isEnabled: false }, errors: [] });

    const authorizationId = await grant(code, bank);
    await deliver([ours, theirs, anotherEnterprise, disabled]);
    const revoked = await app.execute<any, any>(REVOKE, { input: { authorizationId } }, as(Role.ENTERPRISE_REP, code));
    expect(revoked.data.revokeAuthorization.errors).toEqual([]);
    await deliver([ours, theirs, anotherEnterprise, disabled]);

    const got = on(`${base}/`);
    expect(got.map((r) => r.path)).toEqual([`${base}/bank`, `${base}/bank`]);
    const bodies = got.map((r) => JSON.parse(r.body));
    const name = `武汉钩子${RUN}${code.slice(-4)}有限公司`;
    expect(bodies).toEqual([
      {
        id: got[0]!.headers['innozone-event-id'],
        kind: 'AUTHORIZATION_GRANTED',
        occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        subjectId: authorizationId,
        title: { chinese: `${name}已向${bank.name}授权查询数据`, english: `${name} authorized ${bank.name} to see its data` },
        data: { date: expect.any(String), enterpriseCreditCode: code, bankCreditCode: bank.creditCode },
      },
      {
        id: got[1]!.headers['innozone-event-id'],
        kind: 'AUTHORIZATION_REVOKED',
        occurredAt: expect.any(String),
        subjectId: authorizationId,
        title: { chinese: `${name}已撤销对${bank.name}的数据授权`, english: `${name} revoked the authorization of ${bank.name}` },
        data: { date: expect.any(String), enterpriseCreditCode: code, bankCreditCode: bank.creditCode },
      },
    ]);
    for (const r of got) {
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(r.headers['innozone-event-id']).toMatch(/^EVT_[A-Za-z0-9_-]{22}$/);
      // Verified with its secret; not with another, nor with a body changed, nor when five minutes old.
      const signature = r.headers['innozone-signature'] as string;
      const t = Number(/t=(\d+)/.exec(signature)![1]);
      expect([verify(key, signature, r.body), verify(secret(), signature, r.body), verify(key, signature, r.body.replace('"kind":"', '"kind":"X')), verify(key, signature, r.body, t + 301)]).toEqual([
        true,
        false,
        false,
        false,
      ]);
    }
    // Visible through the API: both DELIVERED on their first attempt, with the event ids sent.
    const mine = await webhook(as(Role.BANK_OFFICER, bank.creditCode), ours);
    expect(mine.deliveries.nodes.map((d: any) => [d.kind, d.status, d.attemptCount, d.lastStatusCode, d.lastError, d.eventId])).toEqual([
      ['AUTHORIZATION_REVOKED', 'DELIVERED', 1, 200, null, got[1]!.headers['innozone-event-id']],
      ['AUTHORIZATION_GRANTED', 'DELIVERED', 1, 200, null, got[0]!.headers['innozone-event-id']],
    ]);
    // The other bank sees its own webhook only, with nothing delivered; the disabled one has no delivery at all.
    const otherView = (await app.execute<any, any>(WEBHOOKS, {}, as(Role.BANK_OFFICER, other.creditCode))).data.webhooks;
    expect(otherView.nodes.map((w: any) => [w.id, w.deliveries.totalCount])).toEqual([[theirs, 0]]);
    expect((await webhook(as(Role.BANK_OFFICER, bank.creditCode), disabled)).deliveries.totalCount).toBe(0);
    // The secret is stored encrypted: the plain text is nowhere in the row.
    const [row] = await sql<{ text: string }>(`select encode(secret_ciphertext, 'escape') as text from webhook where id = ?`, [WEBHOOK_ID.uuid(ours)]);
    expect(row!.text.includes(key)).toBe(false);
  });

  it('retries a failing receiver with backoff through pg-boss, delivers on the third attempt, makes one that always fails DEAD and sends it again on request', async () => {
    const bank = BANKS.find((b) => b.key === 'CCB')!;
    const officer = as(Role.BANK_OFFICER, bank.creditCode);
    const flaky = await register(officer, `/flaky/${RUN}/jobs`, ['AUTHORIZATION_GRANTED'], secret());
    const dead = await register(officer, `/fail/${RUN}/jobs`, ['AUTHORIZATION_GRANTED'], secret());
    failing = new Set([...failing, `/fail/${RUN}/jobs`]);
    const url = app.orm.config.get('clientUrl')!;
    const jobs = await startJobs({
      config: { jobs: { enabled: true, sweepCron: '0 2 * * *', notificationRetentionDays: 365 }, webhooks: { retryLimit: 2, retryDelaySeconds: 1, timeoutMs: 5_000 } },
      orm: app.orm,
      ownerUrl: url,
      listenUrl: url,
      publisher: new InMemoryEventPublisher(),
      log: pino({ level: 'silent' }),
    });
    const settled = async (id: string, until: (d: any) => boolean) => {
      for (let i = 0; i < 240; i++) {
        const d = (await webhook(officer, id)).deliveries.nodes[0];
        if (d && until(d)) return d;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`delivery of ${id} did not settle`);
    };
    try {
      await grant(testCode(17_503), bank);
      const delivered = await settled(flaky, (d) => d.status === 'DELIVERED');
      const dying = await settled(dead, (d) => d.status === 'DEAD');
      expect([delivered.status, delivered.attempts.map((a: any) => [a.number, a.statusCode, a.error])]).toEqual([
        'DELIVERED',
        [
          [1, 500, 'HTTP 500'],
          [2, 500, 'HTTP 500'],
          [3, 200, null],
        ],
      ]);
      // Exponential backoff (retryDelay 1 s): at least 1 s before the second attempt, at least 2 s before the third.
      const at = delivered.attempts.map((a: any) => Date.parse(a.at));
      expect([at[1] - at[0] >= 900, at[2] - at[1] >= 1_900]).toEqual([true, true]);
      // One that always fails: DEAD after 1 + WEBHOOK_RETRY_LIMIT attempts, on the dead-letter list.
      expect([dying.attemptCount, dying.lastStatusCode, dying.lastError]).toEqual([3, 500, 'HTTP 500']);
      const list = ((await app.execute<any, any>(DEAD, {}, officer)).data.webhooks.nodes as any[]).find((w) => w.id === dead);
      expect(list.deliveries).toEqual({ totalCount: 1, nodes: [{ id: dying.id, kind: 'AUTHORIZATION_GRANTED', status: 'DEAD', attemptCount: 3 }] });
      // The receiver was called exactly once per attempt (exactly once across the jobs' workers).
      expect([on(`/flaky/${RUN}/jobs`).length, on(`/fail/${RUN}/jobs`).length]).toEqual([3, 3]);

      // Sent again once the receiver is back: the same event id, a fourth attempt, DELIVERED.
      failing = new Set([...failing].filter((p) => p !== `/fail/${RUN}/jobs`));
      const again = await app.execute<any, any>(
        'mutation A($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { delivery { id status attemptCount } errors { code } } }',
        { input: { id: dying.id } },
        officer,
      );
      expect(again.data.redeliverWebhookDelivery).toEqual({ delivery: { id: dying.id, status: 'PENDING', attemptCount: 3 }, errors: [] });
      const back = await settled(dead, (d) => d.status === 'DELIVERED');
      expect([back.attemptCount, back.lastStatusCode, back.eventId]).toEqual([4, 200, dying.eventId]);
      const bodies = on(`/fail/${RUN}/jobs`).map((r) => r.headers['innozone-event-id']);
      expect(new Set(bodies)).toEqual(new Set([dying.eventId]));
      // A delivered one is not sent again.
      const twice = await app.execute<any, any>('mutation A($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { delivery { id } errors { code } } }', { input: { id: dying.id } }, officer);
      expect(twice.data.redeliverWebhookDelivery).toEqual({ delivery: null, errors: [{ code: 'TRANSITION_NOT_ALLOWED' }] });
    } finally {
      await jobs.stop(5_000);
    }
  });

  it('signs with a rotated secret from then on, and sends nothing that was waiting when the webhook was disabled', async () => {
    const bank = BANKS.find((b) => b.key === 'ICBC')!;
    const officer = as(Role.BANK_OFFICER, bank.creditCode);
    const [before, after] = [secret(), secret()];
    const id = await register(officer, `/ok/${RUN}/rotate`, ['AUTHORIZATION_GRANTED'], before);
    const update = 'mutation U($input: UpdateWebhookInput!) { updateWebhook(input: $input) { webhook { url events } errors { code path } } }';
    const rotated = await app.execute<any, any>(update, { input: { id, secret: after } }, officer);
    expect(rotated.data.updateWebhook).toEqual({ webhook: { url: `${origin}/ok/${RUN}/rotate`, events: ['AUTHORIZATION_GRANTED'] }, errors: [] });
    await grant(testCode(17_505), bank);
    await deliver([id]);
    const [got] = on(`/ok/${RUN}/rotate`);
    const signature = got!.headers['innozone-signature'] as string;
    expect([verify(after, signature, got!.body), verify(before, signature, got!.body)]).toEqual([true, false]);
    // Written by the relay, then the webhook disabled before its job ran: not sent, DEAD (and not sent again while disabled).
    await grant(testCode(17_506), bank);
    await relayPending(app.orm.em.fork(), new InMemoryEventPublisher());
    const off = await app.execute<any, any>('mutation D($input: DisableWebhookInput!) { disableWebhook(input: $input) { errors { code } } }', { input: { id } }, officer);
    expect(off.data.disableWebhook.errors).toEqual([]);
    await deliver([id]);
    const deliveries = (await webhook(officer, id)).deliveries.nodes;
    expect(deliveries.map((d: any) => [d.status, d.attemptCount, d.lastError])).toEqual([
      ['DEAD', 1, 'The webhook was disabled before this delivery was sent.'],
      ['DELIVERED', 1, null],
    ]);
    expect(on(`/ok/${RUN}/rotate`).length).toBe(1);
    const again = await app.execute<any, any>('mutation A($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { errors { code message } } }', { input: { id: deliveries[0].id } }, officer);
    expect(again.data.redeliverWebhookDelivery.errors).toEqual([{ code: 'TRANSITION_NOT_ALLOWED', message: 'Its webhook is disabled: enable it first.' }]);
  });

  it('does not follow a redirect: the delivery fails with the 302 and the target is never called', async () => {
    const bank = BANKS.find((b) => b.key === 'BOCOM')!;
    const id = await register(as(Role.BANK_OFFICER, bank.creditCode), `/redirect/${RUN}`, ['AUTHORIZATION_GRANTED'], secret());
    await grant(testCode(17_504), bank);
    await deliver([id]);
    const d = (await webhook(as(Role.BANK_OFFICER, bank.creditCode), id)).deliveries.nodes;
    expect(d.map((x: any) => [x.status, x.attemptCount, x.lastStatusCode, x.lastError])).toEqual([
      ['DEAD', 1, 302, `HTTP 302: redirects are not followed (to ${origin}/ok/redirect/${RUN})`],
    ]);
    expect([on(`/redirect/${RUN}`).length, on(`/ok/redirect/${RUN}`).length]).toEqual([1, 0]);
  });

  it('refuses a URL not on the allow-list, or a link-local one, with a typed error and nothing written', async () => {
    const bank = as(Role.BANK_OFFICER, BANKS.find((b) => b.key === 'BOC')!.creditCode);
    const count = async () => Number((await sql<{ n: string }>('select count(*) as n from webhook'))[0]!.n);
    const before = await count();
    const port = new URL(origin).port;
    for (const [url, message] of [
      [`http://127.0.0.2:${port}/hook`, `http://127.0.0.2:${port} is not on the zone’s webhook allow-list: ask the zone’s administrators to allow it.`],
      // Same host, https where the entry says http; and http where it says https.
      [`https://127.0.0.1:${port}/hook`, `https://127.0.0.1:${port} is not on the zone’s webhook allow-list: ask the zone’s administrators to allow it.`],
      ['http://api.icbc.com.cn/hook', 'http://api.icbc.com.cn is not on the zone’s webhook allow-list: ask the zone’s administrators to allow it.'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is link-local, a metadata service or otherwise never reachable by webhooks.'],
    ]) {
      const r = await app.execute<any, any>(REGISTER, { input: { url, events: ['AUTHORIZATION_GRANTED'], secret: secret() } }, bank);
      expect(r.data.registerWebhook).toEqual({ webhook: null, errors: [{ __typename: 'WebhookUrlNotAllowedError', code: 'INVALID_INPUT', message, path: ['input', 'url'] }] });
    }
    // A short secret, and a kind a bank is never told of.
    const weak = await app.execute<any, any>(REGISTER, { input: { url: `${origin}/ok/${RUN}/weak`, events: ['PROPOSAL_SUBMITTED'], secret: 'short' } }, bank);
    expect(weak.data.registerWebhook.errors.map((e: any) => [e.code, e.path])).toEqual([
      ['INVALID_INPUT', ['input', 'events', '0']],
      ['INVALID_INPUT', ['input', 'secret']],
    ]);
    expect(await count()).toBe(before);
    // Nor can the list be made to allow a metadata address.
    const metadata = await app.execute<any, any>(SET_ALLOW_LIST, { input: { entries: [origin, 'http://169.254.169.254'] } }, admin);
    expect(metadata.data.setWebhookAllowList.errors.map((e: any) => [e.__typename, e.path])).toEqual([['WebhookUrlNotAllowedError', ['input', 'entries', '1']]]);
    const list = await app.execute<any, any>('query { webhookAllowList { entries } }', {}, admin);
    expect(list.data.webhookAllowList.entries).toEqual([origin, 'https://*.icbc.com.cn']);
  });

  it('refuses at delivery time a name resolving to a link-local address, and one under a wildcard resolving to an internal address', async () => {
    const list = ['https://*.icbc.com.cn', 'https://hooks.bank.example.cn'];
    const to = (address: string) => async () => [address];
    await expect(checkDestination('https://api.icbc.com.cn/hook', list, to('169.254.169.254'))).rejects.toThrow(
      'api.icbc.com.cn resolves to 169.254.169.254: link-local or a metadata service, never reached by webhooks.',
    );
    await expect(checkDestination('https://api.icbc.com.cn/hook', list, to('fe80::1'))).rejects.toThrow('api.icbc.com.cn resolves to fe80::1');
    await expect(checkDestination('https://api.icbc.com.cn/hook', list, to('10.0.0.7'))).rejects.toThrow(
      'api.icbc.com.cn resolves to 10.0.0.7, an internal address the allow-list does not name.',
    );
    await expect(checkDestination('https://api.icbc.com.cn/hook', list, to('::ffff:127.0.0.1'))).rejects.toThrow('an internal address the allow-list does not name');
    // The address checked is the one connected to; a host the list names itself may be internal.
    const ok = await checkDestination('https://api.icbc.com.cn/hook', list, to('202.96.0.10'));
    expect([ok.address, ok.host]).toEqual(['202.96.0.10', 'api.icbc.com.cn']);
    const named = await checkDestination('https://hooks.bank.example.cn/in', list, to('10.1.2.3'));
    expect([named.address, named.host]).toEqual(['10.1.2.3', 'hooks.bank.example.cn']);
    // Taken off the list: refused however it resolves.
    await expect(checkDestination('https://hooks.bank.example.cn/in', ['https://*.icbc.com.cn'], to('202.96.0.10'))).rejects.toThrow('is not on the webhook allow-list');
  });

  it('lets only the zone’s administrators set the allow-list, and shows each organization its own webhooks (the zone every one)', async () => {
    const bank = as(Role.BANK_OFFICER, BANKS.find((b) => b.key === 'ICBC')!.creditCode);
    const refused = await app.execute<any, any>(SET_ALLOW_LIST, { input: { entries: ['https://evil.example'] } }, bank);
    expect([refused.data, refused.errors?.map((e) => e.extensions?.['code'])]).toEqual([null, ['FORBIDDEN']]);
    const member = await app.execute<any, any>(REGISTER, { input: { url: `${origin}/ok/${RUN}/member`, events: ['PROPOSAL_ACCEPTED'], secret: secret() } }, as(Role.CPPCC_MEMBER, 'x'));
    expect(member.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
    const office = as(Role.CPPCC_OFFICE);
    const id = await register(office, `/ok/${RUN}/office`, ['PROPOSAL_SUBMITTED'], secret());
    const seenBy = async (viewer: ReturnType<typeof as>) => ((await app.execute<any, any>(WEBHOOKS, {}, viewer)).data.webhooks.nodes as any[]).some((w) => w.id === id);
    expect([await seenBy(office), await seenBy(admin), await seenBy(bank)]).toEqual([true, true, false]);
    // Another's webhook is not found by a bank, and not changed by the zone (it may disable it).
    const update = 'mutation U($input: UpdateWebhookInput!) { updateWebhook(input: $input) { webhook { url } errors { code } } }';
    expect((await app.execute<any, any>(update, { input: { id, url: `${origin}/ok/${RUN}/x` } }, bank)).data.updateWebhook.errors).toEqual([{ code: 'NOT_FOUND' }]);
    expect((await app.execute<any, any>(update, { input: { id, url: `${origin}/ok/${RUN}/x` } }, admin)).data.updateWebhook.errors).toEqual([{ code: 'NOT_PERMITTED' }]);
    const removed = await app.execute<any, any>('mutation X($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { webhook { id } errors { code } } }', { input: { id } }, admin);
    expect(removed.data.deleteWebhook).toEqual({ webhook: { id }, errors: [] });
    expect(await seenBy(office)).toBe(false);
    // Each write is on the audit trail.
    const trail = await sql<{ operation: string }>(`select operation from audit_event where operation in ('setWebhookAllowList', 'deleteWebhook') order by at desc limit 2`);
    expect(trail.map((t) => t.operation).sort()).toEqual(['deleteWebhook', 'setWebhookAllowList']);
    expect(DELIVERY_ID.uuid('WHD_x')).toBeNull();
  });
});
