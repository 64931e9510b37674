import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';
import { Role } from './auth/roles';
import type { Viewer } from './auth/viewer';
import type { RequestContext } from './context';
import { formatLsn, type Lsn, parseLsn, type ReplicaRouter, routeReads } from './db/replicas';
import { RECEIPTED_ROLES } from './modules/eligibility/receipts';

/**
 * Which reads may come from a replica (README "Read replicas"). A query reads a replica unless one of its root fields
 * is listed here, and then reads the primary whole; a mutation always runs on the primary, its payload included (it is
 * read after its transaction commits, and must show what was written). Everything else a viewer asks (registry pages,
 * lists, portfolio summaries and dashboards, CPPCC registers, eligibility as anyone but a bank) tolerates the few
 * seconds a replica may be behind (DATABASE_REPLICA_MAX_LAG_SECONDS), except right after its own writes: see
 * `readsAfter`. Who a request is (token, session, account, its organisation registered) is never read here: that
 * happens on the primary before the operation is known.
 */
export const PRIMARY_READS: Readonly<
  Record<
    string,
    {
      why: string;
      /** Only for these viewers (default: all). */
      when?: (viewer: Viewer | null) => boolean;
      /** The request has written (or reports writes made apart from it): its writer's next reads include them. */
      writes?: true;
    }
  >
> = {
  viewer: { why: 'who the token or session is, and its account: a password just changed or an account just disabled shows at once' },
  eligibility: {
    why: "a bank's answer is written as a receipt (a dispute is settled on it): it rests on the primary's facts, and its receiptId reads back at once",
    when: (viewer) => !!viewer && RECEIPTED_ROLES.has(viewer.role),
    writes: true,
  },
  eligibilityReceipt: { why: 'a receipt is evidence, read back right after the answer that wrote it' },
  auditEvents: { why: 'the audit trail: its newest events show at once, and its chain is checked on the primary' },
  // An import writes its rows in the background, outside any mutation: reading its progress notes where the primary
  // stands, so that what the importer saw imported, it then reads (`writes`).
  import: { why: "an import's progress is written as it runs; its importer waits on it", writes: true },
  imports: { why: 'the imports under way, as they are written', writes: true },
};

/**
 * Viewers who read the primary whatever they ask. A bank officer sees an enterprise only under an authorisation its
 * enterprise may revoke at any moment, and "revocation is immediate" (DOMAIN.md): the revoking is someone else's
 * write, which no read-your-writes of the bank's would cover, so a lagging replica could still show what was withdrawn.
 */
export const PRIMARY_VIEWERS: ReadonlySet<Role> = new Set([Role.BANK_OFFICER]);

/** A request's reads: who it is as a writer, and the WAL position its reads must include (its own last write). */
export interface ReadsAfter {
  /** The token's or session's key (a hash: never the credential); null for an anonymous request. */
  writer: string | null;
  after: Lsn | null;
}

/** The request header a client sends back after a write, to read it on another instance (the response's `Innozone-Lsn`). */
export const MIN_LSN_HEADER = 'innozone-min-lsn';
export const LSN_HEADER = 'innozone-lsn';

/**
 * What a request's reads must include: the last write of its token or session that this process saw, or the position
 * its client sends back (`Innozone-Min-Lsn`, from the `Innozone-Lsn` of its write's response, when another instance
 * took the write), whichever is later. A client can only send itself to the primary with it.
 */
export function readsAfter(router: ReplicaRouter, credential: string | null, minLsnHeader: string | string[] | undefined): ReadsAfter {
  const writer = credential ? createHash('sha256').update(credential).digest('base64url') : null;
  let after = writer ? router.lastWriteOf(writer) : null;
  if (typeof minLsnHeader === 'string') {
    try {
      const given = parseLsn(minLsnHeader);
      if (after === null || given > after) after = given;
    } catch {
      // Not a WAL position: ignored, as any unknown header.
    }
  }
  return { writer, after };
}

/** The root fields an operation selects, through fragments. */
function rootFields(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, into = new Set<string>()): Set<string> {
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) into.add(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) rootFields(s.selectionSet, fragments, into);
    else if (fragments[s.name.value]) rootFields(fragments[s.name.value]!.selectionSet, fragments, into);
  }
  return into;
}

/**
 * Routes each HTTP request's reads once its operation is known: a query with no root in PRIMARY_READS, by a viewer
 * not in PRIMARY_VIEWERS, to a replica
 * that has its viewer's own writes (else the primary); after a write, notes where the primary's WAL stood, for this
 * writer's next reads and, in the `Innozone-Lsn` header, for its client.
 */
export function replicaReads(router: ReplicaRouter): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let wrote = false;
      return {
        async didResolveOperation({ contextValue: ctx, operation, document }) {
          if (!ctx.reads || !operation) return;
          if (operation.operation !== 'query') {
            wrote = true;
            return;
          }
          const fragments = Object.fromEntries(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const primary = [...rootFields(operation.selectionSet, fragments)]
            .map((name) => PRIMARY_READS[name])
            .filter((rule) => rule && (!rule.when || rule.when(ctx.viewer)));
          if (primary.length) {
            wrote = primary.some((rule) => rule!.writes);
            return;
          }
          if (ctx.viewer && PRIMARY_VIEWERS.has(ctx.viewer.role)) return;
          routeReads(ctx.em, router, router.replicaFor(ctx.reads.after));
        },
        async willSendResponse({ contextValue: ctx, response }) {
          if (!wrote || !ctx.reads) return;
          try {
            const lsn = await router.noteWrite(ctx.reads.writer);
            response.http.headers.set(LSN_HEADER, formatLsn(lsn));
          } catch (err) {
            // The primary out of reach after the write: the writer's next reads go wherever they can.
            ctx.log.warn({ err }, 'the WAL position after a write could not be read');
          }
        },
      };
    },
  };
}
