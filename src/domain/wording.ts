/**
 * 话术: the wording the internet-finance association's guide on abnormal rights-defence (异常维权)
 * ties to its two grades. Matching is plain substring search; Chinese needs no tokenizer for phrases.
 */

/** 一级异常维权 wording: selling debt erasure and credit-record laundering outright. */
export const LEVEL1_WORDING = [
  '专业反催收',
  '反催收',
  '逾期铲单',
  '铲单',
  '代理免除债务',
  '免除全部债务',
  '征信修复',
  '修复征信',
  '征信洗白',
  '洗白征信',
  '征信可以洗白',
] as const;

/** 一级 too: posing as a lawyer, police, court or regulator (冒充律师、公检法、监管人员). */
export const IMPERSONATION_WORDING = [
  '律师事务所',
  '本律师',
  '我所律师',
  '执业律师',
  '受托律师',
  '法务部律师',
  '公安机关工作人员',
  '法院工作人员',
  '监管部门工作人员',
] as const;

/** 二级异常维权 wording: packaged "debt solutions" and pay-on-success promises. */
export const LEVEL2_WORDING = [
  '停息挂账',
  '延期定制',
  '负债上岸',
  '债务上岸',
  '债务优化',
  '个性化分期',
  '代理退保',
  '维权不成功不收费',
  '不成功不收费',
] as const;

/** 二级 too: statistics nobody can verify ("成功率98%", "已帮助3万名客户"). */
export const UNVERIFIABLE_STATISTICS = /成功率(?:高达|达到|超过)?\d{2,3}(?:\.\d+)?%|已(?:成功)?帮助\d+(?:\.\d+)?万?\+?(?:名|位|个)?(?:用户|客户|负债人)/g;

/**
 * The phrases of `list` that occur in `text`, without those contained in a longer match
 * (专业反催收 reports once, not also as 反催收).
 */
const prefilters = new WeakMap<readonly string[], RegExp>();
/** One alternation regex per list answers "any of them?" in a single scan; most texts match none. */
function prefilter(list: readonly string[]): RegExp {
  let re = prefilters.get(list);
  if (!re) prefilters.set(list, (re = new RegExp(list.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'))));
  return re;
}

export function findPhrases(text: string, list: readonly string[]): string[] {
  if (!prefilter(list).test(text)) return [];
  const found = list.filter((phrase) => text.includes(phrase));
  if (found.length < 2) return found;
  return found.filter((phrase) => !found.some((other) => other !== phrase && other.includes(phrase)));
}

export function findUnverifiableStatistics(text: string): string[] {
  return [...new Set(text.match(UNVERIFIABLE_STATISTICS) ?? [])];
}

/**
 * 情绪导向, escalation: the complainant threatens to take the matter further and louder. Not a bare 起诉:
 * borrowers quote collectors' threats to sue them, which is no escalation of theirs.
 */
export const ESCALATION_WORDING = ['群访', '集体上访', '集体投诉', '联名投诉', '媒体曝光', '向媒体曝光', '曝光到网上', '找记者', '拉横幅', '提起诉讼'] as const;

/**
 * 情绪导向, a person at risk: wording that suggests someone may harm themselves. Kept broad on purpose:
 * a false alarm costs a lead a minute, a missed one may cost a life.
 */
export const SELF_HARM_WORDING = ['不想活', '活不下去', '活着没意思', '轻生', '自杀', '跳楼', '寻死', '一死了之', '了结自己', '结束生命', '喝农药', '割腕'] as const;
