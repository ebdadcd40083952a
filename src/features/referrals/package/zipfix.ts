import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * A local-time Date whose DOS timestamp (what ZIP stores; fflate writes local fields) reads
 * `day` 00:00 on any machine, in any time zone: reproducible archives need that.
 */
export function dosDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 0, 0, 0);
}

/**
 * Office files are ZIPs written with the current time (entries and docProps/core.xml). Rewrites one
 * with fixed times and the original entry order so the same report gives the same bytes.
 */
export function normalizeOfficeZip(bytes: Uint8Array, day: string): Uint8Array {
  const entries = unzipSync(bytes);
  const mtime = dosDate(day);
  const fixedIso = `${day}T00:00:00Z`;
  const out: Zippable = {};
  for (const name of Object.keys(entries)) {
    let data = entries[name];
    if (name === 'docProps/core.xml') {
      const xml = new TextDecoder().decode(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${fixedIso}$2`);
      data = new TextEncoder().encode(xml);
    }
    out[name] = [data, { mtime, level: 6 }];
  }
  return zipSync(out, { mtime });
}
