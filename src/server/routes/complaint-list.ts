/**
 * The queue's list and a complaint's detail, answered by SQL over the complaints table's columns and
 * indexes rather than over the records in memory: the list is the most frequent request by far.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import { complaintQuerySchema, type ComplaintRow } from '@/api/schemas';
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT, type SortField } from '@/domain/complaints';
import { DAY_MS } from '@/domain/deadlines';
import { beijingDayStart } from '@/domain/time';
import type { Services } from '../app';
import type { Tables } from '../db/tables';
import { SIGNAL_BIT } from '../db/records';
import { fail, get, parseQuery, type Route } from '../http';

const SORT_COLUMN = {
  receivedAt: 'received_at',
  dueAt: 'due_at',
  riskScore: 'risk_score',
  channel: 'channel_rank',
  status: 'status_rank',
  templateFamilySize: 'family_size',
} as const satisfies Record<SortField, keyof Tables['complaints']>;
const DEFAULT_ORDER: Record<SortField, 'asc' | 'desc'> = { receivedAt: 'desc', dueAt: 'asc', riskScore: 'desc', channel: 'asc', status: 'asc', templateFamilySize: 'desc' };
const WINDOW_DAYS = { within1: 1, within3: 3, within7: 7 } as const;
const OPEN = ['new', 'in_progress'];

/** A user's text is a LIKE pattern only after its own wildcards are escaped. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

export function complaintListRoutes(services: Services): Route[] {
  const db = services.database.db;
  return [
    get(
      '/complaints',
      async (ctx) => {
        const q = parseQuery(ctx, complaintQuerySchema);
        const page = q.page ?? 1;
        const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
        const field = q.sort ?? DEFAULT_SORT;
        const dir = q.order ?? DEFAULT_ORDER[field];
        const now = services.now().getTime();
        const text = q.q?.trim().toLowerCase();
        const where = (eb: ExpressionBuilder<Tables, 'complaints'>) => {
          const all = [];
          if (q.status?.length) all.push(eb('status', 'in', q.status));
          if (q.label?.length) all.push(eb('label', 'in', q.label));
          if (q.channel?.length) all.push(eb('channel', 'in', q.channel));
          if (q.grade?.length) all.push(eb('grade', 'in', q.grade));
          if (q.signal?.length) {
            const mask = q.signal.reduce((m, code) => m | (SIGNAL_BIT.get(code) ?? 0), 0);
            all.push(eb(sql`signal_bits & ${mask}`, '!=', 0));
          }
          if (q.assignee === 'unassigned') all.push(eb('assignee_id', 'is', null));
          else if (q.assignee) all.push(eb('assignee_id', '=', q.assignee === 'me' ? ctx.user.id : q.assignee));
          if (q.deadline === 'overdue') all.push(eb.and([eb('status', 'in', OPEN), eb('due_at', '<', new Date(now).toISOString())]));
          else if (q.deadline === 'met') all.push(eb.and([eb('answered_at', 'is not', null), eb('answered_at', '<=', eb.ref('due_at'))]));
          else if (q.deadline === 'late') all.push(eb('answered_at', '>', eb.ref('due_at')));
          else if (q.deadline)
            all.push(eb.and([eb('status', 'in', OPEN), eb('due_at', '>=', new Date(now).toISOString()), eb('due_at', '<=', new Date(now + WINDOW_DAYS[q.deadline] * DAY_MS).toISOString())]));
          if (q.family) all.push(eb('family_id', '=', q.family));
          if (q.alert) all.push(eb('id', 'in', eb.selectFrom('alerts').select(sql<string>`jsonb_array_elements_text(doc->'complaintIds')`.as('cid')).where('id', '=', q.alert)));
          if (q.team !== undefined) all.push(eb('assignee_id', 'in', eb.selectFrom('users').select('id').where('team', '=', q.team)));
          if (q.receivedFrom) all.push(eb('received_at', '>=', new Date(beijingDayStart(q.receivedFrom)).toISOString()));
          if (q.receivedTo) all.push(eb('received_at', '<', new Date(beijingDayStart(q.receivedTo) + DAY_MS).toISOString()));
          if (text) all.push(eb(sql`search`, 'like', sql`${'%' + likeEscape(text) + '%'}`));
          return eb.and(all);
        };
        const column = SORT_COLUMN[field];
        const [rows, count] = await Promise.all([
          db
            .selectFrom('complaints')
            .select('row')
            .where(where)
            .orderBy(column, dir)
            // Ties by id in the same direction, as the in-memory queue orders them: one index read either way.
            .orderBy('id', dir)
            .limit(pageSize)
            .offset((page - 1) * pageSize)
            .execute(),
          db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow(),
        ]);
        return { items: rows.map((r) => r.row as ComplaintRow), total: Number(count.n), page, pageSize };
      },
      { world: false },
    ),

    get(
      '/complaints/:id',
      async (ctx) => {
        const row = await db.selectFrom('complaints').select('doc').where('id', '=', ctx.params.id).executeTakeFirst();
        if (!row) throw fail(404, 'not_found', ctx.t('notFound'));
        return row.doc;
      },
      { world: false },
    ),
  ];
}
