/**
 * The zone's calendar, written for the tests on their own, never with the server's helpers: what day it is in
 * Asia/Shanghai, and day and month arithmetic on YYYY-MM-DD dates. test/literal-dates.test.ts pins the server's
 * calendar to literal dates; the other tests compare its dates with these.
 */

/** Asia/Shanghai is UTC+8 all year (China has kept no daylight saving time since 1991). */
const ZONE_OFFSET_MS = 8 * 3_600_000;

/** The zone's calendar day at an instant, as YYYY-MM-DD. */
export const zoneDay = (instant: Date): string => new Date(instant.getTime() + ZONE_OFFSET_MS).toISOString().slice(0, 10);

/** Today in the zone. */
export const zoneToday = (): string => zoneDay(new Date());

const parts = (date: string): [number, number, number] => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && leap(y) ? 29 : DAYS[m - 1]!);

/** `date` plus `n` days (n may be negative). */
export function addDays(date: string, n: number): string {
  let [y, m, d] = parts(date);
  for (; n > 0; n--) {
    if (d < daysIn(y, m)) d++;
    else if (m < 12) (m++, (d = 1));
    else (y++, (m = 1), (d = 1));
  }
  for (; n < 0; n++) {
    if (d > 1) d--;
    else if (m > 1) (m--, (d = daysIn(y, m)));
    else (y--, (m = 12), (d = 31));
  }
  return iso(y, m, d);
}

/** `date` plus `n` months: the same day of the month, or that month's last day when it is shorter. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return iso(year, month, Math.min(d, daysIn(year, month)));
}

/** Every timer and tick as they are: only `Date` is replaced, so the database driver and the server run normally. */
const NOT_DATE = [
  'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback',
  'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout',
] as const;

/**
 * Stops this process's clock (JavaScript's `Date`, which the server reads for "today") at `instant`, e.g.
 * '2026-11-30T16:30:00Z', or starts it there (`flowing`). Only for tests that state the day they run on;
 * `realClock()` in an afterEach.
 */
export function setClock(instant: string, options: { flowing?: boolean } = {}): void {
  // flowing: the clock starts at `instant` and runs on (a millisecond each millisecond), so records made one
  // after another are told apart by when they were made, as on a real day.
  jest.useFakeTimers({ now: new Date(instant), doNotFake: [...NOT_DATE], ...(options.flowing ? { advanceTimers: 1 } : {}) });
}

export function realClock(): void {
  jest.useRealTimers();
}
