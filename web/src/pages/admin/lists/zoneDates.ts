/** Days in Asia/Shanghai, where the registry's dates live, whatever the browser's time zone. */

const DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

/** Today in the zone, YYYY-MM-DD. */
export const zoneToday = (): string => DAY.format(new Date());

/** A YYYY-MM-DD date plus `days` (negative to go back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date plus `years`, as the server counts an authorization's longest term (29 February → 1 March). */
export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The instant a zone day begins, for the audit trail's DateTime bounds. */
export const startOfZoneDay = (date: string): string => `${date}T00:00:00+08:00`;
