import { http } from 'msw';
import { z } from 'zod';
import { referralPatchSchema, type Referral } from '@/api/schemas';
import { recordAudit } from '../auditLog';
import type { MockDb } from '../db';
import { commit, getDb } from '../store';
import { api, checkVersion, fail, findOr404, parseBody, requireWriter, respond } from './http';

const versionOnly = z.object({ version: z.number().int().nonnegative() });

export const referralHandlers = [
  http.get(api('/referrals'), ({ request }) =>
    respond(request, () => {
      const caseId = new URL(request.url).searchParams.get('caseId');
      return getDb().referrals.filter((r) => !caseId || r.caseId === caseId);
    }),
  ),

  http.get(api('/referrals/:id'), ({ request, params }) => respond(request, (ctx) => findOr404(ctx, getDb().referrals, String(params.id)))),

  http.post(api('/referrals'), ({ request }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const { caseId } = await parseBody(ctx, z.object({ caseId: z.string().min(1) }));
      const kase = findOr404(ctx, db.cases, caseId);
      const user = requireWriter(ctx, db);
      const referral = draftFromCase(db, kase.id);
      db.referrals.push(referral);
      kase.referralIds.push(referral.id);
      kase.version += 1;
      recordAudit(db, { actorId: user.id, action: 'referral_update', recordType: 'referral', recordId: referral.id, summary: `draft for ${kase.id}` });
      await commit();
      return referral;
    }),
  ),

  http.patch(api('/referrals/:id'), ({ request, params }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const patch = await parseBody(ctx, referralPatchSchema);
      const referral = findOr404(ctx, db.referrals, String(params.id));
      const user = requireWriter(ctx, db);
      checkVersion(ctx, referral, patch.version);
      if (!['draft', 'approved'].includes(referral.status)) throw fail(422, 'validation', ctx.t('referralLocked'));
      const { version, ...fields } = patch;
      Object.assign(referral, fields);
      // Changing an approved draft voids the approval: it needs a new one.
      if (referral.status === 'approved') Object.assign(referral, { status: 'draft', approvedById: null, approvedAt: null });
      referral.version += 1;
      referral.updatedAt = new Date().toISOString();
      recordAudit(db, { actorId: user.id, action: 'referral_update', recordType: 'referral', recordId: referral.id, summary: Object.keys(fields).join(', ') });
      await commit();
      return referral;
    }),
  ),

  http.put(api('/referrals/:id/approval'), ({ request, params }) =>
    respond(request, async (ctx) => {
      const db = getDb();
      const { version } = await parseBody(ctx, versionOnly);
      const referral = findOr404(ctx, db.referrals, String(params.id));
      const user = requireWriter(ctx, db, ['lead'], 'approveNeedsLead');
      checkVersion(ctx, referral, version);
      if (referral.status !== 'draft') throw fail(422, 'validation', ctx.t('referralLocked'));
      const now = new Date().toISOString();
      Object.assign(referral, { status: 'approved', approvedById: user.id, approvedAt: now, updatedAt: now, version: referral.version + 1 });
      recordAudit(db, { actorId: user.id, action: 'approve', recordType: 'referral', recordId: referral.id, summary: 'approved' });
      await commit();
      return referral;
    }),
  ),
];

/** A new 报案书 starts from what the case already knows, so staff edit rather than retype. */
function draftFromCase(db: MockDb, caseId: string): Referral {
  const kase = db.cases.find((c) => c.id === caseId)!;
  const now = new Date().toISOString();
  const entities = db.entities.filter((e) => kase.entityIds.includes(e.id) && (e.type === 'agent_person' || e.type === 'agent_firm'));
  const evidence = db.evidence.filter((e) => kase.evidenceIds.includes(e.id));
  return {
    id: `ref-${String(db.referrals.length + 1).padStart(4, '0')}-${Date.now().toString(36)}`,
    caseId,
    status: 'draft',
    addressee: '',
    reportingInstitution: '',
    handler: { name: '', title: '', powerOfAttorneyEvidenceId: null },
    reportedParties: entities.map((e) => ({
      entityId: e.id,
      kind: e.type === 'agent_firm' ? 'firm' : 'person',
      name: e.label,
      idNumber: null,
      phone: null,
      address: e.attributes.address ?? null,
    })),
    cause: kase.title,
    charges: [],
    facts: [],
    amountInvolved: 0,
    evidence: evidence.map((e) => ({
      evidenceId: e.id,
      description: e.title,
      source: e.source,
      pages: 1,
      verdict: e.verdict.status,
      sha256: e.sha256,
      factIds: [],
    })),
    approvedById: null,
    approvedAt: null,
    submission: null,
    outcome: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}
