/** Document metadata and the anomalies an investigator should look at. */

export type MetaField = { key: string; value: string };
export type Anomaly = { code: 'editor_software' | 'browser_generated' | 'created_after_complaint' | 'modified_after_creation' | 'no_metadata' | 'future_date'; detail: string; severity: 'high' | 'medium' | 'low' };

export type DocumentMeta = {
  software: string | null;
  /** PDF producer/creator, image Software/ProcessingSoftware. */
  producer: string | null;
  creator: string | null;
  created: Date | null;
  modified: Date | null;
  fields: MetaField[];
};

const EDITORS = /photoshop|gimp|illustrator|canva|picsart|snapseed|美图|醒图|fotor|pixlr|affinity|paint\.net|inkscape|coreldraw|wps图片|photoscape|lightroom/i;
const BROWSERS = /headlesschrome|chrome\/|mozilla\/|skia\/pdf|wkhtmltopdf|phantomjs/i;

/** `complaintReceivedAt` is when the complaint citing this document arrived; `now` guards against future dates. */
export function findAnomalies(meta: DocumentMeta, ctx: { complaintReceivedAt: Date | null; now: Date }): Anomaly[] {
  const out: Anomaly[] = [];
  const tools = [meta.software, meta.producer, meta.creator].filter((v): v is string => Boolean(v));
  const editor = tools.find((v) => EDITORS.test(v));
  if (editor) out.push({ code: 'editor_software', detail: editor, severity: 'high' });
  const browser = tools.find((v) => BROWSERS.test(v));
  if (browser && !editor) out.push({ code: 'browser_generated', detail: browser, severity: 'medium' });
  if (meta.created && ctx.complaintReceivedAt && meta.created.getTime() > ctx.complaintReceivedAt.getTime())
    out.push({ code: 'created_after_complaint', detail: meta.created.toISOString(), severity: 'high' });
  const latest = meta.modified ?? meta.created;
  if (latest && latest.getTime() > ctx.now.getTime() + 86_400_000) out.push({ code: 'future_date', detail: latest.toISOString(), severity: 'high' });
  // A minute of slack: producers stamp both dates a few seconds apart on first save.
  if (meta.created && meta.modified && meta.modified.getTime() - meta.created.getTime() > 60_000)
    out.push({ code: 'modified_after_creation', detail: `${meta.created.toISOString()} → ${meta.modified.toISOString()}`, severity: 'medium' });
  if (!tools.length && !meta.created && !meta.modified) out.push({ code: 'no_metadata', detail: '', severity: 'low' });
  return out;
}

/** PDF dates: "D:20260815090000Z" or "D:20260815090000+08'00'". */
export function parsePdfDate(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const m = /^D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(v.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz, th = '00', tm = '00'] = m;
  const zone = !tz || tz.toUpperCase() === 'Z' ? 'Z' : `${tz}${th}:${tm}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
