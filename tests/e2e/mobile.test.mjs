// End to end: the phone app (demo-mobile) in a real X server (Xvfb) against the real dev IdP and its
// storefront API, with Debian's Chromium (browser-signin.mjs as the app's browser command) doing what
// the shopper does in the browser, and the tokens in a real gnome-keyring (run under with-keyring.sh).
//
//  1. Japanese: the welcome (sign-in) screen in Japanese -> build/screenshots/ja/mobile-welcome.png.
//  2. Password sign-in (Aiko): home with tier, cart and offers from the storefront API, every screen
//     photographed (build/screenshots/mobile/), "Download my data" saved and checked, progressive
//     profiling (birthday offer unlocked after a consent step at the IdP), errors in plain words.
//  3. Next start: signed in from the keychain without a browser.
//  4. Kiosk approval: the kiosk (demo-desktop) shows a code, the phone types it and approves at the
//     IdP's device page; the kiosk reaches its welcome screen.
//     Fingerprint on; the next start is locked and finger A (virtual fprintd reader) unlocks it.
//  6. "Continue with Google (dev)" (the dev IdP's upstream, account linked to Aiko).
//  7. "Email me a sign-in link": the link read from maildev signs Ken in.
//  8. Delete my account (Emma): DELETE /me, signed out; signing in as Emma then fails.
import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { REPO, checker } from './lib/cli.mjs';
import { startIdp } from './lib/idp.mjs';
import { startKiosk } from './lib/kiosk.mjs';
import { startMobile } from './lib/mobile.mjs';

const t = checker('mobile');
process.setMaxListeners(40); // each app and the IdP clean up on exit
const run = promisify(execFile);
const SHOTS = process.env.CONCIERGE_SCREENSHOTS || join(REPO, 'build', 'screenshots');
const SHOTS_MOBILE = join(SHOTS, 'mobile');
const SHOTS_JA = join(SHOTS, 'ja');
const HELPER = new URL('./fprint-helper.py', import.meta.url).pathname;
const fprint = (...args) => execFileSync('/usr/bin/python3', [HELPER, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const JWT = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./;

async function checkShot(label, path) {
  let ok = false;
  let detail = '';
  try {
    const info = await stat(path);
    const { stdout: sd } = await run('convert', [path, '-colorspace', 'Gray', '-format', '%[fx:standard_deviation]', 'info:']);
    const { stdout } = await run('identify', ['-format', '%w %h %k', path]);
    const [w, h, colours] = stdout.trim().split(' ').map(Number);
    ok = info.size > 8_000 && Number(sd) > 0.05 && w === 390 && h === 844 && colours > 100;
    detail = `${path}: ${w}x${h}, ${colours} colours, sd ${Number(sd).toFixed(3)}, ${info.size} bytes`;
  } catch (err) {
    detail = `${path}: ${err.message}`;
  }
  t.check(`screenshot ${label} is not blank`, ok, detail);
}

const idp = await startIdp();
const work = await mkdtemp(join(tmpdir(), 'concierge-mobile-e2e-'));
const newHome = async (name) => { const h = join(work, name); await mkdir(h, { recursive: true }); return h; };
await mkdir(SHOTS_MOBILE, { recursive: true });
await mkdir(SHOTS_JA, { recursive: true });
const apps = [];
const launch = (opts) => { const app = startMobile({ issuer: idp.issuer, ...opts }); apps.push(app); return app; };

try {
  // 1. Japanese sign-in screen.
  {
    const shots = join(work, 'shots-ja');
    const app = launch({ home: await newHome('ja'), args: ['--lang', 'ja', '--screenshot-dir', shots, '--no-keychain'] });
    const ready = await app.waitFor((e) => e.event === 'ready', { label: 'ready' });
    t.check('--lang ja starts in Japanese', ready.lang === 'ja', JSON.stringify(ready));
    await app.screen('welcome');
    const shot = await app.waitFor((e) => e.event === 'screenshot' && e.name === 'welcome', { label: 'welcome screenshot' });
    t.check('the welcome screenshot was saved', shot.ok === true);
    await copyFile(join(shots, 'welcome.png'), join(SHOTS_JA, 'mobile-welcome.png'));
    await checkShot('ja/mobile-welcome', join(SHOTS_JA, 'mobile-welcome.png'));
    t.check('quits cleanly (ja)', await app.quit() === 0);
  }

  // 2. Password sign-in as Aiko, every screen, download, progressive profiling.
  const aikoHome = await newHome('aiko');
  const downloads = join(work, 'downloads');
  {
    const app = launch({
      home: aikoHome,
      args: ['--lang', 'en', '--screenshot-dir', SHOTS_MOBILE, '--download-dir', downloads],
      browser: ['--email', 'aiko@example.com', '--password', 'sakura-2026', '--mobile'],
    });
    await app.screen('welcome', { timeoutMs: 30_000 });
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'welcome', { label: 'welcome screenshot' });
    const clicked = await app.click('passwordButton');
    t.check('"Sign in with password" can be pressed', clicked.ok, JSON.stringify(clicked));
    await app.screen('authorizing');
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'authorizing', { label: 'authorizing screenshot' });
    const signedIn = await app.waitFor((e) => e.event === 'signed_in' || e.event === 'error', { label: 'signed_in', timeoutMs: 90_000 });
    t.check('password sign-in through Chromium signs Aiko in', signedIn.event === 'signed_in', JSON.stringify(signedIn));
    t.check('the loyalty tier comes with the sign-in', signedIn.tier === 'gold', JSON.stringify(signedIn));
    await app.screen('home');
    const cart = await app.waitFor((e) => e.event === 'cart_loaded', { label: 'cart_loaded' });
    t.check('the cart comes from the storefront API (Aiko: matcha set and two mugs)', cart.items >= 2 && cart.total_yen > 0, JSON.stringify(cart));
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'home', { label: 'home screenshot' });

    (await app.click('tab_cart')).ok || t.check('cart tab', false);
    await app.screen('cart');
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'cart', { label: 'cart screenshot' });
    (await app.click('tab_account')).ok || t.check('account tab', false);
    await app.screen('account');
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'account', { label: 'account screenshot' });
    (await app.click('kioskRow')).ok || t.check('kiosk row', false);
    await app.screen('kiosk');
    await app.set('kioskCodeField', 'AB-1');
    const badP = app.next((e) => e.event === 'error', { label: 'bad code error' });
    await app.click('kioskApproveButton');
    const bad = await badP;
    t.check('a mistyped kiosk code is refused in plain words', bad.error === 'bad_code' && /code/i.test(bad.message), JSON.stringify(bad));
    await app.set('kioskCodeField', 'https://evil.example/device?user_code=BCDFGHJK');
    const foreignP = app.next((e) => e.event === 'error', { label: 'foreign link error' });
    await app.click('kioskApproveButton');
    const foreign = await foreignP;
    t.check('a scanned link that is not the IdP\'s device page is refused', foreign.error === 'foreign_link', JSON.stringify(foreign));
    await app.set('kioskCodeField', '');
    await app.click('dismiss_error');
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'kiosk', { label: 'kiosk screenshot' });
    (await app.click('back')).ok || t.check('back', false);
    await app.screen('account');
    (await app.click('privacyRow')).ok || t.check('privacy row', false);
    await app.screen('privacy');
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'privacy', { label: 'privacy screenshot' });

    const dl = app.next((e) => e.event === 'download' || e.event === 'error', { label: 'download', timeoutMs: 30_000 });
    await app.click('downloadButton');
    const saved = await dl;
    t.check('"Download my data" saves a file', saved.event === 'download' && typeof saved.path === 'string', JSON.stringify(saved));
    if (saved.path) {
      const data = JSON.parse(await readFile(saved.path, 'utf8'));
      t.check('the file is the storefront export with profile, cart and consents',
        data.format === 'concierge-storefront-export/1' && data.profile?.email === 'aiko@example.com'
        && Array.isArray(data.cart?.items) && Array.isArray(data.consents), JSON.stringify(data).slice(0, 200));
      const mode = (await stat(saved.path)).mode & 0o777;
      t.check('the file holds no token', !JWT.test(JSON.stringify(data)), `mode ${mode.toString(8)}`);
    }
    (await app.click('deleteButton')).ok || t.check('delete button', false);
    await app.screen('delete_confirm');
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'delete_confirm', { label: 'delete_confirm screenshot' });
    await app.clickTo('deleteCancelButton', 'privacy');
    await app.clickTo('back', 'account');
    await app.clickTo('tab_home', 'home');

    // Progressive profiling: the birthday offer is locked until the shopper consents at the IdP.
    const unlock = await app.click('unlock_storefront.birthday');
    t.check('the birthday offer asks for the birthday (locked)', unlock.ok, JSON.stringify(unlock));
    const upgraded = await app.next((e) => e.event === 'scope_upgraded' || e.event === 'error', { label: 'scope_upgraded', timeoutMs: 90_000 });
    t.check('the scope upgrade at the IdP grants storefront.birthday', upgraded.event === 'scope_upgraded' && upgraded.granted === true, JSON.stringify(upgraded));
    await app.next((e) => e.event === 'cart_loaded', { label: 'reload after upgrade' });
    await new Promise((r) => setTimeout(r, 500));
    app.send({ command: 'screenshot', name: 'home-birthday' });
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'home-birthday', { label: 'home-birthday screenshot' });

    t.check('no token, code or link in the app\'s output', !JWT.test(app.stdout) && !/code=|state=|user_code=/.test(app.stdout));
    t.check('quits cleanly (Aiko)', await app.quit() === 0);
    for (const name of ['welcome', 'authorizing', 'home', 'cart', 'account', 'kiosk', 'privacy', 'delete_confirm', 'home-birthday'])
      await checkShot(`mobile/${name}`, join(SHOTS_MOBILE, `${name}.png`));
  }

  // 3. Next start: the sign-in kept in the keychain, no browser.
  {
    const app = launch({ home: aikoHome, args: ['--lang', 'en'], browser: ['--email', 'aiko@example.com', '--password', 'sakura-2026', '--mobile'] });
    const first = await app.waitFor((e) => e.event === 'signed_in' || (e.event === 'screen' && e.name === 'welcome'), { label: 'restored' });
    t.check('the next start is signed in from the keychain', first.event === 'signed_in', JSON.stringify(first));
    await app.waitFor((e) => e.event === 'cart_loaded', { label: 'cart after restore' });

    // 4. Kiosk approval from the phone.
    const kioskHome = await newHome('kiosk');
    const kiosk = startKiosk({ issuer: idp.issuer, home: kioskHome, args: ['--lang', 'en'] });
    try {
      await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'attract', { label: 'kiosk attract', timeoutMs: 30_000 });
      kiosk.click('signInButton');
      const codes = await kiosk.waitFor((e) => e.event === 'device_code', { label: 'device_code' });
      (await app.click('tab_account')).ok || t.check('account tab', false);
      (await app.click('kioskRow')).ok || t.check('kiosk row', false);
      await app.screen('kiosk');
      await app.set('kioskCodeField', codes.user_code.toLowerCase().replace('-', ' '));
      // The approval page opens in the browser (the app's browser command), which signs in and approves.
      const opened = app.next((e) => e.event === 'kiosk_opened' || e.event === 'error', { label: 'kiosk_opened' });
      await app.click('kioskApproveButton');
      const o = await opened;
      t.check('the phone opens the IdP\'s device page for the typed code', o.event === 'kiosk_opened', JSON.stringify(o));
      const welcome = await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'welcome', { label: 'kiosk welcome', timeoutMs: 90_000 });
      t.check('the kiosk reaches its welcome screen after the phone approved', !!welcome);
    } finally {
      await kiosk.quit();
    }
    // Biometric unlock with libfprint's virtual reader behind a real fprintd (with-fprintd.sh).
    t.check('a virtual fingerprint reader is there (run under with-fprintd.sh)', !!process.env.CONCIERGE_FP_SOCKET);
    t.check('finger A enrolled through fprintd', fprint('enroll', 'right-index-finger', 'A').endsWith('enroll-completed'));
    await app.clickTo('back', 'account');
    const enabled = app.next((e) => e.event === 'biometric_enabled' || e.event === 'error', { label: 'biometric_enabled', timeoutMs: 30_000 });
    const sw = await app.click('biometricSwitch');
    t.check('the fingerprint switch can be turned on', sw.ok, JSON.stringify(sw));
    const en = await enabled;
    t.check('"Unlock with fingerprint" is on', en.event === 'biometric_enabled', JSON.stringify(en));
    t.check('quits cleanly (restore + kiosk + fingerprint)', await app.quit() === 0);
  }
  {
    const shots = join(work, 'shots-locked');
    const app = launch({ home: aikoHome, args: ['--lang', 'en', '--screenshot-dir', shots] });
    await app.screen('locked', { timeoutMs: 30_000 });
    t.check('the next start is locked', true);
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'locked', { label: 'locked screenshot' });
    await copyFile(join(shots, 'locked.png'), join(SHOTS_MOBILE, 'locked.png'));
    const prompt = app.next((e) => e.event === 'biometric_prompt' || e.event === 'error', { label: 'biometric_prompt', timeoutMs: 30_000 });
    await app.click('unlockButton');
    const p = await prompt;
    t.check('unlock asks for the finger', p.event === 'biometric_prompt', JSON.stringify(p));
    const unlocked = app.next((e) => e.event === 'unlocked' || e.event === 'error', { label: 'unlocked', timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 500));
    fprint('scan', 'A');
    const u = await unlocked;
    t.check('finger A unlocks the app without a browser', u.event === 'unlocked', JSON.stringify(u));
    await app.waitFor((e) => e.event === 'cart_loaded', { label: 'cart after unlock' });
    t.check('quits cleanly (unlocked)', await app.quit() === 0);
  }

  // 6. Social sign-in: "Continue with Google (dev)", the upstream account linked to Aiko.
  {
    const app = launch({
      home: await newHome('social'),
      args: ['--lang', 'en', '--no-keychain'],
      browser: ['--upstream-account', 'aiko@example.com', '--expect-no-login'],
    });
    await app.screen('welcome');
    await app.click('googleButton');
    const s = await app.waitFor((e) => e.event === 'signed_in' || e.event === 'error', { label: 'social signed_in', timeoutMs: 90_000 });
    t.check('"Continue with Google (dev)" signs the linked shopper in', s.event === 'signed_in' && s.tier === 'gold', JSON.stringify(s));
    t.check('quits cleanly (social)', await app.quit() === 0);
  }

  // 7. Magic link from maildev: the SDK opens the device-binding page in the browser, which reads the
  //    mail from maildev's API, opens the link and comes back to the app.
  {
    const { mail } = await idp.services();
    if (!mail?.web) throw new Error(`the dev IdP publishes no mail sink (maildev did not start):\n${idp.stderrTail().join('\n')}`);
    const shots = join(work, 'shots-magic');
    const app = launch({
      home: await newHome('magic'),
      args: ['--lang', 'en', '--no-keychain', '--screenshot-dir', shots],
      browser: ['--mail-api', mail.web, '--mail-to', 'ken@example.com'],
    });
    await app.screen('welcome');
    await app.clickTo('magicLinkButton', 'magic_link');
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'magic_link', { label: 'magic_link screenshot' });
    await app.set('emailField', 'ken@example.com');
    const sent = app.next((e) => e.event === 'magic_link_sent' || e.event === 'error', { label: 'magic_link_sent', timeoutMs: 30_000 });
    await app.click('sendLinkButton');
    const m = await sent;
    t.check('"Email me a sign-in link" sends the mail', m.event === 'magic_link_sent', JSON.stringify(m));
    await app.screen('check_inbox');
    await app.waitFor((e) => e.event === 'screenshot' && e.name === 'check_inbox', { label: 'check_inbox screenshot' });
    const s = await app.waitFor((e) => e.event === 'signed_in' || e.event === 'error', { label: 'magic signed_in', timeoutMs: 90_000 });
    t.check('the link from maildev signs Ken in', s.event === 'signed_in' && s.tier === 'silver', JSON.stringify(s));
    t.check('quits cleanly (magic link)', await app.quit() === 0);
    for (const name of ['magic_link', 'check_inbox']) await copyFile(join(shots, `${name}.png`), join(SHOTS_MOBILE, `${name}.png`));
    await checkShot('mobile/magic_link', join(SHOTS_MOBILE, 'magic_link.png'));
    await checkShot('mobile/check_inbox', join(SHOTS_MOBILE, 'check_inbox.png'));
    await checkShot('mobile/locked', join(SHOTS_MOBILE, 'locked.png'));
  }

  // 5. Delete my account (Emma, whom no other step needs).
  {
    const home = await newHome('emma');
    const app = launch({
      home,
      args: ['--lang', 'en', '--no-keychain'], // the keychain record belongs to Aiko's phone
      browser: ['--email', 'emma@example.com', '--password', 'london-2026'],
    });
    await app.screen('welcome');
    await app.click('passwordButton');
    const signedIn = await app.waitFor((e) => e.event === 'signed_in' || e.event === 'error', { label: 'emma signed_in', timeoutMs: 90_000 });
    t.check('Emma signs in', signedIn.event === 'signed_in', JSON.stringify(signedIn));
    await app.waitFor((e) => e.event === 'cart_loaded', { label: 'emma cart' });
    await app.click('tab_account');
    await app.click('privacyRow');
    await app.screen('privacy');
    await app.click('deleteButton');
    await app.screen('delete_confirm');
    const deleted = app.next((e) => e.event === 'account_deleted' || e.event === 'error', { label: 'account_deleted' });
    await app.click('deleteConfirmButton');
    const d = await deleted;
    t.check('"Delete my account" deletes it at the storefront API', d.event === 'account_deleted', JSON.stringify(d));
    await app.waitFor((e) => e.event === 'signed_out', { label: 'signed_out after delete' });
    await app.screen('welcome', { from: app.events.indexOf(d) });
    t.check('quits cleanly (Emma)', await app.quit() === 0);

    // Signing in as Emma now fails at the IdP's login page (browser-signin exits 1 on it).
    const again = launch({
      home,
      args: ['--lang', 'en', '--no-keychain'],
      browser: ['--email', 'emma@example.com', '--password', 'london-2026', '--timeout-ms', '20000'],
    });
    await again.screen('welcome');
    await again.click('passwordButton');
    const failed = await again.waitFor((e) => e.event === 'signed_in' || e.event === 'error', { label: 'sign-in after delete', timeoutMs: 60_000 });
    t.check('after deletion, signing in as Emma fails', failed.event === 'error', JSON.stringify(failed));
    await again.screen('welcome', { from: again.events.findIndex((e) => e.event === 'screen' && e.name === 'authorizing') });
    t.check('the failure is said in plain words', typeof failed.message === 'string' && failed.message.length > 10 && !/_/.test(failed.message), failed.message);
    await again.quit();
  }
} catch (err) {
  t.check('no unexpected failure', false, err.stack || String(err));
} finally {
  for (const app of apps) if (app.exitCode === undefined) await app.quit().catch(() => {});
  await idp.stop();
  await rm(work, { recursive: true, force: true });
  t.finish();
}
