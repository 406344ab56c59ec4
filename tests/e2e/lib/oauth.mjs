// Minimal OAuth/OIDC client calls for the e2e scripts (fetch only; tokens are never printed).

import { createPkce, randomToken } from './pkce.mjs';

export async function getJson(url, init) {
  const response = await fetch(url, init);
  const text = await response.text();
  let body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = { raw: text.slice(0, 200) };
  }
  return { status: response.status, headers: response.headers, body };
}

export const discover = async (issuer) => (await getJson(`${issuer}/.well-known/openid-configuration`)).body;

/** An authorization request with PKCE S256, state and nonce. */
export function authorizationRequest(metadata, {
  clientId, redirectUri, scope = 'openid profile email offline_access', extra = {},
}) {
  const pkce = createPkce();
  const state = randomToken(16);
  const nonce = randomToken(16);
  const url = new URL(metadata.authorization_endpoint);
  const params = {
    client_id: clientId, response_type: 'code', redirect_uri: redirectUri, scope, state, nonce,
    code_challenge: pkce.challenge, code_challenge_method: 'S256', ...extra,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return { url: url.href, state, nonce, pkce, redirectUri, clientId };
}

/** POST a form to an endpoint; `basic` = [clientId, secret] for client_secret_basic. */
export function postForm(url, params, { basic } = {}) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  if (basic) {
    const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');
    headers.authorization = `Basic ${Buffer.from(`${enc(basic[0])}:${enc(basic[1])}`).toString('base64')}`;
  }
  return getJson(url, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
}
