import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  freshNonce,
  NONCE_PLACEHOLDER,
  pageEntry,
  pageResponse,
  type PageResponseOptions,
} from './cached-page.ts';

const html = `<!doctype html><style nonce="${NONCE_PLACEHOLDER}">b{}</style>${'<p>Long enough to compress well. </p>'.repeat(200)}<script nonce="${NONCE_PLACEHOLDER}"></script>`;
const request = (headers: Record<string, string> = {}, method = 'GET') =>
  ({ method, headers }) as unknown as IncomingMessage;
const options = (nonce: string, extra: Partial<PageResponseOptions> = {}): PageResponseOptions => ({
  nonce,
  csp: `script-src 'nonce-${nonce}'`,
  shared: true,
  changedAt: new Date(0),
  ...extra,
});

describe('pageEntry', () => {
  it('cuts the html at each nonce placeholder and hashes the page without them', () => {
    const entry = pageEntry(html, 200, null);
    expect(entry.parts).toHaveLength(3);
    expect(entry.parts.map(String).join('')).toBe(html.replaceAll(NONCE_PLACEHOLDER, ''));
    expect(entry.etag).not.toBe(pageEntry('<p>other</p>', 200, null).etag);
  });

  it('tags the same page the same way every time, and a page changed in any way differently', () => {
    const tag = (text: string) => pageEntry(text, 200, null).etag;
    expect(tag(html)).toBe(pageEntry(html, 200, null).etag);
    // A change of one character, the same length, and the nonce moved by one character.
    expect(tag(html.replace('<', '>'))).not.toBe(tag(html));
    expect(tag(`ab${NONCE_PLACEHOLDER}c`)).not.toBe(tag(`a${NONCE_PLACEHOLDER}bc`));
    expect(tag('x'.repeat(5000))).not.toBe(tag('y'.repeat(5000)));
  });
});

describe('pageResponse', () => {
  it('puts a fresh nonce in the html and the CSP, plain or gzip', () => {
    const entry = pageEntry(html, 200, null);
    const nonce = freshNonce();
    expect(nonce).not.toBe(freshNonce());
    const plain = pageResponse(request(), entry, options(nonce));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Buffer.concat(plain.body).toString()).toBe(html.replaceAll(NONCE_PLACEHOLDER, nonce));
    expect(plain.headers['content-length']).toBe(Buffer.concat(plain.body).length);

    const gz = pageResponse(request({ 'accept-encoding': 'gzip, deflate, br' }), entry, options(nonce));
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.concat(gz.body)).toString()).toBe(html.replaceAll(NONCE_PLACEHOLDER, nonce));
    expect(Buffer.concat(gz.body).length).toBeLessThan(Buffer.concat(plain.body).length / 5);
    expect(gz.headers['content-security-policy']).toBe(`script-src 'nonce-${nonce}'`);
  });

  it('answers 304 only to a 200 whose validators match, and sends no body for HEAD', () => {
    const page = pageEntry(html, 200, new Date('2026-01-01T00:00:00Z'));
    expect(pageResponse(request({ 'if-none-match': page.etag }), page, options('n')).status).toBe(304);
    expect(pageResponse(request({ 'if-none-match': `W/${page.etag}` }), page, options('n')).status).toBe(304);
    expect(pageResponse(request({ 'if-none-match': '"x"' }), page, options('n')).status).toBe(200);
    expect(
      pageResponse(request({ 'if-modified-since': 'Thu, 01 Jan 2026 00:00:00 GMT' }), page, options('n'))
        .status,
    ).toBe(304);
    // A public change after that date (the branding, say) makes the page newer than its own lastModified.
    expect(
      pageResponse(
        request({ 'if-modified-since': 'Thu, 01 Jan 2026 00:00:00 GMT' }),
        page,
        options('n', { changedAt: new Date('2026-02-01') }),
      ).status,
    ).toBe(200);
    expect(
      pageResponse(
        request({ 'if-modified-since': 'Thu, 01 Jan 2026 00:00:00 GMT' }),
        page,
        options('n', { changedAt: null }),
      ).status,
    ).toBe(200);
    const missing = pageEntry(html, 404, null);
    expect(pageResponse(request({ 'if-none-match': missing.etag }), missing, options('n')).status).toBe(404);
    const head = pageResponse(request({}, 'HEAD'), page, options('n'));
    expect([head.status, head.body, head.headers['content-length']]).toEqual([
      200,
      [],
      html.replaceAll(NONCE_PLACEHOLDER, 'n').length,
    ]);
  });

  it('keeps pages that are not shared out of every cache', () => {
    const page = pageEntry(html, 200, new Date());
    const preview = pageResponse(
      request({ 'if-none-match': page.etag }),
      page,
      options('n', { shared: false }),
    );
    expect(preview.status).toBe(200);
    expect(preview.headers['cache-control']).toBe('private, no-store');
    expect(preview.headers['etag']).toBeUndefined();
  });
});

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['gzip', true],
    ['br, gzip;q=0.5', true],
    ['gzip;q=0, *', false],
    ['*', true],
    ['br', false],
    ['identity', false],
    ['GZIP', true],
  ])('%s → %s', (header, expected) => expect(acceptsGzip(header)).toBe(expected));
});
