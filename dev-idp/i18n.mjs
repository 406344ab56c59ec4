// Every person-visible string of the dev IdP's pages, per language. To add a language, add a
// dictionary with the same keys to MESSAGES: pickLanguage() offers every key of MESSAGES.
//
// Placeholders are written {name} and filled by t(); values are HTML-escaped by the views, not here.

export const DEFAULT_LANGUAGE = 'en';

export const MESSAGES = {
  en: {
    'lang.name': 'English',
    'brand.name': 'Concierge dev IdP',
    'brand.tagline': 'Development sign-in service',
    'footer.notice': 'For development and demos only. Never enter a real password here.',
    'footer.language': 'Language',

    'login.title': 'Sign in',
    'login.lead': 'to continue to {client}',
    'login.email': 'Email address',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.cancel': 'Cancel',
    'login.invalid': 'The email address or password is incorrect.',
    'login.missing': 'Enter your email address and password.',

    'login.or': 'or',
    'login.social': 'Continue with {provider}',
    'login.social.failed': 'Signing in with {provider} did not work. Try again, or use your email and password.',

    'upstream.title': 'Choose an account',
    'upstream.lead': 'to continue to {client}',
    'upstream.unverified': 'email address not verified',
    'upstream.cancel': 'Cancel',

    'magic.wait.title': 'Check your email',
    'magic.wait.lead': 'We sent a sign-in link to {email}. Open it in this browser to continue here.',
    'magic.wait.other': 'Opened on another device, the link shows a code to type in the app instead.',
    'magic.confirm.title': 'Sign in?',
    'magic.confirm.lead': 'Sign in to {client} as {email}.',
    'magic.confirm.submit': 'Sign in',
    'magic.confirm.note': 'This link works once. Only continue if you asked for it.',
    'magic.code.title': 'Enter this code in the app',
    'magic.code.lead': 'This link was opened on a different device than the one that asked for it. To sign in there, type this code in {client}:',
    'magic.code.note': 'The code expires in {minutes} minutes. This device is not signed in.',
    'magic.used': 'This sign-in link has already been used. Ask the app for a new one.',
    'magic.expired': 'This sign-in link has expired. Ask the app for a new one.',
    'magic.invalid': 'This sign-in link is not valid. Ask the app for a new one.',
    'mail.link.subject': 'Your sign-in link for {client}',
    'mail.link.text': 'Hello,\n\nOpen this link to sign in to {client}:\n\n{link}\n\nThe link works once and expires in {minutes} minutes. If you did not ask for it, ignore this email.\n',
    'mail.link.button': 'Sign in to {client}',
    'mail.code.subject': 'Your sign-in code for {client}',
    'mail.code.text': 'Hello,\n\nYour code to sign in to {client} is:\n\n{code}\n\nIt expires in {minutes} minutes. If you did not ask for it, ignore this email.\n',

    'consent.title': 'Allow access?',
    'consent.lead': '{client} would like to:',
    'consent.account': 'Signed in as {email}',
    'consent.allow': 'Allow',
    'consent.deny': 'Deny',
    'consent.note': 'Only allow access to apps you trust.',
    'consent.claims': 'See these details: {claims}',

    'scope.openid': 'Confirm that it is you',
    'scope.profile': 'See your name, language and loyalty tier',
    'scope.email': 'See your email address',
    'scope.phone': 'See your phone number',
    'scope.address': 'See your postal address',
    'scope.offline_access': 'Keep you signed in, even while you are not using it',
    'scope.storefront.birthday': 'See your birthday, for birthday offers',
    'scope.other': 'Use the permission “{scope}”',

    'claim.name': 'name',
    'claim.given_name': 'given name',
    'claim.family_name': 'family name',
    'claim.email': 'email address',
    'claim.email_verified': 'whether your email address is verified',
    'claim.locale': 'language',
    'claim.zoneinfo': 'time zone',
    'claim.loyalty_tier': 'loyalty tier',
    'claim.phone_number': 'phone number',
    'claim.phone_number_verified': 'whether your phone number is verified',
    'claim.address': 'postal address',

    'device.input.title': 'Connect a device',
    'device.input.lead': 'Enter the code shown on your device.',
    'device.input.label': 'Code',
    'device.input.placeholder': 'XXXX-XXXX',
    'device.input.submit': 'Continue',
    'device.input.invalid': 'That code is not valid or has expired. Check it and try again.',
    'device.input.aborted': 'The sign-in request was cancelled.',
    'device.input.error': 'Something went wrong. Please try again.',
    'device.confirm.title': 'Confirm the device',
    'device.confirm.lead': 'Check that {client} shows this code:',
    'device.confirm.warning': 'If you did not start this, or the code does not match, cancel.',
    'device.confirm.continue': 'Continue',
    'device.confirm.abort': 'Cancel',
    'device.success.title': 'You are all set',
    'device.success.lead': '{client} is now signed in. You can close this page and return to your device.',

    'logout.title': 'Sign out?',
    'logout.lead': 'Do you want to sign out of the Concierge dev IdP?',
    'logout.yes': 'Sign out',
    'logout.no': 'Stay signed in',
    'logout.done.title': 'Signed out',
    'logout.done.lead': 'You have been signed out. You can close this page.',

    'error.title': 'Something went wrong',
    'error.lead': 'The request could not be completed. Return to the app and try again.',
    'error.expired': 'This sign-in page has expired. Return to the app and start again.',
    'error.details': 'Details for developers',
  },

  ja: {
    'lang.name': '日本語',
    'brand.name': 'Concierge dev IdP',
    'brand.tagline': '開発用ログインサービス',
    'footer.notice': '開発・デモ専用です。実際のパスワードは絶対に入力しないでください。',
    'footer.language': '言語',

    'login.title': 'ログイン',
    'login.lead': '{client} を続けるにはログインしてください',
    'login.email': 'メールアドレス',
    'login.password': 'パスワード',
    'login.submit': 'ログイン',
    'login.cancel': 'キャンセル',
    'login.invalid': 'メールアドレスまたはパスワードが正しくありません。',
    'login.missing': 'メールアドレスとパスワードを入力してください。',

    'login.or': 'または',
    'login.social': '{provider} で続ける',
    'login.social.failed': '{provider} でのログインに失敗しました。もう一度お試しいただくか、メールアドレスとパスワードでログインしてください。',

    'upstream.title': 'アカウントを選択',
    'upstream.lead': '{client} に進むアカウントを選んでください',
    'upstream.unverified': 'メールアドレス未確認',
    'upstream.cancel': 'キャンセル',

    'magic.wait.title': 'メールを確認してください',
    'magic.wait.lead': '{email} にログイン用のリンクを送りました。このブラウザでリンクを開くと、ここでログインが続きます。',
    'magic.wait.other': '別のデバイスでリンクを開いた場合は、アプリに入力するコードが表示されます。',
    'magic.confirm.title': 'ログインしますか？',
    'magic.confirm.lead': '{email} として {client} にログインします。',
    'magic.confirm.submit': 'ログイン',
    'magic.confirm.note': 'このリンクは一度だけ使えます。ご自身で依頼した場合のみ続けてください。',
    'magic.code.title': 'アプリにこのコードを入力してください',
    'magic.code.lead': 'このリンクは、依頼したデバイスとは別のデバイスで開かれました。依頼したデバイスでログインするには、{client} に次のコードを入力してください:',
    'magic.code.note': 'コードの有効期限は {minutes} 分です。このデバイスはログインしていません。',
    'magic.used': 'このログインリンクは既に使用されています。アプリから新しいリンクを依頼してください。',
    'magic.expired': 'このログインリンクは有効期限が切れています。アプリから新しいリンクを依頼してください。',
    'magic.invalid': 'このログインリンクは無効です。アプリから新しいリンクを依頼してください。',
    'mail.link.subject': '{client} のログインリンク',
    'mail.link.text': 'こんにちは。\n\n次のリンクを開いて {client} にログインしてください:\n\n{link}\n\nリンクは一度だけ使え、{minutes} 分で有効期限が切れます。心当たりがない場合は、このメールを無視してください。\n',
    'mail.link.button': '{client} にログイン',
    'mail.code.subject': '{client} のログインコード',
    'mail.code.text': 'こんにちは。\n\n{client} にログインするためのコードは次のとおりです:\n\n{code}\n\n有効期限は {minutes} 分です。心当たりがない場合は、このメールを無視してください。\n',

    'consent.title': 'アクセスを許可しますか？',
    'consent.lead': '{client} が次のことを求めています:',
    'consent.account': '{email} でログイン中',
    'consent.allow': '許可する',
    'consent.deny': '拒否する',
    'consent.note': '信頼できるアプリにだけアクセスを許可してください。',
    'consent.claims': '次の情報の参照: {claims}',

    'scope.openid': 'ご本人であることの確認',
    'scope.profile': '氏名・言語・会員ランクの参照',
    'scope.email': 'メールアドレスの参照',
    'scope.phone': '電話番号の参照',
    'scope.address': '住所の参照',
    'scope.offline_access': 'アプリを使っていない間もログイン状態を保つ',
    'scope.storefront.birthday': '誕生日の参照（お誕生日特典のため）',
    'scope.other': '権限「{scope}」の利用',

    'claim.name': '氏名',
    'claim.given_name': '名',
    'claim.family_name': '姓',
    'claim.email': 'メールアドレス',
    'claim.email_verified': 'メールアドレスの確認状況',
    'claim.locale': '言語',
    'claim.zoneinfo': 'タイムゾーン',
    'claim.loyalty_tier': '会員ランク',
    'claim.phone_number': '電話番号',
    'claim.phone_number_verified': '電話番号の確認状況',
    'claim.address': '住所',

    'device.input.title': 'デバイスを接続',
    'device.input.lead': 'デバイスに表示されているコードを入力してください。',
    'device.input.label': 'コード',
    'device.input.placeholder': 'XXXX-XXXX',
    'device.input.submit': '続ける',
    'device.input.invalid': 'コードが正しくないか、有効期限が切れています。確認してもう一度お試しください。',
    'device.input.aborted': 'ログインのリクエストはキャンセルされました。',
    'device.input.error': 'エラーが発生しました。もう一度お試しください。',
    'device.confirm.title': 'デバイスの確認',
    'device.confirm.lead': '{client} に次のコードが表示されていることを確認してください:',
    'device.confirm.warning': '心当たりがない場合やコードが一致しない場合は、キャンセルしてください。',
    'device.confirm.continue': '続ける',
    'device.confirm.abort': 'キャンセル',
    'device.success.title': '接続が完了しました',
    'device.success.lead': '{client} にログインしました。このページを閉じて、デバイスに戻ってください。',

    'logout.title': 'ログアウトしますか？',
    'logout.lead': 'Concierge dev IdP からログアウトしますか？',
    'logout.yes': 'ログアウト',
    'logout.no': 'ログインしたままにする',
    'logout.done.title': 'ログアウトしました',
    'logout.done.lead': 'ログアウトが完了しました。このページは閉じてかまいません。',

    'error.title': 'エラーが発生しました',
    'error.lead': 'リクエストを完了できませんでした。アプリに戻ってもう一度お試しください。',
    'error.expired': 'このログインページは有効期限が切れています。アプリに戻って最初からやり直してください。',
    'error.details': '開発者向けの詳細',
  },
};

export const LANGUAGES = Object.keys(MESSAGES);

// 'ja-JP' -> 'ja'; only the primary subtag selects a dictionary.
function supported(tag) {
  const primary = String(tag).trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(primary) ? primary : undefined;
}

/** Accept-Language header -> tags ordered by q (stable for equal q), q=0 dropped. */
function parseAcceptLanguage(header) {
  return String(header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter(({ tag, q }) => tag && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}

/**
 * Picks the page language: an explicit choice on the page (`lang`), then the space-separated
 * `ui_locales` authorization parameter, then the browser's Accept-Language, then English.
 */
export function pickLanguage({ lang, uiLocales, acceptLanguage } = {}) {
  const candidates = [
    ...(lang ? [lang] : []),
    ...String(uiLocales ?? '').split(' ').filter(Boolean),
    ...parseAcceptLanguage(acceptLanguage),
  ];
  for (const tag of candidates) {
    const found = supported(tag);
    if (found) return found;
  }
  return DEFAULT_LANGUAGE;
}

/** The string `key` in `lang` (falling back to English, then to the key), placeholders filled. */
export function t(lang, key, vars = {}) {
  const template = MESSAGES[lang]?.[key] ?? MESSAGES[DEFAULT_LANGUAGE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Has `key` a translation (used for optional per-scope / per-claim strings)? */
export function has(lang, key) {
  return key in (MESSAGES[lang] ?? {}) || key in MESSAGES[DEFAULT_LANGUAGE];
}
