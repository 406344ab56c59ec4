// Bench-only clients: present ONLY when the dev IdP is started with DEV_IDP_BENCH_CLIENTS=1
// (./scripts/bench does; nothing else should).
//
// `qtnetworkauth-bench` lets bench/bench_qtnetworkauth.cpp run QtNetworkAuth 6.4's
// QOAuth2AuthorizationCodeFlow against this IdP for the side-by-side figures in docs/performance.md.
// QtNetworkAuth 6.4 cannot send a PKCE code_challenge, and this IdP requires PKCE S256 from every
// client, so this one public client is exempt from PKCE. Everything else about it is the same as
// `concierge-cli` (native, loopback redirect on any port, refresh tokens rotated).
//
// Never enable this outside a benchmark: a public client without PKCE is exactly the code-interception
// hole PKCE closes (RFC 7636 §1, RFC 9700 §2.1.1).

export const BENCH_FLAG = 'DEV_IDP_BENCH_CLIENTS';
export const QT_BENCH_CLIENT_ID = 'qtnetworkauth-bench';

export function benchClientsEnabled(env = process.env) {
  return env[BENCH_FLAG] === '1';
}

/** Extra clients to register (none unless the bench flag is set). */
export function benchClients(env = process.env) {
  if (!benchClientsEnabled(env)) return [];
  return [{
    client_id: QT_BENCH_CLIENT_ID,
    client_name: 'QtNetworkAuth 6.4 (benchmark only, no PKCE)',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/callback'],
    id_token_signed_response_alg: 'RS256',
  }];
}

/** oidc-provider's `pkce.required`: PKCE for every client but the bench-only one. */
export function pkceRequired(env = process.env) {
  const exempt = benchClientsEnabled(env) ? new Set([QT_BENCH_CLIENT_ID]) : new Set();
  return (_ctx, client) => !exempt.has(client?.clientId);
}
