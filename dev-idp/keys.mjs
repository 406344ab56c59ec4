// Signing keys and cookie keys of the dev IdP: generated with node:crypto at first start and kept
// in the data directory (default dev-idp/.data, or $DEV_IDP_DATA_DIR) so a restart keeps them and
// clients' cached JWKS stay valid.

import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// One key per signing algorithm; the first key of an alg is the one oidc-provider signs with.
const KEY_SPECS = [
  { alg: 'RS256', type: 'rsa', options: { modulusLength: 2048 } },
  { alg: 'ES256', type: 'ec', options: { namedCurve: 'P-256' } },
  { alg: 'PS256', type: 'rsa', options: { modulusLength: 2048 } },
  { alg: 'EdDSA', type: 'ed25519', options: {} },
];

// RFC 7638 JWK thumbprint: the required public members in lexicographic order.
function thumbprint(jwk) {
  const members = {
    RSA: ['e', 'kty', 'n'],
    EC: ['crv', 'kty', 'x', 'y'],
    OKP: ['crv', 'kty', 'x'],
  }[jwk.kty];
  const canonical = JSON.stringify(Object.fromEntries(members.map((m) => [m, jwk[m]])));
  return createHash('sha256').update(canonical).digest('base64url');
}

function generate({ alg, type, options }) {
  const { privateKey } = generateKeyPairSync(type, options);
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: `${alg.toLowerCase()}-${thumbprint(jwk).slice(0, 16)}`, use: 'sig', alg };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${file}: ${err.message}`);
  }
}

function writeJsonAtomically(file, value) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/**
 * Loads (or creates) `jwks.json` and `cookie-keys.json` in dataDir. Keys for algorithms missing
 * from an existing file are added, existing ones are never replaced.
 * Returns { jwks: { keys }, cookieKeys: [string], created: [alg...] }.
 */
export function loadOrCreateKeys(dataDir) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const jwksFile = join(dataDir, 'jwks.json');
  const jwks = readJson(jwksFile) ?? { keys: [] };
  if (!Array.isArray(jwks.keys)) throw new Error(`${jwksFile} has no "keys" array`);
  const created = [];
  for (const spec of KEY_SPECS) {
    if (!jwks.keys.some((k) => k.alg === spec.alg && k.d)) {
      jwks.keys.push(generate(spec));
      created.push(spec.alg);
    }
  }
  if (created.length) writeJsonAtomically(jwksFile, jwks);

  const cookieFile = join(dataDir, 'cookie-keys.json');
  let cookieKeys = readJson(cookieFile);
  if (!Array.isArray(cookieKeys) || cookieKeys.length === 0) {
    cookieKeys = [randomBytes(32).toString('base64url')];
    writeJsonAtomically(cookieFile, cookieKeys);
    created.push('cookie');
  }

  return { jwks, cookieKeys, created };
}
