const formatters = new Map<string, Intl.DateTimeFormat>();

/** "30 November 2026, 10:41" in the publication's time zone. Formatters are reused: making one is slow. */
export function formatDate(date: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(date);
}
