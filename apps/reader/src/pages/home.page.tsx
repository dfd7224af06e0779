import type { PublicHome } from '@newsroom/domain';
import { ArticleCard } from '../components/article-card.tsx';

export function HomePage({ home, timeZone, name }: { home: PublicHome; timeZone: string; name: string }) {
  return (
    <div className="home">
      <h1 className="visually-hidden">{name}</h1>
      {home.lead ? (
        <section className="home__lead" aria-label="Lead story">
          <ArticleCard article={home.lead} size="lead" timeZone={timeZone} />
        </section>
      ) : (
        <p>Nothing has been published yet.</p>
      )}
      {home.top.length > 0 ? (
        <section className="home__top" aria-labelledby="top-stories">
          <h2 id="top-stories" className="rail__title">Top stories</h2>
          <div className="grid">
            {home.top.map((a) => (
              <ArticleCard key={a.slug} article={a} timeZone={timeZone} />
            ))}
          </div>
        </section>
      ) : null}
      {home.sections.map((section) => (
        <section key={section.slug} className="rail" aria-labelledby={`rail-${section.slug}`}>
          <h2 id={`rail-${section.slug}`} className="rail__title">
            <a href={`/section/${section.slug}`}>{section.name}</a>
          </h2>
          <div className="grid">
            {section.articles.map((a) => (
              <ArticleCard key={a.slug} article={a} size="compact" timeZone={timeZone} />
            ))}
          </div>
        </section>
      ))}
      {home.latest.length > 0 ? (
        <section className="rail" aria-labelledby="latest">
          <h2 id="latest" className="rail__title">Latest</h2>
          <div className="list">
            {home.latest.map((a) => (
              <ArticleCard key={a.slug} article={a} size="compact" timeZone={timeZone} />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
