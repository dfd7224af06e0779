import { ARTICLE_STATUSES, type ArticleListInput, type ArticleStatus } from '@newsroom/domain';

/** The list's sorts as the address bar names them, and the API's sort key for each. */
export const SORTS = {
  updated: 'updated_at',
  published: 'published_at',
  created: 'created_at',
  headline: 'headline',
} as const satisfies Record<string, ArticleListInput['sort']>;
export type SortName = keyof typeof SORTS;
export type Direction = ArticleListInput['direction'];

export const SORT_LABELS: Record<SortName, string> = {
  updated: 'Last updated',
  published: 'Published',
  created: 'Created',
  headline: 'Headline',
};

/** What the list shows; everything that differs from DEFAULT_FILTERS is kept in the query string. */
export interface ListFilters {
  status: ArticleStatus | '';
  sectionId: string;
  tagId: string;
  /** Shown for the chosen tag; kept beside its id so a reload needs no lookup. */
  tagName: string;
  authorId: string;
  query: string;
  sort: SortName;
  direction: Direction;
}

/** Dates newest first; headlines A to Z. */
export const defaultDirection = (sort: SortName): Direction => (sort === 'headline' ? 'asc' : 'desc');

export const DEFAULT_FILTERS: ListFilters = {
  status: '',
  sectionId: '',
  tagId: '',
  tagName: '',
  authorId: '',
  query: '',
  sort: 'updated',
  direction: 'desc',
};

export function directionLabels(sort: SortName): Record<Direction, string> {
  return sort === 'headline'
    ? { asc: 'A to Z', desc: 'Z to A' }
    : { desc: 'Newest first', asc: 'Oldest first' };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const QUERY_MAX = 200;

/** Reads the filters from `location.search`; values that are not valid are left at their default. */
export function filtersFromSearch(search: string): ListFilters {
  const params = new URLSearchParams(search);
  const id = (name: string) => {
    const value = params.get(name) ?? '';
    return UUID.test(value) ? value.toLowerCase() : '';
  };
  const status = params.get('status') ?? '';
  const sortParam = params.get('sort') ?? '';
  const sort: SortName = Object.hasOwn(SORTS, sortParam) ? (sortParam as SortName) : DEFAULT_FILTERS.sort;
  const dir = params.get('dir');
  const tagId = id('tag');
  return {
    status: (ARTICLE_STATUSES as readonly string[]).includes(status) ? (status as ArticleStatus) : '',
    sectionId: id('section'),
    tagId,
    tagName: tagId ? (params.get('tagName') ?? '').slice(0, 100) : '',
    authorId: id('author'),
    query: (params.get('q') ?? '').slice(0, QUERY_MAX),
    sort,
    direction: dir === 'asc' || dir === 'desc' ? dir : defaultDirection(sort),
  };
}

/** The query string for `filters` ('' when all are defaults), in a fixed order so equal filters give equal URLs. */
export function searchFromFilters(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.sectionId) params.set('section', filters.sectionId);
  if (filters.tagId) {
    params.set('tag', filters.tagId);
    if (filters.tagName) params.set('tagName', filters.tagName);
  }
  if (filters.authorId) params.set('author', filters.authorId);
  if (filters.query.trim()) params.set('q', filters.query.trim());
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.direction !== defaultDirection(filters.sort)) params.set('dir', filters.direction);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filters as `article.list` takes them (without the page size and cursor). */
export function listInput(filters: ListFilters): Omit<ArticleListInput, 'limit' | 'cursor'> {
  return {
    status: filters.status || undefined,
    sectionId: filters.sectionId || undefined,
    tagId: filters.tagId || undefined,
    authorId: filters.authorId || undefined,
    query: filters.query.trim() || undefined,
    sort: SORTS[filters.sort],
    direction: filters.direction,
  };
}

/** Whether anything narrows the list (the order does not). */
export function isFiltered(filters: ListFilters): boolean {
  return Boolean(
    filters.status || filters.sectionId || filters.tagId || filters.authorId || filters.query.trim(),
  );
}
