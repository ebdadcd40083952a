import { useLayoutEffect, useRef } from 'react';

/**
 * Gives focus back to what had it when a dialog opened, once it closes. antd's Modal does this itself
 * only while it stays mounted; dialogs that unmount on close (rendered only while they have something to
 * show) lose it, and a keyboard user lands on the page's top. Runs in a layout effect of the owner, before
 * the dialog moves focus into itself.
 */
export function useReturnFocus(open: boolean) {
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return;
    }
    const target = opener.current;
    opener.current = null;
    if (!target) return;
    // After the dialog's own close handling, and only if nothing else has taken focus meanwhile.
    const frame = requestAnimationFrame(() => {
      const now = document.activeElement;
      if (target.isConnected && (!now || now === document.body || !now.isConnected)) target.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [open]);
}
