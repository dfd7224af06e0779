import type { PublicCorrections } from '@newsroom/domain';
import { formatDate } from '../components/time.tsx';
import { Pagination, pageHref } from '../components/pagination.tsx';

export function CorrectionsPage({
  corrections,
  timeZone,
  publication,
}: {
  corrections: PublicCorrections;
  timeZone: string;
  publication: string;
}) {
  return (
    <div className="listing corrections-page">
      <header className="listing__header">
        <h1>Corrections and updates</h1>
        <p>
          When {publication} gets something wrong, or a story changes after we publish it, we say so here and
          on the article. Newest first.
        </p>
      </header>
      {corrections.entries.length === 0 ? <p>There are no corrections or updates yet.</p> : null}
      <ol className="corrections">
        {corrections.entries.map((c, i) => (
          <li key={`${c.article.url}-${c.createdAt.toISOString()}-${i}`} className="correction">
            <h2 className="correction__article">
              <a href={c.article.url}>{c.article.headline}</a>
            </h2>
            <p>
              <strong>{c.kind === 'correction' ? 'Correction' : 'Update'}</strong>,{' '}
              <time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt, timeZone)}</time>: {c.text}
            </p>
          </li>
        ))}
      </ol>
      <Pagination
        page={corrections.page}
        hasMore={corrections.hasMore}
        href={(n) => pageHref('/corrections', n)}
      />
    </div>
  );
}
