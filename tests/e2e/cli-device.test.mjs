// End to end: `concierge device` (RFC 8628) against the real dev IdP (oidc-provider) for the
// `storefront-kiosk` client. The CLI writes the codes to a file (--print-verification); Debian's
// Chromium, driven by browser-signin.mjs, opens verification_uri_complete as the shopper's phone would
// (browser-signin.mjs has no viewport option yet: its default 1000×800 is used), confirms the code,
// signs in and approves (or denies). http-signin.mjs cannot walk the device pages. Asserts the CLI's
// JSON contract.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startIdp } from './lib/idp.mjs';
import { REPO, checker, runCli } from './lib/cli.mjs';

const t = checker('cli-device');
const idp = await startIdp();
const work = await mkdtemp(join(tmpdir(), 'concierge-e2e-device-'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

const BROWSER_SCRIPT = join(REPO, 'tests', 'e2e', 'browser-signin.mjs');

// Starts `concierge device`, hands verification_uri_complete to the browser driver, returns both results.
async function deviceRun(name, browserArgs, extraCliArgs = []) {
  const file = join(work, `${name}.json`);
  const cli = runCli(['device', '--issuer', idp.issuer, '--client-id', 'storefront-kiosk',
    '--scope', 'openid profile email offline_access', '--qr', '--timeout', '120',
    '--print-verification', file, ...extraCliArgs]);
  const codes = await waitForFile(file);
  const mode = (await stat(file)).mode & 0o777;
  const browser = await runNode([BROWSER_SCRIPT, ...browserArgs, codes.verification_uri_complete]);
  const run = await cli;
  return { run, codes, mode, browser };
}

try {
  // 1. The shopper approves on their phone: the kiosk is signed in.
  const ok = await deviceRun('approve', ['--email', 'aiko@example.com', '--password', 'sakura-2026']);
  t.check('browser completed the device flow', ok.browser.code === 0, ok.browser.out.slice(-400));
  t.check('verification file mode 0600', ok.mode === 0o600, ok.mode.toString(8));
  t.check('user_code in the file', typeof ok.codes.user_code === 'string' && ok.codes.user_code.length >= 4);
  t.check('verification_uri on the IdP', typeof ok.codes.verification_uri === 'string'
    && ok.codes.verification_uri.startsWith(idp.issuer));
  t.check('verification_uri_complete carries the code', typeof ok.codes.verification_uri_complete === 'string'
    && ok.codes.verification_uri_complete.startsWith(idp.issuer));
  const { run } = ok;
  t.check('exit 0', run.code === 0, `exit ${run.code}: ${run.stdout} ${run.stderr.slice(-400)}`);
  t.check('exactly one JSON line on stdout', run.stdoutLines === 1 && run.json !== undefined);
  const out = run.json ?? {};
  t.check('status signed_in', out.status === 'signed_in');
  t.check('issuer echoed', out.issuer === idp.issuer);
  t.check('sub present and opaque', typeof out.sub === 'string' && out.sub.length > 0 && !out.sub.includes('@'));
  t.check('claims sub = sub', out.claims?.sub === out.sub);
  t.check('email claim of the shopper', out.claims?.email === 'aiko@example.com');
  t.check('token_type Bearer', out.token_type === 'Bearer');
  t.check('refresh token obtained (not shown)', out.refresh_token_present === true);
  t.check('no token members without --reveal-tokens',
    !('access_token' in out) && !('refresh_token' in out) && !('id_token' in out));
  t.check('user code shown on stderr', run.stderr.includes(ok.codes.user_code));
  t.check('QR code drawn on stderr', /[\u2580\u2584\u2588]{10,}/.test(run.stderr));
  t.check('no JWT anywhere in the output', !/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./.test(run.stdout + run.stderr));

  // 2. The shopper denies on the consent page: access_denied, exit 1.
  const denied = await deviceRun('deny', ['--deny', '--email', 'emma@example.com', '--password', 'london-2026']);
  t.check('browser saw the denial', denied.browser.code === 0, denied.browser.out.slice(-400));
  t.check('deny exits 1', denied.run.code === 1, `${denied.run.stdout} ${denied.run.stderr.slice(-300)}`);
  t.check('deny gives access_denied/hard', denied.run.json?.status === 'error'
    && denied.run.json?.code === 'access_denied' && denied.run.json?.kind === 'hard', denied.run.stdout);

  // 3. Usage errors: exit 2 with the error object.
  const usage = await runCli(['device', '--issuer', idp.issuer]);
  t.check('missing --client-id exits 2', usage.code === 2 && usage.json?.code === 'invalid_argument');

  // 4. A client that may not use the device grant: a typed OAuth error from the device endpoint.
  const refused = await runCli(['device', '--issuer', idp.issuer, '--client-id', 'concierge-cli', '--timeout', '30']);
  t.check('client without the device grant exits 1', refused.code === 1 && refused.json?.status === 'error',
    refused.stdout);
} catch (err) {
  t.check('no exception', false, String(err?.stack ?? err));
} finally {
  await idp.stop?.();
  await rm(work, { recursive: true, force: true });
  t.finish();
}
