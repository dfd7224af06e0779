import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

/**
 * Outgoing requests to addresses an administrator typed in (weather and quotes providers). An admin
 * account, or a provider we trust, must not be able to turn the server into a proxy for the private
 * network: every address a name resolves to is checked, and the connection goes to the checked address
 * (the lookup is ours), so a DNS answer that changes between check and connect gains nothing.
 */

export type SafeFetchErrorCode =
  | 'BAD_URL'
  | 'BLOCKED_ADDRESS'
  | 'REDIRECT'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'HTTP_STATUS'
  | 'NETWORK'
  | 'BAD_RESPONSE';

export class SafeFetchError extends Error {
  readonly code: SafeFetchErrorCode;
  constructor(code: SafeFetchErrorCode, message: string) {
    super(message);
    this.name = 'SafeFetchError';
    this.code = code;
  }
}

export interface SafeFetchOptions {
  /**
   * `host[:port]` patterns that may be reached even on a private address (`127.0.0.1:*`, `localhost:8080`,
   * `[::1]:*`, `quotes.internal`). A pattern without a port allows any port. Matched against the URL's host
   * name and against each resolved address.
   */
  allowPrivateHosts?: readonly string[];
  /** The whole request, name lookup to last byte. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Same-origin redirects followed; one to another origin is refused. */
  maxRedirects?: number;
  headers?: Record<string, string>;
  /** For tests: stands in for the system resolver. */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

export interface SafeResponse {
  status: number;
  contentType: string | null;
  body: Buffer;
}

export const SAFE_FETCH_DEFAULTS = { timeoutMs: 3_000, maxBytes: 1_000_000, maxRedirects: 3 } as const;

// --- Address classification ---------------------------------------------------------------------------

/** The 4 bytes of a dotted IPv4 address, or null. */
function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** The 16 bytes of an IPv6 address (with `::`, an embedded IPv4 tail and a zone id allowed), or null. */
function parseIPv6(text: string): number[] | null {
  const address = text.replace(/%.*$/, '');
  if (isIP(address) !== 6) return null;
  let tail: number[] = [];
  let head = address;
  const lastColon = address.lastIndexOf(':');
  if (address.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(address.slice(lastColon + 1));
    if (!v4) return null;
    tail = v4;
    head = `${address.slice(0, lastColon + 1)}0:0`;
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const l = groups(left);
  const r = groups(right);
  const words = right === undefined ? l : [...l, ...new Array<number>(8 - l.length - r.length).fill(0), ...r];
  if (words.length !== 8) return null;
  const bytes = words.flatMap((w) => [w >> 8, w & 255]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

type Range = [prefix: number[], bits: number];

const cidr = (text: string): Range => {
  const [address, bits] = text.split('/') as [string, string];
  return [parseIPv4(address) ?? parseIPv6(address)!, Number(bits)];
};

/** Addresses that are not the public internet: private, loopback, link-local, multicast, reserved, documentation. */
const BLOCKED_V4: Range[] = [
  '0.0.0.0/8', // "this network", incl. the unspecified 0.0.0.0
  '10.0.0.0/8',
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8',
  '169.254.0.0/16', // link-local, incl. cloud metadata at 169.254.169.254
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, incl. broadcast
].map(cidr);

const BLOCKED_V6: Range[] = [
  '::/128', // unspecified
  '::1/128', // loopback
  '100::/64', // discard
  '2001:db8::/32', // documentation
  'fc00::/7', // unique local
  'fe80::/10', // link-local
  'fec0::/10', // old site-local
  'ff00::/8', // multicast
].map(cidr);

function inRange(bytes: number[], [prefix, bits]: Range): boolean {
  for (let i = 0; i < bits; i += 8) {
    const take = Math.min(8, bits - i);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[i / 8]! & mask) !== (prefix[i / 8]! & mask)) return false;
  }
  return true;
}

/** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), if it carries one. */
function embeddedIPv4(bytes: number[]): number[] | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12); // ::ffff:a.b.c.d
  if (zeros(0, 12)) return bytes.slice(12); // ::a.b.c.d (deprecated "compatible")
  if (inRange(bytes, cidr('64:ff9b::/96'))) return bytes.slice(12); // NAT64
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6); // 6to4
  return null;
}

/** True when an IP address is one a provider on the public internet may have. */
export function isPublicAddress(address: string): boolean {
  const v4 = parseIPv4(address);
  if (v4) return !BLOCKED_V4.some((range) => inRange(v4, range));
  const v6 = parseIPv6(address);
  if (!v6) return false;
  const inner = embeddedIPv4(v6);
  // ::/128 and ::1/128 fall in the "compatible" form too; check them as IPv6 first.
  if (BLOCKED_V6.some((range) => inRange(v6, range))) return false;
  if (inner) return !BLOCKED_V4.some((range) => inRange(inner, range));
  return true;
}

// --- Allow-list --------------------------------------------------------------------------------------------

interface HostPattern {
  host: string;
  port: string | null;
}

/** Parses `host`, `host:port`, `host:*`, `[v6]:port`; throws on anything else. */
export function parseHostPattern(pattern: string): HostPattern {
  const text = pattern.trim().toLowerCase();
  const match =
    /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.*_-]+))(?::(\d{1,5}|\*))?$/.exec(text) ??
    /^([0-9a-f:]*:[0-9a-f:.]*)$/.exec(text);
  if (!match) throw new Error(`not a host[:port] pattern: ${pattern}`);
  const host = match[1] ?? match[2]!;
  const port = match[3] && match[3] !== '*' ? match[3] : null;
  return { host, port };
}

function allowedByList(patterns: readonly HostPattern[], host: string, port: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return patterns.some(
    (p) =>
      (p.port === null || p.port === port) &&
      (p.host === name || (p.host.startsWith('*.') && name.endsWith(p.host.slice(1)))),
  );
}

// --- The request ---------------------------------------------------------------------------------------------

const systemResolve = (hostname: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

const timedOut = (timeoutMs: number) =>
  new SafeFetchError('TIMEOUT', `no complete answer within ${timeoutMs} ms`);

/** One GET, no redirects followed; the caller handles 3xx. */
interface RequestOptions {
  patterns: HostPattern[];
  resolve: (hostname: string) => Promise<LookupAddress[]>;
  signal: AbortSignal;
  timeoutMs: number;
  maxBytes: number;
  headers: Record<string, string>;
}

function requestOnce(url: URL, options: RequestOptions): Promise<SafeResponse & { location: string | null }> {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const hostAllowed = allowedByList(options.patterns, hostname, port);
  const check = (address: string) => {
    if (hostAllowed || isPublicAddress(address) || allowedByList(options.patterns, address, port)) return;
    throw new SafeFetchError(
      'BLOCKED_ADDRESS',
      `${url.hostname} is a private or reserved address (${address}); list it in WIDGET_ALLOW_PRIVATE_HOSTS to allow it`,
    );
  };
  if (isIP(hostname)) check(hostname);

  // Node calls this for host names (not for IP literals, checked above) and connects to what it returns.
  const lookup: LookupFunction = (name, lookupOptions, callback) => {
    options
      .resolve(name)
      .then((addresses) => {
        const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
        const usable = addresses.filter((a) => family === 0 || a.family === family);
        if (usable.length === 0) throw new SafeFetchError('NETWORK', `${name} has no address`);
        // Every address is checked, not only the one used: a name with one private answer is refused.
        for (const a of addresses) check(a.address);
        if (lookupOptions.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, '', 0));
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const fail = (error: SafeFetchError) => settle(() => reject(error));
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: 'GET',
        agent: false,
        lookup,
        signal: options.signal,
        headers: {
          'user-agent': 'Newsroom widgets',
          accept: 'application/json',
          'accept-encoding': 'identity',
          ...options.headers,
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.on('error', () => {});
        if (status >= 300 && status < 400) {
          settle(() =>
            resolve({
              status,
              contentType: null,
              body: Buffer.alloc(0),
              location: res.headers.location ?? null,
            }),
          );
          req.destroy();
          return;
        }
        const tooLarge = (what: string) => {
          fail(
            new SafeFetchError('TOO_LARGE', `the answer is ${what}, over the ${options.maxBytes}-byte limit`),
          );
          req.destroy();
        };
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > options.maxBytes) return tooLarge(`${declared} bytes`);
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) return tooLarge('longer');
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (res.complete)
            settle(() =>
              resolve({
                status,
                contentType: res.headers['content-type'] ?? null,
                body: Buffer.concat(chunks),
                location: null,
              }),
            );
        });
        res.on('close', () =>
          fail(
            options.signal.aborted
              ? timedOut(options.timeoutMs)
              : new SafeFetchError('NETWORK', 'the connection closed before the answer was complete'),
          ),
        );
      },
    );
    req.on('error', (error: Error & { code?: string }) => {
      if (error instanceof SafeFetchError) fail(error);
      else if (options.signal.aborted) fail(timedOut(options.timeoutMs));
      else fail(new SafeFetchError('NETWORK', `could not reach ${url.host}: ${error.code ?? error.message}`));
    });
    req.end();
  });
}

/**
 * GETs `url` from a provider: http(s) only, public addresses only (unless allow-listed), at most
 * `maxBytes` of body, all within `timeoutMs`, same-origin redirects only. Non-2xx answers are errors.
 */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const timeoutMs = options.timeoutMs ?? SAFE_FETCH_DEFAULTS.timeoutMs;
  const patterns = (options.allowPrivateHosts ?? []).map(parseHostPattern);
  const signal = AbortSignal.timeout(timeoutMs);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new SafeFetchError('BAD_URL', 'not a URL');
  }
  const origin = url.origin;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new SafeFetchError('BAD_URL', `only http and https are fetched, not ${url.protocol}`);
    if (url.username || url.password)
      throw new SafeFetchError('BAD_URL', 'a URL with a user name or password is not fetched');
    const response = await requestOnce(url, {
      patterns,
      signal,
      timeoutMs,
      maxBytes: options.maxBytes ?? SAFE_FETCH_DEFAULTS.maxBytes,
      headers: options.headers ?? {},
      resolve: options.resolve ?? systemResolve,
    });
    if (response.status >= 300 && response.status < 400) {
      const target = response.location ? new URL(response.location, url) : null;
      if (!target || target.origin !== origin)
        throw new SafeFetchError(
          'REDIRECT',
          `the provider redirects to ${target?.origin ?? 'nowhere'}; use that URL directly`,
        );
      if (hop >= (options.maxRedirects ?? SAFE_FETCH_DEFAULTS.maxRedirects))
        throw new SafeFetchError('REDIRECT', 'too many redirects');
      url = target;
      continue;
    }
    if (response.status < 200 || response.status >= 300)
      throw new SafeFetchError('HTTP_STATUS', `the provider answered HTTP ${response.status}`);
    return { status: response.status, contentType: response.contentType, body: response.body };
  }
}

/** `safeFetch` and JSON.parse; invalid JSON is a SafeFetchError too, so callers handle one error type. */
export async function safeFetchJson(url: string, options: SafeFetchOptions = {}): Promise<unknown> {
  const response = await safeFetch(url, options);
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new SafeFetchError('BAD_RESPONSE', 'the provider did not answer with valid JSON');
  }
}
