import { describe, expect, it } from 'vitest';
import { body } from './index.ts';
import { CheckedBody, countWords, documentMediaIds, documentText, jsonForScript, parseDocument, renderDocument } from './index.ts';

const { documentOf, paragraph, text, link, heading, bulletList, pullquote } = body;

describe('renderDocument', () => {
  it('renders formatting, headings, lists and pull quotes', () => {
    const html = renderDocument(
      documentOf([
        heading('Context'),
        paragraph([text('bold', 1), text(' and '), text('italic', 2)]),
        bulletList(['one', 'two']),
        pullquote('We will talk.', 'A minister'),
      ]),
    );
    expect(html).toContain('<h2>Context</h2>');
    expect(html).toContain('<p><strong>bold</strong> and <em>italic</em></p>');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(html).toContain('<figcaption>A minister</figcaption>');
  });

  it('escapes every text so stored markup never becomes markup', () => {
    const html = renderDocument(documentOf([paragraph('<script>alert(1)</script> & "quotes"')]));
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>');
  });

  it('refuses javascript: links and unknown nodes', () => {
    expect(() => parseDocument(documentOf([paragraph([link('javascript:alert(1)', 'x')])]))).toThrow();
    expect(() => parseDocument(documentOf([{ type: 'html', html: '<b>' }]))).toThrow();
    expect(renderDocument(documentOf([paragraph([link('javascript:alert(1)', 'x')])]))).toBe('');
  });

  it('keeps safe links with rel on external ones', () => {
    const html = renderDocument(documentOf([paragraph([link('https://example.org/a?b=1&c=2', 'site')])]));
    expect(html).toContain('href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow"');
  });

  it('leaves out images whose media is gone', () => {
    const doc = documentOf([{ type: 'image', mediaId: '6f1e0f8a-4c7e-4b8e-9a53-0f0d2b1d6c11', altText: 'A', caption: '', credit: '' }]);
    expect(renderDocument(doc, { media: () => undefined })).toBe('');
    expect(renderDocument(doc, { media: () => ({ src: '/media/a.jpg', width: 10, height: 5, alt: 'x', credit: 'Reuters' }) })).toContain(
      '<img src="/media/a.jpg" alt="A" width="10" height="5"',
    );
  });

  it('reads a body checked once as it reads the stored JSON, and refuses the same bodies', () => {
    const mediaId = '6f1e0f8a-4c7e-4b8e-9a53-0f0d2b1d6c11';
    const good = documentOf([paragraph('Before.'), { type: 'image', mediaId, altText: 'A', caption: 'The harbour', credit: '' }]);
    const media = () => ({ src: '/media/a.jpg', width: 10, height: 5, alt: 'x', credit: null });
    for (const body of [good, CheckedBody.of(good)]) {
      expect(documentMediaIds(body)).toEqual([mediaId]);
      expect(renderDocument(body, { media })).toContain('<figcaption><span class="caption">The harbour</span></figcaption>');
      expect(documentText(body)).toBe('Before.\n\nThe harbour');
    }
    const bad = documentOf([paragraph('Kept out.'), { type: 'html', html: '<b>' }]);
    for (const body of [bad, CheckedBody.of(bad), null, 'text']) {
      expect(documentMediaIds(body)).toEqual([]);
      expect(renderDocument(body)).toBe('');
      expect(documentText(body)).toBe('');
    }
  });
});

describe('nested lists', () => {
  // The shape the editor saves: a sublist sits in an item of its own, after the item it belongs to.
  const item = (value: string) => ({ type: 'listitem', value: 1, indent: 0, children: [text(value)] });
  const list = (listType: 'bullet' | 'number', items: unknown[]) => ({
    type: 'list',
    listType,
    tag: listType === 'number' ? 'ol' : 'ul',
    start: 1,
    children: items,
  });
  const sublist = (nested: unknown) => ({ type: 'listitem', value: 2, indent: 0, children: [nested] });

  it('puts each sublist inside the item it belongs to', () => {
    const doc = documentOf([
      list('number', [item('one'), sublist(list('bullet', [item('a'), item('b')])), item('two')]),
    ]);
    expect(() => parseDocument(doc)).not.toThrow();
    expect(renderDocument(doc)).toBe('<ol><li>one<ul><li>a</li><li>b</li></ul></li><li>two</li></ol>');
    expect(documentText(doc)).toBe('one\na\nb\ntwo');
  });

  it('accepts and renders four levels, the most the editor makes', () => {
    const deepest = list('bullet', [item('four')]);
    const three = list('number', [item('three'), sublist(deepest)]);
    const two = list('bullet', [item('two'), sublist(three)]);
    const doc = documentOf([list('bullet', [item('one'), sublist(two)])]);
    expect(() => parseDocument(doc)).not.toThrow();
    expect(renderDocument(doc)).toBe(
      '<ul><li>one<ul><li>two<ol><li>three<ul><li>four</li></ul></li></ol></li></ul></li></ul>',
    );
  });

  it('keeps a sublist with no item before it', () => {
    const doc = documentOf([list('bullet', [sublist(list('bullet', [item('orphan')])), item('next')])]);
    expect(renderDocument(doc)).toBe('<ul><li><ul><li>orphan</li></ul></li><li>next</li></ul>');
  });
});

describe('text helpers', () => {
  it('counts words in the plain text', () => {
    const doc = documentOf([paragraph("The minister's visit, long-planned, went ahead."), bulletList(['a b'])]);
    expect(documentText(doc)).toBe("The minister's visit, long-planned, went ahead.\n\na b");
    expect(countWords(documentText(doc))).toBe(8);
  });

  it('writes JSON-LD that cannot close its script element', () => {
    expect(jsonForScript({ a: '</script><script>x' })).toBe('{"a":"\\u003c/script\\u003e\\u003cscript\\u003ex"}');
  });
});
