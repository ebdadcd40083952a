import { useQueries } from '@tanstack/react-query';
import type { Evidence, Referral } from '@/api/schemas';
import type { HashState } from '@/domain/referral-validation';

/**
 * Files are immutable evidence: hash each URL once per session. A global refetch (a role switch
 * invalidates every query) must not re-read and re-hash tens of megabytes.
 */
const computed = new Map<string, Promise<string>>();
function sha256OfUrl(url: string): Promise<string> {
  let p = computed.get(url);
  if (!p) {
    p = hashUrl(url);
    computed.set(url, p);
    p.catch(() => computed.delete(url));
  }
  return p;
}

async function hashUrl(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  const digest = await crypto.subtle.digest('SHA-256', await res.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Recomputes each listed file's SHA-256 in the browser and compares it with the hash the chain of
 * custody recorded: a package must only carry files that are what the record says they are.
 */
export function useHashChecks(items: Referral['evidence'], evidence: readonly Evidence[] | undefined): Record<string, HashState> {
  const byId = new Map((evidence ?? []).map((e) => [e.id, e]));
  const urls = items.map((i) => byId.get(i.evidenceId)?.url ?? null);
  const results = useQueries({
    queries: urls.map((url) => ({
      queryKey: ['referrals', 'sha256', url] as const,
      queryFn: () => sha256OfUrl(url!),
      enabled: url !== null,
      staleTime: Infinity,
      retry: 1,
    })),
  });
  const out: Record<string, HashState> = {};
  items.forEach((item, i) => {
    const r = results[i];
    if (evidence && !byId.has(item.evidenceId)) out[item.evidenceId] = 'unavailable';
    else if (!r || r.isPending) out[item.evidenceId] = 'pending';
    else if (r.isError) out[item.evidenceId] = 'unavailable';
    else out[item.evidenceId] = r.data === item.sha256 ? 'ok' : 'mismatch';
  });
  return out;
}
