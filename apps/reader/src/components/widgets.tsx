import type { PublicQuote, PublicWidgets } from '@newsroom/domain';
import {
  DIRECTIONS,
  direction,
  formatAge,
  formatClock,
  formatPrice,
  formatSigned,
  formatTemperature,
  isStale,
} from './widget-format.ts';

/**
 * Weather and markets pieces. Elements the live-markets island updates carry `data-quote` (the row or
 * item, whose class holds the direction) and `data-field` (one value inside it); see client/markets.ts.
 */

/** "As of 10:41, 3 minutes ago": the time in the publication's zone, and the age the island keeps current. */
export function AsOf({
  date,
  now,
  timeZone,
  field,
}: {
  date: Date;
  now: Date;
  timeZone: string;
  field?: string;
}) {
  return (
    <>
      <time dateTime={date.toISOString()} data-field={field}>
        {formatClock(date, timeZone, now)}
      </time>
      {', '}
      <span data-age={date.toISOString()}>{formatAge(date, now)}</span>
    </>
  );
}

export function StaleNote({
  date,
  now,
  staleAfterMinutes,
  children,
}: {
  date: Date;
  now: Date;
  staleAfterMinutes: number;
  children: string;
}) {
  return (
    <p
      className="widget-stale"
      data-stale-since={date.toISOString()}
      data-stale-after={staleAfterMinutes}
      hidden={!isStale(date, now, staleAfterMinutes)}
    >
      {children}
    </p>
  );
}

/** The sign and arrow of a change, with the direction in words for screen readers. */
export function QuoteChange({
  quote,
  percent = false,
  arrow = true,
}: {
  quote: PublicQuote;
  percent?: boolean;
  arrow?: boolean;
}) {
  const d = direction(quote.change);
  return (
    <>
      {arrow ? (
        <>
          <span className="visually-hidden" data-field="direction">
            {`${DIRECTIONS[d].label} `}
          </span>
          <span aria-hidden="true" data-field="arrow">
            {DIRECTIONS[d].arrow}
          </span>{' '}
        </>
      ) : null}
      <span data-field={percent ? 'change-percent' : 'change'}>
        {percent ? formatSigned(quote.changePercent, '%') : formatSigned(quote.change)}
      </span>
    </>
  );
}

export const quoteClass = (quote: PublicQuote, base: string) => `${base} quote--${direction(quote.change)}`;

/** A strip under the site header: the first location's weather and the first three quotes. */
export function WidgetStrip({ widgets }: { widgets: PublicWidgets }) {
  const place = widgets.weather.locations[0];
  const quotes = widgets.markets.quotes.slice(0, 3);
  if (!place && quotes.length === 0) return null;
  return (
    <aside className="widget-strip" aria-label="Weather and markets">
      <div className="widget-strip__inner">
        {place ? (
          <a className="widget-strip__weather" href="/weather">
            {`${place.name} `}
            <strong>{formatTemperature(place.temperature, place.temperatureUnit)}</strong>
            {` ${place.description}`}
          </a>
        ) : null}
        {quotes.length > 0 ? (
          <ul className="widget-strip__quotes">
            {quotes.map((quote) => (
              <li key={quote.symbol} className={quoteClass(quote, 'quote')} data-quote={quote.symbol}>
                <a href="/markets">
                  {`${quote.symbol} `}
                  <span data-field="price">{formatPrice(quote.price)}</span>{' '}
                  <QuoteChange quote={quote} percent />
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </aside>
  );
}
