/**
 * How an identifier is written before it is hashed to a point. Both institutions must write every value
 * the same way or equal identifiers never meet; the manifest names this rule's version and both sign it.
 */
import type { SharedType } from '@/api/schemas';

/** The ID number's check character (GB 11643): weights 2^(17-i) mod 11 over the first 17 digits. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Unified social credit code (GB 32100): no I, O, Z, S, V. */
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const stripSeparators = (v: string) => v.normalize('NFKC').replace(/[\s\-–—_.()（）]/g, '');

export function validIdNumber(v: string): boolean {
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(v[i]), 0);
  return ID_CHECK[sum % 11] === v[17];
}

/** The normalised form, or null when the value cannot be an identifier of that type (it is then not offered). */
export function normaliseIdentifier(type: SharedType, raw: string): string | null {
  const v = stripSeparators(raw);
  switch (type) {
    case 'agent_phone': {
      // Mobile numbers: 11 digits, without +86 / 0086 and separators.
      const digits = v.replace(/^\+/, '').replace(/^00/, '');
      const n = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
      return /^1[3-9]\d{9}$/.test(n) ? n : null;
    }
    case 'agent_person': {
      const n = v.toUpperCase();
      return validIdNumber(n) ? n : null;
    }
    case 'agent_firm': {
      const n = v.toUpperCase();
      return USCC.test(n) ? n : null;
    }
    case 'fee_account': {
      const n = v.replace(/\D/g, '');
      // Bank card and account numbers: digits only; anything shorter is not an account.
      return n.length >= 12 && n.length <= 30 && n.length === v.length ? n : null;
    }
    case 'device':
      // Device ids as given: they are compared byte for byte by every system that records them.
      return raw.trim() || null;
    case 'document': {
      const n = v.toLowerCase();
      return /^[0-9a-f]{64}$/.test(n) ? n : null;
    }
  }
}
