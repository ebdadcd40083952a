import { performance } from 'node:perf_hooks';
import type { World } from '../src/domain/world';
import { nextItemFor, planAutoAssign, workloads } from '../src/domain/assignment';
import { toCsv } from '../src/domain/csv';
import { isOpenStatus } from '../src/domain/deadlines';

const ms = (x: number) => `${x.toFixed(1)} ms`;
function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

/** The lead's board and the auditor's export on a big database: what the mock backend does per request. */
export function benchAssignment(db: World, now: Date) {
  const [loads, tLoads] = time(() => workloads(db.users, db, now));
  const unassigned = db.complaints.filter((c) => c.assigneeId === null && isOpenStatus(c.status));
  // Caps raised so the plan actually places everything: the worst case for the planner.
  const [plan, tPlan] = time(() => planAutoAssign(unassigned, loads.map((w) => ({ ...w, capacity: 1_000_000 }))));
  const items = db.complaints.map((c) => ({ type: 'complaint' as const, id: c.id, title: '', assigneeId: c.assigneeId, dueAt: c.dueAt, version: c.version }));
  const [, tNext] = time(() => nextItemFor('u-analyst-1', items));
  const [csv, tCsv] = time(() => toCsv(['id', 'at', 'actorId', 'action', 'recordType', 'recordId', 'summary', 'reason'], db.audit.map((e) => [e.id, e.at, e.actorId, e.action, e.recordType, e.recordId, e.summary, e.reason])));
  console.log(`board workloads (${db.complaints.length.toLocaleString('en')} complaints): ${ms(tLoads)}`);
  console.log(`auto-assign plan (${unassigned.length.toLocaleString('en')} unassigned → ${plan.assignments.length.toLocaleString('en')} placed): ${ms(tPlan)}`);
  console.log(`next item over ${items.length.toLocaleString('en')} items: ${ms(tNext)}`);
  console.log(`audit CSV (${db.audit.length.toLocaleString('en')} events, ${(csv.length / 1024).toFixed(0)} KiB): ${ms(tCsv)}`);
}
