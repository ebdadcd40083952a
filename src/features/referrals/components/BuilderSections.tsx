import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { chargeSchema, type Evidence, type Referral } from '@/api/schemas';
import type { Editable } from '../api/use-referral-draft';
import { syncFactLinks } from '@/domain/referral-validation';

export type SectionProps = { draft: Editable; edit: (update: (d: Editable) => Editable) => void; readOnly: boolean };

export function AddresseeSection({ draft, edit, readOnly }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('referrals.section.addressee')} id="sec-addressee">
      <Form layout="vertical" disabled={readOnly}>
        <Form.Item label={t('referrals.field.addressee')} style={{ marginBottom: 0 }}>
          <Input data-testid="field-addressee" value={draft.addressee} aria-label={t('referrals.field.addresseePlaceholder')}
          placeholder={t('referrals.field.addresseePlaceholder')} onChange={(e) => edit((d) => ({ ...d, addressee: e.target.value }))} />
        </Form.Item>
      </Form>
    </Card>
  );
}

export function InstitutionSection({ draft, edit, readOnly, evidence }: SectionProps & { evidence: readonly Evidence[] }) {
  const { t } = useTranslation();
  const setHandler = (patch: Partial<Editable['handler']>) => edit((d) => ({ ...d, handler: { ...d.handler, ...patch } }));
  return (
    <Card size="small" title={t('referrals.section.institution')} id="sec-institution">
      <Form layout="vertical" disabled={readOnly}>
        <Form.Item label={t('referrals.field.institution')}>
          <Input aria-label={t('referrals.field.institution')} data-testid="field-institution" value={draft.reportingInstitution} onChange={(e) => edit((d) => ({ ...d, reportingInstitution: e.target.value }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label={t('referrals.field.handlerName')}>
              <Input aria-label={t('referrals.field.handlerName')} data-testid="field-handler-name" value={draft.handler.name} onChange={(e) => setHandler({ name: e.target.value })} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label={t('referrals.field.handlerTitle')}>
              <Input aria-label={t('referrals.field.handlerTitle')} value={draft.handler.title} onChange={(e) => setHandler({ title: e.target.value })} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('referrals.field.poa')} style={{ marginBottom: 0 }}>
          <Select
            data-testid="field-poa"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('referrals.field.poaPlaceholder')}
            placeholder={t('referrals.field.poaPlaceholder')}
            value={draft.handler.powerOfAttorneyEvidenceId ?? undefined}
            onChange={(v: string | undefined) => setHandler({ powerOfAttorneyEvidenceId: v ?? null })}
            options={evidence.map((e) => ({ value: e.id, label: `${e.title}（${e.fileName}）` }))}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}

export function PartiesSection({ draft, edit, readOnly, candidates }: SectionProps & { candidates: Referral['reportedParties'] }) {
  const { t } = useTranslation();
  const chosen = new Set(draft.reportedParties.map((p) => p.entityId));
  // Parties already on the referral stay listed even if the case no longer links them.
  const rows = [...candidates, ...draft.reportedParties.filter((p) => !candidates.some((c) => c.entityId === p.entityId))];
  const toggle = (party: Referral['reportedParties'][number], on: boolean) =>
    edit((d) => ({
      ...d,
      reportedParties: on ? rows.filter((r) => r.entityId === party.entityId || d.reportedParties.some((p) => p.entityId === r.entityId)) : d.reportedParties.filter((p) => p.entityId !== party.entityId),
    }));
  return (
    <Card size="small" title={t('referrals.section.parties')} id="sec-parties">
      <Table
        size="small"
        rowKey="entityId"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('referrals.party.none') }}
        columns={[
          {
            title: t('referrals.party.include'),
            width: 70,
            render: (_, p) => <Checkbox aria-label={p.name} data-testid={`party-${p.entityId}`} disabled={readOnly} checked={chosen.has(p.entityId)} onChange={(e) => toggle(p, e.target.checked)} />,
          },
          { title: '', dataIndex: 'name', render: (name: string, p) => <Space><Tag>{t(`referrals.party.${p.kind}`)}</Tag>{name}</Space> },
          { title: t('referrals.party.id'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
          { title: t('referrals.party.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: t('referrals.party.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}

export function ChargesSection({ draft, edit, readOnly }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('referrals.section.charges')} id="sec-charges">
      <Form layout="vertical" disabled={readOnly}>
        <Form.Item label={t('referrals.field.cause')}>
          <Input.TextArea aria-label={t('referrals.field.cause')} data-testid="field-cause" autoSize value={draft.cause} onChange={(e) => edit((d) => ({ ...d, cause: e.target.value }))} />
        </Form.Item>
        <Form.Item label={t('referrals.field.charges')} style={{ marginBottom: 0 }}>
          <Checkbox.Group aria-label={t('referrals.field.charges')}
            data-testid="field-charges"
            value={draft.charges}
            onChange={(v) => edit((d) => ({ ...d, charges: chargeSchema.options.filter((c) => v.includes(c)) }))}
            options={chargeSchema.options.map((c) => ({ value: c, label: <span data-testid={`charge-${c}`}>{t(`referrals.charge.${c}`)}</span> }))}
            style={{ display: 'grid', gap: 4 }}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}

export function FactsSection({ draft, edit, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const setFact = (id: string, patch: Partial<Referral['facts'][number]>) => edit((d) => ({ ...d, facts: d.facts.map((f) => (f.id === id ? { ...f, ...patch } : f)) }));
  const evidenceOptions = draft.evidence.map((e, i) => ({ value: e.evidenceId, label: `${i + 1}. ${e.description}` }));
  const setEvidence = (factId: string, ids: string[]) =>
    edit((d) =>
      syncFactLinks({
        ...d,
        evidence: d.evidence.map((e) => {
          const has = e.factIds.includes(factId);
          const want = ids.includes(e.evidenceId);
          return has === want ? e : { ...e, factIds: want ? [...e.factIds, factId] : e.factIds.filter((x) => x !== factId) };
        }),
      }),
    );
  const add = () =>
    edit((d) => {
      let n = d.facts.length + 1;
      while (d.facts.some((f) => f.id.endsWith(`-f${n}`))) n++;
      return { ...d, facts: [...d.facts, { id: `${draftIdPrefix(d)}-f${n}`, time: '', place: '', means: '', consequence: '', evidenceIds: [] }] };
    });
  const remove = (id: string) => edit((d) => syncFactLinks({ ...d, facts: d.facts.filter((f) => f.id !== id), evidence: d.evidence.map((e) => ({ ...e, factIds: e.factIds.filter((x) => x !== id) })) }));
  return (
    <Card
      size="small"
      title={t('referrals.section.facts')}
      id="sec-facts"
      extra={
        <Button size="small" icon={<PlusOutlined />} disabled={readOnly} onClick={add} data-testid="add-fact">
          {t('referrals.fact.add')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {draft.facts.map((f, i) => (
          <Card
            key={f.id}
            size="small"
            type="inner"
            data-testid={`fact-${i + 1}`}
            title={t('referrals.fact.label', { n: i + 1 })}
            extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={readOnly} onClick={() => remove(f.id)} aria-label={t('referrals.fact.remove')} />}
          >
            <Form layout="vertical" disabled={readOnly}>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item label={t('referrals.field.time')}>
                    <Input aria-label={t('referrals.field.time')} data-testid="fact-time" value={f.time} onChange={(e) => setFact(f.id, { time: e.target.value })} />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item label={t('referrals.field.place')}>
                    <Input aria-label={t('referrals.field.place')} data-testid="fact-place" value={f.place} onChange={(e) => setFact(f.id, { place: e.target.value })} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t('referrals.field.means')}>
                <Input.TextArea aria-label={t('referrals.field.means')} data-testid="fact-means" autoSize={{ minRows: 2 }} value={f.means} onChange={(e) => setFact(f.id, { means: e.target.value })} />
              </Form.Item>
              <Form.Item label={t('referrals.field.consequence')}>
                <Input.TextArea aria-label={t('referrals.field.consequence')} data-testid="fact-consequence" autoSize value={f.consequence} onChange={(e) => setFact(f.id, { consequence: e.target.value })} />
              </Form.Item>
              <Form.Item label={t('referrals.field.factEvidence')} style={{ marginBottom: 0 }}>
                <Select
                  data-testid="fact-evidence"
                  mode="multiple"
                  value={f.evidenceIds}
                  aria-label={t('referrals.fact.noEvidence')}
                  placeholder={t('referrals.fact.noEvidence')}
                  options={evidenceOptions}
                  onChange={(ids: string[]) => setEvidence(f.id, ids)}
                  optionFilterProp="label"
                />
              </Form.Item>
            </Form>
          </Card>
        ))}
      </Space>
    </Card>
  );
}

/** New fact ids share the referral's prefix so they read like the drafted ones. */
const draftIdPrefix = (d: Editable) => d.facts[0]?.id.replace(/-f\d+$/, '') ?? 'fact';

export function AmountsSection({ draft, edit, readOnly }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('referrals.section.amounts')} id="sec-amounts">
      <Form layout="vertical" disabled={readOnly}>
        <Form.Item label={t('referrals.field.amount')} style={{ marginBottom: 0 }}>
          <InputNumber aria-label={t('referrals.field.amount')}
            data-testid="field-amount"
            min={0}
            step={100}
            precision={2}
            style={{ width: 240 }}
            value={draft.amountInvolved}
            onChange={(v) => edit((d) => ({ ...d, amountInvolved: typeof v === 'number' && v >= 0 ? v : 0 }))}
          />
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            CNY
          </Typography.Text>
        </Form.Item>
      </Form>
    </Card>
  );
}
