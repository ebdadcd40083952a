/**
 * The queue in Chromium against the built app with 100,000 generated complaints (`?demoScale=100000`,
 * read by src/mocks/browser.ts): time from a sort or filter change to the new rows painted, and long
 * tasks (PerformanceObserver 'longtask', > 50 ms) while scrolling the whole list top to bottom.
 */
import type { Browser } from '@playwright/test';

const SCALE = 100_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function benchQueue({ baseUrl, browser }: { baseUrl: string; browser: Browser }) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const t0 = Date.now();
  // Every status (`status=`), so sorting and scrolling cover all 100,000 complaints, not just open ones.
  await page.goto(`${baseUrl}/queue?demoScale=${SCALE}&status=`);
  await page.getByTestId('complaint-row').first().waitFor({ timeout: 600_000 });
  const total = (await page.getByTestId('queue-total').innerText()).replace(/\D/g, '');
  console.log(`queue @${SCALE.toLocaleString('en')}: first rows after ${ms(Date.now() - t0)} (generation in the browser included), ${total} complaints listed`);

  // Scroll the whole list first (every complaint, default order), watching for long tasks.
  const scroll = await page.evaluate<{ longTasks: number[]; ms: number; frames: number; height: number; rows: number }>(`(${SCROLL_SCRIPT})()`);
  const over = scroll.longTasks.filter((d) => d > 50);
  console.log(
    `queue @100k — scroll the whole list (${(scroll.height / 1e6).toFixed(1)}M px, ${scroll.frames} frames, ${ms(scroll.ms)}): ` +
      `${scroll.longTasks.length} long tasks, longest ${ms(Math.max(0, ...scroll.longTasks))}; ${over.length} over 50 ms; ${scroll.rows} rows in the DOM at the end`,
  );

  // One change = click an element, then wait until the first rows differ, the table is no longer busy,
  // and one more frame has been painted. Page scripts are plain strings: tsx would otherwise inject
  // helpers (__name) the page does not have.
  const change = (testId: string) => page.evaluate<number>(`(${CHANGE_SCRIPT})(${JSON.stringify(testId)})`);

  const sortTimes: number[] = [];
  for (const col of ['riskScore', 'receivedAt', 'templateFamilySize', 'channel', 'status', 'dueAt']) {
    for (let i = 0; i < 2; i++) {
      sortTimes.push(await change(`col-${col}`));
      await page.waitForTimeout(200);
    }
  }
  const filterTimes: number[] = [];
  for (const view of ['view-level1', 'view-unassigned', 'view-dueSoon', 'view-mine', 'view-level1', 'view-unassigned']) {
    filterTimes.push(await change(view));
    await page.waitForTimeout(200);
  }
  const report = (name: string, xs: number[]) => {
    const ok = xs.filter((x) => Number.isFinite(x));
    console.log(`queue @100k — ${name} → rows painted: median ${ms(median(ok))}, p90 ${ms(pct(ok, 0.9))}, max ${ms(Math.max(...ok))} (n=${ok.length}${ok.length < xs.length ? `, ${xs.length - ok.length} timed out` : ''})`);
  };
  report('sort change', sortTimes);
  report('filter change', filterTimes);
  report('sort or filter change', [...sortTimes, ...filterTimes]);
  console.log(`queue @100k — each change, in order (ms): sorts ${sortTimes.map(Math.round).join(' ')}; filters ${filterTimes.map(Math.round).join(' ')}`);

  await page.close();
}

const CHANGE_SCRIPT = `function (id) {
  return new Promise(function (resolve) {
    function signature() {
      return Array.from(document.querySelectorAll('[data-testid="complaint-row"]')).slice(0, 5).map(function (r) { return r.getAttribute('data-id'); }).join(',');
    }
    function busy() {
      var t = document.querySelector('[data-testid="complaint-table"]');
      return !!t && t.getAttribute('aria-busy') === 'true';
    }
    var before = signature();
    var start = performance.now();
    document.querySelector('[data-testid="' + id + '"]').click();
    function check() {
      if (performance.now() - start > 10000) return resolve(NaN);
      var now = signature();
      if (!busy() && now !== before && now !== '') requestAnimationFrame(function () { setTimeout(function () { resolve(performance.now() - start); }, 0); });
      else requestAnimationFrame(check);
    }
    requestAnimationFrame(check);
  });
}`;

const SCROLL_SCRIPT = `async function () {
  var longTasks = [];
  var observer = new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) { longTasks.push(e.duration); }); });
  observer.observe({ type: 'longtask', buffered: false });
  var scroller = document.querySelector('[data-testid="queue-scroller"]');
  function frame() { return new Promise(function (r) { requestAnimationFrame(r); }); }
  var start = performance.now();
  var frames = 0;
  // About three screens a frame: a fast, steady fling through the whole list.
  var step = scroller.clientHeight * 3;
  while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
    scroller.scrollTop += step;
    await frame();
    frames++;
  }
  // Let the last chunks land.
  await new Promise(function (r) { setTimeout(r, 1000); });
  observer.disconnect();
  return { longTasks: longTasks, ms: performance.now() - start, frames: frames, height: scroller.scrollHeight, rows: document.querySelectorAll('[data-testid="complaint-row"]').length };
}`;
