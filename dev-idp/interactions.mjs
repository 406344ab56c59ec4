// The login and consent UI (oidc-provider's devInteractions are off): Koa middleware mounted on the
// provider, serving /interaction/:uid (GET), /interaction/:uid/login, /confirm and /abort (POST).

import { authenticate, emailOf } from './accounts.mjs';
import { LANGUAGES, pickLanguage } from './i18n.mjs';
import { consentPage, describeRequest, errorPage, loginPage } from './views.mjs';

const LANG_COOKIE = 'dev_idp_lang';
const BODY_LIMIT = 16 * 1024;

/** Reads a small application/x-www-form-urlencoded body. */
export async function readForm(ctx) {
  if (!ctx.is('application/x-www-form-urlencoded')) return new URLSearchParams();
  const chunks = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += chunk.length;
    if (size > BODY_LIMIT) ctx.throw(413);
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The page language. The shopper's own choice (the pages' `?lang=` links, remembered in a cookie)
 * wins over the app's `ui_locales`, which wins over Accept-Language.
 */
export function languageFor(ctx, { uiLocales } = {}) {
  const explicit = LANGUAGES.includes(ctx.query.lang) ? ctx.query.lang : undefined;
  if (explicit) {
    ctx.cookies.set(LANG_COOKIE, explicit, { httpOnly: true, sameSite: 'lax', signed: false, overwrite: true });
  }
  const remembered = ctx.cookies.get(LANG_COOKIE, { signed: false });
  return pickLanguage({
    lang: explicit ?? (LANGUAGES.includes(remembered) ? remembered : undefined),
    uiLocales,
    acceptLanguage: ctx.get('accept-language'),
  });
}

function sendHtml(ctx, html, status = 200) {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'");
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.body = html;
}

async function clientName(provider, clientId) {
  const client = await provider.Client.find(String(clientId ?? ''));
  return client?.clientName ?? client?.clientId ?? String(clientId ?? '');
}

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?\/?$/;

/**
 * `loginHooks` run before the login page is shown (GET); a hook may finish the interaction itself
 * (a magic-link ticket) or answer the request (a redirect to an upstream for an IdP hint) and
 * return true. `socialProviders()` lists the "Continue with …" buttons: [{ id, name }].
 */
export function interactionRoutes(provider, { loginHooks = [], socialProviders = () => [] } = {}) {
  return async function interactions(ctx, next) {
    const match = ROUTE.exec(ctx.path);
    if (!match) return next();
    const [, uid, action] = match;
    if ((action && ctx.method !== 'POST') || (!action && ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
      ctx.status = 405;
      return undefined;
    }

    let details;
    try {
      details = await provider.interactionDetails(ctx.req, ctx.res);
      if (details.uid !== uid) throw new Error('interaction uid mismatch');
    } catch {
      const lang = languageFor(ctx);
      sendHtml(ctx, errorPage({ lang, expired: true }), 400);
      return undefined;
    }

    const { prompt, params, session } = details;
    const form = action ? await readForm(ctx) : new URLSearchParams();
    const lang = languageFor(ctx, { uiLocales: params.ui_locales });
    const name = await clientName(provider, params.client_id);

    // Consent results are merged with the login of the same request (prompt=login would otherwise
    // ask for the login again); a login or an error replaces whatever was submitted before.
    const finish = async (result, { merge = false } = {}) => {
      let returnTo;
      try {
        returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: merge });
      } catch {
        sendHtml(ctx, errorPage({ lang, expired: true }), 400); // expired while the page was open
        return;
      }
      ctx.status = 303;
      ctx.set('Cache-Control', 'no-store');
      ctx.redirect(returnTo);
    };

    if (action === 'abort') {
      return finish({ error: 'access_denied', error_description: 'End-User denied the request' });
    }

    if (prompt.name === 'login') {
      const providers = socialProviders();
      if (action === 'login') {
        const email = (form.get('email') ?? '').trim();
        const password = form.get('password') ?? '';
        if (!email || !password) {
          sendHtml(ctx, loginPage({ lang, uid, clientName: name, email, error: 'login.missing', providers }));
          return undefined;
        }
        const accountId = await authenticate(email, password);
        if (!accountId) {
          sendHtml(ctx, loginPage({ lang, uid, clientName: name, email, error: 'login.invalid', providers }));
          return undefined;
        }
        return finish({ login: { accountId, amr: ['pwd'] } });
      }
      if (action) {
        sendHtml(ctx, errorPage({ lang, details: { error: 'invalid_request', error_description: 'unexpected step' } }), 400);
        return undefined;
      }
      for (const hook of loginHooks) {
        if (await hook({ ctx, details, uid, finish })) return undefined;
      }
      const failed = providers.find((p) => p.id === ctx.query.social_error);
      sendHtml(ctx, loginPage({
        lang, uid, clientName: name, email: params.login_hint ?? '', providers,
        ...(failed ? { error: 'login.social.failed', errorVars: { provider: failed.name } } : {}),
      }));
      return undefined;
    }

    if (prompt.name === 'consent') {
      const { missingOIDCScope = [], missingOIDCClaims = [], missingResourceScopes = {} } = prompt.details;
      if (action === 'confirm') {
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
        if (missingOIDCScope.length) grant.addOIDCScope(missingOIDCScope.join(' '));
        if (missingOIDCClaims.length) grant.addOIDCClaims(missingOIDCClaims);
        for (const [indicator, scopes] of Object.entries(missingResourceScopes)) {
          grant.addResourceScope(indicator, scopes.join(' '));
        }
        const grantId = await grant.save();
        return finish({ consent: details.grantId ? {} : { grantId } }, { merge: true });
      }
      if (action) {
        sendHtml(ctx, errorPage({ lang, details: { error: 'invalid_request', error_description: 'unexpected step' } }), 400);
        return undefined;
      }
      // Everything the app asked for: native clients are asked every time, so show the full request.
      const requested = String(params.scope ?? '').split(' ').filter(Boolean);
      const scopes = [...new Set([...requested, ...missingOIDCScope])];
      const lines = describeRequest(lang, scopes, missingOIDCClaims);
      const email = (await emailOf(session.accountId)) ?? session.accountId;
      sendHtml(ctx, consentPage({ lang, uid, clientName: name, email, lines }));
      return undefined;
    }

    sendHtml(ctx, errorPage({ lang, details: { error: 'invalid_request', error_description: `unsupported prompt ${prompt.name}` } }), 400);
    return undefined;
  };
}
