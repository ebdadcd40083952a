import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * Features render plain `<a href>` (they know nothing of the router). A click on one that stays inside the
 * app goes through the router instead of reloading the page, so caches, drafts and the open drawer survive;
 * new-tab clicks, downloads, other origins and in-page anchors keep the browser's behaviour.
 */
export function useInAppLinks() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      const here = window.location;
      if (url.hash && url.pathname === here.pathname && url.search === here.search) return;
      // Files the server or the demo serves directly (sample evidence, exports) are not screens.
      if (/\.[a-z0-9]{2,5}$/i.test(url.pathname) || url.pathname.startsWith('/api/')) return;
      e.preventDefault();
      void router.history.push(`${url.pathname}${url.search}${url.hash}`);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [router]);
}
