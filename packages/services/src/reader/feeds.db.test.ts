import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import { createTestServices, type TestServices } from '../testing.ts';
import { FEED_SIZE } from './feeds.service.ts';
import { articleIn, insertImage } from './public-site.testing.ts';

// Stored text that would break out of an element, a CDATA section or an attribute if it were not handled.
const HOSTILE = `Dock </title><script>alert(1)</script>& ]]> and ]]> "q" 'a' &amp; <b>`;
const HOSTILE_SECTION = `Docks </title><script>alert(1)</script>& ]]> <i>`;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name, jpath) =>
    ['item', 'entry', 'category', 'atom:link', 'dc:creator', 'author'].includes(name) ||
    String(jpath).endsWith('entry.link'),
});

/** What a feed reader shows for a field it reads as HTML. */
const fromHtml = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function parseXml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

/** True when a parsed document has an element with this name anywhere. */
function hasElement(node: unknown, name: string): boolean {
  if (Array.isArray(node)) return node.some((n) => hasElement(n, name));
  if (node && typeof node === 'object')
    return Object.entries(node).some(([k, v]) => k === name || hasElement(v, name));
  return false;
}

let t: TestServices;
let hostile: { id: string; slug: string };
let image: { id: string; key: string };
let linked: { id: string; slug: string };
const base = 'http://localhost:3000';

beforeAll(async () => {
  t = await createTestServices({ seed: true });
  await t.database.db
    .insertInto('sections')
    .values({ name: HOSTILE_SECTION, slug: 'docks', position: 9 })
    .execute();
  image = await insertImage(t, { credit: 'Jo Lens & Co', caption: 'Cranes at <dawn>' });
  hostile = await articleIn(t, 'published', {
    headline: HOSTILE,
    dek: `Dek ${HOSTILE}`,
    text: `Body ${HOSTILE}`,
    section: 'docks',
    tags: [`Tag ${HOSTILE}`],
    authors: [{ guest: 'Ada Quay' }],
    imageId: image.id,
    licenseCode: 'cc-by-4.0',
    copyrightHolder: 'Harbour Wire',
  });
  linked = await articleIn(t, 'published', {
    headline: 'Linked story',
    section: 'culture',
    body: body.documentOf([
      body.paragraph([
        body.text('See '),
        body.link('/article/other-story', 'the other story'),
        body.text('.'),
      ]),
    ]),
  });
  for (let i = 0; i < 10; i++) {
    t.clock.advance(60_000);
    await articleIn(t, 'published', { headline: `Filler ${i}`, section: 'world' });
  }
  for (const state of ['draft', 'in_review', 'scheduled', 'unpublished', 'archived', 'future'] as const) {
    await articleIn(t, state, {
      headline: `Hiddenword ${state}`,
      section: 'docks',
      tags: [`Tag ${HOSTILE}`],
      authors: [{ guest: 'Ada Quay' }],
    });
  }
});
afterAll(async () => {
  await t.close();
});

const render = async (
  scope: Parameters<TestServices['feeds']['render']>[0],
  format: 'rss' | 'atom' | 'json',
) => (await t.feeds.render(scope, format))!.body;

describe('RSS 2.0', () => {
  it('is valid XML with the channel, its copyright notice and the 20 newest items', async () => {
    const xml = await render({ kind: 'site' }, 'rss');
    const { channel } = parseXml(xml).rss;
    expect(channel.title).toBe('Globe Echo');
    expect(channel.copyright).toBe((await t.settings.branding()).copyrightNotice);
    expect(channel.language).toBe('en');
    expect(channel.item).toHaveLength(FEED_SIZE);
    expect(channel.item[0].title).toBe('Filler 9');
    expect(xml).not.toContain('Hiddenword');
    for (const item of channel.item) {
      expect(item.link).toMatch(new RegExp(`^${base}/article/[a-z0-9-]+$`));
      expect(item.guid['#text']).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
  });

  it('carries hostile text as text, with the image, its credit, the licence and the byline', async () => {
    const xml = await render({ kind: 'site' }, 'rss');
    const doc = parseXml(xml);
    expect(hasElement(doc, 'script')).toBe(false);
    const item = doc.rss.channel.item.find(
      (i: { guid: { '#text': string } }) => i.guid['#text'] === `urn:uuid:${hostile.id}`,
    );
    expect(item.title).toBe(HOSTILE);
    expect(fromHtml(item.description)).toBe(`Dek ${HOSTILE}`);
    expect(item.category.map((c: { '#text': string }) => c['#text'])).toEqual([
      HOSTILE_SECTION,
      `Tag ${HOSTILE}`,
    ]);
    expect(item['dc:creator']).toEqual(['Ada Quay']);
    expect(item.enclosure).toMatchObject({
      '@_url': `${base}/media/${image.key}`,
      '@_type': 'image/jpeg',
      '@_length': '12345',
    });
    const content: string = item['content:encoded'];
    expect(content).toContain(
      `<img src="${base}/media/${image.key}" alt="A harbour at dawn" width="1200" height="800">`,
    );
    expect(content).toContain('<figcaption>Cranes at &lt;dawn&gt; Photo: Jo Lens &amp; Co</figcaption>');
    expect(content).toContain(
      '© 2026 Harbour Wire. CC BY 4.0. <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>',
    );
    expect(content).toContain(
      `<p>Body ${HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</p>`,
    );
  });
});

describe('item content', () => {
  it('makes links inside the body absolute, so they work in a feed reader', async () => {
    const feed = JSON.parse(await render({ kind: 'section', slug: 'culture' }, 'json'));
    const item = feed.items.find((i: { id: string }) => i.id === `urn:uuid:${linked.id}`);
    expect(item.content_html).toBe(`<p>See <a href="${base}/article/other-story">the other story</a>.</p>`);
  });
});

describe('Atom', () => {
  it('is valid with entry ids, dates, links, rights and HTML-typed titles that decode to the text', async () => {
    const doc = parseXml(await render({ kind: 'site' }, 'atom'));
    expect(hasElement(doc, 'script')).toBe(false);
    const { feed } = doc;
    expect(feed.title).toBe('Globe Echo');
    expect(feed.rights).toBe((await t.settings.branding()).copyrightNotice);
    expect(feed.entry).toHaveLength(FEED_SIZE);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:uuid:/);
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(entry.link[0]['@_href']).toMatch(new RegExp(`^${base}/article/`));
    }
    const entry = feed.entry.find((e: { id: string }) => e.id === `urn:uuid:${hostile.id}`);
    expect(entry.title['@_type']).toBe('html');
    expect(fromHtml(entry.title['#text'])).toBe(HOSTILE);
    expect(fromHtml(entry.summary['#text'])).toBe(`Dek ${HOSTILE}`);
    expect(entry.category.map((c: Record<string, string>) => c['@_label'])).toEqual([
      HOSTILE_SECTION,
      `Tag ${HOSTILE}`,
    ]);
    expect(entry.author).toEqual([{ name: 'Ada Quay', uri: `${base}/author/ada-quay` }]);
    expect(entry.rights).toBe('© 2026 Harbour Wire. CC BY 4.0.');
    expect(entry.link.find((l: Record<string, string>) => l['@_rel'] === 'enclosure')['@_href']).toBe(
      `${base}/media/${image.key}`,
    );
    expect(entry.content['#text']).toContain('Photo: Jo Lens &amp; Co');
  });
});

describe('JSON Feed', () => {
  it('has the version, and items with id, url, plain-text title and summary and content_html', async () => {
    const feed = JSON.parse(await render({ kind: 'site' }, 'json'));
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    expect(feed.feed_url).toBe(`${base}/feed.json`);
    expect(feed.items).toHaveLength(FEED_SIZE);
    const item = feed.items.find((i: { id: string }) => i.id === `urn:uuid:${hostile.id}`);
    expect(item).toMatchObject({
      url: `${base}/article/${hostile.slug}`,
      title: HOSTILE,
      summary: `Dek ${HOSTILE}`,
      image: `${base}/media/${image.key}`,
      tags: [HOSTILE_SECTION, `Tag ${HOSTILE}`],
    });
    expect(item.content_html).toContain('Photo: Jo Lens &amp; Co');
    expect(item.content_html).not.toContain('<script>');
  });
});

describe('scoped feeds', () => {
  it('narrow to a section, a tag or an author, titled after it', async () => {
    const section = parseXml(await render({ kind: 'section', slug: 'docks' }, 'rss')).rss.channel;
    expect(section.title).toBe(`${HOSTILE_SECTION} | Globe Echo`);
    expect(section.item.map((i: { title: string }) => i.title)).toEqual([HOSTILE]);
    expect(section['atom:link']).toEqual([
      expect.objectContaining({ '@_href': `${base}/section/docks/feed.xml`, '@_rel': 'self' }),
    ]);

    const world = parseXml(await render({ kind: 'section', slug: 'world' }, 'atom')).feed;
    expect(world.entry.length).toBeGreaterThan(10);
    for (const e of world.entry) expect(e.category[0]['@_term']).toBe('world');

    const tag = JSON.parse(
      await render({ kind: 'tag', slug: 'tag-dock-title-script-alert-1-script-and-q-a-amp-b' }, 'json'),
    );
    expect(tag.items.map((i: { title: string }) => i.title)).toEqual([HOSTILE]);
    const author = JSON.parse(await render({ kind: 'author', slug: 'ada-quay' }, 'json'));
    expect(author.title).toBe('Ada Quay | Globe Echo');
    expect(author.items.map((i: { title: string }) => i.title)).toEqual([HOSTILE]);
    const staff = JSON.parse(await render({ kind: 'author', slug: 'amara-okafor' }, 'json'));
    expect(staff.items.length).toBeGreaterThan(0);
  });

  it('do not exist for unknown scopes or tags and authors with nothing public', async () => {
    await articleIn(t, 'draft', {
      headline: 'Only a draft',
      tags: ['Draft Only Tag'],
      authors: [{ guest: 'Draft Only Guest' }],
    });
    expect(await t.feeds.render({ kind: 'section', slug: 'nope' }, 'rss')).toBeNull();
    expect(await t.feeds.render({ kind: 'tag', slug: 'draft-only-tag' }, 'rss')).toBeNull();
    expect(await t.feeds.render({ kind: 'author', slug: 'draft-only-guest' }, 'atom')).toBeNull();
  });
});
