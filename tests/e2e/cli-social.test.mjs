// End to end: social sign-in through the dev IdP acting as a broker for its two upstream OpenID
// Providers ("Google (dev)", "Apple (dev)", separate oidc-provider instances on their own ports),
// driven by `concierge login` and Debian's Chromium. Covers the "Continue with …" button, the
// idp_hint going straight to the upstream (the broker's login page never shown), account linking by
// VERIFIED email (same sub as the shopper's password sign-in), no linking for an unverified email,
// and a new account for an unknown one.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startIdp } from './lib/idp.mjs';
import { BROWSER, checker, runCli } from './lib/cli.mjs';

const t = checker('cli-social');
const idp = await startIdp();
const work = await mkdtemp(join(tmpdir(), 'concierge-e2e-social-'));
let n = 0;

async function login(browserArgs, cliArgs = []) {
  const record = join(work, `record-${n += 1}.json`);
  const run = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli', ...cliArgs,
    '--open-with', `${BROWSER} --record ${record} ${browserArgs}`]);
  let seen = {};
  try { seen = JSON.parse(await readFile(record, 'utf8')); } catch { /* failed before recording */ }
  return { ...run, out: run.json ?? {}, seen };
}
const hosts = (seen) => (seen.pages ?? []).map((p) => p.split('/')[0]);

try {
  const services = await idp.services();
  const google = services.upstreams?.google;
  const apple = services.upstreams?.apple;
  t.check('services lists both upstreams', google?.name === 'Google (dev)' && apple?.name === 'Apple (dev)', JSON.stringify(services));
  const googleHost = google ? new URL(google.issuer).host : 'none';
  const appleHost = apple ? new URL(apple.issuer).host : 'none';
  const brokerHost = new URL(idp.issuer).host;
  t.check('upstreams are separate providers on their own ports',
    googleHost !== brokerHost && appleHost !== brokerHost && googleHost !== appleHost);
  for (const [id, u] of Object.entries(services.upstreams ?? {})) {
    const doc = await (await fetch(`${u.issuer}/.well-known/openid-configuration`)).json();
    t.check(`${id} upstream is a real OpenID Provider`, doc.issuer === u.issuer && doc.code_challenge_methods_supported?.includes('S256'));
  }

  // 1. A password sign-in: the reference sub (Emma's is the seeded one of accounts.mjs).
  const aiko = await login('--email aiko@example.com --password sakura-2026');
  t.check('aiko signs in with her password', aiko.code === 0 && aiko.out.sub, aiko.stdout + aiko.stderr.slice(-300));
  const emma = { out: { sub: 'shp_9Lr5cT2bX7gVn4Ms' } };

  // 2. "Continue with Google (dev)" on the login page, as a Google account the dev IdP does not know.
  const sora = await login('--social google --upstream-account sora.yamada@gmail.example');
  t.check('Continue with Google (dev): signed in', sora.code === 0 && sora.out.status === 'signed_in', sora.stdout + sora.stderr.slice(-400));
  t.check('the broker login page, then the Google upstream, were visited',
    hosts(sora.seen).includes(brokerHost) && hosts(sora.seen).includes(googleHost), JSON.stringify(sora.seen.pages));
  t.check('a new account was created from the verified Google email', sora.out.claims?.email === 'sora.yamada@gmail.example'
    && sora.out.claims?.email_verified === true && /^shp_/.test(sora.out.sub ?? '') && sora.out.sub !== aiko.out.sub);
  t.check('profile from the upstream', sora.out.claims?.name === 'Sora Yamada', JSON.stringify(sora.out.claims));

  // 3. The hint goes straight to the upstream, and the verified email links to aiko's account.
  const linked = await login('--expect-no-login --upstream-account aiko@example.com', ['--idp', 'google', '--userinfo']);
  t.check('idp_hint=google signs in without the broker login page', linked.code === 0, linked.stdout + linked.stderr.slice(-400));
  t.check('the hint was sent as idp_hint',
    linked.seen.authorizationUrl && new URL(linked.seen.authorizationUrl).searchParams.get('idp_hint') === 'google');
  t.check('the Google upstream was visited', hosts(linked.seen).includes(googleHost), JSON.stringify(linked.seen.pages));
  t.check('linked by verified email: same sub as the password sign-in', linked.out.sub === aiko.out.sub,
    `${linked.out.sub} vs ${aiko.out.sub}`);
  t.check('unified profile (loyalty tier of the shopper)', linked.out.userinfo?.loyalty_tier === 'gold', JSON.stringify(linked.out.userinfo));
  t.check('amr says federated', Array.isArray(linked.out.claims?.amr) ? linked.out.claims.amr.includes('fed') : true);

  // 4. Apple (dev) through the hint, linking to emma.
  const viaApple = await login('--expect-no-login --upstream-account emma@example.com', ['--idp', 'apple']);
  t.check('idp_hint=apple signs in', viaApple.code === 0, viaApple.stdout + viaApple.stderr.slice(-400));
  t.check('the Apple upstream was visited', hosts(viaApple.seen).includes(appleHost), JSON.stringify(viaApple.seen.pages));
  t.check('Apple account linked to emma (same sub)', viaApple.out.sub === emma.out.sub, `${viaApple.out.sub} vs ${emma.out.sub}`);

  // 4b. Apple gives the name only on the first sign-in of an account: the broker keeps it.
  const relay = 'x7k2p9qr@privaterelay.appleid.example';
  const firstApple = await login(`--social apple --upstream-account ${relay}`);
  const secondApple = await login(`--social apple --upstream-account ${relay}`);
  t.check('Apple relay account: new shopper with the name of the first sign-in', firstApple.code === 0
    && firstApple.out.claims?.name === 'Haruto Mori' && firstApple.out.sub !== emma.out.sub, firstApple.stdout);
  t.check('Apple relay account again: same sub, name kept although Apple sent none', secondApple.code === 0
    && secondApple.out.sub === firstApple.out.sub && secondApple.out.claims?.name === 'Haruto Mori', secondApple.stdout);

  // 5. An UNVERIFIED upstream email equal to a shopper's is never linked.
  const unverified = await login('--social google --upstream-account ken@example.com');
  t.check('unverified Google email: signed in', unverified.code === 0, unverified.stdout + unverified.stderr.slice(-400));
  t.check('unverified email: not ken\'s account', unverified.out.sub && unverified.out.sub !== 'shp_3Hd8pW1nJ6yFe5Ub'
    && unverified.out.claims?.email_verified === false, JSON.stringify(unverified.out.claims));

  // 7. A broker preset puts the hint in its own parameter (Keycloak's kc_idp_hint). No browser needed:
  //    the "browser" only writes down the URL it was given, and the sign-in times out.
  const urlFile = join(work, 'kc-url.txt');
  const keycloak = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli', '--idp', 'google',
    '--broker', 'keycloak', '--timeout', '2', '--open-with', `${process.execPath} -e require("fs").writeFileSync(process.argv[1],process.argv[2]) ${urlFile}`]);
  const kcUrl = new URL(await readFile(urlFile, 'utf8').catch(() => 'http://x/')).searchParams;
  t.check('--broker keycloak sends kc_idp_hint, not idp_hint', keycloak.json?.code === 'timeout' && kcUrl.get('kc_idp_hint') === 'google'
    && !kcUrl.has('idp_hint'), keycloak.stdout + keycloak.stderr.slice(-300));
  const usage = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli', '--broker', 'auth0']);
  t.check('--broker without --idp is a usage error', usage.code === 2 && usage.json?.code === 'invalid_argument');

  // 8. Japanese login page offers the buttons in Japanese.
  const ja = await fetchLoginPage(idp.issuer, 'ja');
  t.check('login page (ja) offers "Google (dev) で続ける"', ja.includes('Google (dev) で続ける') && ja.includes('Apple (dev) で続ける'));
  const en = await fetchLoginPage(idp.issuer, 'en');
  t.check('login page (en) offers "Continue with Apple (dev)"', en.includes('Continue with Apple (dev)'));

  t.check('no upstream token or code in the IdP log', !/eyJ[A-Za-z0-9_-]{10,}\./.test(idp.stderr()) && !/code=/.test(idp.stderr()));
} catch (e) {
  t.check('no exception', false, e.stack);
} finally {
  await idp.stop();
  await rm(work, { recursive: true, force: true });
  t.finish();
}

/** The dev IdP's login page for a fresh authorization request in `lang` (plain HTTP, cookies carried). */
async function fetchLoginPage(issuer, lang) {
  const { createHash, randomBytes } = await import('node:crypto');
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(`${issuer}/auth`);
  url.search = new URLSearchParams({
    client_id: 'concierge-cli', response_type: 'code', redirect_uri: 'http://127.0.0.1:1/callback', scope: 'openid',
    state: randomBytes(16).toString('base64url'), code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256', ui_locales: lang,
  }).toString();
  let res = await fetch(url, { redirect: 'manual' });
  const cookies = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  res = await fetch(new URL(res.headers.get('location'), issuer), { headers: { cookie: cookies } });
  return res.text();
}
