import { LinkUrlSchema, embedProvider } from '@newsroom/content';

/** Display names for the embed providers that '@newsroom/content' allows. */
const PROVIDER_LABELS: Record<string, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  x: 'X',
  instagram: 'Instagram',
  bluesky: 'Bluesky',
};

export const EMBED_HELP = 'Embeds must be https links to YouTube, Vimeo, X, Instagram or Bluesky.';
export const LINK_HELP = 'Links may only be http(s), mailto: or a path on this site starting with /.';

/** True when `url` may be stored in an embed node: https, on an allow-listed host, and not too long. */
export function isEmbedUrlAllowed(url: string): boolean {
  return url.length <= 2000 && embedProvider(url) !== null;
}

/** The human name of the provider an allowed embed URL points at, or null when it is not allowed. */
export function embedProviderLabel(url: string): string | null {
  const provider = embedProvider(url);
  return provider === null ? null : (PROVIDER_LABELS[provider] ?? provider);
}

/**
 * Rewrites player URLs (what an `<iframe>` points at) to the page URL the public renderer understands:
 * the renderer builds its own player from a YouTube `watch?v=` / youtu.be link or a vimeo.com/ID link.
 */
export function normaliseEmbedUrl(input: string): string {
  const url = input.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'https:') return url;
  const host = parsed.hostname;
  if (host === 'www.youtube.com' || host === 'youtube.com' || host === 'www.youtube-nocookie.com') {
    const match = /^\/(?:embed|shorts|live)\/([A-Za-z0-9_-]{6,20})\/?$/.exec(parsed.pathname);
    if (match) return `https://www.youtube.com/watch?v=${match[1]}`;
  }
  if (host === 'player.vimeo.com') {
    const match = /^\/video\/(\d{3,15})\/?$/.exec(parsed.pathname);
    if (match) return `https://vimeo.com/${match[1]}`;
  }
  return url;
}

/** True when `url` may be stored as a link: http(s), mailto: or a site path (see LinkUrlSchema). */
export function isLinkUrlAllowed(url: string): boolean {
  return LinkUrlSchema.safeParse(url).success;
}
