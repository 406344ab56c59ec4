// The storefront's own data: a small product catalogue and, per shopper, loyalty points, a cart and
// offers. Seeded for the demo shoppers of accounts.mjs, kept in memory, reset on every restart.
// Shoppers created later (social sign-in, passwordless) start with an empty cart and a welcome offer.
//
// Everything here is a plain value in, plain value out: storefront.mjs does the HTTP.

/** Prices are integer yen (JPY has no minor unit). Names in English and Japanese. */
export const PRODUCTS = [
  { id: 'matcha-set', price_yen: 3240, name: { en: 'Uji matcha tasting set', ja: '宇治抹茶 飲み比べセット' } },
  { id: 'hasami-mug', price_yen: 2200, name: { en: 'Hasami porcelain mug', ja: '波佐見焼 マグカップ' } },
  { id: 'tenugui', price_yen: 1320, name: { en: 'Cotton tenugui towel', ja: '綿の手ぬぐい' } },
  { id: 'furoshiki', price_yen: 1980, name: { en: 'Furoshiki wrapping cloth', ja: '風呂敷' } },
  { id: 'folding-umbrella', price_yen: 2860, name: { en: 'Folding umbrella', ja: '折りたたみ傘' } },
  { id: 'canvas-sneakers', price_yen: 7480, name: { en: 'Canvas sneakers', ja: 'キャンバススニーカー' } },
];
const PRODUCT_BY_ID = new Map(PRODUCTS.map((p) => [p.id, p]));

const OFFERS = {
  'gold-10': {
    title: { en: '10% off for Gold members', ja: 'ゴールド会員さま 10%オフ' },
    text: { en: 'Take 10% off your whole basket this month.', ja: '今月はお買い物全体が10%オフになります。' },
  },
  'double-points': {
    title: { en: 'Double points this weekend', ja: '今週末はポイント2倍' },
    text: { en: 'Earn twice the points on everything until Sunday.', ja: '日曜日まで、すべての商品でポイントが2倍になります。' },
  },
  '500-off': {
    title: { en: '¥500 off orders over ¥5,000', ja: '5,000円以上のご注文で500円引き' },
    text: { en: 'Automatically applied at the till.', ja: 'レジで自動的に適用されます。' },
  },
  welcome: {
    title: { en: 'Welcome: ¥300 off your first order', ja: 'ようこそ：初回のご注文から300円引き' },
    text: { en: 'Our thanks for joining the Concierge Store.', ja: 'Concierge Store へのご登録ありがとうございます。' },
  },
  birthday: {
    title: { en: 'A birthday treat', ja: 'お誕生日の特典' },
    text: { en: 'A free tenugui with any order in your birthday month.', ja: 'お誕生月のご注文で手ぬぐいを1枚プレゼント。' },
  },
};

// Seed per demo shopper (sub from accounts.mjs). birthdate is only released under storefront.birthday.
const SEED = {
  shp_7Qm2xK9vR4tLa8Zc: { // Aiko, gold
    points: 12480, birthdate: '1990-04-12',
    cart: [['matcha-set', 1], ['hasami-mug', 2]],
    offers: [['gold-10', '2026-12-31'], ['double-points', '2026-12-06']],
  },
  shp_3Hd8pW1nJ6yFe5Ub: { // Ken, silver
    points: 3150, birthdate: '1985-11-03',
    cart: [['canvas-sneakers', 1]],
    offers: [['500-off', '2026-12-31']],
  },
  shp_9Lr5cT2bX7gVn4Ms: { // Emma, bronze
    points: 420, birthdate: '1994-07-21',
    cart: [['tenugui', 1]],
    offers: [['welcome', '2026-12-31']],
  },
};

export const MAX_QUANTITY = 99;
const shoppers = new Map(); // sub -> { points, birthdate, cart: Map(productId -> qty), offers }

function seedFor(sub) {
  const seed = SEED[sub] ?? { points: 0, birthdate: undefined, cart: [], offers: [['welcome', '2026-12-31']] };
  return {
    points: seed.points,
    birthdate: seed.birthdate,
    cart: new Map(seed.cart),
    offers: seed.offers.map(([id, expires]) => ({ id, expires })),
  };
}

/** The shopper's record, created from the seed on first use. */
function recordOf(sub) {
  if (!shoppers.has(sub)) shoppers.set(sub, seedFor(sub));
  return shoppers.get(sub);
}

export const productView = (product, lang) => ({
  id: product.id, name: product.name[lang] ?? product.name.en, price_yen: product.price_yen,
});

export function listProducts(lang) {
  return { currency: 'JPY', products: PRODUCTS.map((p) => productView(p, lang)) };
}

export function cartOf(sub, lang) {
  const { cart } = recordOf(sub);
  const items = [...cart].map(([id, quantity]) => {
    const product = PRODUCT_BY_ID.get(id);
    return { ...productView(product, lang), quantity, line_total_yen: product.price_yen * quantity };
  });
  return {
    currency: 'JPY',
    items,
    item_count: items.reduce((n, item) => n + item.quantity, 0),
    total_yen: items.reduce((n, item) => n + item.line_total_yen, 0),
  };
}

/**
 * Adds `quantity` of a product to the cart. Returns { cart } or { error, description } for an unknown
 * product or a bad quantity; nothing changes on an error.
 */
export function addToCart(sub, productId, quantity, lang) {
  if (!PRODUCT_BY_ID.has(productId)) return { error: 'unknown_product', description: 'no product with this id' };
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    return { error: 'invalid_quantity', description: `quantity must be a whole number from 1 to ${MAX_QUANTITY}` };
  }
  const { cart } = recordOf(sub);
  const next = (cart.get(productId) ?? 0) + quantity;
  if (next > MAX_QUANTITY) return { error: 'invalid_quantity', description: `at most ${MAX_QUANTITY} of one product` };
  cart.set(productId, next);
  return { cart: cartOf(sub, lang) };
}

const offerView = (id, expires, lang) => ({
  id, title: OFFERS[id].title[lang] ?? OFFERS[id].title.en, text: OFFERS[id].text[lang] ?? OFFERS[id].text.en, expires,
});

/**
 * The shopper's offers. The birthday offer needs the birthday (scope storefront.birthday): with
 * `birthday` false it is listed under `locked` with the scope that unlocks it.
 */
export function offersOf(sub, lang, { birthday = false } = {}) {
  const record = recordOf(sub);
  const offers = record.offers.map(({ id, expires }) => offerView(id, expires, lang));
  const locked = [];
  if (birthday && record.birthdate) offers.push(offerView('birthday', `${new Date().getUTCFullYear()}-12-31`, lang));
  else if (!birthday) locked.push({ id: 'birthday', title: offerView('birthday', null, lang).title, scope: 'storefront.birthday' });
  return { offers, locked };
}

export function loyaltyOf(sub, claims) {
  return { tier: claims.loyalty_tier ?? 'bronze', points: recordOf(sub).points };
}

export const birthdateOf = (sub) => recordOf(sub).birthdate;

/** Forgets everything the storefront keeps about the shopper. */
export function deleteShopperData(sub) {
  return shoppers.delete(sub);
}
