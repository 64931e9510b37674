import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type GraphQLFormattedError, type GraphQLSchema, print } from 'graphql';
import { Client } from 'pg';
import pino from 'pino';
import type { Role } from '../../src/auth/roles';
import { TokenService } from '../../src/auth/tokens';
import { Viewer } from '../../src/auth/viewer';
import { type Config, loadConfig } from '../../src/config';
import { createContext } from '../../src/context';
import { openOrm } from '../../src/db/orm';
import { buildInnozoneSchema } from '../../src/schema';
import { createServer, type InnozoneServer } from '../../src/server';
import type { EventHub } from '../../src/subscriptions/hub';
import type { SharedState } from '../../src/shared-state';
import { workerDatabaseUrl } from './database';

export interface OperationResult<TData> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
  /** HTTP status (HTTP runs only). */
  status?: number;
}

export interface TestAppOptions {
  /** Environment overrides, e.g. { NODE_ENV: 'production' }. */
  env?: Record<string, string>;
  /** Resolvers added for this test only (never part of the real schema). */
  extraResolvers?: Function[];
  /** Use this database instead of the worker's. */
  databaseUrl?: string;
  /** Serve subscriptions (graphql-ws at /graphql) fed by this hub; publish relayed events into it. */
  hub?: EventHub;
  /** Share the persisted-query cache and the rate limits through this (src/shared-state.ts); unset: in this process. */
  shared?: SharedState;
}

/** A key used only by tests, so tokens can be minted without touching .data/. */
export const TEST_TOKEN_SECRET = 'innozone-test-token-secret-0123456789abcdef';

/** innozone in-process on a real PostgreSQL: run operations as any viewer, via executeOperation or real HTTP. */
export class TestApp {
  private constructor(
    readonly orm: MikroORM,
    readonly server: InnozoneServer,
    readonly tokens: TokenService,
    readonly config: Config,
    readonly url: string,
    /** The schema the server serves (with the access policy applied). */
    readonly schema: GraphQLSchema,
  ) {}


  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const config = loadConfig({
      NODE_ENV: 'test',
      // The secret is given and the database too, so the data folder is never touched.
      INNOZONE_TOKEN_SECRET: TEST_TOKEN_SECRET,
      // Tests send hundreds of requests a minute as one viewer; the limit itself is tested in http.test.ts.
      RATE_LIMIT_PER_MINUTE: '0',
      ...options.env,
    });
    const logger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
    const orm = await openOrm(options.databaseUrl ?? (await workerDatabaseUrl()), logger, 'url' in config.database ? config.database.replicas : undefined);
    const tokens = new TokenService(new TextEncoder().encode(TEST_TOKEN_SECRET), '1h');
    const schema = await buildInnozoneSchema(options.extraResolvers);
    const server = await createServer({
      config,
      orm,
      tokens,
      logger,
      schema,
      hub: options.hub,
      shared: options.shared,
    });
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = server.httpServer.address() as AddressInfo;
    return new TestApp(orm, server, tokens, config, `http://127.0.0.1:${port}`, schema);
  }

  /** Runs an operation through Apollo's whole pipeline (no HTTP) as `viewer` (null: anonymous). */
  async execute<TData, TVars extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVars> | string,
    variables: TVars,
    viewer: Viewer | null,
  ): Promise<OperationResult<TData>> {
    const logger = pino({ level: 'silent' });
    const response = await this.server.apollo.executeOperation<TData, TVars>(
      { query: document, variables },
      { contextValue: createContext(this.orm, viewer, logger, 'test', this.config.graphql.readAhead, this.config.graphql.sqlAnswers, this.config.cppcc) },
    );
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used by innozone');
    const { data, errors } = response.body.singleResult;
    return { data, errors, status: response.http.status };
  }

  /** Runs an operation over HTTP, as a client would; `token` goes in the Authorization header. */
  async http<TData, TVars extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVars> | string,
    variables: TVars,
    options: { token?: string; authorization?: string } = {},
  ): Promise<OperationResult<TData>> {
    const authorization = options.authorization ?? (options.token ? `Bearer ${options.token}` : undefined);
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
    });
    const body = (await res.json()) as { data?: TData | null; errors?: GraphQLFormattedError[] };
    return { ...body, status: res.status };
  }

  /** A signed token for `role` acting for `org`. */
  token(role: Role, org: string | null = null): Promise<string> {
    return this.tokens.sign({ role, org });
  }

  /** Runs `fn` and counts the SQL statements it sent to PostgreSQL (every statement, on every connection). */
  async countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number; sql: string[] }> {
    const knex = this.orm.em.getConnection().getKnex();
    const sql: string[] = [];
    const listener = (query: { sql: string }) => sql.push(query.sql);
    knex.on('query', listener);
    try {
      const result = await fn();
      return { result, statements: sql.length, sql };
    } finally {
      knex.removeListener('query', listener);
    }
  }

  private sqlClient?: Promise<Client>;

  /** A plain pg connection to the app's database, for a test to look at rows or change them; closed with the app. */
  sql(): Promise<Client> {
    return (this.sqlClient ??= (async () => {
      const client = new Client({ connectionString: this.orm.config.get('clientUrl') });
      await client.connect();
      return client;
    })());
  }

  async close(): Promise<void> {
    await this.server.stop();
    if (this.sqlClient) await (await this.sqlClient).end();
    await this.orm.close(true);
  }
}

/** A viewer as a verified token would produce it. */
export const as = (role: Role, org: string | null = null): Viewer => new Viewer(role, org);

/** Orders response paths as a client reads the answer: key by key, list positions by number. */
function comparePaths(a: readonly (string | number)[] = [], b: readonly (string | number)[] = []): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  }
  return a.length - b.length;
}

/**
 * A result with its errors in the order of their paths. Masked fields' errors come in the order their resolvers
 * finish, which reading ahead or answering in SQL changes; what they say, and where, does not.
 */
export function errorsInPathOrder<T extends { errors?: readonly GraphQLFormattedError[] }>(result: T): T {
  if (!result.errors) return result;
  return { ...result, errors: [...result.errors].sort((a, b) => comparePaths(a.path, b.path)) };
}
