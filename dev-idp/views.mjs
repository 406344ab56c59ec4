// Server-rendered pages of the dev IdP. Self-contained: inline CSS, system fonts, no scripts, no
// external assets, so they render the same offline, in CI and in a store demo.

import { LANGUAGES, MESSAGES, has, t } from './i18n.mjs';

export function escapeHtml(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
:root{color-scheme:light;--ink:#1d2230;--muted:#5f6677;--line:#e4e7ef;--brand:#4338ca;--brand-hover:#3730a3;--danger:#b42318}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;padding:24px 16px;
  background:linear-gradient(155deg,#eceefb 0%,#f7f4ee 100%);color:var(--ink);
  font:16px/1.55 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans CJK JP","Noto Sans JP","Yu Gothic UI",Meiryo,"DejaVu Sans",sans-serif}
main{width:100%;max-width:420px}
.card{background:#fff;border-radius:18px;padding:32px 32px 28px;box-shadow:0 1px 2px rgba(16,24,40,.06),0 16px 40px rgba(16,24,40,.10)}
.brand{display:flex;align-items:center;gap:12px;margin:0 0 28px}
.mark{flex:none;width:36px;height:36px;border-radius:10px;display:grid;place-items:center;color:#fff;font-weight:700;font-size:18px;
  background:linear-gradient(135deg,#4f46e5,#0d9488)}
.brand b{display:block;font-size:15px;line-height:1.2}
.brand span{display:block;font-size:12px;color:var(--muted)}
h1{font-size:24px;line-height:1.25;margin:0 0 6px;letter-spacing:-.01em}
.lead{margin:0 0 22px;color:var(--muted)}
.lead strong{color:var(--ink)}
label{display:block;font-size:14px;font-weight:600;margin:16px 0 6px}
input[type=email],input[type=password],input[type=text]{width:100%;padding:11px 13px;font:inherit;color:inherit;background:#fff;
  border:1px solid #cdd2de;border-radius:10px}
input:focus{outline:3px solid rgba(79,70,229,.22);border-color:#4f46e5}
input.code{text-align:center;text-transform:uppercase;letter-spacing:.16em;font:600 22px/1.3 ui-monospace,"DejaVu Sans Mono",monospace}
.btn{display:block;width:100%;margin-top:14px;padding:12px 16px;border-radius:10px;border:1px solid transparent;font:inherit;font-weight:600;
  cursor:pointer;text-align:center}
.btn-primary{background:var(--brand);color:#fff}
.btn-primary:hover{background:var(--brand-hover)}
.btn-secondary{background:#fff;color:var(--ink);border-color:#cdd2de}
.btn-secondary:hover{background:#f4f5f9}
.btn:focus-visible{outline:3px solid rgba(79,70,229,.35);outline-offset:2px}
.btn-link{background:none;border:0;color:var(--muted);font-weight:500;margin-top:6px}
.btn-link:hover{color:var(--ink);text-decoration:underline}
.actions{display:flex;gap:12px;margin-top:22px}
.actions .btn{margin-top:0}
.alert{margin:0 0 6px;padding:10px 12px;border-radius:10px;font-size:14px;color:var(--danger);background:#fef3f2;border:1px solid #fecdca}
.account{display:flex;align-items:center;gap:10px;margin:0 0 18px;padding:10px 12px;border-radius:10px;background:#f4f5f9;font-size:14px}
.avatar{flex:none;width:28px;height:28px;border-radius:50%;display:grid;place-items:center;background:#e0e7ff;color:var(--brand);font-weight:700}
.scopes{list-style:none;margin:0;padding:0;border:1px solid var(--line);border-radius:12px}
.scopes li{display:flex;gap:12px;padding:12px 14px;border-top:1px solid var(--line)}
.scopes li:first-child{border-top:0}
.scopes li::before{content:"";flex:none;width:8px;height:8px;margin-top:.6em;border-radius:50%;background:#4f46e5}
.note{margin:16px 0 0;font-size:13px;color:var(--muted)}
.usercode{margin:6px 0 18px;padding:14px;border-radius:12px;background:#f4f5f9;text-align:center;letter-spacing:.14em;
  font:700 28px/1.2 ui-monospace,"DejaVu Sans Mono",monospace}
.done{width:48px;height:48px;border-radius:50%;display:grid;place-items:center;margin:0 0 16px;background:#dcfce7;color:#15803d;font-size:26px;font-weight:700}
details{margin-top:18px;font-size:13px;color:var(--muted)}
details dl{margin:8px 0 0}
details dt{font-weight:600;color:var(--ink)}
details dd{margin:0 0 6px;word-break:break-word}
footer{margin-top:18px;text-align:center;font-size:12px;color:var(--muted)}
footer nav{margin-top:6px}
footer a{color:var(--muted)}
footer a[aria-current]{color:var(--ink);font-weight:600;text-decoration:none}
`;

/** Links that reload the current page in another language (the choice is then remembered). */
function languageLinks(lang, path) {
  if (!path) return '';
  const links = LANGUAGES.map((code) => {
    const label = escapeHtml(MESSAGES[code]['lang.name']);
    const current = code === lang ? ' aria-current="true"' : '';
    return `<a href="${escapeHtml(`${path}?lang=${code}`)}" hreflang="${code}" lang="${code}"${current}>${label}</a>`;
  });
  return `<nav aria-label="${escapeHtml(t(lang, 'footer.language'))}">${links.join(' · ')}</nav>`;
}

/** The common page frame. `body` is trusted HTML built by the functions below. */
export function layout({ lang, title, body, langPath, brand }) {
  const brandName = brand?.name ?? t(lang, 'brand.name');
  const brandTagline = brand?.tagline ?? t(lang, 'brand.tagline');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · ${escapeHtml(brandName)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<div class="card">
<div class="brand"><div class="mark" aria-hidden="true"${brand?.color ? ` style="background:${escapeHtml(brand.color)}"` : ''}>${escapeHtml(brand?.mark ?? 'C')}</div><div><b>${escapeHtml(brandName)}</b><span>${escapeHtml(brandTagline)}</span></div></div>
${body}
</div>
<footer><div>${escapeHtml(t(lang, 'footer.notice'))}</div>${languageLinks(lang, langPath)}</footer>
</main>
</body>
</html>
`;
}

/** "Continue with …" buttons, one form each (POST /interaction/:uid/social/:id). */
function socialButtons(lang, uid, providers) {
  if (!providers?.length) return '';
  const buttons = providers.map(({ id, name }) => `<form method="post" action="/interaction/${escapeHtml(uid)}/social/${escapeHtml(id)}">
<button class="btn btn-secondary" type="submit" id="social-${escapeHtml(id)}">${escapeHtml(t(lang, 'login.social', { provider: name }))}</button>
</form>`).join('\n');
  return `<div class="social" id="social-buttons">${buttons}</div>
<p class="note" style="text-align:center;margin:14px 0 0">${escapeHtml(t(lang, 'login.or'))}</p>`;
}

export function loginPage({ lang, uid, clientName, email = '', error, errorVars = {}, providers = [] }) {
  const alert = error ? `<p class="alert" role="alert" id="login-error">${escapeHtml(t(lang, error, errorVars))}</p>` : '';
  const body = `
<h1>${escapeHtml(t(lang, 'login.title'))}</h1>
<p class="lead">${t(lang, 'login.lead', { client: `<strong>${escapeHtml(clientName)}</strong>` })}</p>
${alert}
${socialButtons(lang, uid, providers)}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="on">
<label for="email">${escapeHtml(t(lang, 'login.email'))}</label>
<input id="email" type="email" name="email" value="${escapeHtml(email)}" autocomplete="username" inputmode="email" required${email ? '' : ' autofocus'}>
<label for="password">${escapeHtml(t(lang, 'login.password'))}</label>
<input id="password" type="password" name="password" autocomplete="current-password" required${email ? ' autofocus' : ''}>
<button class="btn btn-primary" type="submit" id="login-submit">${escapeHtml(t(lang, 'login.submit'))}</button>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort">
<button class="btn btn-link" type="submit" id="login-cancel">${escapeHtml(t(lang, 'login.cancel'))}</button>
</form>`;
  return layout({ lang, title: t(lang, 'login.title'), body, langPath: `/interaction/${uid}` });
}

/** Plain-words lines for the requested scopes (and individually requested claims). */
export function describeRequest(lang, scopes, claims = []) {
  const lines = scopes.map((scope) => (has(lang, `scope.${scope}`)
    ? t(lang, `scope.${scope}`)
    : t(lang, 'scope.other', { scope })));
  const claimNames = claims
    .filter((claim) => !['sub', 'sid', 'auth_time', 'acr', 'amr', 'iss'].includes(claim))
    .map((claim) => (has(lang, `claim.${claim}`) ? t(lang, `claim.${claim}`) : claim));
  if (claimNames.length) lines.push(t(lang, 'consent.claims', { claims: claimNames.join(lang === 'ja' ? '、' : ', ') }));
  return lines;
}

export function consentPage({ lang, uid, clientName, email, lines }) {
  const initial = escapeHtml((email || '?').charAt(0).toUpperCase());
  const body = `
<h1>${escapeHtml(t(lang, 'consent.title'))}</h1>
<p class="lead">${t(lang, 'consent.lead', { client: `<strong>${escapeHtml(clientName)}</strong>` })}</p>
<div class="account"><span class="avatar" aria-hidden="true">${initial}</span><span>${escapeHtml(t(lang, 'consent.account', { email }))}</span></div>
<ul class="scopes" id="consent-scopes">
${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}
</ul>
<div class="actions">
<form method="post" action="/interaction/${escapeHtml(uid)}/abort" style="flex:1"><button class="btn btn-secondary" type="submit" id="consent-deny">${escapeHtml(t(lang, 'consent.deny'))}</button></form>
<form method="post" action="/interaction/${escapeHtml(uid)}/confirm" style="flex:1"><button class="btn btn-primary" type="submit" id="consent-allow" autofocus>${escapeHtml(t(lang, 'consent.allow'))}</button></form>
</div>
<p class="note">${escapeHtml(t(lang, 'consent.note'))}</p>`;
  return layout({ lang, title: t(lang, 'consent.title'), body, langPath: `/interaction/${uid}` });
}

/**
 * oidc-provider hands the device pages a ready-made <form> (with its CSRF token); the visible
 * inputs and buttons are ours.
 */
export function deviceInputPage({ lang, form, error }) {
  const localizedForm = form
    .replace(/placeholder="[^"]*"/, `placeholder="${escapeHtml(t(lang, 'device.input.placeholder'))}" class="code" id="user-code" aria-label="${escapeHtml(t(lang, 'device.input.label'))}"`)
    .replace(/<\/input>/, '');
  const alert = error ? `<p class="alert" role="alert">${escapeHtml(t(lang, error))}</p>` : '';
  const body = `
<h1>${escapeHtml(t(lang, 'device.input.title'))}</h1>
<p class="lead">${escapeHtml(t(lang, 'device.input.lead'))}</p>
${alert}
${localizedForm}
<button class="btn btn-primary" type="submit" form="op.deviceInputForm" id="device-submit">${escapeHtml(t(lang, 'device.input.submit'))}</button>`;
  return layout({ lang, title: t(lang, 'device.input.title'), body, langPath: '/device' });
}

export function deviceConfirmPage({ lang, form, clientName, userCode }) {
  const body = `
<h1>${escapeHtml(t(lang, 'device.confirm.title'))}</h1>
<p class="lead">${t(lang, 'device.confirm.lead', { client: `<strong>${escapeHtml(clientName)}</strong>` })}</p>
<div class="usercode" id="user-code">${escapeHtml(userCode)}</div>
<p class="note">${escapeHtml(t(lang, 'device.confirm.warning'))}</p>
${form}
<div class="actions">
<button class="btn btn-secondary" type="submit" form="op.deviceConfirmForm" name="abort" value="yes" id="device-abort">${escapeHtml(t(lang, 'device.confirm.abort'))}</button>
<button class="btn btn-primary" type="submit" form="op.deviceConfirmForm" id="device-confirm" autofocus>${escapeHtml(t(lang, 'device.confirm.continue'))}</button>
</div>`;
  return layout({ lang, title: t(lang, 'device.confirm.title'), body });
}

export function deviceSuccessPage({ lang, clientName }) {
  const body = `
<div class="done" aria-hidden="true">✓</div>
<h1 id="device-success">${escapeHtml(t(lang, 'device.success.title'))}</h1>
<p class="lead">${t(lang, 'device.success.lead', { client: `<strong>${escapeHtml(clientName)}</strong>` })}</p>`;
  return layout({ lang, title: t(lang, 'device.success.title'), body });
}

export function logoutPage({ lang, form }) {
  const body = `
<h1>${escapeHtml(t(lang, 'logout.title'))}</h1>
<p class="lead">${escapeHtml(t(lang, 'logout.lead'))}</p>
${form}
<div class="actions">
<button class="btn btn-secondary" type="submit" form="op.logoutForm" id="logout-no">${escapeHtml(t(lang, 'logout.no'))}</button>
<button class="btn btn-primary" type="submit" form="op.logoutForm" name="logout" value="yes" id="logout-yes" autofocus>${escapeHtml(t(lang, 'logout.yes'))}</button>
</div>`;
  return layout({ lang, title: t(lang, 'logout.title'), body });
}

export function logoutDonePage({ lang }) {
  const body = `
<div class="done" aria-hidden="true">✓</div>
<h1 id="logout-done">${escapeHtml(t(lang, 'logout.done.title'))}</h1>
<p class="lead">${escapeHtml(t(lang, 'logout.done.lead'))}</p>`;
  return layout({ lang, title: t(lang, 'logout.done.title'), body });
}

/** `details` is oidc-provider's { error, error_description, ... } (developer-facing, English). */
export function errorPage({ lang, details = {}, expired = false }) {
  const rows = Object.entries(details)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const body = `
<h1 id="error-title">${escapeHtml(t(lang, 'error.title'))}</h1>
<p class="lead">${escapeHtml(t(lang, expired ? 'error.expired' : 'error.lead'))}</p>
${rows ? `<details><summary>${escapeHtml(t(lang, 'error.details'))}</summary><dl>${rows}</dl></details>` : ''}`;
  return layout({ lang, title: t(lang, 'error.title'), body });
}

/** An upstream ("social") provider's account chooser: one button per demo account. */
export function upstreamChooserPage({ lang, uid, brand, clientName, accounts }) {
  const rows = accounts.map((a) => `<form method="post" action="/interaction/${escapeHtml(uid)}/choose">
<input type="hidden" name="account" value="${escapeHtml(a.sub)}">
<button class="btn btn-secondary" type="submit" data-email="${escapeHtml(a.email)}" id="choose-${escapeHtml(a.sub)}">${escapeHtml(a.name)} · ${escapeHtml(a.email)}${a.verified ? '' : ` (${escapeHtml(t(lang, 'upstream.unverified'))})`}</button>
</form>`).join('\n');
  const body = `
<h1 id="upstream-title">${escapeHtml(t(lang, 'upstream.title'))}</h1>
<p class="lead">${t(lang, 'upstream.lead', { client: `<strong>${escapeHtml(clientName)}</strong>` })}</p>
<div id="upstream-accounts">${rows}</div>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort">
<button class="btn btn-link" type="submit" id="upstream-cancel">${escapeHtml(t(lang, 'upstream.cancel'))}</button>
</form>`;
  return layout({ lang, title: t(lang, 'upstream.title'), body, brand, langPath: `/interaction/${uid}` });
}

/** Shown by the SDK's browser after a magic link was sent: this browser is now the requesting device. */
export function magicWaitPage({ lang, email }) {
  const body = `
<h1 id="magic-wait">${escapeHtml(t(lang, 'magic.wait.title'))}</h1>
<p class="lead">${escapeHtml(t(lang, 'magic.wait.lead', { email }))}</p>
<p class="note">${escapeHtml(t(lang, 'magic.wait.other'))}</p>`;
  return layout({ lang, title: t(lang, 'magic.wait.title'), body });
}

/** GET of a magic link: nothing is consumed until the person clicks (mail scanners only GET). */
export function magicConfirmPage({ lang, token, clientName, email }) {
  const body = `
<h1>${escapeHtml(t(lang, 'magic.confirm.title'))}</h1>
<p class="lead">${t(lang, 'magic.confirm.lead', { client: `<strong>${escapeHtml(clientName)}</strong>`, email: escapeHtml(email) })}</p>
<form method="post" action="/passwordless/verify">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button class="btn btn-primary" type="submit" id="magic-continue" autofocus>${escapeHtml(t(lang, 'magic.confirm.submit'))}</button>
</form>
<p class="note">${escapeHtml(t(lang, 'magic.confirm.note'))}</p>`;
  return layout({ lang, title: t(lang, 'magic.confirm.title'), body });
}

/** The link was opened on another device: a code to type on the device that asked. */
export function magicCodePage({ lang, code, clientName, minutes }) {
  const body = `
<h1>${escapeHtml(t(lang, 'magic.code.title'))}</h1>
<p class="lead">${t(lang, 'magic.code.lead', { client: `<strong>${escapeHtml(clientName)}</strong>` })}</p>
<div class="usercode" id="magic-code">${escapeHtml(code)}</div>
<p class="note">${escapeHtml(t(lang, 'magic.code.note', { minutes }))}</p>`;
  return layout({ lang, title: t(lang, 'magic.code.title'), body });
}

/** A magic link that cannot be used: `reason` is magic.used, magic.expired or magic.invalid. */
export function magicErrorPage({ lang, reason }) {
  const body = `
<h1 id="error-title">${escapeHtml(t(lang, 'error.title'))}</h1>
<p class="lead" id="magic-error" data-reason="${escapeHtml(reason.replace('magic.', ''))}">${escapeHtml(t(lang, reason))}</p>`;
  return layout({ lang, title: t(lang, 'error.title'), body });
}
