import type { PublicArticle } from '@newsroom/domain';
import { ArticleCard } from '../components/article-card.tsx';
import { Share } from '../components/share.tsx';
import { formatDate } from '../components/time.tsx';

export function ArticlePage({ article, timeZone, shareUrl }: { article: PublicArticle; timeZone: string; shareUrl: string }) {
  const updated = article.updatedAt.getTime() - article.publishedAt.getTime() > 60_000;
  return (
    <article className="article">
      <header className="article__header">
        {article.section ? (
          <a className="article__section" href={`/section/${article.section.slug}`}>
            {article.section.name}
          </a>
        ) : null}
        <h1 className="article__headline">{article.headline}</h1>
        {article.dek ? <p className="article__dek">{article.dek}</p> : null}
        <p className="article__byline">
          {article.authors.length > 0 ? (
            <>
              By{' '}
              {article.authors.map((a, i) => (
                <span key={a.slug}>
                  {i > 0 ? (i === article.authors.length - 1 ? ' and ' : ', ') : ''}
                  <a href={a.url} rel="author">
                    {a.name}
                  </a>
                </span>
              ))}
            </>
          ) : null}
        </p>
        <p className="article__dates">
          Published <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt, timeZone)}</time>
          {updated ? (
            <>
              {' · '}Updated <time dateTime={article.updatedAt.toISOString()}>{formatDate(article.updatedAt, timeZone)}</time>
            </>
          ) : null}
          {' · '}
          {article.readingMinutes} min read
        </p>
      </header>
      {article.image ? (
        <figure className="article__image">
          <img
            src={article.image.url}
            srcSet={article.image.srcset ?? undefined}
            sizes="(max-width: 760px) 100vw, 760px"
            alt={article.image.alt}
            width={article.image.width ?? undefined}
            height={article.image.height ?? undefined}
            decoding="async"
          />
          {article.image.caption || article.image.credit ? (
            <figcaption>
              {article.image.caption}
              {article.image.credit ? <span className="credit"> {article.image.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {article.corrections.length > 0 ? (
        <aside className="article__corrections" aria-label="Corrections and updates">
          {article.corrections.map((c, i) => (
            <p key={i}>
              <strong>{c.kind === 'correction' ? 'Correction' : 'Update'}</strong> (
              <time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt, timeZone)}</time>): {c.text}
            </p>
          ))}
        </aside>
      ) : null}
      <div className="article__body prose" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      {article.tags.length > 0 ? (
        <ul className="article__tags" aria-label="Tags">
          {article.tags.map((t) => (
            <li key={t.slug}>
              <a href={`/tag/${t.slug}`}>{t.name}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="article__rights">
        {article.rights.notice}
        {article.rights.license.url ? (
          <>
            {' '}
            <a href={article.rights.license.url} rel="license">
              {article.rights.license.label}
            </a>
          </>
        ) : null}
      </p>
      <Share url={shareUrl} title={article.headline} />
      {article.related.length > 0 ? (
        <section className="related" aria-labelledby="related">
          <h2 id="related" className="rail__title">Related</h2>
          <div className="grid">
            {article.related.map((a) => (
              <ArticleCard key={a.slug} article={a} size="compact" timeZone={timeZone} />
            ))}
          </div>
        </section>
      ) : null}
    </article>
  );
}
