import { expect, test } from './support/test';
import { Workbench } from './support/app';
import { QueuePage, type ApiComplaint } from './support/queue';

/** The router writes list filters as JSON (grade=["level1"]); compare against the decoded address. */
const url = (page: import('@playwright/test').Page) => expect.poll(() => decodeURIComponent(page.url()));

type Page_ = { items: ApiComplaint[]; total: number };

test.describe('complaint triage queue', () => {
  // Each test starts from a fresh browser that generates its demo data; the shared 2-core machine is slow at it.
  test.describe.configure({ timeout: 150_000 });

  test('filters live in the URL and survive a reload', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue');
    await queue.ready();
    await queue.pick('filter-grade', '一级');
    await url(page).toMatch(/grade=.*level1/);
    await queue.pick('filter-signal', '模板化文本');
    await url(page).toMatch(/signal=.*template_text/);
    await page.getByTestId('col-riskScore').click();
    await url(page).toMatch(/sort=.*riskScore/);
    const total = await page.getByTestId('queue-total').innerText();

    await page.reload();
    await queue.ready();
    await expect(page.getByTestId('queue-total')).toHaveText(total);
    await expect(page.getByTestId('filter-grade')).toContainText('一级');
    await expect(page.getByTestId('filter-signal')).toContainText('模板化文本');
    // Every listed row matches: grade 一级 and the template signal among its top signals or in the detail.
    const first = await queue.openRow(queue.rows().first());
    await expect(queue.drawer().locator('[data-testid="signal"][data-code="template_text"]')).toBeVisible();
    await url(page).toMatch(new RegExp(`complaint=${first}`));
  });

  test('saved views: the four defaults, and a view of my own that is kept per user', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue');
    await queue.ready();
    for (const name of ['我的待办', '即将超时', '一级异常', '未分配']) await expect(page.getByTestId('saved-views')).toContainText(name);
    await page.getByTestId('view-unassigned').click();
    await url(page).toMatch(/assignee=.*unassigned/);
    await page.getByTestId('view-level1').click();
    await url(page).toMatch(/grade=.*level1/);
    await url(page).not.toMatch(/assignee=/);

    await queue.pick('filter-channel', '12378');
    await page.getByTestId('view-save').click();
    await page.getByTestId('view-name').fill('12378 一级');
    await page.getByTestId('view-name-ok').click();
    await expect(page.locator('[data-testid="view-own"][data-name="12378 一级"]')).toBeVisible();

    await page.getByTestId('view-mine').click();
    await url(page).toMatch(/assignee=.*me/);
    await page.reload();
    await page.locator('[data-testid="view-own"][data-name="12378 一级"]').click();
    await url(page).toMatch(/channel=.*12378/);
    await url(page).toMatch(/grade=.*level1/);

    // Another user has their own views.
    await app.switchRole('lead');
    await expect(page.locator('[data-testid="view-own"]')).toHaveCount(0);
  });

  test('the detail explains every signal behind the score, with siblings, related complaints, attachments and history', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue?sort=riskScore&order=desc&signal=template_text');
    await queue.ready();
    await queue.openRow(queue.rows().first());
    const drawer = queue.drawer();
    const signals = drawer.getByTestId('signal');
    const count = await signals.count();
    expect(count).toBeGreaterThan(1);
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const s = signals.nth(i);
      await expect(s.getByTestId('signal-contribution')).toContainText('%');
      expect((await s.innerText()).length).toBeGreaterThan(20);
      sum += Number((await s.getByTestId('signal-contribution').innerText()).match(/\+(\d+)/)![1]);
    }
    const score = Number(await drawer.getByTestId('risk-score').innerText());
    expect(score).toBe(Math.min(100, sum));
    // Siblings with the differing text highlighted.
    await expect(drawer.getByTestId('sibling').first()).toBeVisible();
    await expect(drawer.getByTestId('sibling').first().getByTestId('diff-ins').first()).toBeVisible();
    await expect(drawer.locator('[data-testid="related-group"][data-kind="template"]')).toBeVisible();
    // Attachments link to the evidence viewer.
    const link = drawer.getByTestId('attachment-link').first();
    await expect(link).toHaveAttribute('href', /\/evidence\?complaintId=.+&id=.+/);
    await expect(drawer.getByTestId('history')).toBeVisible();

    // A sibling opens in the drawer; its family opens as a filter.
    const sibling = await drawer.getByTestId('sibling').first().getAttribute('data-id');
    await drawer.getByTestId('sibling').first().getByTestId('related-item').click();
    await expect(drawer).toHaveAttribute('data-id', sibling!);
    await drawer.getByTestId('filter-by-family').click();
    await url(page).toMatch(/family=tf-/);
    await expect(page.getByTestId('filter-family')).toBeVisible();
  });

  test('assign to me and reassign as a lead, both in the history', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue?assignee=unassigned');
    await queue.ready();
    await queue.openRow(queue.rows().first());
    await queue.drawer().getByTestId('assign-to-me').click();
    await expect(queue.drawer().getByTestId('drawer-assignee')).toHaveText('林晓雯');
    await expect(queue.drawer().locator('[data-testid="history-event"][data-action="assign"]')).toHaveCount(1);
    const id = (await queue.drawer().getAttribute('data-id'))!;

    await queue.closeDrawer();
    await app.switchRole('lead');
    await page.goto(`/queue?complaint=${id}`);
    // A named person: the pick retries a click that was lost, and "any option" could then be 林晓雯 again.
    await queue.pick('reassign', '周子航');
    await expect(queue.drawer().getByTestId('drawer-assignee')).not.toHaveText('林晓雯');
    await expect(queue.drawer().locator('[data-testid="history-event"][data-action="assign"]')).toHaveCount(2);
  });

  test('agent-driven needs two people: an analyst proposes, a lead confirms, and a lead can revert with a reason', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue?label=none&sort=riskScore&order=desc');
    await queue.ready();
    const [first, second] = await queue.rowIds();
    await queue.openRow(queue.row(first));
    await queue.drawer().getByTestId('decide-propose').click();
    // After the decision the next item opens.
    await expect(queue.drawer()).toHaveAttribute('data-id', second);

    await page.goto(`/queue?label=agent_proposed&complaint=${first}`);
    await expect(queue.drawer().getByTestId('complaint-label')).toHaveAttribute('data-label', 'agent_proposed');
    await expect(queue.drawer().getByTestId('decide-confirm')).toBeDisabled();

    await queue.closeDrawer();
    await app.switchRole('lead');
    await page.goto(`/queue?complaint=${first}`);
    await expect(queue.drawer().getByTestId('decide-confirm')).toBeEnabled();
    await queue.drawer().getByTestId('decide-confirm').click();
    await expect.poll(async () => (await queue.api<ApiComplaint>(`/complaints/${first}`)).label, { timeout: 30_000 }).toBe('agent_confirmed');
    await page.goto(`/queue?complaint=${first}`);
    await expect(queue.drawer().getByTestId('complaint-label')).toHaveAttribute('data-label', 'agent_confirmed');

    await queue.drawer().getByTestId('decide-revert').click();
    await expect(page.getByTestId('revert-submit')).toBeDisabled();
    await page.getByTestId('revert-reason').fill('借款人本人到场说明，系本人投诉');
    await page.getByTestId('revert-submit').click();
    await expect.poll(async () => (await queue.api<ApiComplaint>(`/complaints/${first}`)).label, { timeout: 30_000 }).toBe('none');
    await page.goto(`/queue?complaint=${first}`);
    await expect(queue.drawer().getByTestId('complaint-label')).toHaveCount(0);
    await expect(queue.drawer().getByTestId('history')).toContainText('借款人本人到场说明，系本人投诉');
  });

  test('keyboard: j/k move, Enter opens, x selects, a assigns, ? lists the shortcuts, a decision opens the next', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue?sort=receivedAt&order=desc');
    await queue.ready();
    const ids = await queue.rowIds();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect(queue.row(ids[0])).toHaveAttribute('data-active', 'true');
    await page.keyboard.press('j');
    await expect(queue.row(ids[1])).toHaveAttribute('data-active', 'true');
    await page.keyboard.press('x');
    await expect(page.getByTestId('bulk-count')).toContainText('1');
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts')).toBeHidden();

    await page.keyboard.press('Enter');
    await expect(queue.drawer()).toHaveAttribute('data-id', ids[1]);
    await page.keyboard.press('a');
    await expect(queue.drawer().getByTestId('drawer-assignee')).toHaveText('林晓雯');
    // j with the detail open moves the detail along.
    await page.keyboard.press('j');
    await expect(queue.drawer()).toHaveAttribute('data-id', ids[2]);
    await queue.drawer().getByTestId('decide-legitimate').click();
    await expect(queue.drawer()).toHaveAttribute('data-id', ids[3]);
  });

  test('bulk-label a whole template family', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue');
    await queue.ready();
    // The smallest family of three or more. Demo data is generated relative to today, so which families
    // hold confirmed members changes by the day: a lead first withdraws any confirmation (which an
    // analyst's proposal may not overturn), so that every member can take the label.
    const family = await page.evaluate(async () => {
      const json = { 'content-type': 'application/json' };
      const call = async (url: string, init?: RequestInit) => {
        const res = await fetch(url, init);
        if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
        return res.json();
      };
      const members = new Map<string, { id: string; label: string; version: number }[]>();
      for (let p = 1; p < 50; p++) {
        const res = (await call(`/api/complaints?status=&sort=templateFamilySize&order=asc&pageSize=500&page=${p}`)) as {
          items: { id: string; templateFamilyId: string | null; label: string; version: number }[];
        };
        for (const c of res.items) if (c.templateFamilyId) members.set(c.templateFamilyId, [...(members.get(c.templateFamilyId) ?? []), c]);
        if (res.items.length < 500) break;
      }
      const smallest = [...members].filter(([, list]) => list.length >= 3).sort((x, y) => x[1].length - y[1].length)[0];
      if (!smallest) return null;
      const [id, list] = smallest;
      const confirmed = list.filter((c) => c.label === 'agent_confirmed');
      if (confirmed.length) {
        const me = (await call('/api/session')) as { user: { id: string } };
        await call('/api/session', { method: 'PUT', headers: json, body: JSON.stringify({ userId: 'u-lead-1' }) });
        for (const c of confirmed)
          await call(`/api/complaints/${c.id}`, { method: 'PATCH', headers: json, body: JSON.stringify({ version: c.version, label: 'none', labelReason: '测试准备：撤回确认' }) });
        await call('/api/session', { method: 'PUT', headers: json, body: JSON.stringify({ userId: me.user.id }) });
      }
      return { id, size: list.length };
    });
    expect(family).not.toBeNull();
    await page.goto(`/queue?family=${family!.id}&status=`);
    await expect(page.getByTestId('filter-family')).toContainText(family!.id);
    await expect(page.getByTestId('queue-total')).toContainText(String(family!.size));
    await page.getByTestId('bulk-scope-family').click();
    await page.getByTestId('bulk-propose').click();
    await expect(page.locator('.ant-message')).toContainText(`${family!.size}`);
    await expect(page.locator('[data-testid="complaint-row"] [data-testid="complaint-label"][data-label="agent_proposed"]')).toHaveCount(Math.min(family!.size, await queue.rows().count()));
    const after = await queue.api<Page_>(`/complaints?family=${family!.id}&pageSize=500`);
    expect(after.items.every((c) => c.label === 'agent_proposed')).toBe(true);
  });

  test('a bulk action where some items fail says which and why, and keeps them selected', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue?label=agent_confirmed');
    await queue.ready();
    const [confirmedId] = await queue.rowIds();
    await queue.row(confirmedId).getByTestId('row-select').click();
    // The selection survives a change of filter.
    await queue.pick('filter-label', '未判定');
    await queue.pick('filter-label', '确认代理维权');
    await url(page).toMatch(/label=\["none"\]/);
    await expect(queue.row(confirmedId)).toHaveCount(0);
    const plainIds = (await queue.rowIds()).slice(0, 3);
    for (const id of plainIds) await queue.row(id).getByTestId('row-select').click();
    await expect(page.getByTestId('bulk-count')).toContainText('4');

    // Meanwhile someone else changes one of them.
    const changed = await queue.api<ApiComplaint>(`/complaints/${plainIds[1]}`);
    await queue.api(`/complaints/${plainIds[1]}`, { method: 'PATCH', body: { version: changed.version, note: '同事并行处理' } });

    await page.getByTestId('bulk-legitimate').click();
    const failures = page.getByTestId('bulk-failure');
    await expect(failures).toHaveCount(2);
    await expect(page.locator(`[data-testid="bulk-failure"][data-id="${plainIds[1]}"]`)).toContainText('已被他人修改');
    await expect(page.locator(`[data-testid="bulk-failure"][data-id="${confirmedId}"]`)).toContainText('组长');
    // The failed ones stay selected; the rest were labelled and left the selection.
    await expect(page.getByTestId('bulk-count')).toContainText('2');
    await expect(queue.row(plainIds[1]).getByTestId('row-select')).toBeChecked();
    await expect(queue.row(plainIds[0])).toHaveCount(0); // labelled legitimate, so no longer in this filter
    const done = await queue.api<ApiComplaint>(`/complaints/${plainIds[0]}`);
    expect(done.label).toBe('legitimate');
    expect((await queue.api<ApiComplaint>(`/complaints/${confirmedId}`)).label).toBe('agent_confirmed');
  });

  test('select complaints and escalate them to a new case, then add another to that case', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue?signal=template_text&sort=riskScore&order=desc');
    await queue.ready();
    const ids = (await queue.rowIds()).slice(0, 3);
    await queue.row(ids[0]).getByTestId('row-select').click();
    await queue.row(ids[1]).getByTestId('row-select').click();
    await page.getByTestId('bulk-escalate').click();
    await expect(page.getByTestId('escalate-dialog')).toBeVisible();
    await page.getByTestId('escalate-title').fill('江州优信团伙 模板投诉');
    await page.getByTestId('escalate-submit').click();
    await expect(page.getByRole('alert').filter({ hasText: '已创建案件' })).toBeVisible({ timeout: 30_000 });
    const first = await queue.api<ApiComplaint>(`/complaints/${ids[0]}`);
    expect(first.caseId).toMatch(/^case-/);
    expect((await queue.api<ApiComplaint>(`/complaints/${ids[1]}`)).caseId).toBe(first.caseId);

    // The third one joins that case from its detail.
    await queue.openRow(queue.row(ids[2]));
    await queue.drawer().getByTestId('escalate').click();
    await page.getByTestId('escalate-tab-existing').click();
    await expect(page.getByRole('tab', { name: '加入已有案件' })).toHaveAttribute('aria-selected', 'true');
    await queue.pick('escalate-case', first.caseId!);
    await page.getByTestId('escalate-submit').click();
    await expect.poll(async () => (await queue.api<ApiComplaint>(`/complaints/${ids[2]}`)).caseId, { timeout: 30_000 }).toBe(first.caseId);
    await expect(page.getByRole('alert').filter({ hasText: '已加入案件' })).toBeVisible();
    const kase = await queue.api<{ complaintIds: string[] }>(`/cases/${first.caseId}`);
    expect(kase.complaintIds).toEqual(expect.arrayContaining(ids));
  });

  test('columns can be hidden, reordered and resized, and the layout is remembered per user', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue');
    await queue.ready();
    await page.getByTestId('columns-button').click();
    await page.getByTestId('column-visible-demands').click();
    await page.getByTestId('column-up-riskScore').click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('col-demands')).toHaveCount(0);
    const handle = page.getByTestId('resize-borrowerName');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 82, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const widened = (await page.getByTestId('col-borrowerName').boundingBox())!.width;
    expect(widened).toBeGreaterThan(140);

    await page.reload();
    await queue.ready();
    await expect(page.getByTestId('col-demands')).toHaveCount(0);
    const headers = await page.locator('[role="columnheader"][data-testid^="col-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(headers.indexOf('col-riskScore')).toBe(headers.indexOf('col-borrowerName') + 1);
    expect((await page.getByTestId('col-borrowerName').boundingBox())!.width).toBeCloseTo(widened, 0);

    await app.switchRole('lead');
    await expect(page.getByTestId('col-demands')).toBeVisible();
  });

  test('opening a complaint keeps the list where it was; a new order starts it at the top with its rows', async ({ page }) => {
    const app = new Workbench(page);
    const queue = new QueuePage(page);
    await app.open('/queue?status=[]');
    await queue.ready();
    const scroller = page.getByTestId('queue-scroller');
    const top = () => scroller.evaluate((el) => el.scrollTop);
    // Far down the list: these rows come from chunks fetched as they scroll into view.
    await scroller.evaluate((el) => (el.scrollTop = 40 * 52 * 10));
    await expect(queue.rows().first()).toHaveAttribute('data-index', /^(3[5-9]\d|4\d\d)$/);
    const before = await top();
    expect(before).toBeGreaterThan(10_000);

    // A row well inside the view, so the click itself need not scroll.
    await queue.openRow(page.locator('[data-testid="complaint-row"][data-index="403"]'));
    expect(await top()).toBe(before);
    await queue.closeDrawer();
    expect(await top()).toBe(before);

    await page.getByTestId('col-riskScore').click();
    await expect.poll(top).toBe(0);
    await expect(queue.rows().first()).toHaveAttribute('data-index', '0');
    await expect(page.getByTestId('placeholder-row')).toHaveCount(0);
    const scores = await queue.rows().evaluateAll((els) => els.slice(0, 5).map((e) => Number(e.querySelector('strong')?.textContent)));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
