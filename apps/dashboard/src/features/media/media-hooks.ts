import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaItem } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { knownMediaSrc, onMediaSourcesChange, rememberMedia } from './media-api.ts';

export interface MediaFilters {
  query: string;
  onlyMine: boolean;
  expiringWithinDays?: number;
}

/** One growing list of images, newest first, a keyset page at a time; a new search starts it again. */
export function useMediaList(filters: MediaFilters, limit = 24) {
  const [items, setItems] = useState<MediaItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Answers to an older search that arrive late are dropped.
  const latest = useRef(0);
  const { query, onlyMine, expiringWithinDays } = filters;

  const load = useCallback(
    async (after: string | null) => {
      const ticket = ++latest.current;
      setLoading(true);
      try {
        const page = await trpc.media.list.query({ query: query.trim() || undefined, onlyMine: onlyMine || undefined, expiringWithinDays, cursor: after ?? undefined, limit });
        if (ticket !== latest.current) return;
        rememberMedia(page.items);
        setItems((current) => (after ? [...current, ...page.items.filter((i) => !current.some((c) => c.id === i.id))] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (err) {
        if (ticket === latest.current) setError(describeError(err).message);
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    },
    [query, onlyMine, expiringWithinDays, limit],
  );

  useEffect(() => {
    const timer = setTimeout(() => void load(null), query ? 250 : 0);
    return () => clearTimeout(timer);
  }, [load, query]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: useCallback(() => void load(cursor), [load, cursor]),
    reload: useCallback(() => void load(null), [load]),
    /** Puts a fresh copy of an image in place, or at the top when it is new. */
    upsert: useCallback((item: MediaItem) => {
      rememberMedia([item]);
      setItems((current) => (current.some((c) => c.id === item.id) ? current.map((c) => (c.id === item.id ? item : c)) : [item, ...current]));
    }, []),
    remove: useCallback((id: string) => setItems((current) => current.filter((c) => c.id !== id)), []),
  };
}

/**
 * For the article editor's `resolveImageSrc`: a function from media id to a preview URL. Ids it has not
 * seen are fetched, and a new function is returned once they arrive, so the editor re-renders them.
 */
export function useMediaSrcResolver(mediaIds: readonly string[] = []): (mediaId: string) => string | undefined {
  const [version, setVersion] = useState(0);
  useEffect(() => onMediaSourcesChange(() => setVersion((v) => v + 1)), []);
  const key = [...new Set(mediaIds)].sort().join(',');
  useEffect(() => {
    const missing = key ? key.split(',').filter((id) => knownMediaSrc(id) === undefined) : [];
    for (const id of missing) {
      trpc.media.get.query({ id }).then(
        (item) => rememberMedia([item]),
        () => {
          // A deleted or unreadable image keeps showing the editor's placeholder.
        },
      );
    }
  }, [key]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new function each time a source arrives
  return useCallback((mediaId: string) => knownMediaSrc(mediaId), [version]);
}
