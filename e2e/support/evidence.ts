import { expect, type Page } from '@playwright/test';
import { Workbench } from './app';

/** The evidence screen as a user sees it: list, upload zone, viewer and its side tabs. */
export class EvidenceScreen {
  readonly app: Workbench;
  constructor(readonly page: Page) {
    this.app = new Workbench(page);
  }

  async open(search: Record<string, string>) {
    await this.app.open(`/evidence?${new URLSearchParams(search)}`);
    await expect(this.page.getByTestId('evidence-page')).toBeVisible();
  }

  item(kind: string) {
    return this.page.locator(`[data-testid=evidence-item][data-kind=${kind}]`).first();
  }

  viewer() {
    return this.page.getByTestId('evidence-viewer');
  }

  integrity() {
    return this.page.getByTestId('integrity');
  }

  async openKind(kind: 'image' | 'pdf' | 'audio' | 'chat' | 'text') {
    await this.item(kind).click();
    await expect(this.viewer()).toHaveAttribute('data-kind', kind);
  }

  async tab(name: 'annotations' | 'reuse' | 'meta' | 'custody' | 'verdict') {
    if (name === 'verdict') await this.page.getByRole('tab', { name: /判定|Verdict/ }).click();
    else await this.page.getByTestId(`tab-${name}`).click();
  }

  /** Drags a rectangle across the middle of the image or first PDF page. */
  async drawRectangle() {
    await this.page.getByTestId('annotate-toggle').click();
    const layer = this.page.getByTestId('rect-layer').first();
    const box = (await layer.boundingBox())!;
    await this.page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.45, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Uploads through the hidden file input (the same path as a drop). */
  async upload(name: string, bytes: Buffer, mimeType = 'application/octet-stream') {
    await this.page.getByTestId('upload-input').setInputFiles({ name, mimeType, buffer: bytes });
  }

  /** A real drag-and-drop of one file onto the zone. */
  async drop(name: string, bytes: number[], mimeType = 'application/octet-stream') {
    const dataTransfer = await this.page.evaluateHandle(
      ([n, b, m]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(b as number[])], n as string, { type: m as string }));
        return dt;
      },
      [name, bytes, mimeType] as const,
    );
    await this.page.getByTestId('upload-zone').dispatchEvent('drop', { dataTransfer });
  }
}
