// End to end: the kiosk (demo-desktop) in a real X server (Xvfb) against the real dev IdP and its
// storefront API; Debian's Chromium with a PHONE-SIZED viewport is the shopper's phone. It opens the
// verification_uri_complete the kiosk printed (--automation), signs in and approves.
//
// Run 1 (starts in Japanese, switched to English on the attract screen): QR screen, welcome with the
// shopper's name, cart and offers, idle warning, automatic sign-out back to the attract screen (in
// Japanese again), the storefront then refuses the visit's revoked token (401), and the kiosk's HOME
// holds no token. Measures the time from the phone's approval to the welcome screen.
// Run 2 (Japanese): a denied sign-in shown in plain words, retry, welcome in Japanese, "Done".
// Run 3 (English, keyboard only): the provider cannot be reached: "offline" in plain words, retry.
// Screenshots: build/screenshots/kiosk-*.png and build/screenshots/ja/kiosk-*.png, checked non-blank.
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { REPO, checker } from './lib/cli.mjs';
import { startIdp } from './lib/idp.mjs';
import { startKiosk } from './lib/kiosk.mjs';

const t = checker('kiosk');
const run = promisify(execFile);
const SHOTS = process.env.CONCIERGE_SCREENSHOTS || join(REPO, 'build', 'screenshots');
const SHOTS_JA = join(SHOTS, 'ja');
const BROWSER_SCRIPT = join(REPO, 'tests', 'e2e', 'browser-signin.mjs');
const JWT = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./;

function phone(args, url) {
  return new Promise((resolvePhone) => {
    const child = spawn(process.execPath, [BROWSER_SCRIPT, '--mobile', '--print-approved-at', ...args, url],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => {
      const approved = out.split('\n').filter(Boolean).map((l) => { try { return JSON.parse(l); } catch { return {}; } })
        .find((e) => e.event === 'approved');
      resolvePhone({ code, err, approvedAt: approved?.at });
    });
  });
}

/** Standard deviation of the image's pixels (0..1): a blank or one-colour image is ~0. */
async function contrast(path) {
  const { stdout } = await run('convert', [path, '-colorspace', 'Gray', '-format', '%[fx:standard_deviation]', 'info:']);
  return Number(stdout.trim());
}

async function checkShot(label, path) {
  let ok = false;
  let detail = '';
  try {
    const info = await stat(path);
    const sd = await contrast(path);
    const { stdout } = await run('identify', ['-format', '%w %h %k', path]);
    const [w, h, colours] = stdout.trim().split(' ').map(Number);
    ok = info.size > 10_000 && sd > 0.08 && w >= 1280 && h >= 800 && colours > 200;
    detail = `${path}: ${w}x${h}, ${colours} colours, sd ${sd.toFixed(3)}, ${info.size} bytes`;
  } catch (err) {
    detail = `${path}: ${err.message}`;
  }
  t.check(`screenshot ${label} is not blank`, ok, detail);
  if (ok) console.log(`     ${detail}`);
}

async function filesUnder(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

const idp = await startIdp();
const homes = [];
const newHome = async () => { const h = await mkdtemp(join(tmpdir(), 'concierge-kiosk-home-')); homes.push(h); return h; };
let kiosk;
await mkdir(SHOTS_JA, { recursive: true });
for (const name of ['attract', 'signin', 'welcome', 'idle_warning', 'error']) {
  await rm(join(SHOTS, `kiosk-${name}.png`), { force: true });
  await rm(join(SHOTS_JA, `kiosk-${name}.png`), { force: true });
}
const shot = (k, name) => k.next((e) => e.event === 'screenshot' && e.name === name, { label: `screenshot ${name}`, timeoutMs: 15_000 });

try {
  // --- Run 1 -----------------------------------------------------------------------------------
  const home = await newHome();
  kiosk = startKiosk({
    issuer: idp.issuer, home,
    args: ['--lang', 'ja', '--idle-seconds', '12', '--warning-seconds', '6', '--screenshot-dir', SHOTS, '--check-revoked'],
  });
  const frame = await kiosk.waitFor((e) => e.event === 'first_frame', { label: 'first_frame', timeoutMs: 30_000 });
  t.check('first frame reported in ms', Number.isInteger(frame.ms) && frame.ms > 0 && frame.ms < 30_000, JSON.stringify(frame));
  console.log(`     first frame after ${frame.ms} ms (process start to first frame swapped, Xvfb + llvmpipe)`);
  await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'attract', { label: 'attract screen' });

  // The language toggle: English for this shopper.
  kiosk.click('lang-en');
  await kiosk.waitFor((e) => e.event === 'command' && e.command === 'click', { label: 'click answered' });
  kiosk.click('signInButton');
  const signin = await kiosk.next((e) => e.event === 'screen' && e.name === 'signin', { label: 'sign-in screen' });
  t.check('sign-in screen in English after the toggle', signin.lang === 'en', JSON.stringify(signin));
  const codes = await kiosk.waitFor((e) => e.event === 'device_code', { label: 'device_code' });
  t.check('device_code has verification_uri_complete on the IdP',
    typeof codes.verification_uri_complete === 'string' && codes.verification_uri_complete.startsWith(idp.issuer));
  t.check('device_code has the user code', typeof codes.user_code === 'string' && codes.user_code.length >= 8);
  await shot(kiosk, 'signin');
  await checkShot('kiosk-signin.png (QR code)', join(SHOTS, 'kiosk-signin.png'));

  const aiko = await phone(['--email', 'aiko@example.com', '--password', 'sakura-2026'], codes.verification_uri_complete);
  t.check('the phone (390x844, touch) approved', aiko.code === 0 && aiko.approvedAt > 0, aiko.err.slice(-400));
  const welcome = await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'welcome', { label: 'welcome screen', timeoutMs: 30_000 });
  const signedIn = kiosk.events.find((e) => e.event === 'signed_in');
  t.check('welcome with the shopper\'s name', signedIn?.name === 'Aiko Tanaka', JSON.stringify(signedIn));
  t.check('loyalty tier and cart from the storefront', signedIn?.tier === 'gold' && signedIn?.cart_items > 0, JSON.stringify(signedIn));
  if (aiko.approvedAt) {
    const ms = welcome.receivedAt - aiko.approvedAt;
    t.check('approval to welcome measured', ms > 0 && ms < 30_000, `${ms} ms`);
    console.log(`     phone approval -> kiosk welcome screen: ${ms} ms (device flow poll interval included)`);
  }
  await shot(kiosk, 'welcome');
  await checkShot('kiosk-welcome.png', join(SHOTS, 'kiosk-welcome.png'));

  // Nothing of the shopper on disk while signed in.
  const duringVisit = await filesUnder(home);
  const leaked = [];
  for (const file of duringVisit) {
    const text = await readFile(file).then((b) => b.toString('latin1')).catch(() => '');
    if (JWT.test(text) || /refresh_token|access_token/.test(text)) leaked.push(file);
  }
  t.check('no token in any file under the kiosk\'s HOME during the visit', leaked.length === 0, leaked.join(', '));
  t.check('no keyring under the kiosk\'s HOME', !duringVisit.some((f) => f.includes('keyrings')), duringVisit.join(', '));

  // Walk away: warning, then the automatic sign-out.
  const warning = await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'idle_warning', { label: 'idle warning', timeoutMs: 20_000 });
  t.check('idle warning after the idle time minus the warning', warning.receivedAt - welcome.receivedAt >= 5000,
    `${warning.receivedAt - welcome.receivedAt} ms`);
  await shot(kiosk, 'idle_warning');
  const out = await kiosk.waitFor((e) => e.event === 'signed_out', { label: 'signed_out', timeoutMs: 20_000 });
  t.check('signed out for idleness', out.reason === 'idle', JSON.stringify(out));
  const back = await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'attract' && e.receivedAt >= warning.receivedAt,
    { label: 'attract after sign-out' });
  t.check('back on the attract screen, in the store\'s language again', back.lang === 'ja', JSON.stringify(back));
  const probe = await kiosk.waitFor((e) => e.event === 'revoked_token_check', { label: 'revoked token check' });
  t.check('the storefront refuses the revoked token (401 + WWW-Authenticate)',
    probe.status === 401 && /^(Bearer|DPoP)/.test(probe.www_authenticate ?? ''), JSON.stringify(probe));
  await shot(kiosk, 'attract');
  t.check('the kiosk exits cleanly', await kiosk.quit() === 0, kiosk.stderr.slice(-600));

  const all = await filesUnder(home);
  const tokenFiles = [];
  for (const file of all) {
    const text = await readFile(file).then((b) => b.toString('latin1')).catch(() => '');
    if (JWT.test(text) || /refresh_token|access_token|kiosk-access/.test(text)) tokenFiles.push(file);
  }
  t.check('HOME free of tokens after the visit', tokenFiles.length === 0, tokenFiles.join(', '));
  t.check('no token printed on stdout or stderr',
    !JWT.test(kiosk.stderr) && !kiosk.events.some((e) => JWT.test(JSON.stringify(e))));

  // --- Run 2: Japanese, denied then approved, Done ----------------------------------------------
  const home2 = await newHome();
  kiosk = startKiosk({ issuer: idp.issuer, home: home2, args: ['--lang', 'ja', '--screenshot-dir', SHOTS_JA] });
  await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'attract', { label: 'attract (ja)' });
  await shot(kiosk, 'attract');
  await checkShot('ja/kiosk-attract.png', join(SHOTS_JA, 'kiosk-attract.png'));
  kiosk.click('signInButton');
  const codesDenied = await kiosk.next((e) => e.event === 'device_code', { label: 'device_code (ja)' });
  const denied = await phone(['--deny', '--email', 'emma@example.com', '--password', 'london-2026'], codesDenied.verification_uri_complete);
  t.check('the phone denied', denied.code === 0, denied.err.slice(-300));
  const error = await kiosk.waitFor((e) => e.event === 'error', { label: 'error', timeoutMs: 30_000 });
  t.check('denial shown as "denied"', error.code === 'access_denied' && error.kind === 'denied', JSON.stringify(error));
  await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'error', { label: 'error screen' });
  await shot(kiosk, 'error');
  kiosk.click('retryButton');
  const codesRetry = await kiosk.next((e) => e.event === 'device_code', { label: 'device_code after retry' });
  t.check('retry gives a new code', codesRetry.user_code !== codesDenied.user_code);
  const ken = await phone(['--email', 'ken@example.com', '--password', 'fuji-2026', '--locale', 'ja-JP'], codesRetry.verification_uri_complete);
  t.check('the phone approved (ja)', ken.code === 0, ken.err.slice(-300));
  await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'welcome', { label: 'welcome (ja)', timeoutMs: 30_000 });
  const kenIn = kiosk.events.find((e) => e.event === 'signed_in');
  t.check('welcome in Japanese with the shopper\'s Japanese name', kenIn?.name === '佐藤 健' && kenIn?.lang === 'ja', JSON.stringify(kenIn));
  await shot(kiosk, 'welcome');
  await checkShot('ja/kiosk-welcome.png', join(SHOTS_JA, 'kiosk-welcome.png'));
  kiosk.click('doneButton');
  const done = await kiosk.waitFor((e) => e.event === 'signed_out', { label: 'signed_out (done)', timeoutMs: 15_000 });
  t.check('"Done" signs out at once', done.reason === 'done', JSON.stringify(done));
  await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'attract' && e.receivedAt >= kenIn.receivedAt, { label: 'attract after Done' });
  t.check('the kiosk exits cleanly (ja)', await kiosk.quit() === 0, kiosk.stderr.slice(-600));

  // --- Run 3: offline, with the keyboard --------------------------------------------------------
  kiosk = startKiosk({ issuer: 'http://127.0.0.1:9', home: await newHome(), args: ['--lang', 'en', '--screenshot-dir', SHOTS] });
  await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'attract', { label: 'attract (offline)' });
  kiosk.key('Return');
  const offline = await kiosk.waitFor((e) => e.event === 'error', { label: 'offline error', timeoutMs: 20_000 });
  t.check('Enter on the attract screen starts the sign-in', kiosk.events.some((e) => e.event === 'screen' && e.name === 'signin'));
  t.check('an unreachable provider is shown as "offline"', offline.kind === 'offline' && offline.code === 'network_error', JSON.stringify(offline));
  await shot(kiosk, 'error');
  await checkShot('kiosk-error.png (offline)', join(SHOTS, 'kiosk-error.png'));
  kiosk.key('Return'); // "Try again" has the focus
  const again = await kiosk.next((e) => e.event === 'error', { label: 'offline again', timeoutMs: 20_000 });
  t.check('"Try again" tries again', again.kind === 'offline');
  kiosk.key('Escape');
  await kiosk.next((e) => e.event === 'screen' && e.name === 'attract', { label: 'Esc back to attract' });
  t.check('the kiosk exits cleanly (offline)', await kiosk.quit() === 0, kiosk.stderr.slice(-600));
} catch (err) {
  t.check('no exception', false, String(err?.stack ?? err));
} finally {
  if (kiosk) await kiosk.quit().catch(() => {});
  await idp.stop?.();
  for (const h of homes) await rm(h, { recursive: true, force: true });
  t.finish();
}
