/**
 * The 报案书 as a list of blocks, rendered by both the Word and the PDF writer so the two always say
 * the same thing. Police documents are written in Chinese whatever the UI language.
 */
import type { Referral } from '@/api/schemas';
import type { ReportBlock } from '@/lib/pdf-report';
import { CHARGE_LEGAL_NAMES, VERDICT_LEGAL_NAMES } from './charges';

export const REPORT_TITLE = '报案书';

/** Clear personal data of the reported parties, from the audited export endpoint. */
export type ClearParty = { entityId: string; idNumber: string | null; phone: string | null };

export type { ReportBlock } from '@/lib/pdf-report';

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 12 → 十二, 23 → 二十三: how facts are numbered in a Chinese legal document. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

export const formatYuan = (amount: number) =>
  `人民币${amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;

/** `2026-11-23` → `2026年11月23日`. */
export const chineseDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export type ReportInput = {
  referral: Referral;
  parties: readonly ClearParty[];
  /** The report's date (YYYY-MM-DD), an input so two builds of the same referral are identical. */
  date: string;
};

export function reportBlocks({ referral: r, parties, date }: ReportInput): ReportBlock[] {
  const clear = new Map(parties.map((p) => [p.entityId, p]));
  const evidenceNo = new Map(r.evidence.map((e, i) => [e.evidenceId, i + 1]));
  const factNo = new Map(r.facts.map((f, i) => [f.id, i + 1]));
  const cite = (ids: readonly string[]) => {
    const nos = ids.map((id) => evidenceNo.get(id)).filter((n): n is number => n !== undefined).sort((a, b) => a - b);
    return nos.length ? `证据第${nos.join('、')}号` : '（无）';
  };
  const poa = r.handler.powerOfAttorneyEvidenceId ? evidenceNo.get(r.handler.powerOfAttorneyEvidenceId) : undefined;
  const blocks: ReportBlock[] = [
    { kind: 'title', text: REPORT_TITLE },
    { kind: 'para', text: `${r.addressee || '（未填写报案受理机关）'}：` },
    {
      kind: 'para',
      text: `报案单位：${r.reportingInstitution}。经办人：${r.handler.name}${r.handler.title ? `（${r.handler.title}）` : ''}，受报案单位委托办理本次报案${poa ? `，授权委托书见证据第${poa}号` : r.handler.powerOfAttorneyEvidenceId ? '，授权委托书随附' : ''}。`,
    },
    { kind: 'heading', text: '一、被报案人' },
  ];
  r.reportedParties.forEach((p, i) => {
    const c = clear.get(p.entityId);
    const fields = [
      p.kind === 'firm' ? '单位' : '自然人',
      c?.idNumber ? `${p.kind === 'firm' ? '统一社会信用代码' : '公民身份号码'}：${c.idNumber}` : null,
      c?.phone ? `联系电话：${c.phone}` : null,
      p.address ? `地址：${p.address}` : null,
    ].filter(Boolean);
    blocks.push({ kind: 'para', text: `${i + 1}. ${p.name}（${fields.join('；')}）` });
  });
  blocks.push({ kind: 'heading', text: '二、案由及涉嫌罪名' });
  blocks.push({ kind: 'para', text: `案由：${r.cause}` });
  blocks.push({ kind: 'para', text: `涉嫌：${r.charges.map((c) => CHARGE_LEGAL_NAMES[c]).join('；') || '（未选择）'}` });
  blocks.push({ kind: 'heading', text: '三、事实与经过' });
  r.facts.forEach((f, i) => {
    blocks.push({
      kind: 'para',
      text: `事实${chineseNumber(i + 1)}：时间：${f.time}；地点：${f.place}；手段：${f.means}；后果：${f.consequence}。（${cite(f.evidenceIds)}）`,
    });
  });
  blocks.push({ kind: 'heading', text: '四、涉案金额' });
  blocks.push({ kind: 'para', text: `经初步统计，涉案金额${formatYuan(r.amountInvolved)}。` });
  blocks.push({ kind: 'heading', text: '五、证据清单' });
  r.evidence.forEach((e, i) => {
    const facts = e.factIds.map((id) => factNo.get(id)).filter((n): n is number => n !== undefined).sort((a, b) => a - b);
    blocks.push({
      kind: 'para',
      text: `${i + 1}. ${e.description}。来源：${e.source}；页数：${e.pages}；核实情况：${VERDICT_LEGAL_NAMES[e.verdict]}；证明事实：${facts.length ? facts.map((n) => `事实${chineseNumber(n)}`).join('、') : '（无）'}；SHA-256：${e.sha256}`,
    });
  });
  blocks.push({ kind: 'para', text: '以上事实及证据属实，特此报案，恳请贵局依法立案侦查。' });
  blocks.push({ kind: 'para', text: '此致' });
  blocks.push({ kind: 'signature', text: `报案单位（盖章）：${r.reportingInstitution}` });
  blocks.push({ kind: 'signature', text: `经办人（签字）：${r.handler.name}` });
  blocks.push({ kind: 'signature', text: chineseDate(date) });
  return blocks;
}
