// Loopback-only test/ops endpoints:
//   GET  /__dev/health        -> 200 {"status":"ok","issuer":...}
//   GET  /__dev/stats         -> request counts per endpoint, token requests per grant_type
//   POST /__dev/stats/reset   -> 204, counts back to zero
//   GET  /__dev/services      -> {"storefront": "<issuer>/storefront", "mail": {"web", "smtp"},
//                                "upstreams": {id: {name, issuer}}, ...}: URLs of the services this
//                                process offers besides the IdP (modules add their keys). `services`
//                                is that object, or an async function returning it.
//
// Counts are taken after oidc-provider has handled a request, keyed by its route name (discovery,
// jwks, authorization, resume, token, userinfo, revocation, introspection, end_session, ...), plus
// `interaction` for the login/consent pages. `errors` counts the same keys for 4xx/5xx answers.

const BASE_ROUTES = [
  'discovery', 'jwks', 'authorization', 'resume', 'userinfo', 'revocation', 'introspection',
  'end_session', 'device_authorization', 'code_verification', 'pushed_authorization_request', 'interaction',
];

function isLoopback(address) {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export function createStats() {
  let counts;
  let errors;
  let since;

  const reset = () => {
    counts = Object.fromEntries(BASE_ROUTES.map((route) => [route, 0]));
    counts.token = { authorization_code: 0, refresh_token: 0 };
    errors = {};
    since = new Date().toISOString();
  };
  reset();

  const bump = (target, route, grantType) => {
    if (route === 'token') {
      target.token ||= {};
      target.token[grantType] = (target.token[grantType] ?? 0) + 1;
    } else {
      target[route] = (target[route] ?? 0) + 1;
    }
  };

  return {
    reset,
    record(route, grantType, status) {
      bump(counts, route, grantType);
      if (status >= 400) bump(errors, route, grantType);
    },
    snapshot() {
      return { since, ...structuredClone(counts), errors: structuredClone(errors) };
    },
  };
}

/** Which endpoint a finished request was, by oidc-provider's route name. */
function routeOf(ctx) {
  if (ctx.path.startsWith('/interaction/')) return { route: 'interaction' };
  // oidc-provider defines ctx.oidc only on requests that matched one of its routes.
  if (!Object.getOwnPropertyDescriptor(ctx, 'oidc')) return undefined;
  try {
    const { route } = ctx.oidc;
    if (!route) return undefined;
    if (route !== 'token') return { route };
    const grantType = ctx.oidc.params?.grant_type;
    return { route, grantType: typeof grantType === 'string' && grantType ? grantType : 'unknown' };
  } catch {
    return undefined;
  }
}

export function devRoutes({ stats, issuer, services = {} }) {
  return async function dev(ctx, next) {
    if (!ctx.path.startsWith('/__dev/')) {
      try {
        await next();
      } finally {
        const hit = routeOf(ctx);
        if (hit) stats.record(hit.route, hit.grantType, ctx.status);
      }
      return;
    }

    if (!isLoopback(ctx.req.socket.remoteAddress)) {
      ctx.status = 403;
      return;
    }
    ctx.set('Cache-Control', 'no-store');
    if (ctx.path === '/__dev/health' && (ctx.method === 'GET' || ctx.method === 'HEAD')) {
      ctx.body = { status: 'ok', issuer };
    } else if (ctx.path === '/__dev/stats' && ctx.method === 'GET') {
      ctx.body = stats.snapshot();
    } else if (ctx.path === '/__dev/services' && ctx.method === 'GET') {
      ctx.body = typeof services === 'function' ? await services() : services;
    } else if (ctx.path === '/__dev/stats/reset' && ctx.method === 'POST') {
      stats.reset();
      ctx.status = 204;
    } else {
      ctx.status = 404;
      ctx.body = { error: 'not_found' };
    }
  };
}
