import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { ReportBlock } from './report';
import { normalizeOfficeZip } from './zipfix';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };

function paragraph(b: ReportBlock): Paragraph {
  switch (b.kind) {
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: b.text, bold: true, size: 44, font: FONT })] });
    case 'heading':
      return new Paragraph({ spacing: { before: 200, after: 100 }, children: [new TextRun({ text: b.text, bold: true, size: 28, font: FONT })] });
    case 'signature':
      return new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 120 }, children: [new TextRun({ text: b.text, size: 24, font: FONT })] });
    default:
      return new Paragraph({ spacing: { after: 80, line: 360 }, children: [new TextRun({ text: b.text, size: 24, font: FONT })] });
  }
}

/** The 报案书 as an editable Word file; the company stamps and signs the printout. */
export async function renderDocx(blocks: readonly ReportBlock[], day: string): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Jianzheng',
    title: blocks.find((b) => b.kind === 'title')?.text ?? '',
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [{ children: blocks.map(paragraph) }],
  });
  const raw = new Uint8Array(await Packer.toArrayBuffer(doc));
  return normalizeOfficeZip(raw, day);
}
