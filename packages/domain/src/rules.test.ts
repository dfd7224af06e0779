import { describe, expect, it } from 'vitest';
import { allowedTransitions, transitionAction } from './article-status.ts';
import { renderCopyrightNotice, DEFAULT_COPYRIGHT_TEMPLATE } from './copyright.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { AccentColorSchema, contrastRatio, isSafeHref, textColorOn } from './web.ts';
import { NavItemSchema, PublicationSettingsSchema } from './schemas/settings.schema.ts';
import { MAX_ARTICLE_AUTHORS, UpdateArticleInputSchema } from './schemas/article.schema.ts';

describe('article workflow', () => {
  it('names the permission each move needs', () => {
    expect(transitionAction('draft', 'in_review')).toBe('article.submitForReview');
    expect(transitionAction('in_review', 'published')).toBe('article.publish');
    expect(transitionAction('draft', 'scheduled')).toBe('article.schedule');
    expect(transitionAction('published', 'unpublished')).toBe('article.unpublish');
  });

  it('refuses moves that skip the workflow', () => {
    expect(() => transitionAction('archived', 'published')).toThrow(/cannot move from archived to published/);
    expect(() => transitionAction('published', 'draft')).toThrow();
    expect(allowedTransitions('published')).toEqual(['unpublished', 'archived']);
  });
});

describe('slugs', () => {
  it('fold accents and punctuation', () => {
    expect(slugify('  Crème brûlée: the “best” in São Paulo!  ')).toBe('creme-brulee-the-best-in-sao-paulo');
    expect(slugify("Minister's visit")).toBe('ministers-visit');
    expect(slugify('!!!')).toBe('untitled');
  });

  it('find the first free suffix', () => {
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
    expect(uniqueSlug('b', new Set(['a']))).toBe('b');
  });
});

describe('copyright notice', () => {
  it('fills year and publication and nothing else', () => {
    expect(renderCopyrightNotice(DEFAULT_COPYRIGHT_TEMPLATE, { year: 2026, publication: 'Globe Echo' })).toBe('© 2026 Globe Echo. All Rights Reserved.');
    expect(renderCopyrightNotice('{publication} {unknown} {year}{year}', { year: 2027, publication: 'X' })).toBe('X {unknown} 20272027');
  });
});

describe('hostile links and colours', () => {
  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>', '//evil.example/x', '/\\evil.example', ' https://a.example', 'vbscript:x', 'http://', 'https://a.example/\n'])(
    'refuses %j',
    (href) => expect(isSafeHref(href)).toBe(false),
  );

  it.each(['/weather', '/section/world?page=2', 'https://example.org/a', 'http://example.org'])('accepts %j', (href) => {
    expect(isSafeHref(href)).toBe(true);
  });

  it('allows mailto only where asked', () => {
    expect(isSafeHref('mailto:desk@example.org')).toBe(false);
    expect(isSafeHref('mailto:desk@example.org', { mailto: true })).toBe(true);
  });

  it('computes WCAG contrast and refuses unreadable accents', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(textColorOn('#ffff00').color).toBe('#000000');
    expect(AccentColorSchema.safeParse('#1d4ed8').success).toBe(true);
    // Every colour has black or white text at 4.5:1 or better; the darkest-reading one is mid grey.
    expect(textColorOn('#777777')).toEqual({ color: '#000000', contrast: expect.closeTo(4.69, 2) });
    expect(AccentColorSchema.safeParse('#FFAA00').data).toBe('#ffaa00');
    expect(AccentColorSchema.safeParse('#fff').success).toBe(false);
    expect(AccentColorSchema.safeParse('red;background:url(x)').success).toBe(false);
  });

  it('refuses script in navigation labels only by escaping later, but refuses bad URLs now', () => {
    expect(NavItemSchema.safeParse({ label: '<script>', url: '/ok' }).success).toBe(true);
    const bad = NavItemSchema.safeParse({ label: 'x', url: 'javascript:alert(1)' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['url']);
  });

  it('requires a real time zone', () => {
    const base = {
      name: 'N', description: '', logoMediaId: null, logoAlt: '', iconMediaId: null, accentColor: '#1d4ed8',
      navigation: { header: [], footer: [] }, copyrightTemplate: 'x', defaultLicense: { code: 'cc-by-4.0' },
      language: 'en', social: {}, rightsEnforcement: 'warn',
    };
    expect(PublicationSettingsSchema.safeParse({ ...base, timeZone: 'Europe/London' }).success).toBe(true);
    expect(PublicationSettingsSchema.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false);
  });
});

describe('bylines in article.update', () => {
  const id = '11111111-1111-4111-8111-111111111111';
  const other = '22222222-2222-4222-8222-222222222222';
  const base = { id, baseVersion: 1 };
  const issues = (input: unknown) =>
    UpdateArticleInputSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('take staff and guest authors in order, and the older staff-only list', () => {
    const parsed = UpdateArticleInputSchema.parse({ ...base, authors: [{ kind: 'guest', id }, { kind: 'staff', id }] });
    expect(parsed.authors).toEqual([{ kind: 'guest', id }, { kind: 'staff', id }]);
    expect(UpdateArticleInputSchema.parse({ ...base, authorIds: [id, other] }).authorIds).toEqual([id, other]);
  });

  it('name the entry at fault', () => {
    expect(issues({ ...base, authors: [{ kind: 'staff', id }, { kind: 'staff', id }] })).toEqual(['authors.1: names the same author twice']);
    expect(issues({ ...base, authorIds: [id, other, id] })).toEqual(['authorIds.2: names the same author twice']);
    expect(issues({ ...base, authors: [] })).toEqual(['authors: needs at least one author']);
    expect(issues({ ...base, authors: [{ kind: 'robot', id }] })[0]).toMatch(/^authors\.0\.kind: /);
    expect(issues({ ...base, authors: [{ kind: 'guest', id: 'nope' }] })[0]).toMatch(/^authors\.0\.id: /);
    const eleven = Array.from({ length: MAX_ARTICLE_AUTHORS + 1 }, (_, i) => ({ kind: 'guest', id: `${String(i).padStart(8, '0')}-1111-4111-8111-111111111111` }));
    expect(issues({ ...base, authors: eleven })).toEqual([`authors: may hold at most ${MAX_ARTICLE_AUTHORS} authors`]);
  });
});
