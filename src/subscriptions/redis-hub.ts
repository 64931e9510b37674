import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import type { RelayedEvent } from '../events/publisher';
import type { Recipient } from '../events/recipients';
import type { EventHub } from './hub';

/** What travels on the channel: a relayed event, or word that a recipient's notifications were marked read. */
type Message = { type: 'event'; event: RelayedEvent } | { type: 'read'; recipient: Recipient };

/**
 * JSON that keeps what JSON alone would turn into something else: a Date comes back a Date (not an ISO string), a
 * bigint a bigint (JSON.stringify throws on one). Tagged as `{"$date": iso}` and `{"$bigint": digits}`.
 */
export function encode(message: unknown): string {
  return JSON.stringify(message, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.toISOString() };
    if (typeof raw === 'bigint') return { $bigint: raw.toString() };
    return value;
  });
}

/** Reads what `encode` wrote. */
export function decode<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === '$date') return new Date((value as { $date: string }).$date);
      if (keys.length === 1 && keys[0] === '$bigint') return BigInt((value as { $bigint: string }).$bigint);
    }
    return value;
  }) as T;
}

/**
 * Many instances (REDIS_URL): each relayed event, and each marking of notifications read, is published on one Redis
 * channel (`<REDIS_KEY_PREFIX>events`), and every instance, the publishing one included, hands what arrives to its own
 * subscribers. So an instance's subscribers hear of events in the one order Redis delivered them, whichever instance
 * relayed them. Pub/sub delivers at most once: a subscriber of an instance cut off from Redis misses what was sent
 * meanwhile, and reads it with `notifications` (the durable record the relay wrote before publishing).
 * The client is ioredis: maintained, typed, with pub/sub that resubscribes after a reconnection, backoff and `rediss://`
 * built in; it is what BullMQ and rate-limiter-flexible's Redis stores are used with, for the later shared state.
 */
export class RedisEventHub extends EventEmitter implements EventHub {
  readonly channel: string;
  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    prefix: string,
    private readonly log: Logger,
  ) {
    super();
    this.setMaxListeners(0);
    this.channel = `${prefix}events`;
  }

  /** Connects both connections (a subscribing connection can do nothing else) and subscribes; throws if Redis is out of reach. */
  static async connect(url: string, prefix: string, log: Logger): Promise<RedisEventHub> {
    const options = {
      lazyConnect: true,
      // A publish while Redis is away fails at once (the relay logs it; the notifications are written) rather than
      // queue up behind the relay; the subscriber resubscribes by itself when it reconnects.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectionName: 'innozone events',
    };
    const publisher = new Redis(url, options);
    const subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
    const hub = new RedisEventHub(publisher, subscriber, prefix, log);
    for (const client of [publisher, subscriber]) {
      client.on('error', (err) => log.warn({ err }, 'Redis (events fan-out) reported an error; reconnecting'));
    }
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
      subscriber.on('message', (channel: string, text: string) => {
        if (channel === hub.channel) hub.deliver(text);
      });
      await subscriber.subscribe(hub.channel);
    } catch (err) {
      publisher.disconnect();
      subscriber.disconnect();
      throw err;
    }
    return hub;
  }

  private deliver(text: string): void {
    let message: Message;
    try {
      message = decode<Message>(text);
    } catch (err) {
      this.log.error({ err }, 'a message on the events channel could not be read');
      return;
    }
    if (message.type === 'event') this.emit('event', message.event);
    else if (message.type === 'read') this.emit('read', message.recipient);
  }

  async publish(event: RelayedEvent): Promise<void> {
    await this.publisher.publish(this.channel, encode({ type: 'event', event } satisfies Message));
  }

  async notificationsRead(recipient: Recipient): Promise<void> {
    await this.publisher.publish(this.channel, encode({ type: 'read', recipient } satisfies Message));
  }

  async close(): Promise<void> {
    this.removeAllListeners();
    await Promise.all([this.subscriber.quit().catch(() => undefined), this.publisher.quit().catch(() => undefined)]);
  }
}
