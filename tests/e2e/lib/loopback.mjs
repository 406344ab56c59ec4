// Loopback address helpers shared by the e2e scripts.

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', '[::1]', '::1', 'localhost']);

/** Is this URL (string or URL) an http(s) URL on a loopback host? */
export function isLoopbackUrl(url) {
  let parsed;
  try {
    parsed = url instanceof URL ? url : new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTNAMES.has(parsed.hostname);
}

/** Host and path of a URL, never its query or fragment (they carry codes, state and nonces). */
export function hostAndPath(url) {
  try {
    const parsed = url instanceof URL ? url : new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return `${parsed.host}${parsed.pathname}`;
    return `${parsed.protocol}…`;
  } catch {
    return '(unparsable URL)';
  }
}
