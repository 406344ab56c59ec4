#!/usr/bin/env node
// The user agent of the conformance suite, used as
//
//   concierge login --open-with "node tests/conformance/follow.mjs" ...
//
// GETs the authorization URL without following redirects, takes the Location the OP answered and
// GETs it (that is the CLI's loopback listener), then exits 0 whatever the listener answered: the
// CLI decides what the redirect was worth, not us. Only loopback URLs are ever requested. Exit 1
// (one line on stderr, never a query string) when there is no redirect to follow.
const TIMEOUT_MS = 10_000;

function fail(message) {
  process.stderr.write(`follow: ${message}\n`);
  process.exit(1);
}

function isLoopback(url) {
  return (url.protocol === 'http:' || url.protocol === 'https:')
    && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
}

const raw = process.argv.at(-1);
if (process.argv.length < 3 || raw.startsWith('--')) fail('usage: follow.mjs URL');
let authorizationUrl;
try {
  authorizationUrl = new URL(raw);
} catch {
  fail('the argument is not a URL');
}
if (!isLoopback(authorizationUrl)) fail('the authorization URL is not on a loopback host');

try {
  const first = await fetch(authorizationUrl, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  await first.arrayBuffer();
  const location = first.headers.get('location');
  if (first.status < 300 || first.status > 399 || !location) fail(`the OP answered ${first.status} without a redirect`);
  const redirect = new URL(location, authorizationUrl);
  if (!isLoopback(redirect)) fail(`the OP redirected to a non-loopback ${redirect.protocol} URL`);
  const second = await fetch(redirect, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  await second.arrayBuffer();
  process.exit(0);
} catch (err) {
  fail(String(err?.cause?.code ? `${err.message} (${err.cause.code})` : err?.message ?? err).split('\n')[0]);
}
