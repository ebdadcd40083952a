import { Modal, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

const KEYS: [string[], string][] = [
  [['j', '↓'], 'j'],
  [['k', '↑'], 'k'],
  [['Home', 'End'], 'homeEnd'],
  [['Enter'], 'enter'],
  [['a'], 'a'],
  [['e'], 'e'],
  [['x', 'Space'], 'x'],
  [['?'], 'help'],
  [['Esc'], 'esc'],
];

export const ShortcutsHelp = memo(function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('triage.keys.title')} width={420}>
      <table data-testid="shortcuts" style={{ width: '100%' }}>
        <tbody>
          {KEYS.map(([keys, label]) => (
            <tr key={label}>
              <td style={{ padding: '4px 12px 4px 0', width: 110, whiteSpace: 'nowrap' }}>
                {keys.map((key) => (
                  <Typography.Text keyboard key={key}>
                    {key}
                  </Typography.Text>
                ))}
              </td>
              <td>{t(`triage.keys.${label}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('triage.keys.after')} {t('triage.keys.grid')}
      </Typography.Paragraph>
    </Modal>
  );
});
