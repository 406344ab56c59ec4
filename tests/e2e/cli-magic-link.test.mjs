// End to end: passwordless sign-in by email with `concierge magic-link` against the dev IdP, real
// mail through SMTP into maildev (read back from its REST API) and Debian's Chromium.
//
//  - link on the requesting device: pre-fetched by a plain GET (a mail scanner), then clicked: signed
//    in once; the second click and a later GET are rejected as used;
//  - link opened in a second browser (no cookie of the requesting device): it shows a code, which,
//    typed into the CLI, completes the first device's sign-in (the second browser is not signed in);
//  - email code (--code): a wrong code is rejected and the sign-in keeps waiting, the right one signs in;
//  - expired link rejected (DEV_IDP_MAGIC_LINK_TTL); rate limit per address (HTTP 429 -> rate_limited);
//    too many wrong codes (too_many_attempts); clients without passwordless refused, storefront-mobile accepted;
//  - no link token, binding or code in any log (CLI stderr with every debug category, IdP stderr).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { startIdp } from './lib/idp.mjs';
import { BROWSER, checker, runCli, startCli } from './lib/cli.mjs';

const t = checker('cli-magic-link');
const DEBUG = { QT_LOGGING_RULES: '*.debug=true' };
const [idp, shortIdp] = await Promise.all([
  startIdp({ env: { DEV_IDP_LOG_REQUESTS: '1' } }),
  startIdp({ env: { DEV_IDP_MAGIC_LINK_TTL: '2' } }),
]);
const work = await mkdtemp(join(tmpdir(), 'concierge-e2e-magic-'));
const sleep = (ms) => new Promise((r) => { setTimeout(r, ms); });
const secrets = []; // every link token and code seen: none may appear in a log
const logs = [];

async function mailsTo(mailWeb, to) {
  const all = await (await fetch(`${mailWeb}/api/email`)).json();
  return all.filter((m) => (m.to ?? []).some((a) => a.address.toLowerCase() === to.toLowerCase()));
}
async function waitForMail(mailWeb, to, count = 1, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mine = await mailsTo(mailWeb, to);
    if (mine.length >= count) return mine[mine.length - 1];
    if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
    await sleep(200);
  }
}
const linkIn = (mail) => /https?:\/\/\S+\/passwordless\/verify\?token=([\w-]+)/.exec(mail.text ?? '');
const codeIn = (mail) => /\n(\d{6})\n/.exec(mail.text ?? '')?.[1];

async function start(issuer, body) {
  const res = await fetch(`${issuer}/passwordless/start`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: await res.json().catch(() => ({})) };
}
function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
function linkParams(email, extra = {}) {
  const { challenge } = pkce();
  return {
    client_id: 'concierge-cli', connection: 'email', email, send: 'link',
    authParams: {
      redirect_uri: 'http://127.0.0.1:1/callback', scope: 'openid email', state: randomBytes(16).toString('base64url'),
      nonce: randomBytes(16).toString('base64url'), code_challenge: challenge, code_challenge_method: 'S256',
    },
    ...extra,
  };
}
async function postLink(link) {
  const token = new URL(link).searchParams.get('token');
  const res = await fetch(new URL('/passwordless/verify', link), {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }),
  });
  return { status: res.status, text: await res.text() };
}

try {
  const { mail } = await idp.services();
  t.check('services publish the mail sink', /^http:\/\/127\.0\.0\.1:\d+$/.test(mail?.web ?? ''), JSON.stringify(mail));
  const short = (await shortIdp.services()).mail;

  // 1. Same device: the CLI opens the binding page in the browser, which reads the mail, pre-fetches
  //    the link with a plain GET (a mail scanner) and then opens and clicks it.
  const record = join(work, 'record.json');
  const same = await runCli(['magic-link', '--issuer', idp.issuer, '--client-id', 'concierge-cli', '--email', 'aiko@example.com',
    '--scope', 'openid profile email', '--open-with',
    `${BROWSER} --mail-api ${mail.web} --mail-to aiko@example.com --prefetch-link --record ${record}`], { env: DEBUG });
  logs.push(same.stdout, same.stderr);
  t.check('magic link: exit 0', same.code === 0, `${same.stdout} ${same.stderr.slice(-500)}`);
  t.check('magic link: signed in as the shopper', same.json?.status === 'signed_in' && same.json?.sub === 'shp_7Qm2xK9vR4tLa8Zc'
    && same.json?.claims?.email === 'aiko@example.com', same.stdout);
  t.check('magic link: method magic_link', same.json?.method === 'magic_link');
  const seen = JSON.parse(await readFile(record, 'utf8').catch(() => '{}'));
  const aikoMail = await waitForMail(mail.web, 'aiko@example.com');
  t.check('the mail is real SMTP mail with the link', linkIn(aikoMail) !== null && /sign-in link/.test(aikoMail.subject), aikoMail.subject);
  if (linkIn(aikoMail)) secrets.push(linkIn(aikoMail)[1]);
  t.check('the browser used the mailed link', seen.magicLink === linkIn(aikoMail)?.[0]);
  t.check('redirected to the app with a code', seen.redirectUrl && new URL(seen.redirectUrl).pathname === '/callback');
  if (seen.redirectUrl) secrets.push(new URL(seen.redirectUrl).searchParams.get('code'));
  // Second click, and a later GET: rejected as used.
  if (seen.magicLink) {
    const second = await postLink(seen.magicLink);
    t.check('second click rejected (used)', second.status === 410 && second.text.includes('data-reason="used"'), `${second.status}`);
    const get = await fetch(seen.magicLink);
    t.check('a GET after use shows "already used"', get.status === 410 && (await get.text()).includes('already been used'));
  }

  // 2. Another browser: the link shows a code; typed into the CLI it completes the first device.
  const cross = startCli(['magic-link', '--issuer', idp.issuer, '--client-id', 'storefront-mobile', '--email', 'ken@example.com',
    '--open-with', 'true'], { env: DEBUG });
  const kenMail = await waitForMail(mail.web, 'ken@example.com');
  const kenLink = linkIn(kenMail);
  if (kenLink) secrets.push(kenLink[1]);
  const browser = await chromium.launch({
    executablePath: process.env.CONCIERGE_CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  let shownCode;
  try {
    const other = await browser.newContext({ locale: 'ja-JP' });
    const page = await other.newPage();
    await page.goto(kenLink[0]);
    t.check('link page asks for a click (ja)', await page.locator('#magic-continue').count() === 1
      && await page.evaluate(() => document.documentElement.lang) === 'ja');
    await Promise.all([page.waitForNavigation(), page.click('#magic-continue')]);
    shownCode = (await page.locator('#magic-code').textContent().catch(() => ''))?.trim();
    t.check('the second browser shows a 6-digit code instead of signing in', /^\d{6}$/.test(shownCode ?? ''), shownCode);
    t.check('the second browser was not sent to the app', new URL(page.url()).pathname === '/passwordless/verify');
    await other.close();
  } finally {
    await browser.close();
  }
  if (shownCode) secrets.push(shownCode);
  cross.write(shownCode ?? '000000');
  const crossDone = await cross.done;
  logs.push(crossDone.stdout, crossDone.stderr);
  t.check('the code completes the first device\'s sign-in', crossDone.code === 0 && crossDone.json?.sub === 'shp_3Hd8pW1nJ6yFe5Ub',
    `${crossDone.stdout} ${crossDone.stderr.slice(-400)}`);

  // 3. Email code via the CLI: a wrong code first (rejected, the sign-in keeps waiting), then the right one.
  const coded = startCli(['magic-link', '--issuer', idp.issuer, '--client-id', 'concierge-cli', '--email', 'Emma@Example.com',
    '--code', '--scope', 'openid email offline_access'], { env: DEBUG });
  const emmaMail = await waitForMail(mail.web, 'emma@example.com');
  const code = codeIn(emmaMail);
  t.check('the code mail carries 6 digits', /^\d{6}$/.test(code ?? ''), emmaMail.text);
  if (code) secrets.push(code);
  t.check('the code is not in the subject', code && !emmaMail.subject.includes(code));
  // The CLI and SDK pass the address verbatim; the SMTP sink lower-cases only the domain.
  t.check('address kept verbatim (local part case)', emmaMail.to?.[0]?.address?.startsWith('Emma@'), JSON.stringify(emmaMail.to));
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  coded.write(wrong);
  for (let i = 0; i < 100 && !coded.stderr().includes('otp_rejected'); i += 1) await sleep(100);
  t.check('a wrong code is rejected and the CLI asks again', coded.stderr().includes('otp_rejected'), coded.stderr().slice(-300));
  coded.write(code);
  const codedDone = await coded.done;
  logs.push(codedDone.stdout, codedDone.stderr);
  t.check('email code: signed in as emma', codedDone.code === 0 && codedDone.json?.sub === 'shp_9Lr5cT2bX7gVn4Ms'
    && codedDone.json?.method === 'email_code', `${codedDone.stdout} ${codedDone.stderr.slice(-300)}`);
  t.check('email code: refresh token for offline_access', codedDone.json?.refresh_token_present === true);

  // 4. Rate limit per address: the 6th mail within 10 minutes is refused with 429 and a clear error.
  for (let i = 0; i < 5; i += 1) await start(idp.issuer, linkParams('flood@example.com'));
  const limited = await runCli(['magic-link', '--issuer', idp.issuer, '--client-id', 'concierge-cli', '--email', 'flood@example.com',
    '--open-with', 'true']);
  t.check('rate limited: exit 1, rate_limited/transient', limited.code === 1 && limited.json?.code === 'rate_limited'
    && limited.json?.kind === 'transient', limited.stdout);
  t.check('rate limited: retry_after and a clear message', limited.json?.retry_after > 0 && /try again in \d+ seconds/.test(limited.json?.message ?? ''),
    limited.stdout);
  const other = await start(idp.issuer, linkParams('not-flooded@example.com'));
  t.check('another address is not limited', other.status === 200);

  // 5. Too many wrong codes end the request.
  const { verifier, challenge } = pkce();
  const tooMany = await start(idp.issuer, { ...linkParams('guess@example.com'), send: 'code',
    authParams: { scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256' } });
  t.check('code request accepted', tooMany.status === 200 && tooMany.json._id && !tooMany.json.device_binding_uri);
  const guessMail = await waitForMail(mail.web, 'guess@example.com');
  const realCode = codeIn(guessMail);
  if (realCode) secrets.push(realCode);
  const redeem = async (otp, v = verifier) => {
    const res = await fetch(`${idp.issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'http://auth0.com/oauth/grant-type/passwordless/otp', client_id: 'concierge-cli',
        username: 'guess@example.com', otp, realm: 'email', code_verifier: v }) });
    return { status: res.status, json: await res.json() };
  };
  const withoutVerifier = await redeem(realCode, pkce().verifier);
  t.check('the right code with another device\'s verifier is rejected', withoutVerifier.json.error === 'invalid_grant');
  let last;
  for (let i = 0; i < 5; i += 1) last = await redeem(String((Number(realCode) + 1 + i) % 1_000_000).padStart(6, '0'));
  t.check('5th wrong attempt: too_many_attempts', last.json.error === 'too_many_attempts', JSON.stringify(last.json));
  const late = await redeem(realCode);
  t.check('after that even the right code is refused', late.json.error === 'too_many_attempts');

  // 6. Clients: storefront-mobile may, concierge-es256 may not; bad input is a clear 400.
  t.check('storefront-mobile accepted', (await start(idp.issuer, linkParams('phone@example.com', { client_id: 'storefront-mobile' }))).status === 200);
  const refused = await start(idp.issuer, linkParams('x@example.com', { client_id: 'concierge-es256' }));
  t.check('a client without passwordless is refused', refused.status === 403 && refused.json.error === 'unauthorized_client');
  const badRedirect = await start(idp.issuer, linkParams('x@example.com', { authParams: { ...linkParams('x').authParams, redirect_uri: 'https://evil.example/cb' } }));
  t.check('an unregistered redirect_uri is refused', badRedirect.status === 400 && badRedirect.json.error === 'bad.authParams');
  const badConnection = await start(idp.issuer, linkParams('x@example.com', { connection: 'sms' }));
  t.check('connection must be email', badConnection.status === 400 && badConnection.json.error === 'bad.connection');

  // 7. Expired link (TTL 2 s): GET and click both rejected as expired.
  const expiring = await start(shortIdp.issuer, linkParams('late@example.com'));
  t.check('short-TTL link sent', expiring.status === 200);
  const lateMail = await waitForMail(short.web, 'late@example.com');
  const lateLink = linkIn(lateMail);
  if (lateLink) secrets.push(lateLink[1]);
  await sleep(2500);
  const expiredGet = await fetch(lateLink[0]);
  t.check('expired link: GET says expired', expiredGet.status === 410 && (await expiredGet.text()).includes('data-reason="expired"'));
  const expiredPost = await postLink(lateLink[0]);
  t.check('expired link: click rejected', expiredPost.status === 410 && expiredPost.text.includes('data-reason="expired"'));

  // 8. Nothing secret in any log.
  logs.push(idp.stderr(), shortIdp.stderr());
  const everything = logs.join('\n');
  t.check('the IdP logged requests (paths only)', /dev-idp: (GET|POST) \/passwordless\/verify \d+/.test(idp.stderr()), idp.stderr().slice(-400));
  const leaked = secrets.filter((s) => s && (s.length >= 8 ? everything.includes(s) : new RegExp(`\\b${s}\\b`).test(everything)));
  t.check(`no link token, authorization code or email code in any log (${secrets.length} secrets checked)`, leaked.length === 0,
    `leaked ${leaked.length}`);
  t.check('the CLI debug log was really on', /concierge\.(net|flow|session)/.test(everything));
} catch (e) {
  t.check('no exception', false, e.stack);
} finally {
  await Promise.all([idp.stop(), shortIdp.stop()]);
  await rm(work, { recursive: true, force: true });
  t.finish();
}
