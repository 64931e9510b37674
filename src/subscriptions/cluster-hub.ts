import type { Worker } from 'node:cluster';
import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { RelayedEvent } from '../events/publisher';
import type { Recipient } from '../events/recipients';
import type { EventHub } from './hub';
import { decode, encode } from './redis-hub';
import { innozoneWorker } from '../worker';

/** The IPC message a worker's hub sends to the primary, and the primary sends on to every worker. */
export const HUB_MESSAGE = 'innozone:hub';
type Message = { type: 'event'; event: RelayedEvent } | { type: 'read'; recipient: Recipient };
interface HubEnvelope {
  type: typeof HUB_MESSAGE;
  /** `encode`d, so a Date stays a Date and a bigint a bigint (IPC serialises as JSON). */
  text: string;
}

export function isHubEnvelope(message: unknown): message is HubEnvelope {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === HUB_MESSAGE;
}

/**
 * Workers of one machine without Redis (WEB_CONCURRENCY > 1, no REDIS_URL): what a worker's relay publishes, and each
 * marking of notifications read, goes to the primary over the cluster's IPC channel, and the primary sends it to every
 * worker, the sending one included (`fanOutToWorkers`): as with Redis, each worker's subscribers hear of events in the
 * one order the primary passed them on, whichever worker relayed them. At most once, as Redis pub/sub: a worker being
 * replaced misses what was sent meanwhile, and its subscribers (reconnected) read it with `notifications`.
 */
export class ClusterEventHub extends EventEmitter implements EventHub {
  private readonly onMessage = (message: unknown) => {
    if (!isHubEnvelope(message)) return;
    let decoded: Message;
    try {
      decoded = decode<Message>(message.text);
    } catch (err) {
      this.log.error({ err }, 'a message from the primary could not be read');
      return;
    }
    if (decoded.type === 'event') this.emit('event', decoded.event);
    else this.emit('read', decoded.recipient);
  };

  constructor(private readonly log: Logger) {
    super();
    if (innozoneWorker() === null || !process.send) throw new Error('ClusterEventHub runs in a worker of innozone\'s primary only');
    this.setMaxListeners(0);
    process.on('message', this.onMessage);
  }

  publish(event: RelayedEvent): Promise<void> {
    return this.send({ type: 'event', event });
  }

  notificationsRead(recipient: Recipient): Promise<void> {
    return this.send({ type: 'read', recipient });
  }

  private send(message: Message): Promise<void> {
    const envelope: HubEnvelope = { type: HUB_MESSAGE, text: encode(message) };
    return new Promise((resolve, reject) => {
      if (!process.connected) return reject(new Error('the primary is gone: the event reaches no other worker'));
      process.send!(envelope, undefined, undefined, (err) => (err ? reject(err) : resolve()));
    });
  }

  async close(): Promise<void> {
    process.off('message', this.onMessage);
    this.removeAllListeners();
  }
}

/** In the primary: passes a worker's hub message on to every worker still connected (the sender included). */
export function fanOutToWorkers(message: HubEnvelope, workers: Iterable<Worker>): void {
  for (const worker of workers) {
    if (worker.isConnected()) worker.send(message);
  }
}
