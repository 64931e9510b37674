import { randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/roles';
import type { Viewer } from '../../src/auth/viewer';
import { toGlobalId } from '../../src/common/global-id';
import { InMemoryEventPublisher, type RelayedEvent } from '../../src/events/publisher';
import { relayPending } from '../../src/events/relay';
import { as, type TestApp } from './app';

/** The CPPCC fixture of an events test: members and units of its own (names unique to the run), and the workflow's steps. */
export class CppccFixture {
  readonly ids: Record<string, string> = {};
  readonly published: RelayedEvent[] = [];
  readonly publisher = new InMemoryEventPublisher();

  constructor(
    readonly app: TestApp,
    readonly run: string,
  ) {
    this.publisher.on('event', (e: RelayedEvent) => this.published.push(e));
  }

  sql<T>(q: string, p: unknown[] = []): Promise<T[]> {
    return this.app.orm.em.fork().execute<T[]>(q, p);
  }

  async setUp(members: string[], units: string[]): Promise<void> {
    const sector = randomUUID();
    await this.sql(`insert into sector (id, code, name) values (?, ?, '经济界')`, [sector, `EV-${this.run}-${sector.slice(0, 8)}`]);
    for (const name of members) {
      this.ids[name] = randomUUID();
      await this.sql(`insert into cppcc_member (id, name, sector_id, levels, term) values (?, ?, ?, '{MUNICIPAL}', 15)`, [this.ids[name], name, sector]);
    }
    for (const name of units) {
      this.ids[name] = randomUUID();
      await this.sql(`insert into handling_unit (id, name, level, former_names) values (?, ?, 'MUNICIPAL', '{}')`, [this.ids[name], name]);
    }
  }

  member = (name: string): Viewer => as(Role.CPPCC_MEMBER, toGlobalId('CppccMember', this.ids[name]!));
  unitId = (name: string): string => toGlobalId('HandlingUnit', this.ids[name]!);
  unit = (name: string): Viewer => as(Role.HANDLING_UNIT, this.unitId(name));

  /** Runs a mutation and returns its payload, failing the test on any error. */
  async ok(mutation: string, input: Record<string, unknown>, viewer: Viewer): Promise<any> {
    const result = await this.app.execute<any, any>(mutation, { input }, viewer);
    expect(result.errors).toBeUndefined();
    const payload = Object.values(result.data as Record<string, any>)[0];
    expect(payload.errors).toEqual([]);
    return payload;
  }

  async draft(by: string, subject: string, coProposers: string[] = []): Promise<{ id: string; version: number }> {
    const p = await this.ok(DRAFT, { level: 'MUNICIPAL', subject, reasons: '企业反映突出。', recommendations: '建议研究解决。', coProposerIds: coProposers.map((n) => toGlobalId('CppccMember', this.ids[n]!)) }, this.member(by));
    return p.proposal;
  }

  async submit(by: string, subject: string, coProposers: string[] = []): Promise<string> {
    const d = await this.draft(by, subject, coProposers);
    await this.ok(SUBMIT, { proposalId: d.id, version: d.version }, this.member(by));
    return d.id;
  }

  /** Relays every pending event (every test file's of this worker's database: assert on your own). */
  relay(): Promise<number> {
    return relayPending(this.app.orm.em.fork(), this.publisher);
  }

  /** The kinds of the outbox events of a subject, in order. */
  async kindsOf(column: 'proposal_id' | 'authorization_id' | 'import_id' | 'enterprise_id', uuid: string): Promise<string[]> {
    const rows = await this.sql<{ kind: string }>(`select kind from outbox_event where ${column} = ? order by seq`, [uuid]);
    return rows.map((r) => r.kind);
  }
}

export const DRAFT = 'mutation D($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id version } errors { code field message } } }';
export const SUBMIT = 'mutation S($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { id version status } errors { code field message } } }';
export const REVIEW = 'mutation R($input: ReviewProposalInput!) { reviewProposal(input: $input) { proposal { id status } errors { code field message } } }';
export const ASSIGN = 'mutation A($input: AssignProposalInput!) { assignProposal(input: $input) { proposal { id status dueOn } errors { code field message } } }';
export const REPLY = 'mutation P($input: ReplyToProposalInput!) { replyToProposal(input: $input) { proposal { id status answer { id } } errors { code field message } } }';
export const RATE = 'mutation T($input: RateReplyInput!) { rateReply(input: $input) { proposal { id status } errors { code field message } } }';
export const RETURN = 'mutation U($input: ReturnProposalInput!) { returnProposal(input: $input) { proposal { id status } errors { code field message } } }';

export const NOTIFICATIONS = `query N($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount
    edges { cursor node { id kind title occurredAt readAt isRead subjectId } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
export const MARK_READ = 'mutation M($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { notifications { id kind isRead } errors { __typename code field message } } }';
