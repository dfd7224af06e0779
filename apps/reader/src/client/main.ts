import './styles.css';
import { enhanceShare } from './share.ts';
import { enhanceMarkets, refreshAges, refreshQuotes } from './markets.ts';
import { enhanceSearch, focusOnSlash } from './search.ts';

// Progressive enhancement: every page works without this script; it only adds what needs a browser.
for (const element of document.querySelectorAll<HTMLElement>('[data-share]')) enhanceShare(element);
// A cached page's "3 minutes ago" is recomputed against the reader's clock.
if (document.querySelector('[data-age]')) refreshAges();
const liveMarkets = document.querySelector<HTMLElement>('[data-live-markets]');
if (liveMarkets) enhanceMarkets(liveMarkets);
else if (document.querySelector('[data-quote]')) void refreshQuotes();
// The header's search form: suggestions as the reader types, and "/" to get there from anywhere.
const siteSearch = document.querySelector<HTMLFormElement>('form[data-suggest]');
if (siteSearch) {
  enhanceSearch(siteSearch);
  const field = siteSearch.querySelector<HTMLInputElement>('input[name="q"]');
  if (field) focusOnSlash(field);
}
