/** The zone's time zone: every "today" of the registry is a day in Wuhan. */
export const ZONE_TIME_ZONE = 'Asia/Shanghai';

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it (it was ~4 % of a read).
const ZONE_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE_TIME_ZONE });

/** Today in the zone's time (Asia/Shanghai), as YYYY-MM-DD. The only place innozone reads the calendar. */
export function zoneToday(now: Date = new Date()): string {
  return ZONE_DAY.format(now);
}
