// End to end: the dev IdP's storefront API (dev-idp/storefront.mjs) with tokens from the real IdP.
// - the kiosk: `concierge device` (storefront-kiosk, Chromium approves on verification_uri_complete),
//   tokens in a real keychain (run through with-keyring.sh); `concierge call` reads the cart;
//   `concierge logout` revokes, and the API then refuses the revoked token.
// - the phone: `concierge login --dpop` (storefront-mobile, http-signin.mjs) calls the API with SDK
//   DPoP proofs; node-made sessions (Bearer and DPoP with this script's own key) check every endpoint
//   and every 401 case (no token, malformed, opaque token, wrong audience, bad signature, expired,
//   DPoP without / with a wrong / a replayed proof); the same cart is seen from kiosk and phone;
//   scope-gated claims; export; delete account (then password sign-in for that shopper fails).
import { createHash, createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO, checker, runCli } from './lib/cli.mjs';
import { httpSignIn } from './lib/httpflow.mjs';
import { startIdp } from './lib/idp.mjs';
import { authorizationRequest, discover } from './lib/oauth.mjs';
import { decodeJwt } from './lib/pkce.mjs';

const t = checker('storefront-api');
const HTTP_SIGNIN = `node ${join(REPO, 'tests', 'e2e', 'http-signin.mjs')}`;
const BROWSER_SCRIPT = join(REPO, 'tests', 'e2e', 'browser-signin.mjs');
const REDIRECT = 'http://127.0.0.1:9/callback'; // http-signin stops before visiting it
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

const work = await mkdtemp(join(tmpdir(), 'concierge-e2e-storefront-'));
const idp = await startIdp();
const meta = await discover(idp.issuer);

// --- helpers ----------------------------------------------------------------------------------------
function signJwt(header, payload, privateKey) {
  const input = `${b64url(header)}.${b64url(payload)}`;
  const options = header.alg === 'ES256' ? { key: privateKey, dsaEncoding: 'ieee-p1363' } : privateKey;
  return `${input}.${sign('sha256', Buffer.from(input), options).toString('base64url')}`;
}

function newDpopKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
  const jwk = { kty, crv, x, y };
  const jkt = createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
  return { privateKey, jwk, jkt };
}

function dpopProof(key, method, url, { token, iat = Math.floor(Date.now() / 1000), jti = randomUUID(), jwk = key.jwk } = {}) {
  const payload = { htm: method, htu: url, iat, jti };
  if (token) payload.ath = createHash('sha256').update(token).digest('base64url');
  return signJwt({ typ: 'dpop+jwt', alg: 'ES256', jwk }, payload, key.privateKey);
}

async function api(path, { token, scheme = 'Bearer', dpop, method = 'GET', body, headers = {}, base = idp.issuer } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `${scheme} ${token}`;
  if (dpop) h.dpop = dpop;
  if (body !== undefined) h['content-type'] = 'application/json';
  const res = await fetch(`${base}/storefront/v1${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

/** Code flow for a public client through http-signin's user agent; DPoP-bound when `dpopKey`. */
async function signIn({ issuerMeta = meta, clientId = 'storefront-mobile', scope = 'openid profile email offline_access',
  email = 'emma@example.com', password = 'london-2026', dpopKey, extra } = {}) {
  const req = authorizationRequest(issuerMeta, { clientId, redirectUri: REDIRECT, scope, extra });
  const { redirect } = await httpSignIn(req.url, { email, password });
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error(`no code: ${redirect.searchParams.get('error')}`);
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  if (dpopKey) headers.dpop = dpopProof(dpopKey, 'POST', issuerMeta.token_endpoint);
  const res = await fetch(issuerMeta.token_endpoint, {
    method: 'POST', headers,
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: req.pkce.verifier, client_id: clientId }),
  });
  const tokens = await res.json();
  if (!tokens.access_token) throw new Error(`token request failed: ${JSON.stringify(tokens)}`);
  return tokens;
}

function runNode(args, timeoutMs = 120_000) {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => { clearTimeout(timer); resolveRun({ code, out }); });
  });
}

async function waitForFile(path, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const text = await readFile(path, 'utf8');
      if (text.endsWith('\n')) return JSON.parse(text);
    } catch { /* not there yet */ }
    await sleep(100);
  }
  throw new Error(`${path} did not appear`);
}

const challenge = (r) => r.headers.get('www-authenticate') ?? '';
const refused = (r, error, descriptionRe) => r.status === 401 && r.json?.error === error
  && new RegExp(`error="${error}"`).test(challenge(r)) && descriptionRe.test(r.json?.error_description ?? '')
  && /realm="storefront"/.test(challenge(r));

let exitCode = 0;
try {
  const storefront = `${idp.issuer}/storefront`;

  // --- discovery of the service and the public catalogue ---------------------------------------------
  const services = await (await fetch(`${idp.issuer}/__dev/services`)).json();
  t.check('/__dev/services names the storefront base URL', services.storefront === storefront, JSON.stringify(services));
  const en = await api('/products');
  const ja = await api('/products?lang=ja');
  const jaAccept = await api('/products', { headers: { 'accept-language': 'ja-JP,ja;q=0.9' } });
  t.check('GET /products is public (200 without a token)', en.status === 200 && en.json?.products?.length >= 4);
  t.check('prices are integer yen', en.json?.currency === 'JPY' && en.json.products.every((p) => Number.isInteger(p.price_yen) && p.price_yen > 0));
  t.check('?lang=ja gives Japanese names', ja.json?.products?.[0]?.name === '宇治抹茶 飲み比べセット' && en.json.products[0].name === 'Uji matcha tasting set');
  t.check('Accept-Language ja gives Japanese with Content-Language', jaAccept.json?.products?.[0]?.name === ja.json?.products?.[0]?.name
    && jaAccept.headers.get('content-language') === 'ja');
  const unknown = await api('/nowhere');
  t.check('unknown endpoint is 404 JSON', unknown.status === 404 && unknown.json?.error === 'not_found');
  const wrongMethod = await api('/products', { method: 'PUT' });
  t.check('wrong method is 405 with Allow', wrongMethod.status === 405 && wrongMethod.headers.get('allow') === 'GET');

  // --- a phone session (Bearer): every endpoint ------------------------------------------------------
  const emma = await signIn();
  const at = decodeJwt(emma.access_token);
  t.check('storefront-mobile gets a JWT access token for the storefront', at.header.typ === 'at+jwt'
    && at.payload.aud === storefront && at.payload.iss === idp.issuer && at.payload.client_id === 'storefront-mobile');
  t.check('the access token carries the storefront scopes only', at.payload.scope === 'profile email', at.payload.scope);
  t.check('an ID token comes along', typeof emma.id_token === 'string' && typeof emma.refresh_token === 'string');

  const me = await api('/me', { token: emma.access_token });
  t.check('GET /me: profile, tier and points', me.status === 200 && me.json?.sub === at.payload.sub && me.json.name === 'Emma Clarke'
    && me.json.email === 'emma@example.com' && me.json.loyalty?.tier === 'bronze' && me.json.loyalty.points === 420, me.text);
  t.check('GET /me without scope phone / storefront.birthday has no phone_number / birthdate',
    me.json && !('phone_number' in me.json) && !('birthdate' in me.json));
  t.check('GET /me is not cached', me.headers.get('cache-control') === 'no-store');
  const cart0 = await api('/me/cart', { token: emma.access_token });
  t.check('GET /me/cart: seeded cart with totals', cart0.status === 200 && cart0.json?.items?.[0]?.id === 'tenugui'
    && cart0.json.total_yen === 1320 && cart0.json.item_count === 1, cart0.text);
  const offers = await api('/me/offers?lang=ja', { token: emma.access_token });
  t.check('GET /me/offers in Japanese, birthday offer locked behind its scope', offers.status === 200
    && offers.json?.offers?.[0]?.title?.startsWith('ようこそ') && offers.json.locked?.[0]?.scope === 'storefront.birthday', offers.text);
  const added = await api('/me/cart/items', { token: emma.access_token, method: 'POST', body: { product_id: 'furoshiki', quantity: 2 } });
  t.check('POST /me/cart/items adds to the cart', added.status === 200 && added.json?.total_yen === 1320 + 2 * 1980
    && added.json.item_count === 3, added.text);
  const badItem = await api('/me/cart/items', { token: emma.access_token, method: 'POST', body: { product_id: 'nope' } });
  const badQty = await api('/me/cart/items', { token: emma.access_token, method: 'POST', body: { product_id: 'tenugui', quantity: 0 } });
  const notJson = await api('/me/cart/items', { token: emma.access_token, method: 'POST', headers: { 'content-type': 'text/plain' } });
  t.check('bad cart additions are 400/415 and change nothing', badItem.status === 400 && badItem.json?.error === 'unknown_product'
    && badQty.status === 400 && badQty.json?.error === 'invalid_quantity' && notJson.status === 415
    && (await api('/me/cart', { token: emma.access_token })).json?.total_yen === added.json?.total_yen);

  // --- progressive profiling: scope-gated data ------------------------------------------------------
  const emmaMore = await signIn({ scope: 'openid profile phone storefront.birthday' });
  const meMore = await api('/me', { token: emmaMore.access_token });
  t.check('with scopes phone + storefront.birthday, /me has phone_number and birthdate', meMore.status === 200
    && meMore.json?.phone_number === '+44 7700 900123' && meMore.json.birthdate === '1994-07-21'
    && !('email' in meMore.json), meMore.text);
  const offersMore = await api('/me/offers', { token: emmaMore.access_token });
  t.check('...and the birthday offer', offersMore.json?.offers?.some((o) => o.id === 'birthday') && offersMore.json.locked?.length === 0);

  // --- 401 with WWW-Authenticate ---------------------------------------------------------------------
  const none = await api('/me');
  t.check('no token: 401, Bearer and DPoP challenges without an error code', none.status === 401
    && /^Bearer realm="storefront"/.test(challenge(none)) && /DPoP realm="storefront", algs="ES256/.test(challenge(none))
    && !/error=/.test(challenge(none)), challenge(none));
  const malformed = await api('/me', { headers: { authorization: 'Basic abc' } });
  t.check('malformed Authorization: 401 invalid_token', refused(malformed, 'invalid_token', /Authorization header/));
  const cli = await signIn({ clientId: 'concierge-cli' });
  const opaque = await api('/me', { token: cli.access_token });
  t.check('concierge-cli keeps opaque tokens (userinfo), refused here', !cli.access_token.includes('.')
    && refused(opaque, 'invalid_token', /not a JWT access token/));
  const userinfo = await fetch(meta.userinfo_endpoint, { headers: { authorization: `Bearer ${cli.access_token}` } });
  t.check('...and that token still works at userinfo', userinfo.status === 200);
  const cliForStorefront = await signIn({ clientId: 'concierge-cli', extra: { resource: storefront } });
  const viaResource = await api('/me', { token: cliForStorefront.access_token });
  t.check('any client sending resource=<storefront> gets a storefront token', viaResource.status === 200
    && decodeJwt(cliForStorefront.access_token).payload.aud === storefront, viaResource.text);

  const jwks = JSON.parse(await readFile(join(idp.dataDir, 'jwks.json'), 'utf8'));
  const es = jwks.keys.find((k) => k.alg === 'ES256');
  const idpKey = createPrivateKey({ key: es, format: 'jwk' });
  const forged = (changes, key = idpKey) => signJwt({ typ: 'at+jwt', alg: 'ES256', kid: es.kid }, { ...at.payload, ...changes }, key);
  const wrongAud = await api('/me', { token: forged({ aud: 'http://127.0.0.1:1/elsewhere' }) });
  t.check('wrong audience (signed by the IdP): 401', refused(wrongAud, 'invalid_token', /audience/), wrongAud.text);
  const badSig = await api('/me', { token: forged({}, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey) });
  t.check('bad signature: 401', refused(badSig, 'invalid_token', /signature/), badSig.text);
  const tampered = emma.access_token.replace(/\.[^.]+\./, `.${b64url({ ...at.payload, sub: 'shp_3Hd8pW1nJ6yFe5Ub' })}.`);
  t.check('tampered payload: 401', refused(await api('/me', { token: tampered }), 'invalid_token', /signature/));
  const now = Math.floor(Date.now() / 1000);
  const stale = await api('/me', { token: forged({ iat: now - 700, exp: now - 100 }) });
  t.check('expired (signed by the IdP): 401', refused(stale, 'invalid_token', /expired/), stale.text);
  const unknownJti = await api('/me', { token: forged({ jti: 'never-issued' }) });
  t.check('a token the IdP never issued (unknown jti): 401', refused(unknownJti, 'invalid_token', /revoked/));

  // Expiry of a real token: a second IdP with 1-second access tokens.
  const quick = await startIdp({ env: { DEV_IDP_ACCESS_TOKEN_TTL: '1' } });
  try {
    const quickMeta = await discover(quick.issuer);
    const short = await signIn({ issuerMeta: quickMeta });
    await sleep(2100);
    const expired = await api('/me', { token: short.access_token, base: quick.issuer });
    t.check('expired real token (DEV_IDP_ACCESS_TOKEN_TTL=1): 401 "expired"', refused(expired, 'invalid_token', /expired/), expired.text);
  } finally {
    await quick.stop();
  }

  // --- DPoP -----------------------------------------------------------------------------------------
  const key = newDpopKey();
  const bound = await signIn({ dpopKey: key });
  const boundAt = decodeJwt(bound.access_token).payload;
  t.check('DPoP-bound token: token_type DPoP, cnf.jkt = key thumbprint', bound.token_type === 'DPoP' && boundAt.cnf?.jkt === key.jkt);
  const meUrl = `${storefront}/v1/me`;
  const good = dpopProof(key, 'GET', meUrl, { token: bound.access_token });
  const ok = await api('/me', { token: bound.access_token, scheme: 'DPoP', dpop: good });
  t.check('DPoP token with a valid proof: 200', ok.status === 200 && ok.json?.sub === boundAt.sub, ok.text);
  const replay = await api('/me', { token: bound.access_token, scheme: 'DPoP', dpop: good });
  t.check('replayed proof: 401 invalid_dpop_proof', refused(replay, 'invalid_dpop_proof', /replay/), replay.text);
  const asBearer = await api('/me', { token: bound.access_token });
  t.check('DPoP token sent as Bearer: 401 invalid_token (DPoP challenge)', asBearer.status === 401
    && /DPoP realm="storefront", error="invalid_token"/.test(challenge(asBearer)), challenge(asBearer));
  const noProof = await api('/me', { token: bound.access_token, scheme: 'DPoP' });
  t.check('DPoP token without a proof: 401', refused(noProof, 'invalid_dpop_proof', /required/));
  const cases = [
    ['wrong htu', dpopProof(key, 'GET', `${storefront}/v1/me/cart`, { token: bound.access_token }), /htu/],
    ['wrong htm', dpopProof(key, 'POST', meUrl, { token: bound.access_token }), /htm/],
    ['no ath', dpopProof(key, 'GET', meUrl), /ath/],
    ['old iat', dpopProof(key, 'GET', meUrl, { token: bound.access_token, iat: now - 600 }), /iat/],
    ['another key', dpopProof(newDpopKey(), 'GET', meUrl, { token: bound.access_token }), /bound to/],
    ['jwk not matching the signature', dpopProof(key, 'GET', meUrl, { token: bound.access_token, jwk: newDpopKey().jwk }), /not a valid/],
  ];
  for (const [label, proof, re] of cases) {
    const r = await api('/me', { token: bound.access_token, scheme: 'DPoP', dpop: proof });
    t.check(`DPoP proof with ${label}: 401 invalid_dpop_proof`, refused(r, 'invalid_dpop_proof', re), r.text);
  }
  const bearerAsDpop = await api('/me', { token: emma.access_token, scheme: 'DPoP', dpop: dpopProof(key, 'GET', meUrl, { token: emma.access_token }) });
  t.check('a Bearer token sent with the DPoP scheme: 401', refused(bearerAsDpop, 'invalid_token', /not DPoP-bound/));

  // --- the kiosk: `concierge device` (Chromium approves), keychain, call, logout ----------------------
  const file = join(work, 'kiosk.json');
  const kioskRun = runCli(['device', '--issuer', idp.issuer, '--client-id', 'storefront-kiosk', '--scope', 'openid profile offline_access',
    '--timeout', '120', '--print-verification', file, '--store', 'keychain', '--profile', 'kiosk', '--reveal-tokens']);
  const codes = await waitForFile(file);
  const browser = await runNode([BROWSER_SCRIPT, '--email', 'aiko@example.com', '--password', 'sakura-2026', codes.verification_uri_complete]);
  const kiosk = await kioskRun;
  t.check('kiosk: concierge device signs Aiko in', kiosk.code === 0 && browser.code === 0 && kiosk.json?.status === 'signed_in',
    `${kiosk.stdout} ${kiosk.stderr.slice(-300)} ${browser.out.slice(-300)}`);
  const kioskToken = kiosk.json?.access_token ?? '';
  t.check('kiosk: the device-grant token is for the storefront', decodeJwt(kioskToken || 'e30.e30.').payload.aud === storefront);
  const kioskCart = await runCli(['call', `${storefront}/v1/me/cart`, '--profile', 'kiosk']);
  t.check('kiosk: concierge call GET /me/cart is 200 with Aiko\'s cart', kioskCart.code === 0 && kioskCart.json?.http_status === 200
    && kioskCart.json?.body?.items?.length === 2, kioskCart.stdout);

  // The phone: concierge login --dpop for the same shopper adds to the cart; the kiosk sees it.
  const phone = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'storefront-mobile', '--scope', 'openid profile email offline_access',
    '--dpop', '--store', 'keychain', '--profile', 'phone', '--open-with', HTTP_SIGNIN]);
  t.check('phone: concierge login --dpop (storefront-mobile) exits 0 with DPoP', phone.code === 0 && phone.json?.token_type === 'DPoP',
    `${phone.stdout} ${phone.stderr.slice(-300)}`);
  const phoneMe = await runCli(['call', `${storefront}/v1/me`, '--profile', 'phone']);
  t.check('phone: concierge call GET /me with the SDK\'s DPoP proof is 200', phoneMe.code === 0 && phoneMe.json?.http_status === 200
    && phoneMe.json?.body?.loyalty?.tier === 'gold' && phoneMe.json.body.email === 'aiko@example.com', phoneMe.stdout);
  const aikoPhone = await signIn({ email: 'aiko@example.com', password: 'sakura-2026' });
  const addAiko = await api('/me/cart/items', { token: aikoPhone.access_token, method: 'POST', body: { product_id: 'tenugui' } });
  const kioskCart2 = await runCli(['call', `${storefront}/v1/me/cart`, '--profile', 'kiosk']);
  t.check('the same cart is seen from phone and kiosk', addAiko.status === 200 && kioskCart2.json?.body?.item_count === 4
    && kioskCart2.json.body.total_yen === addAiko.json?.total_yen, `${addAiko.text} ${kioskCart2.stdout}`);

  const logout = await runCli(['logout', '--profile', 'kiosk']);
  t.check('kiosk: concierge logout exits 0', logout.code === 0, logout.stdout);
  const revoked = await api('/me', { token: kioskToken });
  t.check('the API then refuses the revoked token', refused(revoked, 'invalid_token', /revoked/), revoked.text);
  const phoneAfter = await runCli(['call', `${storefront}/v1/me`, '--profile', 'phone']);
  t.check('the phone\'s own sign-in is unaffected', phoneAfter.json?.http_status === 200, phoneAfter.stdout);

  // A node-made session: revoking only the JWT access token (what a sign-out without a refresh token does).
  const solo = await signIn({ scope: 'openid profile' });
  const rev = await fetch(meta.revocation_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: solo.access_token, token_type_hint: 'access_token', client_id: 'storefront-mobile' }),
  });
  t.check('revocation endpoint accepts the storefront JWT access token', rev.status === 200);
  t.check('...and the API refuses it', refused(await api('/me', { token: solo.access_token }), 'invalid_token', /revoked/));
  const foreign = await fetch(meta.revocation_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: emma.access_token, client_id: 'storefront-kiosk' }),
  });
  t.check('another client cannot revoke it', foreign.status !== 200 || (await api('/me', { token: emma.access_token })).status === 200);
  t.check('...it still works', (await api('/me', { token: emma.access_token })).status === 200);

  // --- "Download my data" and "Delete my account" -----------------------------------------------------
  const exported = await api('/me/export', { token: emma.access_token });
  const disposition = exported.headers.get('content-disposition') ?? '';
  t.check('GET /me/export is a JSON attachment', exported.status === 200 && /^attachment; filename="concierge-my-data-\d{4}-\d\d-\d\d\.json"$/.test(disposition)
    && /application\/json/.test(exported.headers.get('content-type') ?? ''), disposition);
  const data = exported.json ?? {};
  t.check('export: profile, cart (with the added items) and offers', data.profile?.email === 'emma@example.com'
    && data.cart?.total_yen === 1320 + 2 * 1980 && data.offers?.length >= 1 && data.issuer === idp.issuer);
  t.check('export: consents name the client, scopes and the storefront resource', Array.isArray(data.consents)
    && data.consents.some((c) => c.client_id === 'storefront-mobile' && /openid/.test(c.scope) && /profile/.test(c.resources?.[storefront] ?? '')),
    JSON.stringify(data.consents));
  t.check('export: says what this token may not see', data.withheld?.some((w) => /phone_number/.test(w)));

  const del = await api('/me', { token: emma.access_token, method: 'DELETE' });
  t.check('DELETE /me deletes the shopper and ends their grants', del.status === 200 && del.json?.status === 'deleted'
    && del.json.grants_revoked >= 3, del.text);
  t.check('after deletion the same token is refused', refused(await api('/me', { token: emmaMore.access_token }), 'invalid_token', /revoked|no longer exists/));
  const refresh = await fetch(meta.token_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: emma.refresh_token, client_id: 'storefront-mobile' }),
  });
  t.check('after deletion the refresh token is dead', refresh.status === 400 && (await refresh.json()).error === 'invalid_grant');
  let signInError = '';
  try {
    await signIn();
  } catch (err) {
    signInError = err.message;
  }
  t.check('after deletion password sign-in for that shopper fails', /rejected the email or password|login/i.test(signInError), signInError);
  t.check('other shoppers are untouched', (await api('/me', { token: aikoPhone.access_token })).status === 200);
} catch (err) {
  t.check('no unexpected error', false, err?.stack ?? String(err));
  exitCode = 1;
} finally {
  await idp.stop();
  await rm(work, { recursive: true, force: true });
  t.finish();
  if (exitCode) process.exitCode = exitCode;
}
