import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnLayout } from '../state/prefs';
import { QUEUE_COLUMN_IDS, QUEUE_COLUMN_LABEL } from './queue-columns';
import { LinkButton } from '@/components/LinkButton';

/** Show, hide and reorder columns (widths are dragged in the header, or moved there with ← →); remembered per user. */
export const ColumnSettings = memo(function ColumnSettings({ layout, onChange }: { layout: ColumnLayout; onChange: (layout: ColumnLayout) => void }) {
  const { t } = useTranslation();
  const order = layout.order.length ? layout.order : QUEUE_COLUMN_IDS;
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [id] = next.splice(index, 1);
    next.splice(index + by, 0, id);
    onChange({ ...layout, order: next });
  };
  const toggle = (id: string, visible: boolean) => {
    const hidden = visible ? layout.hidden.filter((h) => h !== id) : [...layout.hidden, id];
    // At least one data column stays, or the table has nothing to show.
    if (hidden.length >= order.length) return;
    onChange({ ...layout, hidden });
  };

  const content = (
    <div data-testid="column-settings" style={{ width: 240 }}>
      {order.map((id, i) => (
        <div key={id} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '2px 0' }} data-testid="column-setting" data-col={id}>
          <Checkbox checked={!layout.hidden.includes(id)} onChange={(e) => toggle(id, e.target.checked)} data-testid={`column-visible-${id}`}>
            {t(`queue.col.${QUEUE_COLUMN_LABEL[id] ?? id}`)}
          </Checkbox>
          <Space size={0}>
            <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('triage.columns.up')} data-testid={`column-up-${id}`} />
            <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === order.length - 1} onClick={() => move(i, 1)} aria-label={t('triage.columns.down')} data-testid={`column-down-${id}`} />
          </Space>
        </div>
      ))}
      <LinkButton onClick={() => onChange({ hidden: [], sizing: {}, order: [] })} data-testid="columns-reset">
        {t('triage.columns.reset')}
      </LinkButton>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" title={t('triage.columns.title')}>
      <Button icon={<SettingOutlined />} data-testid="columns-button">
        {t('triage.columns.title')}
      </Button>
    </Popover>
  );
});
