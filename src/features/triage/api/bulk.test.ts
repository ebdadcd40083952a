import { describe, expect, it } from 'vitest';
import { switchSession } from '@/api/resources/session';
import { getDb } from '@/mocks/store';
import { bulkPatch, fetchFamily, runBulk } from './bulk';

describe('bulk actions against the mock backend', () => {
  it('applies to every item and reports each failure with its reason, without stopping', async () => {
    const db = getDb();
    const open = db.complaints.filter((c) => c.label === 'none').slice(0, 4).map((c) => structuredClone(c));
    // Someone else changes one complaint after it was listed: its version is stale.
    db.complaints.find((c) => c.id === open[1].id)!.version += 1;
    // And one is a confirmed agent label, which an analyst may not overturn.
    const confirmed = db.complaints.find((c) => c.label === 'agent_confirmed') ?? Object.assign(db.complaints.find((c) => c.label === 'none' && !open.some((o) => o.id === c.id))!, { label: 'agent_confirmed' as const });
    const items = [...open, structuredClone(confirmed)];
    const seen: number[] = [];
    const outcomes = await runBulk(items, (c) => bulkPatch('legitimate', c, 'u-analyst-1'), (n) => seen.push(n));
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true, false]);
    expect((outcomes[1].error as { kind: string }).kind).toBe('conflict');
    expect((outcomes[4].error as { kind: string }).kind).toBe('forbidden');
    expect(seen.at(-1)).toBe(5);
    expect(db.complaints.find((c) => c.id === open[0].id)!.label).toBe('legitimate');
  });

  it('fetches a whole template family across pages and a lead can confirm proposals', async () => {
    const db = getDb();
    const member = db.complaints.find((c) => c.templateFamilyId && c.templateFamilySize >= 3)!;
    const family = await fetchFamily(member.templateFamilyId!);
    expect(family).toHaveLength(db.complaints.filter((c) => c.templateFamilyId === member.templateFamilyId).length);
    const proposed = await runBulk(family, (c) => bulkPatch('propose', c, 'u-analyst-1'));
    const proposable = proposed.filter((o) => o.ok).map((o) => o.id);
    expect(proposable.length).toBeGreaterThan(0);
    await switchSession({ userId: 'u-lead-1' });
    const fresh = await fetchFamily(member.templateFamilyId!);
    const outcomes = await runBulk(fresh.filter((c) => proposable.includes(c.id)), (c) => bulkPatch('confirm', c, 'u-lead-1'));
    expect(outcomes.every((o) => o.ok)).toBe(true);
  });
});
