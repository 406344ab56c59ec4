// Seeded demo shoppers of the Concierge dev IdP, and the account model oidc-provider asks for.
//
// The passwords are public on purpose (they are listed in README.md): this provider is for
// development, demos and tests only. They are hashed with scrypt at start-up under a random salt,
// and a sign-in attempt is always compared in constant time against a hash, whether or not the
// email exists, so neither the answer nor its timing tells which emails are registered.

import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb);

// `sub` values are stable, opaque and deliberately unrelated to the email.
const SHOPPERS = [
  {
    sub: 'shp_7Qm2xK9vR4tLa8Zc',
    password: 'sakura-2026',
    claims: {
      name: 'Aiko Tanaka',
      given_name: 'Aiko',
      family_name: 'Tanaka',
      'name#ja-Jpan-JP': '田中 愛子',
      'given_name#ja-Jpan-JP': '愛子',
      'family_name#ja-Jpan-JP': '田中',
      email: 'aiko@example.com',
      email_verified: true,
      locale: 'ja-JP',
      zoneinfo: 'Asia/Tokyo',
      loyalty_tier: 'gold',
      phone_number: '+81 90-0000-1234',
      phone_number_verified: true,
      address: {
        formatted: '1-2-3 Jingumae, Shibuya-ku, Tokyo 150-0001, Japan',
        street_address: '1-2-3 Jingumae',
        locality: 'Shibuya-ku',
        region: 'Tokyo',
        postal_code: '150-0001',
        country: 'JP',
      },
    },
  },
  {
    sub: 'shp_3Hd8pW1nJ6yFe5Ub',
    password: 'fuji-2026',
    claims: {
      name: 'Ken Sato',
      given_name: 'Ken',
      family_name: 'Sato',
      'name#ja-Jpan-JP': '佐藤 健',
      'given_name#ja-Jpan-JP': '健',
      'family_name#ja-Jpan-JP': '佐藤',
      email: 'ken@example.com',
      email_verified: true,
      locale: 'ja-JP',
      zoneinfo: 'Asia/Tokyo',
      loyalty_tier: 'silver',
      phone_number: '+81 80-0000-5678',
      phone_number_verified: true,
      address: {
        formatted: '4-5-6 Sakae, Naka-ku, Nagoya, Aichi 460-0008, Japan',
        street_address: '4-5-6 Sakae',
        locality: 'Nagoya',
        region: 'Aichi',
        postal_code: '460-0008',
        country: 'JP',
      },
    },
  },
  {
    sub: 'shp_9Lr5cT2bX7gVn4Ms',
    password: 'london-2026',
    claims: {
      name: 'Emma Clarke',
      given_name: 'Emma',
      family_name: 'Clarke',
      email: 'emma@example.com',
      email_verified: true,
      locale: 'en-GB',
      zoneinfo: 'Europe/London',
      loyalty_tier: 'bronze',
      phone_number: '+44 7700 900123',
      phone_number_verified: true,
      address: {
        formatted: '10 Example Street, London SW1A 1AA, United Kingdom',
        street_address: '10 Example Street',
        locality: 'London',
        postal_code: 'SW1A 1AA',
        country: 'GB',
      },
    },
  },
];

const SALT = randomBytes(16);
const KEYLEN = 32;
const hash = (password) => scrypt(String(password).normalize('NFC'), SALT, KEYLEN);

const bySub = new Map();
const byEmail = new Map();
let ready;
let dummyHash;

function init() {
  ready ||= (async () => {
    dummyHash = await hash(randomBytes(18).toString('base64url'));
    for (const shopper of SHOPPERS) {
      const entry = { sub: shopper.sub, claims: shopper.claims, hash: await hash(shopper.password) };
      bySub.set(entry.sub, entry);
      byEmail.set(entry.claims.email.toLowerCase(), entry);
    }
  })();
  return ready;
}

/** The demo shoppers' public profile (no secrets), for docs and tests. */
export function listShoppers() {
  return SHOPPERS.map(({ sub, claims }) => ({ sub, email: claims.email, name: claims.name }));
}

/**
 * Checks an email/password pair. Returns the account's sub, or undefined. Always hashes the
 * supplied password and compares it in constant time, also for an unknown email.
 */
export async function authenticate(email, password) {
  await init();
  const entry = byEmail.get(String(email ?? '').trim().toLowerCase());
  const candidate = await hash(password ?? '');
  const ok = timingSafeEqual(candidate, entry?.hash ?? dummyHash);
  return ok && entry?.hash ? entry.sub : undefined;
}

// --- accounts made by social sign-in and passwordless sign-up -------------------------------------
// Upstream identities ("google|<sub>") linked to a dev IdP account, and accounts created on the fly.
const links = new Map();

function newSub() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return `shp_${[...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

function createAccount(claims) {
  const entry = { sub: newSub(), claims, hash: undefined }; // no password: social or passwordless only
  bySub.set(entry.sub, entry);
  const email = String(claims.email ?? '').toLowerCase();
  // Only a verified address may later be matched by another sign-in method.
  if (email && claims.email_verified === true && !byEmail.has(email)) byEmail.set(email, entry);
  return entry.sub;
}

/**
 * The account for an upstream (social) identity. An identity seen before keeps its account. A new
 * one is linked to the shopper whose email equals the upstream's VERIFIED email; otherwise a new
 * account is created from the upstream's claims. Returns { sub, linked, created }.
 */
export async function accountForUpstream(idp, upstreamSub, claims) {
  await init();
  const key = `${idp}|${upstreamSub}`;
  if (links.has(key)) return { sub: links.get(key), linked: false, created: false };
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  const existing = email && claims.email_verified === true ? byEmail.get(email) : undefined;
  if (existing && existing.claims.email_verified === true) {
    links.set(key, existing.sub);
    return { sub: existing.sub, linked: true, created: false };
  }
  const profile = {};
  for (const name of ['name', 'given_name', 'family_name', 'locale']) {
    if (typeof claims[name] === 'string' && claims[name]) profile[name] = claims[name];
  }
  const sub = createAccount({
    ...profile,
    ...(email ? { email, email_verified: claims.email_verified === true } : {}),
    loyalty_tier: 'bronze',
  });
  links.set(key, sub);
  return { sub, linked: false, created: true };
}

/**
 * The account that owns `email`, created (with the address verified: the person proved they read
 * its mail) when there is none. For passwordless sign-in.
 */
export async function accountForVerifiedEmail(email) {
  await init();
  const normalized = String(email).trim().toLowerCase();
  const existing = byEmail.get(normalized);
  if (existing) return existing.sub;
  return createAccount({ email: normalized, email_verified: true, loyalty_tier: 'bronze' });
}

export async function emailOf(sub) {
  await init();
  return bySub.get(sub)?.claims.email;
}

/** The account's claims (a copy), or undefined for an unknown or deleted account. */
export async function claimsOf(sub) {
  await init();
  const entry = bySub.get(sub);
  return entry ? { sub, ...structuredClone(entry.claims) } : undefined;
}

/**
 * Deletes the account ("Delete my account"): afterwards its email no longer signs in and
 * findAccount() no longer knows the sub. Returns whether it existed. Grants and sessions are ended
 * by the caller (storefront.mjs), which owns the provider.
 */
export async function deleteAccount(sub) {
  await init();
  const entry = bySub.get(sub);
  if (!entry) return false;
  bySub.delete(sub);
  if (byEmail.get(entry.claims.email.toLowerCase()) === entry) byEmail.delete(entry.claims.email.toLowerCase());
  return true;
}

/** oidc-provider's `findAccount` helper. */
export async function findAccount(_ctx, sub) {
  await init();
  const entry = bySub.get(sub);
  if (!entry) return undefined;
  return {
    accountId: sub,
    // oidc-provider filters these by the granted scopes / claims request.
    async claims() {
      return { sub, ...structuredClone(entry.claims) };
    },
  };
}

/** Claims released per scope (the `claims` configuration of oidc-provider). */
export const CLAIMS_BY_SCOPE = {
  openid: ['sub'],
  profile: [
    'name', 'given_name', 'family_name', 'name#ja-Jpan-JP', 'given_name#ja-Jpan-JP',
    'family_name#ja-Jpan-JP', 'locale', 'zoneinfo', 'loyalty_tier',
  ],
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  address: ['address'],
};

export { init as initAccounts };
