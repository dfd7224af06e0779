import { randomBytes } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { Response } from 'express';

/**
 * Pages are rendered with this in place of the CSP nonce, so one rendering serves every response; each
 * response then gets a fresh nonce spliced in. Random per process, so stored text cannot contain it.
 */
export const NONCE_PLACEHOLDER = `nonce${randomBytes(24).toString('hex')}`;

/** A rendered reader page, ready to send many times. */
export interface CachedPage {
  status: number;
  /** The UTF-8 html cut at each nonce placeholder: joined with a fresh nonce per response. */
  parts: Buffer[];
  /**
   * The same parts, each deflated separately and byte-aligned, so a gzip body needs no compressing per
   * response. Made on the first gzip response (a page rendered for one plain response never needs it).
   */
  deflated?: Buffer[];
  /** Strong: CRC-32 and length of the html without its nonces, so every process gives a page the same one. */
  etag: string;
  lastModified: Date | null;
  /** Memory held, for the cache's budget: the html and an allowance for its deflated copy. */
  bytes: number;
  /**
   * False for the 404 of a path that is not a reader page: a route before the reader's may take such a
   * path later (a feed for a new section), so only the app, in its order, may answer it.
   */
  fastPath: boolean;
}

const SEPARATOR = Buffer.from([0]);
const PLACEHOLDER_BYTES = Buffer.from(NONCE_PLACEHOLDER, 'ascii');

export function pageEntry(
  html: string,
  status: number,
  lastModified: Date | null,
  options: { fastPath?: boolean } = {},
): CachedPage {
  // Encoded once and cut where the placeholder's bytes are (it is ASCII): splitting the string first and
  // encoding each piece cost twice as much.
  const whole = Buffer.from(html, 'utf8');
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = whole.indexOf(PLACEHOLDER_BYTES); at !== -1; at = whole.indexOf(PLACEHOLDER_BYTES, start)) {
    parts.push(whole.subarray(start, at));
    start = at + PLACEHOLDER_BYTES.length;
  }
  parts.push(whole.subarray(start));
  // CRC-32 and length: a changed page keeps its tag by chance once in four billion changes, enough for a
  // validator; a cryptographic hash cost ~7% of an uncached page's CPU (object set-up and calls into C++).
  let crc = 0;
  for (const part of parts) crc = crc32(SEPARATOR, crc32(part, crc));
  const htmlBytes = parts.reduce((sum, b) => sum + b.length, 0);
  return {
    status,
    parts,
    etag: `"${htmlBytes.toString(36)}-${(crc >>> 0).toString(36)}"`,
    lastModified,
    // Html deflates to well under half its size.
    bytes: Math.ceil(htmlBytes * 1.5),
    fastPath: options.fastPath ?? true,
  };
}

// Nonces come from a pooled block of random bytes: one call to the generator per 256 responses.
let pool = Buffer.alloc(0);
let offset = 0;
export function freshNonce(): string {
  if (offset + 16 > pool.length) {
    pool = randomBytes(16 * 256);
    offset = 0;
  }
  offset += 16;
  return pool.toString('base64', offset - 16, offset);
}

/** Shared caches may keep a page for a minute (a missing page half that) and serve it stale while they refetch. */
export function readerCacheControl(status: number): string {
  if (status === 200) return 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
  return 'public, max-age=0, s-maxage=30';
}

/** True when Accept-Encoding allows gzip (an explicit gzip entry wins over `*`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star: boolean | undefined;
  for (const item of header.split(',')) {
    const [name = '', ...params] = item.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') return allowed;
    if (name === '*') star = allowed;
  }
  return star ?? false;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** A gzip member from the pre-deflated parts with the nonce between them in stored (uncompressed) blocks. */
function gzipBody(page: CachedPage, nonce: Buffer): Buffer[] {
  const stored = Buffer.alloc(5 + nonce.length);
  stored.writeUInt16LE(nonce.length, 1);
  stored.writeUInt16LE(~nonce.length & 0xffff, 3);
  nonce.copy(stored, 5);
  page.deflated ??= page.parts.map((part, index) =>
    deflateRawSync(part, {
      finishFlush: index === page.parts.length - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    }),
  );
  const deflated = page.deflated;
  const chunks: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  page.parts.forEach((part, index) => {
    if (index > 0) {
      chunks.push(stored);
      crc = crc32(nonce, crc);
      length += nonce.length;
    }
    chunks.push(deflated[index]!);
    crc = crc32(part, crc);
    length += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  chunks.push(trailer);
  return chunks;
}

function plainBody(page: CachedPage, nonce: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  page.parts.forEach((part, index) => {
    if (index > 0) chunks.push(nonce);
    chunks.push(part);
  });
  return chunks;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;

/**
 * RFC 9110 conditional GET for a 200. If-None-Match decides when present. If-Modified-Since alone is
 * answered 304 only when the date is after the last public change this process knows of as well as after
 * the page's own time: lastModified covers the article, not the branding or the lists around it.
 */
function notModified(req: IncomingMessage, page: CachedPage, changedAt: Date | null): boolean {
  if (page.status !== 200) return false;
  const inm = req.headers['if-none-match'];
  if (inm !== undefined)
    return inm.trim() === '*' || inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === page.etag);
  const ims = req.headers['if-modified-since'];
  if (!ims || !page.lastModified || !changedAt) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && since >= seconds(page.lastModified) && since > changedAt.getTime();
}

export interface PageResponseOptions {
  nonce: string;
  csp: string;
  /** False for a page no shared cache may keep (a preview): then no validators either. */
  shared: boolean;
  cache?: 'HIT' | 'MISS' | undefined;
  /** When this process last heard of a public change; null when it does not listen (no cache). */
  changedAt: Date | null;
}

/**
 * Status, headers and body for one response with a fresh nonce (in the html and the CSP), or a 304. The
 * body is a list of chunks, mostly the cached buffers themselves: nothing is rendered or compressed per
 * response.
 */
export function pageResponse(
  req: IncomingMessage,
  page: CachedPage,
  options: PageResponseOptions,
): { status: number; headers: OutgoingHttpHeaders; body: Buffer[] } {
  const headers: OutgoingHttpHeaders = {};
  if (options.cache) headers['x-cache'] = options.cache;
  headers['vary'] = 'Accept-Encoding';
  if (options.shared) {
    headers['cache-control'] = readerCacheControl(page.status);
    headers['etag'] = page.etag;
    if (page.lastModified) headers['last-modified'] = page.lastModified.toUTCString();
    if (notModified(req, page, options.changedAt)) return { status: 304, headers, body: [] };
  } else {
    headers['cache-control'] = 'private, no-store';
  }
  const nonce = Buffer.from(options.nonce, 'latin1');
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const body = gzip ? gzipBody(page, nonce) : plainBody(page, nonce);
  headers['content-security-policy'] = options.csp;
  headers['content-type'] = 'text/html; charset=utf-8';
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = body.reduce((sum, chunk) => sum + chunk.length, 0);
  return { status: page.status, headers, body: req.method === 'HEAD' ? [] : body };
}

/**
 * Sends a page through Express. Written with res.end so Express neither hashes the body for its own ETag
 * nor answers 304 on its own reading of the validators; the compression middleware leaves the body alone
 * when it is gzip already and compresses it otherwise (e.g. for br-only clients).
 */
export function sendPage(
  req: IncomingMessage,
  res: Response,
  page: CachedPage,
  options: PageResponseOptions,
): void {
  const { status, headers, body } = pageResponse(req, page, options);
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
  res.status(status);
  writeBody(res, body);
}

/**
 * Writes the chunks as one response body with the headers. Joined first: copying 10-odd KB costs less
 * than the per-call work of several res.write calls.
 */
export function writeBody(res: ServerResponse, body: Buffer[]): void {
  if (body.length === 0) res.end();
  else res.end(body.length === 1 ? body[0] : Buffer.concat(body));
}
