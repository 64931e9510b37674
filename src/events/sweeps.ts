import { AUTHORIZATION_FACTS_SQL, type AuthorizationFacts, authorizationEvent } from './authorization-events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventKind } from './event-kind';
import { announceNow, type NewEvent } from './outbox';

/** A reply due within this many days is announced as due soon (issue 17). */
export const DUE_SOON_DAYS = 14;
/** An authorization ending within this many days is announced as expiring. */
export const AUTHORIZATION_EXPIRY_DAYS = 30;
/** A credit fact too old for the programmes within this many days is announced as going stale (design). */
export const STALE_WARNING_DAYS = 30;

/**
 * The daily sweeps: each looks at the registry as of `today` (a zone day, YYYY-MM-DD: tests move it forward) and writes
 * an event for what it finds, with a dedupe key naming the thing and the date it is about, so a sweep run twice, or on
 * two instances at once, writes one event; a later date (an extension, a new rating) is news again. Each returns how
 * many events it wrote.
 */
export type Sweep = (em: EntityManager, today: string) => Promise<number>;

/** `today + days` in SQL (`today` bound where it stands). */
const plusDays = (days: number) => `(?::date + ${days})`;

/** Replies past their due date: told to the office and the lead units, once per proposal and due date. */
export const sweepOverdueProposals: Sweep = async (em, today) => {
  const rows = await em.execute<{ id: string; subject: string; proposer_ids: string[]; lead_unit_ids: string[]; due_on: string }[]>(
    `select id, subject, proposer_ids, lead_unit_ids, to_char(due_on, 'YYYY-MM-DD') as due_on from proposal
     where status = 'ASSIGNED' and due_on < ?::date order by due_on, id`,
    [today],
  );
  return announceNow(em, rows.map((p) => proposalEvent(EventKind.PROPOSAL_OVERDUE, p)));
};

/** Replies due within DUE_SOON_DAYS (today included): told to the lead units, once per proposal and due date. */
export const sweepProposalsDueSoon: Sweep = async (em, today) => {
  const rows = await em.execute<{ id: string; subject: string; proposer_ids: string[]; lead_unit_ids: string[]; due_on: string }[]>(
    `select id, subject, proposer_ids, lead_unit_ids, to_char(due_on, 'YYYY-MM-DD') as due_on from proposal
     where status = 'ASSIGNED' and due_on >= ?::date and due_on <= ${plusDays(DUE_SOON_DAYS)} order by due_on, id`,
    [today, today],
  );
  return announceNow(em, rows.map((p) => proposalEvent(EventKind.PROPOSAL_DUE_SOON, p)));
};

function proposalEvent(kind: EventKind, p: { id: string; subject: string; proposer_ids: string[]; lead_unit_ids: string[]; due_on: string }): NewEvent {
  return {
    kind,
    proposalId: p.id,
    payload: { title: p.subject, proposerIds: p.proposer_ids, unitIds: p.lead_unit_ids, date: p.due_on },
    dedupeKey: `${kind}:${p.id}:${p.due_on}`,
  };
}

/** Authorizations in force ending within AUTHORIZATION_EXPIRY_DAYS: told to the representatives and the bank, once each. */
export const sweepExpiringAuthorizations: Sweep = async (em, today) => {
  const rows = await em.execute<AuthorizationFacts[]>(
    `${AUTHORIZATION_FACTS_SQL}
     where a.revoked_at is null and a.valid_from <= ?::date and a.valid_to >= ?::date and a.valid_to <= ${plusDays(AUTHORIZATION_EXPIRY_DAYS)}
     order by a.valid_to, a.id`,
    [today, today, today],
  );
  return announceNow(
    em,
    rows.map((a) => ({ ...authorizationEvent(EventKind.AUTHORIZATION_EXPIRING, a), dedupeKey: `${EventKind.AUTHORIZATION_EXPIRING}:${a.id}:${a.validUntil}` })),
  );
};

/**
 * Credit facts going stale: an enterprise's latest credit rating ending within STALE_WARNING_DAYS, or its latest
 * dishonest-debtor check growing older than the strictest `maximumAgeDays` of the programme rules in force within
 * STALE_WARNING_DAYS. Past that day the programmes' answers turn UNKNOWN. Told to the zone's administrators, once per
 * fact (a newer rating or check is news again).
 */
export const sweepStaleCreditFacts: Sweep = async (em, today) => {
  const rows = await em.execute<{ fact: string; fact_id: string; enterprise_id: string; name: string; credit_code: string; stale_on: string }[]>(
    `with ratings as (
       select distinct on (r.enterprise_id) r.enterprise_id, r.id, r.valid_until
       from credit_rating_record r where r.voided_at is null and r.rated_on <= ?::date
       order by r.enterprise_id, r.rated_on desc, r.valid_until desc, r.id desc
     ), checks as (
       select distinct on (c.enterprise_id) c.enterprise_id, c.id, c.checked_on
       from dishonest_debtor_check c where c.voided_at is null and c.checked_on <= ?::date
       order by c.enterprise_id, c.checked_on desc, c.created_at desc, c.id desc
     ), in_force as (
       select distinct on (v.programme_id) v.criteria from programme_rule_version v
       where v.effective_from <= ?::date order by v.programme_id, v.effective_from desc, v.version desc
     ), max_age as (
       select min((c->>'maximumAgeDays')::int) as days from in_force, jsonb_array_elements(in_force.criteria) c
       where c->>'kind' = 'NOT_DISHONEST_DEBTOR' and c->>'maximumAgeDays' is not null
     ), facts as (
       select 'CREDIT_RATING' as fact, r.id as fact_id, r.enterprise_id, r.valid_until as stale_on from ratings r
       where r.valid_until >= ?::date and r.valid_until <= ${plusDays(STALE_WARNING_DAYS)}
       union all
       select 'DISHONEST_DEBTOR_CHECK', c.id, c.enterprise_id, c.checked_on + m.days from checks c, max_age m
       where m.days is not null and c.checked_on + m.days >= ?::date and c.checked_on + m.days <= ${plusDays(STALE_WARNING_DAYS)}
     )
     select f.fact, f.fact_id, f.enterprise_id, e.name, e.credit_code, to_char(f.stale_on, 'YYYY-MM-DD') as stale_on
     from facts f join enterprise e on e.id = f.enterprise_id order by f.stale_on, e.credit_code, f.fact`,
    [today, today, today, today, today, today, today],
  );
  return announceNow(
    em,
    rows.map((f) => ({
      kind: EventKind.CREDIT_FACTS_STALE,
      enterpriseId: f.enterprise_id,
      payload: { title: f.name, creditCode: f.credit_code, facts: [f.fact], date: f.stale_on },
      dedupeKey: `${EventKind.CREDIT_FACTS_STALE}:${f.fact}:${f.fact_id}`,
    })),
  );
};

/** Every daily sweep, by name (the README lists them; the pg-boss schedule runs them all). */
export const DAILY_SWEEPS: Record<string, Sweep> = {
  overdueProposals: sweepOverdueProposals,
  proposalsDueSoon: sweepProposalsDueSoon,
  expiringAuthorizations: sweepExpiringAuthorizations,
  staleCreditFacts: sweepStaleCreditFacts,
};

/** Runs every sweep as of `today`, each in a transaction of its own; how many events each wrote. */
export async function runDailySweeps(em: EntityManager, today: string): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  for (const [name, sweep] of Object.entries(DAILY_SWEEPS)) {
    written[name] = await em.fork().transactional((tx) => sweep(tx as EntityManager, today));
  }
  return written;
}

/**
 * Notifications read more than `days` days before `today` are deleted (NOTIFICATION_RETENTION_DAYS; 0 keeps them all):
 * a recipient's list keeps what is unread however old, and what it read within the period. The outbox events stay:
 * they are the record of what happened, and their dedupe keys keep the sweeps from announcing a thing twice. Returns
 * how many notifications it deleted.
 */
export async function pruneReadNotifications(em: EntityManager, today: string, days: number): Promise<number> {
  if (days === 0) return 0;
  const rows = await em.execute<{ n: string }[]>(
    `with gone as (delete from notification where read_at is not null and read_at < (?::date - ${Math.trunc(days)})::timestamp at time zone 'Asia/Shanghai' returning 1)
     select count(*) as n from gone`,
    [today],
  );
  return Number(rows[0]!.n);
}
