import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/**
 * `UrlFetchApp.fetch` is synchronous; the real Worker answers over async HTTP.
 * A worker thread does the fetch while this thread waits on a shared flag, so
 * the add-on's synchronous code can call the real Worker unchanged.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
parentPort.on('message', async ({ url, init, port, flag }) => {
  let reply;
  try {
    const response = await fetch(url, init);
    const headers = {};
    response.headers.forEach((v, k) => { headers[k] = v; });
    reply = { status: response.status, body: await response.text(), headers };
  } catch (error) {
    reply = { error: String(error && error.message ? error.message : error) };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

export interface SyncResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export class SyncFetcher {
  private readonly worker = new Worker(SOURCE, { eval: true });

  constructor() {
    this.worker.unref();
  }

  fetch(url: string, init: { method: string; headers: Record<string, string>; body?: string }): SyncResponse {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    this.worker.postMessage({ url, init, port: port2, flag }, [port2]);
    while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 100);
    const message = receiveMessageOnPort(port1)?.message as (SyncResponse & { error?: string }) | undefined;
    port1.close();
    if (!message) throw new Error('no reply from the fetch thread');
    if (message.error) throw new Error(`Exception: Address unavailable: ${url} (${message.error})`);
    return message;
  }

  async close() {
    await this.worker.terminate();
  }
}
