/**
 * The real sample evidence files in public/samples, described by their manifest. Evidence records
 * point at them (url, size, sha256), so a viewer opens a real file and a hash check passes.
 */
import { z } from 'zod';
import { evidenceKindSchema } from '@/api/schemas';
import manifestJson from '../../../public/samples/manifest.json';

export const sampleFileSchema = z.object({
  file: z.string(),
  kind: evidenceKindSchema,
  mime: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string(),
  description: z.string(),
  forged: z.boolean(),
  reuseGroup: z.string().nullable(),
  pages: z.number().int().positive().nullable(),
  durationSec: z.number().nullable(),
  /** dHash of the image or the PDF's first page (scripts/samples/phash.ts). */
  phash: z.string().regex(/^[0-9a-f]{16}$/).nullable().optional(),
});
export type SampleFile = z.infer<typeof sampleFileSchema>;
export const sampleManifestSchema = z.array(sampleFileSchema);

export const sampleManifest: SampleFile[] = sampleManifestSchema.parse(manifestJson);

/** The files the generator uses, by role. Missing ones are reported clearly instead of producing bad records. */
export type SampleCatalog = {
  forgedCertificates: SampleFile[];
  genuineDocuments: SampleFile[];
  powerOfAttorney: SampleFile;
  complaintLetter: SampleFile;
  institutionAuthorization: SampleFile;
  callRecording: SampleFile;
  callTranscript: SampleFile | null;
  chat: SampleFile;
};

export function catalogue(manifest: readonly SampleFile[]): SampleCatalog {
  const byFile = (name: string): SampleFile => {
    const found = manifest.find((f) => f.file === name);
    if (!found) throw new Error(`public/samples/manifest.json has no entry for ${name}`);
    return found;
  };
  const isCertificate = (f: SampleFile) => f.file.startsWith('cert-') || f.file.startsWith('report-');
  return {
    forgedCertificates: manifest.filter((f) => f.forged && isCertificate(f)),
    genuineDocuments: manifest.filter((f) => !f.forged && isCertificate(f)),
    powerOfAttorney: byFile('power-of-attorney.png'),
    complaintLetter: byFile('complaint-letter.pdf'),
    institutionAuthorization: byFile('institution-authorization.pdf'),
    callRecording: byFile('call-recording.wav'),
    callTranscript: manifest.find((f) => f.file === 'call-recording.transcript.json') ?? null,
    chat: byFile('wechat-chat.txt'),
  };
}

/** "诊断证明书（陈志伟）" → "诊断证明书": the per-record title names the submitting borrower instead. */
export const baseTitle = (f: SampleFile): string => f.title.replace(/（[^）]*）$/, '');
