import type { PublicArticleCard } from '@newsroom/domain';
import { formatDate } from './time.tsx';

export function ArticleCard({ article, size = 'normal', timeZone }: { article: PublicArticleCard; size?: 'lead' | 'normal' | 'compact'; timeZone: string }) {
  const Heading = size === 'lead' ? 'h2' : 'h3';
  return (
    <article className={`card card--${size}`}>
      {article.image && size !== 'compact' ? (
        <img
          className="card__image"
          src={article.image.url}
          srcSet={article.image.srcset ?? undefined}
          sizes={size === 'lead' ? '(max-width: 760px) 100vw, 760px' : '(max-width: 760px) 100vw, 360px'}
          alt={article.image.alt}
          width={article.image.width ?? undefined}
          height={article.image.height ?? undefined}
          loading={size === 'lead' ? 'eager' : 'lazy'}
          decoding="async"
        />
      ) : null}
      {article.section ? (
        <a className="card__section" href={`/section/${article.section.slug}`}>
          {article.section.name}
        </a>
      ) : null}
      <Heading className="card__headline">
        <a href={article.url}>{article.headline}</a>
      </Heading>
      {size !== 'compact' && article.dek ? <p className="card__dek">{article.dek}</p> : null}
      <p className="card__meta">
        <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt, timeZone)}</time>
        {article.authors.length > 0 ? <> · {article.authors.map((a) => a.name).join(' and ')}</> : null}
      </p>
    </article>
  );
}
