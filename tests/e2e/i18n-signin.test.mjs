// End to end (issue #11): a sign-in in Japanese all the way. `concierge login` runs with a Japanese
// app locale (LANG/LC_ALL ja_JP.UTF-8) and no --ui-locales: the SDK sends ui_locales from the app's
// locale, the dev IdP's login page (in Debian's Chromium, whose own language stays en-US) is in
// Japanese, and the SDK's loopback page after the redirect is Japanese too. An explicit
// --ui-locales en wins over the locale; the C locale sends no ui_locales and everything is English.
// Screenshot of the Japanese loopback page: <build>/screenshots/ja/loopback-signed-in.png.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startIdp } from './lib/idp.mjs';
import { BROWSER, REPO, checker, runCli } from './lib/cli.mjs';

const t = checker('i18n-signin');
const idp = await startIdp();
const work = await mkdtemp(join(tmpdir(), 'concierge-e2e-i18n-'));
const shots = join(process.env.CONCIERGE_SCREENSHOT_DIR || join(REPO, 'build', 'screenshots'), 'ja');
const JAPANESE = { LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8', LANGUAGE: '' };
const C = { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', LANGUAGE: '' };

async function signIn(label, { env, extraArgs = [], expectLang, screenshot }) {
  const record = join(work, `${label}.json`);
  const browser = [BROWSER, '--record', record, '--expect-lang', expectLang,
    '--email', 'aiko@example.com', '--password', 'sakura-2026'];
  if (screenshot) browser.push('--screenshot', screenshot);
  const run = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli', ...extraArgs,
    '--open-with', browser.join(' ')], { env });
  t.check(`${label}: exit 0`, run.code === 0, `exit ${run.code}: ${run.stdout} ${run.stderr.slice(-400)}`);
  t.check(`${label}: signed in`, run.json?.status === 'signed_in');
  let seen = {};
  try { seen = JSON.parse(await readFile(record, 'utf8')); } catch { /* checked below */ }
  const uiLocales = seen.authorizationUrl ? new URL(seen.authorizationUrl).searchParams.get('ui_locales') : undefined;
  return { run, seen, uiLocales };
}

try {
  await mkdir(shots, { recursive: true });
  const screenshot = join(shots, 'loopback-signed-in.png');

  // 1. Japanese app locale, no --ui-locales.
  const ja = await signIn('ja-locale', { env: JAPANESE, expectLang: 'ja', screenshot });
  t.check('ja-locale: ui_locales sent from the app locale', typeof ja.uiLocales === 'string'
    && ja.uiLocales.split(' ')[0].startsWith('ja'), `ui_locales=${ja.uiLocales}`);
  t.check('ja-locale: the IdP login page was Japanese (--expect-lang ja)', ja.run.code === 0);
  t.check('ja-locale: the loopback page is Japanese', ja.seen.appLang === 'ja', `appLang=${ja.seen.appLang}`);
  t.check('ja-locale: screenshot saved', (await readFile(screenshot)).length > 1000);

  // 2. Japanese app locale, but the app asks for English explicitly.
  const en = await signIn('explicit-en', { env: JAPANESE, extraArgs: ['--ui-locales', 'en'], expectLang: 'en' });
  t.check('explicit-en: ui_locales=en wins over the locale', en.uiLocales === 'en', `ui_locales=${en.uiLocales}`);
  t.check('explicit-en: the loopback page is English', en.seen.appLang === 'en', `appLang=${en.seen.appLang}`);

  // 3. The C locale: nothing sent, English everywhere (the browser's Accept-Language is en-US).
  const c = await signIn('c-locale', { env: C, expectLang: 'en' });
  t.check('c-locale: no ui_locales', c.seen.authorizationUrl !== undefined && c.uiLocales === null, `ui_locales=${c.uiLocales}`);
  t.check('c-locale: the loopback page is English', c.seen.appLang === 'en', `appLang=${c.seen.appLang}`);
} catch (err) {
  t.check('no exception', false, err.stack);
} finally {
  await idp.stop();
  await rm(work, { recursive: true, force: true });
  t.finish();
}
