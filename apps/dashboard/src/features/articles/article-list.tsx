import { useEffect, useState } from 'react';
import { ARTICLE_STATUSES, type ArticleStatus, type ArticleSummary } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { Link, navigate } from '../../lib/router.tsx';
import { useSession } from '../auth/session.tsx';
import { STATUS_LABELS } from './status.ts';


export function ArticleList() {
  const { can } = useSession();
  const [status, setStatus] = useState<ArticleStatus | ''>('');
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  async function load(after: string | null) {
    setLoading(true);
    try {
      const page = await trpc.article.list.query({ status: status || undefined, query: query.trim() || undefined, cursor: after ?? undefined, limit: 25 });
      setItems((current) => (after ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    const timer = setTimeout(() => void load(null), query ? 250 : 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, query]);

  async function createArticle() {
    try {
      const article = await trpc.article.create.mutate({ headline: 'Untitled article' });
      navigate(`/articles/${article.id}`);
    } catch (err) {
      setError(describeError(err).message);
    }
  }

  return (
    <section aria-labelledby="articles-title">
      <div className="page-header">
        <h1 id="articles-title">Articles</h1>
        {can('article.create') ? (
          <button type="button" onClick={createArticle}>
            New article
          </button>
        ) : null}
      </div>
      <div className="filters" role="search">
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as ArticleStatus | '')}>
            <option value="">All</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Words in the headline or text" />
        </label>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col">Status</th>
            <th scope="col">Section</th>
            <th scope="col">Authors</th>
            <th scope="col">Updated</th>
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
                <time dateTime={new Date(a.updatedAt).toISOString()}>{new Date(a.updatedAt).toLocaleString()}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && items.length === 0 ? <p>No articles match.</p> : null}
      {cursor ? (
        <button type="button" onClick={() => void load(cursor)} disabled={loading}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
