import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contradictsName, sniffType } from './file-type';

const sample = (f: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../public/samples', f))).subarray(0, 4096);
const bytes = (...xs: number[]) => new Uint8Array(xs);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffType', () => {
  it.each([
    ['cert-diagnosis-a.png', 'image', 'image/png'],
    ['cert-diagnosis-a-rescan.jpg', 'image', 'image/jpeg'],
    ['report-diagnosis.pdf', 'pdf', 'application/pdf'],
    ['call-recording.wav', 'audio', 'audio/wav'],
    ['wechat-chat.txt', 'chat', 'text/plain'],
    ['call-recording.transcript.json', 'text', 'text/plain'],
  ])('recognises %s from its bytes', (file, kind, mime) => {
    const r = sniffType(sample(file));
    expect(r.ok && r.type).toMatchObject({ kind, mime });
  });

  it('decides by bytes, not by name: an executable is refused and named', () => {
    const r = sniffType(bytes(0x4d, 0x5a, 0x90, 0x00, 0x03));
    expect(r).toEqual({ ok: false, reason: 'unsupported', label: expect.stringContaining('EXE') });
  });

  it('refuses archives, unknown binary and empty files', () => {
    expect(sniffType(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2)).ok).toBe(false);
    expect(sniffType(bytes(0x00, 0x01, 0x02, 0xfe, 0xff))).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(sniffType(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('sees SVG as an image (shown only through <img>), even after an XML prolog and comment', () => {
    const r = sniffType(text('<?xml version="1.0"?>\n<!-- x --><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect(r.ok && r.type).toMatchObject({ kind: 'image', mime: 'image/svg+xml' });
  });

  it('reads HTML as plain text, never as a page', () => {
    const r = sniffType(text('<html><script>alert(1)</script></html>'));
    expect(r.ok && r.type).toMatchObject({ kind: 'text', mime: 'text/plain' });
  });

  it('accepts a PDF whose header follows some junk', () => {
    const r = sniffType(text('garbage\n%PDF-1.7\n'));
    expect(r.ok && r.type.kind).toBe('pdf');
  });
});

describe('contradictsName', () => {
  const png = sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0));
  it('names the extension a file claims when its bytes say otherwise', () => {
    if (!png.ok) throw new Error('PNG not recognised');
    expect(contradictsName('诊断证明.pdf', png.type)).toBe('PDF');
    expect(contradictsName('诊断证明.PNG', png.type)).toBeNull();
    expect(contradictsName('scan', png.type)).toBeNull();
    expect(contradictsName('scan.unknown', png.type)).toBeNull();
  });
});
