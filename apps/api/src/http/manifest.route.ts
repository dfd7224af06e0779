import { Router } from 'express';
import type { Services } from '@newsroom/services';

/** The web app manifest, with the 192 and 512 pixel icons made by settings.generateIcons. */
export function manifestRoute(services: Services): Router {
  const router = Router();
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
