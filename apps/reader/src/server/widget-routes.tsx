import type { ReactElement } from 'react';
import type { PublicBranding, PublicWidgets } from '@newsroom/domain';
import type { PageMeta } from '../components/document.tsx';
import { MarketsPage } from '../pages/markets.page.tsx';
import { WeatherPage } from '../pages/weather.page.tsx';
import type { RenderedPage } from './render.tsx';
import { breadcrumbLd } from './structured-data.ts';

/** Weather and Live Markets; render.tsx matches these with its own routes. */
export const WIDGET_ROUTES = {
  weather: /^\/weather\/?$/,
  markets: /^\/markets\/?$/,
};
export type WidgetRoute = keyof typeof WIDGET_ROUTES;

export interface WidgetKit {
  /** The stored snapshots, or null when even those could not be read. */
  widgets: PublicWidgets | null;
  branding: PublicBranding;
  publicUrl: string;
  page(meta: PageMeta, body: ReactElement, status?: number, lastModified?: Date | null): RenderedPage;
}

const NOTHING: Pick<PublicWidgets, 'weather' | 'markets'> = {
  weather: { enabled: false, staleAfterMinutes: 30, locations: [] },
  markets: { enabled: false, staleAfterMinutes: 5, quotes: [] },
};

/** Both pages show only what is stored; with nothing stored (or the store unreadable) they say so, with a 200. */
export function renderWidgetRoute(route: WidgetRoute, kit: WidgetKit): RenderedPage {
  const { widgets, branding, publicUrl, page } = kit;
  const now = widgets?.generatedAt ?? new Date();
  const title = route === 'weather' ? 'Weather' : 'Live Markets';
  const meta: PageMeta = {
    title,
    description:
      route === 'weather'
        ? `Current weather and forecasts from ${branding.name}`
        : `Latest market prices from ${branding.name}`,
    canonicalUrl: `${publicUrl}/${route}`,
    jsonLd: [
      breadcrumbLd(
        [
          { name: branding.name, url: '/' },
          { name: title, url: `/${route}` },
        ],
        publicUrl,
      ),
    ],
  };
  return route === 'weather'
    ? page(
        meta,
        <WeatherPage weather={(widgets ?? NOTHING).weather} now={now} timeZone={branding.timeZone} />,
      )
    : page(
        meta,
        <MarketsPage markets={(widgets ?? NOTHING).markets} now={now} timeZone={branding.timeZone} />,
      );
}
