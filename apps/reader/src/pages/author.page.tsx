import type { PublicAuthorPage } from '@newsroom/domain';
import { ArticleCard } from '../components/article-card.tsx';
import { Pagination, pageHref } from '../components/pagination.tsx';

export function AuthorPage({ page, timeZone }: { page: PublicAuthorPage; timeZone: string }) {
  const { author } = page;
  const basePath = author.url;
  return (
    <div className="listing author-page">
      <header className="listing__header author-page__header">
        {author.photo ? (
          <img
            className="author-page__photo"
            src={author.photo.url}
            srcSet={author.photo.srcset ?? undefined}
            sizes="96px"
            alt={author.photo.alt || `Photo of ${author.name}`}
            width={96}
            height={96}
          />
        ) : null}
        <div>
          <h1>{author.name}</h1>
          {author.bio ? <p className="author-page__bio">{author.bio}</p> : null}
        </div>
      </header>
      <section aria-labelledby="author-articles">
        <h2 id="author-articles" className="rail__title">
          Articles by {author.name}
        </h2>
        <div className="list">
          {page.articles.map((a) => (
            <ArticleCard key={a.slug} article={a} timeZone={timeZone} />
          ))}
        </div>
      </section>
      <Pagination page={page.page} hasMore={page.hasMore} href={(n) => pageHref(basePath, n)} />
    </div>
  );
}
