import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../../../public/samples/manifest.json';
import { sha256OfBlob, verifyHash } from './integrity';

describe('sha256OfBlob', () => {
  it('matches the recorded hash of every sample file', async () => {
    for (const m of manifest) {
      const blob = new Blob([readFileSync(join(import.meta.dirname, '../../../../public/samples', m.file))]);
      expect(verifyHash(await sha256OfBlob(blob), m.sha256).status, m.file).toBe('match');
    }
  });

  it('streams across slice boundaries to the same digest as one-shot hashing', async () => {
    const data = new Uint8Array(8 * 1024 * 1024 + 12345).map((_, i) => (i * 31) & 0xff);
    const progress: number[] = [];
    const digest = await sha256OfBlob(new Blob([data]), (done) => progress.push(done), undefined, 0);
    expect(digest).toBe(createHash('sha256').update(data).digest('hex'));
    expect(progress.at(-1)).toBe(data.length);
    expect(progress.length).toBe(2);
    expect(await sha256OfBlob(new Blob([data]))).toBe(digest);
  });

  it('flags one changed byte as a mismatch', async () => {
    const file = readFileSync(join(import.meta.dirname, '../../../../public/samples/wechat-chat.txt'));
    const tampered = new Uint8Array(file);
    tampered[100] ^= 1;
    const recorded = manifest.find((m) => m.file === 'wechat-chat.txt')!.sha256;
    expect(verifyHash(await sha256OfBlob(new Blob([tampered])), recorded).status).toBe('mismatch');
  });
});

describe('verifyHash', () => {
  const h = 'a'.repeat(64);
  it('ignores case and surrounding space', () => expect(verifyHash(h.toUpperCase(), ` ${h} `).status).toBe('match'));
  it('never calls a malformed record a match', () => {
    expect(verifyHash(h, '').status).toBe('invalid');
    expect(verifyHash(h, 'a'.repeat(63)).status).toBe('invalid');
  });
});
