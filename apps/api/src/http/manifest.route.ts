import { Router } from 'express';
import type { Services } from '@newsroom/services';

/**
 * The web app manifest, with the 192 and 512 pixel icons made by settings.generateIcons; and /favicon.ico,
 * which feed readers and crawlers ask for without reading the page: a redirect to the 32 pixel favicon (or
 * the icon image), 404 when the publication has none.
 */
export function manifestRoute(services: Services): Router {
  const router = Router();
  router.get('/favicon.ico', async (_req, res, next) => {
    try {
      const branding = await services.settings.branding();
      const url = branding.icons?.find((icon) => icon.size === 32)?.url ?? branding.iconUrl;
      // Short-lived: a new icon has a new address, and the redirect should follow it soon.
      res.setHeader('Cache-Control', 'public, max-age=300');
      if (url) res.redirect(302, url);
      else res.status(404).type('text/plain').send('This publication has no icon.');
    } catch (error) {
      next(error);
    }
  });
  router.get('/manifest.webmanifest', async (_req, res, next) => {
    try {
      const branding = await services.settings.branding();
      const manifest = {
        name: branding.name,
        short_name: branding.name.length <= 12 ? branding.name : branding.name.slice(0, 12).trim(),
        description: branding.description,
        lang: branding.language,
        start_url: '/',
        scope: '/',
        display: 'browser',
        theme_color: branding.accentColor,
        background_color: '#ffffff',
        icons: (branding.icons ?? [])
          .filter((icon) => icon.size === 192 || icon.size === 512)
          .map((icon) => ({ src: icon.url, sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: 'any' })),
      };
      res.setHeader('Cache-Control', 'no-cache');
      res.type('application/manifest+json').send(JSON.stringify(manifest));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
