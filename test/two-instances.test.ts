import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { Role } from '../src/auth/roles';
import { toGlobalId } from '../src/common/global-id';
import { EventRelay } from '../src/events/relay';
import { RedisEventHub } from '../src/subscriptions/redis-hub';
import { as, TestApp } from './support/app';
import { workerDatabaseUrl } from './support/database';
import { LiveClient } from './support/live';
import { redisForTests, TEST_REDIS_URL } from './support/redis';

/**
 * Two innozone instances on one PostgreSQL database and the machine's Redis (127.0.0.1:6379): each its own ORM pool,
 * HTTP server, subscriptions and Redis connections; the outbox relay runs on A only. A subscriber on B sees what a
 * mutation on A committed, through Redis. The channel is unique to this run, so parallel runs do not cross.
 * Without Redis the file is skipped with the reason logged, unless CI is set: then it fails.
 */

const EVENTS = 'subscription { proposalEvents { id kind proposal { id subject status } } }';
const DRAFT = 'mutation D($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id version } errors { code } } }';
const SUBMIT = 'mutation S($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { id status } errors { code } } }';
/** Events whose fan-out latency is measured. */
const MEASURED = 50;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

describe('two instances on one database and one Redis', () => {
  let redisUp = false;
  const log = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
  const prefix = `innozone-test:${randomUUID()}:`;
  let hubA: RedisEventHub;
  let hubB: RedisEventHub;
  let a: TestApp;
  let b: TestApp;
  let relay: EventRelay;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    redisUp = await redisForTests('two-instances.test.ts');
    if (!redisUp) return;
    [hubA, hubB] = await Promise.all([RedisEventHub.connect(TEST_REDIS_URL, prefix, log), RedisEventHub.connect(TEST_REDIS_URL, prefix, log)]);
    // One after the other: the first creates the worker's database, the second finds it.
    a = await TestApp.start({ hub: hubA });
    b = await TestApp.start({ hub: hubB });
    // The relay of A only, woken by each commit as in main.ts (LISTEN innozone_outbox); B relays nothing.
    relay = new EventRelay(a.orm, hubA, log);
    await relay.listen(await workerDatabaseUrl());
  });
  afterAll(async () => {
    if (!redisUp) return;
    await Promise.all(clients.map((c) => c.close()));
    await relay?.stop();
    await Promise.all([a?.close(), b?.close()]);
    await Promise.all([hubA?.close(), hubB?.close()]);
  });

  const sql = <T>(q: string, p: unknown[] = []) => a.orm.em.fork().execute<T[]>(q, p);

  it('sends a subscriber on B the events of mutations made on A, relayed on A only, and measures the fan-out', async () => {
    if (!redisUp) return;
    const sector = randomUUID();
    const memberId = randomUUID();
    await sql(`insert into sector (id, code, name) values (?, ?, '经济界')`, [sector, `TWO-${sector.slice(0, 8)}`]);
    await sql(`insert into cppcc_member (id, name, sector_id, levels, term) values (?, ?, ?, '{MUNICIPAL}', 15)`, [memberId, `双实例委员${memberId.slice(0, 4)}`, sector]);
    const member = as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', memberId));
    const memberToken = await a.token(member.role, member.organisation);

    // Drafts written beforehand: each submission (on A, over HTTP) is one PROPOSAL_SUBMITTED the office sees.
    const run = randomUUID().slice(0, 8);
    const drafts: { id: string; version: number; subject: string }[] = [];
    for (let i = 0; i < MEASURED + 1; i++) {
      const subject = `关于双实例${run}第${i}号的建议`;
      const result = await a.execute<any, any>(DRAFT, { input: { level: 'MUNICIPAL', subject, reasons: '企业反映突出。', recommendations: '建议研究解决。' } }, member);
      drafts.push({ ...result.data.draftProposal.proposal, subject });
    }
    const token = await b.token(Role.CPPCC_OFFICE);
    const onB = new LiveClient(b.url, { authorization: `Bearer ${token}` });
    const onA = new LiveClient(a.url, { authorization: `Bearer ${token}` });
    clients.push(onB, onA);
    const mine = (v: any) => drafts.some((d) => d.id === v.data?.proposalEvents?.proposal?.id);
    const arrivals = new Map<string, number>();
    const onBEvents = onB.subscribe<any>(EVENTS);
    const onAEvents = onA.subscribe<any>(EVENTS);
    onB.client.on('message', (m) => {
      const id = (m as { payload?: any }).payload?.data?.proposalEvents?.proposal?.id;
      if (id && !arrivals.has(id)) arrivals.set(id, performance.now());
    });
    await new Promise((r) => setTimeout(r, 300));

    // The first, whole: B's subscriber and A's (the relaying instance gets it back from Redis too) see the same value.
    const first = drafts[0]!;
    expect((await a.http<any, any>(SUBMIT, { input: { proposalId: first.id, version: first.version } }, { token: memberToken })).data.submitProposal.errors).toEqual([]);
    const [event] = await sql<{ id: string }>('select e.id from outbox_event e join proposal p on p.id = e.proposal_id where p.subject = ?', [first.subject]);
    const whole = { data: { proposalEvents: { id: event!.id, kind: 'PROPOSAL_SUBMITTED', proposal: { id: first.id, subject: first.subject, status: 'SUBMITTED' } } } };
    await onBEvents.next(1);
    await onAEvents.next(1);
    const deadline = Date.now() + 10_000;
    while ((!onBEvents.values.some(mine) || !onAEvents.values.some(mine)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect([onBEvents.values.filter(mine), onAEvents.values.filter(mine)]).toEqual([[whole], [whole]]);

    // Fan-out latency: from the mutation's answer on A (its transaction committed) to the event on B's socket.
    const latencies: number[] = [];
    for (const draft of drafts.slice(1)) {
      const answered = await a.http<any, any>(SUBMIT, { input: { proposalId: draft.id, version: draft.version } }, { token: memberToken });
      const committed = performance.now();
      expect(answered.data.submitProposal.errors).toEqual([]);
      const until = Date.now() + 10_000;
      while (!arrivals.has(draft.id) && Date.now() < until) await new Promise((r) => setTimeout(r, 1));
      expect(arrivals.has(draft.id)).toBe(true);
      latencies.push(arrivals.get(draft.id)! - committed);
    }
    const sorted = [...latencies].sort((x, y) => x - y);
    // Reported, not asserted: the bench reports it (issue 17 asks p99 < 200 ms across instances).
    console.log(
      `fan-out A → Redis → B over ${sorted.length} events: p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ` +
        `max ${sorted.at(-1)!.toFixed(1)} ms (from the mutation's answer; an event may beat the answer, hence values below 0)`,
    );
    expect(onBEvents.values.filter(mine)).toHaveLength(MEASURED + 1);
    expect(onBEvents.errors).toEqual([]);
  }, 120_000);
});
