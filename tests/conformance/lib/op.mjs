// The hostile OpenID Provider: one HTTP server on 127.0.0.1 that serves many scenarios, each under
// its own issuer URL http://127.0.0.1:PORT/<scenario-id>. Every scenario starts as a strict, correct
// OP (discovery, auto-approved /authorize with PKCE, /token, /jwks, /userinfo) that a scenario's hooks
// then bend. Every request is recorded per scenario, so the runner can assert what the client did
// and, above all, what it did NOT do. Client mistakes the OP notices (a bad PKCE verifier, a reused
// code, a secret from a public client...) are recorded as violations.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

import { compactJws, publicJwk, randomToken, tokenHash } from './jws.mjs';

export const CLIENT_ID = 'concierge-conformance';

// Signers by name: which key, which alg, which kid the OP publishes for it.
export const SIGNERS = {
  rsaA: { alg: 'RS256', kid: 'rsa-a' },
  rsaP: { alg: 'PS256', kid: 'rsa-p' },
  ec: { alg: 'ES256', kid: 'ec-1' },
  ed: { alg: 'EdDSA', kid: 'ed-1' },
};

const MAX_BODY = 1024 * 1024;

function defaultJwks(keys) {
  return {
    keys: Object.entries(SIGNERS).map(([name, s]) => publicJwk(keys[name], { kid: s.kid, use: 'sig', alg: s.alg })),
  };
}

function defaultDiscovery(issuer, clientBase) {
  return {
    issuer,
    authorization_endpoint: `${clientBase}/authorize`,
    token_endpoint: `${clientBase}/token`,
    jwks_uri: `${clientBase}/jwks`,
    userinfo_endpoint: `${clientBase}/userinfo`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'name', 'email', 'email_verified'],
    authorization_response_iss_parameter_supported: true,
  };
}

// Token and userinfo answers are no-store (RFC 6749 §5.1); discovery and JWKS are cacheable, as
// real providers serve them, so that a refetch is the client's own decision.
function send(res, status, body, { contentType = 'application/json', headers = {}, cache = 'no-store' } = {}) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': bytes.length, 'Cache-Control': cache, ...headers });
  res.end(bytes);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new Error('request body too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const s256 = (verifier) => createHash('sha256').update(Buffer.from(verifier, 'ascii')).digest('base64url');

// Per-scenario state and the helpers scenario hooks use.
class ScenarioContext {
  constructor(op, scenario) {
    this.scenario = scenario;
    this.id = scenario.id;
    this.keys = op.keys;
    this.clientId = CLIENT_ID;
    this.issuer = `${op.base}/${scenario.id}`;
    this.base = this.issuer; // where this scenario's endpoints live
    this.opBase = op.base;
    this.sub = scenario.sub ?? `${scenario.id}.user`;
    this.requests = []; // every request received, in order
    this.violations = []; // client behaviour the OP found wrong
    this.codes = new Map();
    this.refreshTokens = new Map();
    this.accessTokens = new Set();
    this.secrets = []; // everything that must never show up in the CLI's output
    this.idTokens = []; // { compact, alg, publicKey, grant } for the jose cross-check
    this.jwksFetches = 0;
    this.authTime = Math.floor(Date.now() / 1000) - 5;
  }

  hits(endpoint, method) {
    return this.requests.filter((r) => r.endpoint === endpoint && (!method || r.method === method)).length;
  }

  // Switch a token description to another signer (key, alg, kid) and refresh its at_hash.
  useSigner(t, name, { kid } = {}) {
    const s = SIGNERS[name] ?? { alg: 'RS256', kid: name };
    t.key = this.keys[name].privateKey;
    t.publicKey = this.keys[name].publicKey;
    t.alg = s.alg;
    t.header.alg = s.alg;
    t.header.kid = kid === undefined ? s.kid : kid;
    if (kid === null) delete t.header.kid;
    if (t.accessToken && 'at_hash' in t.claims) t.claims.at_hash = tokenHash(s.alg, t.accessToken);
    return t;
  }

  violation(what) {
    this.violations.push(what);
  }
}

export async function startOp({ keys, scenarios }) {
  const op = { keys, contexts: new Map(), stray: [] };
  const server = createServer((req, res) => {
    handle(op, req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, { error: 'server_error', error_description: 'hostile OP bug' });
      process.stderr.write(`op: ${err.stack}\n`);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  op.base = `http://127.0.0.1:${server.address().port}`;
  for (const s of scenarios) op.contexts.set(s.id, new ScenarioContext(op, s));
  return {
    base: op.base,
    context: (id) => op.contexts.get(id),
    stray: op.stray,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function handle(op, req, res) {
  const url = new URL(req.url, op.base);
  const [, first, ...rest] = url.pathname.split('/');
  const ctx = op.contexts.get(decodeURIComponent(first ?? ''));
  const body = await readBody(req);
  if (!ctx) {
    op.stray.push(`${req.method} ${url.pathname}`);
    return send(res, 404, { error: 'not_found' });
  }
  const endpoint = `/${rest.join('/')}`;
  const contentType = req.headers['content-type'] ?? '';
  const form = contentType.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body) : null;
  const record = {
    method: req.method,
    endpoint,
    query: Object.fromEntries(url.searchParams),
    form: form ? Object.fromEntries(form) : null,
    authorization: req.headers.authorization ?? null,
    contentType,
    at: Date.now(),
  };
  ctx.requests.push(record);
  const s = ctx.scenario;

  if (endpoint === '/.well-known/openid-configuration') {
    let doc = defaultDiscovery(ctx.issuer, ctx.base);
    if (s.jwksPath) doc.jwks_uri = `${ctx.base}${s.jwksPath}`;
    if (s.discovery) doc = s.discovery(doc, ctx) ?? doc;
    return send(res, 200, doc, { cache: 'public, max-age=300' });
  }
  if (endpoint === '/authorize') return authorize(ctx, url, res);
  if (endpoint === '/token') return token(ctx, req, form, record, res);
  if (endpoint === (s.jwksPath ? s.jwksPath.split('?')[0] : '/jwks')) {
    const index = ctx.jwksFetches++;
    let doc = defaultJwks(ctx.keys);
    if (s.jwks) doc = s.jwks(doc, index, ctx) ?? doc;
    return send(res, 200, doc, { contentType: 'application/jwk-set+json', cache: 'public, max-age=300' });
  }
  if (endpoint === '/userinfo') return userinfo(ctx, req, url, form, res);
  // Served so that a client that follows header jku / x5u would find something: it must never come.
  if (endpoint === '/attacker/jwks') {
    return send(res, 200, { keys: [publicJwk(ctx.keys.attacker, { kid: 'attacker', use: 'sig', alg: 'RS256' })] });
  }
  if (endpoint === '/attacker/cert.pem') {
    return send(res, 200, ctx.keys.attacker.publicKey.export({ type: 'spki', format: 'pem' }), { contentType: 'application/pem-certificate-chain' });
  }
  return send(res, 404, { error: 'not_found' });
}

function authorize(ctx, url, res) {
  const q = url.searchParams;
  const need = (cond, what) => { if (!cond) ctx.violation(`authorize: ${what}`); };
  need(q.get('response_type') === 'code', `response_type is ${q.get('response_type')}`);
  need(q.get('client_id') === CLIENT_ID, 'wrong client_id');
  need(q.get('code_challenge_method') === 'S256', 'PKCE method is not S256');
  need(/^[A-Za-z0-9_-]{43}$/.test(q.get('code_challenge') ?? ''), 'code_challenge is not a base64url SHA-256');
  need((q.get('state') ?? '').length >= 16, 'state missing or short');
  need((q.get('nonce') ?? '').length >= 16, 'nonce missing or short');
  need((q.get('scope') ?? '').split(' ').includes('openid'), 'scope without openid');
  need(!q.has('client_secret'), 'client_secret in the authorization URL');
  for (const name of new Set(q.keys())) need(q.getAll(name).length === 1, `parameter ${name} repeated`);
  let redirect;
  try {
    redirect = new URL(q.get('redirect_uri') ?? '');
  } catch {
    ctx.violation('authorize: redirect_uri is not a URL');
    return send(res, 400, { error: 'invalid_request' });
  }
  need(redirect.protocol === 'http:' && ['127.0.0.1', '[::1]'].includes(redirect.hostname) && redirect.port !== '',
    'redirect_uri is not an http loopback IP literal with a port');

  const code = randomToken();
  ctx.codes.set(code, {
    used: false,
    redirectUri: q.get('redirect_uri'),
    challenge: q.get('code_challenge'),
    nonce: q.get('nonce'),
    scope: q.get('scope'),
  });
  ctx.secrets.push(code);
  const params = { code, state: q.get('state'), iss: ctx.issuer };
  if (ctx.scenario.authorize) ctx.scenario.authorize(params, ctx);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) redirect.searchParams.append(name, value);
  }
  res.writeHead(302, { Location: redirect.href, 'Cache-Control': 'no-store', 'Content-Length': 0 });
  res.end();
}

// The ID token description that scenario hooks bend before it is signed.
function idTokenDescription(ctx, { nonce, accessToken, grant }) {
  const now = Math.floor(Date.now() / 1000);
  const t = {
    header: { typ: 'JWT' },
    claims: {
      iss: ctx.issuer,
      sub: ctx.sub,
      aud: CLIENT_ID,
      exp: now + 600,
      iat: now,
      auth_time: ctx.authTime,
      nonce,
      at_hash: '',
    },
    accessToken,
    grant,
    now,
  };
  if (grant === 'refresh_token') delete t.claims.nonce; // OIDC Core §12.2: no nonce on refresh
  ctx.useSigner(t, ctx.scenario.signer ?? 'rsaA');
  return t;
}

function issue(ctx, { nonce, scope, grant }) {
  const s = ctx.scenario;
  const accessToken = randomToken();
  ctx.accessTokens.add(accessToken);
  ctx.secrets.push(accessToken);
  const t = idTokenDescription(ctx, { nonce, accessToken, grant });
  const hook = grant === 'refresh_token' ? s.refreshIdToken : s.idToken;
  if (hook) hook(t, ctx);
  const body = { access_token: accessToken, token_type: 'Bearer', expires_in: 300, scope };
  if (!t.omit) {
    body.id_token = compactJws(t);
    ctx.secrets.push(body.id_token);
    ctx.idTokens.push({ compact: body.id_token, alg: t.alg, publicKey: t.publicKey, grant });
  }
  if (s.refreshToken) {
    const rt = randomToken();
    ctx.refreshTokens.set(rt, { scope });
    ctx.secrets.push(rt);
    body.refresh_token = rt;
  }
  return body;
}

function token(ctx, req, form, record, res) {
  const s = ctx.scenario;
  const fail = (what, status = 400, error = 'invalid_grant') => {
    ctx.violation(`token: ${what}`);
    return send(res, status, { error, error_description: what });
  };
  if (req.method !== 'POST') return fail(`method ${req.method}`, 405, 'invalid_request');
  if (!form) return fail('body is not application/x-www-form-urlencoded', 400, 'invalid_request');
  if (record.authorization) return fail('Authorization header from a public client', 400, 'invalid_client');
  if ('client_secret' in record.form) return fail('client_secret from a public client', 400, 'invalid_client');
  if (form.get('client_id') !== CLIENT_ID) return fail('client_id missing or wrong', 400, 'invalid_client');
  for (const name of new Set(form.keys())) if (form.getAll(name).length !== 1) return fail(`parameter ${name} repeated`, 400, 'invalid_request');

  const grant = form.get('grant_type');
  let body;
  if (grant === 'authorization_code') {
    const entry = ctx.codes.get(form.get('code') ?? '');
    if (!entry) return fail('unknown code');
    if (entry.used) return fail('code replayed');
    entry.used = true;
    if (form.get('redirect_uri') !== entry.redirectUri) return fail('redirect_uri differs from the authorization request');
    const verifier = form.get('code_verifier') ?? '';
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return fail('code_verifier missing or malformed');
    if (s256(verifier) !== entry.challenge) return fail('code_verifier does not match the code_challenge');
    body = issue(ctx, { nonce: entry.nonce, scope: entry.scope, grant });
  } else if (grant === 'refresh_token') {
    const entry = ctx.refreshTokens.get(form.get('refresh_token') ?? '');
    if (!entry) return fail('unknown refresh_token');
    body = issue(ctx, { scope: entry.scope, grant });
  } else {
    return fail(`grant_type ${grant}`, 400, 'unsupported_grant_type');
  }
  const override = s.tokenResponse ? s.tokenResponse(body, ctx, grant) : undefined;
  if (!override) return send(res, 200, body);
  const payload = override.raw ?? override.json ?? body;
  return send(res, override.status ?? 200, payload, { contentType: override.contentType ?? 'application/json', headers: override.headers });
}

function userinfo(ctx, req, url, form, res) {
  if (url.searchParams.has('access_token') || (form && form.has('access_token'))) {
    ctx.violation('userinfo: access token sent in the query or the body');
  }
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(req.headers.authorization ?? '');
  if (!match || !ctx.accessTokens.has(match[1])) {
    return send(res, 401, { error: 'invalid_token' }, { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
  }
  let claims = {
    sub: ctx.sub,
    name: 'Aiko Tanaka',
    given_name: 'Aiko',
    family_name: 'Tanaka',
    email: 'aiko@example.com',
    email_verified: true,
    locale: 'ja-JP',
  };
  if (ctx.scenario.userinfo) claims = ctx.scenario.userinfo(claims, ctx) ?? claims;
  return send(res, 200, claims);
}
