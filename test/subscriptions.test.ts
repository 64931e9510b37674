import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/viewer';
import { toGlobalId } from '../src/common/global-id';
import { relayPending } from '../src/events/relay';
import { LocalEventHub } from '../src/subscriptions/hub';
import { decode, encode } from '../src/subscriptions/redis-hub';
import { readFile } from 'node:fs/promises';
import { BANKS } from '../seeds/reference';
import { projectPath } from '../src/project';
import { as, TestApp } from './support/app';
import { LiveClient } from './support/live';

/**
 * Subscriptions over a real WebSocket (graphql-ws) against the HTTP server: events of a proposal sent as they are
 * relayed, to whoever sees the proposal then (README "Subscriptions"), and the live count of unread notifications.
 * Every test works on members and units of its own; the relay relays the worker's every pending event, so each
 * assertion looks at its own proposal only.
 */

const DRAFT = 'mutation D($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id version } errors { code } } }';
const SUBMIT = 'mutation S($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { id } errors { code } } }';
const REVIEW = 'mutation R($input: ReviewProposalInput!) { reviewProposal(input: $input) { proposal { id } errors { code } } }';
const ASSIGN = 'mutation A($input: AssignProposalInput!) { assignProposal(input: $input) { proposal { id } errors { code } } }';

const EVENTS = `subscription E($id: ID) {
  proposalEvents(proposalId: $id) { id kind detail proposal { id subject status leadUnit { name } } }
}`;
const COUNT = 'subscription { unreadNotificationCount }';

const OFFICE = as(Role.CPPCC_OFFICE);

describe('subscriptions over graphql-ws at /graphql', () => {
  let app: TestApp;
  const hub = new LocalEventHub();
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ hub });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await app.close();
  });

  const sql = <T>(q: string, p: unknown[] = []) => app.orm.em.fork().execute<T[]>(q, p);
  const relay = () => relayPending(app.orm.em.fork(), hub);
  const connect = async (viewer: Viewer | null, params?: Record<string, unknown>, headers?: Record<string, string>) => {
    const token = viewer ? await app.token(viewer.role, viewer.organisation) : null;
    const client = new LiveClient(app.url, params ?? (token ? { authorization: `Bearer ${token}` } : null), headers);
    clients.push(client);
    return client;
  };
  const ok = async (mutation: string, input: Record<string, unknown>, viewer: Viewer) => {
    const result = await app.execute<any, any>(mutation, { input }, viewer);
    expect(result.errors).toBeUndefined();
    const payload = Object.values(result.data as Record<string, any>)[0];
    expect(payload.errors).toEqual([]);
    return payload.proposal as { id: string; version: number };
  };

  /** Two members and two units of this test's own, and a member's proposal submitted to the office. */
  async function fixture(tag: string) {
    const sector = randomUUID();
    await sql(`insert into sector (id, code, name) values (?, ?, '经济界')`, [sector, `SUB-${tag}-${sector.slice(0, 8)}`]);
    const ids = { proposer: randomUUID(), other: randomUUID(), lead: randomUUID(), stranger: randomUUID() };
    for (const id of [ids.proposer, ids.other]) {
      await sql(`insert into cppcc_member (id, name, sector_id, levels, term) values (?, ?, ?, '{MUNICIPAL}', 15)`, [id, `委员${tag}${id.slice(0, 4)}`, sector]);
    }
    for (const id of [ids.lead, ids.stranger]) {
      await sql(`insert into handling_unit (id, name, level, former_names) values (?, ?, 'MUNICIPAL', '{}')`, [id, `单位${tag}${id.slice(0, 4)}`]);
    }
    const member = (id: string) => as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', id));
    const unit = (id: string) => as(Role.HANDLING_UNIT, toGlobalId('HandlingUnit', id));
    const subject = `关于订阅测试${tag}的建议`;
    const draft = await ok(DRAFT, { level: 'MUNICIPAL', subject, reasons: '企业反映突出。', recommendations: '建议研究解决。' }, member(ids.proposer));
    await ok(SUBMIT, { proposalId: draft.id, version: draft.version }, member(ids.proposer));
    await relay();
    const [lead] = await sql<{ name: string }>('select name from handling_unit where id = ?', [ids.lead]);
    return { ids, member, unit, subject, proposalId: draft.id, leadName: lead!.name };
  }

  /**
   * The office accepts and assigns the proposal to the lead unit, each step relayed as it commits; the assignment waits
   * until `sent` resolves (the acceptance delivered), since an event shows its proposal as it stands when it is sent.
   */
  async function reviewAndAssign(f: Awaited<ReturnType<typeof fixture>>, sent: () => Promise<unknown>) {
    await ok(REVIEW, { proposalId: f.proposalId, decision: { accept: {} } }, OFFICE);
    await relay();
    await sent();
    await ok(ASSIGN, { proposalId: f.proposalId, leadUnitId: toGlobalId('HandlingUnit', f.ids.lead) }, OFFICE);
    await relay();
  }

  it('sends a proposer the office’s review and assignment of its proposal, whole; an unassigned unit gets nothing of it', async () => {
    const f = await fixture('A');
    const proposer = (await connect(f.member(f.ids.proposer))).subscribe<any>(EVENTS, { id: f.proposalId });
    const stranger = (await connect(f.unit(f.ids.stranger))).subscribe<any>(EVENTS, {});
    const lead = (await connect(f.unit(f.ids.lead))).subscribe<any>(EVENTS, {});
    // Subscribed (the connection acknowledged and the operation started) before anything is relayed.
    await new Promise((r) => setTimeout(r, 300));
    await reviewAndAssign(f, () => proposer.next(1));

    const events = await sql<{ id: string; kind: string }>('select id, kind from outbox_event where proposal_id = ? order by seq', [
      (await sql<{ id: string }>('select id from proposal where subject = ?', [f.subject]))[0]!.id,
    ]);
    expect(events.map((e) => e.kind)).toEqual(['PROPOSAL_SUBMITTED', 'PROPOSAL_ACCEPTED', 'PROPOSAL_ASSIGNED']);
    const [, accepted, assigned] = events;
    const now = { id: f.proposalId, subject: f.subject, status: 'ASSIGNED', leadUnit: { name: f.leadName } };
    expect(await proposer.next(2)).toEqual([
      { data: { proposalEvents: { id: accepted!.id, kind: 'PROPOSAL_ACCEPTED', detail: null, proposal: { ...now, status: 'ACCEPTED', leadUnit: null } } } },
      // The assignment's timeline note names the lead unit.
      { data: { proposalEvents: { id: assigned!.id, kind: 'PROPOSAL_ASSIGNED', detail: f.leadName, proposal: now } } },
    ]);
    // The lead unit sees the proposal once it is assigned to it: the assignment, not the acceptance before it.
    expect((await lead.next(1)).filter((v) => v.data.proposalEvents.proposal.id === f.proposalId)).toEqual([
      { data: { proposalEvents: { id: assigned!.id, kind: 'PROPOSAL_ASSIGNED', detail: f.leadName, proposal: now } } },
    ]);
    // Given time to arrive, nothing did: the other unit never saw the proposal.
    await new Promise((r) => setTimeout(r, 300));
    expect(stranger.values.filter((v) => v.data?.proposalEvents?.proposal?.id === f.proposalId)).toEqual([]);
    expect([proposer.errors, stranger.errors, lead.errors]).toEqual([[], [], []]);
  });

  it('answers a proposal the viewer may not see exactly as an unknown one, and refuses a bank at the gate', async () => {
    const f = await fixture('B');
    const stranger = await connect(f.unit(f.ids.stranger));
    const hidden = stranger.subscribe<any>(EVENTS, { id: f.proposalId });
    const unknown = stranger.subscribe<any>(EVENTS, { id: toGlobalId('Proposal', randomUUID()) });
    // A bank of the reference data (registered: its token is accepted), whatever another test left of it.
    await sql(`insert into bank (id, credit_code, name) values (?, ?, ?) on conflict (credit_code) do nothing`, [randomUUID(), BANKS[0]!.creditCode, BANKS[0]!.name]);
    const bank = (await connect(as(Role.BANK_OFFICER, BANKS[0]!.creditCode))).subscribe<any>(EVENTS, {});
    await Promise.all([hidden.ended(), unknown.ended(), bank.ended()]);
    const notFound = { errors: [{ message: 'No proposal has this id.', locations: [{ line: 2, column: 3 }], path: ['proposalEvents'], extensions: { code: 'NOT_FOUND' } }] };
    expect([hidden.values, unknown.values]).toEqual([[notFound], [notFound]]);
    expect([hidden.completed, unknown.completed]).toEqual([true, true]);
    expect(bank.values).toEqual([
      expect.objectContaining({ errors: [expect.objectContaining({ message: 'A BANK_OFFICER may not use proposalEvents.', extensions: { code: 'FORBIDDEN' } })] }),
    ]);
  });

  it('refuses a connection as HTTP refuses a request: a bad token, none, a token of an unknown organization', async () => {
    const forged = await connect(null, { authorization: 'Bearer not-a-token' });
    const none = await connect(null, {});
    const unregistered = await connect(null, { authorization: `Bearer ${await app.token(Role.CPPCC_MEMBER, toGlobalId('CppccMember', randomUUID()))}` });
    expect(await Promise.all([forged.whenClosed(), none.whenClosed(), unregistered.whenClosed()])).toEqual([
      { code: 4401, reason: 'The bearer token is malformed or not issued by innozone.' },
      { code: 4401, reason: 'Subscriptions need connectionParams.authorization "Bearer <token>" or a session.' },
      { code: 4401, reason: 'The organisation this CPPCC_MEMBER token acts for is not registered.' },
    ]);
  });

  it('holds a subscription to the limits of a request, and serves no query over the socket', async () => {
    const f = await fixture('C');
    const client = await connect(f.member(f.ids.proposer));
    const deep = client.subscribe<any>(`subscription { proposalEvents { proposal { ${'escalatedFrom { '.repeat(20)}id${' }'.repeat(20)} } } }`);
    const query = client.subscribe<any>('query { viewer { role } }');
    await Promise.all([deep.next(1), query.next(1)]);
    expect(deep.errors).toEqual([[expect.objectContaining({ message: expect.stringMatching(/depth/i) })]]);
    expect(query.errors).toEqual([
      [expect.objectContaining({ message: 'Only subscriptions are served over WebSocket; send queries and mutations with HTTP POST /graphql.' })],
    ]);
  });

  it('counts a member’s unread notifications live: at subscription, up when one reaches it, down when it marks it read', async () => {
    const f = await fixture('D');
    const proposer = f.member(f.ids.proposer);
    const counts = (await connect(proposer)).subscribe<any>(COUNT);
    expect(await counts.next(1)).toEqual([{ data: { unreadNotificationCount: 0 } }]);
    await ok(REVIEW, { proposalId: f.proposalId, decision: { accept: {} } }, OFFICE);
    await relay();
    expect(await counts.next(2)).toEqual([{ data: { unreadNotificationCount: 0 } }, { data: { unreadNotificationCount: 1 } }]);
    // Marked read over HTTP: the mutation tells the hub once it committed.
    const token = await app.token(proposer.role, proposer.organisation);
    const listed = await app.http<any, any>('{ notifications(first: 5, unreadOnly: true) { nodes { id kind } } }', {}, { token });
    expect(listed.data.notifications.nodes.map((n: { kind: string }) => n.kind)).toEqual(['PROPOSAL_ACCEPTED']);
    const marked = await app.http<any, any>(
      'mutation M($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { errors { code } } }',
      { input: { ids: [listed.data.notifications.nodes[0].id] } },
      { token },
    );
    expect(marked.data.markNotificationsRead.errors).toEqual([]);
    expect(await counts.next(3)).toEqual([
      { data: { unreadNotificationCount: 0 } },
      { data: { unreadNotificationCount: 1 } },
      { data: { unreadNotificationCount: 0 } },
    ]);
  });

  it('keeps dates and bigints through the JSON that crosses Redis', () => {
    const event = { id: 'e', seq: 9007199254740993n, occurredAt: new Date('2026-12-02T01:02:03.456Z'), payload: { date: '2026-12-31', ids: ['a'] } };
    expect(decode(encode({ type: 'event', event }))).toEqual({ type: 'event', event });
    expect((decode(encode({ event })) as { event: typeof event }).event.occurredAt).toBeInstanceOf(Date);
  });

  it('answers the README’s subscription example (section "Subscriptions") with a whole event', async () => {
    const readme = await readFile(projectPath('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Subscriptions'), readme.indexOf('## Demo zone'));
    const query = /query: `([^`]+)`/.exec(section)![1]!;
    const f = await fixture('R');
    const events = (await connect(f.member(f.ids.proposer))).subscribe<any>(query);
    await new Promise((r) => setTimeout(r, 300));
    await ok(REVIEW, { proposalId: f.proposalId, decision: { accept: {} } }, OFFICE);
    await relay();
    const deadline = Date.now() + 10_000;
    const mine = () => events.values.filter((v) => v.data?.proposalEvents?.proposal?.id === f.proposalId);
    while (mine().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(mine()).toEqual([
      { data: { proposalEvents: { id: expect.any(String), kind: 'PROPOSAL_ACCEPTED', detail: null, proposal: { id: f.proposalId, subject: f.subject, status: 'ACCEPTED' } } } },
    ]);
  });
});
