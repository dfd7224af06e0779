import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  ARTICLE_STATUSES,
  type ArticleStatus,
  type ArticleSummary,
  type Section,
  type StaffMember,
} from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { Link, navigate } from '../../lib/router.tsx';
import { useSession } from '../auth/session.tsx';
import {
  DEFAULT_FILTERS,
  SORT_LABELS,
  SORTS,
  defaultDirection,
  directionLabels,
  filtersFromSearch,
  isFiltered,
  listInput,
  searchFromFilters,
  type Direction,
  type ListFilters,
  type SortName,
} from './article-list-filters.ts';
import { STATUS_LABELS } from './status.ts';
import { TagFilter } from './tag-filter.tsx';
import './article-list.css';

const PAGE_SIZE = 25;

/** Date and minute in the reader's locale, as the revisions and corrections show them (seconds are noise here). */
const formatDate = (value: Date | string | null) => (value ? new Date(value).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '—');

/**
 * Every article the user may read, newest change first: filters (status, section, tag, author, words),
 * a choice of order, and "Load more" for the next keyset page. The filters live in the query string, so a
 * reload or a shared link shows the same list.
 */
export function ArticleList() {
  const { can, me } = useSession();
  const id = useId();
  const [filters, setFilters] = useState<ListFilters>(() => filtersFromSearch(location.search));
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [sections, setSections] = useState<Section[]>([]);
  const [people, setPeople] = useState<StaffMember[]>([]);
  const latest = useRef(0);
  const mayListStaff = can('staff.list');

  useEffect(() => {
    trpc.taxonomy.sections.query().then(setSections, () => {});
  }, []);
  useEffect(() => {
    if (!mayListStaff) return;
    trpc.staff.list.query({}).then(
      (staff) => setPeople([...staff].sort((a, b) => a.name.localeCompare(b.name))),
      () => {},
    );
  }, [mayListStaff]);

  // The address bar follows the filters (replaced, not pushed: Back leaves the list rather than undoing a filter).
  useEffect(() => {
    const url = `${location.pathname}${searchFromFilters(filters)}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`)
      history.replaceState(history.state, '', url);
  }, [filters]);

  const load = useCallback(
    async (after: string | null) => {
      const ticket = ++latest.current;
      setLoading(true);
      try {
        const page = await trpc.article.list.query({
          ...listInput(filters),
          cursor: after ?? undefined,
          limit: PAGE_SIZE,
        });
        if (ticket !== latest.current) return;
        setItems((current) => (after ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (err) {
        if (ticket === latest.current) setError(describeError(err).message);
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    },
    [filters],
  );

  // Typing in the search box waits for a pause; every other change loads at once.
  const typed = filters.query;
  const lastTyped = useRef(typed);
  useEffect(() => {
    const wait = typed !== lastTyped.current ? 300 : 0;
    lastTyped.current = typed;
    const timer = setTimeout(() => void load(null), wait);
    return () => clearTimeout(timer);
  }, [load, typed]);

  const update = (change: Partial<ListFilters>) => setFilters((f) => ({ ...f, ...change }));

  async function createArticle() {
    try {
      const article = await trpc.article.create.mutate({ headline: 'Untitled article' });
      navigate(`/articles/${article.id}`);
    } catch (err) {
      setError(describeError(err).message);
    }
  }

  const directions = directionLabels(filters.sort);
  const sortedBy = (sort: SortName) =>
    filters.sort === sort ? (filters.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  const ownOnly = me?.permissions['article.read'] === 'own';
  const summary = loading
    ? 'Loading articles…'
    : items.length === 0
      ? 'No articles match.'
      : `${items.length} ${items.length === 1 ? 'article' : 'articles'} shown${cursor ? '; more can be loaded' : ''}.`;

  return (
    <section aria-labelledby="articles-title" className="article-list">
      <div className="page-header">
        <h1 id="articles-title">Articles</h1>
        {can('article.create') ? (
          <button type="button" onClick={createArticle}>
            New article
          </button>
        ) : null}
      </div>
      {ownOnly ? (
        <p className="article-list__hint">Your own articles: those with your byline and those you created.</p>
      ) : null}
      <div className="filters article-list__filters" role="search" aria-label="Filter articles">
        <div className="article-list__field article-list__field--wide">
          <label htmlFor={`${id}-q`}>Search</label>
          <input
            id={`${id}-q`}
            type="search"
            value={filters.query}
            maxLength={200}
            onChange={(e) => update({ query: e.target.value })}
            placeholder="Words in the headline or text"
          />
        </div>
        <div className="article-list__field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={filters.status}
            onChange={(e) => update({ status: e.target.value as ArticleStatus | '' })}
          >
            <option value="">Any</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="article-list__field">
          <label htmlFor={`${id}-section`}>Section</label>
          <select
            id={`${id}-section`}
            value={filters.sectionId}
            onChange={(e) => update({ sectionId: e.target.value })}
          >
            <option value="">Any</option>
            {filters.sectionId && !sections.some((s) => s.id === filters.sectionId) ? (
              <option value={filters.sectionId}>Chosen section</option>
            ) : null}
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <TagFilter
          value={filters.tagId ? { id: filters.tagId, name: filters.tagName } : null}
          onChange={(tag) => update({ tagId: tag?.id ?? '', tagName: tag?.name ?? '' })}
        />
        {mayListStaff ? (
          <div className="article-list__field">
            <label htmlFor={`${id}-author`}>Author</label>
            <select
              id={`${id}-author`}
              value={filters.authorId}
              onChange={(e) => update({ authorId: e.target.value })}
            >
              <option value="">Anyone</option>
              {filters.authorId && !people.some((p) => p.id === filters.authorId) ? (
                <option value={filters.authorId}>Chosen author</option>
              ) : null}
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="article-list__field">
          <label htmlFor={`${id}-sort`}>Sort by</label>
          <select
            id={`${id}-sort`}
            value={filters.sort}
            onChange={(e) => {
              const sort = e.target.value as SortName;
              update({ sort, direction: defaultDirection(sort) });
            }}
          >
            {(Object.keys(SORTS) as SortName[]).map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="article-list__field">
          <label htmlFor={`${id}-dir`}>Order</label>
          <select
            id={`${id}-dir`}
            value={filters.direction}
            onChange={(e) => update({ direction: e.target.value as Direction })}
          >
            {filters.sort === 'headline' ? (
              <>
                <option value="asc">{directions.asc}</option>
                <option value="desc">{directions.desc}</option>
              </>
            ) : (
              <>
                <option value="desc">{directions.desc}</option>
                <option value="asc">{directions.asc}</option>
              </>
            )}
          </select>
        </div>
        {isFiltered(filters) ? (
          <button
            type="button"
            className="article-list__reset"
            onClick={() =>
              setFilters({ ...DEFAULT_FILTERS, sort: filters.sort, direction: filters.direction })
            }
          >
            Clear filters
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="article-list__summary" role="status">
        {summary}
      </p>
      <table className="table" aria-labelledby="articles-title" aria-busy={loading}>
        <thead>
          <tr>
            <th scope="col" aria-sort={sortedBy('headline')}>
              Headline
            </th>
            <th scope="col">Status</th>
            <th scope="col">Section</th>
            <th scope="col">Authors</th>
            <th scope="col" aria-sort={sortedBy('updated')}>
              Updated
            </th>
            <th scope="col" aria-sort={sortedBy('published')}>
              Published
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={`/articles/${a.id}`}>{a.headline || 'Untitled'}</Link>
              </td>
              <td>
                <span className={`status status--${a.status}`}>{STATUS_LABELS[a.status]}</span>
              </td>
              <td>{a.sectionName ?? '—'}</td>
              <td>{a.authorNames.join(', ')}</td>
              <td>
                <time dateTime={new Date(a.updatedAt).toISOString()}>{formatDate(a.updatedAt)}</time>
              </td>
              <td>
                {a.publishedAt ? (
                  <time dateTime={new Date(a.publishedAt).toISOString()}>{formatDate(a.publishedAt)}</time>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor ? (
        <button
          type="button"
          className="article-list__more"
          onClick={() => void load(cursor)}
          disabled={loading}
        >
          {loading ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </section>
  );
}
