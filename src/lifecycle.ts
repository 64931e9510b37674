import type { Logger } from 'pino';

/**
 * What has been started, to be stopped in reverse order: the HTTP server before the ORM, the ORM before PostgreSQL.
 * Once shutdown is requested, start-up is abandoned at its next step (whatever that step started is registered
 * first, so it is stopped too).
 */
export class Lifecycle {
  private readonly stops: { name: string; stop: () => Promise<void> }[] = [];
  private requested = false;
  private stoppingAll?: Promise<void>;

  constructor(private readonly log: Logger) {}

  get stopping(): boolean {
    return this.requested;
  }

  /** Marks shutdown as requested: the next `started()` abandons start-up. */
  requestStop(): void {
    this.requested = true;
  }

  /** Registers how to stop something that has just started; throws `StartAbandoned` if shutdown was requested. */
  started(name: string, stop: () => Promise<void>): void {
    this.stops.push({ name, stop });
    if (this.requested) throw new StartAbandoned();
  }

  /** Stops everything registered, last started first; a failure is logged and the rest still stop. */
  stopAll(): Promise<void> {
    this.requested = true;
    this.stoppingAll ??= (async () => {
      // `step` numbers the stops: log lines can reach a pipe out of order, the steps cannot.
      for (let step = 1; this.stops.length > 0; step++) {
        const { name, stop } = this.stops.pop()!;
        try {
          await stop();
          this.log.info({ step }, `${name} stopped`);
        } catch (err) {
          this.log.error({ err, step }, `${name} did not stop cleanly`);
        }
      }
    })();
    return this.stoppingAll;
  }
}

/** Thrown into start-up when a signal arrived while it was under way. */
export class StartAbandoned extends Error {
  override name = 'StartAbandoned';
  constructor() {
    super('start-up abandoned: shutting down');
  }
}
