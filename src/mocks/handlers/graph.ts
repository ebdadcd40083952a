import { http } from 'msw';
import { graphQuerySchema } from '@/api/schemas';
import { neighbourhood, searchEntities } from '../domain/graph';
import { getDb } from '../store';
import { api, findOr404, parseQuery, respond } from './http';

export const graphHandlers = [
  http.get(api('/graph/neighbourhood'), ({ request }) =>
    respond(request, (ctx) => {
      const db = getDb();
      const query = parseQuery(ctx, graphQuerySchema);
      findOr404(ctx, db.entities, query.entityId);
      return neighbourhood(db, query);
    }),
  ),
  http.get(api('/graph/entities'), ({ request }) =>
    respond(request, () => searchEntities(getDb(), new URL(request.url).searchParams.get('q') ?? '', 50)),
  ),
];
