import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CheckCircleFilled, CloseCircleFilled, DeleteOutlined, HolderOutlined, LoadingOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Card, Col, Input, InputNumber, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evidence, Referral } from '@/api/schemas';
import type { HashState } from '@/domain/referral-validation';
import { syncFactLinks } from '@/domain/referral-validation';
import type { SectionProps } from './BuilderSections';

type Item = Referral['evidence'][number];

const VERDICT_COLOR: Record<Item['verdict'], string> = { unverified: 'default', authentic: 'green', suspected_forged: 'orange', forged: 'red' };

function HashBadge({ state }: { state: HashState }) {
  const { t } = useTranslation();
  const icon = { ok: <CheckCircleFilled style={{ color: '#389e0d' }} />, mismatch: <CloseCircleFilled style={{ color: '#cf1322' }} />, pending: <LoadingOutlined />, unavailable: <WarningFilled style={{ color: '#d48806' }} /> }[state];
  return (
    <Space size={4} data-testid="hash-state" data-state={state}>
      {icon}
      <Typography.Text type={state === 'ok' ? 'success' : state === 'pending' ? 'secondary' : 'danger'}>{t(`referrals.hash.${state}`)}</Typography.Text>
    </Space>
  );
}

function Row_({ item, index, facts, hash, readOnly, onChange, onRemove }: { item: Item; index: number; facts: Referral['facts']; hash: HashState; readOnly: boolean; onChange: (patch: Partial<Item>) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.evidenceId, disabled: readOnly });
  return (
    <div
      ref={setNodeRef}
      data-testid={`evidence-row-${index + 1}`}
      data-evidence-id={item.evidenceId}
      data-verdict={item.verdict}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition, opacity: isDragging ? 0.6 : 1, border: '1px solid #f0f0f0', borderRadius: 6, padding: 8, background: '#fff' }}
    >
      <Row gutter={8} align="top" wrap={false}>
        <Col flex="none">
          <Tooltip title={t('referrals.evidence.drag')}>
            <Button type="text" size="small" icon={<HolderOutlined />} style={{ cursor: readOnly ? 'default' : 'grab' }} disabled={readOnly} data-testid="drag-handle" {...attributes} {...listeners} aria-label={t('referrals.evidence.dragItem', { n: index + 1, title: item.description })} />
          </Tooltip>
          <div style={{ textAlign: 'center', fontWeight: 600 }}>{index + 1}</div>
        </Col>
        <Col flex="auto">
          <Space direction="vertical" style={{ width: '100%' }} size={4}>
            <Input data-testid="evidence-description" aria-label={`${t('referrals.field.description')} ${index + 1}`} addonBefore={t('referrals.field.description')} value={item.description} disabled={readOnly} onChange={(e) => onChange({ description: e.target.value })} />
            <Row gutter={8}>
              <Col span={16}>
                <Input data-testid="evidence-source" aria-label={`${t('referrals.field.source')} ${index + 1}`} addonBefore={t('referrals.field.source')} value={item.source} disabled={readOnly} onChange={(e) => onChange({ source: e.target.value })} />
              </Col>
              <Col span={8}>
                <InputNumber aria-label={`${t('referrals.field.pages')} ${index + 1}`} addonBefore={t('referrals.field.pages')} min={0} precision={0} value={item.pages} disabled={readOnly} onChange={(v) => onChange({ pages: typeof v === 'number' ? v : 0 })} style={{ width: '100%' }} />
              </Col>
            </Row>
            <Select
              data-testid="evidence-facts"
              mode="multiple"
              style={{ width: '100%' }}
              disabled={readOnly}
              aria-label={t('referrals.field.facts')}
              placeholder={t('referrals.field.facts')}
              value={item.factIds}
              onChange={(ids: string[]) => onChange({ factIds: ids })}
              options={facts.map((f, i) => ({ value: f.id, label: t('referrals.fact.label', { n: i + 1 }) }))}
            />
            <Space wrap size={8}>
              <Tag color={VERDICT_COLOR[item.verdict]}>
                {t('referrals.field.verdict')}：{t(`referrals.verdict.${item.verdict}`)}
              </Tag>
              <HashBadge state={hash} />
              <Typography.Text type="secondary" copyable={{ text: item.sha256 }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
                SHA-256 {item.sha256.slice(0, 16)}…
              </Typography.Text>
            </Space>
          </Space>
        </Col>
        <Col flex="none">
          <Tooltip title={t('referrals.evidence.remove')}>
            <Button type="text" danger size="small" icon={<DeleteOutlined />} disabled={readOnly} onClick={onRemove} aria-label={t('referrals.evidence.remove')} />
          </Tooltip>
        </Col>
      </Row>
    </div>
  );
}

/** The evidence list in package order: drag to reorder; each item says what it is, where from, and which facts it proves. */
export function EvidenceSection({ draft, edit, readOnly, caseEvidence, hashes }: SectionProps & { caseEvidence: readonly Evidence[]; hashes: Record<string, HashState> }) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const listed = new Set(draft.evidence.map((e) => e.evidenceId));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    edit((d) => {
      const from = d.evidence.findIndex((e) => e.evidenceId === active.id);
      const to = d.evidence.findIndex((e) => e.evidenceId === over.id);
      return from < 0 || to < 0 ? d : { ...d, evidence: arrayMove(d.evidence, from, to) };
    });
  };
  // Spoken while an item is carried with the keyboard: positions, not ids.
  const position = (id: UniqueIdentifier) => draft.evidence.findIndex((e) => e.evidenceId === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('referrals.evidence.dragStart', { n: position(active.id) }),
    // Over its own place (as every drag starts) there is nothing new to say.
    onDragOver: ({ active, over }) => (over && over.id !== active.id ? t('referrals.evidence.dragOver', { n: position(active.id), to: position(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => t('referrals.evidence.dragEnd', { n: position(active.id), to: over ? position(over.id) : position(active.id) }),
    onDragCancel: ({ active }) => t('referrals.evidence.dragCancel', { n: position(active.id) }),
  };
  const change = (id: string, patch: Partial<Item>) => edit((d) => syncFactLinks({ ...d, evidence: d.evidence.map((e) => (e.evidenceId === id ? { ...e, ...patch } : e)) }));
  const remove = (id: string) =>
    edit((d) => syncFactLinks({ ...d, evidence: d.evidence.filter((e) => e.evidenceId !== id) }));
  const add = (id: string) => {
    const e = caseEvidence.find((x) => x.id === id);
    if (!e) return;
    edit((d) => ({ ...d, evidence: [...d.evidence, { evidenceId: e.id, description: e.title, source: e.source, pages: 1, verdict: e.verdict.status, sha256: e.sha256, factIds: [] }] }));
  };
  return (
    <Card
      size="small"
      title={t('referrals.section.evidence')}
      id="sec-evidence"
      extra={<Typography.Text type="secondary">{t('referrals.evidence.count', { count: draft.evidence.length })}</Typography.Text>}
    >
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t('referrals.evidence.dragInstructions') } }}>
          <SortableContext items={draft.evidence.map((e) => e.evidenceId)} strategy={verticalListSortingStrategy}>
            {draft.evidence.map((item, i) => (
              <Row_
                key={item.evidenceId}
                item={item}
                index={i}
                facts={draft.facts}
                hash={hashes[item.evidenceId] ?? 'pending'}
                readOnly={readOnly}
                onChange={(patch) => change(item.evidenceId, patch)}
                onRemove={() => remove(item.evidenceId)}
              />
            ))}
          </SortableContext>
        </DndContext>
        {!readOnly && (
          <Select
            data-testid="add-evidence"
            style={{ width: '100%' }}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('referrals.evidence.addPlaceholder')}
            placeholder={t('referrals.evidence.addPlaceholder')}
            value={null}
            onChange={(v: string) => add(v)}
            options={caseEvidence.filter((e) => !listed.has(e.id)).map((e) => ({ value: e.id, label: `${e.title}（${e.fileName}）` }))}
          />
        )}
      </Space>
    </Card>
  );
}
