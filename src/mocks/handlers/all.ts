import { http, type RequestHandler } from 'msw';
import { answerWith, fail, jsonResponse, translator, type Route } from '@/server/http';
import { memoryUploads } from '@/server/ports';
import { contractRoutes } from '@/server/routes/all';
import { blobStore } from '../blobStore';
import { getDb, getRevision, serialized, syncFromPeers, write } from '../store';
import { demoSessionRoutes } from './session';

/** Matches any origin so the same handlers serve the browser, Node and Playwright. */
export const api = (path: string) => `*/api${path}`;

const uploads = memoryUploads();

/** The demo host: the server's routes over the in-memory records, one request at a time, each write saved as it changed them. */
function toHandler(route: Route): RequestHandler {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  return http[method](api(route.path), ({ request, params }) =>
    serialized(async () => {
      await syncFromPeers();
      const { lang, t } = translator(request);
      const world = getDb();
      const user = world.users.find((u) => u.id === world.session.userId);
      const answer = (db: typeof world) =>
        answerWith(() => {
          if (!user) throw fail(500, 'server_error', 'session user missing');
          return route.handle({ request, lang, t, db, params: params as Record<string, string>, user, blobs: blobStore, uploads, revision: getRevision(), now: () => new Date() });
        });
      if (route.readOnly) return answer(world);
      // The change was put back when it could not be saved: the person is told it did not take effect.
      return write(answer).catch(() => jsonResponse({ code: 'server_error', message: t('demoNotSaved') }, 500));
    }),
  );
}

// MSW tries handlers in order, parsing the request's cookies and path for each: the queue's requests,
// the most frequent by far, are matched first.
export const handlers = [...contractRoutes, ...demoSessionRoutes].map(toHandler);
