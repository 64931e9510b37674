import cluster from 'node:cluster';

let workerId: number | null = null;

/**
 * This process's id when it is a worker of innozone's own primary (WEB_CONCURRENCY > 1, src/cluster.ts), else null.
 * Not `cluster.isWorker` alone: under another cluster manager (PM2's cluster mode) a process is a node:cluster worker
 * with no innozone primary to pass its events on or count its rate limits, and must act as one process.
 */
export function innozoneWorker(): number | null {
  return workerId;
}

/** Called by src/main.ts first thing in a worker its primary forked. */
export function becomeInnozoneWorker(): void {
  if (!cluster.isWorker) throw new Error('only a node:cluster worker can be an innozone worker');
  workerId = cluster.worker!.id;
}
