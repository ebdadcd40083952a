/** Server-side messages, answered in the language the client asks for (accept-language). */
const messages = {
  auditorReadOnly: { zh: '审计员为只读角色，不能修改任何记录。', en: 'Auditors have read-only access and cannot change records.' },
  analystAssignOthers: { zh: '专员只能把投诉分配给自己；重新分配给他人需要组长操作。', en: 'Analysts can only assign complaints to themselves; reassigning to others needs a team lead.' },
  confirmNeedsLead: { zh: '确认“代理维权”标签需要组长复核，专员只能提出。', en: 'Confirming the agent-driven label needs a team lead as second reviewer; analysts can only propose it.' },
  confirmNeedsProposal: { zh: '只有已提出的“疑似代理维权”才能被确认。', en: 'Only a proposed agent-driven label can be confirmed.' },
  revertNeedsLead: { zh: '撤销已确认的代理维权标签需要组长操作。', en: 'Only a team lead can revert a confirmed agent-driven label.' },
  revertNeedsReason: { zh: '撤销已确认的标签必须填写理由。', en: 'Reverting a confirmed label requires a reason.' },
  conflict: { zh: '该记录已被他人修改，请查看最新版本后重新提交。', en: 'Someone else changed this record. Review the current version and apply your change again.' },
  notFound: { zh: '记录不存在或已被删除。', en: 'The record does not exist or was deleted.' },
  textHasNul: { zh: '文本中含有空字符（U+0000），无法保存。请删除后重试（常见于从其他系统复制的内容）。', en: 'The text contains a NUL character (U+0000) and cannot be saved. Remove it and try again (it often comes from text copied out of another system).' },
  invalidBody: { zh: '请求内容不合法：', en: 'Invalid request: ' },
  unknownUser: { zh: '用户不存在。', en: 'Unknown user.' },
  revealForbidden: { zh: '审计员不能查看明文个人信息。', en: 'Auditors cannot reveal personal data.' },
  noSuchField: { zh: '该记录没有此个人信息字段。', en: 'This record has no such personal-data field.' },
  approveNeedsLead: { zh: '报案材料需由组长审批。', en: 'Referrals must be approved by a team lead.' },
  approveNeedsValid: { zh: '报案材料尚有 {count} 项须修正，不能审批。请在报案材料页面右侧的检查清单中逐项处理后再审批。', en: 'The referral still has {count} issue(s) to fix and cannot be approved. Work through the checklist beside the referral, then approve.' },
  referralLocked: { zh: '报案材料已提交，不能再修改。', en: 'The referral has been submitted and can no longer be edited.' },
  caseTransition: { zh: '案件状态不能从“{from}”直接变为“{to}”。', en: 'A case cannot move from "{from}" to "{to}".' },
  reportNeedsLead: { zh: '只有组长可以将案件从待复核改为已报案。', en: 'Only a team lead can move a case from pending review to reported.' },
  reportNeedsReferral: { zh: '案件需附报案材料后才能改为已报案。', en: 'Attach a referral before moving the case to reported.' },
  receiptRequired: { zh: '已受理/已立案需填写接报案回执编号。', en: 'Accepted and filed need the police receipt number.' },
  reopenNeedsReason: { zh: '重新打开已结案案件必须填写理由。', en: 'Reopening a closed case requires a reason.' },
  assignNeedsLead: { zh: '批量分配和自动分配需要组长操作。', en: 'Bulk and automatic assignment need a team lead.' },
  assignAway: { zh: '该同事休假中，不能分配新的工作。', en: 'This colleague is away and cannot take new work.' },
  caseAssignOthers: { zh: '专员只能认领案件给自己；分配给他人需要组长操作。', en: 'Analysts can only take a case themselves; assigning it to others needs a team lead.' },
  mergeSelf: { zh: '不能把案件与自身合并。', en: 'A case cannot be merged into itself.' },
  mergeClosed: { zh: '已结案或已报案的案件不能合并。', en: 'Cases that are reported or closed cannot be merged.' },
  status_new: { zh: '新建', en: 'new' },
  status_investigating: { zh: '调查中', en: 'investigating' },
  status_pending_review: { zh: '待复核', en: 'pending review' },
  status_reported: { zh: '已报案', en: 'reported' },
  status_accepted: { zh: '已受理', en: 'accepted' },
  status_filed: { zh: '已立案', en: 'filed' },
  status_rejected: { zh: '不予立案', en: 'not filed' },
  status_closed: { zh: '结案', en: 'closed' },
  caseNeedsComplaints: { zh: '没有找到可以纳入案件的投诉或实体。', en: 'No complaints or entities found to put in the case.' },
  referralNotApproved: { zh: '报案材料须经组长审批后才能导出或提交。', en: 'A referral must be approved by a team lead before it is exported or submitted.' },
  referralTrackingOrder: { zh: '报案材料当前状态为“{from}”，不能记录“{to}”。', en: 'The referral is "{from}": "{to}" cannot be recorded now.' },
  caseCannotFollow: { zh: '案件当前状态为“{from}”，无法随报案材料变为“{to}”。', en: 'The case is "{from}" and cannot follow the referral to "{to}".' },
  uploadTooLarge: { zh: '文件过大（上限 {max}）。', en: 'The file is too large (limit {max}).' },
  uploadRefusedType: { zh: '不支持的文件类型：{type}。仅接受 PNG/JPEG/WebP/SVG 图像、PDF、WAV/MP3/Ogg 录音和文本/聊天记录。', en: 'Unsupported file type: {type}. Only PNG/JPEG/WebP/SVG images, PDF, WAV/MP3/Ogg audio and text/chat exports are accepted.' },
  uploadNameMismatch: { zh: '文件名标称 {claimed}，内容却是 {type}，已拒绝。', en: 'The name says {claimed} but the bytes are {type}; refused.' },
  uploadHashMismatch: { zh: '上传内容与浏览器计算的 SHA-256 不一致，已丢弃本次上传。', en: 'The uploaded bytes do not match the SHA-256 the browser computed; the upload was discarded.' },
  uploadIncomplete: { zh: '上传不完整（已收到 {got} / {want} 字节），已丢弃。', en: 'The upload is incomplete ({got} of {want} bytes); it was discarded.' },
  uploadNoTarget: { zh: '上传必须指定投诉或案件。', en: 'An upload must belong to a complaint or a case.' },
  adminNoCasework: { zh: '系统管理员负责账号管理，不能处理投诉、案件或报案材料。', en: 'Administrators manage accounts and cannot work on complaints, cases or referrals.' },
  signInRequired: { zh: '请先登录。', en: 'Please sign in.' },
  sessionExpired: { zh: '登录已过期，请重新登录。', en: 'Your session has expired. Please sign in again.' },
  loginFailed: { zh: '用户名或密码不正确。', en: 'Wrong username or password.' },
  accountLocked: { zh: '连续登录失败次数过多，账号已锁定 15 分钟，请稍后再试或联系管理员。', en: 'Too many failed sign-ins: the account is locked for 15 minutes. Try again later or ask an administrator.' },
  accountDisabled: { zh: '该账号已停用，请联系管理员。', en: 'This account is disabled. Ask an administrator.' },
  csrfRefused: { zh: '请求来源不被信任（跨站请求已拒绝）。请在鉴证工作台页面内操作。', en: 'The request did not come from the workbench (cross-site request refused). Use the workbench page.' },
  jsonRequired: { zh: '请求须为 JSON（Content-Type: application/json）。', en: 'The request must be JSON (Content-Type: application/json).' },
  needsAdmin: { zh: '只有系统管理员可以管理账号。', en: 'Only an administrator can manage accounts.' },
  usernameTaken: { zh: '该用户名已被使用。', en: 'This username is already taken.' },
  lastAdmin: { zh: '不能停用或降级最后一个有效的管理员账号。', en: 'The last active administrator cannot be disabled or demoted.' },
  demoOnly: { zh: '仅在演示数据下可用。', en: 'Only available while the database holds demo data.' },
  bodyTooLarge: { zh: '请求内容过大。', en: 'The request is too large.' },
  verifyNeedsAuditor: { zh: '只有审计员或管理员可以校验审计链。', en: 'Only an auditor or an administrator can verify the trail.' },
  routeNotFound: { zh: '没有这个接口。', en: 'No such endpoint.' },
} as const;

export type MessageKey = keyof typeof messages;
export type Lang = 'zh' | 'en';

export function langOf(request: Request): Lang {
  return (request.headers.get('accept-language') ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export function msg(lang: Lang, key: MessageKey, vars: Record<string, string> = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? name);
}
