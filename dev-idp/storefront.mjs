// The storefront API: a small JSON resource server mounted on the dev IdP's own server under
// /storefront/v1 (same process, so it shares the accounts and the provider's token state).
// See README.md "Storefront API" for endpoints, tokens and data.
//
// It checks access tokens the way a separate resource server would: a JWT signed with a key of the
// IdP's JWKS, issuer, audience (the storefront URL), type at+jwt and expiry; a DPoP-bound token
// (cnf.jkt) only with a valid DPoP proof (RFC 9449). A JWT cannot be revoked by its signature alone,
// so the API also checks in process that it issued the token and that the token's grant still exists
// in the provider's store: after a revocation, a grant revocation (e.g. its refresh token revoked) or
// "Delete my account" the token is refused.

import { createHash } from 'node:crypto';

import {
  EmbeddedJWK, calculateJwkThumbprint, createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors,
  jwtVerify,
} from 'jose';

import { claimsOf, deleteAccount } from './accounts.mjs';
import { pickLanguage } from './i18n.mjs';
import {
  addToCart, birthdateOf, cartOf, deleteShopperData, listProducts, loyaltyOf, offersOf,
} from './storefront-data.mjs';

export const STOREFRONT_PATH = '/storefront';
const API = `${STOREFRONT_PATH}/v1`;
/** Clients whose access tokens are for the storefront without asking (resource indicator default). */
export const STOREFRONT_CLIENTS = new Set(['storefront-kiosk', 'storefront-mobile']);
/** Scopes an access token for the storefront can carry (the rest of a request goes to the ID token). */
export const STOREFRONT_SCOPES = ['profile', 'email', 'phone', 'storefront.birthday'];
const TOKEN_ALGS = ['ES256', 'RS256', 'PS256', 'EdDSA'];
const DPOP_ALGS = ['ES256', 'RS256', 'PS256', 'EdDSA'];
const DPOP_IAT_WINDOW = 60; // seconds either side of now
const BODY_LIMIT = 4 * 1024;
const REALM = 'storefront';

export const storefrontUrlFor = (issuer) => `${issuer}${STOREFRONT_PATH}`;

/**
 * The `features.resourceIndicators` configuration: the storefront is the one resource server. The
 * storefront clients get storefront tokens by default; any client may ask with resource=<url>.
 * Clients that ask for nothing keep opaque tokens for userinfo.
 */
export function resourceIndicators({ storefrontUrl, accessTokenTTL, errors }) {
  return {
    enabled: true,
    defaultResource: async (_ctx, client, oneOf) => {
      if (oneOf) return oneOf.includes(storefrontUrl) ? storefrontUrl : oneOf[0];
      return STOREFRONT_CLIENTS.has(client?.clientId) ? storefrontUrl : undefined;
    },
    // Token and refresh requests need not repeat the resource: the granted one is used.
    useGrantedResource: async () => true,
    getResourceServerInfo: async (_ctx, resourceIndicator) => {
      if (resourceIndicator !== storefrontUrl) throw new errors.InvalidTarget('unknown resource server');
      return {
        scope: STOREFRONT_SCOPES.join(' '),
        audience: storefrontUrl,
        accessTokenFormat: 'jwt',
        accessTokenTTL,
        jwt: { sign: { alg: 'ES256' } },
      };
    },
  };
}

// --- who holds which grants and sessions (for export and delete) ---------------------------------
function trackAccounts(provider) {
  const grants = new Map(); // accountId -> Set(grantId)
  const sessions = new Map(); // accountId -> Set(session id)
  const add = (map, key, value) => {
    if (!key || !value) return;
    if (!map.has(key)) map.set(key, new Set());
    map.get(key).add(value);
  };
  provider.on('grant.saved', (grant) => add(grants, grant.accountId, grant.jti));
  provider.on('session.saved', (session) => add(sessions, session.accountId, session.jti));
  return { grants, sessions };
}

// oidc-provider does not store JWT access tokens (it only signs them), so the API remembers the ones
// this process issued: jti -> { grantId, accountId, exp }. A token missing here was revoked, or
// issued before a restart; a token whose grant is gone was revoked with its grant.
function trackIssuedTokens(provider) {
  const issued = new Map();
  provider.on('access_token.issued', (token) => {
    if (token.format !== 'jwt') return;
    const now = Math.floor(Date.now() / 1000);
    for (const [jti, entry] of issued) if (entry.exp < now) issued.delete(jti);
    issued.set(token.jti, { grantId: token.grantId, accountId: token.accountId, exp: now + token.expiration });
  });
  return issued;
}

/** Revokes a grant with every token and code issued under it (what oidc-provider's revoke does). */
async function revokeGrant(provider, grantId) {
  await Promise.all([
    provider.AccessToken, provider.RefreshToken, provider.AuthorizationCode, provider.DeviceCode,
  ].map((model) => model.adapter.revokeByGrantId(grantId)));
  await provider.Grant.adapter.destroy(grantId);
}

// --- HTTP helpers --------------------------------------------------------------------------------
class ApiError extends Error {
  constructor(status, error, description, { scheme, challenge = false } = {}) {
    super(description);
    Object.assign(this, { status, error, description, scheme, challenge });
  }
}

const invalidToken = (description, scheme) => new ApiError(401, 'invalid_token', description, { scheme, challenge: true });
const invalidProof = (description) => new ApiError(401, 'invalid_dpop_proof', description, { scheme: 'DPoP', challenge: true });

/** WWW-Authenticate challenges (RFC 6750 §3, RFC 9449 §7.1): the error goes with the scheme used. */
function challenges({ scheme, error, description }) {
  const one = (name) => {
    const params = [`realm="${REALM}"`];
    if (error && name === scheme) params.push(`error="${error}"`, `error_description="${description}"`);
    if (name === 'DPoP') params.push(`algs="${DPOP_ALGS.join(' ')}"`);
    return `${name} ${params.join(', ')}`;
  };
  return [one('Bearer'), one('DPoP')];
}

function send(ctx, status, body, { cache = 'no-store' } = {}) {
  ctx.status = status;
  ctx.set('Cache-Control', cache);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.body = body;
}

function languageOf(ctx) {
  const explicit = typeof ctx.query.lang === 'string' ? ctx.query.lang : undefined;
  const lang = pickLanguage({ lang: explicit, acceptLanguage: ctx.get('accept-language') });
  ctx.set('Content-Language', lang);
  ctx.vary('Accept-Language');
  return lang;
}

async function readJson(ctx) {
  if (!ctx.is('application/json')) throw new ApiError(415, 'invalid_request', 'send a JSON body (Content-Type: application/json)');
  const chunks = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new ApiError(413, 'invalid_request', 'body too large');
    chunks.push(chunk);
  }
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch { /* below */ }
  throw new ApiError(400, 'invalid_request', 'the body is not a JSON object');
}

const sha256 = (text) => createHash('sha256').update(text).digest('base64url');

const publicJwks = (jwks) => ({
  keys: jwks.keys.map(({ d, p, q, dp, dq, qi, k, ...pub }) => pub), // eslint-disable-line no-unused-vars
});

function describeJoseError(err) {
  if (err instanceof joseErrors.JWTExpired) return 'the access token has expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return 'the access token is not meant for this API (audience)';
    if (err.claim === 'iss') return 'the access token is from another issuer';
    if (err.claim === 'typ') return 'the token is not an access token (typ must be at+jwt)';
    return `the access token's ${err.claim} claim is not valid`;
  }
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'the access token signature is not valid';
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'the access token is signed with an unknown key';
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'the access token uses a signing algorithm this API does not accept';
  return 'the access token is not a JWT access token for this API';
}

// --- the middleware -------------------------------------------------------------------------------
/**
 * Koa middleware for the provider: the storefront API under /storefront/v1, and revocation of the
 * storefront's JWT access tokens at the revocation endpoint (oidc-provider refuses to revoke
 * structured tokens; the SDK's sign-out revokes the access token too, which must end the grant).
 */
export function storefrontRoutes({ provider, issuer, jwks, stats, revocationPath = '/token/revocation' }) {
  const storefrontUrl = storefrontUrlFor(issuer);
  const keys = createLocalJWKSet(publicJwks(jwks));
  const owners = trackAccounts(provider);
  const issued = trackIssuedTokens(provider);
  const seenProofs = new Map(); // DPoP proof jti -> expiry (epoch seconds)

  async function verifyAccessToken(token, { ignoreExpiration = false } = {}) {
    const { payload } = await jwtVerify(token, keys, {
      issuer, audience: storefrontUrl, typ: 'at+jwt', algorithms: TOKEN_ALGS,
      requiredClaims: ['exp', 'iat', 'jti', 'sub', 'client_id'],
      ...(ignoreExpiration ? { currentDate: new Date(0) } : {}),
    });
    return payload;
  }

  function rememberProof(jti, now) {
    for (const [id, expiry] of seenProofs) if (expiry < now) seenProofs.delete(id);
    if (seenProofs.has(jti)) return false;
    seenProofs.set(jti, now + 2 * DPOP_IAT_WINDOW);
    return true;
  }

  async function checkProof(ctx, token, jkt) {
    const proof = ctx.req.headers.dpop;
    if (!proof) throw invalidProof('a DPoP proof is required for this DPoP-bound token');
    if (proof.includes(',')) throw invalidProof('exactly one DPoP proof is allowed');
    let header;
    let payload;
    try {
      header = decodeProtectedHeader(proof);
      if (!header.jwk || typeof header.jwk !== 'object' || 'd' in header.jwk) throw new Error('no public jwk');
      ({ payload } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: DPOP_ALGS }));
    } catch {
      throw invalidProof('the DPoP proof is not a valid signed dpop+jwt');
    }
    const now = Math.floor(Date.now() / 1000);
    if (payload.htm !== ctx.method) throw invalidProof('htm does not match the request method');
    let htu;
    try {
      const url = new URL(payload.htu);
      htu = `${url.origin}${url.pathname}`;
    } catch {
      throw invalidProof('htu is not a URL');
    }
    if (htu !== `${issuer}${ctx.path}`) throw invalidProof('htu does not match the request URL');
    if (!Number.isInteger(payload.iat) || Math.abs(now - payload.iat) > DPOP_IAT_WINDOW) {
      throw invalidProof(`iat is more than ${DPOP_IAT_WINDOW} s away from now`);
    }
    if (typeof payload.jti !== 'string' || !payload.jti || payload.jti.length > 256) throw invalidProof('jti is missing');
    if (payload.ath !== sha256(token)) throw invalidProof('ath does not match the access token');
    if (await calculateJwkThumbprint(header.jwk, 'sha256') !== jkt) {
      throw invalidProof('the proof key is not the key the token is bound to');
    }
    if (!rememberProof(payload.jti, now)) throw invalidProof('the DPoP proof was already used (replay)');
  }

  /** The caller's verified token: { payload, scopes, claims }, or throws an ApiError (401). */
  async function authenticate(ctx) {
    const header = ctx.get('authorization');
    if (!header) throw new ApiError(401, undefined, undefined, { challenge: true });
    const match = /^(Bearer|DPoP) +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
    if (!match) throw invalidToken('the Authorization header is not "Bearer <token>" or "DPoP <token>"', 'Bearer');
    const scheme = match[1].toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer';
    const token = match[2];

    let payload;
    try {
      payload = await verifyAccessToken(token);
    } catch (err) {
      throw invalidToken(describeJoseError(err), scheme);
    }
    const jkt = payload.cnf?.jkt;
    if (jkt && scheme !== 'DPoP') throw invalidToken('this token is DPoP-bound: send it as "DPoP <token>" with a DPoP proof', 'DPoP');
    if (!jkt && scheme === 'DPoP') throw invalidToken('this token is not DPoP-bound: send it as "Bearer <token>"', 'DPoP');
    if (jkt) await checkProof(ctx, token, jkt);

    // The provider's own state: a revoked token (or grant) is gone from its store.
    const known = issued.get(payload.jti);
    if (!known || known.accountId !== payload.sub || !known.grantId || !await provider.Grant.adapter.find(known.grantId)) {
      throw invalidToken('the access token has been revoked', scheme);
    }
    const claims = await claimsOf(payload.sub);
    if (!claims) throw invalidToken('the shopper\'s account no longer exists', scheme);
    const scopes = new Set(String(payload.scope ?? '').split(' ').filter(Boolean));
    return { payload, scopes, claims, grantId: known.grantId };
  }

  function profile({ payload, scopes, claims }, lang) {
    const me = { sub: payload.sub, loyalty: loyaltyOf(payload.sub, claims) };
    if (scopes.has('profile')) {
      me.name = (lang === 'ja' && claims['name#ja-Jpan-JP']) || claims.name;
      me.given_name = (lang === 'ja' && claims['given_name#ja-Jpan-JP']) || claims.given_name;
      me.locale = claims.locale;
    }
    if (scopes.has('email')) Object.assign(me, { email: claims.email, email_verified: claims.email_verified });
    if (scopes.has('phone') && claims.phone_number) {
      Object.assign(me, { phone_number: claims.phone_number, phone_number_verified: Boolean(claims.phone_number_verified) });
    }
    if (scopes.has('storefront.birthday') && birthdateOf(payload.sub)) me.birthdate = birthdateOf(payload.sub);
    me.scope = [...scopes].join(' ');
    return me;
  }

  const offers = (caller, lang) => offersOf(caller.payload.sub, lang, { birthday: caller.scopes.has('storefront.birthday') });

  async function consents(sub) {
    const list = [];
    for (const grantId of owners.grants.get(sub) ?? []) {
      const grant = await provider.Grant.find(grantId);
      if (!grant) continue;
      const client = await provider.Client.find(grant.clientId);
      list.push({
        client_id: grant.clientId,
        client_name: client?.clientName ?? grant.clientId,
        scope: grant.openid?.scope ?? '',
        resources: Object.fromEntries(Object.entries(grant.resources ?? {}).map(([url, scope]) => [url, scope])),
        granted_at: new Date(grant.iat * 1000).toISOString(),
        expires_at: grant.exp ? new Date(grant.exp * 1000).toISOString() : null,
      });
    }
    return list;
  }

  async function deleteShopper(sub) {
    const grantIds = [...owners.grants.get(sub) ?? []];
    const sessionIds = [...owners.sessions.get(sub) ?? []];
    await deleteAccount(sub);
    deleteShopperData(sub);
    for (const grantId of grantIds) await revokeGrant(provider, grantId);
    for (const id of sessionIds) await provider.Session.adapter.destroy(id);
    owners.grants.delete(sub);
    owners.sessions.delete(sub);
    return { grants: grantIds.length, sessions: sessionIds.length };
  }

  const routes = {
    'GET /products': { public: true, handle: (ctx, _c, lang) => send(ctx, 200, listProducts(lang), { cache: 'public, max-age=60' }) },
    'GET /me': { handle: (ctx, caller, lang) => send(ctx, 200, profile(caller, lang)) },
    'GET /me/cart': { handle: (ctx, caller, lang) => send(ctx, 200, cartOf(caller.payload.sub, lang)) },
    'GET /me/offers': { handle: (ctx, caller, lang) => send(ctx, 200, offers(caller, lang)) },
    'POST /me/cart/items': {
      handle: async (ctx, caller, lang) => {
        const body = await readJson(ctx);
        const quantity = body.quantity === undefined ? 1 : body.quantity;
        const result = addToCart(caller.payload.sub, String(body.product_id ?? ''), quantity, lang);
        if (result.error) throw new ApiError(400, result.error, result.description);
        send(ctx, 200, result.cart);
      },
    },
    'GET /me/export': {
      handle: async (ctx, caller, lang) => {
        const sub = caller.payload.sub;
        const date = new Date().toISOString();
        const withheld = [
          ...(caller.scopes.has('phone') ? [] : ['phone_number (scope phone)']),
          ...(caller.scopes.has('storefront.birthday') ? [] : ['birthdate (scope storefront.birthday)']),
        ];
        ctx.set('Content-Disposition', `attachment; filename="concierge-my-data-${date.slice(0, 10)}.json"`);
        send(ctx, 200, {
          format: 'concierge-storefront-export/1',
          exported_at: date,
          issuer,
          profile: profile(caller, lang),
          cart: cartOf(sub, lang),
          offers: offers(caller, lang).offers,
          consents: await consents(sub),
          withheld,
        });
      },
    },
    'DELETE /me': {
      handle: async (ctx, caller) => {
        const ended = await deleteShopper(caller.payload.sub);
        send(ctx, 200, { status: 'deleted', sub: caller.payload.sub, grants_revoked: ended.grants, sessions_ended: ended.sessions });
      },
    },
  };
  const allowed = (path) => Object.keys(routes).filter((k) => k.endsWith(` ${path}`)).map((k) => k.split(' ')[0]);

  async function api(ctx) {
    const path = ctx.path.slice(API.length) || '/';
    const route = routes[`${ctx.method === 'HEAD' ? 'GET' : ctx.method} ${path.replace(/\/$/, '') || '/'}`];
    try {
      if (!route) {
        const methods = allowed(path.replace(/\/$/, ''));
        if (methods.length) {
          ctx.set('Allow', methods.join(', '));
          throw new ApiError(405, 'method_not_allowed', `use ${methods.join(' or ')}`);
        }
        throw new ApiError(404, 'not_found', 'no such storefront endpoint');
      }
      const lang = languageOf(ctx);
      const caller = route.public ? undefined : await authenticate(ctx);
      await route.handle(ctx, caller, lang);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.challenge) ctx.set('WWW-Authenticate', challenges(err));
      const body = err.error ? { error: err.error, error_description: err.description } : { error: 'unauthorized', error_description: 'an access token for the storefront is required' };
      send(ctx, err.status, body);
    }
  }

  // RFC 7009 for the storefront's JWT access tokens (public clients, their own tokens), which
  // oidc-provider refuses to revoke (unsupported_token_type). Anything else goes on untouched.
  async function revocation(ctx, next) {
    if (!ctx.is('application/x-www-form-urlencoded')) return next();
    const chunks = [];
    let size = 0;
    for await (const chunk of ctx.req) {
      size += chunk.length;
      if (size > 64 * 1024) ctx.throw(413);
      chunks.push(chunk);
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    const params = new URLSearchParams(raw);
    const token = params.get('token') ?? '';
    const clientId = params.get('client_id');
    let payload;
    try {
      if (token.split('.').length === 3 && clientId && !ctx.get('authorization')) {
        if ([].concat(decodeJwt(token).aud).includes(storefrontUrl)) {
          payload = await verifyAccessToken(token, { ignoreExpiration: true });
        }
      }
    } catch {
      payload = undefined;
    }
    const client = payload ? await provider.Client.find(clientId) : undefined;
    if (!payload || !client || client.clientAuthMethod !== 'none' || payload.client_id !== clientId) {
      ctx.req.body = raw; // handed to oidc-provider as an already-parsed body (see offline-access.mjs)
      return next();
    }
    // Like oidc-provider's default revokeGrantPolicy for access tokens: this token only, not its grant.
    issued.delete(payload.jti);
    stats?.record('revocation', undefined, 200);
    ctx.status = 200;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = '';
    return undefined;
  }

  return async function storefront(ctx, next) {
    if (ctx.path === STOREFRONT_PATH || ctx.path.startsWith(`${STOREFRONT_PATH}/`)) {
      if (ctx.path === API || ctx.path.startsWith(`${API}/`)) return api(ctx);
      return send(ctx, 404, { error: 'not_found', error_description: `the storefront API is under ${API}` });
    }
    if (ctx.path === revocationPath && ctx.method === 'POST') return revocation(ctx, next);
    return next();
  };
}
