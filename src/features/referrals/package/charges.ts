import type { Charge } from '@/api/schemas';

/** The charges' statutory names as they are written in a 报案书 (the report is always in Chinese). */
export const CHARGE_LEGAL_NAMES: Record<Charge, string> = {
  extortion: '敲诈勒索罪',
  forging_company_seal: '伪造公司、企业、事业单位、人民团体印章罪',
  forging_state_documents: '伪造、变造、买卖国家机关公文、证件、印章罪',
  contract_fraud: '合同诈骗罪',
  fraud: '诈骗罪',
  personal_information: '侵犯公民个人信息罪',
  disturbing_order: '扰乱单位秩序（《治安管理处罚法》）',
};

/** 扰乱单位秩序 is an administrative (治安) matter: other review periods apply than for a crime. */
export const isAdministrativeOnly = (charges: readonly Charge[]) => charges.length > 0 && charges.every((c) => c === 'disturbing_order');

export const VERDICT_LEGAL_NAMES = {
  unverified: '未核实',
  authentic: '经核实为真',
  suspected_forged: '疑似伪造',
  forged: '经核实系伪造',
} as const;
