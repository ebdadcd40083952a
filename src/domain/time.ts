/**
 * Fast parsing of the timestamps the mock backend stores. Queries over 100k complaints parse a due date
 * or receipt time per record; `Date.parse` costs ~0.3 µs, reading the canonical `toISOString` form
 * (YYYY-MM-DDTHH:mm:ss.sssZ) digit by digit is several times cheaper. Any other form falls back to Date.parse.
 */
const d = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => d(s, i) * 10 + d(s, i + 1);

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, day: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isoToMs(s: string): number {
  if (s.length !== 24 || s.charCodeAt(23) !== 90 /* Z */ || s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(19) !== 46 /* . */) return Date.parse(s);
  const days = daysFromCivil(d(s, 0) * 1000 + d(s, 1) * 100 + two(s, 2), two(s, 5), two(s, 8));
  return ((days * 24 + two(s, 11)) * 60 + two(s, 14)) * 60_000 + two(s, 17) * 1000 + d(s, 20) * 100 + two(s, 21);
}

export const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Midnight in Beijing starting this calendar day (YYYY-MM-DD), as epoch milliseconds. */
export const beijingDayStart = (day: string): number => Date.parse(`${day}T00:00:00+08:00`);
/** The Beijing calendar day an instant falls on. */
export const beijingDayOf = (ms: number): string => new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
