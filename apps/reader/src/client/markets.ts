import {
  DIRECTIONS,
  direction,
  formatAge,
  formatClock,
  formatPrice,
  formatSigned,
  isStale,
} from '../components/widget-format.ts';

/** One quote as /live/markets sends it (PublicQuote, dates as ISO strings). */
interface LiveQuote {
  symbol: string;
  price: number;
  change: number;
  changePercent: number;
  asOf: string;
}

const setText = (element: Element, text: string) => {
  if (element.textContent !== text) element.textContent = text;
};

function setTime(element: HTMLElement, date: Date, timeZone: string, now: Date) {
  setText(element, formatClock(date, timeZone, now));
  element.setAttribute('datetime', date.toISOString());
  const age = element.parentElement?.querySelector<HTMLElement>('[data-age]');
  if (age) age.dataset.age = date.toISOString();
}

/** Rewrites "3 minutes ago" and shows or hides the stale notes, against the browser's clock. */
export function refreshAges(now = new Date()): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-age]'))
    setText(element, formatAge(new Date(element.dataset.age!), now));
  for (const note of document.querySelectorAll<HTMLElement>('[data-stale-since]')) {
    note.hidden = !isStale(new Date(note.dataset.staleSince!), now, Number(note.dataset.staleAfter));
  }
}

function apply(quotes: LiveQuote[], timeZone: string): void {
  const now = new Date();
  const bySymbol = new Map(quotes.map((q) => [q.symbol, q]));
  let latest = 0;
  for (const row of document.querySelectorAll<HTMLElement>('[data-quote]')) {
    const quote = bySymbol.get(row.dataset.quote!);
    const asOf = quote && new Date(quote.asOf);
    if (!quote || !asOf || Number.isNaN(asOf.getTime()) || typeof quote.price !== 'number') continue;
    latest = Math.max(latest, asOf.getTime());
    const d = direction(quote.change);
    row.classList.remove('quote--up', 'quote--down', 'quote--flat');
    row.classList.add(`quote--${d}`);
    for (const field of row.querySelectorAll<HTMLElement>('[data-field]')) {
      const name = field.dataset.field;
      if (name === 'price') setText(field, formatPrice(quote.price));
      else if (name === 'change') setText(field, formatSigned(quote.change));
      else if (name === 'change-percent') setText(field, formatSigned(quote.changePercent, '%'));
      else if (name === 'arrow') setText(field, DIRECTIONS[d].arrow);
      else if (name === 'direction') setText(field, `${DIRECTIONS[d].label} `);
      else if (name === 'as-of') setTime(field, asOf, timeZone, now);
    }
  }
  if (latest) {
    const date = new Date(latest);
    const time = document.querySelector<HTMLElement>('[data-markets-latest] [data-field="latest"]');
    if (time) setTime(time, date, timeZone, now);
    for (const note of document.querySelectorAll<HTMLElement>('[data-stale-since]'))
      note.dataset.staleSince = date.toISOString();
  }
  refreshAges(now);
}

/**
 * The header strip on any other page: the page may have been rendered (and cached) minutes ago, so its
 * quotes are brought up to date once, from /live/markets.json. If that fails, the strip stays as rendered.
 */
export async function refreshQuotes(): Promise<void> {
  try {
    const response = await fetch('/live/markets.json', { headers: { accept: 'application/json' } });
    if (!response.ok) return;
    const markets = (await response.json()) as { quotes?: LiveQuote[] };
    if (Array.isArray(markets.quotes)) apply(markets.quotes, 'UTC');
  } catch {
    // Offline or a bad answer: the rendered quotes, with their age, are still true.
  }
}

/**
 * Live Markets: the server-rendered table is complete without this; with it, prices change in place as
 * /live/markets (Server-Sent Events) reports them. Without EventSource the page simply stays as rendered.
 */
export function enhanceMarkets(table: HTMLElement): void {
  if (typeof EventSource !== 'function') return;
  const timeZone = table.dataset.timeZone || 'UTC';
  let source: EventSource | null = null;
  const connect = () => {
    source = new EventSource(table.dataset.liveMarkets || '/live/markets');
    source.addEventListener('quotes', (event) => {
      try {
        apply((JSON.parse((event as MessageEvent<string>).data) as { quotes: LiveQuote[] }).quotes, timeZone);
      } catch {
        // A malformed message changes nothing; the next one will.
      }
    });
  };
  connect();
  // An open stream would keep the page out of the back/forward cache; reconnect when it is shown again.
  addEventListener('pagehide', () => source?.close());
  addEventListener('pageshow', (event) => {
    if (event.persisted) connect();
  });
  setInterval(refreshAges, 30_000);
}
