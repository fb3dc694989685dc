import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/**
 * A small HTTP proxy in front of the real Worker that fails on purpose, so a
 * test can see what the add-on does with each kind of trouble. The first path
 * segment picks the behaviour and is stripped before forwarding:
 * - `/ok/…` forwards the request and returns the Worker's answer;
 * - `/down/…` answers 503 without forwarding (the Worker is down);
 * - `/lost/…` forwards (the Worker stores it) and then answers 502, as a
 *   gateway that lost the answer would;
 * - `/busy/…` answers 429 with `Retry-After: 120` without forwarding.
 * It runs in its own thread: the add-on's fetch blocks the test's thread.
 */
const SOURCE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const server = http.createServer(async (req, res) => {
  const match = /^\\/(ok|down|lost|busy)(\\/.*)$/.exec(req.url || '');
  if (!match) { res.writeHead(404).end(); return; }
  const [, mode, path] = match;
  parentPort.postMessage({ mode, path });
  if (mode === 'down') {
    res.writeHead(503, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ title: 'Service Unavailable', status: 503, detail: 'The proxy says the Worker is down.' }));
    return;
  }
  if (mode === 'busy') {
    res.writeHead(429, { 'content-type': 'application/problem+json', 'Retry-After': '120' });
    res.end(JSON.stringify({ title: 'Too Many Requests', status: 429, detail: 'Slow down for two minutes.' }));
    return;
  }
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = { ...req.headers };
  delete headers.host;
  delete headers['content-length'];
  const answer = await fetch(workerData.target + path, {
    method: req.method,
    headers,
    ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
  });
  const body = await answer.text();
  if (mode === 'lost') {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('Bad gateway: the answer was lost');
    return;
  }
  res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') || 'text/plain' });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
`;

export interface FailingProxy {
  /** The proxy's base URL; append `/ok`, `/down`, `/lost` or `/busy`. */
  url: string;
  /** Every request the proxy saw, by mode. */
  seen: Array<{ mode: string; path: string }>;
  close(): Promise<void>;
}

export async function startFailingProxy(target: string): Promise<FailingProxy> {
  const worker = new Worker(SOURCE, { eval: true, workerData: { target } });
  const seen: FailingProxy['seen'] = [];
  const [first] = (await once(worker, 'message')) as [{ port: number }];
  worker.on('message', (m: { mode?: string; path?: string }) => {
    if (m.mode && m.path) seen.push({ mode: m.mode, path: m.path });
  });
  return {
    url: `http://127.0.0.1:${first.port}`,
    seen,
    close: async () => {
      await worker.terminate();
    },
  };
}
