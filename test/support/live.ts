import { type Client, createClient } from 'graphql-ws';
import type { IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';

/** What a subscription received: its `next` payloads, and how it ended (an error, or completion). */
export interface Received<T> {
  values: T[];
  errors: unknown[];
  completed: boolean;
}

/** A graphql-ws client of a TestApp (or any innozone) over a real WebSocket, with the connection's close code and reason. */
export class LiveClient {
  readonly client: Client;
  closed: { code: number; reason: string } | null = null;
  /** The headers of the server's 101 answer to the upgrade (e.g. `innozone-worker`, which worker took the socket). */
  upgradeHeaders: IncomingHttpHeaders | null = null;
  private readonly closedOnce: Promise<{ code: number; reason: string }>;

  constructor(httpUrl: string, params: Record<string, unknown> | null, headers: Record<string, string> = {}) {
    let onClosed!: (c: { code: number; reason: string }) => void;
    this.closedOnce = new Promise((resolve) => (onClosed = resolve));
    // A WebSocket sending the upgrade request's headers (a session cookie), as a browser sends its cookies.
    const self = this;
    class WithHeaders extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers });
        this.once('upgrade', (res) => (self.upgradeHeaders = res.headers));
      }
    }
    this.client = createClient({
      url: httpUrl.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WithHeaders,
      connectionParams: params ?? undefined,
      retryAttempts: 0,
      lazy: false,
      on: {
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          this.closed = { code, reason: String(reason) };
          onClosed(this.closed);
        },
      },
      onNonLazyError: () => undefined,
    });
  }

  /** Resolves with the close code and reason once the server closed the connection. */
  whenClosed(): Promise<{ code: number; reason: string }> {
    return this.closedOnce;
  }

  /** Subscribes; what arrives is collected in the returned object. `stop` ends the subscription. */
  subscribe<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Received<T> & { stop(): void; next(n?: number, ms?: number): Promise<T[]>; ended(ms?: number): Promise<Received<T>> } {
    const received: Received<T> = { values: [], errors: [], completed: false };
    const waiters: (() => void)[] = [];
    const wake = () => waiters.splice(0).forEach((w) => w());
    const stop = this.client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          received.values.push(value as T);
          wake();
        },
        error: (err) => {
          received.errors.push(err);
          wake();
        },
        complete: () => {
          received.completed = true;
          wake();
        },
      },
    );
    /** Waits until `n` values in all have arrived (or the subscription ended, or `ms` passed), then returns them all. */
    const next = async (n = 1, ms = 10_000): Promise<T[]> => {
      const until = Date.now() + ms;
      while (received.values.length < n && !received.completed && received.errors.length === 0 && Date.now() < until) {
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.max(0, until - Date.now())).unref();
        });
      }
      return received.values;
    };
    /** Waits until the subscription completed or failed (or `ms` passed). */
    const ended = async (ms = 10_000): Promise<Received<T>> => {
      const until = Date.now() + ms;
      while (!received.completed && received.errors.length === 0 && Date.now() < until) {
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.max(0, until - Date.now())).unref();
        });
      }
      return received;
    };
    return Object.assign(received, { stop, next, ended });
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
