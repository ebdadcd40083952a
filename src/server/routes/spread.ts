/**
 * 溯源: how the complaints behind a family, an alert, a case or a set of graph entities (a community)
 * started and spread. A read for every signed-in role; it is a POST only because a community's entity
 * ids do not fit in a URL.
 */
import { spreadSubjectSchema, type Complaint, type SpreadReport, type SpreadSubject } from '@/api/schemas';
import { graphIndex } from '@/domain/graph';
import { spreadOf } from '@/domain/spread';
import type { World } from '@/domain/world';
import { fail, findOr404, parseBody, post, type Ctx, type Route } from '../http';
import { plainWorld } from '../tracker';

function subjectOf(ctx: Ctx, db: World, subject: SpreadSubject): { complaints: Complaint[]; title: string | null } {
  const byIds = (ids: Iterable<string>) => {
    const wanted = new Set(ids);
    return db.complaints.filter((c) => wanted.has(c.id));
  };
  switch (subject.kind) {
    case 'family': {
      const complaints = db.complaints.filter((c) => c.templateFamilyId === subject.id);
      if (complaints.length === 0) throw fail(404, 'not_found', ctx.t('notFound'));
      return { complaints, title: null };
    }
    case 'alert': {
      const alert = findOr404(ctx, db.alerts ?? [], subject.id);
      return { complaints: byIds(alert.complaintIds), title: alert.subject.label };
    }
    case 'case': {
      const kase = findOr404(ctx, db.cases, subject.id);
      return { complaints: byIds(kase.complaintIds), title: kase.title };
    }
    case 'entities': {
      // As the graph's community summary counts them: links among the entities, and complaints that are members.
      const members = new Set(subject.entityIds);
      const { entityById, adjacency } = graphIndex(db);
      const ids = new Set<string>();
      for (const entityId of members) {
        const e = entityById.get(entityId);
        if (e?.type === 'complaint' && e.attributes.complaintId) ids.add(e.attributes.complaintId);
        for (const l of adjacency.get(entityId) ?? []) if (members.has(l.source) && members.has(l.target)) for (const c of l.complaintIds) ids.add(c);
      }
      return { complaints: byIds(ids), title: null };
    }
  }
}

export const spreadRoutes: Route[] = [
  post(
    '/spread',
    async (ctx): Promise<SpreadReport> => {
      const subject = await parseBody(ctx, spreadSubjectSchema);
      const db = plainWorld(ctx.db);
      const { complaints, title } = subjectOf(ctx, db, subject);
      return { subject, title, ...spreadOf(complaints, graphIndex(db)) };
    },
    { readOnly: true },
  ),
];
