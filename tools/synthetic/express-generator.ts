import type { ExpressManifest, ExpressWaybill } from '@customs/domain';
import { SeededRandom } from './random';

/**
 * SYNTHETIC express cargo manifests for development and tests. No public express-manifest data
 * exist; everything here is invented (names, addresses, ids, shippers), with a few risk patterns
 * that the Korea Customs Service describes publicly planted at fixed shares so that tests and
 * criteria can find them. The shares are test settings, not estimates of real prevalence.
 */

/** The risk patterns planted in a generated manifest. */
export type ExpressPattern = 'split-shipment' | 'counterfeit-brand' | 'drug-concealment';

/**
 * Share of the waybills planted with each pattern (of all waybills; the rest are ordinary).
 * - split-shipment: one purchase split into several parcels to one person (same or family
 *   customs codes, variants of one address) from one shipper, each valued just under the USD 150
 *   list-clearance duty-free limit (KCS: "분할반입", goods arriving together for one consignee are
 *   assessed together);
 * - counterfeit-brand: luxury or sports brand names at implausibly low values, from CN, HK or TR
 *   (KCS seizure reports name China as the main source of counterfeits in express and mail);
 * - drug-concealment: goods words KCS seizure cases name as covers ("supplement powder", "tea",
 *   "candle", "coffee", "bath salt") from origins of its drug-smuggling cases (US, TH, VN, LA,
 *   NL, CA, MX, DE), heavy for a very low declared value.
 */
export const EXPRESS_PATTERN_SHARES: Readonly<Record<ExpressPattern, number>> = {
  'split-shipment': 0.04,
  'counterfeit-brand': 0.02,
  'drug-concealment': 0.005,
};

/** The list-clearance duty-free limit the split shipments stay under, in USD (goods other than from the US, where it is 200). */
export const DUTY_FREE_LIMIT_USD = 150;

/** Options of {@link generateExpressManifest}. */
export interface ExpressGeneratorOptions {
  /** Number of waybills (1..20,000). */
  waybills: number;
  /** Arrival, ISO 8601 UTC date-time, e.g. `"2026-12-01T06:30:00Z"`. */
  arrivalAt: string;
  /** Customs office code of the logistics centre (a code of `KCS_CODE_LISTS.officeId`, e.g. `"40"` Incheon Airport). */
  logisticsCentreId: string;
  /** Default AIR. */
  transportMode?: 'AIR' | 'SEA';
  /** Flight or voyage number; default drawn from the seed. */
  voyage?: string;
}

/** A generated manifest and where its patterns are. */
export interface GeneratedExpressManifest {
  manifest: ExpressManifest;
  /** Every planted waybill with its pattern; the waybills not listed are ordinary. */
  planted: Array<{ waybillNumber: string; pattern: ExpressPattern }>;
}

/**
 * The number of waybills each pattern gets in a manifest of `n` waybills: `round(n x share)`,
 * except that a split shipment needs at least 2 parcels (0 when the rounded count is 1).
 */
export function plantedCounts(n: number): Record<ExpressPattern, number> {
  const split = Math.round(n * EXPRESS_PATTERN_SHARES['split-shipment']);
  return {
    'split-shipment': split < 2 ? 0 : split,
    'counterfeit-brand': Math.round(n * EXPRESS_PATTERN_SHARES['counterfeit-brand']),
    'drug-concealment': Math.round(n * EXPRESS_PATTERN_SHARES['drug-concealment']),
  };
}

const COURIERS: ReadonlyArray<{ id: string; prefix: string }> = [
  { id: 'EXKR01', prefix: 'HX' }, { id: 'EXKR02', prefix: 'GP' }, { id: 'EXKR03', prefix: 'SK' },
  { id: 'EXKR04', prefix: 'TW' }, { id: 'EXKR05', prefix: 'AB' }, { id: 'EXKR06', prefix: 'LQ' },
];
const AIR_VOYAGES = ['KE0852', 'OZ0370', 'CA0125', 'MU5041', 'FX0081', '5X0084', 'CK0261', 'YG9043'];
const SEA_VOYAGES = ['WHF2612E', 'NHE2612E', 'DSL2612E'];

const SURNAMES = ['KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON', 'JANG', 'LIM', 'HAN', 'OH', 'SEO', 'SHIN', 'KWON'];
const GIVEN_NAMES = ['MINJI', 'JIHOON', 'SEOYEON', 'HYUNWOO', 'YUNA', 'DONGHYUN', 'SUBIN', 'JUNHO', 'EUNJI', 'TAEYANG', 'HAEUN', 'SUNGMIN', 'JIWOO', 'YEJIN'];
const STREETS = ['Teheran-ro', 'Sejong-daero', 'Dosan-daero', 'Haeundae-ro', 'Gwangbok-ro', 'Dongdaegu-ro', 'Jungang-daero', 'Gyeongin-ro', 'Pangyo-ro', 'Songdo-daero'];
const DISTRICTS = [
  'Gangnam-gu, Seoul', 'Mapo-gu, Seoul', 'Songpa-gu, Seoul', 'Haeundae-gu, Busan', 'Suseong-gu, Daegu', 'Yeonsu-gu, Incheon',
  'Bundang-gu, Seongnam-si, Gyeonggi-do', 'Yuseong-gu, Daejeon', 'Buk-gu, Gwangju', 'Ilsandong-gu, Goyang-si, Gyeonggi-do',
];
const COMPANY_WORDS = ['LUMEN', 'XINGDA', 'HARBOR', 'SUMMIT', 'BLUE OAK', 'NOVA', 'GOLDEN RIVER', 'MAPLE', 'SAKURA', 'NORDLICHT', 'PACIFIC', 'EVERGREEN'];
const COMPANY_SUFFIX: Readonly<Record<string, string>> = {
  CN: 'TRADING CO LTD', HK: 'LIMITED', US: 'LLC', JP: 'KK', DE: 'GMBH', GB: 'LTD', FR: 'SARL', VN: 'CO LTD', TW: 'CO LTD',
  AU: 'PTY LTD', IT: 'SRL', TR: 'LTD STI', TH: 'CO LTD', LA: 'SOLE CO', NL: 'BV', CA: 'INC', MX: 'SA DE CV',
};
const CITY: Readonly<Record<string, string>> = {
  CN: 'SHENZHEN', HK: 'KOWLOON', US: 'LOS ANGELES', JP: 'OSAKA', DE: 'HAMBURG', GB: 'LONDON', FR: 'LYON', VN: 'HO CHI MINH',
  TW: 'TAIPEI', AU: 'SYDNEY', IT: 'MILAN', TR: 'ISTANBUL', TH: 'BANGKOK', LA: 'VIENTIANE', NL: 'ROTTERDAM', CA: 'VANCOUVER', MX: 'GUADALAJARA',
};

/** Ordinary e-commerce goods: descriptions, weight (kg) and value (USD) ranges. */
const ORDINARY_GOODS: ReadonlyArray<{ descriptions: readonly string[]; kg: [number, number]; usd: [number, number]; share: number }> = [
  { descriptions: ['COTTON T-SHIRT', 'WOMEN DRESS', 'MEN JACKET', 'SOCKS 10 PAIRS', 'HOODIE', 'DENIM JEANS', 'RUNNING SHORTS', 'KNIT SWEATER'], kg: [0.2, 2.5], usd: [6, 120], share: 0.28 },
  { descriptions: ['FACE CREAM', 'LIPSTICK', 'SHAMPOO', 'SUNSCREEN', 'HAIR SERUM', 'NAIL POLISH SET', 'BODY LOTION'], kg: [0.1, 1.5], usd: [5, 90], share: 0.17 },
  { descriptions: ['PHONE CASE', 'USB-C CABLE', 'BLUETOOTH EARPHONES', 'MECHANICAL KEYBOARD', 'USB CHARGER', 'SCREEN PROTECTOR', 'COMPUTER MOUSE', 'POWER BANK'], kg: [0.1, 2], usd: [3, 140], share: 0.22 },
  { descriptions: ['INSTANT NOODLES', 'CHOCOLATE', 'MIXED NUTS', 'COFFEE CAPSULES', 'VITAMIN GUMMIES', 'GREEN TEA', 'OLIVE OIL', 'PROTEIN BAR'], kg: [0.3, 6], usd: [5, 90], share: 0.13 },
  { descriptions: ['KITCHEN UTENSILS', 'LED DESK LAMP', 'STORAGE BOX', 'SCENTED CANDLE', 'BED SHEET SET', 'WATER BOTTLE'], kg: [0.3, 8], usd: [6, 110], share: 0.1 },
  { descriptions: ['CAMPING TENT', 'YOGA MAT', 'DUMBBELL SET', 'FISHING ROD', 'BICYCLE PARTS'], kg: [0.5, 20], usd: [15, 250], share: 0.05 },
  { descriptions: ['LAPTOP COMPUTER', 'CAMERA LENS', 'DRONE', 'GOLF CLUB SET', 'ESPRESSO MACHINE', 'TABLET'], kg: [0.8, 12], usd: [160, 1800], share: 0.05 },
];
const ORDINARY_COUNTRIES: Readonly<Record<string, number>> = { CN: 55, US: 18, JP: 8, DE: 4, HK: 4, VN: 3, GB: 2, FR: 2, TW: 2, AU: 1, IT: 1 };
const SPLIT_COUNTRIES: Readonly<Record<string, number>> = { CN: 6, JP: 2, DE: 1, HK: 1 };
const SPLIT_GOODS = ['VITAMIN SUPPLEMENT', 'SNEAKERS', 'HANDBAG', 'PERFUME', 'SMART WATCH', 'WIRELESS EARBUDS', 'FACE SERUM'];
const COUNTERFEIT_GOODS = [
  'LOUIS VUITTON BAG', 'ROLEX WATCH', 'CHANEL WALLET', 'GUCCI BELT', 'HERMES SCARF', 'PRADA HANDBAG', 'CARTIER BRACELET',
  'BURBERRY SCARF', 'NIKE AIR JORDAN SHOES', 'DIOR SUNGLASSES', 'APPLE AIRPODS PRO', 'OMEGA WATCH',
];
const COUNTERFEIT_COUNTRIES: Readonly<Record<string, number>> = { CN: 7, HK: 2, TR: 1 };
const DRUG_COVER_GOODS = [
  'HERBAL SUPPLEMENT POWDER', 'PROTEIN POWDER', 'DRIED TEA LEAVES', 'OOLONG TEA', 'SCENTED CANDLE', 'SOY WAX CANDLE',
  'COFFEE BEANS', 'BATH SALT', 'DIETARY SUPPLEMENT CAPSULES',
];
const DRUG_ORIGINS: Readonly<Record<string, number>> = { US: 4, TH: 2, VN: 1, LA: 1, NL: 1, CA: 1, MX: 1, DE: 1 };

/** Invented private senders (a person rather than a shop) by country. */
const PRIVATE_SENDERS: Readonly<Record<string, readonly string[]>> = {
  CN: ['LI WEI', 'WANG FANG', 'CHEN MING', 'ZHANG YAN'], HK: ['WONG KA HO', 'CHAN MEI LING'], TR: ['YILMAZ EMRE', 'KAYA AYSE'],
  US: ['J SMITH', 'MICHAEL BROWN', 'ASHLEY JOHNSON'], TH: ['SOMCHAI SRISUK', 'NATTAYA BOONMA'], VN: ['NGUYEN VAN AN', 'TRAN THI HOA'],
  LA: ['SOUKSAVANH PHOMMA'], NL: ['J DE VRIES', 'SANNE BAKKER'], CA: ['M TREMBLAY', 'RYAN WILSON'], MX: ['J GARCIA', 'ANA LOPEZ'],
  DE: ['T MUELLER', 'ANNA SCHMIDT'],
};

/** A generator bound to one seed: the draws of the manifest in a fixed order. */
class ExpressDraws {
  private readonly usedWaybills = new Set<string>();

  constructor(readonly r: SeededRandom) {}

  waybillNumber(courier: { prefix: string }): string {
    for (;;) {
      const n = `${courier.prefix}${this.r.digits(10)}`;
      if (!this.usedWaybills.has(n)) {
        this.usedWaybills.add(n);
        return n;
      }
    }
  }

  personalCode(): string {
    return `P${this.r.int(1, 9)}${this.r.digits(11)}`;
  }

  /** A consignee: a person with a personal customs clearance code, or (6 %, unless `personOnly`) a company with a business number. */
  consignee(personOnly = false): { name: string; id: string; address: string } {
    const business = !personOnly && this.r.chance(0.06);
    const name = business ? `${this.r.pick(COMPANY_WORDS)} KOREA CO LTD` : `${this.r.pick(SURNAMES)} ${this.r.pick(GIVEN_NAMES)}`;
    const id = business ? `${this.r.int(1, 9)}${this.r.digits(9)}` : this.personalCode();
    return { name, id, address: formatAddress(this.addressParts(), 0) };
  }

  addressParts(): AddressParts {
    return {
      number: this.r.int(1, 399),
      street: this.r.pick(STREETS),
      district: this.r.pick(DISTRICTS),
      postcode: String(this.r.int(1000, 63999)).padStart(5, '0'),
      building: this.r.chance(0.7) ? { dong: this.r.int(101, 120), ho: this.r.int(1, 25) * 100 + this.r.int(1, 8) } : null,
    };
  }

  shipper(country: string): string {
    const r = this.r;
    if (r.chance(0.15)) return `${r.pick(['ONLINE STORE', 'SHOP', 'OUTLET'])} ${r.pick(COMPANY_WORDS)} ${CITY[country] ?? ''}`.trim();
    return `${CITY[country] ?? ''} ${r.pick(COMPANY_WORDS)} ${COMPANY_SUFFIX[country] ?? 'LTD'}`.trim();
  }

  waybill(fields: Omit<ExpressWaybill, 'waybillNumber' | 'courierId'>, courier = this.r.pick(COURIERS)): ExpressWaybill {
    return { waybillNumber: this.waybillNumber(courier), courierId: courier.id, ...fields };
  }

  ordinary(): ExpressWaybill {
    const r = this.r;
    const goods = ORDINARY_GOODS[indexByShare(r, ORDINARY_GOODS.map((g) => g.share))];
    const shipperCountry = r.weighted(ORDINARY_COUNTRIES);
    const c = this.consignee();
    const quantity = r.chance(0.7) ? 1 : r.int(2, 6);
    return this.waybill({
      shipperName: this.shipper(shipperCountry), shipperCountry,
      consigneeName: c.name, consigneeId: c.id, consigneeAddress: c.address,
      goodsDescription: r.pick(goods.descriptions), quantity,
      grossWeightKg: Math.max(0.1, r.between(goods.kg[0], goods.kg[1], 2)),
      declaredValueUsd: r.between(goods.usd[0], goods.usd[1], 2),
      // Marketplaces abroad resell Chinese-made goods: a fifth of non-CN parcels are of CN origin.
      originCountry: shipperCountry !== 'CN' && r.chance(0.2) ? 'CN' : shipperCountry,
    });
  }

  /** One split purchase of `size` parcels: one shipper, one person (or family) at one address written several ways. */
  splitGroup(size: number): ExpressWaybill[] {
    const r = this.r;
    const shipperCountry = r.weighted(SPLIT_COUNTRIES);
    const shipperName = this.shipper(shipperCountry);
    const courier = r.pick(COURIERS);
    const goods = r.pick(SPLIT_GOODS);
    const surname = r.pick(SURNAMES);
    const base = this.addressParts();
    base.building ??= { dong: r.int(101, 120), ho: r.int(1, 25) * 100 + r.int(1, 8) };
    // The buyer's own customs code on most parcels, family members' codes on the others.
    const own = { name: `${surname} ${r.pick(GIVEN_NAMES)}`, id: this.personalCode() };
    return Array.from({ length: size }, (_, i) => {
      const person = i === 0 || r.chance(0.6) ? own : { name: `${surname} ${r.pick(GIVEN_NAMES)}`, id: this.personalCode() };
      return this.waybill({
        shipperName, shipperCountry,
        consigneeName: person.name, consigneeId: person.id, consigneeAddress: formatAddress(base, r.int(0, 3)),
        goodsDescription: goods, quantity: 1,
        grossWeightKg: r.between(0.3, 2.5, 2),
        declaredValueUsd: r.between(DUTY_FREE_LIMIT_USD - 30, DUTY_FREE_LIMIT_USD - 0.01, 2),
        originCountry: shipperCountry,
      }, courier);
    });
  }

  counterfeit(): ExpressWaybill {
    const r = this.r;
    const shipperCountry = r.weighted(COUNTERFEIT_COUNTRIES);
    const c = this.consignee();
    return this.waybill({
      shipperName: r.chance(0.5) ? this.shipper(shipperCountry) : r.pick(PRIVATE_SENDERS[shipperCountry]),
      shipperCountry,
      consigneeName: c.name, consigneeId: c.id, consigneeAddress: c.address,
      goodsDescription: r.pick(COUNTERFEIT_GOODS), quantity: r.chance(0.8) ? 1 : r.int(2, 5),
      grossWeightKg: r.between(0.2, 2, 2),
      declaredValueUsd: r.between(8, 45, 2),
      originCountry: shipperCountry,
    });
  }

  drugConcealment(): ExpressWaybill {
    const r = this.r;
    const origin = r.weighted(DRUG_ORIGINS);
    const c = this.consignee(true);
    return this.waybill({
      shipperName: r.chance(0.6) ? r.pick(PRIVATE_SENDERS[origin]) : this.shipper(origin),
      shipperCountry: origin,
      consigneeName: c.name, consigneeId: c.id, consigneeAddress: c.address,
      goodsDescription: r.pick(DRUG_COVER_GOODS), quantity: r.int(1, 3),
      // Heavy for what it claims to be and nearly worthless: under USD 6 per kg.
      grossWeightKg: r.between(1.5, 6, 2),
      declaredValueUsd: r.between(3, 9, 2),
      originCountry: origin,
    });
  }
}

interface AddressParts { number: number; street: string; district: string; postcode: string; building: { dong: number; ho: number } | null }

/**
 * The address in one of four spellings a buyer uses for the same flat (variant 0 is the
 * canonical one), e.g. "101-dong 1203-ho, 12, Teheran-ro, Gangnam-gu, Seoul 06133".
 */
function formatAddress(a: AddressParts, variant: number): string {
  const b = a.building;
  const flat = b === null ? '' : [`${b.dong}-dong ${b.ho}-ho, `, `${b.dong}dong ${b.ho}ho `, `Apt ${b.dong}-${b.ho}, `, `#${b.dong}-${b.ho} `][variant];
  const street = variant === 3 ? a.street.toUpperCase() : a.street;
  return `${flat}${a.number}, ${street}, ${a.district} ${a.postcode}`;
}

function indexByShare(r: SeededRandom, shares: readonly number[]): number {
  let x = r.next() * shares.reduce((s, v) => s + v, 0);
  for (let i = 0; i < shares.length; i++) {
    x -= shares[i];
    if (x < 0) return i;
  }
  return shares.length - 1;
}

/**
 * A synthetic express manifest of `options.waybills` house waybills, deterministic for `seed`
 * (same seed and options, same JSON). Planted patterns: {@link plantedCounts}; the other
 * waybills are ordinary e-commerce parcels (clothes, cosmetics, electronics accessories, food,
 * household and sports goods, a few above USD 150) from CN, US, JP, DE, HK and others, 0.1-20 kg.
 * Waybills are shuffled, so planted ones are not adjacent.
 *
 * @throws RangeError when `options.waybills` is not an integer in 1..20,000.
 */
export function generateExpressManifest(seed: number, options: ExpressGeneratorOptions): GeneratedExpressManifest {
  const n = options.waybills;
  if (!Number.isInteger(n) || n < 1 || n > 20_000) throw new RangeError(`waybills must be an integer in 1..20000, got ${n}`);
  const r = new SeededRandom(seed);
  const draws = new ExpressDraws(r);
  const transportMode = options.transportMode ?? 'AIR';
  const voyage = options.voyage ?? r.pick(transportMode === 'AIR' ? AIR_VOYAGES : SEA_VOYAGES);
  const counts = plantedCounts(n);
  const planted: GeneratedExpressManifest['planted'] = [];
  const waybills: ExpressWaybill[] = [];
  const add = (pattern: ExpressPattern | null, w: ExpressWaybill) => {
    waybills.push(w);
    if (pattern !== null) planted.push({ waybillNumber: w.waybillNumber, pattern });
  };

  let splitLeft = counts['split-shipment'];
  while (splitLeft > 0) {
    let size = Math.min(splitLeft, r.int(3, 5));
    if (splitLeft - size === 1) size += 1; // never leave a lone parcel: a split needs two
    for (const w of draws.splitGroup(size)) add('split-shipment', w);
    splitLeft -= size;
  }
  for (let i = 0; i < counts['counterfeit-brand']; i++) add('counterfeit-brand', draws.counterfeit());
  for (let i = 0; i < counts['drug-concealment']; i++) add('drug-concealment', draws.drugConcealment());
  while (waybills.length < n) add(null, draws.ordinary());

  const day = options.arrivalAt.slice(0, 10).replace(/-/g, '');
  return {
    manifest: {
      manifestId: `${voyage}-${day}-${options.logisticsCentreId}`.slice(0, 35),
      transportMode,
      voyage,
      arrivalAt: options.arrivalAt,
      logisticsCentreId: options.logisticsCentreId,
      waybills: r.shuffle(waybills),
    },
    planted,
  };
}
