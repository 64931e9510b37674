import { InMemoryEventPublisher, type EventPublisher, type RelayedEvent } from '../events/publisher';
import type { Recipient } from '../events/recipients';

/**
 * What subscriptions listen to, in this process: the relayed events (`'event'`) and word that a recipient's
 * notifications were marked read (`'read'`), the one change of an unread count no event announces. The relay publishes
 * into it (it is its EventPublisher); `markNotificationsRead` tells it after its commit (src/subscriptions/reads.ts).
 * Without REDIS_URL it is this process's emitter; with it, Redis carries both to every instance (redis-hub.ts).
 */
export interface EventHub extends EventPublisher {
  /** Tells every instance's subscribers that notifications addressed to `recipient` were marked read. */
  notificationsRead(recipient: Recipient): void | Promise<void>;
  on(name: 'event', listener: (event: RelayedEvent) => void): this;
  on(name: 'read', listener: (recipient: Recipient) => void): this;
  off(name: 'event', listener: (event: RelayedEvent) => void): this;
  off(name: 'read', listener: (recipient: Recipient) => void): this;
  /** Stops taking and sending messages (a Redis hub closes its connections). */
  close(): Promise<void>;
}

/** One instance: what the relay publishes here reaches this process's subscribers, and nobody else's. */
export class LocalEventHub extends InMemoryEventPublisher implements EventHub {
  constructor() {
    super();
    // One listener per open subscription: thousands are normal, not a leak.
    this.setMaxListeners(0);
  }

  notificationsRead(recipient: Recipient): void {
    this.emit('read', recipient);
  }

  async close(): Promise<void> {
    this.removeAllListeners();
  }
}
