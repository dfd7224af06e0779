import type { ReactNode } from 'react';
import type { PublicBranding } from '@newsroom/domain';
import { SiteFooter, SiteHeader, SkipLink, accentVariables } from '@newsroom/ui';
import type { ReaderAssets } from '../server/assets.ts';

export interface PageMeta {
  title: string;
  description: string;
  canonicalUrl: string;
  type?: 'website' | 'article';
  image?: { url: string; alt: string } | null;
  /** Structured data objects, written as JSON-LD. */
  jsonLd?: unknown[];
  noindex?: boolean;
  /** This page's own feeds (a section's, a tag's...), besides the site's. */
  feeds?: Array<{ type: string; title: string; href: string }>;
}

export interface DocumentProps {
  branding: PublicBranding;
  assets: ReaderAssets;
  meta: PageMeta;
  nonce: string;
  publicUrl: string;
  /** Shown under the site header on every page (the weather and markets strip). */
  headerExtra?: ReactNode;
  /** The query the header's search field shows (the search page's own). */
  searchQuery?: string;
  children: ReactNode;
}

/** JSON for a script element: no stored text can close the element or open a comment (one pass over it). */
const JSON_LD_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
function jsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => JSON_LD_ESCAPES[character]!);
}

const absolute = (publicUrl: string, url: string) => (url.startsWith('/') ? `${publicUrl}${url}` : url);

export function Document({ branding, assets, meta, nonce, publicUrl, headerExtra, searchQuery = '', children }: DocumentProps) {
  const title = meta.title === branding.name ? branding.name : `${meta.title} | ${branding.name}`;
  return (
    <html lang={branding.language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        <link rel="canonical" href={meta.canonicalUrl} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content={branding.accentColor} />
        {branding.icons?.length ? (
          // Favicons and the apple-touch-icon made from the icon image (settings.generateIcons).
          branding.icons.map((icon) =>
            icon.size === 180 ? (
              <link key={icon.size} rel="apple-touch-icon" sizes="180x180" href={icon.url} />
            ) : (
              <link key={icon.size} rel="icon" type="image/png" sizes={`${icon.size}x${icon.size}`} href={icon.url} />
            ),
          )
        ) : branding.iconUrl ? (
          <link rel="icon" href={branding.iconUrl} />
        ) : null}
        {branding.icons?.some((icon) => icon.size === 512) ? <link rel="manifest" href="/manifest.webmanifest" /> : null}
        <link rel="alternate" type="application/rss+xml" title={`${branding.name} RSS`} href="/feed.xml" />
        {(meta.feeds ?? []).map((feed) => (
          <link key={feed.href} rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
        ))}
        <meta property="og:site_name" content={branding.name} />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={meta.canonicalUrl} />
        {meta.image ? <meta property="og:image" content={absolute(publicUrl, meta.image.url)} /> : null}
        {meta.image ? <meta property="og:image:alt" content={meta.image.alt} /> : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={meta.description} />
        {assets.styles.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: accentVariables(branding) }} />
        {(meta.jsonLd ?? []).map((data, index) => (
          <script key={index} type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: jsonLd(data) }} />
        ))}
        {assets.scripts.map((src) => (
          <script key={src} type="module" src={src} nonce={nonce} />
        ))}
      </head>
      <body>
        <SkipLink />
        <SiteHeader branding={branding} search={{ query: searchQuery }} />
        {headerExtra}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter branding={branding} />
      </body>
    </html>
  );
}
