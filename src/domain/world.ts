import type { Alert, AlertRule, AuditEvent, Case, Complaint, Customer, Entity, Evidence, GraphLayout, Institution, Link, Referral, SharingSession, User } from '@/api/schemas';

/** Key of a clear personal-data value: `${recordType}:${recordId}:${field}`. */
export type PiiKey = string;
export const piiKey = (recordType: 'customer' | 'complaint' | 'entity' | 'institution', recordId: string, field: string): PiiKey => `${recordType}:${recordId}:${field}`;

/**
 * The mock backend's whole state. Records hold masked personal data exactly as they travel;
 * the clear values live only in `pii`, which only the reveal endpoint reads.
 */
export type World = {
  seed: number;
  /** The generator's "now": deadlines and dates are relative to it so the demo looks the same on any day. */
  generatedAt: string;
  users: User[];
  customers: Customer[];
  complaints: Complaint[];
  evidence: Evidence[];
  entities: Entity[];
  links: Link[];
  cases: Case[];
  referrals: Referral[];
  /** The alliance for industry sharing: ourselves (once an admin set us up) and pinned peers. */
  institutions: Institution[];
  sharing: SharingSession[];
  /** 预警: what the early-warning rules raised, and the rules as a lead tuned them (defaults are not stored). */
  alerts: Alert[];
  alertRules: AlertRule[];
  audit: AuditEvent[];
  pii: Record<PiiKey, string>;
  session: { userId: string };
  /** Saved graph pictures by case id; created on first save (older stored demo data has none). */
  graphLayouts?: Record<string, GraphLayout>;
};
