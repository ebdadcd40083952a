import { Button, type ButtonProps } from 'antd';

/**
 * An action that reads like a link (select an entity, reset a setting). A button, not an `<a>` without
 * href, so the keyboard reaches it and a screen reader calls it what it is.
 */
export function LinkButton({ style, ...props }: Omit<ButtonProps, 'type'>) {
  return <Button type="link" size="small" {...props} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start', ...style }} />;
}
