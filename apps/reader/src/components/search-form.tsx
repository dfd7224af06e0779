import { SEARCH_QUERY_MAX_LENGTH } from '@newsroom/domain';

/**
 * A plain GET form: it works with JavaScript off, and its results have a URL that can be shared. The site
 * header has a search form too, so this landmark carries a name of its own to tell the two apart.
 */
export function SearchForm({ query = '' }: { query?: string }) {
  return (
    <form className="search-form" role="search" aria-label="Search articles" method="get" action="/search">
      <label htmlFor="search-q">Search articles</label>
      <div className="search-form__row">
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={query}
          maxLength={SEARCH_QUERY_MAX_LENGTH}
          required
        />
        <button type="submit">Search</button>
      </div>
    </form>
  );
}
