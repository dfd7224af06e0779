import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  filtersFromSearch,
  isFiltered,
  listInput,
  searchFromFilters,
  type ListFilters,
} from './article-list-filters.ts';

const SECTION = '6f1e0f8a-4c7e-4b8e-9a53-0f0d2b1d6c11';
const TAG = '0b4a8c2e-9d3f-4e1a-8b7c-5d6e7f8a9b0c';
const AUTHOR = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

describe('article list filters in the address bar', () => {
  it('leave the address bare when nothing is chosen', () => {
    expect(searchFromFilters(DEFAULT_FILTERS)).toBe('');
    expect(filtersFromSearch('')).toEqual(DEFAULT_FILTERS);
    expect(isFiltered(DEFAULT_FILTERS)).toBe(false);
  });

  it('survive a reload: every filter, the sort and the direction', () => {
    const filters: ListFilters = {
      status: 'in_review',
      sectionId: SECTION,
      tagId: TAG,
      tagName: 'Climate & energy',
      authorId: AUTHOR,
      query: 'harbour "strike"',
      sort: 'published',
      direction: 'asc',
    };
    const search = searchFromFilters(filters);
    expect(search).toMatch(/^\?status=in_review&section=/);
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(isFiltered(filters)).toBe(true);
  });

  it("keep a sort's natural direction out of the address", () => {
    expect(searchFromFilters({ ...DEFAULT_FILTERS, sort: 'headline', direction: 'asc' })).toBe(
      '?sort=headline',
    );
    expect(filtersFromSearch('?sort=headline')).toMatchObject({ sort: 'headline', direction: 'asc' });
    expect(searchFromFilters({ ...DEFAULT_FILTERS, direction: 'asc' })).toBe('?dir=asc');
  });

  it('ignore what is not valid rather than fail', () => {
    expect(
      filtersFromSearch('?status=deleted&section=1%20OR%201=1&tag=x&author=&sort=password_hash&dir=sideways'),
    ).toEqual(DEFAULT_FILTERS);
    expect(filtersFromSearch(`?tagName=orphan`).tagName).toBe('');
    expect(filtersFromSearch(`?q=${'a'.repeat(500)}`).query).toHaveLength(200);
  });

  it('send the API its own names and nothing empty', () => {
    expect(listInput(DEFAULT_FILTERS)).toEqual({ sort: 'updated_at', direction: 'desc' });
    expect(
      listInput({ ...DEFAULT_FILTERS, query: '  budget ', sort: 'created', tagId: TAG, tagName: 'Budget' }),
    ).toEqual({
      query: 'budget',
      sort: 'created_at',
      direction: 'desc',
      tagId: TAG,
    });
  });
});
