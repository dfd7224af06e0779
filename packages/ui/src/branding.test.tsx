import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PublicBranding } from '@newsroom/domain';
import { SiteHeader } from './branding.tsx';

const branding: PublicBranding = {
  name: 'Echo',
  description: 'News',
  logo: null,
  iconUrl: null,
  accentColor: '#1d4ed8',
  accentTextColor: '#ffffff',
  navigation: { header: [{ label: 'Weather', url: '/weather' }], footer: [] },
  copyrightNotice: '© 2026 Echo',
  language: 'en',
  timeZone: 'Europe/London',
};

describe('SiteHeader', () => {
  it('carries a labelled GET search form to /search when asked, with the query escaped', () => {
    const html = renderToStaticMarkup(<SiteHeader branding={branding} search={{ query: '"><b>x' }} />);
    const form = /<form [^>]*>/.exec(html)?.[0] ?? '';
    for (const attribute of ['role="search"', 'aria-label="Site"', 'action="/search"', 'method="get"'])
      expect(form).toContain(attribute);
    expect(html).toContain('<label class="visually-hidden" for="site-search-q">Search</label>');
    const input = /<input id="site-search-q"[^>]*>/.exec(html)?.[0] ?? '';
    for (const attribute of ['type="search"', 'name="q"', 'required=""', 'value="&quot;&gt;&lt;b&gt;x"'])
      expect(input).toContain(attribute);
    expect(html).toContain('<button class="site-search__button" type="submit">Search</button>');
    // After the navigation, so the keyboard order is brand, sections, search.
    expect(html.indexOf('<form')).toBeGreaterThan(html.indexOf('<nav'));
  });

  it('has no search form where none is asked for (the dashboard preview)', () => {
    expect(renderToStaticMarkup(<SiteHeader branding={branding} />)).not.toContain('<form');
  });
});
