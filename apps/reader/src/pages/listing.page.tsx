import type { PublicListing } from '@newsroom/domain';
import { ArticleCard } from '../components/article-card.tsx';

export function ListingPage({ listing, timeZone, basePath }: { listing: PublicListing; timeZone: string; basePath: string }) {
  return (
    <div className="listing">
      <header className="listing__header">
        <h1>{listing.title}</h1>
        {listing.description ? <p>{listing.description}</p> : null}
      </header>
      {listing.articles.length === 0 ? <p>Nothing here yet.</p> : null}
      <div className="list">
        {listing.articles.map((a) => (
          <ArticleCard key={a.slug} article={a} timeZone={timeZone} />
        ))}
      </div>
      <nav className="pagination" aria-label="Pages">
        {listing.page > 1 ? <a href={listing.page === 2 ? basePath : `${basePath}?page=${listing.page - 1}`} rel="prev">Newer</a> : null}
        {listing.hasMore ? <a href={`${basePath}?page=${listing.page + 1}`} rel="next">Older</a> : null}
      </nav>
    </div>
  );
}
