import type { Language } from '../../text';

/** A quarter the dashboard can be read as of: its last day, or today for the quarter still running. */
export interface Quarter {
  year: number;
  /** 1–4. */
  quarter: number;
  /** The day the figures are asked for: the quarter's last day, or today while it runs. */
  asOf: string;
  /** The quarter is still running: its figures are to date. */
  toDate: boolean;
}

const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'] as const;

/**
 * The quarters offered, newest first: the one `today` is in (to date), then `count - 1` before it. Dates are
 * YYYY-MM-DD days in Asia/Shanghai, compared as text.
 */
export function recentQuarters(today: string, count: number): Quarter[] {
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const quarters: Quarter[] = [];
  for (let i = 0; i < count; i++) {
    const last = `${year}-${LAST_DAY[quarter - 1]}`;
    quarters.push({ year, quarter, asOf: last > today ? today : last, toDate: last > today });
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return quarters;
}

/** 2026年第三季度 / Q3 2026, with （截至今日） / (to date) while it runs. */
export function quarterName(q: Quarter, language: Language): string {
  const ordinal = ['一', '二', '三', '四'][q.quarter - 1];
  if (language === 'zh') return `${q.year}年第${ordinal}季度${q.toDate ? '（截至今日）' : ''}`;
  return `Q${q.quarter} ${q.year}${q.toDate ? ' (to date)' : ''}`;
}

/** Today in Asia/Shanghai, YYYY-MM-DD (the zone's day, whatever the browser's time zone). */
export function zoneToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now);
}
