/** Newer/older links between numbered pages (`?page=N`), marked rel=prev/next for crawlers. */
export function Pagination({
  page,
  hasMore,
  href,
}: {
  page: number;
  hasMore: boolean;
  href: (page: number) => string;
}) {
  if (page <= 1 && !hasMore) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          Newer
        </a>
      ) : null}
      {hasMore ? (
        <a href={href(page + 1)} rel="next">
          Older
        </a>
      ) : null}
    </nav>
  );
}

/** `/tag/x`, `/tag/x?page=2`: page 1 has no parameter, so it has one URL. */
export function pageHref(basePath: string, page: number, params: Record<string, string> = {}): string {
  const search = new URLSearchParams(params);
  if (page > 1) search.set('page', String(page));
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}
