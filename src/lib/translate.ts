/**
 * A translator as plain components take it: i18next's `t` from a hook fits, and so does a memoised one.
 * Components that render by the hundred take it as a prop instead of each calling useTranslation.
 */
export type Translate = (key: string, options?: Record<string, string | number>) => string;

/**
 * i18next resolves the language and interpolates on every call; a screen of queue rows asks for the same
 * few hundred strings on every change. Memoised per translator, so a language switch starts afresh.
 */
export function memoizeTranslate(t: Translate): Translate {
  const done = new Map<string, string>();
  return (key, options) => {
    const id = options ? `${key}\u0000${JSON.stringify(options)}` : key;
    let text = done.get(id);
    if (text === undefined) {
      text = t(key, options);
      done.set(id, text);
    }
    return text;
  };
}
