import { useMemo, useState } from 'react';
import { ReadOnlyNotice, isReadOnlyRole } from '@/components/ReadOnlyNotice';
import { DndContext, PointerSensor, KeyboardSensor, useDraggable, useDroppable, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Checkbox, Empty, InputNumber, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { HolderOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyAutoAssign, boardKeys, boardQueries, bulkAssign, previewAutoAssign, setCapacity } from '@/api/resources/board';
import { caseKeys } from '@/api/resources/cases';
import { complaintKeys } from '@/api/resources/complaints';
import { sessionQuery, userKeys, usersQuery } from '@/api/resources/session';
import type { AutoAssignPlan, BoardItem, User, Workload } from '@/api/schemas';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { DeadlineCountdown } from '@/components/DeadlineCountdown';
import { LoadingState } from '@/components/LoadingState';
import { errorText } from '@/lib/error-text';
import { columnKeyboardCoordinates } from './board-keyboard';

type Props = { onOpenCase: (id: string) => void; onOpenComplaint: (id: string) => void };

/** Cards shown per column; the counts above each column always cover everything. */
const CARDS_PER_COLUMN = 25;
const UNASSIGNED = '__unassigned__';
const key = (i: Pick<BoardItem, 'type' | 'id'>) => `${i.type}:${i.id}`;

function ItemCard({ item, checked, onCheck, onOpen }: { item: BoardItem; checked: boolean; onCheck: (v: boolean) => void; onOpen: () => void }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({ id: key(item), data: item });
  return (
    // The card is not itself a control: the grip moves it (mouse or keyboard: space, arrows, space), the
    // checkbox selects it and the title opens it, each reachable and named on its own.
    <div
      ref={setNodeRef}
      data-testid="board-card"
      data-item-id={item.id}
      style={{
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        opacity: isDragging ? 0.6 : 1,
        zIndex: isDragging ? 10 : undefined,
        position: 'relative',
        border: '1px solid var(--ant-color-border-secondary, #eee)',
        borderRadius: 6,
        padding: '4px 6px',
        marginBottom: 4,
        background: checked ? '#e6f4ff' : '#fff',
        fontSize: 12,
      }}
    >
      <Space size={4} align="start">
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t('cases.board.dragHandle', { title: item.title })}
          data-testid="board-card-handle"
          style={{ border: 0, background: 'transparent', padding: '2px 0', cursor: 'grab', color: '#545b66' }}
        >
          <HolderOutlined />
        </button>
        <Checkbox checked={checked} onChange={(e) => onCheck(e.target.checked)} data-testid="board-card-check" aria-label={t('cases.board.select', { title: item.title })} />
        <div>
          <Tag color={item.type === 'case' ? 'purple' : 'blue'} style={{ marginInlineEnd: 4 }}>
            {t(`cases.board.${item.type}`)}
          </Tag>
          <Button type="link" size="small" onClick={onOpen} style={{ padding: 0, height: 'auto', fontSize: 12, whiteSpace: 'normal', textAlign: 'start' }} data-testid="board-card-open">
            {item.title}
          </Button>
          <div>
            <DeadlineCountdown dueAt={item.dueAt} status="in_progress" />
          </div>
        </div>
      </Space>
    </div>
  );
}

function Column(props: {
  id: string;
  title: React.ReactNode;
  user: User | null;
  load: Workload | null;
  items: BoardItem[];
  total: number;
  checked: Set<string>;
  onCheck: (k: string, v: boolean) => void;
  onOpen: (i: BoardItem) => void;
  onNext?: () => void;
  /** Only for leads: change the person's cap. */
  onCapacity?: (capacity: number) => void;
}) {
  const { t } = useTranslation();
  const away = props.load?.away ?? false;
  const { setNodeRef, isOver } = useDroppable({ id: props.id, disabled: away });
  const load = props.load ? props.load.openComplaints + props.load.openCases : 0;
  const full = props.load ? load >= props.load.capacity : false;
  return (
    <Card
      ref={setNodeRef}
      size="small"
      data-testid="board-column"
      data-user-id={props.user?.id ?? 'unassigned'}
      data-away={away}
      style={{ width: 240, flex: '0 0 240px', background: isOver ? '#f0f5ff' : away ? '#fafafa' : undefined, opacity: away ? 0.75 : 1 }}
      title={
        <Space orientation="vertical" size={0} style={{ width: '100%' }}>
          <Space size={4}>
            {props.title}
            {away && (
              <Tag color="default" data-testid="board-away">
                {t('cases.board.away')}
              </Tag>
            )}
          </Space>
          {props.load && (
            <>
              <Progress
                size="small"
                percent={Math.round((load / props.load.capacity) * 100)}
                status={full ? 'exception' : 'normal'}
                format={() => `${load}/${props.load!.capacity}`}
                aria-label={t('cases.board.loadLabel', { load, capacity: props.load.capacity })}
                data-testid="board-load"
              />
              <Space size={4} wrap style={{ fontWeight: 'normal', fontSize: 12 }}>
                <span>{t('cases.board.counts', { complaints: props.load.openComplaints, cases: props.load.openCases })}</span>
                <Badge color="red" text={<span data-testid="board-overdue">{t('cases.board.overdue', { count: props.load.overdue })}</span>} />
                <Badge color="orange" text={t('cases.board.dueSoon', { count: props.load.dueSoon })} />
              </Space>
            </>
          )}
          {props.onCapacity && props.load && (
            <Space size={4} style={{ fontWeight: 'normal', fontSize: 12 }}>
              {t('cases.board.capacity')}
              <InputNumber
                size="small"
                min={1}
                max={500}
                style={{ width: 70 }}
                aria-label={t('cases.board.capacity')}
                data-testid="board-capacity"
                defaultValue={props.load.capacity}
                onBlur={(e) => {
                  const v = Number(e.target.value);
                  if (Number.isInteger(v) && v > 0 && v !== props.load!.capacity) props.onCapacity!(v);
                }}
                onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
              />
            </Space>
          )}
          {props.onNext && (
            <Button size="small" type="link" style={{ padding: 0 }} onClick={props.onNext} data-testid="board-next">
              {t('cases.board.next')}
            </Button>
          )}
        </Space>
      }
      styles={{ body: { maxHeight: 420, overflowY: 'auto', padding: 6 } }}
    >
      {props.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={away ? t('cases.board.awayHint') : t('cases.board.empty')} />
      ) : (
        props.items
          .slice(0, CARDS_PER_COLUMN)
          .map((i) => <ItemCard key={key(i)} item={i} checked={props.checked.has(key(i))} onCheck={(v) => props.onCheck(key(i), v)} onOpen={() => props.onOpen(i)} />)
      )}
      {props.total > CARDS_PER_COLUMN && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cases.board.more', { count: props.total - CARDS_PER_COLUMN })}
        </Typography.Text>
      )}
    </Card>
  );
}

/** 组长看板: who holds what, who is overloaded or away; assign by dragging, in bulk, or automatically. */
export function BoardPage({ onOpenCase, onOpenComplaint }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery());
  const users = useQuery(usersQuery());
  const board = useQuery(boardQueries.board());
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [bulkTarget, setBulkTarget] = useState<string>();
  const [plan, setPlan] = useState<AutoAssignPlan | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }));
  const isLead = session.data?.user.role === 'lead';

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: boardKeys.all }),
      queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
      queryClient.invalidateQueries({ queryKey: caseKeys.all }),
    ]);
  const assign = useMutation({
    mutationFn: bulkAssign,
    onSuccess: async (r) => {
      if (r.skipped.length) message.warning(t('cases.board.skipped', { count: r.skipped.length }));
      else message.success(t('cases.board.assigned', { count: r.assigned }));
      setChecked(new Set());
      await refresh();
    },
    onError: (e) => message.error(errorText(e, t)),
  });
  const capacity = useMutation({
    mutationFn: ({ userId, value }: { userId: string; value: number }) => setCapacity(userId, value),
    onSuccess: async (u) => {
      message.success(t('cases.board.capacitySet', { name: u.name, count: u.capacity }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: userKeys.all }), refresh()]);
    },
    onError: (e) => message.error(errorText(e, t)),
  });
  const preview = useMutation({ mutationFn: previewAutoAssign, onSuccess: setPlan, onError: (e) => message.error(errorText(e, t)) });
  const apply = useMutation({
    mutationFn: applyAutoAssign,
    onSuccess: async (r) => {
      setPlan(null);
      message.success(t('cases.board.autoDone', { count: r.assigned, skipped: r.skipped.length }));
      await refresh();
    },
    onError: (e) => message.error(errorText(e, t)),
  });

  const analysts = useMemo(() => (users.data ?? []).filter((u) => u.role === 'analyst'), [users.data]);
  const byColumn = useMemo(() => {
    const m = new Map<string, BoardItem[]>();
    for (const i of board.data?.items ?? []) {
      const k = i.assigneeId ?? UNASSIGNED;
      const list = m.get(k);
      if (list) list.push(i);
      else m.set(k, [i]);
    }
    return m;
  }, [board.data]);
  const itemsByKey = useMemo(() => new Map((board.data?.items ?? []).map((i) => [key(i), i])), [board.data]);

  if (board.isPending || users.isPending) return <LoadingState />;
  if (board.isError) return <ApiErrorAlert error={board.error} onRetry={() => void board.refetch()} />;
  const loads = new Map(board.data.workloads.map((w) => [w.userId, w]));
  const selectedItems = [...checked].map((k) => itemsByKey.get(k)).filter((i): i is BoardItem => !!i);

  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over) return;
    const item = e.active.data.current as BoardItem | undefined;
    if (!item) return;
    const to = e.over.id === UNASSIGNED ? null : String(e.over.id);
    if (to === item.assigneeId) return;
    // Dragging a checked card moves every checked card with it.
    const moving = checked.has(key(item)) ? selectedItems : [item];
    assign.mutate({ assigneeId: to, items: moving.map((i) => ({ type: i.type, id: i.id, version: i.version })) });
  };
  const open = (i: BoardItem) => (i.type === 'case' ? onOpenCase(i.id) : onOpenComplaint(i.id));
  const showNext = async (u: User) => {
    try {
      const { item } = await queryClient.fetchQuery(boardQueries.next(u.id));
      if (!item) {
        message.info(t('cases.board.nextNone', { name: u.name }));
        return;
      }
      modal.confirm({
        title: t('cases.board.nextTitle', { name: u.name }),
        content: (
          <div data-testid="board-next-item">
            <Tag>{t(`cases.board.${item.type}`)}</Tag> {item.title} · <DeadlineCountdown dueAt={item.dueAt} status="in_progress" />
          </div>
        ),
        okText: t('cases.board.openItem'),
        onOk: () => open(item),
      });
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  // What a screen reader hears while a card is carried, in the reader's language and with names, not ids.
  const columnName = (id: string | number | undefined) => (id === UNASSIGNED ? t('common.unassigned') : (analysts.find((u) => u.id === id)?.name ?? ''));
  const titleOf = (data: unknown) => (data as BoardItem | undefined)?.title ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('cases.board.dragStart', { title: titleOf(active.data.current) }),
    // Over its own column (as every drag starts) there is nothing new to say.
    onDragOver: ({ active, over }) => {
      const from = (active.data.current as BoardItem | undefined)?.assigneeId ?? UNASSIGNED;
      if (over?.id === from) return undefined;
      return over ? t('cases.board.dragOver', { title: titleOf(active.data.current), name: columnName(over.id) }) : t('cases.board.dragOverNone', { title: titleOf(active.data.current) });
    },
    onDragEnd: ({ active, over }) =>
      over ? t('cases.board.dragEnd', { title: titleOf(active.data.current), name: columnName(over.id) }) : t('cases.board.dragEndNone', { title: titleOf(active.data.current) }),
    onDragCancel: ({ active }) => t('cases.board.dragCancel', { title: titleOf(active.data.current) }),
  };
  const planCounts = new Map<string, number>();
  for (const a of plan?.assignments ?? []) planCounts.set(a.assigneeId, (planCounts.get(a.assigneeId) ?? 0) + 1);

  return (
    <Card
      title={t('cases.board.title')}
      data-testid="board-page"
      extra={
        <Space wrap>
          <Select
            data-testid="bulk-target"
            style={{ width: 160 }}
            aria-label={t('cases.board.bulkTo')}
            placeholder={t('cases.board.bulkTo')}
            value={bulkTarget}
            onChange={setBulkTarget}
            options={[
              { value: UNASSIGNED, label: t('common.unassigned') },
              ...analysts.map((u) => ({ value: u.id, label: u.away ? `${u.name}（${t('cases.board.away')}）` : u.name, disabled: u.away })),
            ]}
          />
          <Button
            data-testid="bulk-apply"
            disabled={!isLead || !bulkTarget || selectedItems.length === 0}
            loading={assign.isPending}
            onClick={() => assign.mutate({ assigneeId: bulkTarget === UNASSIGNED ? null : bulkTarget!, items: selectedItems.map((i) => ({ type: i.type, id: i.id, version: i.version })) })}
          >
            {t('cases.board.bulkApply', { count: selectedItems.length })}
          </Button>
          <Button type="primary" icon={<ThunderboltOutlined />} data-testid="auto-assign" loading={preview.isPending} onClick={() => preview.mutate()}>
            {t('cases.board.auto', { count: board.data.unassignedComplaints })}
          </Button>
        </Space>
      }
    >
      {isReadOnlyRole(session.data?.user.role) ? (
        <ReadOnlyNotice role={session.data?.user.role} />
      ) : (
        !isLead && <Typography.Paragraph type="warning">{t('cases.board.leadOnly')}</Typography.Paragraph>
      )}
      <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t('cases.board.dragInstructions') } }}>
        <div style={{ display: 'flex', gap: 8, overflowX: 'auto', paddingBottom: 8 }}>
          <Column
            id={UNASSIGNED}
            title={
              <span>
                {t('common.unassigned')} <Tag data-testid="board-unassigned-total">{board.data.unassignedTotal}</Tag>
              </span>
            }
            user={null}
            load={null}
            items={byColumn.get(UNASSIGNED) ?? []}
            total={board.data.unassignedTotal}
            checked={checked}
            onCheck={(k, v) => setChecked((s) => (v ? new Set(s).add(k) : new Set([...s].filter((x) => x !== k))))}
            onOpen={open}
          />
          {analysts.map((u) => (
            <Column
              key={u.id}
              id={u.id}
              title={<span data-testid="board-column-name">{u.name}</span>}
              user={u}
              load={loads.get(u.id) ?? null}
              items={byColumn.get(u.id) ?? []}
              total={byColumn.get(u.id)?.length ?? 0}
              checked={checked}
              onCheck={(k, v) => setChecked((s) => (v ? new Set(s).add(k) : new Set([...s].filter((x) => x !== k))))}
              onOpen={open}
              onNext={() => void showNext(u)}
              onCapacity={isLead ? (value) => capacity.mutate({ userId: u.id, value }) : undefined}
            />
          ))}
        </div>
      </DndContext>
      <Modal
        open={!!plan}
        width={640}
        title={t('cases.board.previewTitle')}
        onCancel={() => setPlan(null)}
        okText={t('cases.board.previewApply', { count: plan?.assignments.length ?? 0 })}
        okButtonProps={{ disabled: !plan?.assignments.length, loading: apply.isPending, 'data-testid': 'auto-apply' } as never}
        onOk={() => plan && apply.mutate(plan)}
      >
        <div data-testid="auto-preview">
          <Typography.Paragraph>
            {t('cases.board.previewBody', { count: plan?.assignments.length ?? 0, left: plan?.leftOver ?? 0 })}
          </Typography.Paragraph>
          {plan && plan.assignments.length === 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="auto-preview-none"
              message={t(plan.leftOver === 0 ? 'cases.board.noneToPlace' : 'cases.board.noneFits', { left: plan.leftOver })}
            />
          )}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={analysts.map((u) => {
              const w = loads.get(u.id);
              const now = w ? w.openComplaints + w.openCases : 0;
              return { id: u.id, name: u.name, away: u.away, now, add: planCounts.get(u.id) ?? 0, cap: u.capacity };
            })}
            onRow={(r) => ({ 'data-testid': 'auto-preview-row', 'data-user-id': r.id }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('cases.col.assignee'), dataIndex: 'name', render: (v: string, r) => (r.away ? <span>{v} <Tag>{t('cases.board.away')}</Tag></span> : v) },
              { title: t('cases.board.colNow'), dataIndex: 'now', align: 'right' },
              { title: t('cases.board.colAdd'), dataIndex: 'add', align: 'right', render: (v: number) => <span data-testid="auto-preview-add">+{v}</span> },
              { title: t('cases.board.colAfter'), key: 'after', align: 'right', render: (_: unknown, r) => `${r.now + r.add}/${r.cap}` },
            ]}
          />
        </div>
      </Modal>
    </Card>
  );
}
