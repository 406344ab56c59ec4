#!/usr/bin/env node
// Browser-less twin of browser-signin.mjs, for fast tests that do not need a real browser:
//
//   node tests/e2e/http-signin.mjs [--email E] [--password P] [--deny] [--expect-lang ja|en]
//        [--record FILE] [--locale TAG] [--timeout-ms N] [--verbose] URL
//
// Walks the dev IdP's login and consent pages with fetch (cookies kept), then makes the GET to the
// app's loopback redirect URI that a browser would make, and exits 0 once the app has answered.
// Same failure contract: one line on stderr, exit 1. Never prints a query string.
// (--screenshot is accepted and ignored, so the two commands are interchangeable.)

import { writeFile } from 'node:fs/promises';

import { httpSignIn } from './lib/httpflow.mjs';
import { hostAndPath, isLoopbackUrl } from './lib/loopback.mjs';

const USAGE = 'usage: http-signin.mjs [--email E] [--password P] [--deny] [--expect-lang ja|en] '
  + '[--record FILE] [--locale TAG] [--timeout-ms N] [--verbose] URL';

function fail(message) {
  process.stderr.write(`http-signin: ${message}\n`);
  process.exit(1);
}

const argv = process.argv.slice(2);
if (argv.length === 0) fail(USAGE);
const url = argv.pop();
const opts = { email: 'aiko@example.com', password: 'sakura-2026', deny: false, timeoutMs: 60_000, verbose: false };
while (argv.length) {
  const arg = argv.shift();
  const value = () => (argv.length ? argv.shift() : fail(`${arg} needs a value`));
  switch (arg) {
    case '--email': opts.email = value(); break;
    case '--password': opts.password = value(); break;
    case '--deny': opts.deny = true; break;
    case '--expect-lang': opts.expectLang = value(); break;
    case '--screenshot': value(); break;
    case '--record': opts.record = value(); break;
    case '--locale': opts.acceptLanguage = value(); break;
    case '--timeout-ms': opts.timeoutMs = Number(value()); break;
    case '--verbose': opts.verbose = true; break;
    default: fail(`unknown argument ${arg} (the URL must be the last argument)`);
  }
}
if (url.startsWith('--')) fail(`missing URL (last argument)\n${USAGE}`);
if (!isLoopbackUrl(url)) fail('the authorization URL must be http(s) on a loopback host');
if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) fail('--timeout-ms must be a positive number');

setTimeout(() => fail(`timed out after ${opts.timeoutMs} ms`), opts.timeoutMs).unref();

try {
  const { redirect, lang } = await httpSignIn(url, opts);
  if (opts.expectLang && lang !== opts.expectLang) fail(`expected the login page in "${opts.expectLang}", got <html lang="${lang}">`);
  if (!isLoopbackUrl(redirect)) fail(`the IdP redirected to a non-loopback URI (${redirect.protocol})`);
  if (opts.verbose) process.stderr.write(`http-signin: redirect to ${hostAndPath(redirect)}\n`);
  const response = await fetch(redirect, { redirect: 'manual' });
  await response.arrayBuffer();
  if (opts.record) {
    const record = { authorizationUrl: url, redirectUrl: redirect.href, deviceFlow: null, pages: [] };
    await writeFile(opts.record, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  }
  process.exit(0);
} catch (err) {
  fail(String(err?.cause?.code ? `${err.message} (${err.cause.code})` : err?.message ?? err).split('\n')[0]);
}
