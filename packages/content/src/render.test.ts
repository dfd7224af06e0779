import { describe, expect, it } from 'vitest';
import { body } from './index.ts';
import { countWords, documentText, jsonForScript, parseDocument, renderDocument } from './index.ts';

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
