import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { type CppccSettings, DEFAULT_CPPCC_SETTINGS } from './config';
import { Access } from './auth/access';
import type { Viewer } from './auth/viewer';
import { Loaders } from './loaders';
import type { ReadsAfter } from './replica-reads';
import type { EventHub } from './subscriptions/hub';

/** What every resolver and service receives: one per request, never shared. */
export interface RequestContext {
  /** A fork of the ORM's entity manager: its identity map lives as long as the request. */
  em: EntityManager;
  viewer: Viewer | null;
  loaders: Loaders;
  /** The access policy applied to this viewer (what it sees; the bank reads to audit). */
  access: Access;
  log: Logger;
  requestId: string;
  /** Do lists read their page's selection ahead (src/db/read-plan.ts)? Off only to compare answers (READ_AHEAD). */
  readAhead: boolean;
  /** Are queries whose every field has an SQL form answered in one statement (src/db/sql-answer.ts)? SQL_ANSWERS. */
  sqlAnswers: boolean;
  /**
   * Set for an HTTP request: an answer in SQL keeps PostgreSQL's text here and the response body carries it as it is
   * (src/db/sql-answer.ts, `spliceRawData`).
   */
  rawData?: { bytes?: Buffer };
  /** The CPPCC workflow's settings (PROPOSAL_RETURN_DAYS, CPPCC_SESSIONS). */
  cppcc: CppccSettings;
  /** Aborted when the client went away before its answer was sent (HTTP requests only): work not begun is skipped. */
  clientGone?: AbortSignal;
  /**
   * Set for an HTTP request when the database has read replicas: who it is as a writer and what its reads must include
   * (src/replica-reads.ts). Without it every read goes to the primary.
   */
  reads?: ReadsAfter;
  /** Where relayed events reach this process's subscriptions (src/subscriptions/hub.ts); absent when none are served. */
  hub?: EventHub;
  /** A subscription's only (src/subscriptions/ws.ts): a fresh context for the viewer, for each event it is sent. */
  renew?: () => RequestContext;
}

/** Builds the context of one request for an already authenticated viewer (or none). */
export function createContext(
  orm: MikroORM,
  viewer: Viewer | null,
  log: Logger,
  requestId: string,
  readAhead = true,
  sqlAnswers = readAhead,
  cppcc: CppccSettings = DEFAULT_CPPCC_SETTINGS,
): RequestContext {
  const em = orm.em.fork() as EntityManager;
  const loaders = new Loaders(em);
  return { em, viewer, loaders, access: new Access(em, viewer, (type, id) => loaders.loaded(type, id)), log, requestId, readAhead, sqlAnswers, cppcc };
}
