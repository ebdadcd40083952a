import { expect, type Page } from '@playwright/test';
import { Workbench } from './app';

type NodeInfo = { id: string; type: string; community: number | null; kind: string };

/** The graph screen: counts come from data attributes, canvas nodes are clicked where cytoscape drew them. */
export class GraphScreen {
  readonly app: Workbench;
  constructor(readonly page: Page) {
    this.app = new Workbench(page);
  }

  async open(search = '') {
    await this.app.open(`/graph${search}`);
    await expect(this.page.getByTestId('graph-canvas')).toBeVisible();
  }

  counts() {
    return this.page.getByTestId('graph-counts');
  }

  async count(attr: 'nodes' | 'edges' | 'entities' | 'total') {
    return Number(await this.counts().getAttribute(`data-${attr}`));
  }

  async waitIdle() {
    await expect(this.page.getByTestId('graph-canvas')).toHaveAttribute('data-loading', 'false');
  }

  async nodes(): Promise<NodeInfo[]> {
    return this.page.evaluate(() => window.__jianzhengGraph?.nodes() ?? []);
  }

  /** A real click on the canvas where the node is drawn. */
  async clickNode(id: string) {
    await expect.poll(() => this.page.evaluate((nid) => window.__jianzhengGraph?.renderedPosition(nid) ?? null, id)).not.toBeNull();
    const p = (await this.page.evaluate((nid) => window.__jianzhengGraph!.renderedPosition(nid), id))!;
    await this.page.mouse.click(p.x, p.y);
    await expect(this.page.getByTestId('graph-details')).toHaveAttribute('data-entity-id', id);
  }

  async select(id: string) {
    await this.page.evaluate((nid) => window.__jianzhengGraph!.select(nid), id);
  }

  tab(name: 'path' | 'communities' | 'filters') {
    return this.page.getByTestId(`graph-tab-${name}`);
  }
}

declare global {
  interface Window {
    __jianzhengGraph?: {
      counts: () => { nodes: number; edges: number };
      nodes: () => NodeInfo[];
      renderedPosition: (id: string) => { x: number; y: number } | null;
      select: (id: string) => void;
      cy: () => { $: (selector: string) => { length: number } } | null;
    };
  }
}
