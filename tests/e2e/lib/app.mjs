// A stand-in for the app's loopback redirect listener (RFC 8252 §7.3): an HTTP server on
// 127.0.0.1:0 that records every request's path and query and answers with a small page.

import { createServer } from 'node:http';

export async function startLoopbackApp() {
  const waiters = [];
  const received = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const hit = { path: url.pathname, params: url.searchParams };
    received.push(hit);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
    res.end('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Stand-in app</title></head>'
      + '<body><h1 id="app-done">Back in the app</h1><p>You can close this window.</p></body></html>');
    waiters.splice(0).forEach((w) => w(hit));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    received,
    /** The next request (or the last one, if one arrived since the previous call). */
    nextHit({ timeoutMs = 30_000 } = {}) {
      return new Promise((resolveHit, rejectHit) => {
        const timer = setTimeout(() => rejectHit(new Error('the app received no redirect')), timeoutMs);
        waiters.push((hit) => { clearTimeout(timer); resolveHit(hit); });
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}
