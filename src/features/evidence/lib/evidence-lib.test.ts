import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashMessages, parseChat, threadsOf } from './chat';
import { findAnomalies, parsePdfDate, type DocumentMeta } from './metadata';
import { findInPages, type PageText } from './pdf-search';

const samples = join(import.meta.dirname, '../../../../public/samples');

describe('chat export', () => {
  it('reads the WeChat text export and its JSON twin as the same messages', async () => {
    const fromText = parseChat(readFileSync(join(samples, 'wechat-chat.txt'), 'utf8'));
    const fromJson = parseChat(readFileSync(join(samples, 'wechat-chat.json'), 'utf8'));
    expect(fromText.length).toBeGreaterThan(20);
    expect(fromText.length).toBe(fromJson.length);
    expect(fromText[0]).toMatchObject({ sender: '张经理(优信商务咨询)', time: '2026-08-03 20:41:12' });
    expect(fromText.map((m) => m.text)).toEqual(fromJson.map((m) => m.text));
  });

  it('gives each message its own stable hash and splits threads at long pauses', async () => {
    const msgs = await hashMessages(parseChat('2026-08-03 20:00:00 甲: 一\n2026-08-03 20:01:00 乙: 二\n2026-08-04 10:00:00 甲: 三\n'));
    expect(new Set(msgs.map((m) => m.hash)).size).toBe(3);
    expect(msgs[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(threadsOf(msgs).map((t) => t.messages.length)).toEqual([2, 1]);
  });
});

describe('metadata anomalies', () => {
  const base: DocumentMeta = { software: null, producer: null, creator: null, created: null, modified: null, fields: [] };
  const ctx = { complaintReceivedAt: new Date('2026-09-01T00:00:00Z'), now: new Date('2026-11-23T00:00:00Z') };
  it('flags an image editor and a creation date after the complaint', () => {
    const codes = findAnomalies({ ...base, software: 'Adobe Photoshop 25.0', created: new Date('2026-09-05T00:00:00Z') }, ctx).map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining(['editor_software', 'created_after_complaint']));
  });
  it('flags a browser-printed "hospital" PDF and later modification', () => {
    const codes = findAnomalies({ ...base, producer: 'Skia/PDF m156', creator: 'HeadlessChrome', created: new Date('2026-08-01T00:00:00Z'), modified: new Date('2026-08-20T00:00:00Z') }, ctx).map((a) => a.code);
    expect(codes).toEqual(['browser_generated', 'modified_after_creation']);
  });
  it('says nothing about a camera photo taken before the complaint', () => {
    expect(findAnomalies({ ...base, software: 'iPhone 15 camera', created: new Date('2026-08-01T00:00:00Z') }, ctx)).toEqual([]);
  });
  it('parses PDF dates with and without offsets', () => {
    expect(parsePdfDate("D:20260815090000+08'00'")?.toISOString()).toBe('2026-08-15T01:00:00.000Z');
    expect(parsePdfDate('D:20260815090000Z')?.toISOString()).toBe('2026-08-15T09:00:00.000Z');
    expect(parsePdfDate('nonsense')).toBeNull();
  });
});

describe('PDF text search', () => {
  // Chinese PDFs often come as one item per character with no spaces.
  const page: PageText = {
    page: 1,
    width: 600,
    height: 800,
    transform: [1, 0, 0, -1, 0, 800],
    items: [...'诊断证明书 诊断'].map((ch, i) => ({ str: ch, transform: [12, 0, 0, 12, 100 + i * 12, 700], width: 12, height: 12 })),
  };
  it('finds Chinese across per-character items, ignoring spaces', () => {
    const hits = findInPages([page], '诊断');
    expect(hits).toHaveLength(2);
    expect(hits[0].rects).toHaveLength(2);
    expect(findInPages([page], '证明 书')).toHaveLength(1);
  });
  it('places the highlight inside the page in fractions', () => {
    const [r] = findInPages([page], '诊')[0].rects;
    expect(r.x).toBeCloseTo(100 / 600, 3);
    expect(r.y).toBeGreaterThan(0);
    expect(r.y + r.h).toBeLessThan(1);
  });
});
