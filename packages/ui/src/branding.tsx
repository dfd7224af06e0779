import { SEARCH_QUERY_MAX_LENGTH, type PublicBranding } from '@newsroom/domain';

/** Only #rrggbb reaches a style attribute, whatever is stored. */
function safeColor(value: string, fallback: string): string {
  return /^#[0-9a-f]{6}$/i.test(value) ? value : fallback;
}

/** CSS custom properties for the publication's accent colour and the text colour that reads on it. */
export function accentVariables(branding: Pick<PublicBranding, 'accentColor' | 'accentTextColor'>): string {
  return `:root{--accent:${safeColor(branding.accentColor, '#1d4ed8')};--on-accent:${safeColor(branding.accentTextColor, '#ffffff')}}`;
}

export function SkipLink({ target = 'main' }: { target?: string }) {
  return (
    <a className="skip-link" href={`#${target}`}>
      Skip to content
    </a>
  );
}

/**
 * The site-wide search: a plain GET form to /search, so it works with JavaScript off. On the reader, the
 * search island finds it by `data-suggest` and adds suggestions from that endpoint as the reader types.
 */
export function SiteSearch({ query = '' }: { query?: string }) {
  return (
    <form
      className="site-search"
      role="search"
      aria-label="Site"
      action="/search"
      method="get"
      data-suggest="/search/suggest"
    >
      <label className="visually-hidden" htmlFor="site-search-q">
        Search
      </label>
      <input
        id="site-search-q"
        className="site-search__input"
        type="search"
        name="q"
        defaultValue={query}
        maxLength={SEARCH_QUERY_MAX_LENGTH}
        placeholder="Search articles"
        required
      />
      <button className="site-search__button" type="submit">
        Search
      </button>
    </form>
  );
}

export interface SiteHeaderProps {
  branding: PublicBranding;
  homeHref?: string;
  /** The site search form, with the query to show in it; left out where a working form does not belong. */
  search?: { query?: string };
}

export function SiteHeader({ branding, homeHref = '/', search }: SiteHeaderProps) {
  return (
    <header className="site-header" role="banner">
      <div className="site-header__inner">
        <a className="site-brand" href={homeHref}>
          {branding.logo ? (
            <img
              className="site-brand__logo"
              src={branding.logo.url}
              alt={branding.logo.alt}
              width={branding.logo.width ?? 48}
              height={branding.logo.height ?? 48}
            />
          ) : null}
          <span className="site-brand__name">{branding.name}</span>
        </a>
        {branding.navigation.header.length > 0 ? (
          <nav className="site-nav" aria-label="Main">
            <ul>
              {branding.navigation.header.map((item, index) => (
                <li key={`${index}-${item.url}`}>
                  <a href={item.url}>{item.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {search ? <SiteSearch query={search.query} /> : null}
      </div>
    </header>
  );
}

export function SiteFooter({ branding }: { branding: PublicBranding }) {
  return (
    <footer className="site-footer" role="contentinfo">
      {branding.navigation.footer.length > 0 ? (
        <nav aria-label="Footer">
          <ul>
            {branding.navigation.footer.map((item, index) => (
              <li key={`${index}-${item.url}`}>
                <a href={item.url}>{item.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className="site-footer__notice">{branding.copyrightNotice}</p>
    </footer>
  );
}
