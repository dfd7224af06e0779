/**
 * The article's filing details (slug, SEO, section, tags, authors, featured image) as the editor holds them
 * between explicit saves. The body, headline and dek autosave; these go to the server only with Save.
 */

export interface TagRef {
  id: string;
  name: string;
}

/** One name on the byline: a staff account or a guest author (a freelancer, an agency). */
export interface AuthorRef {
  kind: 'staff' | 'guest';
  id: string;
  name: string;
}

/** Staff and guest ids could in principle collide; the kind keeps them apart. */
export const authorKey = (author: Pick<AuthorRef, 'kind' | 'id'>) => `${author.kind}:${author.id}`;

export interface ArticleDetails {
  slug: string;
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string;
  sectionId: string | null;
  tags: TagRef[];
  authors: AuthorRef[];
  featuredMediaId: string | null;
}

/** The parts of the editorial article the details come from. */
export interface DetailsSource {
  slug: string;
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  sectionId: string | null;
  tags: ReadonlyArray<{ id: string; name: string }>;
  authors: ReadonlyArray<{ userId: string | null; guestAuthorId: string | null; name: string }>;
  featuredMediaId: string | null;
}

export function detailsFromArticle(article: DetailsSource): ArticleDetails {
  return {
    slug: article.slug,
    seoTitle: article.seoTitle ?? '',
    seoDescription: article.seoDescription ?? '',
    canonicalUrl: article.canonicalUrl ?? '',
    sectionId: article.sectionId,
    tags: article.tags.map((t) => ({ id: t.id, name: t.name })),
    authors: article.authors.flatMap((a): AuthorRef[] =>
      a.userId ? [{ kind: 'staff', id: a.userId, name: a.name }] : a.guestAuthorId ? [{ kind: 'guest', id: a.guestAuthorId, name: a.name }] : [],
    ),
    featuredMediaId: article.featuredMediaId,
  };
}

const sameIds = (a: readonly { id: string }[], b: readonly { id: string }[]) => a.length === b.length && a.every((x, i) => x.id === b[i]!.id);

const sameAuthors = (a: readonly AuthorRef[], b: readonly AuthorRef[]) => a.length === b.length && a.every((x, i) => authorKey(x) === authorKey(b[i]!));

function authorsChanged(details: ArticleDetails, article: DetailsSource): boolean {
  return !sameAuthors(details.authors, detailsFromArticle(article).authors);
}

/** True when the editor holds details the server does not have yet. */
export function detailsChanged(details: ArticleDetails, article: DetailsSource): boolean {
  const saved = detailsFromArticle(article);
  return (
    details.slug !== saved.slug ||
    details.seoTitle !== saved.seoTitle ||
    details.seoDescription !== saved.seoDescription ||
    details.canonicalUrl !== saved.canonicalUrl ||
    details.sectionId !== saved.sectionId ||
    details.featuredMediaId !== saved.featuredMediaId ||
    !sameIds(details.tags, saved.tags) ||
    !sameAuthors(details.authors, saved.authors)
  );
}

/**
 * The article.update fields for an explicit save. The byline goes only when changed (the server replaces
 * it whole and audits each change), as staff and guest entries in order.
 */
export function detailsUpdate(details: ArticleDetails, article: DetailsSource) {
  return {
    slug: details.slug.trim() || undefined,
    seoTitle: details.seoTitle.trim() || null,
    seoDescription: details.seoDescription.trim() || null,
    canonicalUrl: details.canonicalUrl.trim() || null,
    sectionId: details.sectionId,
    tagIds: details.tags.map((t) => t.id),
    featuredMediaId: details.featuredMediaId,
    ...(authorsChanged(details, article) && { authors: details.authors.map(({ kind, id }) => ({ kind, id })) }),
  };
}

/** Moves the item at `index` by `delta` places (−1 up, +1 down); out-of-range moves change nothing. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item!);
  return next;
}

/** The media ids of the images in a body (the editor's JSON); images are top-level blocks. */
export function bodyMediaIds(body: unknown): string[] {
  const children = (body as { root?: { children?: unknown } } | null)?.root?.children;
  if (!Array.isArray(children)) return [];
  const ids: string[] = [];
  for (const node of children) {
    const n = node as { type?: unknown; mediaId?: unknown };
    if (n && n.type === 'image' && typeof n.mediaId === 'string' && n.mediaId && !ids.includes(n.mediaId)) ids.push(n.mediaId);
  }
  return ids;
}

/**
 * Server field errors keyed by field, for showing next to inputs. A nested path (`authors.0`) counts
 * for its top field.
 */
export function fieldErrorMap(errors: ReadonlyArray<{ field: string; message: string }>): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { field, message } of errors) {
    const top = field.split('.')[0]!;
    map[top] ??= message;
  }
  return map;
}
