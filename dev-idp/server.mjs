// Concierge dev IdP: a local OpenID Provider (oidc-provider 9) for development, demos and tests.
// Start it with ./start (see README.md). Listens on 127.0.0.1 only; stdout carries exactly one line,
// `dev-idp ready issuer=http://127.0.0.1:PORT`, everything else goes to stderr.

import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

import { CLAIMS_BY_SCOPE, findAccount, initAccounts } from './accounts.mjs';
import { benchClients, pkceRequired } from './bench-clients.mjs';
import { createStats, devRoutes } from './devstats.mjs';
import { LANGUAGES } from './i18n.mjs';
import { interactionRoutes, languageFor } from './interactions.mjs';
import { loadOrCreateKeys } from './keys.mjs';
import { startMail } from './mail.mjs';
import { offlineAccessWithoutPromptConsent } from './offline-access.mjs';
import { OTP_GRANT, createPasswordless } from './passwordless.mjs';
import { startSocial } from './social.mjs';
import { resourceIndicators, storefrontRoutes, storefrontUrlFor } from './storefront.mjs';
import {
  deviceConfirmPage, deviceInputPage, deviceSuccessPage, errorPage, logoutDonePage, logoutPage,
} from './views.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const log = (...args) => process.stderr.write(`dev-idp: ${format(...args)}\n`);

// --- console: stdout is reserved for the ready line -------------------------------------------
// oidc-provider prints notices with console.info (stdout) and console.warn. Send everything to
// stderr and drop the notices that are expected for a local development provider.
const EXPECTED_NOTICES = [
  /Unsupported runtime/, // node 20: oidc-provider 9 asks for node 22 but works (see TOOLCHAIN.md)
  /in-memory adapter/, // state lives in memory on purpose: a restart signs everybody out
  /already parsed request body detected/, // offline-access.mjs hands over parsed bodies
];
const verbose = process.env.DEV_IDP_VERBOSE === '1';
for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
  console[method] = (...args) => {
    const line = format(...args);
    if (!verbose && EXPECTED_NOTICES.some((re) => re.test(line))) return;
    process.stderr.write(`${line}\n`);
  };
}
process.stdout.on('error', () => {}); // a reader that went away must not kill the IdP

// --- settings ---------------------------------------------------------------------------------
function seconds(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    log(`${name} must be a positive whole number of seconds, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const portSetting = process.env.DEV_IDP_PORT ?? '9000';
const requestedPort = Number(portSetting);
if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
  log(`DEV_IDP_PORT must be a port number (0 picks a free one), got "${portSetting}"`);
  process.exit(2);
}
const DATA_DIR = resolve(process.env.DEV_IDP_DATA_DIR || join(HERE, '.data'));
const ACCESS_TOKEN_TTL = seconds('DEV_IDP_ACCESS_TOKEN_TTL', 600);
const ID_TOKEN_TTL = seconds('DEV_IDP_ID_TOKEN_TTL', 3600);
const REFRESH_TOKEN_TTL = seconds('DEV_IDP_REFRESH_TOKEN_TTL', 14 * 24 * 3600);
const SESSION_TTL = Math.max(14 * 24 * 3600, REFRESH_TOKEN_TTL);
const logRequests = process.env.DEV_IDP_LOG_REQUESTS === '1';
const MAGIC_LINK_TTL = seconds('DEV_IDP_MAGIC_LINK_TTL', 600);
const MAGIC_LINK_RATE_LIMIT = seconds('DEV_IDP_MAGIC_LINK_RATE_LIMIT', 5); // emails per address per 10 minutes

// --- clients ----------------------------------------------------------------------------------
const REDIRECT_URIS = ['http://127.0.0.1/callback', 'com.example.storefront:/callback'];
const POST_LOGOUT_REDIRECT_URIS = ['http://127.0.0.1/logout'];
const DEV_CLIENT_SECRET = 'dev-secret-please-change';

const nativeClient = (clientId, clientName, extra = {}) => ({
  client_id: clientId,
  client_name: clientName,
  application_type: 'native', // RFC 8252 §7.3: any port on the loopback redirect URIs
  token_endpoint_auth_method: 'none',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  redirect_uris: REDIRECT_URIS,
  post_logout_redirect_uris: POST_LOGOUT_REDIRECT_URIS,
  id_token_signed_response_alg: 'RS256',
  ...extra,
});

// Clients allowed to use passwordless sign-in (POST /passwordless/start and the OTP grant).
const WITH_PASSWORDLESS = { grant_types: ['authorization_code', 'refresh_token', OTP_GRANT] };

const CLIENTS = [
  nativeClient('concierge-cli', 'Concierge CLI', WITH_PASSWORDLESS),
  nativeClient('storefront-mobile', 'Storefront Mobile', WITH_PASSWORDLESS),
  nativeClient('concierge-es256', 'Concierge CLI (ES256)', { id_token_signed_response_alg: 'ES256' }),
  nativeClient('concierge-confidential', 'Concierge Confidential', {
    token_endpoint_auth_method: 'client_secret_basic',
    client_secret: DEV_CLIENT_SECRET,
  }),
  nativeClient('concierge-confidential-post', 'Concierge Confidential (POST)', {
    token_endpoint_auth_method: 'client_secret_post',
    client_secret: DEV_CLIENT_SECRET,
  }),
  {
    client_id: 'storefront-kiosk',
    client_name: 'Storefront Kiosk',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
    response_types: [],
    redirect_uris: [],
  },
];

// --- pages that oidc-provider renders through our views ---------------------------------------
function safeOidc(ctx) {
  try {
    return Object.getOwnPropertyDescriptor(ctx, 'oidc') ? ctx.oidc : undefined;
  } catch {
    return undefined;
  }
}

function uiLocalesOf(ctx) {
  const oidc = safeOidc(ctx);
  return oidc?.params?.ui_locales ?? oidc?.entities?.DeviceCode?.params?.ui_locales;
}

function html(ctx, body) {
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = body;
}

const deviceInputError = (err) => {
  if (!err) return undefined;
  if (err.userCode || err.name === 'NoCodeError') return 'device.input.invalid';
  if (err.name === 'AbortedError') return 'device.input.aborted';
  return 'device.input.error';
};

// --- start --------------------------------------------------------------------------------------
async function main() {
  const { default: Provider, errors } = await import('oidc-provider');
  const { jwks, cookieKeys, created } = loadOrCreateKeys(DATA_DIR);
  if (created.length) log(`generated ${created.join(', ')} key(s) in ${DATA_DIR}`);
  await initAccounts();

  // Keep idle connections well beyond node's 5 s default: tests wait for tokens to expire between
  // requests, and a client reusing a connection the server has just closed sees a spurious error.
  const server = createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(requestedPort, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const storefrontUrl = storefrontUrlFor(issuer);
  // Published at GET /__dev/services; other modules add their keys.
  const services = { storefront: storefrontUrl };

  const configuration = {
    clients: [...CLIENTS, ...benchClients()], // bench-clients.mjs: only with DEV_IDP_BENCH_CLIENTS=1
    findAccount,
    claims: CLAIMS_BY_SCOPE,
    scopes: ['openid', 'profile', 'email', 'offline_access', 'phone', 'address'],
    // Put the scope claims into the ID token too (not only into userinfo) for code-flow clients.
    conformIdTokenClaims: false,
    responseTypes: ['code', 'none'],
    // idp_hint: go straight to a social upstream (social.mjs); pwl_ticket: a used magic link (passwordless.mjs).
    extraParams: ['idp_hint', 'pwl_ticket'],
    pkce: { required: pkceRequired() }, // S256 only (oidc-provider 9); every client but bench-clients.mjs'
    jwks,
    cookies: { keys: cookieKeys },
    enabledJWA: {
      idTokenSigningAlgValues: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    },
    discovery: {
      ui_locales_supported: LANGUAGES,
      service_documentation: undefined,
    },
    ttl: {
      AccessToken: () => ACCESS_TOKEN_TTL,
      IdToken: () => ID_TOKEN_TTL,
      RefreshToken: () => REFRESH_TOKEN_TTL,
      AuthorizationCode: () => 60,
      DeviceCode: () => 600,
      Interaction: () => 3600,
      Session: () => SESSION_TTL,
      Grant: () => SESSION_TTL,
      BackchannelAuthenticationRequest: () => 600,
      ClientCredentials: () => 600,
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    clientBasedCORS: (_ctx, origin) => /^http:\/\/(127\.0\.0\.1|\[::1\]|localhost)(:\d+)?$/.test(origin),
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      claimsParameter: { enabled: true },
      // The storefront API (storefront.mjs) is the resource server: JWT access tokens for it.
      resourceIndicators: resourceIndicators({ storefrontUrl, accessTokenTTL: ACCESS_TOKEN_TTL, errors }),
      pushedAuthorizationRequests: { enabled: true },
      dPoP: { enabled: true },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => {
          if (token.clientId === client.clientId) return true;
          if (client.clientAuthMethod === 'none') return false;
          throw new errors.InvalidRequest('client is not authorized to revoke the presented token');
        },
      },
      introspection: {
        enabled: true,
        allowedPolicy: async (ctx, client, token) => !(client.clientAuthMethod === 'none'
          && token.clientId !== ctx.oidc.client.clientId),
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          html(ctx, logoutPage({ lang: languageFor(ctx, { uiLocales: uiLocalesOf(ctx) }), form }));
        },
        postLogoutSuccessSource: async (ctx) => {
          html(ctx, logoutDonePage({ lang: languageFor(ctx, { uiLocales: uiLocalesOf(ctx) }) }));
        },
      },
      deviceFlow: {
        enabled: true,
        charset: 'base-20',
        mask: '****-****',
        userCodeInputSource: async (ctx, form, _out, err) => {
          const lang = languageFor(ctx, { uiLocales: uiLocalesOf(ctx) });
          html(ctx, deviceInputPage({ lang, form, error: deviceInputError(err) }));
        },
        userCodeConfirmSource: async (ctx, form, client, _deviceInfo, userCode) => {
          const lang = languageFor(ctx, { uiLocales: uiLocalesOf(ctx) });
          html(ctx, deviceConfirmPage({ lang, form, clientName: client.clientName ?? client.clientId, userCode }));
        },
        successSource: async (ctx) => {
          const lang = languageFor(ctx, { uiLocales: uiLocalesOf(ctx) });
          const client = safeOidc(ctx)?.client;
          html(ctx, deviceSuccessPage({ lang, clientName: client?.clientName ?? client?.clientId ?? '' }));
        },
      },
    },
    renderError: async (ctx, out) => {
      const lang = languageFor(ctx, { uiLocales: uiLocalesOf(ctx) });
      html(ctx, errorPage({ lang, details: { error: out.error, error_description: out.error_description } }));
    },
  };

  const provider = new Provider(issuer, configuration);
  const stats = createStats();
  const mail = startMail({ dataDir: DATA_DIR, log });
  const social = startSocial({ Provider, brokerProvider: provider, issuer, log });
  const passwordless = createPasswordless({
    provider, errors, issuer, mail, ttlSeconds: MAGIC_LINK_TTL, rateLimit: MAGIC_LINK_RATE_LIMIT, rateWindowSeconds: 600, log,
  });
  passwordless.registerGrant();
  // Set once maildev and the upstreams answer; GET /__dev/services waits for them.
  services.mail = null;
  services.upstreams = {};
  mail.ready.then(({ web, smtp }) => { services.mail = { web, smtp }; }, () => {});
  social.ready.then(() => { services.upstreams = social.services(); }, () => {});
  const servicesWhenReady = async () => {
    await Promise.allSettled([mail.ready, social.ready]);
    return services;
  };

  if (logRequests) {
    provider.use(async (ctx, next) => {
      const started = Date.now();
      try {
        await next();
      } finally {
        log(`${ctx.method} ${ctx.path} ${ctx.status} ${Date.now() - started}ms`); // never the query
      }
    });
  }
  provider.use(devRoutes({ stats, issuer, services: servicesWhenReady }));
  provider.use(storefrontRoutes({ provider, issuer, jwks, stats }));
  provider.use(offlineAccessWithoutPromptConsent(provider));
  provider.use(social.routes);
  provider.use(passwordless.routes);
  provider.use(interactionRoutes(provider, {
    loginHooks: [passwordless.acceptTicket, social.followHint],
    socialProviders: social.providers,
  }));

  provider.on('server_error', (_ctx, err) => log('server error:', err?.stack ?? err));

  server.on('request', provider.callback());

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}, stopping`);
    mail.stop();
    social.close();
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  process.stdout.write(`dev-idp ready issuer=${issuer}\n`);
}

main().catch((err) => {
  log(`failed to start: ${err?.code === 'EADDRINUSE' ? `port ${requestedPort} is in use` : err?.stack ?? err}`);
  process.exit(1);
});
