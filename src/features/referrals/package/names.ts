/**
 * ZIP entry names for files whose names come from outside (uploads, agents' attachments). An entry
 * name is a path on the police officer's disk once extracted: it must never climb out (`..`), be
 * absolute, use backslashes (Windows tools treat them as separators) or carry control characters.
 */

const RESERVED = /[<>:"|?*]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const MAX_NAME = 80;

/** A single safe path segment built from an untrusted file name (its directory part is dropped). */
export function sanitizeFileName(raw: string, fallback = 'file'): string {
  const base = raw.replace(CONTROL, '').split(/[\\/]+/).filter(Boolean).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  if (!name) name = fallback;
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  return name;
}

/** `evidence/007_cert-diagnosis-a.png`: numbered in package order so the index and the folder agree. */
export function evidenceEntryName(position: number, fileName: string, total: number): string {
  const width = Math.max(3, String(total).length);
  return `evidence/${String(position).padStart(width, '0')}_${sanitizeFileName(fileName)}`;
}

/** Last line of defence before anything is written into the archive. */
export function isSafeEntryPath(path: string): boolean {
  if (!path || path.length > 255) return false;
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.includes('\\')) return false;
  if (new RegExp(CONTROL.source).test(path)) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}
