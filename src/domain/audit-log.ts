import type { AuditEvent } from '@/api/schemas';
import type { World } from './world';

type NewEvent = Omit<AuditEvent, 'id' | 'at' | 'reason' | 'detail'> & Partial<Pick<AuditEvent, 'reason' | 'detail'>>;

export function recordAudit(db: World, event: NewEvent, now = new Date()): AuditEvent {
  const entry: AuditEvent = { id: `ae-${db.audit.length + 1}-${now.getTime().toString(36)}`, at: now.toISOString(), reason: null, detail: null, ...event };
  db.audit.push(entry);
  return entry;
}
