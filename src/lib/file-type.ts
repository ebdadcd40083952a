/**
 * The type of an evidence file is decided from its first bytes, never from its name or the browser's
 * guess: a "certificate.png" that is really an executable must be refused.
 */
import type { EvidenceKind } from '@/api/schemas';

export type Sniffed = { kind: EvidenceKind; mime: string; label: string };
export type SniffResult = { ok: true; type: Sniffed } | { ok: false; reason: 'empty' | 'unsupported'; label: string };

/** Upload size limit; the largest real sample (a one-minute WAV) is under 2 MB. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: number[], offset = 0) => sig.every((v, i) => b[offset + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** Recognisable but refused: named so the message says what the file really is. */
const REFUSED: [string, (b: Uint8Array) => boolean][] = [
  ['Windows 可执行文件 (EXE/DLL)', (b) => startsWith(b, [0x4d, 0x5a])],
  ['ELF 可执行文件', (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46])],
  ['ZIP/Office 压缩包', (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04])],
  ['RAR 压缩包', (b) => startsWith(b, [0x52, 0x61, 0x72, 0x21])],
  ['7z 压缩包', (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf])],
  ['GIF 图像', (b) => ascii(b, 0, 4) === 'GIF8'],
  ['MP4/MOV 视频', (b) => ascii(b, 4, 8) === 'ftyp'],
  ['OLE (旧版 Office) 文档', (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])],
];

function isUtf8Text(b: Uint8Array): boolean {
  if (b.includes(0)) return false;
  try {
    // stream: a multi-byte character cut at the end of the sample is not a reason to refuse.
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** `head` is the file's first bytes (4 KiB is plenty). */
export function sniffType(head: Uint8Array): SniffResult {
  const b = head;
  if (b.length === 0) return { ok: false, reason: 'empty', label: '' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, type: { kind: 'image', mime: 'image/png', label: 'PNG' } };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { ok: true, type: { kind: 'image', mime: 'image/jpeg', label: 'JPEG' } };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return { ok: true, type: { kind: 'image', mime: 'image/webp', label: 'WebP' } };
  // %PDF may be preceded by junk in the first KiB; readers accept that, so do we.
  const pdfAt = ascii(b, 0, Math.min(b.length, 1024)).indexOf('%PDF-');
  if (pdfAt >= 0) return { ok: true, type: { kind: 'pdf', mime: 'application/pdf', label: 'PDF' } };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return { ok: true, type: { kind: 'audio', mime: 'audio/wav', label: 'WAV' } };
  if (ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0)) return { ok: true, type: { kind: 'audio', mime: 'audio/mpeg', label: 'MP3' } };
  if (ascii(b, 0, 4) === 'OggS') return { ok: true, type: { kind: 'audio', mime: 'audio/ogg', label: 'Ogg' } };
  if (ascii(b, 4, 8) === 'ftyp' && /M4A/.test(ascii(b, 8, 12))) return { ok: true, type: { kind: 'audio', mime: 'audio/mp4', label: 'M4A' } };
  for (const [label, test] of REFUSED) if (test(b)) return { ok: false, reason: 'unsupported', label };
  if (isUtf8Text(b)) {
    const text = new TextDecoder().decode(b).replace(/^\uFEFF/, '').trimStart();
    // SVG is text but is only ever shown through <img>, where its scripts cannot run.
    if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) return { ok: true, type: { kind: 'image', mime: 'image/svg+xml', label: 'SVG' } };
    if (looksLikeChat(text)) return { ok: true, type: { kind: 'chat', mime: 'text/plain', label: '聊天记录' } };
    return { ok: true, type: { kind: 'text', mime: 'text/plain', label: '文本' } };
  }
  return { ok: false, reason: 'unsupported', label: '未知二进制' };
}

/** What a file's extension claims it is; a name without a known extension claims nothing. */
const EXTENSIONS: Record<string, string[]> = {
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  webp: ['image/webp'],
  svg: ['image/svg+xml'],
  pdf: ['application/pdf'],
  wav: ['audio/wav'],
  mp3: ['audio/mpeg'],
  ogg: ['audio/ogg'],
  m4a: ['audio/mp4'],
  txt: ['text/plain'],
};

/**
 * A name whose extension contradicts the bytes ("诊断证明.pdf" that is a PNG) is refused: the custody
 * record must not describe a file as something it is not. Returns the extension the name claims.
 */
export function contradictsName(fileName: string, type: Sniffed): string | null {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName.trim())?.[1].toLowerCase();
  const claimed = ext ? EXTENSIONS[ext] : undefined;
  return claimed && !claimed.includes(type.mime) ? ext!.toUpperCase() : null;
}

/** WeChat/QQ text exports: "2026-08-01 10:02:03 张三(某公司): message" per line. */
export const CHAT_LINE = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)\s+([^:：\n]{1,40}?)[:：]\s?(.*)$/;
function looksLikeChat(text: string): boolean {
  const lines = text.split(/\r?\n/).slice(0, 40);
  return lines.filter((l) => CHAT_LINE.test(l.trim())).length >= 3;
}
