import type { HTMLAttributes } from 'react';
import styles from './Pill.module.css';

export type PillColor = 'default' | 'blue' | 'processing' | 'green' | 'success' | 'orange' | 'red' | 'volcano';

/**
 * A tag as plain markup. antd's Tag costs a styled component, a wave effect and theme lookups per
 * instance; a screen of queue rows holds hundreds, which made every sort or filter change wait for them.
 */
export function Pill({ color = 'default', variant, className, ...rest }: HTMLAttributes<HTMLSpanElement> & { color?: PillColor; variant?: 'filled' | 'outlined' }) {
  return <span className={[styles.pill, color !== 'default' && styles[color], variant && styles[variant], className].filter(Boolean).join(' ')} {...rest} />;
}
