// Passwordless sign-in by email (magic link or 6-digit code), in Auth0's shape:
//
//   POST /passwordless/start   {client_id, connection:"email", email, send:"link"|"code",
//                               authParams:{redirect_uri, scope, state, nonce, code_challenge,
//                               code_challenge_method, ui_locales, ...}}
//     -> 200 {_id, email, email_verified:false[, device_binding_uri]}; 429 per address when rate-limited.
//   GET  /passwordless/device?binding=B   the requesting device's browser (the SDK opens it) gets a
//                               device cookie: the link opened in THIS browser continues here.
//   GET  /passwordless/verify?token=T    a page asking for a click; consumes nothing (mail scanners GET).
//   POST /passwordless/verify  token=T   consumes the link (single use, TTL DEV_IDP_MAGIC_LINK_TTL,
//                               default 600 s). Same device: continues the real oidc-provider
//                               authorization made with the stored authParams (prompt=login and a
//                               one-time ticket that the login step accepts as this email's owner), so
//                               the code, its PKCE binding and the ID token are ordinary ones. Another
//                               device: shows a 6-digit code to type on the device that asked.
//   token endpoint, grant_type http://auth0.com/oauth/grant-type/passwordless/otp, with username, otp,
//                               realm=email and (when the start carried a code_challenge) code_verifier:
//                               redeems the mailed code (send:"code") or the code shown on another
//                               device. 5 wrong attempts end the request (too_many_attempts).
//
// Secrets (link tokens, device bindings, tickets, codes) are kept as SHA-256 hashes only and never
// logged; request logs (DEV_IDP_LOG_REQUESTS) print paths, never queries.

import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

import { accountForVerifiedEmail, findAccount } from './accounts.mjs';
import { pickLanguage, t } from './i18n.mjs';
import { languageFor, readForm } from './interactions.mjs';
import { escapeHtml, magicCodePage, magicConfirmPage, magicErrorPage, magicWaitPage } from './views.mjs';

export const OTP_GRANT = 'http://auth0.com/oauth/grant-type/passwordless/otp';
const MAX_OTP_ATTEMPTS = 5;
const TICKET_TTL_MS = 2 * 60 * 1000;
const BODY_LIMIT = 16 * 1024;
const DEVICE_COOKIE = 'dev_idp_device';
// authParams forwarded to the authorization request; anything else is ignored (as Auth0 does).
const AUTH_PARAMS = ['redirect_uri', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method',
  'ui_locales', 'max_age', 'acr_values', 'claims', 'resource'];

const random = (bytes = 32) => randomBytes(bytes).toString('base64url');
const sha256 = (value) => createHash('sha256').update(String(value)).digest();
const hashKey = (value) => sha256(value).toString('base64url');
const sameHash = (a, b) => a.length === b.length && timingSafeEqual(a, b);

function sendHtml(ctx, html, status = 200) {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.body = html;
}

function jsonError(ctx, status, error, description, headers = {}) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  for (const [k, v] of Object.entries(headers)) ctx.set(k, v);
  ctx.body = { error, error_description: description };
}

async function readJsonOrForm(ctx) {
  const chunks = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += chunk.length;
    if (size > BODY_LIMIT) return undefined;
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (ctx.is('application/json')) {
    try {
      const value = JSON.parse(text);
      return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }
  if (ctx.is('application/x-www-form-urlencoded')) {
    const form = Object.fromEntries(new URLSearchParams(text));
    if (typeof form.authParams === 'string') {
      try { form.authParams = JSON.parse(form.authParams); } catch { return undefined; }
    }
    return form;
  }
  return undefined;
}

// One address, as the person typed it: no whitespace or control characters, one @, sane length.
const EMAIL = /^[^\s@<>()[\]\\,;:"\u0000-\u001f]+@[^\s@<>()[\]\\,;:"\u0000-\u001f]+$/u;

export function createPasswordless({
  provider, errors, issuer, mail, ttlSeconds, rateLimit, rateWindowSeconds, log,
}) {
  const records = new Map(); // id -> record
  const byLink = new Map(); // hash(link token) -> id
  const byBinding = new Map(); // hash(binding) -> id
  const tickets = new Map(); // hash(ticket) -> { id, expires }
  const sends = new Map(); // lower-case email -> [timestamps]

  const sweep = () => {
    const now = Date.now();
    for (const [id, r] of records) {
      if (r.expires + 3600_000 < now) {
        records.delete(id);
        byLink.delete(r.linkKey);
        byBinding.delete(r.bindingKey);
      }
    }
    for (const [k, v] of tickets) if (v.expires < now) tickets.delete(k);
    for (const [k, v] of sends) {
      const recent = v.filter((at) => at > now - rateWindowSeconds * 1000);
      if (recent.length) sends.set(k, recent); else sends.delete(k);
    }
  };

  const clientName = (client) => client?.clientName ?? client?.clientId ?? '';

  // --- POST /passwordless/start ---------------------------------------------------------------
  async function start(ctx) {
    sweep();
    const body = await readJsonOrForm(ctx);
    if (!body) return jsonError(ctx, 400, 'invalid_request', 'the body must be a JSON object (or a form) of at most 16 KiB');
    const client = typeof body.client_id === 'string' ? await provider.Client.find(body.client_id) : undefined;
    if (!client) return jsonError(ctx, 401, 'invalid_client', 'unknown client_id');
    if (!client.grantTypeAllowed(OTP_GRANT)) {
      return jsonError(ctx, 403, 'unauthorized_client', 'passwordless sign-in is not enabled for this client');
    }
    if (body.connection !== 'email') return jsonError(ctx, 400, 'bad.connection', 'connection must be "email"');
    const send = body.send ?? 'link';
    if (send !== 'link' && send !== 'code') return jsonError(ctx, 400, 'bad.send', 'send must be "link" or "code"');
    const { email } = body;
    if (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)) {
      return jsonError(ctx, 400, 'bad.email', 'email is not a valid address');
    }
    const raw = body.authParams ?? {};
    if (typeof raw !== 'object' || Array.isArray(raw)) return jsonError(ctx, 400, 'bad.authParams', 'authParams must be an object');
    const authParams = {};
    for (const key of AUTH_PARAMS) {
      if (raw[key] !== undefined) {
        if (typeof raw[key] !== 'string') return jsonError(ctx, 400, 'bad.authParams', `authParams.${key} must be a string`);
        authParams[key] = raw[key];
      }
    }
    authParams.scope ??= 'openid';
    if (authParams.code_challenge !== undefined) {
      if (authParams.code_challenge_method !== 'S256' || !/^[A-Za-z0-9_-]{43,128}$/.test(authParams.code_challenge)) {
        return jsonError(ctx, 400, 'bad.authParams', 'code_challenge must be an S256 challenge');
      }
    }
    if (send === 'link') {
      if (!authParams.redirect_uri || !client.redirectUriAllowed(authParams.redirect_uri)) {
        return jsonError(ctx, 400, 'bad.authParams', 'authParams.redirect_uri is not registered for this client');
      }
      if (!authParams.code_challenge) return jsonError(ctx, 400, 'bad.authParams', 'a link needs authParams.code_challenge (PKCE S256)');
      if (!authParams.state) return jsonError(ctx, 400, 'bad.authParams', 'a link needs authParams.state');
    }

    // Per address, whichever client asks: a mailbox is not to be flooded.
    const key = email.trim().toLowerCase();
    const now = Date.now();
    const recent = (sends.get(key) ?? []).filter((at) => at > now - rateWindowSeconds * 1000);
    if (recent.length >= rateLimit) {
      const wait = Math.max(1, Math.ceil((recent[0] + rateWindowSeconds * 1000 - now) / 1000));
      return jsonError(ctx, 429, 'too_many_requests',
        `too many sign-in emails for this address: try again in ${wait} seconds`, { 'Retry-After': String(wait) });
    }
    recent.push(now);
    sends.set(key, recent);

    const id = random(12);
    const record = {
      id, clientId: client.clientId, email, emailKey: key, send, authParams,
      expires: now + ttlSeconds * 1000, linkState: 'unused', devices: new Set(),
      otpHash: undefined, otpExpires: 0, otpAttempts: 0, otpState: 'none',
    };
    const lang = pickLanguage({ uiLocales: authParams.ui_locales });
    const name = clientName(client);
    const minutes = Math.max(1, Math.round(ttlSeconds / 60));
    let message;
    let binding;
    if (send === 'link') {
      const token = random();
      record.linkKey = hashKey(token);
      byLink.set(record.linkKey, id);
      binding = random();
      record.bindingKey = hashKey(binding);
      byBinding.set(record.bindingKey, id);
      const link = `${issuer}/passwordless/verify?token=${token}`;
      message = {
        subject: t(lang, 'mail.link.subject', { client: name }),
        text: t(lang, 'mail.link.text', { client: name, link, minutes }),
        html: `<p>${escapeHtml(t(lang, 'mail.link.text', { client: name, link: '', minutes }).split('\n\n')[0])}</p>`
          + `<p><a id="magic-link" href="${escapeHtml(link)}">${escapeHtml(t(lang, 'mail.link.button', { client: name }))}</a></p>`,
      };
    } else {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      record.otpHash = sha256(code);
      record.otpExpires = record.expires;
      record.otpState = 'active';
      message = {
        subject: t(lang, 'mail.code.subject', { client: name }),
        text: t(lang, 'mail.code.text', { client: name, code, minutes }),
      };
    }
    records.set(id, record);
    try {
      await mail.send({ to: email, ...message, headers: { 'Content-Language': lang } });
    } catch (err) {
      records.delete(id);
      log(`passwordless: the ${send} mail could not be sent: ${err.code ?? 'error'}`);
      return jsonError(ctx, 503, 'temporarily_unavailable', 'the mail could not be sent');
    }
    log(`passwordless: ${send} mail sent (request ${id})`);
    ctx.status = 200;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      _id: id,
      email,
      email_verified: false,
      ...(binding ? { device_binding_uri: `${issuer}/passwordless/device?binding=${binding}` } : {}),
    };
    return undefined;
  }

  const linkRecord = (token) => {
    const id = typeof token === 'string' && token ? byLink.get(hashKey(token)) : undefined;
    return id ? records.get(id) : undefined;
  };
  const linkProblem = (record) => {
    if (!record) return 'magic.invalid';
    if (record.linkState !== 'unused') return 'magic.used';
    if (record.expires <= Date.now()) return 'magic.expired';
    return undefined;
  };

  // --- GET /passwordless/device ----------------------------------------------------------------
  function device(ctx) {
    const lang = languageFor(ctx);
    const id = typeof ctx.query.binding === 'string' ? byBinding.get(hashKey(ctx.query.binding)) : undefined;
    const record = id ? records.get(id) : undefined;
    if (!record || record.expires <= Date.now()) return sendHtml(ctx, magicErrorPage({ lang, reason: 'magic.invalid' }), 404);
    let deviceId = ctx.cookies.get(DEVICE_COOKIE, { signed: true });
    if (!deviceId) {
      deviceId = random(18);
      ctx.cookies.set(DEVICE_COOKIE, deviceId, {
        signed: true, httpOnly: true, sameSite: 'lax', path: '/passwordless', maxAge: 24 * 3600 * 1000, overwrite: true,
      });
    }
    record.devices.add(deviceId);
    const pageLang = pickLanguage({ lang: LANG_OF(ctx), uiLocales: record.authParams.ui_locales, acceptLanguage: ctx.get('accept-language') });
    return sendHtml(ctx, magicWaitPage({ lang: pageLang, email: record.email }));
  }
  const LANG_OF = (ctx) => (typeof ctx.query.lang === 'string' ? ctx.query.lang : undefined);

  // --- GET / POST /passwordless/verify ---------------------------------------------------------
  async function verify(ctx) {
    const token = ctx.method === 'POST' ? (await readForm(ctx)).get('token') : ctx.query.token;
    const record = linkRecord(token);
    const lang = record
      ? pickLanguage({ uiLocales: record.authParams.ui_locales, acceptLanguage: ctx.get('accept-language') })
      : languageFor(ctx);
    const problem = linkProblem(record);
    if (problem) return sendHtml(ctx, magicErrorPage({ lang, reason: problem }), problem === 'magic.invalid' ? 404 : 410);
    const client = await provider.Client.find(record.clientId);
    if (ctx.method !== 'POST') {
      return sendHtml(ctx, magicConfirmPage({ lang, token, clientName: clientName(client), email: record.email }));
    }
    record.linkState = 'used'; // single use, from this click on
    const deviceId = ctx.cookies.get(DEVICE_COOKIE, { signed: true });
    if (deviceId && record.devices.has(deviceId)) {
      // The requesting device: continue the app's own authorization request.
      const ticket = random();
      tickets.set(hashKey(ticket), { id: record.id, expires: Date.now() + TICKET_TTL_MS });
      const url = new URL(provider.urlFor('authorization'));
      url.search = new URLSearchParams({
        ...record.authParams, client_id: record.clientId, response_type: 'code', prompt: 'login', pwl_ticket: ticket,
      }).toString();
      log(`passwordless: link used on the requesting device (request ${record.id})`);
      ctx.status = 303;
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Referrer-Policy', 'no-referrer');
      ctx.redirect(url.href);
      return undefined;
    }
    // Another device: it is not signed in; it shows a code for the device that asked.
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    record.otpHash = sha256(code);
    record.otpExpires = Date.now() + ttlSeconds * 1000;
    record.otpAttempts = 0;
    record.otpState = 'active';
    log(`passwordless: link opened on another device, showing a code (request ${record.id})`);
    const minutes = Math.max(1, Math.round(ttlSeconds / 60));
    return sendHtml(ctx, magicCodePage({ lang, code, clientName: clientName(client), minutes }));
  }

  async function routes(ctx, next) {
    if (!ctx.path.startsWith('/passwordless/')) return next();
    if (ctx.path === '/passwordless/start') {
      if (ctx.method !== 'POST') { ctx.status = 405; return undefined; }
      return start(ctx);
    }
    if (ctx.path === '/passwordless/device') {
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD') { ctx.status = 405; return undefined; }
      return device(ctx);
    }
    if (ctx.path === '/passwordless/verify') {
      if (!['GET', 'HEAD', 'POST'].includes(ctx.method)) { ctx.status = 405; return undefined; }
      return verify(ctx);
    }
    return next();
  }

  // --- login hook: the one-time ticket of a link used on the requesting device ------------------
  async function acceptTicket({ ctx, details, finish }) {
    const ticket = details.params.pwl_ticket;
    if (typeof ticket !== 'string' || !ticket) return false;
    const key = hashKey(ticket);
    const entry = tickets.get(key);
    tickets.delete(key);
    const record = entry && entry.expires > Date.now() ? records.get(entry.id) : undefined;
    const { params } = details;
    if (!record || record.clientId !== params.client_id || record.authParams.code_challenge !== params.code_challenge
      || record.authParams.redirect_uri !== params.redirect_uri) {
      sendHtml(ctx, magicErrorPage({ lang: languageFor(ctx, { uiLocales: params.ui_locales }), reason: 'magic.invalid' }), 400);
      return true;
    }
    const accountId = await accountForVerifiedEmail(record.email);
    await finish({ login: { accountId, amr: ['email'] } });
    return true;
  }

  // --- the OTP grant at the token endpoint -------------------------------------------------------
  async function otpGrant(ctx) {
    const { params, client } = ctx.oidc;
    if (params.realm !== undefined && params.realm !== 'email') throw new errors.InvalidRequest('realm must be "email"');
    if (!params.username || !params.otp) throw new errors.InvalidRequest('username and otp are required');
    const key = String(params.username).trim().toLowerCase();
    const candidates = [...records.values()]
      .filter((r) => r.clientId === client.clientId && r.emailKey === key && r.otpState !== 'none');
    const record = candidates[candidates.length - 1]; // the latest request for this address
    if (!record || record.otpState === 'redeemed') throw new errors.InvalidGrant('wrong email or verification code');
    if (record.otpState === 'locked') {
      throw new errors.CustomOIDCProviderError('too_many_attempts', 'too many wrong codes: ask for a new one');
    }
    if (record.otpExpires <= Date.now()) throw new errors.InvalidGrant('the verification code has expired');
    const wrong = () => {
      record.otpAttempts += 1;
      if (record.otpAttempts >= MAX_OTP_ATTEMPTS) {
        record.otpState = 'locked';
        log(`passwordless: too many wrong codes, request ${record.id} locked`);
        return new errors.CustomOIDCProviderError('too_many_attempts', 'too many wrong codes: ask for a new one');
      }
      return new errors.InvalidGrant('wrong email or verification code');
    };
    if (!sameHash(sha256(params.otp), record.otpHash)) throw wrong();
    if (record.authParams.code_challenge) {
      const verifier = params.code_verifier;
      if (typeof verifier !== 'string' || createHash('sha256').update(verifier).digest('base64url') !== record.authParams.code_challenge) {
        throw wrong();
      }
    }
    record.otpState = 'redeemed';
    record.linkState = 'used';
    log(`passwordless: code redeemed (request ${record.id})`);

    const accountId = await accountForVerifiedEmail(record.email);
    const account = await findAccount(ctx, accountId);
    ctx.oidc.entity('Account', account);
    const requested = new Set(String(record.authParams.scope).split(' ').filter(Boolean));
    const grant = new provider.Grant({ accountId, clientId: client.clientId });
    grant.addOIDCScope([...requested].join(' '));
    const grantId = await grant.save();
    ctx.oidc.entity('Grant', grant);
    const scope = grant.getOIDCScopeFiltered(requested);
    const authTime = Math.floor(Date.now() / 1000);

    const at = new provider.AccessToken({ accountId, client, grantId, gty: 'passwordless_otp', scope });
    ctx.oidc.entity('AccessToken', at);
    const accessToken = await at.save();

    let refreshToken;
    if (requested.has('offline_access') && client.grantTypeAllowed('refresh_token')) {
      const rt = new provider.RefreshToken({
        accountId, amr: ['otp'], authTime, client, grantId, gty: 'passwordless_otp', nonce: record.authParams.nonce, rotations: 0, scope,
      });
      ctx.oidc.entity('RefreshToken', rt);
      refreshToken = await rt.save();
    }

    let idToken;
    if (requested.has('openid')) {
      const token = new provider.IdToken({
        ...(await account.claims('id_token', scope, {}, [])), amr: ['otp'], auth_time: authTime,
      }, { ctx });
      token.scope = scope;
      token.mask = {};
      token.rejected = [];
      if (record.authParams.nonce) token.set('nonce', record.authParams.nonce);
      idToken = await token.issue({ use: 'idtoken' });
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      access_token: accessToken, expires_in: at.expiration, id_token: idToken, refresh_token: refreshToken, scope, token_type: 'Bearer',
    };
  }

  return {
    routes,
    acceptTicket,
    registerGrant() {
      provider.registerGrantType(OTP_GRANT, otpGrant, ['username', 'otp', 'realm', 'scope', 'code_verifier', 'audience']);
    },
  };
}
