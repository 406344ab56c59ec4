#!/usr/bin/env node
// scripts/demo kiosk without a display: the kiosk in Xvfb, a phone-sized headless Chromium as the
// shopper's phone, screenshots of every screen in --screenshots DIR. Prints what happens.
//   node scripts/kiosk-headless.mjs --issuer URL --kiosk PATH --screenshots DIR
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
process.env.CONCIERGE_KIOSK = args.kiosk;
const { startKiosk } = await import(join(ROOT, 'tests', 'e2e', 'lib', 'kiosk.mjs'));

const home = await mkdtemp(join(tmpdir(), 'concierge-kiosk-demo-'));
const kiosk = startKiosk({ issuer: args.issuer, home, args: ['--lang', 'en', '--idle-seconds', '10', '--warning-seconds', '5', '--screenshot-dir', args.screenshots] });
const say = (m) => console.log(`demo: ${m}`);
try {
  const frame = await kiosk.waitFor((e) => e.event === 'first_frame', { timeoutMs: 30_000 });
  say(`kiosk up (first frame after ${frame.ms} ms)`);
  await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'attract');
  kiosk.click('signInButton');
  const codes = await kiosk.waitFor((e) => e.event === 'device_code');
  say(`the kiosk shows the code ${codes.user_code}; the phone scans it and signs in as aiko@example.com`);
  const phone = spawn(process.execPath, [join(ROOT, 'tests', 'e2e', 'browser-signin.mjs'), '--mobile',
    '--email', 'aiko@example.com', '--password', 'sakura-2026', codes.verification_uri_complete], { stdio: 'inherit' });
  const phoneDone = new Promise((r) => phone.on('exit', r));
  const welcome = await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'welcome', { timeoutMs: 60_000 });
  const who = kiosk.events.find((e) => e.event === 'signed_in');
  say(`welcome screen for ${who?.name} (${who?.tier}, ${who?.cart_items} items in the cart)`);
  await phoneDone;
  await kiosk.next((e) => e.event === 'screenshot' && e.name === 'welcome', { timeoutMs: 10_000 }).catch(() => {});
  say('walking away: the kiosk warns, then signs the shopper out');
  await kiosk.waitFor((e) => e.event === 'signed_out', { timeoutMs: 30_000 });
  await kiosk.waitFor((e) => e.event === 'screen' && e.name === 'attract' && e.receivedAt >= welcome.receivedAt);
  await new Promise((r) => setTimeout(r, 1200));
  for (const e of kiosk.events.filter((x) => x.event === 'screenshot')) say(`screenshot ${e.path}`);
} catch (err) {
  console.error(`demo: ${err.message}`);
  process.exitCode = 1;
} finally {
  await kiosk.quit();
  await rm(home, { recursive: true, force: true });
}
