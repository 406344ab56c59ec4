// End to end: `concierge login` against the real dev IdP (oidc-provider) with Debian's Chromium
// typing the demo shopper's credentials. Asserts the CLI's JSON contract and that no secret
// (token, code, verifier, state, nonce, callback URL) reaches stdout or stderr, even with every
// debug log category switched on.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startIdp } from './lib/idp.mjs';
import { BROWSER, checker, runCli } from './lib/cli.mjs';

const t = checker('cli-login');
const idp = await startIdp();
const work = await mkdtemp(join(tmpdir(), 'concierge-e2e-'));
const DEBUG = { QT_LOGGING_RULES: '*.debug=true' };

function secretsIn(text, secrets) {
  return secrets.filter((s) => s && s.length >= 8 && text.includes(s));
}

try {
  // 1. Password sign-in with userinfo, every log category on, the browser recording what it saw.
  const record = join(work, 'record.json');
  const run = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli',
    '--scope', 'openid profile email offline_access', '--prompt', 'consent', '--userinfo',
    '--open-with', `${BROWSER} --record ${record} --email aiko@example.com --password sakura-2026`], { env: DEBUG });
  t.check('exit 0', run.code === 0, `exit ${run.code}: ${run.stdout} ${run.stderr.slice(-400)}`);
  t.check('exactly one JSON line on stdout', run.stdoutLines === 1 && run.json !== undefined);
  const out = run.json ?? {};
  t.check('status signed_in', out.status === 'signed_in');
  t.check('issuer echoed', out.issuer === idp.issuer);
  t.check('sub present and opaque', typeof out.sub === 'string' && out.sub.length > 0 && !out.sub.includes('@'));
  t.check('email claim validated', out.claims?.email === 'aiko@example.com');
  t.check('loyalty tier claim', out.claims?.loyalty_tier === 'gold');
  t.check('claims sub = sub', out.claims?.sub === out.sub);
  t.check('userinfo sub = sub', out.userinfo?.sub === out.sub);
  t.check('token_type Bearer', out.token_type === 'Bearer');
  t.check('expires_in positive', Number.isInteger(out.expires_in) && out.expires_in > 0);
  t.check('scope granted includes offline_access', typeof out.scope === 'string' && out.scope.includes('offline_access'));
  t.check('refresh token obtained (not shown)', out.refresh_token_present === true);
  t.check('no token members without --reveal-tokens',
    !('access_token' in out) && !('refresh_token' in out) && !('id_token' in out));
  const both = run.stdout + run.stderr;
  t.check('no JWT anywhere in the output', !/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./.test(both));
  t.check('debug logging was really on', /concierge\.(net|flow|session)/.test(run.stderr) || run.stderr.includes('GET'),
    run.stderr.slice(0, 300));
  const seen = JSON.parse(await readFile(record, 'utf8'));
  const authUrl = new URL(seen.authorizationUrl);
  const redirect = new URL(seen.redirectUrl);
  const secrets = [authUrl.searchParams.get('state'), authUrl.searchParams.get('nonce'),
    authUrl.searchParams.get('code_challenge'), redirect.searchParams.get('code'), seen.redirectUrl, seen.authorizationUrl];
  t.check('authorization request used S256 PKCE', authUrl.searchParams.get('code_challenge_method') === 'S256');
  t.check('redirect went to the loopback listener', redirect.hostname === '127.0.0.1' && redirect.pathname === '/callback');
  t.check('redirect carried iss (RFC 9207)', redirect.searchParams.get('iss') === idp.issuer);
  t.check('no code, state, nonce or callback URL in the output', secretsIn(both, secrets).length === 0,
    `leaked ${secretsIn(both, secrets).length}`);

  // 2. --reveal-tokens (ES256 client): tokens appear on stdout only, never in the logs on stderr.
  const reveal = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-es256',
    '--scope', 'openid email offline_access', '--prompt', 'consent', '--reveal-tokens',
    '--open-with', `${BROWSER} --email ken@example.com --password fuji-2026`], { env: DEBUG });
  t.check('ES256 sign-in exit 0', reveal.code === 0, `${reveal.stdout} ${reveal.stderr.slice(-300)}`);
  const r = reveal.json ?? {};
  const header = r.id_token ? JSON.parse(Buffer.from(r.id_token.split('.')[0], 'base64url')) : {};
  t.check('id_token signed with ES256', header.alg === 'ES256');
  t.check('tokens revealed on request', typeof r.access_token === 'string' && typeof r.refresh_token === 'string');
  t.check('revealed tokens never logged',
    secretsIn(reveal.stderr, [r.access_token, r.refresh_token, r.id_token]).length === 0);

  // 3. The shopper declines consent: a typed hard error, exit 1.
  const denied = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-cli',
    '--open-with', `${BROWSER} --deny --email emma@example.com --password london-2026`]);
  t.check('deny exits 1', denied.code === 1, denied.stdout);
  t.check('deny gives access_denied/hard', denied.json?.status === 'error' && denied.json?.code === 'access_denied'
    && denied.json?.kind === 'hard');

  // 4. Confidential client with client_secret_basic.
  const conf = await runCli(['login', '--issuer', idp.issuer, '--client-id', 'concierge-confidential',
    '--client-secret', 'dev-secret-please-change',
    '--open-with', `${BROWSER} --email aiko@example.com --password sakura-2026`]);
  t.check('confidential client (basic) signs in', conf.code === 0 && conf.json?.status === 'signed_in', conf.stdout);

  // 5. A configured issuer that differs from the discovery document: refused before any browser.
  const mismatch = await runCli(['login', '--issuer', `${idp.issuer}/`, '--client-id', 'concierge-cli',
    '--open-with', 'false']);
  t.check('issuer mismatch refused', mismatch.code === 1 && mismatch.json?.code === 'issuer_mismatch', mismatch.stdout);

  // 6. Usage errors: exit 2 with a JSON error.
  const usage = await runCli(['login', '--client-id', 'x']);
  t.check('usage error exits 2', usage.code === 2 && usage.json?.code === 'invalid_argument', usage.stdout);
  const unknown = await runCli(['fly']);
  t.check('unknown command exits 2', unknown.code === 2);

  // 7. Unreachable issuer: transient network error.
  const down = await runCli(['login', '--issuer', 'http://127.0.0.1:9', '--client-id', 'concierge-cli', '--open-with', 'false']);
  t.check('unreachable issuer is network_error/transient', down.code === 1 && down.json?.code === 'network_error'
    && down.json?.kind === 'transient', down.stdout);

  const stats = await idp.stats();
  t.check('IdP saw the code exchanges', (stats.token?.authorization_code ?? 0) >= 3, JSON.stringify(stats.token));
} catch (e) {
  t.check('no exception', false, e.stack);
} finally {
  await idp.stop();
  await rm(work, { recursive: true, force: true });
  t.finish();
}
