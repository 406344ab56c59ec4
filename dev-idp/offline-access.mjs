// Lets `offline_access` through without the client sending `prompt=consent`.
//
// oidc-provider 9 (lib/actions/authorization/scopes.js, checkScope) silently drops `offline_access`
// from an authorization or pushed authorization request unless `prompt` contains `consent`
// (OpenID Connect Core 1.0 §11), and then no refresh token is issued. The spec lets an OP apply
// "other conditions for processing the request permitting offline access"; ours is:
//
//   the client is allowed the refresh_token grant, the request asks for offline_access and does not
//   say prompt=none  =>  treat the request as if it carried prompt=consent.
//
// The end-user still sees and answers the consent page (oidc-provider asks native clients for
// consent on every authorization anyway, and offline access is listed there), so the outcome is the
// same as if the app had sent prompt=consent itself. This middleware runs before oidc-provider's
// router and only rewrites the `prompt` parameter of GET /auth and POST /request (PAR). (POST to
// the authorization endpoint is off in oidc-provider 9 unless enableHttpPostMethods is set.)

import { readForm } from './interactions.mjs';

function needsConsentPrompt(params) {
  const scopes = String(params.get('scope') ?? '').split(' ');
  if (!scopes.includes('offline_access')) return undefined;
  const prompts = String(params.get('prompt') ?? '').split(' ').filter(Boolean);
  if (prompts.includes('consent') || prompts.includes('none')) return undefined;
  return [...prompts, 'consent'].join(' ');
}

async function allowsRefresh(provider, clientId) {
  if (!clientId) return false;
  try {
    const client = await provider.Client.find(String(clientId));
    return Boolean(client?.grantTypeAllowed('refresh_token'));
  } catch {
    return false;
  }
}

export function offlineAccessWithoutPromptConsent(provider, { authorizationPath = '/auth', parPath = '/request' } = {}) {
  return async function offlineAccess(ctx, next) {
    const isAuthorization = ctx.path === authorizationPath && ctx.method === 'GET';
    const isPar = ctx.path === parPath && ctx.method === 'POST';
    if (!isAuthorization && !isPar) return next();

    if (isAuthorization) {
      const params = new URLSearchParams(ctx.querystring);
      const prompt = needsConsentPrompt(params);
      if (prompt && params.getAll('prompt').length <= 1 && await allowsRefresh(provider, params.get('client_id'))) {
        params.set('prompt', prompt);
        ctx.querystring = params.toString();
      }
      return next();
    }

    if (!ctx.is('application/x-www-form-urlencoded')) return next();
    // The body is consumed here and handed to oidc-provider as an already-parsed string, which its
    // body parser accepts (it then prints a one-time notice, filtered out by server.mjs).
    const params = await readForm(ctx);
    const prompt = needsConsentPrompt(params);
    // oidc-provider wants client_id in the PAR body even with client_secret_basic; fall back to
    // the Authorization header all the same.
    const clientId = params.get('client_id') ?? basicClientId(ctx.get('authorization'));
    if (prompt && params.getAll('prompt').length <= 1 && await allowsRefresh(provider, clientId)) {
      params.set('prompt', prompt);
    }
    ctx.req.body = params.toString();
    return next();
  };
}

function basicClientId(header) {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
}
