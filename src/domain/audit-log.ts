import type { AuditEvent } from '@/api/schemas';
import type { World } from './world';

export function recordAudit(db: World, event: Omit<AuditEvent, 'id' | 'at' | 'reason'> & { reason?: string | null }, now = new Date()): AuditEvent {
  const entry: AuditEvent = { id: `ae-${db.audit.length + 1}-${now.getTime().toString(36)}`, at: now.toISOString(), reason: null, ...event };
  db.audit.push(entry);
  return entry;
}
