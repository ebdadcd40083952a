import { generateDemoData } from './src/mocks/data/generator';
const db = generateDemoData({ now: new Date('2026-11-23T09:00:00+08:00') });
const byC = new Map<string, string[]>();
for (const e of db.evidence) if (e.complaintId) byC.set(e.complaintId, [...(byC.get(e.complaintId) ?? []), `${e.kind}:${e.fileName}:${e.id}`]);
let n = 0;
for (const [c, es] of byC) { const kinds = new Set(es.map((s) => s.split(':')[0])); if (kinds.size >= 4 && n++ < 3) console.log(c, es); }
const story = db.complaints.find((c) => c.borrowerName === '陈志伟'); console.log('story', story?.id, story?.evidenceIds);
console.log('total complaints', db.complaints.length, 'evidence', db.evidence.length);
const txt = db.evidence.find((e) => e.kind === 'text'); console.log('text', txt?.id, txt?.complaintId);
