/**
 * Agent gangs (代理维权团伙): a firm, its staff, the phones, WeChat ids, devices, office IP, fee accounts
 * and office address they use, and the complaint template they file. Gang 1 is the firm the sample
 * evidence files are about (江州优信商务咨询有限公司 with 张经理, 李助理 and the self-styled 王律师).
 */
import type { Entity } from '@/api/schemas';
import { maskBankAccount, maskPhone } from '@/api/pii';
import { piiKey } from '@/domain/world';
import { ATTR, PHONE_OWNER, VOICEPRINT } from '@/domain/conventions';
import type { GraphBuilder } from './graphBuilder';
import { luhnCheckDigit, maskDevice, maskHandle, maskIp, personName, placePicker, type IdentityFactory } from './identity';
import { weighted, type Rng } from './random';
import type { SampleFile } from './samples';
import { composeGangTemplate, type GangTemplate, type WordingLevel } from './texts';
import { AGENT_TITLES, BANKS_FOR_FEES, BUILDINGS, FIRM_BRANDS, FIRM_CITIES, FIRM_SUFFIXES, STREETS } from './vocab';
import { iso } from './time';

export type GangPerson = { entity: Entity; name: string; title: string; idNumber: string };
export type GangPhone = { entity: Entity; number: string; user: GangPerson };

export type Gang = {
  id: string;
  /** Relative share of the agent-driven complaints; a few gangs are big, most are small. */
  weight: number;
  firmName: string;
  firm: Entity;
  wording: WordingLevel;
  impersonatesLawyer: boolean;
  template: GangTemplate;
  staff: GangPerson[];
  phones: GangPhone[];
  wechat: Entity[];
  devices: Entity[];
  officeIp: Entity;
  feeAccounts: Entity[];
  address: Entity;
  /** Forged certificates this gang buys from its forger (files of one reuse group); empty for most gangs. */
  forgedFiles: SampleFile[];
  /** Whether the gang mails a printed template letter with its filings. */
  usesLetter: boolean;
  /** Probability that a client's complaint is filed openly by the agent (else in the borrower's name). */
  openAgentShare: number;
  /** Membership/agency fee charged per client (元), for the amount involved in a referral. */
  fee: number;
};

const ISO_DAY = 86_400_000;

const suffixPicker = weighted(FIRM_SUFFIXES.map((s) => [s, s[1]] as const));

type GangContext = { rng: Rng; identity: IdentityFactory; graph: GraphBuilder; pii: Map<string, string>; nowMs: number };

/** Forger supply chains: each reuse group of forged certificates is sold to a few gangs. */
function forgerGroups(forged: readonly SampleFile[]): SampleFile[][] {
  const groups = new Map<string, SampleFile[]>();
  for (const f of forged) {
    const key = f.reuseGroup ?? f.file;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

export function createGangs(ctx: GangContext, count: number, forgedCertificates: readonly SampleFile[]): Gang[] {
  const { rng } = ctx;
  const usedBrands = new Set<string>();
  const forgers = forgerGroups(forgedCertificates);
  const gangs: Gang[] = [];
  for (let i = 0; i < count; i++) {
    const story = i === 0;
    let brand = story ? '优信' : rng.pick(FIRM_BRANDS);
    while (usedBrands.has(brand)) brand = rng.pick(FIRM_BRANDS);
    usedBrands.add(brand);
    const [suffix, , lawyerFirm] = story ? (['商务咨询有限公司', 1, false] as const) : rng.pickWeighted(suffixPicker);
    const city = story ? '江州市' : rng.pick(FIRM_CITIES);
    const wording: WordingLevel = story || lawyerFirm ? 'level1' : rng.pickWeighted(WORDING_PICKER);
    const impersonatesLawyer = story || lawyerFirm || (wording === 'level1' && rng.chance(0.2));
    // Zipf-like sizes with noise: a few gangs file hundreds of complaints, most a handful.
    const weight = (1 / Math.pow(i + 1, 1.1)) * (story ? 1.2 : 0.7 + 0.6 * rng.float());
    // Forged material: the story gang and about a quarter of the others, each tied to one forger.
    const forger = story ? forgers[0] : rng.chance(0.25) && forgers.length ? rng.pick(forgers) : undefined;
    gangs.push(
      createGang(ctx, {
        index: i,
        firmName: `${city}${brand}${suffix}`,
        brand,
        city,
        wording,
        impersonatesLawyer,
        weight,
        forgedFiles: forger ?? [],
        story,
      }),
    );
  }
  return gangs;
}

const WORDING_PICKER = weighted<WordingLevel>([
  ['level1', 25],
  ['level2', 55],
  ['none', 20],
]);

type GangSpec = {
  index: number;
  firmName: string;
  brand: string;
  city: string;
  wording: WordingLevel;
  impersonatesLawyer: boolean;
  weight: number;
  forgedFiles: SampleFile[];
  story: boolean;
};

const STORY_STAFF = [
  { name: '张立强', title: '经理' },
  { name: '李婷', title: '助理' },
  { name: '王振华', title: '法务部“律师”' },
];

function createGang(ctx: GangContext, spec: GangSpec): Gang {
  const { rng, identity, graph, pii, nowMs } = ctx;
  const since = iso(nowMs - rng.int(120, 720) * ISO_DAY);
  const id = `g-${String(spec.index + 1).padStart(2, '0')}`;
  const [, areaCode] = rng.pickWeighted(placePicker);
  const firm = graph.addEntity('agent_firm', spec.firmName, since, {
    attributes: { creditCode: identity.creditCode(areaCode), city: spec.city, business: '商务信息咨询、法律信息咨询（不含律师业务）' },
  });

  const staffCount = spec.story ? 3 : rng.int(2, 6);
  const staff: GangPerson[] = [];
  for (let s = 0; s < staffCount; s++) {
    const gender = rng.chance(0.6) ? 'male' : 'female';
    const fixed = spec.story ? STORY_STAFF[s] : undefined;
    const name = fixed?.name ?? personName(rng, gender);
    const title = fixed?.title ?? (s === 0 ? '负责人' : spec.impersonatesLawyer && s === 1 ? '自称律师' : rng.pick(AGENT_TITLES));
    const idNumber = identity.idNumber(areaCode, gender, 22, 48);
    // Voiceprints exist for staff heard on recorded calls in earlier cases: the story gang's speaker, and some others.
    const enrolled = spec.story ? s === 0 : rng.chance(0.3);
    const entity = graph.addEntity('agent_person', name, since, {
      attributes: { title, firm: spec.firmName, ...(enrolled ? { [ATTR.voiceprint]: VOICEPRINT.enrolled } : {}) },
    });
    pii.set(piiKey('entity', entity.id, 'idNumber'), idNumber);
    graph.link('employed_by', entity, firm, since);
    staff.push({ entity, name, title, idNumber });
  }

  const phones: GangPhone[] = [];
  for (let p = 0, n = spec.story ? 2 : rng.int(1, 4); p < n; p++) {
    const number = identity.mobile();
    const user = staff[p % staff.length];
    const entity = graph.addEntity('phone', maskPhone(number), since, { clearLabel: number, attributes: { [ATTR.owner]: PHONE_OWNER.agent } });
    graph.link('uses_phone', user.entity, entity, since);
    phones.push({ entity, number, user });
  }

  const wechat: Entity[] = [];
  for (let w = 0, n = rng.int(1, 3); w < n; w++) {
    const handle = identity.wechatId();
    const entity = graph.addEntity('im_account', `微信 ${maskHandle(handle)}`, since, { clearLabel: handle, attributes: { platform: '微信' } });
    graph.link('uses_phone', staff[w % staff.length].entity, entity, since);
    wechat.push(entity);
  }

  const devices: Entity[] = [];
  for (let d = 0, n = rng.int(1, 3); d < n; d++) {
    const imei = identity.deviceId();
    const entity = graph.addEntity('device', `设备 ${maskDevice(imei)}`, since, { clearLabel: imei, attributes: { model: rng.pick(['OPPO A57', 'vivo Y35', '红米Note 12', '华为畅享50']) } });
    graph.link('shares_device', staff[d % staff.length].entity, entity, since);
    devices.push(entity);
  }

  const ipValue = identity.ip();
  const officeIp = graph.addEntity('ip', `IP ${maskIp(ipValue)}`, since, { clearLabel: ipValue, attributes: { kind: '宽带（办公）' } });
  for (const device of devices) graph.link('shares_device', device, officeIp, since);

  const feeAccounts: Entity[] = [];
  for (let b = 0, n = spec.story ? 1 : rng.int(1, 2); b < n; b++) {
    const { number, bank } = spec.story ? storyAccount(rng) : { ...identity.bankCard(), bank: rng.pick(BANKS_FOR_FEES) };
    const holder = b === 0 ? spec.firmName : staff[1 % staff.length].name;
    const entity = graph.addEntity('bank_account', `${bank} ${maskBankAccount(number)}`, since, { clearLabel: number, attributes: { bank, holder } });
    graph.link('paid', entity, b === 0 ? firm : staff[1 % staff.length].entity, since);
    feeAccounts.push(entity);
  }

  const addressText = `${spec.city}${rng.pick(STREETS)}${rng.int(1, 399)}号${rng.pick(BUILDINGS)}${rng.int(3, 28)}楼${rng.int(1, 30)}室`;
  const address = graph.addEntity('address', addressText, since, { attributes: { use: '办公地址' } });
  graph.link('shares_device', firm, address, since);

  return {
    id,
    weight: spec.weight,
    firmName: spec.firmName,
    firm,
    wording: spec.wording,
    impersonatesLawyer: spec.impersonatesLawyer,
    template: composeGangTemplate(rng, { wording: spec.wording, impersonatesLawyer: spec.impersonatesLawyer, firmBrand: `${spec.city}${spec.brand}` }),
    staff,
    phones,
    wechat,
    devices,
    officeIp,
    feeAccounts,
    address,
    forgedFiles: spec.forgedFiles,
    usesLetter: spec.story || rng.chance(0.3),
    openAgentShare: spec.story ? 0.5 : 0.2 + 0.5 * rng.float(),
    fee: spec.story ? 2980 : rng.pick([1980, 2680, 2980, 3800, 4980, 6800]),
  };
}

/** The account the sample chat quotes (工商银行 6222 **** **** 3391), so the chat and the graph agree. */
function storyAccount(rng: Rng): { number: string; bank: string } {
  for (;;) {
    const body = `622202${rng.digits(9)}339`;
    if (luhnCheckDigit(body) === '1') return { number: `${body}1`, bank: '工商银行' };
  }
}
