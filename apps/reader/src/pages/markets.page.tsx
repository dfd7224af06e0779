import type { PublicMarkets } from '@newsroom/domain';
import { AsOf, QuoteChange, StaleNote, quoteClass } from '../components/widgets.tsx';
import { formatPrice } from '../components/widget-format.ts';

export function MarketsPage({
  markets,
  now,
  timeZone,
}: {
  markets: PublicMarkets;
  now: Date;
  timeZone: string;
}) {
  const latest = markets.quotes.reduce<Date | null>((max, q) => (max && max >= q.asOf ? max : q.asOf), null);
  return (
    <div className="widget-page">
      <h1>Live Markets</h1>
      {markets.quotes.length === 0 || !latest ? (
        <div className="widget-empty">
          <p>Live markets are not available right now.</p>
          <p>
            {markets.enabled
              ? 'Prices are on their way; please check back in a few minutes.'
              : 'Prices will appear here once the publication sets them up.'}
          </p>
        </div>
      ) : (
        <>
          <p className="widget-meta" data-markets-latest="">
            Prices as of <AsOf date={latest} now={now} timeZone={timeZone} field="latest" />. They update on
            this page as they change.
          </p>
          <StaleNote date={latest} now={now} staleAfterMinutes={markets.staleAfterMinutes}>
            These prices may be out of date: we have not had newer ones from our market data service.
          </StaleNote>
          <table className="quotes" data-live-markets="/live/markets" data-time-zone={timeZone}>
            <caption className="visually-hidden">Latest prices</caption>
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col" className="num">
                  Change
                </th>
                <th scope="col" className="num">
                  Change %
                </th>
                <th scope="col">As of</th>
              </tr>
            </thead>
            <tbody>
              {markets.quotes.map((quote) => (
                <tr key={quote.symbol} className={quoteClass(quote, 'quote')} data-quote={quote.symbol}>
                  <th scope="row">{quote.symbol}</th>
                  <td className="num">
                    <span data-field="price">{formatPrice(quote.price)}</span>
                    {quote.currency ? <span className="quote__currency">{` ${quote.currency}`}</span> : null}
                  </td>
                  <td className="num quote__change">
                    <QuoteChange quote={quote} />
                  </td>
                  <td className="num quote__change">
                    <QuoteChange quote={quote} percent arrow={false} />
                  </td>
                  <td>
                    <AsOf date={quote.asOf} now={now} timeZone={timeZone} field="as-of" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
