import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { createCase, updateCase } from '@/api/resources/cases';
import { graphQueries, saveGraphLayout } from '@/api/resources/graph';
import { switchSession } from '@/api/resources/session';
import { getDb } from '../store';

const run = <T,>(q: { queryFn?: unknown }) => (q.queryFn as (ctx: never) => Promise<T>)({} as never);

describe('graph endpoints for the graph screen', () => {
  it('serves the whole network, with or without hubs', async () => {
    const db = getDb();
    const all = await run<{ entities: unknown[]; links: unknown[] }>(graphQueries.network(false));
    expect(all.entities).toHaveLength(db.entities.length);
    expect(all.links).toHaveLength(db.links.length);
    const noHubs = await run<{ entities: { isHub: boolean }[]; links: unknown[] }>(graphQueries.network(true));
    expect(noHubs.entities.some((e) => e.isHub)).toBe(false);
    expect(noHubs.links.length).toBeLessThan(db.links.length);
  });

  it('returns a subgraph: the given entities and the links among them', async () => {
    const db = getDb();
    const link = db.links[0];
    const g = await run<{ entities: { id: string }[]; links: { id: string }[] }>(graphQueries.subgraph([link.source, link.target, 'nope']));
    expect(g.entities.map((e) => e.id).sort()).toEqual([link.source, link.target].sort());
    expect(g.links.map((l) => l.id)).toContain(link.id);
  });

  it('saves a case layout with versions and refuses stale saves and auditors', async () => {
    const kase = getDb().cases[0];
    expect(await run(graphQueries.layout(kase.id))).toBeNull();
    const saved = await saveGraphLayout(kase.id, { version: 0, entityIds: ['a'], positions: { a: { x: 1, y: 2 } } });
    expect(saved.version).toBe(1);
    expect(await run(graphQueries.layout(kase.id))).toMatchObject({ positions: { a: { x: 1, y: 2 } } });
    await expect(saveGraphLayout(kase.id, { version: 0, entityIds: [], positions: {} })).rejects.toMatchObject({ kind: 'conflict' });
    await switchSession({ userId: 'u-auditor-1' });
    const denied = await saveGraphLayout(kase.id, { version: 1, entityIds: [], positions: {} }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(ApiError);
    expect((denied as ApiError).kind).toBe('forbidden');
  });

  it('creates a case from entities and complaints, then adds more to it', async () => {
    const db = getDb();
    const [c1, c2] = db.complaints.filter((c) => !c.caseId);
    const [e1, e2] = db.entities;
    const kase = await createCase({ title: '社区 1', priority: 'high', complaintIds: [c1.id], entityIds: [e1.id], assigneeId: null });
    expect(kase.entityIds).toEqual([e1.id]);
    const updated = await updateCase(kase.id, { version: kase.version, addEntityIds: [e1.id, e2.id], addComplaintIds: [c2.id] });
    expect(updated.entityIds).toEqual([e1.id, e2.id]);
    expect(updated.complaintIds).toEqual([c1.id, c2.id]);
    expect(db.complaints.find((c) => c.id === c2.id)?.caseId).toBe(kase.id);
    const bad = await updateCase(kase.id, { version: updated.version, addEntityIds: ['nope'] }).catch((e: unknown) => e);
    expect((bad as ApiError).kind).toBe('not_found');
    expect(db.cases.find((c) => c.id === kase.id)?.version).toBe(updated.version);
  });
});
