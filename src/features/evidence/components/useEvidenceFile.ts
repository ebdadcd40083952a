import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Evidence } from '@/api/schemas';
import { sha256OfBlob, verifyHash, type HashCheck } from '../lib/integrity';

async function fetchBytes(e: Evidence): Promise<{ blob: Blob; url: string }> {
  const res = await fetch(e.url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${e.url}`);
  // The recorded MIME wins over whatever the server says: an SVG must stay image/svg+xml for <img>.
  const blob = new Blob([await res.blob()], { type: e.mime });
  // One object URL per fetched file, living as long as the cached bytes (see gcTime).
  return { blob, url: URL.createObjectURL(blob) };
}

/** The file's bytes, an object URL for them, and the browser's own SHA-256 compared with the recorded one. */
export function useEvidenceFile(e: Evidence | undefined) {
  const bytes = useQuery({ queryKey: ['evidence-bytes', e?.id, e?.url], queryFn: () => fetchBytes(e!), enabled: Boolean(e), staleTime: Infinity, gcTime: 5 * 60_000, retry: 1 });
  const [hash, setHash] = useState<{ blob: Blob | null; check: HashCheck | null; progress: number }>({ blob: null, check: null, progress: 0 });
  const blob = bytes.data?.blob;
  const recorded = e?.sha256;

  useEffect(() => {
    if (!blob || !recorded) return;
    const ac = new AbortController();
    sha256OfBlob(blob, (done, total) => setHash({ blob, check: null, progress: done / total }), ac.signal)
      .then((actual) => !ac.signal.aborted && setHash({ blob, check: verifyHash(actual, recorded), progress: 1 }))
      .catch(() => undefined);
    return () => ac.abort();
  }, [blob, recorded]);

  const current = hash.blob === blob ? hash : { check: null, progress: 0 };
  return { blob, url: bytes.data?.url ?? null, check: current.check, progress: current.progress, error: bytes.error, isPending: bytes.isPending, refetch: bytes.refetch };
}
