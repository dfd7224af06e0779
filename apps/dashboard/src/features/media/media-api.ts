import { ALT_TEXT_REQUIRED_MESSAGE, LICENSES, MEDIA_UPLOAD_MAX_BYTES, type MediaItem } from '@newsroom/domain';
import { sessionEvents } from '../../lib/trpc.ts';

/** An image chosen in the media library, as the article editor takes it. */
export interface ImageChoice {
  mediaId: string;
  src: string;
  altText: string;
  caption: string;
  credit: string;
}

export class UploadError extends Error {
  readonly field: string | undefined;
  readonly status: number;

  constructor(message: string, status: number, field?: string) {
    super(message);
    this.name = 'UploadError';
    this.status = status;
    this.field = field;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The upload answers plain JSON, so its dates arrive as strings. */
function reviveItem(json: Record<string, unknown>): MediaItem {
  const date = (value: unknown) => (typeof value === 'string' ? new Date(value) : null);
  return {
    ...(json as unknown as MediaItem),
    createdAt: date(json.createdAt)!,
    updatedAt: date(json.updatedAt)!,
    licenseExpiresAt: date(json.licenseExpiresAt),
    withdrawnAt: date(json.withdrawnAt),
  };
}

/**
 * Sends one file to POST /api/media as raw bytes, reporting progress from 0 to 1. XMLHttpRequest rather
 * than fetch: only it reports upload progress. Refusals arrive as UploadError with the server's message.
 */
export function uploadMedia(file: File, options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {}): Promise<MediaItem> {
  if (file.size > MEDIA_UPLOAD_MAX_BYTES) {
    return Promise.reject(
      new UploadError(`“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(MEDIA_UPLOAD_MAX_BYTES)} per image.`, 413, 'file'),
    );
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/media');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: { media?: Record<string, unknown>; error?: { message?: string; field?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: a proxy's error page
      }
      if (xhr.status === 200 && body.media) {
        options.onProgress?.(1);
        resolve(reviveItem(body.media));
        return;
      }
      if (xhr.status === 401) sessionEvents.dispatchEvent(new Event('expired'));
      const fallback = xhr.status === 413 ? `“${file.name}” is too large; the limit is ${formatBytes(MEDIA_UPLOAD_MAX_BYTES)} per image.` : `The upload failed (${xhr.status}).`;
      reject(new UploadError(body.error?.message ?? fallback, xhr.status, body.error?.field));
    };
    xhr.onerror = () => reject(new UploadError('The server could not be reached. Check your connection and try again.', 0));
    xhr.onabort = () => reject(new UploadError('The upload was cancelled.', 0));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/**
 * A URL fit for showing the image in the editor or a preview: the WebP variant nearest 1024 pixels wide
 * without going over, else the original.
 */
export function displayUrl(item: Pick<MediaItem, 'url' | 'variants'>): string {
  const webp = item.variants.filter((v) => v.format === 'webp' && v.width <= 1024).sort((a, b) => b.width - a.width)[0];
  return webp?.url ?? item.url;
}

/** The image as the editor takes it; the credit falls back to the creator. */
export function toImageChoice(item: MediaItem): ImageChoice {
  return { mediaId: item.id, src: displayUrl(item), altText: item.altText, caption: item.caption, credit: item.credit ?? item.creator ?? '' };
}

export function licenseLabel(code: string | null): string {
  if (!code) return 'No licence recorded';
  return (LICENSES as Record<string, { label: string }>)[code]?.label ?? code;
}

export type Unusable = { code: 'withdrawn' | 'expired' | 'noAltText'; message: string };

/** Why an image cannot go on a page yet, or null when it can. */
export function unusableReason(item: MediaItem, now = new Date()): Unusable | null {
  if (item.withdrawnAt) return { code: 'withdrawn', message: 'This image has been withdrawn.' };
  if (item.licenseExpiresAt && item.licenseExpiresAt.getTime() <= now.getTime()) {
    return { code: 'expired', message: `Its licence ran out on ${formatDate(item.licenseExpiresAt)}.` };
  }
  if (!item.altText.trim()) return { code: 'noAltText', message: `${ALT_TEXT_REQUIRED_MESSAGE}.` };
  return null;
}

export function formatDate(date: Date): string {
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** `2026-12-31` for a date input, read in UTC as the server stores it. */
export function toDateInput(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : '';
}

/** Every image URL the dashboard has seen, by id, for the editor's previews. */
const knownSources = new Map<string, string>();
const sourceListeners = new Set<() => void>();

export function rememberMedia(items: readonly MediaItem[]): void {
  let changed = false;
  for (const item of items) {
    const url = displayUrl(item);
    if (knownSources.get(item.id) !== url) {
      knownSources.set(item.id, url);
      changed = true;
    }
  }
  if (changed) for (const listener of sourceListeners) listener();
}

export function forgetMedia(id: string): void {
  if (knownSources.delete(id)) for (const listener of sourceListeners) listener();
}

export function knownMediaSrc(id: string): string | undefined {
  return knownSources.get(id);
}

export function onMediaSourcesChange(listener: () => void): () => void {
  sourceListeners.add(listener);
  return () => sourceListeners.delete(listener);
}
