import { z } from 'zod';
import { maskIdNumber } from '@/api/pii';
import { referralExportRequestSchema, referralListQuerySchema, referralPatchSchema, referralTrackingSchema, type Case, type Referral, type ReferralExport, type User } from '@/api/schemas';
import { recordAudit } from '@/domain/audit-log';
import { caseInTeam, onDays, referralEventAt } from '@/domain/loop';
import { LENDER, POLICE_UNITS } from '@/server/seed/vocab';
import { piiKey, type World } from '@/domain/world';
import { blockingIssues, validateReferral, type HashState } from '@/domain/referral-validation';
import { sha256Hex } from '@/lib/sha256';
import { applyTracking, caseFollowSteps, draftFacts, isDenial } from '@/domain/referrals';
import { checkVersion, fail, findOr404, get, parseBody, parseQuery, patch, post, put, requireWriter, type Ctx, type Route } from '../http';

const versionOnly = z.object({ version: z.number().int().nonnegative() });

export const referralsRoutes: Route[] = [
  get('/referrals', (ctx) => {
    const q = parseQuery(ctx, referralListQuerySchema);
    // A team is read through the referral's case and its assignee: those maps only when a team is asked for.
    const inTeam = (() => {
      if (q.team === undefined) return () => true;
      const teamOf = new Map(ctx.db.users.map((u) => [u.id, u.team]));
      const cases = new Map(ctx.db.cases.map((k) => [k.id, k]));
      return (r: Referral) => caseInTeam(cases.get(r.caseId) ?? { assigneeId: null }, q.team, teamOf);
    })();
    return ctx.db.referrals
      .filter((r) => !q.caseId || r.caseId === q.caseId)
      .filter((r) => !q.event || onDays(referralEventAt(r, q.event), q.from, q.to))
      .filter(inTeam)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  }),

  get('/referrals/:id', (ctx) => findOr404(ctx, ctx.db.referrals, String(ctx.params.id))),

  /** Persons and firms of the referral's case, masked, for the builder to pick from. */
  get('/referrals/:id/parties', (ctx) => {
    const db = ctx.db;
    const referral = findOr404(ctx, db.referrals, String(ctx.params.id));
    const kase = findOr404(ctx, db.cases, referral.caseId);
    return partyCandidates(db, kase);
  }),

  post('/referrals', async (ctx) => {
    const db = ctx.db;
    const { caseId } = await parseBody(ctx, z.object({ caseId: z.string().min(1) }));
    const kase = findOr404(ctx, db.cases, caseId);
    const user = requireWriter(ctx);
    const referral = draftFromCase(db, kase.id, user);
    db.referrals.push(referral);
    kase.referralIds.push(referral.id);
    kase.version += 1;
    recordAudit(db, { actorId: user.id, action: 'referral_update', recordType: 'referral', recordId: referral.id, summary: `draft for ${kase.id}`, detail: { kind: 'referralDrafted', related: { type: 'case', id: kase.id } } });
    return referral;
  }),

  patch('/referrals/:id', async (ctx) => {
    const db = ctx.db;
    const patch = await parseBody(ctx, referralPatchSchema);
    const referral = findOr404(ctx, db.referrals, String(ctx.params.id));
    const user = requireWriter(ctx);
    checkVersion(ctx, referral, patch.version);
    if (!['draft', 'approved'].includes(referral.status)) throw fail(422, 'validation', ctx.t('referralLocked'));
    const { version, ...fields } = patch;
    Object.assign(referral, fields);
    // Changing an approved draft voids the approval: it needs a new one.
    if (referral.status === 'approved') Object.assign(referral, { status: 'draft', approvedById: null, approvedAt: null });
    referral.version += 1;
    referral.updatedAt = new Date().toISOString();
    recordAudit(db, { actorId: user.id, action: 'referral_update', recordType: 'referral', recordId: referral.id, summary: Object.keys(fields).join(', '), detail: { kind: 'referralEdited', ids: Object.keys(fields) } });
    return referral;
  }),

  put('/referrals/:id/approval', async (ctx) => {
    const db = ctx.db;
    const { version } = await parseBody(ctx, versionOnly);
    const referral = findOr404(ctx, db.referrals, String(ctx.params.id));
    const user = requireWriter(ctx, ['lead'], 'approveNeedsLead');
    checkVersion(ctx, referral, version);
    if (referral.status !== 'draft') throw fail(422, 'validation', ctx.t('referralLocked'));
    // The builder's own checks, run here on the stored bytes: an approval cannot go around them.
    const blocking = blockingIssues(validateReferral(referral, await storedHashes(ctx, referral)));
    if (blocking.length) throw fail(422, 'validation', ctx.t('approveNeedsValid', { count: String(blocking.length) }));
    const now = new Date().toISOString();
    Object.assign(referral, { status: 'approved', approvedById: user.id, approvedAt: now, updatedAt: now, version: referral.version + 1 });
    recordAudit(db, { actorId: user.id, action: 'approve', recordType: 'referral', recordId: referral.id, summary: 'approved', detail: { kind: 'referralApproved' } });
    return referral;
  }),

  /**
   * The package goes to the police with the reported persons' personal data in clear. Only an approved
   * referral can be exported, and every export is in the audit trail: who, which referral, what.
   */
  post('/referrals/:id/export', async (ctx) => {
    const db = ctx.db;
    const body = await parseBody(ctx, referralExportRequestSchema);
    const referral = findOr404(ctx, db.referrals, String(ctx.params.id));
    const user = requireWriter(ctx);
    checkVersion(ctx, referral, body.version);
    if (referral.status === 'draft') throw fail(422, 'validation', ctx.t('referralNotApproved'));
    const parties = referral.reportedParties.map((p) => ({
      entityId: p.entityId,
      idNumber: db.pii[piiKey('entity', p.entityId, 'idNumber')] ?? null,
      phone: clearPhone(db, p.entityId, p.phone),
    }));
    const byId = new Map(db.evidence.map((e) => [e.id, e]));
    const files = referral.evidence.map((item) => {
      const e = byId.get(item.evidenceId);
      if (!e) throw fail(422, 'validation', `${ctx.t('notFound')} ${item.evidenceId}`);
      return { evidenceId: e.id, fileName: e.fileName, mime: e.mime, size: e.size, url: e.url };
    });
    const clearParties = parties.filter((p) => p.idNumber || p.phone).length;
    const event = recordAudit(db, {
      actorId: user.id,
      action: 'export',
      recordType: 'referral',
      recordId: referral.id,
      summary: `报案材料包 v${referral.version}：报案书 DOCX/PDF，证据 ${files.length} 份，被报案人明文信息 ${clearParties} 人`,
      reason: body.reason,
      detail: { kind: 'referralExported', count: files.length, to: String(clearParties) },
    });
    return { parties, files, auditEventId: event.id } satisfies ReferralExport;
  }),

  /** 提交 → 受理 → 立案 / 不予立案; the case follows, by the case workflow's own rules. */
  put('/referrals/:id/tracking', async (ctx) => {
    const db = ctx.db;
    const cmd = await parseBody(ctx, referralTrackingSchema);
    const referral = findOr404(ctx, db.referrals, String(ctx.params.id));
    const user = requireWriter(ctx);
    checkVersion(ctx, referral, cmd.version);
    const next = applyTracking(referral, cmd);
    if (isDenial(next)) throw fail(422, 'validation', ctx.t('referralTrackingOrder', { from: referral.status, to: cmd.action }));
    const kase = findOr404(ctx, db.cases, referral.caseId);
    const steps = caseFollowSteps(kase, next, ctx.user.role);
    if (isDenial(steps)) throw caseDenial(ctx, steps.reason, kase, next);
    // Every rule checked: now change both records.
    const now = new Date().toISOString();
    Object.assign(referral, next, { version: referral.version + 1, updatedAt: now });
    recordAudit(db, { actorId: user.id, action: 'referral_update', recordType: 'referral', recordId: referral.id, summary: `tracking: ${cmd.action}`, detail: { kind: 'referralTracking', to: cmd.action } });
    if (next.submission?.receiptNo) kase.policeReceiptNo = next.submission.receiptNo;
    for (const step of steps) {
      recordAudit(db, { actorId: user.id, action: 'status_change', recordType: 'case', recordId: kase.id, summary: `${kase.status} → ${step}（报案材料 ${referral.id}）`, detail: { kind: 'caseStatus', from: kase.status, to: step, related: { type: 'referral', id: referral.id } } });
      if (step === 'accepted') kase.acceptedAt = next.outcome?.acceptedAt ?? now;
      if (step === 'filed') kase.filedAt = next.outcome?.filedAt ?? now;
      kase.status = step;
    }
    kase.version += 1;
    kase.updatedAt = now;
    return referral;
  }),
];

function caseDenial(ctx: Ctx, reason: string, kase: Case, next: Referral) {
  const vars = { from: kase.status, to: next.status };
  if (reason === 'reportNeedsLead') return fail(403, 'forbidden', ctx.t('reportNeedsLead'));
  if (reason === 'receiptRequired' || reason === 'reportNeedsReferral') return fail(422, 'validation', ctx.t(reason));
  return fail(422, 'validation', ctx.t('caseCannotFollow', vars));
}

/** The phone entity a party uses (or the masked number the referral carries) → its clear number. */
function clearPhone(db: World, entityId: string, masked: string | null): string | null {
  const linked = db.links.filter((l) => l.type === 'uses_phone' && l.source === entityId).map((l) => l.target);
  const phone = db.entities.find((e) => e.type === 'phone' && (linked.includes(e.id) || (masked !== null && e.label === masked)));
  return phone ? (db.pii[piiKey('entity', phone.id, 'label')] ?? null) : null;
}

function partyCandidates(db: World, kase: Case): Referral['reportedParties'] {
  const inCase = new Set(kase.entityIds);
  const entities = db.entities.filter((e) => inCase.has(e.id) && (e.type === 'agent_person' || e.type === 'agent_firm'));
  return entities.map((e) => {
    const phoneId = db.links.find((l) => l.type === 'uses_phone' && l.source === e.id && db.entities.find((x) => x.id === l.target)?.type === 'phone')?.target;
    const phone = phoneId ? db.entities.find((x) => x.id === phoneId)?.label ?? null : null;
    const id = db.pii[piiKey('entity', e.id, 'idNumber')];
    const addressId = db.links.find((l) => l.source === e.id && db.entities.find((x) => x.id === l.target)?.type === 'address')?.target;
    return {
      entityId: e.id,
      kind: e.type === 'agent_firm' ? ('firm' as const) : ('person' as const),
      name: e.label,
      idNumber: id ? maskIdNumber(id) : null,
      phone,
      address: e.attributes.address ?? (addressId ? db.entities.find((x) => x.id === addressId)?.label ?? null : null),
    };
  });
}

/** A new 报案书 starts from what the case already knows, so staff edit rather than retype. */
function draftFromCase(db: World, caseId: string, user: User): Referral {
  const kase = db.cases.find((c) => c.id === caseId)!;
  const now = new Date().toISOString();
  const id = `ref-${String(db.referrals.length + 1).padStart(4, '0')}-${Date.now().toString(36)}`;
  const parties = partyCandidates(db, kase);
  const evidence = db.evidence.filter((e) => kase.evidenceIds.includes(e.id));
  const complaints = db.complaints.filter((c) => kase.complaintIds.includes(c.id));
  const firm = parties.find((p) => p.kind === 'firm');
  const facts = draftFacts(id, { complaints, evidence, place: firm?.address ?? '' });
  const factIdsOf = (evidenceId: string) => facts.filter((f) => f.evidenceIds.includes(evidenceId)).map((f) => f.id);
  const city = firm?.name.slice(0, 3) ?? '';
  return {
    id,
    caseId,
    status: 'draft',
    addressee: POLICE_UNITS.find((u) => city && u.startsWith(city)) ?? '',
    reportingInstitution: LENDER.name,
    handler: { name: user.name, title: user.role === 'lead' ? '消费者权益保护部组长' : '消费者权益保护专员', powerOfAttorneyEvidenceId: null },
    reportedParties: parties,
    cause: kase.title,
    charges: [],
    facts,
    amountInvolved: 0,
    evidence: evidence.map((e) => ({
      evidenceId: e.id,
      description: e.title,
      source: e.source,
      pages: 1,
      verdict: e.verdict.status,
      sha256: e.sha256,
      factIds: factIdsOf(e.id),
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

/** Each cited file's bytes hashed again: what the police receive must be what was recorded. */
async function storedHashes(ctx: Ctx, referral: Referral): Promise<Record<string, HashState>> {
  const out: Record<string, HashState> = {};
  for (const item of referral.evidence) {
    const record = ctx.db.evidence.find((e) => e.id === item.evidenceId);
    const blob = record && (await ctx.blobs.get(record.sha256));
    out[item.evidenceId] = !blob ? 'unavailable' : (await sha256Hex(blob.bytes)) === record.sha256 ? 'ok' : 'mismatch';
  }
  return out;
}
