import type { CachedPage } from './cached-page.ts';

export type RenderOutcome =
  { kind: 'page'; page: CachedPage } | { kind: 'redirect'; status: number; to: string };

export interface RenderCacheOptions {
  /** Upper bound on the html kept, in bytes. */
  maxBytes?: number;
  /** How long a page may be served without a change being announced: a backstop, not the invalidation. */
  ttlMs?: number;
  /** The services' clock, so If-Modified-Since compares times from one source. */
  clock?: () => Date;
}

export interface RenderCache {
  /** The stored page for a key (path and query), if any and not expired. */
  get(key: string): CachedPage | undefined;
  /**
   * Renders on a miss. Concurrent misses for one key share one rendering; the page is stored (when
   * `store` and its status is cacheable) only if no change was announced while it rendered.
   */
  load(
    key: string,
    render: () => Promise<RenderOutcome>,
    options: { store: boolean },
  ): Promise<RenderOutcome>;
  /** Forgets every page; called on each public change, from this process or another. */
  clear(): void;
  /** When this process last heard of a public change (or started): nothing older may be answered 304. */
  readonly changedAt: Date;
  readonly stats: { entries: number; bytes: number };
}

export const CACHEABLE_STATUSES: ReadonlySet<number> = new Set([200, 404, 410]);

// Only the reader's own pages: never drafts shown by token, the dashboard, the API, uploads or health.
const UNCACHEABLE_PATHS = /^\/(?:preview|admin|api|trpc|media|healthz|assets)(?:\/|$)/;

export function isCacheablePath(pathname: string): boolean {
  return !UNCACHEABLE_PATHS.test(pathname);
}

/** The cache key for a request URL: path and query as the reader route sees them. */
export function cacheKey(url: URL): string {
  return `${url.pathname}${url.search}`;
}

export function createRenderCache(options: RenderCacheOptions = {}): RenderCache {
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024;
  const ttlMs = options.ttlMs ?? 5 * 60 * 1000;
  const clock = options.clock ?? (() => new Date());
  // A Map iterates in insertion order; re-inserting on every hit makes its first key the least recent.
  const entries = new Map<string, { page: CachedPage; expiresAt: number }>();
  const inflight = new Map<string, { generation: number; promise: Promise<RenderOutcome> }>();
  let bytes = 0;
  let generation = 0;
  let changedAt = clock();

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.page.bytes;
  };

  const store = (key: string, page: CachedPage) => {
    // One huge page must not push out everything else.
    if (page.bytes > maxBytes / 8) return;
    remove(key);
    entries.set(key, { page, expiresAt: clock().getTime() + ttlMs });
    bytes += page.bytes;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      remove(oldest);
    }
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (clock().getTime() >= entry.expiresAt) {
        remove(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry.page;
    },
    load(key, render, { store: keep }) {
      const flying = inflight.get(key);
      if (flying && flying.generation === generation) return flying.promise;
      const started = generation;
      const promise = render()
        .then((outcome) => {
          if (
            keep &&
            started === generation &&
            outcome.kind === 'page' &&
            CACHEABLE_STATUSES.has(outcome.page.status)
          )
            store(key, outcome.page);
          return outcome;
        })
        .finally(() => {
          if (inflight.get(key)?.promise === promise) inflight.delete(key);
        });
      inflight.set(key, { generation: started, promise });
      return promise;
    },
    clear() {
      entries.clear();
      bytes = 0;
      generation += 1;
      changedAt = clock();
    },
    get changedAt() {
      return changedAt;
    },
    get stats() {
      return { entries: entries.size, bytes };
    },
  };
}
