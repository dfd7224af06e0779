import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in market data provider for the browser tests, on 127.0.0.1 (reachable by the server only
 * because global-setup allow-lists it in WIDGET_ALLOW_PRIVATE_HOSTS).
 *
 *   GET /quotes?symbols=A,B   the quotes feed format Newsroom reads
 *   PUT /prices {"A": 123.4}  sets prices (the tests run in other processes, so state changes over HTTP)
 */
export async function startQuotesProvider(): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const prices = new Map<string, number>();
  const opening = new Map<string, number>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://provider');
    if (req.method === 'PUT' && url.pathname === '/prices') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        try {
          for (const [symbol, price] of Object.entries(JSON.parse(body) as Record<string, number>)) {
            if (!opening.has(symbol)) opening.set(symbol, price);
            prices.set(symbol, price);
          }
          res.writeHead(204).end();
        } catch {
          res.writeHead(400).end();
        }
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/quotes') {
      const symbols = (url.searchParams.get('symbols') ?? '').split(',').filter((s) => prices.has(s));
      const quotes = symbols.map((symbol) => {
        const price = prices.get(symbol)!;
        const change = Math.round((price - opening.get(symbol)!) * 100) / 100;
        return {
          symbol,
          price,
          change,
          changePercent: Math.round((change / opening.get(symbol)!) * 10_000) / 100,
          currency: 'USD',
          asOf: new Date().toISOString(),
        };
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ quotes }));
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
