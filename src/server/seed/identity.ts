/**
 * Clear personal identifiers for the demo: names, resident ID numbers, mobile numbers and card numbers
 * that look real (valid check digits, real prefixes) but are random. Only the generator sees them;
 * records get the masked form and the clear value goes to `db.pii`.
 */
import { weighted, type Rng, type WeightedPicker } from './random';
import { CARD_BINS, GIVEN_FEMALE, GIVEN_MALE, MOBILE_PREFIXES, PLACES, SURNAMES } from './vocab';

const surnamePicker = weighted(SURNAMES);
export const placePicker: WeightedPicker<(typeof PLACES)[number]> = weighted(PLACES.map((p) => [p, p[2]] as const));

export type Gender = 'male' | 'female';

export function personName(rng: Rng, gender: Gender): string {
  const pool = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const surname = rng.pickWeighted(surnamePicker);
  // About a third of given names are one character (张伟), the rest two (张子航).
  const given = rng.chance(0.35) ? rng.pick(pool) : rng.pick(pool) + rng.pick(pool);
  return surname + given;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckDigit(id.slice(0, 17)) === id[17];
}

/** Luhn check digit, as used by UnionPay card numbers. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function isValidCardNumber(card: string): boolean {
  return /^\d{16,19}$/.test(card) && luhnCheckDigit(card.slice(0, -1)) === card.slice(-1);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Generates unique identifiers: a collision between two people would glue them together in the graph
 * and make the masking test ambiguous, so every value is drawn until it is new.
 */
export class IdentityFactory {
  private readonly used = new Set<string>();

  constructor(
    private readonly rng: Rng,
    /** The generator's "now", so ages are relative to the demo date. */
    private readonly nowYear: number,
  ) {}

  private unique(make: () => string): string {
    for (;;) {
      const value = make();
      if (!this.used.has(value)) {
        this.used.add(value);
        return value;
      }
    }
  }

  /** 18-digit resident ID: area code, birth date, sequence (odd = male), check character. */
  idNumber(areaCode: string, gender: Gender, minAge = 20, maxAge = 55): string {
    const { rng } = this;
    return this.unique(() => {
      const year = this.nowYear - rng.int(minAge, maxAge);
      const month = rng.int(1, 12);
      const day = rng.int(1, 28);
      const seq = rng.int(0, 49) * 20 + rng.int(0, 9) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = `${areaCode}${year}${pad2(month)}${pad2(day)}${String(seq).padStart(3, '0')}`;
      return first17 + idCheckDigit(first17);
    });
  }

  mobile(): string {
    return this.unique(() => this.rng.pick(MOBILE_PREFIXES) + this.rng.digits(8));
  }

  bankCard(): { number: string; bank: string } {
    const [bin, bank, length] = this.rng.pick(CARD_BINS);
    const number = this.unique(() => {
      const body = bin + this.rng.digits(length - bin.length - 1);
      return body + luhnCheckDigit(body);
    });
    return { number, bank };
  }

  /** WeChat id as agents use them: a memorable prefix plus digits. */
  wechatId(): string {
    const prefixes = ['wxid_', 'fw', 'zx', 'shangan', 'tingxi', 'kefu', 'weiquan', 'yh'];
    return this.unique(() => this.rng.pick(prefixes) + this.rng.digits(this.rng.int(6, 9)));
  }

  /** IMEI-like device id (15 digits). */
  deviceId(): string {
    return this.unique(() => '86' + this.rng.digits(13));
  }

  /** A residential/office broadband IP (avoids the carrier range used for the hub). */
  ip(): string {
    return this.unique(() => `${this.rng.pick([113, 116, 119, 121, 183, 222])}.${this.rng.int(1, 254)}.${this.rng.int(1, 254)}.${this.rng.int(1, 254)}`);
  }

  /** 18-character unified social credit code (统一社会信用代码) shape: 9 1 + area code + 10 characters. */
  creditCode(areaCode: string): string {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    return this.unique(() => {
      let tail = '';
      for (let i = 0; i < 10; i++) tail += chars[this.rng.int(0, chars.length - 1)];
      return `91${areaCode}${tail}`;
    });
  }
}

/** Masks for identifiers pii.ts has no helper for. Keep two leading and two trailing characters. */
export function maskHandle(value: string): string {
  return value.length <= 4 ? `${value[0]}***` : `${value.slice(0, 2)}****${value.slice(-2)}`;
}
export function maskDevice(value: string): string {
  return `${value.slice(0, 4)}*******${value.slice(-4)}`;
}
export function maskIp(value: string): string {
  const parts = value.split('.');
  return `${parts[0]}.${parts[1]}.*.**`;
}
