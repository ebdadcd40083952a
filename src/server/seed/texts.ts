/**
 * Complaint texts. Legitimate complaints are composed per complaint from many small fragments, so no
 * two read alike; an agent gang writes ONE long template and fills in each client's name, product and
 * amount, with a couple of words swapped, which is what makes its complaints near-duplicates.
 */
import type { Demand } from '@/api/schemas';
import type { Rng } from './random';
import { LENDER, RELATIVES } from './vocab';

export type ComposedText = { text: string; demands: Demand[] };
type Slots = Record<string, string>;
type SlotResolver = (key: string) => string | undefined;

/** A template split into literal text and slot names: literal[0] slot[0] literal[1] … literal[n]. */
type Compiled = { literals: string[]; slots: string[] };
const compiled = new Map<string, Compiled>();

/** Fragments are constant strings, so each is parsed once; filling is then a plain concatenation. */
function compile(template: string): Compiled {
  let c = compiled.get(template);
  if (!c) {
    const parts = template.split(/\{(\w+)\}/);
    c = { literals: parts.filter((_, i) => i % 2 === 0), slots: parts.filter((_, i) => i % 2 === 1) };
    if (compiled.size < 10_000) compiled.set(template, c); // filled texts aren't templates; don't grow without bound
  }
  return c;
}

/**
 * Replaces {key} placeholders from a record or a resolver (so slot values are only drawn when a
 * fragment uses them); unknown keys are left visible so a missing slot is easy to spot in tests.
 */
export function fill(template: string, slots: Slots | SlotResolver): string {
  if (!template.includes('{')) return template;
  const get: SlotResolver = typeof slots === 'function' ? slots : (key) => slots[key];
  const { literals, slots: names } = compile(template);
  let out = literals[0];
  for (let i = 0; i < names.length; i++) out += (get(names[i]) ?? `{${names[i]}}`) + literals[i + 1];
  return out;
}

const CN_DIGITS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnSmall = (n: number) => (n <= 10 ? CN_DIGITS[n] : n < 20 ? `十${CN_DIGITS[n - 10]}` : `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`);

/** Amounts the way people write them: 58000元, 5.8万, 五万八. */
export function amountPhrase(rng: Rng, amount: number): string {
  const r = rng.float();
  if (r < 0.5) return `${amount}元`;
  if (r < 0.85) return `${(amount / 10000).toFixed(amount % 1000 === 0 ? 1 : 2).replace(/\.?0+$/, '')}万元`;
  return `${amount.toLocaleString('en-US')}元`;
}

// ---------- legitimate complaints ----------

type Category = {
  weight: number;
  body: string[];
  details: string[];
  demands: { text: string; demands: Demand[] }[];
};

const CONTACT_PEOPLE = ['同事', '领导', '朋友', '前同事', '房东', '老同学', '表哥', '邻居'];
const FEES = ['担保费', '服务费', '会员费', '保险费', '账户管理费', '咨询费'];
const REASONS = ['这个月工资晚发', '刚换工作还在试用期', '家里孩子生病住院', '生意回款慢了', '前段时间做了个小手术'];
const HOURS = ['九', '十', '十一', '十', '九'];
const SURNAMES_FOR_STAFF = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '孙', '马'];
const OPENERS_SOFT = ['', '', '您好，', '你好，', '你们好，', '客服你好，'];
const CONNECTIVES = ['', '', '而且', '另外，', '更过分的是，', '还有，', '同时，'];

const CATEGORIES: Record<string, Category> = {
  collection: {
    weight: 25,
    body: [
      '{when}催收电话太频繁了，一天能打{n}个，有时候晚上{hour}点多还在打。',
      '我只逾期了{d}天，{you}的催收就开始不停地打电话，严重影响我正常上班。',
      '催收人员说话很难听，还说要上门找我{relative}。',
      '他们还打到了我{contact}那里，让我在单位里很难堪。',
      '我已经说明了{reason}，{payday}号发了工资就还，但对方还是一直打。',
      '有个自称姓{staff}的催收员语气很冲，说再不还就要起诉我。',
      '早上七点不到就接到催收电话，家里老人孩子都被吵醒了。',
      '一个号码挂了另一个号码马上又打过来，根本没法正常接工作电话。',
      '我上班时间不方便接电话，跟他们说了晚点回过去，他们照样一直打。',
    ],
    details: [
      '光是{date}那天就接到了{n}个不同号码打来的电话。',
      '我手机里有通话记录截图，可以证明。',
      '我{relative}年纪大了，被吓得好几天睡不好觉。',
      '我还专门去营业厅查了通话详单。',
    ],
    demands: [
      { text: '请规范催收行为，不要再骚扰我的家人和同事。', demands: ['stop_collection'] },
      { text: '希望控制一下催收的频率，我会尽快把钱还上。', demands: ['stop_collection'] },
      { text: '要求对那位催收员的态度做出处理，并向我道歉。', demands: ['apology'] },
      { text: '请不要再联系我的{contact}，有事直接找我本人。', demands: ['stop_collection'] },
    ],
  },
  fees: {
    weight: 15,
    body: [
      '借款的时候页面上只显示了利息，放款以后才发现{you}每期还要额外收{fee}。',
      '我仔细算了一下，加上{fee}以后实际年化利率明显比宣传的高。',
      '我没有主动开通过会员，但每个月都被扣了{small}元的{fee}。',
      '提前还款的时候被收了一笔违约金，借款时没有人告诉过我有这笔费用。',
      '合同里的费用条款写得很含糊，{when}问客服也解释不清楚。',
      '放款到账的金额比合同金额少了{small}元，说是扣了{fee}。',
    ],
    details: [
      '我把还款计划表和银行流水都对过了，前后一共多付了{small}元。',
      '借款页面的截图我还保留着。',
      '我身边也有朋友遇到同样的情况。',
    ],
    demands: [
      { text: '要求退还多收的{fee}。', demands: ['refund'] },
      { text: '请把不合理的费用退给我，并说明每一笔费用的依据。', demands: ['refund'] },
      { text: '希望退还{fee}，已经产生的罚息也请一并减免。', demands: ['refund', 'waive_interest'] },
    ],
  },
  posting: {
    weight: 12,
    body: [
      '我{date}已经按时还款，银行卡也扣了钱，但系统显示我逾期了。',
      '还款成功的短信我都收到了，{you}的账单却一直没有更新，还产生了罚息。',
      '{you}客服说是系统延迟入账，可是逾期记录已经报到征信上了。',
      '我这期明明已经还清了，结果又接到了催收电话。',
      '我是用支付宝转账还的款，到现在都没有入账。',
    ],
    details: [
      '银行的扣款记录我可以提供，时间是{date}上午。',
      '这个逾期记录影响了我办房贷，银行那边说要先处理好。',
      '我查了一下，同一天还有一笔钱被退回了，不知道是什么原因。',
    ],
    demands: [
      { text: '请核实后更正我征信上的逾期记录，并取消罚息。', demands: ['credit_repair', 'waive_interest'] },
      { text: '要求尽快把我的还款入账，退还多收的罚息。', demands: ['refund', 'waive_interest'] },
      { text: '请出具情况说明，把错误的逾期记录更正过来。', demands: ['credit_repair'] },
    ],
  },
  app: {
    weight: 10,
    body: [
      '还款日当天App一直提示系统繁忙，怎么都还不上。',
      '{when}App更新以后，绑定的银行卡解绑不了，也换不了新卡。',
      '点提前还款一直在转圈，最后提示网络异常，第二天就算我逾期了。',
      'App里的借款记录显示不全，一笔已经结清的借款还显示待还。',
      '人脸识别一直失败，导致我没法按时还款。',
      '我在App上申请修改手机号，提交了好几次都显示审核中。',
    ],
    details: [
      '我当时就截了图，手机型号是{phoneModel}，系统已经是最新版本。',
      '我换了两个手机试过，都是一样的问题。',
      '在线客服一直是机器人回复，转不了人工。',
    ],
    demands: [
      { text: '因为系统原因造成的逾期，要求取消罚息。', demands: ['waive_interest'] },
      { text: '请尽快修复问题，并对给我造成的麻烦做出解释。', demands: ['apology'] },
      { text: '希望把这几天的罚息减免掉，并更正逾期记录。', demands: ['waive_interest', 'credit_repair'] },
    ],
  },
  deduction: {
    weight: 12,
    body: [
      '我的银行卡{date}被重复扣款了两次，多扣了{small}元。',
      '这笔借款我已经提前结清了，这个月又自动扣了一期的钱。',
      '没有经过我同意，就从我另一张银行卡里划扣了还款。',
      '{when}扣款金额和账单金额对不上，多扣了几百块。',
      '我设置的是手动还款，但每个月还是被自动代扣。',
    ],
    details: [
      '银行的交易明细我已经打出来了。',
      '那张卡是我用来交房租的，被扣了以后房租都差点交不上。',
      '客服说七个工作日内退回，现在已经过了半个月。',
    ],
    demands: [
      { text: '要求尽快退还多扣的钱。', demands: ['refund'] },
      { text: '请退回多扣的款项，并取消自动代扣。', demands: ['refund'] },
      { text: '要求退款并给出书面解释。', demands: ['refund', 'apology'] },
    ],
  },
  privacy: {
    weight: 8,
    body: [
      '催收人员把我欠款的事情告诉了我的{contact}，现在单位里都知道了。',
      '我从来没有授权你们联系我的通讯录，可是我{relative}也接到了催款电话。',
      '{when}有陌生人加我微信，能准确说出我的借款金额，怀疑我的个人信息被{you}泄露了。',
      '借款时填的紧急联系人被反复打电话，对方已经很反感了。',
      '催收短信直接发到了我{relative}手机上，内容里还有我的身份证后几位。',
    ],
    details: [
      '我有对方发来的短信截图。',
      '这件事让我和{contact}之间很尴尬，也影响了我的工作。',
      '我想知道我的信息到底给了哪些第三方。',
    ],
    demands: [
      { text: '要求停止联系与借款无关的人，并向我道歉。', demands: ['stop_collection', 'apology'] },
      { text: '请说明我的个人信息是怎么被泄露的，并停止这种催收方式。', demands: ['stop_collection'] },
      { text: '希望公司严肃处理，给我一个说法。', demands: ['apology'] },
    ],
  },
  hardship: {
    weight: 12,
    body: [
      '今年公司效益不好，我被降薪了，暂时没办法足额还款。',
      '家里{relative}住院花了很多钱，这两个月实在周转不开。',
      '我不是不想还，只是现在收入少了，希望能商量一个能做到的还款计划。',
      '我申请过延期还款，客服说不符合条件，也没告诉我原因。',
      '{reason}，手头一下子紧了，已经尽量在还了。',
    ],
    details: [
      '我每个月能拿出来还款的大概是{small}元。',
      '之前我从来没有逾期过，这次确实是特殊情况。',
      '我可以提供收入变化的证明。',
    ],
    demands: [
      { text: '希望能协商分期还款，适当减免一些罚息。', demands: ['installment', 'waive_interest'] },
      { text: '请给我一个能承受的分期方案，我一定会还。', demands: ['installment'] },
      { text: '希望能把剩下的本金分成几期慢慢还。', demands: ['installment'] },
    ],
  },
  service: {
    weight: 6,
    body: [
      '我已经全部还清了，申请开具结清证明一直没有下文。',
      '{you}的客服电话很难打通，打通了也只是让我等。',
      '{when}打客服电话，客服态度很差，问了几句就把电话挂了。',
      '我要求调取借款合同，说了三次都没人给我发。',
    ],
    details: ['我每次打电话都记了时间和工号。', '工号是{staffNo}的那位客服。'],
    demands: [
      { text: '请尽快给我开具结清证明。', demands: ['apology'] },
      { text: '要求对客服的服务态度进行处理并道歉。', demands: ['apology'] },
    ],
  },
};

const CATEGORY_NAMES = Object.keys(CATEGORIES);

const INTROS = [
  '我是{name}，',
  '本人{name}，在{lender}办理了{product}，',
  '我在{month}借了一笔{product}，金额{amount}，',
  '我是{lender}的用户{name}，',
  '我在你们App上借过{product}，',
  '我是借款人{name}，',
  '',
  '',
];
const FOLLOW_UPS = [
  '之前已经打过客服电话{times}次，每次都说会反馈，但一直没有结果。',
  '我{d}天前在App里提交过工单，到现在没人回复。',
  '客服说三个工作日内回电，结果一直没人联系我。',
  '之前投诉过一次，处理结果我不认可。',
  '网点的工作人员让我自己找客服，互相推诿。',
];
const CLOSINGS = [
  '希望尽快处理，谢谢。', '请给我一个合理的解释。', '如果再不解决，我只能向监管部门反映了。', '麻烦尽快回复我。', '谢谢！', '盼复。', '',
  '请尽快联系我，白天打电话就行。', '希望这次能认真对待。', '等你们的答复。', '麻烦了。', '我的诉求很简单，希望不要再拖了。',
];
/** How people feel about it, in their own words: one of these in about half the complaints. */
const FEELINGS = [
  '我真的很生气。', '这件事让我压力特别大，晚上都睡不着。', '我觉得你们这样做很不负责任。', '说实话我对你们很失望。',
  '我也不是不讲理的人。', '作为老用户，我觉得很寒心。', '我已经被这件事折腾了好几天了。', '家里人都在问是怎么回事，我都不知道怎么解释。',
  '这已经严重影响到我的生活了。', '我只想把事情说清楚。', '换谁遇到这种事都会着急。', '我工作很忙，没时间一直跟你们耗。',
];
const WHEN = ['最近', '这段时间', '上个星期', '这个月', '从上个月开始', '前几天', '这两天', '近一个月'];
const YOU = ['你们', '贵公司', '你们公司', '你们平台', '安衡'];
const FOLLOW_UP_PREFIX = ['我之前已经反映过这个问题，', '这是我第二次反映了，', '上次反映的问题到现在还没解决，'];
const PHONE_MODELS = ['华为Mate 40', 'OPPO Reno8', 'vivo X90', '小米13', 'iPhone 12', '荣耀70'];

export type LegitInput = { name: string; product: string; amount: number; receivedAt: Date; followUp: boolean };

const SLOT_MAKERS: Record<string, (rng: Rng, input: LegitInput) => string> = {
  name: (_, input) => input.name,
  product: (_, input) => input.product,
  lender: (rng) => (rng.chance(0.5) ? LENDER.shortName : '你们公司'),
  amount: (rng, input) => amountPhrase(rng, input.amount),
  month: (rng, input) => `${input.receivedAt.getUTCFullYear() - (rng.chance(0.5) ? 1 : 0)}年${rng.int(1, 12)}月`,
  date: (rng, input) => {
    const d = new Date(input.receivedAt.getTime() - rng.int(2, 25) * 86_400_000);
    return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  },
  n: (rng) => (rng.chance(0.5) ? String(rng.int(8, 40)) : `${cnSmall(rng.int(2, 5))}十多`),
  d: (rng) => String(rng.int(1, 15)),
  hour: (rng) => rng.pick(HOURS),
  relative: (rng) => rng.pick(RELATIVES),
  contact: (rng) => rng.pick(CONTACT_PEOPLE),
  reason: (rng) => rng.pick(REASONS),
  payday: (rng) => String(rng.int(5, 25)),
  staff: (rng) => rng.pick(SURNAMES_FOR_STAFF),
  fee: (rng) => rng.pick(FEES),
  small: (rng) => String(rng.int(3, 60) * 10),
  times: (rng) => cnSmall(rng.int(2, 6)),
  phoneModel: (rng) => rng.pick(PHONE_MODELS),
  staffNo: (rng) => String(rng.int(1000, 9999)),
  when: (rng) => rng.pick(WHEN),
  you: (rng) => rng.pick(YOU),
};

/** Slot values for one legitimate complaint, drawn on first use and then kept, so a repeated slot reads the same. */
function legitSlots(rng: Rng, input: LegitInput): SlotResolver {
  const drawn: Slots = {};
  return (key) => {
    if (!(key in drawn)) {
      const make = SLOT_MAKERS[key];
      if (!make) return undefined;
      drawn[key] = make(rng, input);
    }
    return drawn[key];
  };
}

/** A legitimate complaint, different every time: intro, 1–3 facts, details, follow-up, 1–2 demands, closing. */
export function composeLegitText(rng: Rng, input: LegitInput): ComposedText & { category: string } {
  const category = pickCategory(rng);
  const cat = CATEGORIES[category];
  const slots = legitSlots(rng, input);
  const parts: string[] = [rng.pick(OPENERS_SOFT)];
  if (input.followUp) parts.push(rng.pick(FOLLOW_UP_PREFIX));
  parts.push(rng.pick(INTROS));
  rng.sample(cat.body, rng.int(1, 3)).forEach((sentence, i) => parts.push((i > 0 ? rng.pick(CONNECTIVES) : '') + sentence));
  if (rng.chance(0.6)) parts.push(rng.pick(cat.details));
  if (rng.chance(0.5)) parts.splice(rng.int(2, parts.length), 0, rng.pick(FEELINGS));
  if (rng.chance(0.4)) parts.push(rng.pick(FOLLOW_UPS));
  const demandChoices = rng.sample(cat.demands, rng.chance(0.7) ? 1 : 2);
  for (const d of demandChoices) parts.push(d.text);
  parts.push(rng.pick(CLOSINGS));
  const demands = [...new Set(demandChoices.flatMap((d) => d.demands))];
  // A few genuine borrowers repeat what they read online; they get graded, wrongly, and an analyst clears them.
  let text = '';
  for (const part of parts) text += fill(part, slots);
  if (rng.chance(0.015)) text += '听说可以申请停息挂账，不知道我符不符合条件。';
  return { text, demands, category };
}

function pickCategory(rng: Rng): string {
  let total = 0;
  for (const name of CATEGORY_NAMES) total += CATEGORIES[name].weight;
  let r = rng.float() * total;
  for (const name of CATEGORY_NAMES) {
    r -= CATEGORIES[name].weight;
    if (r < 0) return name;
  }
  return CATEGORY_NAMES[0];
}

// ---------- agent templates ----------

export type WordingLevel = 'level1' | 'level2' | 'none';

/** A gang's template: text with {name}/{product}/{amount}/{year}/{month} slots and its demands. */
export type GangTemplate = { text: string; demands: Demand[]; wording: WordingLevel };

const AGENT_OPENINGS = [
  '本人{name}，身份证号码详见附件，于{year}年{month}月在贵司申请{product}，借款金额{amount}。',
  '投诉人{name}，系贵司{product}借款人，{year}年{month}月借款{amount}，现就贵司违规行为提出正式投诉。',
  '我叫{name}，{year}年{month}月通过贵司平台借款{amount}（产品：{product}），现因以下问题向贵司及监管部门投诉。',
  '尊敬的{lender}：本人{name}于{year}年{month}月在贵司办理{product}借款{amount}，现郑重提出如下投诉。',
  '关于{name}在{lender}{product}借款{amount}一事的投诉：借款人于{year}年{month}月借款，现因客观原因无法按期还款。',
  '致{lender}消费者权益保护部门：投诉人{name}，{year}年{month}月借款{amount}，产品为{product}。',
];
const HARDSHIPS = [
  '本人因疫情影响失去工作，收入来源中断，家庭生活陷入困境，已无力偿还借款。',
  '本人因突发重病住院治疗，花光全部积蓄，目前仍需长期服药，确实无力还款，医院诊断证明已附后。',
  '本人所在公司裁员，失业至今已有半年，家中上有老下有小，经济极其困难。',
  '本人经营的小店因市场不景气倒闭，背负多笔债务，已无任何还款能力。',
  '本人家人身患重病，医疗费用巨大，本人已倾尽所有，实在无力按期还款。',
  '本人被诊断为重度抑郁，长期无法正常工作，收入微薄，村委会已出具贫困证明。',
  '本人遭遇车祸致残，丧失劳动能力，全家仅靠低保生活，恳请贵司体谅。',
  '本人因疫情及经济下行，收入骤减，多家平台同时催收，精神压力极大，已出现轻生念头。',
  '本人因工伤长期休养，单位停发工资，家庭负担沉重，确已无力偿还。',
  '本人生意失败，房产已被法院查封，名下无任何财产，客观上不具备还款能力。',
];
const ACCUSATIONS = [
  '贵司催收人员多次对本人进行电话轰炸，并对本人家人、同事、朋友进行骚扰，言语辱骂恐吓，已构成暴力催收。',
  '贵司催收人员爆通讯录，向本人通讯录联系人发送侮辱性信息，严重侵犯本人隐私权和名誉权。',
  '贵司借款综合年化利率远超法定上限，收取高额息费，涉嫌违规放贷。',
  '贵司在放款前未对本人还款能力进行审慎评估，过度授信，诱导本人借贷，存在违规放贷行为。',
  '贵司在放款时收取砍头息，实际到账金额远低于合同金额。',
  '贵司捆绑销售保险及会员服务，收取不合理的担保费、服务费，侵犯消费者知情权和自主选择权。',
  '贵司未经本人同意擅自查询本人征信，并将逾期信息错误上报征信系统。',
  '贵司催收人员冒充公检法人员进行恐吓，声称要上门抓人，给本人造成极大心理伤害。',
  '贵司合同条款存在大量格式条款，加重借款人责任、排除借款人主要权利，依法应属无效。',
  '贵司将本人个人信息泄露给第三方催收公司，违反个人信息保护相关规定。',
  '贵司未取得相应放贷资质即从事贷款业务，借款合同依法应属无效。',
  '贵司在本人已明确告知困难情况后仍持续高频催收，每天来电数十次，严重影响本人正常生活。',
  '贵司催收人员威胁将本人欠款信息发送至本人所在单位及所在村委会，严重损害本人名誉。',
  '贵司在借款页面未明确展示年化利率，存在虚假宣传和误导消费者的行为。',
];
const LEGAL_BASES = [
  '根据《中华人民共和国消费者权益保护法》第二十九条，经营者收集、使用消费者个人信息应当遵循合法、正当、必要的原则。',
  '根据《民法典》第六百八十条，禁止高利放贷，借款的利率不得违反国家有关规定。',
  '根据《商业银行互联网贷款管理暂行办法》，贷款机构应当审慎评估借款人的还款能力。',
  '根据《个人信息保护法》第十条，任何组织不得非法收集、使用、加工、传输他人个人信息。',
  '根据《关于进一步规范信贷融资收费降低企业融资综合成本的通知》，贷款机构不得收取不合理费用。',
  '依据原银保监会关于规范催收行为的相关规定，催收不得采用暴力、恐吓、侮辱等手段。',
  '根据《征信业管理条例》第二十五条，信息主体认为征信信息存在错误的，有权提出异议并要求更正。',
  '根据最高人民法院关于审理民间借贷案件适用法律若干问题的规定，超过法定利率上限部分不受法律保护。',
];
const DEMAND_SENTENCES: Record<WordingLevel, { text: string; demands: Demand[] }[]> = {
  level1: [
    { text: '立即停止一切催收行为，不得再以任何方式联系本人及家人。', demands: ['stop_collection'] },
    { text: '减免全部利息、罚息及违约金，本人仅归还剩余本金。', demands: ['waive_interest'] },
    { text: '为本人办理征信修复，消除一切不良征信记录。', demands: ['credit_repair'] },
    { text: '退还已收取的砍头息、服务费、担保费等全部不合理费用。', demands: ['refund'] },
    { text: '本人已委托专业反催收团队全权处理，请贵司依法配合逾期铲单。', demands: ['stop_collection'] },
    { text: '依法代理免除债务，本人不再承担任何还款义务。', demands: ['waive_interest'] },
  ],
  level2: [
    { text: '立即为本人办理停息挂账，停止计算利息和罚息。', demands: ['suspend_interest'] },
    { text: '为本人制定个性化分期方案，延期定制还款计划，分六十期偿还本金。', demands: ['installment'] },
    { text: '停止一切催收行为，停止骚扰本人及家人。', demands: ['stop_collection'] },
    { text: '减免全部罚息和违约金。', demands: ['waive_interest'] },
    { text: '本人已委托专业机构进行债务优化，请贵司配合本人负债上岸。', demands: ['suspend_interest'] },
    { text: '退还已收取的会员费、保险费，并协助办理代理退保。', demands: ['refund'] },
  ],
  none: [
    { text: '立即暂停计息，停止一切催收行为。', demands: ['suspend_interest', 'stop_collection'] },
    { text: '减免全部利息和罚息，本人仅偿还剩余本金。', demands: ['waive_interest'] },
    { text: '同意本人分期偿还本金，每期金额与本人收入相适应。', demands: ['installment'] },
    { text: '更正本人不良征信记录。', demands: ['credit_repair'] },
    { text: '退还已收取的全部服务费、担保费。', demands: ['refund'] },
  ],
};
const IMPERSONATION_LINES = [
  '本案现由{firmOrLaw}律师事务所执业律师代理，请贵司与受托律师联系，不得再直接联系借款人。',
  '本律师受借款人委托，依法代为处理本案一切事宜，贵司如继续催收，本律师将依法追究贵司法律责任。',
];
const LEVEL2_EXTRAS = [
  '本人经朋友介绍委托专业机构协助维权，对方承诺维权不成功不收费，足见贵司违规之普遍。',
  '据了解，同类情况成功率98%以上的借款人均已获得停息挂账。',
  '',
];
const THREATS = [
  '如贵司在五个工作日内不予解决，本人将向国家金融监督管理总局、中国人民银行、12378热线反复投诉，并向媒体曝光。',
  '否则本人将向银保监会、人民银行、12378、12363等部门持续投诉，直至问题解决。',
  '如不处理，本人将在黑猫投诉、微博、抖音等平台曝光贵司的违规行为，并联合其他受害借款人集体维权。',
  '否则本人将向公安机关报案，追究相关催收人员的刑事责任，并向法院提起诉讼。',
  '如贵司拒不配合，本人将组织受害人前往贵司及监管部门信访，由此产生的一切后果由贵司承担。',
  '本人保留向监管部门、消费者协会及新闻媒体反映的权利。',
];
const AGENT_CLOSINGS = [
  '特此投诉，望贵司妥善处理！',
  '请贵司在收到本投诉后五个工作日内与本人委托代理人联系，逾期视为拒绝协商。',
  '以上诉求请贵司书面答复，本人已全权委托代理人处理，请勿直接联系本人。',
  '望贵司本着实事求是的原则，尽快给予答复。',
  '此致 敬礼！',
];

/** Word swaps an agent's staff make when they retype or lightly edit a template for the next client. */
const SWAPS: readonly (readonly [string, string])[] = [
  ['贵司', '贵公司'],
  ['无力偿还', '无法偿还'],
  ['严重影响', '严重干扰'],
  ['立即', '马上'],
  ['本人将', '我将'],
  ['家人', '家属'],
  ['极其', '非常'],
  ['恳请', '请求'],
  ['全部', '所有'],
];

export type GangTemplateInput = { wording: WordingLevel; impersonatesLawyer: boolean; firmBrand: string };

/** One gang's template: fixed choices from the agent phrase pools, 200–450 characters once filled. */
export function composeGangTemplate(rng: Rng, input: GangTemplateInput): GangTemplate {
  const parts: string[] = [rng.pick(AGENT_OPENINGS), rng.pick(HARDSHIPS)];
  parts.push(...rng.sample(ACCUSATIONS, rng.int(2, 3)));
  parts.push(...rng.sample(LEGAL_BASES, rng.int(1, 2)));
  parts.push('为此，本人要求：');
  const pool = DEMAND_SENTENCES[input.wording];
  // Level-1 gangs ask for the level-1 things (erasure, credit laundering), so always include one of them.
  const chosen = input.wording === 'level1' ? [pool[rng.int(4, 5)], ...rng.sample(pool.slice(0, 4), rng.int(2, 3))] : rng.sample(pool, rng.int(3, 4));
  if (input.wording === 'level2' && !chosen.some((d) => d.text.includes('停息挂账') || d.text.includes('个性化分期'))) chosen.unshift(pool[0]);
  chosen.forEach((d, i) => parts.push(`${i + 1}. ${d.text}`));
  if (input.impersonatesLawyer) parts.push(fill(rng.pick(IMPERSONATION_LINES), { firmOrLaw: input.firmBrand }));
  if (input.wording === 'level2') parts.push(rng.pick(LEVEL2_EXTRAS));
  parts.push(...rng.sample(THREATS, rng.int(1, 2)));
  parts.push(rng.pick(AGENT_CLOSINGS));
  return { text: parts.join(''), demands: [...new Set(chosen.flatMap((d) => d.demands))], wording: input.wording };
}

export type AgentInstanceInput = { name: string; product: string; amount: number; disbursedAt: Date };

/** The gang's template filled in for one client, with 0–2 of the usual word swaps. */
export function instantiateTemplate(rng: Rng, template: GangTemplate, input: AgentInstanceInput): string {
  let text = fill(template.text, {
    name: input.name,
    product: input.product,
    amount: amountPhrase(rng, input.amount),
    year: String(input.disbursedAt.getUTCFullYear()),
    month: String(input.disbursedAt.getUTCMonth() + 1),
    lender: LENDER.shortName,
  });
  const swaps = rng.int(0, 2);
  for (let i = 0; i < swaps; i++) {
    const [from, to] = rng.pick(SWAPS);
    text = text.replace(from, to); // first occurrence only: a light edit, not a rewrite
  }
  return text;
}
