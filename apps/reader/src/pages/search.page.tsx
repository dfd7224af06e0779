import type { PublicSearch } from '@newsroom/domain';
import { formatDate } from '../components/time.tsx';
import { Pagination, pageHref } from '../components/pagination.tsx';
import { SearchForm } from '../components/search-form.tsx';

export function SearchPage({ search, timeZone }: { search: PublicSearch | null; timeZone: string }) {
  const query = search?.query ?? '';
  return (
    <div className="listing search-page">
      <header className="listing__header">
        <h1>Search</h1>
        <SearchForm query={query} />
      </header>
      {search && query ? (
        <section aria-labelledby="search-results">
          <h2 id="search-results" className="rail__title">
            {search.total === 0
              ? `No results for “${query}”`
              : `${search.total} ${search.total === 1 ? 'result' : 'results'} for “${query}”`}
          </h2>
          {search.total === 0 ? <p>Try fewer or different words.</p> : null}
          <ol className="search-results">
            {search.results.map((r) => (
              <li key={r.slug} className="search-result">
                <h3 className="card__headline">
                  <a href={r.url}>{r.headline}</a>
                </h3>
                {/* snippetHtml is escaped text whose only markup is <mark> (see the reader service). */}
                {r.snippetHtml ? (
                  <p className="search-result__snippet" dangerouslySetInnerHTML={{ __html: r.snippetHtml }} />
                ) : null}
                <p className="card__meta">
                  {r.section ? <>{r.section.name} · </> : null}
                  <time dateTime={r.publishedAt.toISOString()}>{formatDate(r.publishedAt, timeZone)}</time>
                  {r.authors.length > 0 ? <> · {r.authors.map((a) => a.name).join(' and ')}</> : null}
                </p>
              </li>
            ))}
          </ol>
          <Pagination
            page={search.page}
            hasMore={search.hasMore}
            href={(n) => pageHref('/search', n, { q: query })}
          />
        </section>
      ) : null}
    </div>
  );
}
