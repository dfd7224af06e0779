const formatters = new Map<string, Intl.DateTimeFormat>();

// Pages show the same few hundred times again and again (every card of the home page has one), and
// Intl formatting is slow: ~1% of an uncached article page's CPU, more on the home page. Emptied when it
// grows past its bound.
const formatted = new Map<string, string>();
const FORMATTED_MAX = 5000;

/** "30 November 2026, 10:41" in the publication's time zone. Formatters are reused: making one is slow. */
export function formatDate(date: Date, timeZone: string): string {
  const key = `${timeZone} ${date.getTime()}`;
  let text = formatted.get(key);
  if (text === undefined) {
    let formatter = formatters.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
      formatters.set(timeZone, formatter);
    }
    text = formatter.format(date);
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}
