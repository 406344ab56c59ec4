// The scenarios of the hostile OP. Each one is a correct OP (lib/op.mjs) bent by a few hooks:
//
//   discovery(doc, ctx)        edit or replace the discovery document
//   authorize(params, ctx)     edit the parameters of the redirect back to the client
//   idToken(t, ctx)            edit the ID token description before it is signed (see lib/jws.mjs)
//   refreshIdToken(t, ctx)     the same for the ID token of a refresh_token grant
//   tokenResponse(body, ctx)   edit the token response, or return { status, json | raw, contentType }
//   jwks(doc, index, ctx)      edit or replace the JWKS; index counts the fetches (0 = first)
//   userinfo(claims, ctx)      edit or replace the UserInfo response
//   signer, jwksPath, refreshToken, sub: plain settings
//
// and an expectation for the CLI:
//
//   args                       extra `concierge login` arguments
//   expect                     { exit, status, code (string or list), kind }; accepted runs also
//                              get `sub` checked
//   noAuthorize / noToken      the OP must have received no /authorize, no token request
//   jwksFetches                exact number of JWKS fetches (accepted runs default to exactly 1)
//   minSeconds                 the run must have taken at least this long (it waited, it did not end early)
//   check(ctx, out, run)       further [label, ok, detail] assertions
//   needs                      a CLI option that must exist, else the scenario is skipped (never passed)
//
// Ids follow the OpenID Foundation RP certification tests where one exists (Basic and Config RP
// profiles), adapted to a public client with PKCE; the others say what they attack.
import { publicJwk, tokenHash } from './lib/jws.mjs';
import { CLIENT_ID } from './lib/op.mjs';

const signedIn = (extra = {}) => ({ exit: 0, status: 'signed_in', ...extra });
const error = (code, kind = 'hard') => ({ exit: 1, status: 'error', code, kind });

const last = (ctx, endpoint) => ctx.requests.filter((r) => r.endpoint === endpoint).at(-1);
const headerOf = (compact) => JSON.parse(Buffer.from(compact.split('.')[0], 'base64url'));

// Checks shared by the accepted sign-ins that use one signer: what alg the OP really signed with.
const signedWith = (alg) => (ctx) => [['ID token was signed with ' + alg, ctx.idTokens[0]?.alg === alg
  && headerOf(ctx.idTokens[0].compact).alg === alg]];

export const scenarios = [
  // ---------------------------------------------------------------------------------------------
  // Accepted: the SDK must sign in.
  // ---------------------------------------------------------------------------------------------
  {
    id: 'rp-response_type-code',
    group: 'accept',
    expect: signedIn(),
    check(ctx, out) {
      const a = last(ctx, '/authorize')?.query ?? {};
      const t = last(ctx, '/token')?.form ?? {};
      return [
        ['discovery fetched from <issuer>/.well-known/openid-configuration',
          ctx.hits('/.well-known/openid-configuration', 'GET') === 1],
        ['authorization request: response_type=code, S256 PKCE, state, nonce',
          a.response_type === 'code' && a.code_challenge_method === 'S256' && !!a.state && !!a.nonce],
        ['authorization request: no response_mode other than query', !a.response_mode || a.response_mode === 'query'],
        ['token request: authorization_code grant with a code_verifier and no secret',
          t.grant_type === 'authorization_code' && !!t.code_verifier && !('client_secret' in t)],
        ['output: issuer echoed', out.issuer === ctx.issuer],
        ['output: token_type Bearer', out.token_type === 'Bearer'],
        ['output: expires_in in (0, 300]', Number.isInteger(out.expires_in) && out.expires_in > 0 && out.expires_in <= 300,
          String(out.expires_in)],
        ['output: scope as granted', out.scope === 'openid profile email', out.scope],
        ['output: no refresh token', out.refresh_token_present === false],
        ['output: claims.sub = sub, nonce and at_hash hidden',
          out.claims?.sub === ctx.sub && !('nonce' in (out.claims ?? {})) && !('at_hash' in (out.claims ?? {}))],
        ['output: no token members without --reveal-tokens',
          !('access_token' in out) && !('id_token' in out) && !('refresh_token' in out)],
      ];
    },
  },
  { id: 'rp-id_token-sig-rs256', group: 'accept', signer: 'rsaA', expect: signedIn(), check: signedWith('RS256') },
  { id: 'rp-id_token-sig-es256', group: 'accept', signer: 'ec', expect: signedIn(), check: signedWith('ES256') },
  { id: 'rp-id_token-sig-ps256', group: 'accept', signer: 'rsaP', expect: signedIn(), check: signedWith('PS256') },
  { id: 'rp-id_token-sig-eddsa', group: 'accept', signer: 'ed', expect: signedIn(), check: signedWith('EdDSA') },
  {
    id: 'rp-id_token-kid-absent-single-jwks',
    group: 'accept',
    idToken: (t, ctx) => ctx.useSigner(t, 'rsaA', { kid: null }),
    jwks: (doc, i, ctx) => ({ keys: [publicJwk(ctx.keys.rsaA, { use: 'sig' })] }),
    expect: signedIn(),
    check: (ctx) => [['ID token header has no kid', !('kid' in headerOf(ctx.idTokens[0].compact))]],
  },
  {
    // The certification lets an RP reject this or try every key; the SDK tries each compatible key.
    id: 'rp-id_token-kid-absent-multiple-jwks',
    group: 'accept',
    idToken: (t, ctx) => ctx.useSigner(t, 'rsaA', { kid: null }),
    jwks: (doc, i, ctx) => ({
      keys: [
        publicJwk(ctx.keys.rsaNew, { use: 'sig' }),
        publicJwk(ctx.keys.ec, { use: 'sig' }),
        publicJwk(ctx.keys.rsaP, { use: 'sig' }),
        publicJwk(ctx.keys.rsaA, { use: 'sig' }), // the signing key, last
      ],
    }),
    expect: signedIn(),
  },
  {
    // JWKS first served without the new signing key, then with it: one refetch, then accept.
    id: 'rp-key-rotation-op-sign-key',
    group: 'accept',
    idToken: (t, ctx) => ctx.useSigner(t, 'rsaNew', { kid: 'rsa-2026' }),
    jwks: (doc, index, ctx) => {
      if (index > 0) doc.keys.push(publicJwk(ctx.keys.rsaNew, { kid: 'rsa-2026', use: 'sig', alg: 'RS256' }));
      return doc;
    },
    jwksFetches: 2,
    expect: signedIn(),
  },
  {
    // The keys come from the discovery document's jwks_uri, wherever it points.
    id: 'rp-discovery-jwks_uri-keys',
    group: 'accept',
    jwksPath: '/keys/2026/set.json?v=7',
    expect: signedIn(),
    check: (ctx) => [
      ['JWKS fetched from the advertised jwks_uri (path and query)', last(ctx, '/keys/2026/set.json')?.query.v === '7'],
      ['no guessed /jwks', ctx.hits('/jwks') === 0],
    ],
  },
  {
    id: 'rp-scope-userinfo-claims',
    group: 'accept',
    args: ['--userinfo', '--scope', 'openid profile email'],
    expect: signedIn(),
    check: (ctx, out) => {
      const scope = (last(ctx, '/authorize')?.query.scope ?? '').split(' ');
      return [
        ['scope openid profile email requested', ['openid', 'profile', 'email'].every((s) => scope.includes(s))],
        ['userinfo fetched once', ctx.hits('/userinfo') === 1],
        ['userinfo claims printed', out.userinfo?.email === 'aiko@example.com' && out.userinfo?.name === 'Aiko Tanaka'
          && out.userinfo?.email_verified === true, JSON.stringify(out.userinfo)],
        ['userinfo sub = ID token sub', out.userinfo?.sub === ctx.sub && out.sub === ctx.sub],
      ];
    },
  },
  {
    id: 'rp-userinfo-bearer-header',
    group: 'accept',
    args: ['--userinfo'],
    expect: signedIn(),
    check: (ctx) => {
      const r = last(ctx, '/userinfo');
      const m = /^Bearer (.+)$/.exec(r?.authorization ?? '');
      return [
        ['userinfo: GET with Authorization: Bearer <the access token>', r?.method === 'GET' && !!m && ctx.accessTokens.has(m[1]),
          r ? `${r.method} ${(r.authorization ?? 'no Authorization').split(' ')[0]}` : 'no userinfo request'],
        ['userinfo: no token in the query', r && !('access_token' in r.query)],
      ];
    },
  },
  {
    id: 'token_type-lowercase-bearer',
    group: 'accept',
    args: ['--userinfo'],
    tokenResponse: (body) => { body.token_type = 'bearer'; },
    expect: signedIn(),
    check: (ctx, out) => [
      ['token_type normalised to Bearer', out.token_type === 'Bearer', out.token_type],
      ['userinfo still uses the Bearer scheme', /^Bearer /.test(last(ctx, '/userinfo')?.authorization ?? '')],
    ],
  },
  {
    id: 'token_type-uppercase-bearer',
    group: 'accept',
    tokenResponse: (body) => { body.token_type = 'BEARER'; },
    expect: signedIn(),
    check: (ctx, out) => [['token_type normalised to Bearer', out.token_type === 'Bearer', out.token_type]],
  },
  {
    id: 'token-response-without-expires_in',
    group: 'accept',
    tokenResponse: (body) => { delete body.expires_in; },
    expect: signedIn(),
    check: (ctx, out) => [['expires_in printed as null', 'expires_in' in out && out.expires_in === null, String(out.expires_in)]],
  },
  {
    id: 'id_token-aud-array-with-client-only',
    group: 'accept',
    idToken: (t) => { t.claims.aud = [CLIENT_ID]; },
    expect: signedIn(),
  },
  {
    id: 'unknown-members-everywhere',
    group: 'accept',
    discovery: (doc) => ({
      ...doc,
      x_vendor_feature: { nested: [1, 2, { deep: true }], flag: null },
      frontchannel_logout_supported: true,
      mtls_endpoint_aliases: { token_endpoint: 'https://mtls.example.com/token' },
      request_object_signing_alg_values_supported: ['RS256', 'unknown-alg'],
    }),
    tokenResponse: (body) => {
      body.x_vendor = { a: [1, null, 'b'] };
      body.session_state = 'f00';
      body['not-before-policy'] = 0;
    },
    idToken: (t) => {
      t.header.x_hdr = 'not critical';
      t.claims.x_custom = { tier: 'gold', list: [1, 2, 3] };
      t.claims.amr = ['pwd', 'otp'];
      t.claims.sid = 'session-1';
    },
    jwks: (doc, i, ctx) => {
      doc.x_vendor_meta = { rotated: '2026-01-01' };
      doc.keys[0] = { ...doc.keys[0], x_vendor: true, ext: true, key_ops: ['verify'], x5t: 'ZmFrZS10aHVtYnByaW50' };
      doc.keys.push({ kty: 'oct', k: 'c2VjcmV0', kid: 'symmetric-ignored' }); // a key type the SDK must skip
      doc.keys.push({ kty: 'RSA', kid: 'enc-key', use: 'enc', ...publicJwk(ctx.keys.rsaNew) });
      return doc;
    },
    expect: signedIn(),
    check: (ctx, out) => [
      ['unknown ID token claims passed through', out.claims?.x_custom?.tier === 'gold' && out.claims?.amr?.length === 2,
        JSON.stringify(out.claims)],
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Rejected: the SDK must refuse, with the documented error id.
  // ---------------------------------------------------------------------------------------------
  { id: 'rp-id_token-bad-sig-rs256', group: 'reject', idToken: (t) => { t.tamper = true; }, oracle: 'invalid',
    expect: error('id_token_signature_invalid') },
  { id: 'rp-id_token-bad-sig-es256', group: 'reject', signer: 'ec', idToken: (t) => { t.tamper = true; }, oracle: 'invalid',
    expect: error('id_token_signature_invalid') },
  {
    id: 'rp-id_token-sig-none',
    group: 'reject',
    discovery: (doc) => { doc.id_token_signing_alg_values_supported.push('none'); },
    idToken: (t) => { t.alg = 'none'; t.header = { alg: 'none', typ: 'JWT' }; },
    expect: error('id_token_algorithm_rejected'),
  },
  { id: 'rp-id_token-issuer-mismatch', group: 'reject', idToken: (t, ctx) => { t.claims.iss = `${ctx.opBase}/evil-issuer`; },
    expect: error('id_token_issuer_mismatch') },
  { id: 'rp-id_token-aud', group: 'reject', idToken: (t) => { t.claims.aud = 'another-client'; },
    expect: error('id_token_audience_mismatch') },
  { id: 'rp-id_token-iat', group: 'reject', idToken: (t) => { delete t.claims.iat; }, expect: error('id_token_iat_invalid') },
  { id: 'rp-id_token-sub', group: 'reject', idToken: (t) => { delete t.claims.sub; }, expect: error('id_token_subject_missing') },
  { id: 'rp-nonce-invalid', group: 'reject', idToken: (t) => { t.claims.nonce = 'a-nonce-this-client-never-sent'; },
    expect: error('id_token_nonce_mismatch') },
  { id: 'rp-id_token-bad-at_hash', group: 'reject', idToken: (t) => { t.claims.at_hash = tokenHash(t.alg, 'another-access-token'); },
    expect: error('id_token_at_hash_mismatch') },
  {
    id: 'id_token-expired',
    group: 'reject',
    idToken: (t) => { t.claims.exp = t.now - 3600; t.claims.iat = t.now - 4200; t.claims.auth_time = t.now - 4300; },
    expect: error('id_token_expired'),
  },
  { id: 'id_token-iat-in-the-future', group: 'reject', idToken: (t) => { t.claims.iat = t.now + 3600; t.claims.exp = t.now + 7200; },
    expect: error('id_token_not_yet_valid') },
  { id: 'id_token-missing', group: 'reject', idToken: (t) => { t.omit = true; }, expect: error('id_token_missing') },
  {
    id: 'rp-userinfo-bad-sub-claim',
    group: 'reject',
    args: ['--userinfo'],
    userinfo: (claims) => ({ ...claims, sub: 'someone-else' }),
    expect: error('subject_mismatch'),
    check: (ctx) => [['signed in first, then userinfo fetched once', ctx.hits('/token') === 1 && ctx.hits('/userinfo') === 1]],
  },
  {
    id: 'rp-discovery-issuer-not-matching-config',
    group: 'reject',
    discovery: (doc, ctx) => { doc.issuer = `${ctx.opBase}/someone-else`; },
    expect: error('issuer_mismatch'),
    noAuthorize: true,
    noToken: true,
    jwksFetches: 0,
  },
  {
    id: 'rp-id_token-kid-unknown-after-refetch',
    group: 'reject',
    idToken: (t, ctx) => ctx.useSigner(t, 'rsaNew', { kid: 'never-published' }),
    expect: error('id_token_key_not_found'),
    jwksFetches: 2,
  },

  // ---------------------------------------------------------------------------------------------
  // RFC 9207 (iss in the authorization response) and RFC 9700 (state): no token request, ever.
  // ---------------------------------------------------------------------------------------------
  {
    id: 'rfc9207-iss-wrong',
    group: 'rfc9207',
    authorize: (p, ctx) => { p.iss = `${ctx.opBase}/evil-issuer`; },
    expect: error('authorization_iss_mismatch'),
    noToken: true,
  },
  {
    id: 'rfc9207-iss-missing-although-advertised',
    group: 'rfc9207',
    authorize: (p) => { delete p.iss; },
    expect: error('authorization_iss_mismatch'),
    noToken: true,
  },
  {
    id: 'rfc9207-iss-wrong-not-advertised',
    group: 'rfc9207',
    discovery: (doc) => { delete doc.authorization_response_iss_parameter_supported; },
    authorize: (p, ctx) => { p.iss = `${ctx.opBase}/evil-issuer`; },
    expect: error('authorization_iss_mismatch'),
    noToken: true,
  },
  {
    id: 'rfc9207-iss-absent-not-advertised',
    group: 'rfc9207',
    discovery: (doc) => { delete doc.authorization_response_iss_parameter_supported; },
    authorize: (p) => { delete p.iss; },
    expect: signedIn(),
  },
  {
    // The listener ignores a redirect with another state (an attacker cannot end the flow), so the
    // flow runs into --timeout and reports state_mismatch.
    id: 'rfc9700-state-wrong',
    group: 'rfc9207',
    authorize: (p) => { p.state = `${p.state.slice(0, -4)}AAAA`; },
    expect: error('state_mismatch'),
    noToken: true,
    minSeconds: 4.5,
  },
  {
    id: 'rfc9700-state-missing',
    group: 'rfc9207',
    authorize: (p) => { delete p.state; },
    expect: error('state_mismatch'),
    noToken: true,
    minSeconds: 4.5,
  },
  {
    id: 'authorization-error-access_denied',
    group: 'rfc9207',
    authorize: (p) => { delete p.code; p.error = 'access_denied'; p.error_description = 'The person declined'; },
    expect: error('access_denied'),
    noToken: true,
  },

  // ---------------------------------------------------------------------------------------------
  // JOSE attacks.
  // ---------------------------------------------------------------------------------------------
  {
    // Algorithm confusion: HMAC keyed with the RSA public key the client knows, HS256 even advertised.
    id: 'jose-hs256-with-rsa-public-key',
    group: 'jose',
    discovery: (doc) => { doc.id_token_signing_alg_values_supported.push('HS256'); },
    idToken: (t, ctx) => {
      t.alg = 'HS256';
      t.header = { alg: 'HS256', kid: 'rsa-a', typ: 'JWT' };
      t.key = ctx.keys.rsaA.publicKey.export({ type: 'spki', format: 'pem' });
    },
    expect: error('id_token_algorithm_rejected'),
  },
  {
    id: 'jose-header-jwk-attacker-key',
    group: 'jose',
    idToken: (t, ctx) => {
      ctx.useSigner(t, 'attacker', { kid: null });
      t.header.jwk = publicJwk(ctx.keys.attacker);
    },
    expect: error(['id_token_signature_invalid', 'id_token_key_not_found']),
  },
  {
    id: 'jose-header-jku',
    group: 'jose',
    idToken: (t, ctx) => {
      ctx.useSigner(t, 'attacker', { kid: 'attacker' });
      t.header.jku = `${ctx.base}/attacker/jwks`;
    },
    expect: error(['id_token_key_not_found', 'id_token_signature_invalid']),
  },
  {
    id: 'jose-header-x5u',
    group: 'jose',
    idToken: (t, ctx) => {
      ctx.useSigner(t, 'attacker', { kid: 'attacker' });
      t.header.x5u = `${ctx.base}/attacker/cert.pem`;
    },
    expect: error(['id_token_key_not_found', 'id_token_signature_invalid']),
  },
  {
    id: 'jose-kid-path-traversal',
    group: 'jose',
    idToken: (t, ctx) => ctx.useSigner(t, 'rsaA', { kid: '../../x' }),
    expect: error('id_token_key_not_found'),
  },
  {
    id: 'jose-kid-10kB',
    group: 'jose',
    idToken: (t, ctx) => ctx.useSigner(t, 'rsaA', { kid: 'k'.repeat(10 * 1024) }),
    expect: error(['id_token_malformed', 'id_token_key_not_found']),
  },
  {
    id: 'jose-crit-unknown',
    group: 'jose',
    idToken: (t) => { t.header.crit = ['urn:example:hostile']; t.header['urn:example:hostile'] = true; },
    expect: error('id_token_crit_unsupported'),
  },
  {
    id: 'jose-junk-in-segment',
    group: 'jose',
    idToken: (t) => {
      t.mangle = (compact) => {
        const [h, p, s] = compact.split('.');
        return `${h}.${p.slice(0, 12)}*!$%${p.slice(12)}.${s}`;
      };
    },
    expect: error('id_token_malformed'),
  },
  {
    id: 'jose-oversized-token',
    group: 'jose',
    idToken: (t) => { t.claims.padding = 'A'.repeat(17 * 1024); },
    expect: error('id_token_malformed'),
    check: (ctx) => [['the token really exceeds 16 KiB', (ctx.idTokens[0]?.compact.length ?? 0) > 16 * 1024]],
  },
  { id: 'jose-iss-number', group: 'jose', idToken: (t) => { t.claims.iss = 12345; }, expect: error('id_token_issuer_mismatch') },
  { id: 'jose-aud-object', group: 'jose', idToken: (t) => { t.claims.aud = { client: CLIENT_ID }; },
    expect: error('id_token_audience_mismatch') },
  { id: 'jose-multiple-aud-without-azp', group: 'jose', idToken: (t) => { t.claims.aud = [CLIENT_ID, 'another-client']; },
    expect: error('id_token_audience_mismatch') },
  {
    // {"sub":"<real>", ..., "sub":"someone-else"}: parsers disagree on which one wins.
    id: 'jose-duplicate-payload-member',
    group: 'jose',
    idToken: (t) => { t.rawPayload = `${JSON.stringify(t.claims).slice(0, -1)},"sub":"someone-else"}`; },
    expect: error('id_token_malformed'),
  },
  {
    id: 'jose-duplicate-header-alg',
    group: 'jose',
    idToken: (t) => { t.rawHeader = `${JSON.stringify(t.header).slice(0, -1)},"alg":"none"}`; },
    expect: error('id_token_malformed'),
  },
  {
    // Key-type confusion: an ES256 signature under the kid of an RSA key.
    id: 'jose-alg-does-not-fit-kid',
    group: 'jose',
    idToken: (t, ctx) => ctx.useSigner(t, 'ec', { kid: 'rsa-a' }),
    expect: error('id_token_algorithm_rejected'),
  },
  {
    id: 'jose-alg-not-advertised',
    group: 'jose',
    discovery: (doc) => { doc.id_token_signing_alg_values_supported = ['RS256']; },
    signer: 'ec',
    expect: error('id_token_algorithm_rejected'),
  },

  // ---------------------------------------------------------------------------------------------
  // Endpoint failures.
  // ---------------------------------------------------------------------------------------------
  {
    id: 'token-endpoint-500',
    group: 'errors',
    tokenResponse: () => ({ status: 500, json: { error: 'server_error', error_description: 'try again later' } }),
    expect: error('server_error', 'transient'),
    check: (ctx, out) => [['http_status 500 reported', out.http_status === 500, String(out.http_status)]],
  },
  {
    id: 'token-endpoint-400-invalid_grant',
    group: 'errors',
    tokenResponse: () => ({ status: 400, json: { error: 'invalid_grant', error_description: 'code expired' } }),
    expect: error('invalid_grant'),
    check: (ctx, out) => [['oauth_error invalid_grant, http_status 400', out.oauth_error === 'invalid_grant' && out.http_status === 400]],
  },
  {
    id: 'token-response-not-json',
    group: 'errors',
    tokenResponse: () => ({ status: 200, raw: '<html><body>Welcome!</body></html>', contentType: 'text/html' }),
    expect: error('invalid_response'),
  },
  {
    id: 'discovery-http-token_endpoint',
    group: 'errors',
    discovery: (doc) => { doc.token_endpoint = 'http://op.example.com/token'; },
    expect: error('insecure_endpoint'),
    noAuthorize: true,
    noToken: true,
  },

  // ---------------------------------------------------------------------------------------------
  // Refresh (`concierge login --refresh`: one refresh_token grant after the sign-in).
  // ---------------------------------------------------------------------------------------------
  {
    id: 'refresh-same-sub',
    group: 'refresh',
    needs: '--refresh',
    args: ['--refresh'],
    refreshToken: true,
    expect: signedIn(),
    check: (ctx) => [['exactly one refresh_token grant', ctx.requests.filter((r) => r.form?.grant_type === 'refresh_token').length === 1]],
  },
  {
    id: 'refresh-id_token-other-sub',
    group: 'refresh',
    needs: '--refresh',
    args: ['--refresh'],
    refreshToken: true,
    refreshIdToken: (t) => { t.claims.sub = 'someone-else'; },
    expect: error('subject_mismatch'),
    check: (ctx) => [['exactly one refresh_token grant', ctx.requests.filter((r) => r.form?.grant_type === 'refresh_token').length === 1]],
  },
  {
    id: 'refresh-id_token-other-iss',
    group: 'refresh',
    needs: '--refresh',
    args: ['--refresh'],
    refreshToken: true,
    refreshIdToken: (t, ctx) => { t.claims.iss = `${ctx.opBase}/evil-issuer`; },
    // The ID-token validator compares iss with the configured issuer before the session compares
    // it with the sign-in's ID token, so the first check to fail names it.
    expect: error('id_token_issuer_mismatch'),
    check: (ctx) => [['exactly one refresh_token grant', ctx.requests.filter((r) => r.form?.grant_type === 'refresh_token').length === 1]],
  },
];
