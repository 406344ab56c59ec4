#!/usr/bin/env node
// The "user agent" for end-to-end tests: signs a demo shopper in on the Concierge dev IdP in a
// headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; never a downloaded one).
//
//   node tests/e2e/browser-signin.mjs [--email E] [--password P] [--deny] [--expect-lang ja|en]
//        [--screenshot FILE] [--record FILE] [--locale TAG] [--timeout-ms N] [--user-code CODE]
//        [--viewport WxH] [--mobile] [--print-approved-at] [--verbose] URL
//
// Opens URL (the authorization request; always the last argument), fills the login form, clicks
// Allow (or Deny with --deny) on the consent page, and waits until the browser has loaded the
// app's loopback redirect (an http://127.0.0.1:<port>/ or http://[::1]:<port>/ page that is not
// the IdP's own origin). Exit 0 on success; on failure one line on stderr and exit 1.
//
// Device flow (RFC 8628): given the verification_uri_complete (or the verification_uri plus
// --user-code), it confirms the code, signs in, answers the consent page, and ends on the IdP's
// "you are all set" page (or, after --deny, on the page the IdP shows for a denied request).
// Only loopback hosts are reachable: every other request (web fonts, CDNs, ...) is aborted.
// Never prints a query string: the URL carries state/nonce/code_challenge, the redirect the code.
// --locale sets the browser's language (Accept-Language; default en-US): the IdP uses it when the
// request has no ui_locales.
// --viewport WxH sets the page size (default 1000x800). --mobile makes it a phone: 390x844 (unless
// --viewport says otherwise), device scale factor 3, touch, and a mobile user agent, as when the
// shopper scans the kiosk's QR code. --print-approved-at prints {"event":"approved","at":<ms since
// the epoch>} on stdout at the moment Allow is clicked (tests measure the kiosk's reaction from it).
// --record FILE writes {"authorizationUrl", "redirectUrl", "pages"} as JSON (mode 0600) on success,
// so a test can check that none of those secrets leaked into a program's output.
//
// Social sign-in: --social ID clicks "Continue with …" (#social-ID) on the dev IdP's login page;
// on an upstream's account chooser it picks --upstream-account EMAIL (default: the first account).
// --expect-no-login fails if the dev IdP's own login page shows up (an idp_hint must skip it).
// Magic link: given the page the SDK opens after sending a link (the device-binding page), it reads
// the newest mail to --mail-to E from maildev's REST API (--mail-api URL), optionally fetches the
// link once with a plain GET first (--prefetch-link, like a mail scanner), opens the link in this
// browser, clicks the confirmation and follows the sign-in to the app. The link goes to --record.

import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { hostAndPath, isLoopbackUrl } from './lib/loopback.mjs';

const CHROMIUM = process.env.CONCIERGE_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
const USAGE = 'usage: browser-signin.mjs [--email E] [--password P] [--deny] [--expect-lang ja|en] '
  + '[--screenshot FILE] [--record FILE] [--locale TAG] [--timeout-ms N] [--user-code CODE] '
  + '[--viewport WxH] [--mobile] [--print-approved-at] [--social ID] [--upstream-account EMAIL] '
  + '[--expect-no-login] [--mail-api URL] [--mail-to E] [--prefetch-link] [--verbose] URL';

class Failure extends Error {}

function parseArgs(argv) {
  const opts = {
    email: 'aiko@example.com', password: 'sakura-2026', deny: false, expectLang: undefined,
    screenshot: undefined, record: undefined, locale: 'en-US', timeoutMs: 60_000, userCode: undefined, verbose: false, url: undefined,
    social: undefined, upstreamAccount: undefined, expectNoLogin: false, mailApi: undefined, mailTo: undefined, prefetchLink: false,
    viewport: undefined, mobile: false, printApprovedAt: false,
  };
  if (argv.length === 0) throw new Failure(USAGE);
  const args = argv.slice(0, -1);
  opts.url = argv[argv.length - 1];
  const value = (name) => {
    const v = args.shift();
    if (v === undefined) throw new Failure(`${name} needs a value`);
    return v;
  };
  while (args.length) {
    const arg = args.shift();
    switch (arg) {
      case '--email': opts.email = value(arg); break;
      case '--password': opts.password = value(arg); break;
      case '--deny': opts.deny = true; break;
      case '--expect-lang': opts.expectLang = value(arg); break;
      case '--screenshot': opts.screenshot = value(arg); break;
      case '--record': opts.record = value(arg); break;
      case '--locale': opts.locale = value(arg); break;
      case '--timeout-ms': opts.timeoutMs = Number(value(arg)); break;
      case '--user-code': opts.userCode = value(arg); break;
      case '--verbose': opts.verbose = true; break;
      case '--social': opts.social = value(arg); break;
      case '--upstream-account': opts.upstreamAccount = value(arg); break;
      case '--expect-no-login': opts.expectNoLogin = true; break;
      case '--mail-api': opts.mailApi = value(arg); break;
      case '--mail-to': opts.mailTo = value(arg); break;
      case '--prefetch-link': opts.prefetchLink = true; break;
      case '--viewport': {
        const m = /^(\d{2,5})x(\d{2,5})$/.exec(value(arg));
        if (!m) throw new Failure('--viewport needs WIDTHxHEIGHT, e.g. 390x844');
        opts.viewport = { width: Number(m[1]), height: Number(m[2]) };
        break;
      }
      case '--mobile': opts.mobile = true; break;
      case '--print-approved-at': opts.printApprovedAt = true; break;
      case '-h': case '--help': throw new Failure(USAGE);
      default: throw new Failure(`unknown argument ${arg} (the URL must be the last argument)`);
    }
  }
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0) throw new Failure('--timeout-ms must be a positive number');
  if (opts.url.startsWith('--')) throw new Failure(`missing URL (last argument)\n${USAGE}`);
  if (!isLoopbackUrl(opts.url)) throw new Failure('the authorization URL must be http(s) on a loopback host');
  return opts;
}

const sleep = (ms) => new Promise((r) => { setTimeout(r, ms).unref(); });

/** What the page currently shows, or undefined while it is navigating. */
function currentStep(page, deadline) {
  // evaluate() can wait for a pending navigation (a slow server): never longer than a moment.
  const wait = Math.max(50, Math.min(500, deadline - Date.now()));
  return Promise.race([inspect(page), sleep(wait).then(() => undefined)]);
}

async function inspect(page) {
  try {
    return await page.evaluate(() => {
      const has = (sel) => document.querySelector(sel) !== null;
      if (has('#login-submit')) return { step: 'login', lang: document.documentElement.lang, error: has('#login-error') };
      if (has('#upstream-accounts')) return { step: 'upstream', lang: document.documentElement.lang };
      if (has('#magic-wait')) return { step: 'magic-wait', lang: document.documentElement.lang };
      if (has('#magic-continue')) return { step: 'magic-confirm', lang: document.documentElement.lang };
      if (has('#magic-code')) return { step: 'magic-code', lang: document.documentElement.lang };
      if (has('#consent-allow')) return { step: 'consent', lang: document.documentElement.lang };
      if (has('#device-confirm')) return { step: 'device-confirm', lang: document.documentElement.lang };
      if (has('#device-success')) return { step: 'device-success', lang: document.documentElement.lang };
      if (has('#device-submit')) return { step: 'device-input', lang: document.documentElement.lang, error: has('.alert') };
      if (has('#error-title')) {
        const dd = [...document.querySelectorAll('dd')].map((n) => n.textContent.trim());
        return { step: 'error', lang: document.documentElement.lang, detail: dd.join(': ') };
      }
      return { step: 'other', lang: document.documentElement.lang, ready: document.readyState };
    });
  } catch {
    return undefined; // execution context destroyed by a navigation: look again
  }
}

/**
 * Clicks a submit button and waits for the next document in the main frame. (Not for a URL change:
 * the device code form posts back to the same URL.)
 */
async function submitAndWait(page, selector, deadline) {
  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
    timeout: Math.max(1000, deadline - Date.now()),
  }).catch(() => {});
  await page.click(selector, { noWaitAfter: true });
  await navigated;
}

async function run(opts, state) {
  const idpOrigin = new URL(opts.url).origin;
  // Leave a little of the overall budget for closing Chromium and reporting.
  const deadline = state.started + opts.timeoutMs - Math.min(3000, opts.timeoutMs / 4);
  const say = (msg) => { if (opts.verbose) process.stderr.write(`browser-signin: ${msg}\n`); };
  // The app is the request's redirect_uri origin. Without one in the URL (PAR, a magic-link page),
  // it is any loopback origin but the IdP's and its upstream ("social") providers'.
  let appOrigin;
  try {
    const redirect = new URL(opts.url).searchParams.get('redirect_uri');
    if (redirect && isLoopbackUrl(redirect)) appOrigin = new URL(redirect).origin;
  } catch { /* no usable redirect_uri */ }
  const upstreamOrigins = appOrigin ? [] : await fetch(`${idpOrigin}/__dev/services`, { signal: AbortSignal.timeout(20_000) })
    .then((res) => (res.ok ? res.json() : {}))
    .then((services) => Object.values(services.upstreams ?? {}).map((u) => new URL(u.issuer).origin))
    .catch(() => []);
  const isApp = (url) => isLoopbackUrl(url) && (appOrigin ? new URL(url).origin === appOrigin
    : new URL(url).origin !== idpOrigin && !upstreamOrigins.includes(new URL(url).origin));

  state.profileDir = await mkdtemp(join(tmpdir(), 'concierge-chromium-'));
  const home = state.profileDir;
  const context = await chromium.launchPersistentContext(join(home, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: {
      ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache'),
    },
    timeout: Math.max(1000, deadline - Date.now()),
    viewport: opts.viewport ?? (opts.mobile ? { width: 390, height: 844 } : { width: 1000, height: 800 }),
    ...(opts.mobile ? {
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 3,
      userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
    } : {}),
    // Fixed, so the machine's LANG never changes which language the IdP picks (Accept-Language).
    locale: opts.locale,
  });
  state.context = context;
  // Registered after Playwright's own exit hook (which kills Chromium), so that even the watchdog's
  // process.exit() leaves no profile behind.
  process.on('exit', () => rmSync(home, { recursive: true, force: true, maxRetries: 2 }));

  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopbackUrl(url)) return route.continue();
    say(`blocked ${hostAndPath(url)}`);
    return route.abort('blockedbyclient');
  });

  const page = context.pages()[0] ?? await context.newPage();
  state.page = page;
  page.setDefaultTimeout(Math.max(1000, deadline - Date.now()));

  let landed; // { url } once the main frame committed a navigation to the app
  let appFailure;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && isApp(frame.url()) && !landed) landed = { url: frame.url() };
  });
  page.on('requestfailed', (request) => {
    if (request.isNavigationRequest() && isApp(request.url())) {
      appFailure = `the app's redirect ${hostAndPath(request.url())} failed: ${request.failure()?.errorText ?? 'unknown error'}`;
    }
  });

  say(`opening ${hostAndPath(opts.url)}`);
  // The navigation may end on the app right away (an existing session): do not await its outcome here.
  page.goto(opts.url, { waitUntil: 'commit' }).catch((err) => {
    if (!landed) state.gotoError = err.message.split('\n')[0];
  });

  let logins = 0;
  let consents = 0;
  let deviceInputs = 0;
  let deviceConfirms = 0;
  let langChecked = false;
  let deviceDone; // the device flow ends on an IdP page, not on the app
  let upstreamChoices = 0;
  let magicWaits = 0;
  let magicConfirms = 0;
  const pages = []; // host + path + step of every IdP page seen, for --record
  while (!landed && !deviceDone) {
    if (appFailure) throw new Failure(appFailure);
    if (Date.now() > deadline) throw new Failure('timed out before the browser reached the app');
    if (state.gotoError && page.url() === 'about:blank') throw new Failure(`could not open the IdP: ${state.gotoError}`);

    const current = await currentStep(page, deadline);
    if (landed) break;
    if (!current) { await sleep(50); continue; }
    const where = `${hostAndPath(page.url())} ${current.step}`;
    if (pages[pages.length - 1] !== where) pages.push(where);

    if (current.step !== 'other' && current.step !== 'error' && opts.expectLang && !langChecked) {
      langChecked = true;
      if (current.lang !== opts.expectLang) {
        throw new Failure(`expected the ${current.step} page in "${opts.expectLang}", got <html lang="${current.lang}">`);
      }
      say(`page language ${current.lang}`);
    }

    if (current.step === 'login') {
      if (opts.expectNoLogin) throw new Failure('the dev IdP showed its login page although the hint should skip it');
      if (logins > 0 && current.error) throw new Failure(opts.social ? 'the IdP reported a failed social sign-in' : 'the IdP rejected the email or password');
      if (logins > 0) { await sleep(50); continue; } // still on the submitted page
      logins += 1;
      if (opts.social) {
        say(`login page ${hostAndPath(page.url())}, continuing with ${opts.social}`);
        await submitAndWait(page, `#social-${opts.social}`, deadline);
        continue;
      }
      say(`login page ${hostAndPath(page.url())}`);
      await page.fill('input[name=email]', opts.email);
      await page.fill('input[name=password]', opts.password);
      await submitAndWait(page, '#login-submit', deadline);
      continue;
    }

    if (current.step === 'upstream') {
      if (upstreamChoices > 0) { await sleep(50); continue; }
      upstreamChoices += 1;
      const selector = opts.upstreamAccount ? `button[data-email="${opts.upstreamAccount}"]` : '#upstream-accounts button';
      if (!(await page.$(selector))) throw new Failure(`the upstream offers no account ${opts.upstreamAccount ?? ''}`);
      say(`upstream account chooser ${hostAndPath(page.url())}`);
      await submitAndWait(page, selector, deadline);
      continue;
    }

    if (current.step === 'magic-wait') {
      if (magicWaits > 0) { await sleep(50); continue; }
      magicWaits += 1;
      if (!opts.mailApi || !opts.mailTo) throw new Failure('a magic-link wait page: pass --mail-api and --mail-to');
      say('magic-link wait page, reading the mail');
      state.magicLink = await newestLink(opts.mailApi, opts.mailTo, deadline);
      if (opts.prefetchLink) {
        const res = await fetch(state.magicLink, { redirect: 'manual' }); // no cookies: a mail scanner
        await res.text();
        if (res.status !== 200) throw new Failure(`the pre-fetch of the link answered HTTP ${res.status}`);
        say('pre-fetched the link with a plain GET');
      }
      await page.goto(state.magicLink, { waitUntil: 'commit' });
      continue;
    }

    if (current.step === 'magic-confirm') {
      if (magicConfirms > 0) { await sleep(50); continue; }
      magicConfirms += 1;
      say('magic-link page, clicking the button');
      await submitAndWait(page, '#magic-continue', deadline);
      continue;
    }

    if (current.step === 'magic-code') {
      throw new Failure('the link showed a code in the browser of the device that asked (device binding failed)');
    }

    if (current.step === 'consent') {
      if (consents > 0) { await sleep(50); continue; }
      consents += 1;
      say(`consent page, clicking ${opts.deny ? 'Deny' : 'Allow'}`);
      if (opts.printApprovedAt && !opts.deny) process.stdout.write(`${JSON.stringify({ event: 'approved', at: Date.now() })}\n`);
      await submitAndWait(page, opts.deny ? '#consent-deny' : '#consent-allow', deadline);
      continue;
    }

    if (current.step === 'device-input') {
      if (consents > 0 || deviceConfirms > 0) {
        // Back on the code page after a denial or an abort: that is the end of a denied flow.
        if (opts.deny && current.error) { deviceDone = 'denied'; break; }
        throw new Failure('the IdP sent the browser back to the device code page');
      }
      if (deviceInputs > 0 && current.error) throw new Failure('the IdP rejected the device user code');
      if (deviceInputs > 0) { await sleep(50); continue; }
      if (!opts.userCode) throw new Failure('the IdP asks for a device user code: pass --user-code or use verification_uri_complete');
      deviceInputs += 1;
      say('device code page');
      await page.fill('input[name=user_code]', opts.userCode);
      await submitAndWait(page, '#device-submit', deadline);
      continue;
    }

    if (current.step === 'device-confirm') {
      if (deviceConfirms > 0) { await sleep(50); continue; }
      deviceConfirms += 1;
      say('device confirmation page, clicking Continue');
      await submitAndWait(page, '#device-confirm', deadline);
      continue;
    }

    if (current.step === 'device-success') {
      deviceDone = 'success';
      break;
    }

    if (current.step === 'error') {
      throw new Failure(`the IdP showed an error page${current.detail ? ` (${current.detail})` : ''}`);
    }

    if (page.url().startsWith('chrome-error://')) {
      throw new Failure('the browser could not load a page (connection refused or blocked host)');
    }
    await sleep(50);
  }

  say(landed ? `landed on ${hostAndPath(landed.url)}` : `device flow ended (${deviceDone})`);
  await page.waitForLoadState('load', { timeout: Math.max(1000, deadline - Date.now()) }).catch((err) => {
    throw new Failure(`the app's page did not finish loading: ${err.message.split('\n')[0]}`);
  });
  if (appFailure) throw new Failure(appFailure);
  if (opts.screenshot) {
    await page.screenshot({ path: opts.screenshot, fullPage: true });
    say(`screenshot ${opts.screenshot}`);
  }
  if (opts.record) {
    const record = {
      authorizationUrl: opts.url, redirectUrl: landed?.url ?? null, deviceFlow: deviceDone ?? null, pages, magicLink: state.magicLink ?? null,
    };
    await writeFile(opts.record, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  }
}

/** The sign-in link of the newest mail to `to` in maildev (REST API), waiting for it to arrive. */
async function newestLink(mailApi, to, deadline) {
  const wanted = to.toLowerCase();
  while (Date.now() < deadline) {
    const res = await fetch(`${mailApi}/api/email`).catch(() => undefined);
    const mails = res?.ok ? await res.json() : [];
    const mine = mails.filter((m) => (m.to ?? []).some((a) => String(a.address).toLowerCase() === wanted));
    const link = mine.length ? /https?:\/\/\S+\/passwordless\/verify\?token=[\w-]+/.exec(mine[mine.length - 1].text ?? '') : null;
    if (link) return link[0];
    await sleep(200);
  }
  throw new Failure(`no sign-in mail to ${to} arrived`);
}

async function cleanUp(state) {
  const closing = state.context ? state.context.close().catch(() => {}) : Promise.resolve();
  await Promise.race([closing, sleep(5000)]);
  if (state.profileDir) await rm(state.profileDir, { recursive: true, force: true }).catch(() => {});
}

async function main() {
  const state = { started: Date.now() };
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`browser-signin: ${err.message}\n`);
    process.exit(1);
  }

  // Hard limit: whatever happens, this process ends (Playwright kills its Chromium on exit).
  const watchdog = setTimeout(() => {
    process.stderr.write(`browser-signin: timed out after ${opts.timeoutMs} ms\n`);
    process.exit(1);
  }, opts.timeoutMs);
  watchdog.unref();

  let failure;
  try {
    await run(opts, state);
  } catch (err) {
    failure = err instanceof Failure ? err.message : `browser error: ${String(err?.message ?? err).split('\n')[0]}`;
    if (opts.screenshot && state.page) await state.page.screenshot({ path: opts.screenshot }).catch(() => {});
  }
  await cleanUp(state);
  if (failure) {
    // Messages never contain a query string; strip any URL that slipped in to host + path.
    process.stderr.write(`browser-signin: ${failure.replace(/\b(https?:\/\/[^\s?#]+)[?#]\S*/g, '$1')}\n`);
    process.exit(1);
  }
  process.exit(0);
}

main();
