import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, theme, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from '@/lib/query-client';
import { useReducedMotion } from '@/lib/use-reduced-motion';
import './i18n';
import './contrast.css';

/** Sober ink-and-seal palette, a little denser than antd's default: the queue is read all day. */
const appTheme: ThemeConfig = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#a8272d',
    colorLink: '#a8272d',
    colorTextBase: '#1d2129',
    // Secondary text is read all day too: at least 4.5:1 on white and on the grey page (antd's 0.45 alpha is 2.8:1).
    colorTextSecondary: '#545b66',
    colorTextTertiary: '#5f6671',
    colorTextQuaternary: '#5f6671',
    colorTextPlaceholder: '#6b717c',
    colorWarningText: '#ad4e00',
    colorError: '#cf1322',
    colorSuccessText: '#237804',
    borderRadius: 4,
    fontSize: 13,
    controlHeight: 30,
    fontFamily: "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, sans-serif",
  },
  components: {
    Layout: { siderBg: '#1f232b', headerBg: '#ffffff', headerHeight: 52, headerPadding: '0 20px', bodyBg: '#f4f5f7' },
    Menu: { darkItemBg: '#1f232b', darkSubMenuItemBg: '#1f232b', darkItemSelectedBg: '#a8272d' },
    Card: { bodyPadding: 16 },
  },
};

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  // i18n.ts switches dayjs and the API language; antd's own strings follow here.
  const locale = i18n.resolvedLanguage === 'en' ? enUS : zhCN;
  // Dialogs, drawers and menus that zoom and slide in are motion some people's systems ask to be spared.
  const reducedMotion = useReducedMotion();
  const themed = useMemo(() => (reducedMotion ? { ...appTheme, token: { ...appTheme.token, motion: false } } : appTheme), [reducedMotion]);

  return (
    <QueryClientProvider client={queryClient}>
      {/* No auto-space inside two-character Chinese button labels (重试, not 重 试). */}
      <ConfigProvider locale={locale} theme={themed} button={{ autoInsertSpace: false }}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
