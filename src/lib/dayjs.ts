import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

/** dayjs formats dates and relative times; it must follow the UI language together with antd. */
export function setDayjsLanguage(language: string) {
  dayjs.locale(language.startsWith('zh') ? 'zh-cn' : 'en');
}

export { dayjs };
