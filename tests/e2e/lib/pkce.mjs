// PKCE (RFC 7636, S256) and other random values for test clients.
import { createHash, randomBytes } from 'node:crypto';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function createPkce() {
  const verifier = randomToken(32);
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge, method: 'S256' };
}

/** Decodes a JWT's header and payload without verifying it (tests verify with node:crypto). */
export function decodeJwt(jwt) {
  const [header, payload] = String(jwt).split('.');
  const parse = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { header: parse(header), payload: parse(payload) };
}
