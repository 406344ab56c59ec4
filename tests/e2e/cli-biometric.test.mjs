// End to end: biometric unlock on Linux with the REAL fprintd and libfprint's virtual reader
// (tests/e2e/with-fprintd.sh), the tokens in a REAL gnome-keyring (with-keyring.sh), the real dev
// IdP and the CLI. Finger A is enrolled through fprintd's D-Bus API (fprint-helper.py), the sign-in
// is kept with --biometric, and every later process starts locked:
//   SCAN A -> signed in without a browser; SCAN B -> biometric_failed, still locked;
//   no finger in time -> timeout, still locked; token without --unlock -> session_locked;
//   prints deleted and another finger enrolled -> biometric_invalidated, sign-in wiped;
//   prints deleted, nothing enrolled -> biometric_invalidated without a prompt.
import { execFileSync, spawn } from 'node:child_process';

import { startIdp } from './lib/idp.mjs';
import { CLI, checker, runCli } from './lib/cli.mjs';

const t = checker('cli-biometric');
const HELPER = new URL('./fprint-helper.py', import.meta.url).pathname;
const HTTP_SIGNIN = `node ${new URL('./http-signin.mjs', import.meta.url).pathname}`;
const P = ['--profile', 'bio'];
const idp = await startIdp();

function fprint(...args) {
  return execFileSync('/usr/bin/python3', [HELPER, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

// Every item of service "concierge", attributes included (secret-tool prints those on stderr).
function keyringItems() {
  return execFileSync('sh', ['-c', 'secret-tool search --all server concierge 2>&1; true'], { encoding: 'utf8' });
}

// Runs a stored-session command that asks for a finger; once the CLI says it waits for one, the
// virtual reader is touched with finger `scanId` (null: nobody touches it).
function withFinger(args, scanId) {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(CLI, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let touched = false;
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
      if (!touched && scanId && stderr.includes('waiting for a fingerprint')) {
        touched = true;
        try { fprint('scan', scanId); } catch (e) { stderr += `\n[scan failed: ${e.message}]`; }
      }
    });
    const timer = setTimeout(() => { child.kill('SIGKILL'); rejectRun(new Error(`concierge ${args[0]} timed out`)); }, 60_000);
    child.on('error', rejectRun);
    child.on('exit', (code) => {
      clearTimeout(timer);
      let json;
      try { json = JSON.parse(stdout.trim()); } catch { json = undefined; }
      resolveRun({ code, stdout, stderr, json, prompted: stderr.includes('waiting for a fingerprint') });
    });
  });
}

const login = (extra = []) => runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli',
  '--scope', 'openid profile email offline_access', '--store', 'keychain', ...P, '--biometric', '--open-with', HTTP_SIGNIN,
  ...extra]);

try {
  t.check('runs with a private fprintd and keyring', !!process.env.CONCIERGE_FP_SOCKET && !!process.env.CONCIERGE_TEST_KEYRING_PASSWORD);

  // No finger enrolled: biometric unlock is refused, typed.
  const none = await runCli(['status', ...P]);
  t.check('status: not_enrolled before enrollment', none.json?.biometric_availability === 'not_enrolled', none.stdout);
  const early = await login();
  t.check('login --biometric without an enrolled finger: biometric_unavailable, exit 1',
    early.code === 1 && early.json?.code === 'biometric_unavailable', early.stdout);

  // Enroll finger A (five touches), sign in and keep the sign-in behind biometric unlock.
  t.check('finger A enrolled through fprintd', fprint('enroll', 'right-index-finger', 'A').endsWith('enroll-completed'));
  const first = await login(['--reveal-tokens']);
  t.check('login --store keychain --biometric exits 0', first.code === 0 && first.json?.biometric_unlock === true,
    `${first.stdout} ${first.stderr.slice(-300)}`);
  const items = keyringItems();
  t.check('keychain: a sealed record and the biometric slot, no data key item',
    items.includes(`${idp.issuer}|concierge-cli|bio|biometric`) && !items.includes('|data-key'), items.replace(/secret = .*\n/g, ''));
  t.check('keychain: no token in clear', !!first.json?.access_token && !items.includes(first.json.access_token)
    && !items.includes(first.json.refresh_token));
  let stats = await idp.stats();
  const codesAfterLogin = stats.token?.authorization_code;

  // A new process starts locked, without a prompt.
  const status = await runCli(['status', ...P]);
  t.check('status: locked, biometric unlock on', status.code === 0 && status.json?.status === 'locked'
    && status.json?.biometric_unlock === true && status.json?.biometric_availability === 'available', status.stdout);
  const locked = await runCli(['token', ...P]);
  t.check('token without --unlock: session_locked, transient', locked.code === 1 && locked.json?.code === 'session_locked'
    && locked.json?.kind === 'transient', locked.stdout);

  // Finger B: no match, typed, still locked.
  const wrong = await withFinger(['unlock', ...P], 'B');
  t.check('unlock with finger B: biometric_failed, exit 1', wrong.prompted && wrong.code === 1
    && wrong.json?.code === 'biometric_failed' && wrong.json?.kind === 'transient', wrong.stdout + wrong.stderr.slice(-300));
  // Nobody touches the reader: the CLI gives up, the reader is released, still locked.
  const slow = await withFinger(['unlock', ...P, '--timeout', '2'], null);
  t.check('unlock without a finger: timeout, exit 1', slow.code === 1 && slow.json?.code === 'timeout', slow.stdout);
  const still = await runCli(['status', ...P]);
  t.check('still locked after no match and timeout', still.json?.status === 'locked', still.stdout);

  // Finger A: signed in without a browser.
  const unlocked = await withFinger(['unlock', ...P], 'A');
  t.check('unlock with finger A: signed in, exit 0', unlocked.code === 0 && unlocked.json?.status === 'signed_in'
    && unlocked.json?.sub === first.json?.sub && unlocked.json?.biometric_unlock === true,
    unlocked.stdout + unlocked.stderr.slice(-300));
  const token = await withFinger(['token', ...P, '--unlock'], 'A');
  t.check('token --unlock with finger A', token.code === 0 && token.json?.status === 'ok' && token.json?.sub === first.json?.sub,
    token.stdout);
  const refreshed = await withFinger(['refresh', ...P, '--unlock'], 'A');
  t.check('refresh --unlock: the rotated tokens are sealed again under the slot key', refreshed.code === 0
    && refreshed.json?.status === 'refreshed', refreshed.stdout);
  const again = await withFinger(['token', ...P, '--unlock', '--reveal-tokens'], 'A');
  t.check('unlock after the refresh still works', again.code === 0 && !!again.json?.access_token, again.stdout);
  stats = await idp.stats();
  t.check('no browser sign-in since login', stats.token?.authorization_code === codesAfterLogin, JSON.stringify(stats.token));

  // Prints deleted and another finger enrolled: the slot was made for other prints.
  fprint('delete');
  t.check('finger C enrolled as another finger', fprint('enroll', 'left-index-finger', 'C').endsWith('enroll-completed'));
  const changed = await withFinger(['unlock', ...P], 'C');
  t.check('re-enrolled: biometric_invalidated, hard', changed.code === 1 && changed.json?.code === 'biometric_invalidated'
    && changed.json?.kind === 'hard', changed.stdout + changed.stderr.slice(-300));
  const wiped = await runCli(['status', ...P]);
  t.check('the sign-in was wiped: signed_out', wiped.json?.status === 'signed_out', wiped.stdout);
  t.check('no keychain item left for the profile', !keyringItems().includes(`${idp.issuer}|concierge-cli|bio`));
  const after = await runCli(['token', ...P]);
  t.check('token afterwards: not_signed_in', after.code === 1 && after.json?.code === 'not_signed_in', after.stdout);

  // A fresh sign-in with finger C; then every print is deleted: invalidated without a prompt.
  const second = await login();
  t.check('fresh login --biometric with finger C', second.code === 0 && second.json?.biometric_unlock === true, second.stdout);
  fprint('delete');
  const gone = await withFinger(['unlock', ...P], null);
  t.check('prints deleted: biometric_invalidated without a prompt', gone.code === 1 && !gone.prompted
    && gone.json?.code === 'biometric_invalidated', gone.stdout);
  t.check('nothing left in the keychain', !keyringItems().includes(`${idp.issuer}|concierge-cli|bio`));
} catch (e) {
  t.check('no exception', false, e.stack);
} finally {
  await idp.stop();
  t.finish();
}
