// Social sign-in for the dev IdP: two upstream "social" OpenID Providers ("Google (dev)" and
// "Apple (dev)"), each a separate oidc-provider instance on its own loopback port with its own demo
// accounts, and the broker side of the dev IdP, which is an ordinary OIDC relying party of each
// upstream (authorization code + PKCE S256, state, nonce; the upstream ID token is verified with
// `jose` against the upstream's JWKS fetched over HTTP).
//
// Broker flow (all in the shopper's browser):
//   login page "Continue with X" (POST /interaction/:uid/social/:idp), or the authorization request's
//   idp_hint=X  ->  upstream /auth  ->  upstream account chooser  ->  GET /social/callback (code, state)
//   ->  code exchanged, ID token verified, account found/linked/created  ->  GET
//   /interaction/:uid/federated?handle=H (carries the broker's interaction cookie)  ->  login done.
// A social identity with a VERIFIED email equal to a shopper's is linked to that shopper (same sub).

import { createServer } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';

import * as jose from 'jose';

import { accountForUpstream } from './accounts.mjs';
import { languageFor, readForm } from './interactions.mjs';
import { errorPage, upstreamChooserPage } from './views.mjs';

const BROKER_CLIENT_ID = 'concierge-dev-idp';
const PENDING_TTL_MS = 10 * 60 * 1000;

/** The upstreams and their demo accounts. The passwords-free chooser stands in for each provider's login. */
export const UPSTREAMS = [
  {
    id: 'google',
    name: 'Google (dev)',
    mark: 'G',
    color: '#1a73e8',
    accounts: [
      // Same verified email as the shopper aiko@example.com: linked to her account.
      { sub: '104958373626188120001', email: 'aiko@example.com', email_verified: true, name: 'Aiko Tanaka', given_name: 'Aiko', family_name: 'Tanaka' },
      // Nobody at the dev IdP has this address: a new shopper account is created.
      { sub: '104958373626188120002', email: 'sora.yamada@gmail.example', email_verified: true, name: 'Sora Yamada', given_name: 'Sora', family_name: 'Yamada' },
      // Same address as ken@example.com but NOT verified upstream: never linked, a new account instead.
      { sub: '104958373626188120003', email: 'ken@example.com', email_verified: false, name: 'Ken Sato', given_name: 'Ken', family_name: 'Sato' },
    ],
  },
  {
    id: 'apple',
    name: 'Apple (dev)',
    mark: '',
    color: '#111111',
    // Like Sign in with Apple: the name is given once, on the first sign-in of an account, never again.
    nameOnlyOnce: true,
    accounts: [
      { sub: '001873.5c2e4f0b7d9a4e1c.0101', email: 'emma@example.com', email_verified: true, name: 'Emma Clarke', given_name: 'Emma', family_name: 'Clarke' },
      // A "Hide My Email" relay address: a new account.
      { sub: '001873.5c2e4f0b7d9a4e1c.0202', email: 'x7k2p9qr@privaterelay.appleid.example', email_verified: true, name: 'Haruto Mori', given_name: 'Haruto', family_name: 'Mori' },
    ],
  },
];

function sendHtml(ctx, html, status = 200) {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'");
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.body = html;
}

const random = (bytes = 32) => randomBytes(bytes).toString('base64url');

// --- an upstream provider --------------------------------------------------------------------------

async function startUpstream({ Provider, def, redirectUri, log }) {
  const server = createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => { server.off('error', rejectListen); resolveListen(); });
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;
  // P-256: made in a millisecond, so the upstreams are up well before anybody clicks.
  const { privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
  const signingKey = { ...(await jose.exportJWK(privateKey)), kid: `${def.id}-1`, use: 'sig', alg: 'ES256' };
  const clientSecret = random(24);
  const byId = new Map(def.accounts.map((a) => [a.sub, a]));
  const nameGiven = new Set(); // nameOnlyOnce: accounts whose name went out in an ID token already

  const provider = new Provider(issuer, {
    clients: [{
      client_id: BROKER_CLIENT_ID,
      client_secret: clientSecret,
      client_name: 'Concierge dev IdP',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    }],
    findAccount: async (_ctx, sub) => {
      const account = byId.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async (use) => {
          const claims = structuredClone(account);
          if (def.nameOnlyOnce && use === 'id_token') {
            if (nameGiven.has(sub)) for (const name of ['name', 'given_name', 'family_name']) delete claims[name];
            nameGiven.add(sub);
          }
          return claims;
        },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name'] },
    scopes: ['openid', 'email', 'profile'],
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    jwks: { keys: [signingKey] },
    cookies: { keys: [random()] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 3600, Session: 3600, Grant: 3600,
    },
    renderError: async (ctx, out) => {
      sendHtml(ctx, errorPage({ lang: languageFor(ctx), details: { error: out.error, error_description: out.error_description } }), ctx.status || 400);
    },
  });
  provider.on('server_error', (_ctx, err) => log(`${def.id} upstream server error:`, err?.stack ?? err));

  const brand = { name: def.name, tagline: issuer, mark: def.mark || def.name[0], color: def.color };
  const ROUTE = /^\/interaction\/([\w-]+)(?:\/(choose|abort))?\/?$/;
  provider.use(async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (!match) return next();
    const [, uid, action] = match;
    let details;
    try {
      details = await provider.interactionDetails(ctx.req, ctx.res);
      if (details.uid !== uid) throw new Error('uid mismatch');
    } catch {
      sendHtml(ctx, errorPage({ lang: languageFor(ctx), expired: true }), 400);
      return undefined;
    }
    const { params, prompt } = details;
    const lang = languageFor(ctx, { uiLocales: params.ui_locales });
    const finish = async (result) => {
      const to = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
      ctx.status = 303;
      ctx.redirect(to);
    };
    if (action === 'abort' && ctx.method === 'POST') {
      return finish({ error: 'access_denied', error_description: 'End-User cancelled at the upstream' });
    }
    // The broker is a first-party client of this upstream: choosing an account also grants the scopes.
    const grantFor = async (accountId) => {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId, clientId: params.client_id });
      grant.addOIDCScope(String(params.scope ?? 'openid'));
      return grant.save();
    };
    if (action === 'choose' && ctx.method === 'POST') {
      const form = await readForm(ctx);
      const accountId = form.get('account') ?? '';
      if (!byId.has(accountId)) {
        sendHtml(ctx, errorPage({ lang, details: { error: 'invalid_request', error_description: 'unknown account' } }), 400);
        return undefined;
      }
      return finish({ login: { accountId }, consent: { grantId: await grantFor(accountId) } });
    }
    if (!action && ctx.method === 'GET') {
      if (prompt.name === 'consent' && details.session?.accountId) {
        return finish({ consent: { grantId: await grantFor(details.session.accountId) } });
      }
      const accounts = def.accounts.map((a) => ({ sub: a.sub, email: a.email, name: a.name, verified: a.email_verified }));
      sendHtml(ctx, upstreamChooserPage({ lang, uid, brand, clientName: 'Concierge dev IdP', accounts }));
      return undefined;
    }
    ctx.status = 405;
    return undefined;
  });
  server.on('request', provider.callback());

  return {
    id: def.id,
    name: def.name,
    issuer,
    clientId: BROKER_CLIENT_ID,
    clientSecret,
    authorizationEndpoint: provider.urlFor('authorization'),
    tokenEndpoint: provider.urlFor('token'),
    jwks: jose.createRemoteJWKSet(new URL(provider.urlFor('jwks'))),
    close: () => { server.closeAllConnections(); server.close(); },
  };
}

// --- the broker --------------------------------------------------------------------------------------

/**
 * Starts the upstreams in the background (`ready` resolves once they listen; every route that needs
 * them waits for it, so the IdP's ready line is not delayed) and returns the broker's pieces: Koa
 * middleware for the broker routes, a login hook that follows an `idp_hint`, the button list and the
 * URLs for /__dev/services.
 */
export function startSocial({ Provider, brokerProvider, issuer, log }) {
  const redirectUri = `${issuer}/social/callback`;
  const upstreams = new Map();
  const ready = Promise.all(UPSTREAMS.map((def) => startUpstream({ Provider, def, redirectUri, log })))
    .then((list) => { for (const u of list) upstreams.set(u.id, u); });
  ready.catch((err) => log(`social upstreams failed to start: ${err?.stack ?? err}`));
  const started = new Map(); // state -> { uid, idp, verifier, nonce, expires }
  const finished = new Map(); // handle -> { uid, idp, accountId, expires }
  const sweep = () => {
    const now = Date.now();
    for (const map of [started, finished]) for (const [k, v] of map) if (v.expires < now) map.delete(k);
  };

  /** Sends the browser to the upstream's authorization endpoint. */
  function goUpstream(ctx, uid, idp, params) {
    sweep();
    const upstream = upstreams.get(idp);
    const state = random();
    const nonce = random();
    const verifier = random();
    started.set(state, { uid, idp, verifier, nonce, expires: Date.now() + PENDING_TTL_MS });
    const url = new URL(upstream.authorizationEndpoint);
    url.search = new URLSearchParams({
      client_id: upstream.clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...(params.ui_locales ? { ui_locales: params.ui_locales } : {}),
    }).toString();
    ctx.status = 303;
    ctx.set('Cache-Control', 'no-store');
    ctx.redirect(url.href);
  }

  async function callback(ctx) {
    sweep();
    const state = String(ctx.query.state ?? '');
    const pending = started.get(state);
    started.delete(state); // single use, whatever happens next
    if (!pending) {
      sendHtml(ctx, errorPage({ lang: languageFor(ctx), expired: true }), 400);
      return;
    }
    const upstream = upstreams.get(pending.idp);
    const back = (query) => {
      ctx.status = 303;
      ctx.set('Cache-Control', 'no-store');
      ctx.redirect(`/interaction/${encodeURIComponent(pending.uid)}${query}`);
    };
    try {
      if (ctx.query.error) throw new Error(`upstream answered ${String(ctx.query.error).slice(0, 40)}`);
      // RFC 9207: the response names its issuer.
      if (ctx.query.iss !== undefined && ctx.query.iss !== upstream.issuer) throw new Error('iss mismatch');
      const code = String(ctx.query.code ?? '');
      if (!code) throw new Error('no code');
      const res = await fetch(upstream.tokenEndpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(upstream.clientId)}:${encodeURIComponent(upstream.clientSecret)}`).toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: pending.verifier,
        }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok || typeof body.id_token !== 'string') throw new Error(`token endpoint answered HTTP ${res.status} ${body.error ?? ''}`);
      const { payload } = await jose.jwtVerify(body.id_token, upstream.jwks, {
        issuer: upstream.issuer, audience: upstream.clientId, algorithms: ['ES256'], maxTokenAge: '10m',
      });
      if (payload.nonce !== pending.nonce) throw new Error('nonce mismatch');
      if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('no sub');
      const account = await accountForUpstream(pending.idp, payload.sub, payload);
      log(`social: ${pending.idp} sign-in ${account.linked ? 'linked to an existing account by verified email' : account.created ? 'created a new account' : 'used its linked account'}`);
      const handle = random();
      finished.set(handle, { uid: pending.uid, idp: pending.idp, accountId: account.sub, expires: Date.now() + PENDING_TTL_MS });
      back(`/federated?handle=${handle}`);
    } catch (err) {
      log(`social: ${pending.idp} sign-in failed: ${err.code ?? err.message}`);
      back(`?social_error=${encodeURIComponent(pending.idp)}`);
    }
  }

  const START = /^\/interaction\/([\w-]+)\/social\/([\w-]+)\/?$/;
  const FEDERATED = /^\/interaction\/([\w-]+)\/federated\/?$/;

  async function routes(ctx, next) {
    const start = START.exec(ctx.path);
    const federated = FEDERATED.exec(ctx.path);
    if (ctx.path !== '/social/callback' && !start && !federated) return next();
    try {
      await ready;
    } catch {
      ctx.status = 503;
      return undefined;
    }
    if (ctx.path === '/social/callback') {
      if (ctx.method !== 'GET') { ctx.status = 405; return undefined; }
      return callback(ctx);
    }
    const uid = (start ?? federated)[1];
    let details;
    try {
      details = await brokerProvider.interactionDetails(ctx.req, ctx.res);
      if (details.uid !== uid || details.prompt.name !== 'login') throw new Error('not a login');
    } catch {
      sendHtml(ctx, errorPage({ lang: languageFor(ctx), expired: true }), 400);
      return undefined;
    }
    if (start) {
      if (ctx.method !== 'POST') { ctx.status = 405; return undefined; }
      if (!upstreams.has(start[2])) { ctx.status = 404; return undefined; }
      return goUpstream(ctx, uid, start[2], details.params);
    }
    if (ctx.method !== 'GET') { ctx.status = 405; return undefined; }
    const handle = String(ctx.query.handle ?? '');
    const done = finished.get(handle);
    finished.delete(handle);
    if (!done || done.uid !== uid || done.expires < Date.now()) {
      sendHtml(ctx, errorPage({ lang: languageFor(ctx), expired: true }), 400);
      return undefined;
    }
    const to = await brokerProvider.interactionResult(ctx.req, ctx.res,
      { login: { accountId: done.accountId, amr: ['fed'] } }, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.set('Cache-Control', 'no-store');
    ctx.redirect(to);
    return undefined;
  }

  /** Login hook: an authorization request with idp_hint=<upstream id> skips the login page. */
  async function followHint({ ctx, details, uid }) {
    const hint = details.params.idp_hint;
    if (typeof hint !== 'string' || !UPSTREAMS.some((u) => u.id === hint)) return false;
    await ready;
    goUpstream(ctx, uid, hint, details.params);
    return true;
  }

  return {
    ready,
    routes,
    followHint,
    providers: () => UPSTREAMS.map(({ id, name }) => ({ id, name })),
    services: () => Object.fromEntries([...upstreams.values()].map((u) => [u.id, { name: u.name, issuer: u.issuer }])),
    close: () => { ready.then(() => { for (const u of upstreams.values()) u.close(); }, () => {}); },
  };
}
