import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver took, and the status it answered. */
export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  status: number;
}

export interface WebhookReceiver {
  server: Server;
  url: string;
  /** Every request, in the order they arrived. */
  received: Received[];
}

/**
 * A webhook receiver on 127.0.0.1 (a real `node:http` server the Worker posts to): `statusOf` picks
 * each request's answer from it and the requests before it; a 200 says "ok", anything else "try again".
 */
export function startWebhookReceiver(
  statusOf: (request: Omit<Received, 'status'>, before: readonly Received[]) => number = () => 200,
): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const status = statusOf(request, received);
      received.push({ ...request, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'try again');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, received });
    });
  });
}
