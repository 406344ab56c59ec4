// End to end: the session commands of the CLI (login --store keychain, token, refresh, userinfo,
// call, logout) against the real dev IdP, with the tokens in a real Secret Service (gnome-keyring in
// a private D-Bus session: run through tests/e2e/with-keyring.sh). Checks refresh-token rotation,
// that a replayed rotated-out refresh token kills the grant and the CLI then signs out and wipes the
// keychain, and that logout revokes the refresh token at the IdP.
import { execFileSync } from 'node:child_process';

import { startIdp } from './lib/idp.mjs';
import { checker, runCli } from './lib/cli.mjs';

const t = checker('cli-session');
const HTTP_SIGNIN = `node ${new URL('./http-signin.mjs', import.meta.url).pathname}`;
const idp = await startIdp();
const P = ['--profile', 'shop'];

async function refreshDirect(refreshToken) {
  const metadata = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
  const r = await fetch(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'concierge-cli' }),
  });
  return { status: r.status, body: await r.json().catch(() => ({})) };
}

// Every item of service "concierge", attributes included (secret-tool prints those on stderr, so
// reading stdout alone would make "no item left" checks pass vacuously).
function keyringItems() {
  return execFileSync('sh', ['-c', 'secret-tool search --all server concierge 2>&1; true'], { encoding: 'utf8' });
}

try {
  t.check('runs with a private keyring', !!process.env.DBUS_SESSION_BUS_ADDRESS && !!process.env.CONCIERGE_TEST_KEYRING_PASSWORD);

  // Sign in, keep the tokens in the keychain, refresh once at once (--refresh), reveal the tokens.
  const login = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli',
    '--scope', 'openid profile email offline_access', '--store', 'keychain', ...P, '--refresh', '--reveal-tokens',
    '--open-with', HTTP_SIGNIN]);
  t.check('login --store keychain --refresh exits 0', login.code === 0, `${login.stdout} ${login.stderr.slice(-300)}`);
  const first = login.json ?? {};
  t.check('login reports the profile and the refresh', first.profile === 'shop' && first.refreshed === true);
  t.check('refresh token present after refresh', typeof first.refresh_token === 'string');
  t.check('a keychain item exists', keyringItems().includes('concierge'));

  let stats = await idp.stats();
  t.check('IdP saw one code exchange and one refresh', stats.token?.authorization_code === 1 && stats.token?.refresh_token === 1,
    JSON.stringify(stats.token));

  // token: a valid token needs no refresh; never printed without --reveal-tokens.
  const token = await runCli(['token', ...P]);
  t.check('token exits 0', token.code === 0 && token.json?.status === 'ok', token.stdout);
  t.check('token prints metadata only', token.json && !('access_token' in token.json) && token.json.sub === first.sub);
  stats = await idp.stats();
  t.check('no refresh for a valid token', stats.token?.refresh_token === 1);

  // userinfo and an authorized call to a protected resource (the IdP's userinfo as the resource).
  const info = await runCli(['userinfo', ...P]);
  t.check('userinfo sub matches', info.code === 0 && info.json?.userinfo?.sub === first.sub, info.stdout);
  const call = await runCli(['call', `${idp.issuer}/me`, ...P]);
  t.check('call returns 200 with the body', call.code === 0 && call.json?.http_status === 200 && call.json?.body?.sub === first.sub,
    call.stdout);
  const bad = await runCli(['call', `${idp.issuer}/nowhere`, ...P]);
  t.check('call of a missing resource exits 1 with http_status', bad.code === 1 && bad.json?.http_status === 404
    && bad.json?.code === 'http_error', bad.stdout);

  // refresh: rotation. The refresh token shown at login is now dead at the IdP.
  const refreshed = await runCli(['refresh', ...P]);
  t.check('refresh exits 0', refreshed.code === 0 && refreshed.json?.status === 'refreshed', refreshed.stdout);
  stats = await idp.stats();
  t.check('IdP saw exactly one more refresh', stats.token?.refresh_token === 2, JSON.stringify(stats.token));
  const replay = await refreshDirect(first.refresh_token);
  t.check('rotated-out refresh token is refused (invalid_grant)', replay.status === 400 && replay.body.error === 'invalid_grant');

  // The replay made the IdP revoke the whole grant: the next refresh is a hard failure, the CLI
  // signs out and wipes the keychain record.
  const forced = await runCli(['refresh', ...P]);
  t.check('refresh after grant revocation: invalid_grant, hard', forced.code === 1 && forced.json?.code === 'invalid_grant'
    && forced.json?.kind === 'hard', forced.stdout);
  const gone = await runCli(['token', ...P]);
  t.check('the stored sign-in was wiped', gone.code === 1 && gone.json?.code === 'not_signed_in', gone.stdout);

  // Sign in again and log out: both tokens revoked at the IdP, nothing left behind.
  const again = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli',
    '--scope', 'openid profile email offline_access', '--store', 'keychain', ...P, '--reveal-tokens', '--open-with', HTTP_SIGNIN]);
  t.check('second login exits 0', again.code === 0, again.stdout);
  await idp.resetStats();
  const out = await runCli(['logout', ...P]);
  t.check('logout exits 0', out.code === 0 && out.json?.status === 'signed_out', out.stdout);
  stats = await idp.stats();
  t.check('logout revoked two tokens at the IdP', stats.revocation === 2, JSON.stringify(stats));
  const afterLogout = await refreshDirect(again.json?.refresh_token ?? '');
  t.check('revoked refresh token is unusable at the IdP', afterLogout.status === 400 && afterLogout.body.error === 'invalid_grant');
  const none = await runCli(['token', ...P]);
  t.check('token after logout: not_signed_in', none.code === 1 && none.json?.code === 'not_signed_in');
  t.check('no keychain item left', !keyringItems().includes(idp.issuer));

  // DPoP (RFC 9449): a sender-constrained token works with its proof, fails as a plain Bearer token,
  // and survives a refresh in another process (the key is stored with the tokens).
  const D = ['--profile', 'dpop'];
  const dpop = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli',
    '--scope', 'openid profile email offline_access', '--store', 'keychain', ...D, '--dpop', '--open-with', HTTP_SIGNIN]);
  t.check('DPoP login exits 0 with token_type DPoP', dpop.code === 0 && dpop.json?.token_type === 'DPoP', dpop.stdout);
  const dtoken = await runCli(['token', ...D, '--reveal-tokens']);
  const dcall = await runCli(['call', `${idp.issuer}/me`, ...D]);
  t.check('DPoP-bound token accepted by userinfo with its proof', dcall.code === 0 && dcall.json?.http_status === 200, dcall.stdout);
  const asBearer = await fetch(`${idp.issuer}/me`, { headers: { authorization: `Bearer ${dtoken.json?.access_token}` } });
  t.check('the same token is refused as a plain Bearer token', asBearer.status === 401);
  const drefresh = await runCli(['refresh', ...D]);
  t.check('DPoP refresh in a new process (key restored from the keychain)', drefresh.code === 0
    && drefresh.json?.token_type === 'DPoP', drefresh.stdout);
  const dcall2 = await runCli(['call', `${idp.issuer}/me`, ...D]);
  t.check('refreshed DPoP token accepted', dcall2.code === 0 && dcall2.json?.http_status === 200, dcall2.stdout);
  await runCli(['logout', ...D]);

  // Contract: stored-session commands refuse --store memory (usage error, exit 2).
  const usage = await runCli(['token', '--store', 'memory']);
  t.check('token --store memory is a usage error', usage.code === 2);
} catch (e) {
  t.check('no exception', false, e.stack);
} finally {
  await idp.stop();
  t.finish();
}
