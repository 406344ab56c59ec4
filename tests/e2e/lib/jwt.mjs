// Verifies a JWS (compact) against a JWKS with node:crypto: RS256, PS256, ES256 and EdDSA.
import { createPublicKey, verify, constants } from 'node:crypto';

import { decodeJwt } from './pkce.mjs';

export function verifyJwt(jwt, jwks) {
  const { header, payload } = decodeJwt(jwt);
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new Error(`no key with kid ${header.kid}`);
  if (jwk.alg && jwk.alg !== header.alg) throw new Error(`alg ${header.alg} does not match the key's ${jwk.alg}`);
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const [h, p, s] = jwt.split('.');
  const data = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(s, 'base64url');
  let ok;
  switch (header.alg) {
    case 'RS256': ok = verify('sha256', data, key, signature); break;
    case 'PS256': ok = verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature); break;
    case 'ES256': ok = verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature); break;
    case 'EdDSA': case 'Ed25519': ok = verify(null, data, key, signature); break;
    default: throw new Error(`unsupported alg ${header.alg}`);
  }
  if (!ok) throw new Error('bad signature');
  return { header, payload };
}
