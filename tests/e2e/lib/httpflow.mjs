// A browser-less user agent for the dev IdP: follows the authorization request with fetch, keeps
// the IdP's cookies, posts the login and consent forms the way a browser would, and stops at the
// first redirect that leaves the IdP (the app's redirect URI), which it returns without visiting.
// Much faster than Chromium; browser-signin.mjs remains the real-browser path.

import { hostAndPath } from './loopback.mjs';

class CookieJar {
  #cookies = new Map();

  store(response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=.*1970/i.test(a) || /^\s*max-age=0\b/i.test(a));
      if (!value || expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function formAction(html, buttonId) {
  // Each button of our pages sits in its own <form method="post" action="...">.
  const forms = html.split(/<form\b/i).slice(1);
  const form = forms.find((f) => f.includes(`id="${buttonId}"`));
  const action = form && /action="([^"]+)"/.exec(form)?.[1];
  return action?.replace(/&amp;/g, '&');
}

const htmlLang = (html) => /<html[^>]*\blang="([^"]*)"/i.exec(html)?.[1];

/**
 * Runs the front-channel part of a sign-in. Returns { redirect: URL, lang } where redirect is the
 * app's redirect URI with code/error, state and iss, or throws with a message without any query.
 */
export async function httpSignIn(authorizationUrl, {
  email = 'aiko@example.com', password = 'sakura-2026', deny = false, acceptLanguage = 'en-US,en;q=0.9',
  maxSteps = 20,
} = {}) {
  const idpOrigin = new URL(authorizationUrl).origin;
  const jar = new CookieJar();
  let lang;
  let request = { url: new URL(authorizationUrl), method: 'GET' };
  let loggedIn = false;

  for (let step = 0; step < maxSteps; step += 1) {
    const response = await fetch(request.url, {
      method: request.method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        'accept-language': acceptLanguage,
        ...(request.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: request.body,
    });
    jar.store(response);

    if (response.status >= 300 && response.status < 400) {
      const location = new URL(response.headers.get('location'), request.url);
      await response.arrayBuffer();
      if (location.origin !== idpOrigin) return { redirect: location, lang };
      request = { url: location, method: 'GET' };
      continue;
    }

    const html = await response.text();
    lang ??= htmlLang(html);
    if (html.includes('id="login-submit"')) {
      if (loggedIn && html.includes('id="login-error"')) throw new Error('the IdP rejected the email or password');
      if (loggedIn) throw new Error('the login page came back without an error');
      loggedIn = true;
      const action = formAction(html, 'login-submit');
      request = {
        url: new URL(action, request.url),
        method: 'POST',
        body: new URLSearchParams({ email, password }).toString(),
      };
      continue;
    }
    if (html.includes('id="consent-allow"')) {
      const action = formAction(html, deny ? 'consent-deny' : 'consent-allow');
      request = { url: new URL(action, request.url), method: 'POST', body: '' };
      continue;
    }
    if (html.includes('id="error-title"')) {
      const detail = [...html.matchAll(/<dd>([^<]*)<\/dd>/g)].map((m) => m[1]).join(': ');
      throw new Error(`the IdP showed an error page${detail ? ` (${detail})` : ''}`);
    }
    throw new Error(`unexpected page at ${hostAndPath(request.url)} (HTTP ${response.status})`);
  }
  throw new Error('too many steps');
}
