#!/usr/bin/env node
// End-to-end self-test of dev-idp/ and browser-signin.mjs, without the C++ SDK:
// starts the IdP on a free port and a stand-in app on 127.0.0.1:0, signs demo shoppers in through
// Chromium (and once without a browser), exchanges codes with PKCE, verifies ID tokens, refreshes
// with rotation, revokes, and checks /__dev/stats. Prints "N passed, M failed"; exit 0 only if all
// checks passed.
//
//   node tests/e2e/selftest-idp.mjs [--verbose]

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startLoopbackApp } from './lib/app.mjs';
import { httpSignIn } from './lib/httpflow.mjs';
import { startIdp } from './lib/idp.mjs';
import { authorizationRequest, discover, getJson, postForm } from './lib/oauth.mjs';
import { verifyJwt } from './lib/jwt.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const BROWSER_SIGNIN = join(HERE, 'browser-signin.mjs');
const verbose = process.argv.includes('--verbose');
const started = Date.now();

let passed = 0;
let failed = 0;
function check(name, condition, detail = '') {
  if (condition) {
    passed += 1;
    if (verbose) process.stdout.write(`  ok   ${name}\n`);
  } else {
    failed += 1;
    process.stdout.write(`  FAIL ${name}${detail ? ` -- ${detail}` : ''}\n`);
  }
  return condition;
}
const section = (title) => process.stdout.write(`${title}\n`);

function runBrowserSignIn(args, { timeoutMs = 90_000 } = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [BROWSER_SIGNIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code: code ?? (signal ? 128 : 1), stdout, stderr: stderr.trim() });
    });
  });
}

const scopesOf = (tokenResponse) => new Set(String(tokenResponse.scope ?? '').split(' '));

async function main() {
  const idp = await startIdp();
  const app = await startLoopbackApp();
  const work = await mkdtemp(join(tmpdir(), 'concierge-selftest-'));
  const redirectUri = `${app.origin}/callback`;
  try {
    // ------------------------------------------------------------------ discovery and keys
    section(`dev-idp at ${idp.issuer}, stand-in app at ${app.origin}`);
    await idp.resetStats();
    const meta = await discover(idp.issuer);
    check('discovery: issuer', meta.issuer === idp.issuer, meta.issuer);
    check('discovery: authorization_response_iss_parameter_supported', meta.authorization_response_iss_parameter_supported === true);
    check('discovery: PKCE S256 only', JSON.stringify(meta.code_challenge_methods_supported) === '["S256"]');
    check('discovery: ID token algs', ['RS256', 'ES256', 'PS256', 'EdDSA'].every((a) => meta.id_token_signing_alg_values_supported.includes(a)));
    check('discovery: scopes', ['openid', 'profile', 'email', 'offline_access', 'phone', 'address'].every((s) => meta.scopes_supported.includes(s)));
    check('discovery: endpoints', ['userinfo_endpoint', 'revocation_endpoint', 'introspection_endpoint', 'end_session_endpoint', 'device_authorization_endpoint']
      .every((e) => String(meta[e]).startsWith(idp.issuer)));
    check('discovery: ui_locales en, ja', ['en', 'ja'].every((l) => meta.ui_locales_supported?.includes(l)));
    const jwks = (await getJson(meta.jwks_uri)).body;
    check('jwks: RS256, ES256, PS256, EdDSA keys', ['RS256', 'ES256', 'PS256', 'EdDSA'].every((a) => jwks.keys.some((k) => k.alg === a)));
    check('jwks: public keys only', jwks.keys.every((k) => !('d' in k) && !('p' in k) && !('q' in k)));
    const health = await getJson(`${idp.issuer}/__dev/health`);
    check('/__dev/health is 200', health.status === 200);

    // ------------------------------------------------------------------ browser sign-in, concierge-cli
    section('browser sign-in as aiko (concierge-cli, English)');
    const reqA = authorizationRequest(meta, { clientId: 'concierge-cli', redirectUri });
    const shot = join(work, 'landed.png');
    let hit = app.nextHit();
    const recordFile = join(work, 'record.json');
    const runA = await runBrowserSignIn(['--expect-lang', 'en', '--screenshot', shot, '--record', recordFile, reqA.url]);
    check('browser-signin exits 0', runA.code === 0, runA.stderr);
    check('browser-signin prints nothing on stdout', runA.stdout === '');
    const cbA = (await hit).params;
    check('redirect has a code', Boolean(cbA.get('code')), cbA.get('error') ?? '');
    check('redirect state matches', cbA.get('state') === reqA.state);
    check('redirect iss is the issuer (RFC 9207)', cbA.get('iss') === idp.issuer);
    check('screenshot written', (await stat(shot).catch(() => ({ size: 0 }))).size > 0);
    const record = JSON.parse(await readFile(recordFile, 'utf8').catch(() => '{}'));
    check('--record has both URLs', record.authorizationUrl === reqA.url
      && new URL(record.redirectUrl ?? 'http://x/').searchParams.get('code') === cbA.get('code'));

    const tokA = await postForm(meta.token_endpoint, {
      grant_type: 'authorization_code', code: cbA.get('code'), redirect_uri: redirectUri,
      client_id: 'concierge-cli', code_verifier: reqA.pkce.verifier,
    });
    check('code exchange with code_verifier is 200', tokA.status === 200, JSON.stringify(tokA.body?.error ?? ''));
    const a = tokA.body ?? {};
    check('token response: Bearer access token', a.token_type === 'Bearer' && typeof a.access_token === 'string');
    check('token response: expires_in is the default 600 s', a.expires_in === 600, String(a.expires_in));
    check('token response: refresh token without prompt=consent', typeof a.refresh_token === 'string');
    check('token response: offline_access granted', scopesOf(a).has('offline_access'), a.scope);
    let idA;
    try {
      idA = verifyJwt(a.id_token, jwks);
      check('ID token: RS256 signature verifies', idA.header.alg === 'RS256');
    } catch (err) {
      check('ID token: RS256 signature verifies', false, err.message);
    }
    const claimsA = idA?.payload ?? {};
    check('ID token: iss, aud, nonce', claimsA.iss === idp.issuer && claimsA.aud === 'concierge-cli' && claimsA.nonce === reqA.nonce);
    check('ID token: email claim', claimsA.email === 'aiko@example.com', claimsA.email);
    check('ID token: loyalty_tier gold, opaque sub', claimsA.loyalty_tier === 'gold' && claimsA.sub && !claimsA.sub.includes('@'));

    const userinfo = await getJson(meta.userinfo_endpoint, { headers: { authorization: `Bearer ${a.access_token}` } });
    check('userinfo: 200 with email and name', userinfo.status === 200 && userinfo.body.email === 'aiko@example.com'
      && userinfo.body.name === 'Aiko Tanaka' && userinfo.body.sub === claimsA.sub);

    const replay = await postForm(meta.token_endpoint, {
      grant_type: 'authorization_code', code: 'not-a-real-code', redirect_uri: redirectUri,
      client_id: 'concierge-cli', code_verifier: reqA.pkce.verifier,
    });
    check('unknown code is invalid_grant', replay.status === 400 && replay.body.error === 'invalid_grant');

    const refresh = (refreshToken) => postForm(meta.token_endpoint, {
      grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'concierge-cli',
    });
    const r1 = await refresh(a.refresh_token);
    check('refresh is 200', r1.status === 200, JSON.stringify(r1.body?.error ?? ''));
    check('refresh rotates the refresh token', typeof r1.body.refresh_token === 'string' && r1.body.refresh_token !== a.refresh_token);
    check('refresh returns a new access token', r1.body.access_token && r1.body.access_token !== a.access_token);
    const introspection = await postForm(meta.introspection_endpoint, { token: r1.body.access_token, client_id: 'concierge-cli' });
    check('introspection: new access token is active', introspection.status === 200 && introspection.body.active === true);
    const reuse = await refresh(a.refresh_token);
    check('reusing the rotated-out refresh token fails (invalid_grant)', reuse.status === 400 && reuse.body.error === 'invalid_grant');
    const afterReuse = await refresh(r1.body.refresh_token);
    check('reuse detection revoked the whole grant', afterReuse.status === 400 && afterReuse.body.error === 'invalid_grant');

    const statsA = await idp.stats();
    check('stats: 2 authorization_code, 3 refresh_token requests', statsA.token.authorization_code === 2
      && statsA.token.refresh_token === 3, JSON.stringify(statsA.token));
    check('stats: 2 failed refresh requests', statsA.errors.token?.refresh_token === 2, JSON.stringify(statsA.errors));
    check('stats: discovery, jwks, userinfo, introspection, authorization', statsA.discovery === 1 && statsA.jwks === 1
      && statsA.userinfo === 1 && statsA.introspection === 1 && statsA.authorization === 1,
    JSON.stringify(statsA));
    await idp.resetStats();
    const statsReset = await idp.stats();
    check('stats: reset zeroes the counts', statsReset.token.refresh_token === 0 && statsReset.discovery === 0);

    // ------------------------------------------------------------------ deny
    section('browser sign-in with --deny');
    const reqB = authorizationRequest(meta, { clientId: 'concierge-cli', redirectUri });
    hit = app.nextHit();
    const runB = await runBrowserSignIn(['--deny', reqB.url]);
    check('browser-signin --deny exits 0', runB.code === 0, runB.stderr);
    const cbB = (await hit).params;
    check('deny: error=access_denied at the app', cbB.get('error') === 'access_denied' && !cbB.has('code'));
    check('deny: state and iss present', cbB.get('state') === reqB.state && cbB.get('iss') === idp.issuer);

    // ------------------------------------------------------------------ Japanese, ES256, revocation
    section('browser sign-in as ken with ui_locales=ja (concierge-es256)');
    const reqC = authorizationRequest(meta, { clientId: 'concierge-es256', redirectUri, extra: { ui_locales: 'ja' } });
    hit = app.nextHit();
    const runC = await runBrowserSignIn(['--email', 'ken@example.com', '--password', 'fuji-2026', '--expect-lang', 'ja', reqC.url]);
    check('ui_locales=ja shows a Japanese login page', runC.code === 0, runC.stderr);
    const cbC = (await hit).params;
    const tokC = await postForm(meta.token_endpoint, {
      grant_type: 'authorization_code', code: cbC.get('code') ?? '', redirect_uri: redirectUri,
      client_id: 'concierge-es256', code_verifier: reqC.pkce.verifier,
    });
    check('ES256 client: code exchange is 200', tokC.status === 200, JSON.stringify(tokC.body?.error ?? ''));
    try {
      const idC = verifyJwt(tokC.body.id_token, jwks);
      check('ES256 client: ID token is ES256 and verifies', idC.header.alg === 'ES256');
      check('ES256 client: ken, Japanese name claim', idC.payload.email === 'ken@example.com' && idC.payload['name#ja-Jpan-JP'] === '佐藤 健');
    } catch (err) {
      check('ES256 client: ID token is ES256 and verifies', false, err.message);
    }
    const revoke = await postForm(meta.revocation_endpoint, { token: tokC.body.refresh_token ?? '', token_type_hint: 'refresh_token', client_id: 'concierge-es256' });
    check('revocation is 200', revoke.status === 200, String(revoke.status));
    const afterRevoke = await postForm(meta.token_endpoint, { grant_type: 'refresh_token', refresh_token: tokC.body.refresh_token ?? '', client_id: 'concierge-es256' });
    check('revoked refresh token is invalid_grant', afterRevoke.status === 400 && afterRevoke.body.error === 'invalid_grant');
    const userinfoC = await getJson(meta.userinfo_endpoint, { headers: { authorization: `Bearer ${tokC.body.access_token}` } });
    check('revoking the refresh token ends its access token too', userinfoC.status === 401, String(userinfoC.status));

    const reqL = authorizationRequest(meta, { clientId: 'storefront-mobile', redirectUri });
    hit = app.nextHit();
    const runL = await runBrowserSignIn(['--locale', 'ja-JP', '--expect-lang', 'ja', '--email', 'emma@example.com', '--password', 'london-2026', reqL.url]);
    check('without ui_locales, Accept-Language ja-JP gives Japanese', runL.code === 0, runL.stderr);
    await hit;
    const runWrongLang = await runBrowserSignIn(['--expect-lang', 'en', authorizationRequest(meta, { clientId: 'concierge-cli', redirectUri, extra: { ui_locales: 'ja' } }).url]);
    check('--expect-lang mismatch exits 1 with a reason', runWrongLang.code === 1 && /expected the login page in "en"/.test(runWrongLang.stderr), runWrongLang.stderr);
    const runWrongPw = await runBrowserSignIn(['--password', 'wrong', authorizationRequest(meta, { clientId: 'concierge-cli', redirectUri }).url]);
    check('wrong password exits 1 with a reason', runWrongPw.code === 1 && /rejected the email or password/.test(runWrongPw.stderr), runWrongPw.stderr);
    check('browser-signin never prints a query string', ![runA, runB, runC, runL, runWrongLang, runWrongPw].some((r) => /[?&](code|state|nonce|code_challenge)=/.test(r.stderr + r.stdout)));

    // ------------------------------------------------------------------ device flow (storefront-kiosk)
    section('device flow for storefront-kiosk (browser on verification_uri_complete)');
    for (const deny of [false, true]) {
      const device = await postForm(meta.device_authorization_endpoint, { client_id: 'storefront-kiosk', scope: 'openid profile offline_access' });
      check(`device authorization is 200${deny ? ' (deny)' : ''}`, device.status === 200 && Boolean(device.body.verification_uri_complete));
      const pending = await postForm(meta.token_endpoint, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: device.body.device_code, client_id: 'storefront-kiosk' });
      check('device token before approval is authorization_pending', pending.body.error === 'authorization_pending', pending.body.error);
      const run = await runBrowserSignIn([...(deny ? ['--deny'] : []), '--email', 'emma@example.com', '--password', 'london-2026', device.body.verification_uri_complete]);
      check(`browser-signin completes the device flow${deny ? ' with --deny' : ''}`, run.code === 0, run.stderr);
      const poll = await postForm(meta.token_endpoint, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: device.body.device_code, client_id: 'storefront-kiosk' });
      if (deny) check('denied device flow gives access_denied', poll.status === 400 && poll.body.error === 'access_denied', poll.body.error);
      else check('device token with a refresh token', poll.status === 200 && typeof poll.body.refresh_token === 'string', poll.body.error);
    }

    // ------------------------------------------------------------------ http-signin.mjs (no browser)
    section('http-signin.mjs against the stand-in app');
    const reqH = authorizationRequest(meta, { clientId: 'storefront-mobile', redirectUri });
    hit = app.nextHit();
    const runH = await new Promise((resolveRun) => {
      const child = spawn(process.execPath, [join(HERE, 'http-signin.mjs'), '--expect-lang', 'en', reqH.url], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
      child.on('exit', (code) => resolveRun({ code, stderr: stderr.trim() }));
    });
    check('http-signin exits 0', runH.code === 0, runH.stderr);
    const cbH = (await hit).params;
    check('http-signin: the app got a code for storefront-mobile', Boolean(cbH.get('code')) && cbH.get('state') === reqH.state);

    // ------------------------------------------------------------------ confidential clients, no browser
    section('confidential clients (browser-less user agent)');
    for (const [clientId, auth] of [['concierge-confidential', 'basic'], ['concierge-confidential-post', 'post']]) {
      const req = authorizationRequest(meta, { clientId, redirectUri });
      const { redirect } = await httpSignIn(req.url, { email: 'emma@example.com', password: 'london-2026' });
      const params = {
        grant_type: 'authorization_code', code: redirect.searchParams.get('code') ?? '', redirect_uri: req.redirectUri,
        code_verifier: req.pkce.verifier,
      };
      const secret = 'dev-secret-please-change';
      const tok = auth === 'basic'
        ? await postForm(meta.token_endpoint, params, { basic: [clientId, secret] })
        : await postForm(meta.token_endpoint, { ...params, client_id: clientId, client_secret: secret });
      check(`${clientId}: client_secret_${auth} code exchange`, tok.status === 200 && typeof tok.body.refresh_token === 'string', JSON.stringify(tok.body?.error ?? ''));
      check(`${clientId}: emma, bronze`, verifyJwt(tok.body.id_token, jwks).payload.loyalty_tier === 'bronze');
    }
    const reqNoPkce = new URL(authorizationRequest(meta, { clientId: 'concierge-confidential', redirectUri }).url);
    reqNoPkce.searchParams.delete('code_challenge');
    reqNoPkce.searchParams.delete('code_challenge_method');
    const noPkce = await fetch(reqNoPkce, { redirect: 'manual' });
    const noPkceAt = new URL(noPkce.headers.get('location') ?? 'http://invalid/');
    check('PKCE is required (also for confidential clients)', noPkceAt.origin === app.origin && noPkceAt.searchParams.get('error') === 'invalid_request');
  } finally {
    const code = await idp.stop();
    check('dev-idp exits 0 on SIGTERM', code === 0, String(code));
    await app.close();
    await rm(work, { recursive: true, force: true });
  }
}

main()
  .catch((err) => {
    failed += 1;
    process.stdout.write(`  FAIL selftest aborted: ${err.message}\n`);
  })
  .finally(() => {
    process.stdout.write(`selftest: wall time ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
    process.exit(failed ? 1 : 0);
  });
