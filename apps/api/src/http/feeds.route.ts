import { Router, type Request, type Response } from 'express';
import type { FeedFormat, FeedScope, Services } from '@newsroom/services';

const FEED_FORMATS: Record<string, { format: FeedFormat; type: string }> = {
  'feed.xml': { format: 'rss', type: 'application/rss+xml; charset=utf-8' },
  'atom.xml': { format: 'atom', type: 'application/atom+xml; charset=utf-8' },
  'feed.json': { format: 'json', type: 'application/feed+json; charset=utf-8' },
};
const XML = 'application/xml; charset=utf-8';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Feed readers and crawlers poll; a shared cache may answer them for five minutes. */
export const FEED_CACHE_CONTROL = 'public, max-age=300, s-maxage=300';

function send(res: Response, type: string, body: string, lastModified: Date | null = null) {
  res.setHeader('Cache-Control', FEED_CACHE_CONTROL);
  if (lastModified) res.setHeader('Last-Modified', lastModified.toUTCString());
  // Express adds a strong ETag and answers a matching If-None-Match with 304.
  res.status(200).type(type).send(body);
}

/**
 * Feeds (site, section, tag, author), sitemaps and robots.txt, mounted before the reader pages. Anything
 * it does not know (an unknown tag's feed) falls through to the reader, which answers 404 or redirects.
 */
export function feedsRoute(services: Services): Router {
  const router = Router();

  router.get('/robots.txt', (req, res) => {
    send(res, 'text/plain; charset=utf-8', services.sitemaps.robotsTxt());
  });

  router.get('/sitemap.xml', async (req, res) => {
    send(res, XML, await services.sitemaps.index());
  });

  router.get('/sitemaps/:file', async (req, res, next) => {
    const file = req.params.file;
    const articles = /^articles-([1-9]\d{0,5})\.xml$/.exec(file);
    const body =
      file === 'pages.xml'
        ? await services.sitemaps.pages()
        : file === 'news.xml'
          ? await services.sitemaps.news()
          : articles
            ? await services.sitemaps.articles(Number(articles[1]))
            : null;
    if (body === null) return next();
    send(res, XML, body);
  });

  const feed = async (scope: FeedScope, file: string, req: Request, res: Response, next: () => void) => {
    const known = FEED_FORMATS[file];
    if (!known) return next();
    const result = await services.feeds.render(scope, known.format);
    if (!result) return next();
    send(res, known.type, result.body, result.lastModified);
  };

  router.get('/:file', (req, res, next) => feed({ kind: 'site' }, req.params.file, req, res, next));
  for (const kind of ['section', 'tag', 'author'] as const) {
    router.get(`/${kind}/:slug/:file`, (req, res, next) => {
      if (!SLUG.test(req.params.slug)) return next();
      return feed({ kind, slug: req.params.slug }, req.params.file, req, res, next);
    });
  }
  return router;
}
