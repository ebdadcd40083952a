import { graphLayoutSaveSchema, graphQuerySchema, type GraphLayout } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { graphIndex, neighbourhood, searchEntities } from '@/domain/graph';
import { checkVersion, fail, findOr404, get, parseBody, parseQuery, put, requireWriter, type Route } from '../http';

export const graphRoutes: Route[] = [
  get('/graph/neighbourhood', (ctx) => {
    const db = ctx.db;
    const query = parseQuery(ctx, graphQuerySchema);
    findOr404(ctx, db.entities, query.entityId);
    return neighbourhood(db, query);
  }),
  get('/graph/entities', (ctx) => searchEntities(ctx.db, new URL(ctx.request.url).searchParams.get('q') ?? '', 50),
  ),
  /** The whole network, for community detection and the overview (the client aggregates it into communities). */
  get('/graph/network', (ctx) => {
    const db = ctx.db;
    const excludeHubs = new URL(ctx.request.url).searchParams.get('excludeHubs') === 'true';
    if (!excludeHubs) return { entities: db.entities, links: db.links };
    const hubs = new Set(db.entities.filter((e) => e.isHub).map((e) => e.id));
    return { entities: db.entities.filter((e) => !hubs.has(e.id)), links: db.links.filter((l) => !hubs.has(l.source) && !hubs.has(l.target)) };
  }),
  /** Given entities and every link among them: how a case's saved picture is rebuilt. */
  get('/graph/subgraph', (ctx) => {
    const db = ctx.db;
    const ids = new Set((new URL(ctx.request.url).searchParams.get('ids') ?? '').split(',').filter(Boolean));
    const { entityById, adjacency } = graphIndex(db);
    const entities = [...ids].flatMap((id) => entityById.get(id) ?? []);
    const seen = new Set<string>();
    const links = [];
    for (const e of entities)
      for (const l of adjacency.get(e.id) ?? [])
        if (!seen.has(l.id) && ids.has(l.source) && ids.has(l.target)) {
          seen.add(l.id);
          links.push(l);
        }
    return { entities, links };
  }),
  get('/graph/layouts/:caseId', (ctx) => {
    const db = ctx.db;
    const caseId = String(ctx.params.caseId);
    findOr404(ctx, db.cases, caseId);
    return db.graphLayouts?.[caseId] ?? null;
  }),
  put('/graph/layouts/:caseId', async (ctx) => {
    const db = ctx.db;
    const caseId = String(ctx.params.caseId);
    const body = await parseBody(ctx, graphLayoutSaveSchema);
    findOr404(ctx, db.cases, caseId);
    const user = requireWriter(ctx);
    const layouts = (db.graphLayouts ??= {});
    const existing = layouts[caseId];
    if (existing) checkVersion(ctx, existing, body.version);
    else if (body.version !== 0) throw fail(409, 'conflict', ctx.t('conflict'), null);
    const now = new Date();
    const saved: GraphLayout = { caseId, entityIds: body.entityIds, positions: body.positions, savedById: user.id, savedAt: now.toISOString(), version: (existing?.version ?? 0) + 1 };
    layouts[caseId] = saved;
    recordAudit(db, { actorId: user.id, action: 'case_update', recordType: 'case', recordId: caseId, summary: `graph layout (${body.entityIds.length})`, detail: { kind: 'layoutSaved', count: body.entityIds.length } }, now);
    return saved;
  }),
];
