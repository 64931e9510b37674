import { addDays } from './random';

/**
 * Days the Chinese exchanges (and the regulators that accept filings and issue approval letters) are closed, as far
 * as the demo needs them: weekends, New Year's Day, the Spring Festival week (New Year's Eve to the sixth day), Labour
 * Day and the National Day week. The single-day festivals (Qingming, Dragon Boat, Mid-Autumn) and the make-up working
 * weekends are left out: they move every year, and a demo listing on one of them is improbable, not impossible.
 */

/** The first day of the lunar new year (春节), 2012–2030. */
const SPRING_FESTIVAL: Record<number, string> = {
  2012: '01-23', 2013: '02-10', 2014: '01-31', 2015: '02-19', 2016: '02-08', 2017: '01-28', 2018: '02-16',
  2019: '02-05', 2020: '01-25', 2021: '02-12', 2022: '02-01', 2023: '01-22', 2024: '02-10', 2025: '01-29',
  2026: '02-17', 2027: '02-06', 2028: '01-26', 2029: '02-13', 2030: '02-03',
};

/** Whether the exchanges trade on `date` (YYYY-MM-DD), in the approximation above. */
export function isTradingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const monthDay = date.slice(5);
  if (monthDay === '01-01' || monthDay === '05-01' || (monthDay >= '10-01' && monthDay <= '10-07')) return false;
  const festival = SPRING_FESTIVAL[Number(date.slice(0, 4))];
  if (festival) {
    const first = `${date.slice(0, 4)}-${festival}`;
    if (date >= addDays(first, -1) && date <= addDays(first, 6)) return false;
  }
  return true;
}

/**
 * The last trading day on or before `date`. Backwards, so that a date the demo placed before its data's day stays
 * before it (and two months after the previous stage of a listing, after that one).
 */
export function tradingDayOnOrBefore(date: string): string {
  let day = date;
  while (!isTradingDay(day)) day = addDays(day, -1);
  return day;
}
