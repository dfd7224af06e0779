import { describe, expect, it } from 'vitest';
import { bodyMediaIds, detailsChanged, detailsFromArticle, detailsUpdate, fieldErrorMap, moveItem, type DetailsSource } from './article-details.ts';

const article = (over: Partial<DetailsSource> = {}): DetailsSource => ({
  slug: 'a-story',
  seoTitle: null,
  seoDescription: null,
  canonicalUrl: null,
  sectionId: null,
  tags: [{ id: 't1', name: 'Politics' }],
  authors: [
    { userId: 'u1', guestAuthorId: null, name: 'Ada' },
    { userId: 'u2', guestAuthorId: null, name: 'Bo' },
  ],
  featuredMediaId: null,
  ...over,
});

describe('article details', () => {
  it('are unchanged right after loading', () => {
    expect(detailsChanged(detailsFromArticle(article()), article())).toBe(false);
  });

  it('notice a reordered byline, a new tag, a section and a featured image', () => {
    const saved = article();
    const d = detailsFromArticle(saved);
    expect(detailsChanged({ ...d, authors: [...d.authors].reverse() }, saved)).toBe(true);
    expect(detailsChanged({ ...d, tags: [...d.tags, { id: 't2', name: 'Economy' }] }, saved)).toBe(true);
    expect(detailsChanged({ ...d, sectionId: 's1' }, saved)).toBe(true);
    expect(detailsChanged({ ...d, featuredMediaId: 'm1' }, saved)).toBe(true);
  });

  it('send the byline only when it changed, as staff and guest entries in order', () => {
    const saved = article();
    const d = detailsFromArticle(saved);
    expect(detailsUpdate(d, saved)).not.toHaveProperty('authors');
    expect(detailsUpdate(d, saved)).not.toHaveProperty('authorIds');
    expect(detailsUpdate({ ...d, authors: [...d.authors].reverse() }, saved).authors).toEqual([
      { kind: 'staff', id: 'u2' },
      { kind: 'staff', id: 'u1' },
    ]);
    const withGuest = [...d.authors, { kind: 'guest' as const, id: 'g1', name: 'Wire Agency' }];
    expect(detailsUpdate({ ...d, authors: withGuest }, saved).authors).toEqual([
      { kind: 'staff', id: 'u1' },
      { kind: 'staff', id: 'u2' },
      { kind: 'guest', id: 'g1' },
    ]);
  });

  it('send empty SEO fields as null and tags in order', () => {
    const saved = article();
    const update = detailsUpdate({ ...detailsFromArticle(saved), seoTitle: '  ', tags: [{ id: 't2', name: 'B' }, { id: 't1', name: 'A' }] }, saved);
    expect(update.seoTitle).toBeNull();
    expect(update.tagIds).toEqual(['t2', 't1']);
  });

  it('hold guest authors on the byline beside staff, in order, and tell them apart by kind', () => {
    const saved = article({
      authors: [
        { userId: null, guestAuthorId: 'g1', name: 'Guest' },
        { userId: 'u1', guestAuthorId: null, name: 'Ada' },
      ],
    });
    const d = detailsFromArticle(saved);
    expect(d.authors).toEqual([
      { kind: 'guest', id: 'g1', name: 'Guest' },
      { kind: 'staff', id: 'u1', name: 'Ada' },
    ]);
    expect(detailsChanged(d, saved)).toBe(false);
    // The same id as a staff member is someone else.
    expect(detailsChanged({ ...d, authors: [{ kind: 'staff', id: 'g1', name: 'Guest' }, d.authors[1]!] }, saved)).toBe(true);
    expect(detailsChanged({ ...d, authors: [d.authors[1]!, d.authors[0]!] }, saved)).toBe(true);
  });
});

describe('moveItem', () => {
  it('moves up and down and ignores moves off the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('bodyMediaIds', () => {
  it('collects each image once, in order, and tolerates odd input', () => {
    const body = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: 'x' }] },
          { type: 'image', mediaId: 'm2' },
          { type: 'image', mediaId: 'm1' },
          { type: 'image', mediaId: 'm2' },
        ],
      },
    };
    expect(bodyMediaIds(body)).toEqual(['m2', 'm1']);
    expect(bodyMediaIds(null)).toEqual([]);
    expect(bodyMediaIds({ root: {} })).toEqual([]);
  });
});

describe('fieldErrorMap', () => {
  it('keys nested paths by their top field and keeps the first message', () => {
    expect(
      fieldErrorMap([
        { field: 'authorIds.0', message: 'Invalid UUID' },
        { field: 'authorIds', message: 'needs at least one author' },
        { field: 'slug', message: 'taken' },
      ]),
    ).toEqual({ authorIds: 'Invalid UUID', slug: 'taken' });
  });
});
