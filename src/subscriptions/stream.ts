/**
 * An async iterator fed by a listener: `attach(push)` starts listening and returns what stops it. Hand-written rather
 * than an async generator, whose `return()` waits for a pending `await` to settle: a subscriber that leaves while no
 * event comes must be let go at once, its listener removed.
 * At most `limit` values wait for a slow client; past that the stream ends with an error rather than grow without
 * bound or drop values silently (the client can read what it missed with `notifications`).
 */
export function listened<T>(attach: (push: (value: T) => void) => () => void, limit = 1_000): AsyncIterableIterator<T> {
  const waiting: T[] = [];
  let pull: ((result: IteratorResult<T>) => void) | null = null;
  let failPull: ((err: Error) => void) | null = null;
  let overflow: Error | null = null;
  let done = false;
  const detach = attach((value) => {
    if (done) return;
    if (pull) {
      const resolve = pull;
      pull = failPull = null;
      resolve({ value, done: false });
    } else if (waiting.length >= limit) {
      overflow = new Error(`The subscriber fell more than ${limit} messages behind; subscribe again.`);
      finish();
    } else {
      waiting.push(value);
    }
  });
  function finish(): void {
    if (done) return;
    done = true;
    detach();
    if (pull) {
      const resolve = pull;
      const reject = failPull!;
      pull = failPull = null;
      if (overflow) reject(overflow);
      else resolve({ value: undefined, done: true });
    }
  }
  return {
    next() {
      if (waiting.length) return Promise.resolve({ value: waiting.shift()!, done: false });
      if (overflow) return Promise.reject(overflow);
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        pull = resolve;
        failPull = reject;
      });
    },
    return() {
      waiting.length = 0;
      overflow = null;
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err?: unknown) {
      finish();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}


/** A stream of `source`'s values that `judge` maps to a value (sent) or null (skipped), one value at a time. */
export function judged<T, U>(source: AsyncIterableIterator<T>, judge: (value: T) => Promise<U | null>): AsyncIterableIterator<U> {
  return {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const got = await source.next();
        if (got.done) return { value: undefined, done: true };
        const value = await judge(got.value);
        if (value !== null) return { value, done: false };
      }
    },
    async return(): Promise<IteratorResult<U>> {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
