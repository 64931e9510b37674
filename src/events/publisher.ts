import { EventEmitter } from 'node:events';
import type { EventKind, EventSubject } from './event-kind';
import type { EventPayload } from './outbox';
import type { Recipient } from './recipients';

/** An event as the relay hands it on, once its notifications are committed. */
export interface RelayedEvent {
  id: string;
  /** The outbox order (a decimal string: bigint). */
  seq: string;
  kind: EventKind;
  /** What it is about: the type and uuid of its proposal, authorization, import or enterprise (null: none left). */
  subject: { type: EventSubject; id: string } | null;
  occurredAt: Date;
  payload: EventPayload;
  /** Who was notified: a subscription sends each viewer the events addressed to it (and applies policy per event). */
  recipients: Recipient[];
}

/**
 * Where relayed events go next, in this process: the seam for subscriptions (graphql-ws) and a Redis fan-out to other
 * instances. The relay calls `publish` once per event, after the transaction that wrote its notifications committed
 * (so nothing is published that could still roll back); a `publish` that throws is logged and not retried, since the
 * notifications, the durable record, are written already.
 */
export interface EventPublisher {
  publish(event: RelayedEvent): void | Promise<void>;
}

/** The default publisher: an in-process emitter (`on('event', …)`) that subscriptions of this process can listen to. */
export class InMemoryEventPublisher extends EventEmitter implements EventPublisher {
  publish(event: RelayedEvent): void {
    this.emit('event', event);
  }
}
