#!/usr/bin/env node
// `./scripts/demo mobile` without a display: the phone app (demo-mobile) in Xvfb, Debian's Chromium
// (headless, phone-sized) as its browser signing in as aiko@example.com; it visits each screen and
// saves a screenshot of it under --screenshots (default build/screenshots/mobile), then quits.
//   node scripts/mobile-headless.mjs --issuer URL --app PATH [--screenshots DIR] [--lang ja|en]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startMobile } from '../tests/e2e/lib/mobile.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
if (!args.issuer || !args.app) {
  console.error('usage: mobile-headless.mjs --issuer URL --app PATH [--screenshots DIR] [--lang ja|en]');
  process.exit(2);
}
process.env.CONCIERGE_MOBILE = args.app;
const shots = args.screenshots || join(process.cwd(), 'build', 'screenshots', 'mobile');
const home = await mkdtemp(join(tmpdir(), 'concierge-mobile-demo-'));
const app = startMobile({
  issuer: args.issuer,
  home,
  args: ['--lang', args.lang || 'en', '--screenshot-dir', shots, '--no-keychain', '--download-dir', join(home, 'downloads')],
  browser: ['--email', 'aiko@example.com', '--password', 'sakura-2026', '--mobile'],
});
const shot = (name) => app.waitFor((e) => e.event === 'screenshot' && e.name === name, { label: `${name} screenshot` });
try {
  await shot('welcome');
  await app.click('passwordButton');
  const signedIn = await app.waitFor((e) => e.event === 'signed_in' || e.event === 'error', { timeoutMs: 90_000, label: 'sign-in' });
  if (signedIn.event !== 'signed_in') throw new Error(`sign-in failed: ${signedIn.message}`);
  console.log('mobile demo: signed in as aiko@example.com');
  await app.waitFor((e) => e.event === 'cart_loaded', { label: 'cart' });
  await shot('home');
  for (const [object, screen] of [['tab_cart', 'cart'], ['tab_account', 'account'], ['privacyRow', 'privacy']]) {
    await app.clickTo(object, screen);
    await shot(screen);
  }
  console.log(`mobile demo: screenshots in ${shots}`);
} finally {
  await app.quit();
  await rm(home, { recursive: true, force: true });
}
