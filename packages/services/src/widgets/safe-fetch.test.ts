import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isPublicAddress,
  parseHostPattern,
  safeFetch,
  safeFetchJson,
  SafeFetchError,
  type SafeFetchOptions,
} from './safe-fetch.ts';

describe('address checks', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '0.1.2.3',
    '100.64.0.1',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::10.0.0.1',
    '2002:0a00:0001::1',
    'fc00::1',
    'fd12:3456:789a::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    'ff02::1',
    '2001:db8::1',
    'not an address',
    '',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255',
    '172.32.0.1',
    '192.169.0.1',
    '169.253.0.1',
    '11.0.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    'fbff::1',
    'fe00::1',
  ])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('reads allow-list patterns and refuses junk', () => {
    expect(parseHostPattern('127.0.0.1:*')).toEqual({ host: '127.0.0.1', port: null });
    expect(parseHostPattern('LocalHost:8080')).toEqual({ host: 'localhost', port: '8080' });
    expect(parseHostPattern('[::1]:*')).toEqual({ host: '::1', port: null });
    expect(parseHostPattern('quotes.internal')).toEqual({ host: 'quotes.internal', port: null });
    expect(() => parseHostPattern('http://x/')).toThrow();
    expect(() => parseHostPattern('a b')).toThrow();
  });
});

describe('safeFetch against a local server', () => {
  let server: Server;
  let base: string;
  const allow: SafeFetchOptions = { allowPrivateHosts: ['127.0.0.1:*'] };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      switch (url.pathname) {
        case '/json':
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ ok: true }));
          return;
        case '/huge-declared':
          res.setHeader('content-length', String(5_000_000));
          res.write('x'.repeat(1000));
          return; // never finishes: the client must give up on the header alone
        case '/huge-streamed':
          res.setHeader('content-type', 'application/json');
          // No content-length: chunks until the client hangs up.
          {
            const chunk = Buffer.alloc(64 * 1024, 'x');
            const pump = () => {
              while (res.write(chunk)) if (res.destroyed) return;
              res.once('drain', pump);
            };
            res.on('close', () => res.removeAllListeners('drain'));
            pump();
          }
          return;
        case '/slow':
          setTimeout(() => res.end('{}'), 5_000).unref();
          return;
        case '/trickle': {
          res.setHeader('content-type', 'application/json');
          res.write('[');
          const timer = setInterval(() => res.write('1,'), 100);
          res.on('close', () => clearInterval(timer));
          return;
        }
        case '/redirect-same':
          res.writeHead(302, { location: '/json' }).end();
          return;
        case '/redirect-away':
          res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
          return;
        case '/status':
          res.writeHead(503).end('down');
          return;
        case '/not-json':
          res.end('<html>oops</html>');
          return;
        default:
          res.writeHead(404).end();
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
      return 'OK';
    } catch (error) {
      return error instanceof SafeFetchError ? error.code : `THREW ${(error as Error).message}`;
    }
  }

  it('fetches JSON from an allow-listed local server', async () => {
    expect(await safeFetchJson(`${base}/json`, allow)).toEqual({ ok: true });
  });

  it('refuses the same server without the allow-list, and a pattern for another port', async () => {
    expect(await codeOf(safeFetch(`${base}/json`))).toBe('BLOCKED_ADDRESS');
    expect(await codeOf(safeFetch(`${base}/json`, { allowPrivateHosts: ['127.0.0.1:1'] }))).toBe(
      'BLOCKED_ADDRESS',
    );
    expect(await codeOf(safeFetch(`http://[::ffff:127.0.0.1]:${new URL(base).port}/json`))).toBe(
      'BLOCKED_ADDRESS',
    );
  });

  it('checks every address a name resolves to, and connects only to checked ones', async () => {
    const port = new URL(base).port;
    // A name whose answers include a private address is refused even if one is public.
    const mixed = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    expect(await codeOf(safeFetch(`http://provider.example:${port}/json`, { resolve: mixed }))).toBe(
      'BLOCKED_ADDRESS',
    );
    // A rebinding name (public at check time, private later) never gets a second lookup: ours is the one used.
    const rebinding = async () => [{ address: '127.0.0.1', family: 4 }];
    expect(await codeOf(safeFetch(`http://rebind.example:${port}/json`, { resolve: rebinding }))).toBe(
      'BLOCKED_ADDRESS',
    );
    // Allow-listing the address (not the name) lets the local server be reached under a name.
    expect(
      await safeFetchJson(`http://provider.example:${port}/json`, {
        resolve: rebinding,
        allowPrivateHosts: ['127.0.0.1:*'],
      }),
    ).toEqual({ ok: true });
  });

  it('refuses other schemes and credentials', async () => {
    expect(await codeOf(safeFetch('file:///etc/passwd', allow))).toBe('BAD_URL');
    expect(await codeOf(safeFetch('ftp://127.0.0.1/x', allow))).toBe('BAD_URL');
    expect(await codeOf(safeFetch(`http://u:p@127.0.0.1:${new URL(base).port}/json`, allow))).toBe('BAD_URL');
    expect(await codeOf(safeFetch('not a url', allow))).toBe('BAD_URL');
  });

  it('stops at the size limit, declared or streamed', async () => {
    expect(await codeOf(safeFetch(`${base}/huge-declared`, { ...allow, maxBytes: 1_000_000 }))).toBe(
      'TOO_LARGE',
    );
    const started = Date.now();
    expect(await codeOf(safeFetch(`${base}/huge-streamed`, { ...allow, maxBytes: 1_000_000 }))).toBe(
      'TOO_LARGE',
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives up at the timeout, whether the headers or the body are slow', async () => {
    let started = Date.now();
    expect(await codeOf(safeFetch(`${base}/slow`, { ...allow, timeoutMs: 300 }))).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1_500);
    started = Date.now();
    expect(await codeOf(safeFetch(`${base}/trickle`, { ...allow, timeoutMs: 400 }))).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('follows a same-origin redirect and refuses one to another host', async () => {
    expect(await safeFetchJson(`${base}/redirect-same`, allow)).toEqual({ ok: true });
    expect(await codeOf(safeFetch(`${base}/redirect-away`, allow))).toBe('REDIRECT');
  });

  it('reports error statuses, invalid JSON and a closed port as errors', async () => {
    expect(await codeOf(safeFetch(`${base}/status`, allow))).toBe('HTTP_STATUS');
    expect(await codeOf(safeFetchJson(`${base}/not-json`, allow))).toBe('BAD_RESPONSE');
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await codeOf(safeFetch(`http://127.0.0.1:${port}/`, allow))).toBe('NETWORK');
  });
});
