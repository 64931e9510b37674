import { parentPort, workerData } from 'node:worker_threads';
import { generateBatches, type ZoneOptions } from './zone';

/** Generates the zone's COPY batches for the main thread, at most two ahead of what it has loaded. */
const port = parentPort!;
let ahead = 0;
let resume: (() => void) | undefined;
port.on('message', () => {
  ahead -= 1;
  resume?.();
  resume = undefined;
});

void (async () => {
  for (const batch of generateBatches(workerData as Omit<ZoneOptions, 'onProgress'>)) {
    port.postMessage(batch);
    ahead += 1;
    while (ahead >= 2) await new Promise<void>((r) => (resume = r));
  }
  port.postMessage({ done: true });
})();
