// End to end: the QtKeychain store against a REAL gnome-keyring in a private D-Bus session
// (with-keyring.sh), through the CLI and the dev IdP. The record is written, read back by another
// process, sealed (no token in clear in the keyring); a locked keyring (locked through the Secret
// Service, or restarted with a wrong password) is store_locked; garbage written with secret-tool is
// store_corrupt and leaves a clean signed-out state; without a session bus, store_unavailable.
import { execFileSync } from 'node:child_process';

import { startIdp } from './lib/idp.mjs';
import { checker, runCli } from './lib/cli.mjs';

const t = checker('cli-keychain');
const HTTP_SIGNIN = `node ${new URL('./http-signin.mjs', import.meta.url).pathname}`;
const P = ['--profile', 'kc'];
const idp = await startIdp();
const account = `${idp.issuer}|concierge-cli|kc`;

const sh = (script, input) => execFileSync('sh', ['-c', script], { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
// Every item of service "concierge", attributes included (secret-tool prints those on stderr).
const keyringItems = () => sh('secret-tool search --all server concierge 2>&1; true');
const collectionLocked = () => sh(`gdbus call --session --dest org.freedesktop.secrets
  --object-path /org/freedesktop/secrets/collection/login --method org.freedesktop.DBus.Properties.Get
  org.freedesktop.Secret.Collection Locked`.replace(/\n\s*/g, ' ')).includes('true');
// Restarts gnome-keyring-daemon in this D-Bus session, unlocking the login keyring with `password`.
const restartKeyring = (password) => sh('gnome-keyring-daemon --replace --unlock --components=secrets --daemonize >/dev/null 2>&1; sleep 0.5', password);

try {
  t.check('runs with a private keyring', !!process.env.CONCIERGE_TEST_KEYRING_PASSWORD);
  const login = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli',
    '--scope', 'openid profile email offline_access', '--store', 'keychain', ...P, '--reveal-tokens', '--open-with', HTTP_SIGNIN]);
  t.check('login --store keychain exits 0', login.code === 0, login.stdout + login.stderr.slice(-300));
  const items = keyringItems();
  t.check('two items: the sealed record and its data key', items.includes(`attribute.user = ${account}\n`)
    && items.includes(`attribute.user = ${account}|data-key`));
  t.check('no token in clear in the keyring', !!login.json?.access_token && !items.includes(login.json.access_token)
    && !items.includes(login.json.refresh_token) && !items.includes(login.json.id_token.split('.')[1]));

  // Another process reads it back (a "restart").
  const token = await runCli(['token', ...P]);
  t.check('another process reads the sign-in', token.code === 0 && token.json?.sub === login.json?.sub, token.stdout);

  // Locked through the Secret Service: reads and writes are store_locked (transient), nothing lost.
  sh('gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets '
    + `--method org.freedesktop.Secret.Service.Lock "['/org/freedesktop/secrets/collection/login']" >/dev/null`);
  t.check('the login keyring is locked', collectionLocked());
  const locked = await runCli(['token', ...P]);
  t.check('locked keyring: store_locked, transient', locked.code === 1 && locked.json?.code === 'store_locked'
    && locked.json?.kind === 'transient', locked.stdout);
  const lockedLogin = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli', '--store', 'keychain',
    '--profile', 'other', '--open-with', HTTP_SIGNIN]);
  t.check('locked keyring: login --store keychain fails with store_locked', lockedLogin.code === 1
    && lockedLogin.json?.code === 'store_locked', lockedLogin.stdout);

  // The keyring daemon restarted with a wrong password: the login keyring stays locked.
  restartKeyring('not-the-password');
  t.check('wrong password: still locked', collectionLocked());
  const wrong = await runCli(['token', ...P]);
  t.check('wrong keyring password: store_locked', wrong.code === 1 && wrong.json?.code === 'store_locked', wrong.stdout);
  restartKeyring(process.env.CONCIERGE_TEST_KEYRING_PASSWORD);
  const back = await runCli(['token', ...P]);
  t.check('right password: the sign-in is back', back.code === 0 && back.json?.sub === login.json?.sub, back.stdout);

  // No D-Bus session bus at all: store_unavailable, not store_failed.
  const noBus = await runCli(['token', ...P], { env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' } });
  t.check('no session bus: store_unavailable', noBus.code === 1 && noBus.json?.code === 'store_unavailable', noBus.stdout);

  // Garbage in the record (and a record truncated to its header): store_corrupt, then a clean signed-out state.
  for (const [label, junk] of [['garbage', 'Z2FyYmFnZQ=='], ['header only', Buffer.from('CNCS\x02\x01').toString('base64')]]) {
    sh(`secret-tool store --label=concierge server concierge user '${account}' type base64`, junk);
    const bad = await runCli(['token', ...P]);
    t.check(`${label} record: store_corrupt, hard`, bad.code === 1 && bad.json?.code === 'store_corrupt' && bad.json?.kind === 'hard',
      bad.stdout);
    const after = await runCli(['status', ...P]);
    t.check(`${label} record: wiped, signed_out`, after.code === 0 && after.json?.status === 'signed_out', after.stdout);
    t.check(`${label} record: no item left`, !keyringItems().includes(`attribute.user = ${account}`));
  }
} catch (e) {
  t.check('no exception', false, e.stack);
} finally {
  await idp.stop();
  t.finish();
}
