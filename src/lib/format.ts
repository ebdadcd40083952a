import { dayjs } from './dayjs';

export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
export const formatShortDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('MM-DD HH:mm') : '—');

export function formatNumber(value: number, language: string) {
  return new Intl.NumberFormat(language.startsWith('zh') ? 'zh-CN' : 'en-US').format(value);
}

export function formatMoney(value: number, language: string) {
  return new Intl.NumberFormat(language.startsWith('zh') ? 'zh-CN' : 'en-US', { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(value);
}
