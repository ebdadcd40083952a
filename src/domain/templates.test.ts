import { describe, expect, it } from 'vitest';
import { Rng } from '@/server/seed/random';
import { composeGangTemplate, composeLegitText, instantiateTemplate } from '@/server/seed/texts';
import { clusterTemplates, clusterTemplatesDetailed, normalizeText, similarity } from './templates';

const TEMPLATE =
  '本人{name}，于2024年在贵司申请{product}，借款金额{amount}元。本人因疫情失去工作，收入来源中断，已无力偿还借款。贵司催收人员多次对本人进行电话轰炸，' +
  '并对本人家人、同事进行骚扰，已构成暴力催收。贵司借款综合年化利率远超法定上限，涉嫌违规放贷。为此本人要求：立即停止一切催收行为；减免全部利息和罚息；' +
  '为本人办理停息挂账。否则本人将向银保监会、人民银行、12378反复投诉，并向媒体曝光。特此投诉，望贵司妥善处理！';
const NAMES = ['王芳', '李强', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴婷', '徐鹏', '孙丽'];
const PRODUCTS = ['信用贷', '消费分期', '现金贷'];

function agentTexts(template: string, prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    text: template
      .replace('{name}', NAMES[i % NAMES.length])
      .replace('{product}', PRODUCTS[i % PRODUCTS.length])
      .replace('{amount}', String(10000 + i * 1234)),
  }));
}

function legitTexts(count: number) {
  const rng = new Rng(7);
  return Array.from({ length: count }, (_, i) => ({
    id: `legit-${i}`,
    text: composeLegitText(rng, { name: NAMES[i % NAMES.length], product: '信用贷', amount: 20000, receivedAt: new Date('2026-10-01T00:00:00Z'), followUp: false }).text,
  }));
}

describe('normalizeText', () => {
  it('drops punctuation and spaces, lower-cases, and collapses numbers', () => {
    expect(normalizeText('借款 58,000元，利率3.5%！App')).toBe('借款0元利率0app');
  });
});

describe('similarity', () => {
  it('is 1 for identical texts and high for texts differing only in name, product and amount', () => {
    const [a, b] = agentTexts(TEMPLATE, 'x', 2);
    expect(similarity(a.text, a.text)).toBe(1);
    expect(similarity(a.text, b.text)).toBeGreaterThan(0.85);
  });

  it('is low for unrelated complaints', () => {
    const [legit] = legitTexts(1);
    expect(similarity(agentTexts(TEMPLATE, 'x', 1)[0].text, legit.text)).toBeLessThan(0.2);
  });
});

describe('clusterTemplates', () => {
  it('groups the instances of one template into a family and leaves genuine complaints alone', () => {
    const agents = agentTexts(TEMPLATE, 'gang', 30);
    const legit = legitTexts(200);
    const families = clusterTemplates([...legit, ...agents]);
    const familyIds = new Set(agents.map((t) => families.get(t.id)));
    expect(familyIds.size).toBe(1);
    const [familyId] = familyIds;
    expect(familyId).toMatch(/^tf-\d{4}$/);
    for (const t of legit) expect(families.get(t.id)).not.toBe(familyId);
  });

  it('keeps two different gang templates apart', () => {
    const rng = new Rng(3);
    const a = composeGangTemplate(rng, { wording: 'level1', impersonatesLawyer: false, firmBrand: '深圳鼎盛' });
    const b = composeGangTemplate(rng, { wording: 'level2', impersonatesLawyer: false, firmBrand: '长沙汇通' });
    const instances = (t: typeof a, prefix: string) =>
      NAMES.map((name, i) => ({ id: `${prefix}-${i}`, text: instantiateTemplate(rng, t, { name, product: '信用贷', amount: 30000 + i, disbursedAt: new Date('2025-01-01') }) }));
    const detailed = clusterTemplatesDetailed([...instances(a, 'a'), ...instances(b, 'b')]);
    const familyA = detailed.familyOf.get('a-0');
    const familyB = detailed.familyOf.get('b-0');
    expect(familyA).toBeDefined();
    expect(familyB).toBeDefined();
    expect(familyA).not.toBe(familyB);
    expect(detailed.familySize.get(familyA!)).toBe(NAMES.length);
    expect(detailed.bestSimilarity.get('a-1')).toBeGreaterThanOrEqual(0.9);
  });

  it('ignores very short texts, which are alike by accident', () => {
    const families = clusterTemplates([
      { id: 's1', text: '催收太频繁。' },
      { id: 's2', text: '催收太频繁。' },
    ]);
    expect(families.size).toBe(0);
  });

  it('is deterministic and names families in order of first appearance', () => {
    const texts = [...agentTexts(TEMPLATE, 'first', 5), ...agentTexts(TEMPLATE.replace('疫情', '重病').replace('暴力催收', '软暴力').slice(40) + '附件见后。', 'second', 5)];
    const a = clusterTemplates(texts);
    const b = clusterTemplates(texts);
    expect([...a]).toEqual([...b]);
    expect(a.get('first-0')).toBe('tf-0001');
  });
});
