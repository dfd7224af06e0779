/**
 * How weather and quotes are written on the page. Shared by the server-rendered widgets and the live
 * markets island, so a number updated in the browser reads exactly like one rendered on the server.
 */

export type Direction = 'up' | 'down' | 'flat';

/** A change is shown as a word (for screen readers), an arrow and a sign, never by colour alone. */
export const DIRECTIONS: Record<Direction, { label: string; arrow: string }> = {
  up: { label: 'Up', arrow: '▲' },
  down: { label: 'Down', arrow: '▼' },
  flat: { label: 'Unchanged', arrow: '▬' },
};

const numberFormats = new Map<number, Intl.NumberFormat>();
function fixed(value: number, digits: number): string {
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

export function formatPrice(value: number): string {
  return fixed(value, Math.abs(value) < 1 ? 4 : 2);
}

/** The direction as it will be written: a change that rounds to 0.00 is unchanged. */
export function direction(change: number): Direction {
  if (fixed(Math.abs(change), 2) === fixed(0, 2)) return 'flat';
  return change > 0 ? 'up' : 'down';
}

/** "+1.25", "−1.25" (a real minus sign), "0.00". */
export function formatSigned(value: number, suffix = ''): string {
  const text = `${fixed(Math.abs(value), 2)}${suffix}`;
  const d = direction(value);
  return d === 'up' ? `+${text}` : d === 'down' ? `−${text}` : text;
}

export function formatTemperature(value: number, unit: string): string {
  const rounded = Math.round(value);
  return `${rounded < 0 ? '−' : ''}${Math.abs(rounded)}${unit}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', options);
    dateFormats.set(key, format);
  }
  return format;
}

/** "10:41" when `date` is today (in the publication's time zone), else "29 Nov, 16:00". */
export function formatClock(date: Date, timeZone: string, now: Date): string {
  const day = dateFormat(`day ${timeZone}`, { timeZone, day: 'numeric', month: 'short' });
  const time = dateFormat(`time ${timeZone}`, { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
  return day.format(date) === day.format(now) ? time : `${day.format(date)}, ${time}`;
}

/** "just now", "1 minute ago", "3 hours ago", "2 days ago". */
export function formatAge(date: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000);
  const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (minutes < 1) return 'just now';
  if (minutes < 60) return count(minutes, 'minute');
  if (minutes < 48 * 60) return count(Math.floor(minutes / 60), 'hour');
  return count(Math.floor(minutes / 1440), 'day');
}

export function isStale(date: Date, now: Date, staleAfterMinutes: number): boolean {
  return now.getTime() - date.getTime() > staleAfterMinutes * 60_000;
}

/** A location's calendar date (YYYY-MM-DD) as "Mon 30 Nov". */
export function formatDay(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : dateFormat('day UTC', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(
        date,
      );
}
