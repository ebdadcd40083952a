import { expect, test } from './support/test';
import { GraphScreen } from './support/graph';

test.describe('relationship graph', () => {
  test('starts from a complaint, expands a neighbour and undoes it', async ({ page }) => {
    const graph = new GraphScreen(page);
    await graph.open('?complaint=cmp-000010');
    await expect.poll(() => graph.count('nodes')).toBeGreaterThan(2);
    await graph.waitIdle();
    const before = await graph.count('total');
    const complaintNode = (await graph.nodes()).find((n) => n.type === 'complaint')!;
    expect(complaintNode.id).toBe('ent-cmp-000010');

    const borrower = (await graph.nodes()).find((n) => n.type === 'borrower')!;
    await graph.clickNode(borrower.id);
    await expect(page).toHaveURL(new RegExp(`selected=${borrower.id}`));
    // the complaint behind the borrower links to the queue
    await expect(page.getByTestId('graph-details').getByTestId('graph-complaint-link').first()).toHaveAttribute('href', /\/queue\?complaint=cmp-/);

    const phone = (await graph.nodes()).find((n) => n.type === 'phone')!;
    await graph.select(phone.id);
    await page.getByTestId('graph-expand').getByRole('button').first().click();
    await expect.poll(() => graph.count('total')).toBeGreaterThan(before);
    await page.getByTestId('graph-undo').click();
    await expect.poll(() => graph.count('total')).toBe(before);
  });

  test('finds the path between two borrowers of one gang, with hubs excluded', async ({ page }) => {
    const graph = new GraphScreen(page);
    // An agent of a gang represents many borrowers: its neighbourhood holds several of them.
    await graph.open('?entity=ent-agent-person-000001');
    await expect.poll(async () => (await graph.nodes()).filter((n) => n.type === 'borrower').length).toBeGreaterThan(1);
    await graph.waitIdle();
    const [a, b] = (await graph.nodes()).filter((n) => n.type === 'borrower');

    await graph.select(a.id);
    await page.getByTestId('graph-path-from').click();
    await graph.select(b.id);
    await page.getByTestId('graph-path-to').click();
    await graph.tab('path').click();
    await expect(page.getByTestId('graph-path-exclude-hubs')).toBeChecked();
    await page.getByTestId('graph-find-path').click();
    const result = page.getByTestId('graph-path-result');
    await expect(result).toHaveAttribute('data-hops', '2');
    await expect(result.getByTestId('graph-path-hop').first()).toContainText('代理');
    // the complaints behind each hop are listed
    await expect(result.getByTestId('graph-complaint-link').first()).toBeVisible();
    const highlighted = await page.evaluate(() => window.__jianzhengGraph!.cy()!.$('.path').length);
    expect(highlighted).toBe(5); // three entities and the two links between them
  });

  test('detects communities and creates a case from one, whose graph opens with its layout', async ({ page }) => {
    const graph = new GraphScreen(page);
    await graph.open('?entity=ent-agent-person-000001');
    await expect.poll(() => graph.count('nodes')).toBeGreaterThan(2);
    await graph.waitIdle();
    await graph.tab('communities').click();
    await page.getByTestId('graph-detect').click();
    await expect(page.getByTestId('graph-community-stats')).toBeVisible();
    await page.getByTestId('graph-community-item').first().click();
    const summary = page.getByTestId('graph-community-summary');
    await expect(summary).toBeVisible();
    const size = Number(await summary.getAttribute('data-size'));
    expect(size).toBeGreaterThan(1);
    await expect(summary.getByTestId('graph-community-glue').first()).toBeVisible();

    // Before anything is created: exactly which complaints, and which another case already holds.
    await page.getByTestId('graph-create-case').click();
    const preview = page.getByTestId('community-case-preview');
    await expect(preview).toHaveAttribute('data-total', /[1-9]\d*/);
    const total = Number(await preview.getAttribute('data-total'));
    const elsewhere = Number(await preview.getAttribute('data-elsewhere'));
    expect(elsewhere).toBeGreaterThan(0);
    await expect(page.getByTestId('community-case-complaint')).toHaveCount(Math.min(total, 50));
    const taken = (await page.getByTestId('community-case-complaint').first().getAttribute('data-id'))!;
    const takenFrom = (await page.getByTestId('community-case-complaint').first().getAttribute('data-case-id'))!;
    expect(takenFrom).toMatch(/^case-/);
    // Left where they are by default; the button counts what will be included.
    await expect(preview).toHaveAttribute('data-included', String(total - elsewhere));
    await expect(page.getByTestId('community-case-submit')).toContainText(`${total - elsewhere} 件投诉`);
    await page.getByTestId('community-case-submit').click();
    const created = page.getByTestId('graph-created-case');
    await expect(created).toBeVisible();
    const href = (await created.getAttribute('href'))!;
    const caseId = decodeURIComponent(href.split('case=')[1]);
    const kase = await page.evaluate((id) => fetch(`/api/cases/${id}`).then((r) => r.json()), caseId);
    expect(kase.entityIds).toHaveLength(size);
    expect(kase.complaintIds).toHaveLength(total - elsewhere);
    expect(kase.complaintIds).not.toContain(taken);
    const other = await page.evaluate((id) => fetch(`/api/cases/${id}`).then((r) => r.json()), takenFrom);
    expect(other.complaintIds).toContain(taken);
    await expect.poll(() => page.evaluate((id) => fetch(`/api/graph/layouts/${id}`).then((r) => r.json()).then((l) => (l ? l.entityIds.length : 0)), caseId)).toBe(size);

    await created.click();
    await expect(page).toHaveURL(new RegExp(`case=${caseId}`));
    await expect.poll(() => graph.count('total')).toBe(size);
  });

  test("a community that overlaps another case: moving its complaints here is the user's choice, and the other case records it", async ({ page }) => {
    const graph = new GraphScreen(page);
    await graph.open('?entity=ent-agent-person-000001');
    await expect.poll(() => graph.count('nodes')).toBeGreaterThan(2);
    await graph.waitIdle();
    await graph.tab('communities').click();
    await page.getByTestId('graph-detect').click();
    await page.getByTestId('graph-community-item').first().click();
    await page.getByTestId('graph-create-case').click();
    const preview = page.getByTestId('community-case-preview');
    await expect(preview).toHaveAttribute('data-total', /[1-9]\d*/);
    const total = Number(await preview.getAttribute('data-total'));
    const row = page.getByTestId('community-case-complaint').first();
    const taken = (await row.getAttribute('data-id'))!;
    const from = (await row.getAttribute('data-case-id'))!;
    await page.getByTestId('community-case-move').click();
    await expect(preview).toHaveAttribute('data-included', String(total));
    await page.getByTestId('community-case-submit').click();
    const created = page.getByTestId('graph-created-case');
    await expect(created).toBeVisible();
    const caseId = decodeURIComponent((await created.getAttribute('href'))!.split('case=')[1]);
    const kase = await page.evaluate((id) => fetch(`/api/cases/${id}`).then((r) => r.json()), caseId);
    expect(kase.complaintIds).toContain(taken);

    // The case it left says so on its timeline, in words.
    await page.goto(`/cases/${from}`);
    await page.getByRole('tab', { name: /时间线/ }).click();
    await expect(page.getByTestId('timeline-event').filter({ hasText: `移入案件 ${caseId}` }).first()).toContainText(taken);
  });

  test('filters by entity type and by time, in the URL', async ({ page }) => {
    const graph = new GraphScreen(page);
    await graph.open('?entity=ent-agent-person-000001');
    await expect.poll(() => graph.count('nodes')).toBeGreaterThan(2);
    await graph.waitIdle();
    const all = await graph.count('nodes');
    await graph.tab('filters').click();
    await page.getByTestId('graph-filter-type-borrower').click();
    await expect(page).toHaveURL(/types=/);
    const borrowers = (await graph.nodes()).filter((n) => n.type === 'borrower').length;
    expect(borrowers).toBe(0);
    await expect.poll(() => graph.count('nodes')).toBeLessThan(all);
    await page.getByTestId('graph-filters-reset').click();
    await expect.poll(() => graph.count('nodes')).toBe(all);

    // narrow the time window: drag the slider's first handle to the right
    const handle = page.getByTestId('graph-time-filter').getByRole('slider').first();
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByTestId('graph-time-from')).toHaveText(/\d{4}-\d{2}-\d{2}/);
    const from = (await page.getByTestId('graph-time-filter').getAttribute('data-from'))!;
    await graph.open(`?entity=ent-agent-person-000001&from=${from}&to=${from}`);
    await expect.poll(() => graph.count('nodes')).toBeLessThan(all);
  });

  test('loads the whole network as communities, expands and collapses one', async ({ page }) => {
    test.setTimeout(180_000);
    const graph = new GraphScreen(page);
    await graph.open();
    await page.getByTestId('graph-load-network').click();
    await expect(page.getByTestId('graph-community-stats')).toBeVisible({ timeout: 120_000 });
    await graph.waitIdle();
    expect(await graph.count('total')).toBeGreaterThan(10_000);
    const collapsedNodes = await graph.count('nodes');
    const entities = await graph.count('entities');
    expect(collapsedNodes).toBeLessThan(1000);
    // everything is a community node except the hubs, which belong to none when excluded
    expect((await graph.nodes()).filter((n) => n.kind !== 'community').every((n) => n.id.startsWith('ent-hub-'))).toBe(true);

    // a small community, so the expanded view stays quick
    const item = page.getByTestId('graph-community-item').nth(10);
    await item.getByTestId('graph-community-toggle').click();
    await expect.poll(() => graph.count('nodes')).toBeGreaterThan(collapsedNodes);
    expect(await graph.count('entities')).toBe(entities); // members are preserved, only drawn differently
    await item.getByTestId('graph-community-toggle').click();
    await expect.poll(() => graph.count('nodes')).toBe(collapsedNodes);
  });
});
