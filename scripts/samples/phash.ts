/**
 * Adds each image's and each PDF's first page's perceptual hash (dHash) to public/samples/manifest.json,
 * with the same code the browser runs on uploads. Pixels come from ImageMagick (PDFs rasterised by
 * poppler's pdftoppm first).  Usage: npx tsx scripts/samples/phash.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dHash } from '../../src/lib/perceptual-hash';

const dir = join(import.meta.dirname, '../../public/samples');
const manifestPath = join(dir, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { file: string; kind: string; phash?: string | null }[];

function greyOf(path: string) {
  const [w, h] = execFileSync('identify', ['-format', '%w %h', `${path}[0]`], { encoding: 'utf8' }).trim().split(' ').map(Number);
  // Flatten onto white first, as the browser does for transparent pixels.
  const grey = execFileSync('convert', [`${path}[0]`, '-background', 'white', '-alpha', 'remove', '-colorspace', 'Gray', '-depth', '8', 'gray:-'], { maxBuffer: 1 << 28 });
  return { width: w, height: h, grey: new Uint8Array(grey) };
}

const tmp = mkdtempSync(join(tmpdir(), 'phash-'));
try {
  for (const entry of manifest) {
    const path = join(dir, entry.file);
    if (entry.kind === 'image') entry.phash = dHash(greyOf(path));
    else if (entry.kind === 'pdf') {
      execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '72', '-png', path, join(tmp, 'page')]);
      const page = execFileSync('sh', ['-c', `ls ${tmp}/page*.png`], { encoding: 'utf8' }).trim().split('\n')[0];
      entry.phash = dHash(greyOf(page));
      rmSync(page);
    } else entry.phash = null;
    console.log(entry.file, entry.phash);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
