import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { AuditOutcome } from './audit.entity';

/** One value a correction changed, as the mutation's input names it, before and after (as text; null: none). */
export interface AuditRecord {
  operation: string;
  /**
   * The username the event was made through, kept in `details` (the chain's columns have no room for it): by default
   * the signed-in account of the viewer's session; for a sign-in attempt, the username it named.
   */
  actorUsername?: string | null;
  outcome: AuditOutcome;
  enterpriseId?: string | null;
  purpose?: string | null;
  authorizationId?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * The actor role of an event no one signed in made: a sign-in attempt under a username no account has (or a disabled
 * one's). Not a Role: such an event's `actor` is null.
 */
export const ANONYMOUS_ACTOR = 'ANONYMOUS';

/** The details an event is stored with: the record's, and the username it was made through when there is one. */
function detailsOf(viewer: Viewer | null, record: AuditRecord): Record<string, unknown> | null {
  const username = record.actorUsername === undefined ? (viewer?.account?.username ?? null) : record.actorUsername;
  if (!username) return record.details ?? null;
  return { ...(record.details ?? {}), actorUsername: username };
}

/**
 * Appends an event to the audit trail, in `em`'s transaction (the database sets its place and hashes). `viewer` null:
 * an event of no one signed in (ANONYMOUS_ACTOR).
 */
export async function recordAudit(em: EntityManager, viewer: Viewer | null, record: AuditRecord): Promise<void> {
  await recordAudits(em, viewer, [record]);
}

/** Appends several events in one statement (the insert trigger chains them one by one, in order). */
export async function recordAudits(em: EntityManager, viewer: Viewer | null, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const row = "(?, ?, ?, ?, ?, ?, ?, ?::jsonb, '', '')";
  await em.execute(
    `insert into audit_event (actor_role, actor_org, operation, enterprise_id, purpose, authorization_id, outcome, details, prev_hash, hash)
     values ${records.map(() => row).join(', ')}`,
    records.flatMap((record) => {
      const details = detailsOf(viewer, record);
      return [
        viewer?.role ?? ANONYMOUS_ACTOR,
        viewer?.organisation ?? null,
        record.operation,
        record.enterpriseId ?? null,
        record.purpose ?? null,
        record.authorizationId ?? null,
        record.outcome,
        details ? JSON.stringify(details) : null,
      ];
    }),
  );
}

export type ChainCheck =
  | { intact: true; events: number; head: string | null }
  | { intact: false; events: number; firstTampered: string; reason: string };

/**
 * Walks the whole chain in order and recomputes every hash from the stored fields: the first event whose hash
 * or link does not match is the first one changed by hand (or removed before it). The recomputation is
 * independent of the trigger that wrote the hashes: only the canonical JSON text comes from PostgreSQL.
 */
export async function verifyAuditChain(em: EntityManager, batch = 5_000): Promise<ChainCheck> {
  let previous = '0'.repeat(64);
  let after = '0';
  let events = 0;
  for (;;) {
    const rows = await em.execute<{ seq: string; prev_hash: string; hash: string; canonical: string }[]>(
      `select seq::text, prev_hash, hash, jsonb_build_array(
          seq::text, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          actor_role, actor_org, operation, enterprise_id::text, purpose, authorization_id::text, outcome, details, prev_hash
        )::text as canonical
       from audit_event where seq > ?::bigint order by audit_event.seq limit ?`,
      [after, batch],
    );
    for (const row of rows) {
      events++;
      if (row.prev_hash !== previous) {
        return { intact: false, events, firstTampered: row.seq, reason: 'its link to the event before does not match (an event was changed or removed)' };
      }
      if (createHash('sha256').update(row.canonical, 'utf8').digest('hex') !== row.hash) {
        return { intact: false, events, firstTampered: row.seq, reason: 'its fields do not match its hash' };
      }
      previous = row.hash;
      after = row.seq;
    }
    if (rows.length < batch) return { intact: true, events, head: events ? previous : null };
  }
}
