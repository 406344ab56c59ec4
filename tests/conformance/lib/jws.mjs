// Byte-exact JWS production for the hostile OP. Written on node:crypto rather than a JOSE library on
// purpose: the OP has to emit tokens that no well-behaved library would produce (alg "none", HS256
// keyed with an RSA public key, duplicate member names, unknown "crit", junk in a segment), so it
// controls every byte of the header, the payload and the signature itself.
import { constants, createHash, createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
export const b64uJson = (value) => b64u(JSON.stringify(value));
export const randomToken = (bytes = 24) => b64u(randomBytes(bytes));

// The keys one OP run uses. RSA keys are 2048-bit (the SDK refuses smaller moduli).
export function makeKeys() {
  const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    rsaA: rsa(), // RS256, kid "rsa-a": the OP's everyday signing key
    rsaP: rsa(), // PS256, kid "rsa-p"
    rsaNew: rsa(), // the key an OP rotates to, or signs with without publishing
    attacker: rsa(), // the attacker's own key: never in the OP's JWKS
    ec: generateKeyPairSync('ec', { namedCurve: 'P-256' }), // ES256, kid "ec-1"
    ed: generateKeyPairSync('ed25519'), // EdDSA, kid "ed-1"
  };
}

// A public JWK with the given extra members (kid, use, alg, anything else).
export function publicJwk(pair, extra = {}) {
  return { ...pair.publicKey.export({ format: 'jwk' }), ...extra };
}

// RFC 7515 signature over the ASCII signing input.
export function signBytes(alg, key, input) {
  const data = Buffer.from(input, 'ascii');
  switch (alg) {
    case 'RS256': return sign('sha256', data, { key, padding: constants.RSA_PKCS1_PADDING });
    case 'PS256': return sign('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    case 'ES256': return sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
    case 'EdDSA': return sign(null, data, key);
    case 'HS256': return createHmac('sha256', key).update(data).digest();
    case 'none': return Buffer.alloc(0);
    default: throw new Error(`jws: no signer for ${alg}`);
  }
}

// OpenID Connect Core §3.1.3.6 at_hash / c_hash: the left half of the hash of the ASCII value, with
// the hash of the JWS alg (SHA-512 for EdDSA with Ed25519).
export function tokenHash(alg, value) {
  const digest = createHash(alg === 'EdDSA' ? 'sha512' : 'sha256').update(Buffer.from(value, 'ascii')).digest();
  return b64u(digest.subarray(0, digest.length / 2));
}

// A compact JWS from a token description:
//   { alg, key, header, claims }          the normal case: JSON-serialised header and claims
//   rawHeader / rawPayload (strings)      exact JSON text to use instead (e.g. duplicate members)
//   tamper: true                          flip one bit of the signature after signing
//   mangle(compact) => compact            last-moment edits of the finished string
export function compactJws(t) {
  const header = t.rawHeader !== undefined ? b64u(Buffer.from(t.rawHeader, 'utf8')) : b64uJson(t.header);
  const payload = t.rawPayload !== undefined ? b64u(Buffer.from(t.rawPayload, 'utf8')) : b64uJson(t.claims);
  const input = `${header}.${payload}`;
  const signature = Buffer.from(signBytes(t.alg, t.key, input));
  if (t.tamper && signature.length > 0) signature[signature.length >> 1] ^= 0x01;
  const compact = `${input}.${b64u(signature)}`;
  return t.mangle ? t.mangle(compact) : compact;
}
