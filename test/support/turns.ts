/** Waiting on events, never on time: the event loop's turns. */

/** Lets the callbacks queued so far run: `n` turns of the event loop. */
export async function turns(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Resolves once `condition` holds, checking after each turn of the event loop (no fixed sleep). */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let n = 0; !condition(); n++) {
    if (n > 100_000) throw new Error(`never happened: ${what}`);
    await turns(1);
  }
}
