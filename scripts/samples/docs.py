"""HTML sources of the sample evidence documents.

All names, institutions, numbers and addresses are fictitious.
Only fixed dates are used so every run renders the same pixels.
"""

from seal import seal_svg

SERIF = "'Noto Serif CJK SC', serif"
SANS = "'Noto Sans CJK SC', sans-serif"
KAI = "'AR PL UKai CN', 'Noto Serif CJK SC', serif"  # handwriting-like signatures
# Skia (Chromium's PDF backend) can only embed TrueType-outline fonts as real
# fonts; the CFF-based Noto CJK would become Type 3 glyph procedures (large and
# ugly in some viewers). The PDFs therefore use the TrueType AR PL / WenQuanYi fonts.
PDF_SERIF = "'AR PL UMing CN', serif"
PDF_SANS = "'WenQuanYi Micro Hei', sans-serif"

LENDER = "安衡消费金融有限公司"
HOSPITAL = "江州市第一人民医院"
AGENT_FIRM = "江州优信商务咨询有限公司"
VILLAGE = "青石县柳河镇柳河村村民委员会"
COMPANY = "江州恒达电子科技有限公司"

BORROWER = {
    "name": "陈志伟",
    "sex": "男",
    "age": "38岁",
    "id": "330102********1517",
    "addr": "江州市南湖区新桥路17号3幢502室",
}

PAGE_CSS = f"""
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; }}
body {{ width: 900px; height: 1200px; overflow: hidden; background: #f4f1ea;
  font-family: {SERIF}; color: #1d1d1d; }}
.paper {{ position: absolute; left: 18px; top: 14px; width: 864px; height: 1172px;
  background: #fffefb; box-shadow: 0 0 6px rgba(0,0,0,.18); padding: 56px 70px 40px 70px; }}
.hosp {{ text-align: center; font-size: 34px; font-weight: 700; letter-spacing: 4px; }}
.hosp-en {{ text-align: center; font-family: {SANS}; font-size: 13px; letter-spacing: 1.5px;
  color: #444; margin-top: 2px; }}
.title {{ text-align: center; font-size: 38px; font-weight: 700; letter-spacing: 14px;
  margin: 22px 0 8px 0; }}
.no {{ text-align: right; font-family: {SANS}; font-size: 15px; color: #333; }}
.rule {{ border-top: 2px solid #222; margin: 8px 0 0 0; }}
.rule2 {{ border-top: 1px solid #222; margin: 3px 0 18px 0; }}
table.f {{ width: 100%; border-collapse: collapse; font-size: 19px; }}
table.f td {{ padding: 9px 2px; vertical-align: bottom; }}
.lab {{ white-space: nowrap; font-weight: 700; }}
.val {{ border-bottom: 1px solid #555; font-family: {SANS}; font-size: 18px; padding-left: 6px !important; }}
.sec {{ font-size: 20px; font-weight: 700; margin: 26px 0 10px 0; }}
.body {{ font-size: 19px; line-height: 2.0; font-family: {SANS}; }}
.body p {{ margin: 0; text-indent: 2em; }}
.lines {{ background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 37px,
  #bbb 37px, #bbb 38px); }}
.sign {{ position: absolute; font-size: 19px; }}
.hand {{ font-family: {KAI}; color: #1d2f6e; font-size: 32px;
  display: inline-block; transform: skewX(-18deg) rotate(-4deg); letter-spacing: -2px; }}
.seal {{ position: absolute; mix-blend-mode: multiply; opacity: .9; }}
.note {{ position: absolute; left: 70px; right: 70px; bottom: 40px; font-size: 14px; color: #444;
  font-family: {SANS}; line-height: 1.7; border-top: 1px dashed #999; padding-top: 8px; }}
.red {{ color: #c8161d; }}
.letterhead {{ text-align: center; color: #c8161d; font-size: 36px; font-weight: 700; letter-spacing: 6px; }}
.redrule {{ border-top: 3px solid #c8161d; margin: 12px 0 0 0; }}
.redrule2 {{ border-top: 1px solid #c8161d; margin: 3px 0 0 0; }}
"""


def page(title, body, extra_css=""):
    return (
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title><style>{PAGE_CSS}{extra_css}</style></head>"
        f"<body><div class=\"paper\">{body}</div></body></html>"
    )


# ---------------------------------------------------------------------------
# Seals
# ---------------------------------------------------------------------------

def hospital_seal(uid="h", size=210):
    return seal_svg(HOSPITAL, "诊断证明专用章", uid=uid, size=size, ink_seed=11)


def hospital_seal_forged(uid="hf", size=210):
    # Forgery tells: 院 replaced by the look-alike 焥 (江州市第一人民医焥), uneven
    # character spacing and radius on the arc, thinner ring, smaller off-centre star.
    return seal_svg(
        "江州市第一人民医焥",
        "诊断证明专用章",
        uid=uid,
        size=size,
        ink_seed=23,
        span=214,
        spacing_jitter=[0, 2.5, -1.5, 3.5, 0, -3, 2, 4, -2],
        radius_jitter=[0, 1.2, -0.8, 0, 1.5, -1, 0.6, 0, -1.4],
        star_dx=3.5,
        star_dy=2,
        star_scale=0.86,
        ring_width=4.2,
    )


def hospital_report_seal(uid="hr", size=190):
    return seal_svg(HOSPITAL, "检验报告专用章", uid=uid, size=size, ink_seed=5)


def village_seal(uid="v", size=210):
    return seal_svg(VILLAGE, None, uid=uid, size=size, ink_seed=31)


def village_seal_forged(uid="vf", size=210):
    # Forgery tells: 柳河村 -> 柳和村, smaller star set too high, wobbly arc radius.
    return seal_svg(
        "青石县柳河镇柳和村村民委员会",
        None,
        uid=uid,
        size=size,
        ink_seed=41,
        span=248,
        star_scale=0.8,
        star_dy=-4,
        radius_jitter=[0, 0.8, 0, -0.6, 1.0, 0, -1, 0.5, 0, 0.9, -0.7, 0, 0.6, -0.5],
    )


def company_seal(uid="c", size=210):
    return seal_svg(
        COMPANY, None, code="3301020036528", uid=uid, size=size, ink_seed=17,
        font="Noto Sans CJK SC",
    )


def agent_seal(uid="a", size=200):
    return seal_svg(
        AGENT_FIRM, None, code="3301060118274", uid=uid, size=size, ink_seed=53,
        font="Noto Sans CJK SC",
    )


def lender_seal(uid="l", size=300):
    return seal_svg(
        LENDER, None, code="3301050047113", uid=uid, size=size, ink_seed=67,
        font="Noto Sans CJK SC",
    )


def seal_only_page(svg, size):
    return (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
        f"html,body{{margin:0;padding:0;background:transparent;width:{size}px;height:{size}px;"
        "overflow:hidden}</style></head>"
        f"<body>{svg}</body></html>"
    )


def seal_div(svg, left, top, rotate):
    return (
        f'<div class="seal" style="left:{left}px;top:{top}px;'
        f'transform:rotate({rotate}deg)">{svg}</div>'
    )


# ---------------------------------------------------------------------------
# 诊断证明书
# ---------------------------------------------------------------------------

def diagnosis_cert(p, seal):
    dx = "".join(f"<div>{i + 1}. {d}</div>" for i, d in enumerate(p["diagnoses"]))
    body = f"""
<div class="hosp">{HOSPITAL}</div>
<div class="hosp-en">JIANGZHOU FIRST PEOPLE'S HOSPITAL</div>
<div class="title">诊断证明书</div>
<div class="no">编号：{p['no']}</div>
<div class="rule"></div><div class="rule2"></div>
<table class="f">
<tr><td class="lab" style="width:70px">姓名：</td><td class="val" style="width:150px">{p['name']}</td>
<td class="lab" style="width:70px;padding-left:18px">性别：</td><td class="val" style="width:70px">{p['sex']}</td>
<td class="lab" style="width:70px;padding-left:18px">年龄：</td><td class="val" style="width:80px">{p['age']}</td>
<td class="lab" style="width:70px;padding-left:18px">科别：</td><td class="val">{p['dept']}</td></tr>
</table>
<table class="f">
<tr><td class="lab" style="width:90px">门诊号：</td><td class="val" style="width:220px">{p['mz']}</td>
<td class="lab" style="width:110px;padding-left:18px">就诊日期：</td><td class="val">{p['visit']}</td></tr>
<tr><td class="lab">身份证号：</td><td class="val">{p['id']}</td>
<td class="lab" style="padding-left:18px">住院号：</td><td class="val">{p.get('zy', '—')}</td></tr>
</table>
<div class="sec">临床诊断：</div>
<div class="body lines" style="min-height:120px;padding-left:1em">{dx}</div>
<div class="sec">医嘱（处理意见）：</div>
<div class="body lines" style="min-height:230px"><p>{p['advice']}</p></div>
<div class="sign" style="left:70px;top:905px">医师签名：<span class="hand">{p['doctor']}</span></div>
<div class="sign" style="left:70px;top:965px">医师工号：{p['doctor_no']}</div>
<div class="sign" style="left:500px;top:905px">科室负责人：<span class="hand" style="font-size:26px">{p['chief']}</span></div>
<div class="sign" style="left:500px;top:965px">开具日期：{p['date']}</div>
{seal_div(seal, 560, 840, p.get('seal_rot', -8))}
<div class="note">注：1. 本证明书仅用于说明患者病情，不作为休假、索赔及其他法律依据。
2. 本证明书涂改无效，须加盖本院“诊断证明专用章”方为有效，复印件无效。
3. 本院地址：江州市鼓楼区人民路88号。</div>
"""
    return page("诊断证明书", body)


DIAG_A = {
    "no": "ZM2026-081207",
    "name": BORROWER["name"],
    "sex": BORROWER["sex"],
    "age": BORROWER["age"],
    "dept": "精神心理科",
    "mz": "MZ2026081200457",
    "visit": "2026年08月12日",
    "id": BORROWER["id"],
    "diagnoses": [
        "重度抑郁发作，不伴有精神病性症状（F32.2）",
        "广泛性焦虑障碍（F41.1）",
        "睡眠障碍",
    ],
    "advice": "患者近半年情绪持续低落、兴趣减退、失眠早醒，伴自责及消极观念，"
    "社会功能明显受损。建议休息三个月，避免精神刺激及工作压力，按医嘱规律服药，"
    "每两周门诊复诊，日常生活需家属陪护。",
    "doctor": "王立新",
    "doctor_no": "0327",
    "chief": "周敏",
    "date": "2026年08月12日",
}

DIAG_B = {
    "no": "ZM2026-081207",  # same number as A: the forger re-used the template
    "name": "刘美华",
    "sex": "女",
    "age": "52岁",
    "dept": "肿瘤内科",
    "mz": "MZ2026081300219",
    "visit": "2026年08月13日",
    "id": "330106********3246",
    "diagnoses": [
        "乳腺恶性肿瘤术后（C50.9）",
        "化疗后骨髓抑制",
        "中度贫血",
    ],
    "advice": "患者乳腺恶性肿瘤改良根治术后，目前行第四周期辅助化疗，"
    "乏力明显，免疫力低下，丧失劳动能力。建议休息三个月，定期化疗及复查血常规，"
    "避免劳累及感染，需家属陪护。",
    "doctor": "王立新",
    "doctor_no": "0327",
    "chief": "周敏",
    "date": "2026年08月13日",
    "seal_rot": 6,
}


# ---------------------------------------------------------------------------
# 贫困证明
# ---------------------------------------------------------------------------

def poverty_cert(p, seal):
    body = f"""
<div class="letterhead">{VILLAGE}</div>
<div class="redrule"></div><div class="redrule2"></div>
<div class="title" style="margin-top:46px">贫困证明</div>
<div class="body" style="font-family:{SERIF};font-size:22px;line-height:2.3;margin-top:40px">
<p>兹证明<u>&nbsp;{p['name']}&nbsp;</u>，{p['sex']}，身份证号：<u>&nbsp;{p['id']}&nbsp;</u>，
系我村{p['group']}村民，现住{p['addr']}。</p>
<p>该户家庭人口{p['members']}人。{p['hardship']}家庭主要收入来源于务农及零星务工，
{p['year']}年家庭人均纯收入约{p['income']}元，低于当地最低生活保障标准，家庭生活十分困难，
无力偿还各类借款。</p>
<p>经村民委员会调查核实，以上情况属实。</p>
<p>特此证明。</p>
</div>
<div class="sign" style="left:470px;top:880px;font-size:22px;line-height:2.2;text-align:center;width:330px">
{VILLAGE}<br>{p['date']}</div>
<div class="sign" style="left:70px;top:1020px;font-size:17px;color:#333">经办人：{p['clerk']}
&nbsp;&nbsp;&nbsp;&nbsp;村（居）委会主任：{p['head']}</div>
{seal_div(seal, 520, 800, p.get('seal_rot', 12))}
<div class="note" style="border:none">（此证明仅用于证明家庭经济情况，有效期三个月）</div>
"""
    return page("贫困证明", body)


POV_A = {
    "name": "赵桂兰",
    "sex": "女",
    "id": "331023********0428",
    "group": "第三村民小组",
    "addr": "青石县柳河镇柳河村三组12号",
    "members": "四",
    "hardship": "其丈夫常年患病，已丧失劳动能力，两个子女尚在读书，",
    "year": "2025",
    "income": "2,860",
    "date": "二〇二六年八月十一日",
    "clerk": "李春生",
    "head": "赵德明",
}

POV_B = {
    "name": "孙德胜",
    "sex": "男",
    "id": "331023********1635",
    "group": "第五村民小组",
    "addr": "青石县柳河镇柳河村五组7号",
    "members": "五",
    "hardship": "其母亲年迈多病，本人2025年务工受伤致残，三个子女均未成年，",
    "year": "2025",
    "income": "2,860",
    "date": "二〇二六年八月十一日",
    "clerk": "李春生",
    "head": "赵德明",
    "seal_rot": -5,
}


# ---------------------------------------------------------------------------
# 收入证明 (genuine-looking, for contrast)
# ---------------------------------------------------------------------------

def income_cert(seal):
    body = f"""
<div class="hosp" style="font-family:{SANS};font-size:30px">{COMPANY}</div>
<div class="hosp-en">JIANGZHOU HENGDA ELECTRONIC TECHNOLOGY CO., LTD.</div>
<div class="rule" style="margin-top:14px"></div><div class="rule2"></div>
<div class="title" style="margin-top:40px">收入证明</div>
<div class="body" style="font-family:{SERIF};font-size:22px;line-height:2.3;margin-top:34px">
<p>兹证明<u>&nbsp;周晓明&nbsp;</u>（身份证号：<u>&nbsp;330105********2213&nbsp;</u>）
为我公司正式员工，自<u>&nbsp;2019&nbsp;</u>年<u>&nbsp;3&nbsp;</u>月起在我公司<u>&nbsp;研发中心&nbsp;</u>
担任<u>&nbsp;高级硬件工程师&nbsp;</u>一职，劳动合同期限至2028年2月。</p>
<p>该员工近十二个月平均月收入（税前）为人民币<u>&nbsp;18,500.00&nbsp;</u>元
（大写：<u>&nbsp;壹万捌仟伍佰元整&nbsp;</u>），工资由我公司按月通过银行代发。</p>
<p>本证明仅用于该员工办理个人贷款资信证明，不作为我公司对该员工任何形式的担保。
我公司对本证明内容的真实性负责。</p>
<p>特此证明。</p>
</div>
<div class="body" style="font-size:17px;line-height:1.9;margin-top:40px;color:#333">
单位地址：江州市高新区科创大道1208号恒达大厦<br>
人事部联系人：吴女士&nbsp;&nbsp;&nbsp;统一社会信用代码：91330100MA2CX7H35K</div>
<div class="sign" style="left:500px;top:960px;font-size:22px;line-height:2.2;text-align:center;width:300px">
{COMPANY}<br>（盖章）<br>2026年07月20日</div>
{seal_div(seal, 545, 895, -14)}
"""
    return page("收入证明", body)


# ---------------------------------------------------------------------------
# 授权委托书
# ---------------------------------------------------------------------------

FINGERPRINT = """
<svg xmlns="http://www.w3.org/2000/svg" width="70" height="86" viewBox="0 0 70 86">
<defs><filter id="fp"><feTurbulence type="fractalNoise" baseFrequency="0.9" seed="3" result="n"/>
<feColorMatrix in="n" type="matrix" values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  2.6 0 0 0 -0.6" result="m"/>
<feComposite in="SourceGraphic" in2="m" operator="in"/></filter></defs>
<g filter="url(#fp)" fill="none" stroke="#cf1f1f" stroke-width="2.2">
""" + "".join(
    f'<ellipse cx="35" cy="{45 + i * 0.6:.1f}" rx="{4 + i * 3.1:.1f}" ry="{6 + i * 3.9:.1f}"/>'
    for i in range(10)
) + "</g></svg>"


def power_of_attorney(seal):
    b = BORROWER
    body = f"""
<div class="title" style="margin-top:10px">授权委托书</div>
<table class="f" style="margin-top:26px">
<tr><td class="lab" style="width:110px">委 托 人：</td><td class="val" style="width:200px">{b['name']}</td>
<td class="lab" style="width:110px;padding-left:18px">身份证号：</td><td class="val">{b['id']}</td></tr>
<tr><td class="lab">住　　址：</td><td class="val" colspan="3">{b['addr']}</td></tr>
<tr><td class="lab">受 托 人：</td><td class="val" colspan="3">{AGENT_FIRM}</td></tr>
<tr><td class="lab">信用代码：</td><td class="val">91330106MA2KD8W20T</td>
<td class="lab" style="padding-left:18px">经 办 人：</td><td class="val">张伟（业务经理）</td></tr>
<tr><td class="lab">联系电话：</td><td class="val">138****6620</td>
<td class="lab" style="padding-left:18px">住　　所：</td><td class="val">江州市西城区文华路66号1106室</td></tr>
</table>
<div class="body" style="font-size:19px;line-height:2.05;margin-top:24px">
<p>委托人因与<u>&nbsp;{LENDER}&nbsp;</u>之间的借款合同（借款金额人民币58,000元）逾期还款事宜，
现特委托受托人作为本人的委托代理人，全权代表本人办理以下事项：</p>
<p>一、代表本人与{LENDER}及其委托的催收机构进行协商、谈判，申请停息挂账、减免利息、罚息及违约金、
个性化分期还款；</p>
<p>二、代表本人向国家金融监督管理总局及其派出机构（12378）、中国人民银行（12363）、
地方金融管理部门、行业协会及其他相关部门进行投诉、信访、反映情况；</p>
<p>三、代表本人要求停止一切催收行为，并代为接听、处理相关来电及短信；</p>
<p>四、代表本人提出征信异议申请，办理征信修复相关事宜；</p>
<p>五、代为签收、提交相关法律文书及证明材料。</p>
<p>受托人在上述权限内所作出的一切行为，委托人均予以承认，并承担相应法律后果。</p>
<p>委托期限：自2026年08月05日起至全部事项办理完毕之日止。</p>
</div>
<div class="sign" style="left:70px;top:990px;font-size:20px">委托人（签字并按手印）：
<span class="hand">{b['name']}</span></div>
<div class="sign" style="left:380px;top:985px">{FINGERPRINT}</div>
<div class="sign" style="left:70px;top:1060px;font-size:20px">日期：2026年08月05日</div>
<div class="sign" style="left:500px;top:1060px;font-size:20px">受托人（盖章）</div>
{seal_div(seal, 560, 940, 9)}
"""
    return page("授权委托书", body)


# ---------------------------------------------------------------------------
# PDF documents (A4, selectable text)
# ---------------------------------------------------------------------------

PDF_CSS = f"""
@page {{ size: A4; margin: 18mm 18mm 16mm 18mm; }}
* {{ box-sizing: border-box; font-weight: normal !important; }}
/* Skia draws synthetic bold as Type 3 glyphs; bold look comes from the Hei font instead */
b, h1, h3, th, .hosp, table.kv td.k {{ font-family: {PDF_SANS}; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: {PDF_SERIF}; color: #111; font-size: 11.5pt; line-height: 1.75; }}
.pg {{ position: relative; height: 262mm; break-after: page; overflow: hidden; }}
.pg:last-child {{ break-after: auto; }}
h1 {{ text-align: center; font-size: 22pt; letter-spacing: 6pt; margin: 4mm 0 2mm 0; }}
.hosp {{ text-align: center; font-size: 17pt; font-weight: 700; letter-spacing: 2pt; }}
.en {{ text-align: center; font-family: {PDF_SANS}; font-size: 8pt; color: #444; letter-spacing: 1pt; }}
.no {{ text-align: right; font-family: {PDF_SANS}; font-size: 9.5pt; }}
hr {{ border: 0; border-top: 1.5pt solid #111; margin: 1mm 0 4mm 0; }}
table.kv {{ width: 100%; border-collapse: collapse; font-size: 11pt; }}
table.kv td {{ padding: 1.6mm 1mm; border-bottom: 0.6pt solid #777; }}
table.kv td.k {{ font-weight: 700; white-space: nowrap; width: 22mm; border-bottom: none; }}
table.grid {{ width: 100%; border-collapse: collapse; font-size: 10.5pt; font-family: {PDF_SANS}; }}
table.grid th, table.grid td {{ border: 0.6pt solid #555; padding: 1.4mm 2mm; text-align: left; }}
table.grid th {{ background: #eee; }}
h3 {{ font-size: 12.5pt; margin: 5mm 0 1.5mm 0; }}
p {{ margin: 0 0 1.5mm 0; text-indent: 2em; }}
.sig {{ position: absolute; font-size: 11.5pt; }}
.sigblock {{ position: relative; height: 44mm; margin-top: 8mm; }}
.dense {{ line-height: 1.6; font-size: 11pt; }}
.dense h3 {{ margin: 3.2mm 0 1mm 0; }}
.dense table.grid th, .dense table.grid td {{ padding: 0.8mm 2mm; }}
.seal {{ position: absolute; width: 42mm; height: 42mm; mix-blend-mode: multiply; opacity: .92; }}
.foot {{ position: absolute; bottom: 0; left: 0; right: 0; font-size: 8.5pt; color: #555;
  font-family: {PDF_SANS}; border-top: 0.5pt dashed #999; padding-top: 1.5mm; }}
.hand {{ font-family: {KAI}; color: #1d2f6e; font-size: 16pt;
  display: inline-block; transform: skewX(-18deg) rotate(-4deg); }}
"""


def pdf_page(title, pages_html):
    return (
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title><style>{PDF_CSS}</style></head><body>"
        + "".join(f'<div class="pg">{p}</div>' for p in pages_html)
        + "</body></html>"
    )


def hosp_header(title, no):
    return (
        f'<div class="hosp">{HOSPITAL}</div>'
        '<div class="en">JIANGZHOU FIRST PEOPLE\'S HOSPITAL</div>'
        f"<h1>{title}</h1><div class=\"no\">编号：{no}</div><hr>"
    )


def report_diagnosis(seal_png, report_seal_png):
    p = DIAG_A
    kv = (
        '<table class="kv">'
        f'<tr><td class="k">姓名</td><td>{p["name"]}</td><td class="k">性别</td><td>{p["sex"]}</td>'
        f'<td class="k">年龄</td><td>{p["age"]}</td></tr>'
        f'<tr><td class="k">科别</td><td>{p["dept"]}</td><td class="k">门诊号</td><td>{p["mz"]}</td>'
        f'<td class="k">就诊日期</td><td>2026-08-12</td></tr>'
        f'<tr><td class="k">身份证号</td><td colspan="5">{p["id"]}</td></tr>'
        "</table>"
    )
    dx = "".join(f"<div>{i + 1}. {d}</div>" for i, d in enumerate(p["diagnoses"]))
    page1 = (
        hosp_header("诊断证明书", p["no"])
        + kv
        + f"<h3>临床诊断：</h3><div style=\"padding-left:2em\">{dx}</div>"
        + f"<h3>医嘱（处理意见）：</h3><p>{p['advice']}</p>"
        + '<div class="sigblock" style="margin-top:22mm">'
        + f'<div class="sig" style="left:0;top:20mm">医师签名：<span class="hand">{p["doctor"]}</span>'
        f'&nbsp;&nbsp;（工号 {p["doctor_no"]}）</div>'
        + '<div class="sig" style="left:95mm;top:20mm">开具日期：2026年08月12日</div>'
        + f'<img class="seal" src="{seal_png}" style="left:108mm;top:0;transform:rotate(-8deg)">'
        + "</div>"
        + '<div class="foot">注：本证明书涂改无效，须加盖本院“诊断证明专用章”方为有效。'
        "本院地址：江州市鼓楼区人民路88号。第 1 页 / 共 3 页</div>"
    )
    page2 = (
        hosp_header("门诊病历", p["mz"])
        + kv
        + '<div class="dense">'
        + "<h3>主诉：</h3><p>情绪低落、兴趣减退伴失眠半年，加重1个月。</p>"
        + "<h3>现病史：</h3><p>患者半年前因工作及经济压力出现情绪低落，对既往爱好失去兴趣，"
        "入睡困难、早醒，每晚睡眠约3至4小时，食欲下降，体重减轻约5公斤。近1个月症状加重，"
        "自觉乏力、注意力不集中，无法正常工作，偶有消极念头，无冲动伤人行为。"
        "未经系统诊治，今为进一步诊治来我院就诊。</p>"
        + "<h3>既往史：</h3><p>否认高血压、糖尿病等慢性病史，否认重大外伤及手术史，否认药物过敏史。</p>"
        + "<h3>体格检查：</h3><p>T 36.5℃，P 82次/分，R 18次/分，BP 126/80mmHg。"
        "神志清，心肺腹查体未见明显异常，神经系统检查阴性。</p>"
        + "<h3>精神检查：</h3><p>意识清晰，接触被动，表情愁苦，语速缓慢，思维迟缓，"
        "情绪低落，自我评价低，存在消极观念，未引出幻觉、妄想，自知力部分存在。</p>"
        + "<h3>初步诊断：</h3><p>1. 重度抑郁发作，不伴有精神病性症状（F32.2）；"
        "2. 广泛性焦虑障碍（F41.1）；3. 睡眠障碍。</p>"
        + "<h3>处理：</h3><p>1. 盐酸舍曲林片 50mg 口服 每日一次；2. 右佐匹克隆片 3mg 睡前口服；"
        "3. 心理疏导；4. 建议休息三个月，两周后复诊，不适随诊。</p>"
        + f'<div style="text-align:right;margin-top:6mm">接诊医师：<span class="hand">{p["doctor"]}</span>'
        "&nbsp;&nbsp;2026-08-12 09:42</div>"
        + "</div>"
        + '<div class="foot">江州市第一人民医院 门诊电子病历 打印件。第 2 页 / 共 3 页</div>'
    )
    rows = [
        ("汉密尔顿抑郁量表（HAMD-24）", "35 分", "＜8 分", "重度抑郁"),
        ("汉密尔顿焦虑量表（HAMA）", "24 分", "＜7 分", "明显焦虑"),
        ("抑郁自评量表（SDS）标准分", "72 分", "＜53 分", "重度"),
        ("焦虑自评量表（SAS）标准分", "65 分", "＜50 分", "中度"),
        ("匹兹堡睡眠质量指数（PSQI）", "16 分", "≤7 分", "睡眠质量很差"),
    ]
    labs = [
        ("促甲状腺激素（TSH）", "2.14", "mIU/L", "0.27–4.20"),
        ("游离甲状腺素（FT4）", "15.8", "pmol/L", "12.0–22.0"),
        ("血红蛋白（HGB）", "142", "g/L", "130–175"),
        ("空腹血糖（GLU）", "5.2", "mmol/L", "3.9–6.1"),
    ]
    page3 = (
        hosp_header("检查报告", "JC2026081200883")
        + kv
        + '<div class="dense">'
        + "<h3>一、心理测评</h3><table class=\"grid\"><tr><th>项目</th><th>结果</th>"
        "<th>参考范围</th><th>提示</th></tr>"
        + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>" for a, b, c, d in rows)
        + "</table><h3>二、实验室检查</h3><table class=\"grid\"><tr><th>项目</th><th>结果</th>"
        "<th>单位</th><th>参考范围</th></tr>"
        + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>" for a, b, c, d in labs)
        + "</table><h3>三、检查结论</h3><p>心理测评提示重度抑郁、明显焦虑及睡眠质量很差；"
        "甲状腺功能及血常规、血糖未见明显异常，可排除甲状腺功能异常所致情绪障碍。"
        "结合临床，符合重度抑郁发作表现。</p>"
        + "</div>"
        + '<div class="sigblock" style="margin-top:2mm">'
        + '<div class="sig" style="left:0;top:12mm">报告医师：<span class="hand">李晓燕</span>'
        '&nbsp;&nbsp;&nbsp;&nbsp;审核医师：<span class="hand">王立新</span></div>'
        + '<div class="sig" style="left:0;top:24mm">报告日期：2026年08月12日</div>'
        + f'<img class="seal" src="{report_seal_png}" style="left:112mm;top:0;transform:rotate(7deg)">'
        + "</div>"
        + '<div class="foot">本报告仅对所检样本负责。如有疑问请于七日内与检验科联系。第 3 页 / 共 3 页</div>'
    )
    return pdf_page("江州市第一人民医院 诊断证明书及病历资料", [page1, page2, page3])


def complaint_letter():
    b = BORROWER
    demands = [
        "立即对本人名下借款办理<b>停息挂账</b>，冻结一切利息、罚息及违约金，剩余本金分60期无息偿还；",
        "<b>减免利息</b>、罚息、逾期违约金、担保费、会员费等全部费用，并退还已多收取的利息及费用共计人民币6,842.50元；",
        "立即<b>停止催收</b>，停止一切形式的电话、短信、上门及第三方催收，不得联系本人家人、同事及通讯录联系人；",
        "对本人个人信用报告中的逾期记录进行<b>征信修复</b>，向中国人民银行征信中心报送更正信息；",
        "在收到本投诉信之日起七个工作日内，向委托代理人出具书面处理意见。",
    ]
    cn = "一二三四五"
    dem_html = "".join(
        f'<p style="text-indent:0;padding-left:2em"><b>{cn[i]}、</b>{d}</p>' for i, d in enumerate(demands)
    )
    p1 = f"""
<h1 style="letter-spacing:12pt;margin-top:2mm">投诉信</h1>
<p style="text-indent:0;margin-top:5mm"><b>{LENDER}：</b></p>
<table class="kv" style="margin:2mm 0 3mm 0">
<tr><td class="k">投诉人</td><td>{b['name']}（借款人）&nbsp;&nbsp;身份证号：{b['id']}</td></tr>
<tr><td class="k">委托代理人</td><td>{AGENT_FIRM}&nbsp;&nbsp;经办人：张伟&nbsp;&nbsp;电话：138****6620</td></tr>
<tr><td class="k">借款合同</td><td>合同编号 AH-XF-2024-03-1178652，借款本金人民币58,000.00元，36期</td></tr>
<tr><td class="k">投诉事项</td><td>停息挂账、减免利息、停止催收、征信修复</td></tr>
</table>
<h3>事实与理由：</h3>
<p>本人{b['name']}于2024年3月通过贵司APP申请个人消费贷款人民币58,000元，此前一直按时还款，信用良好。
2025年下半年起，本人因单位裁员失去稳定收入，后又突发重大疾病（重度抑郁发作，详见江州市第一人民医院出具的《诊断证明书》），
医嘱需休息三个月，家庭经济陷入严重困难，客观上已丧失还款能力，并非恶意逃废债务。</p>
<p>逾期后，贵司及贵司委托的第三方催收人员多次在非工作时间拨打本人电话，并联系本人家人、同事及通讯录联系人，
言语中带有威胁、恐吓成分，严重影响本人及家人的正常生活和身心健康，已涉嫌<b>暴力催收</b>。
上述行为违反了《中华人民共和国民法典》《中华人民共和国消费者权益保护法》《中华人民共和国个人信息保护法》
以及《银行业金融机构消费者权益保护实施办法》等相关规定。</p>
<p>同时，贵司在放贷过程中未充分披露实际年化利率，通过收取会员费、担保费等方式变相提高综合融资成本，
综合年化利率超过国家规定的上限，侵害了金融消费者的知情权和公平交易权。</p>
<h3>投诉请求：</h3>
{dem_html}
"""
    p2 = f"""
<p>本人已签署<b>授权委托书</b>，全权委托{AGENT_FIRM}作为本人的<b>委托代理人</b>，
代表本人处理与贵司之间的协商、投诉及相关一切事宜。请贵司直接与委托代理人联系，<b>勿再联系本人及家属</b>，
否则视为继续实施暴力催收。</p>
<p>如贵司在七个工作日内未予书面答复或拒绝本人的合理诉求，本人及委托代理人将依法向国家金融监督管理总局（12378）、
中国人民银行（12363）、地方金融管理局、中国互联网金融协会、消费者协会及新闻媒体进行投诉和反映，
并保留通过诉讼途径维护自身合法权益的权利，由此产生的一切后果由贵司承担。</p>
<p>望贵司本着实事求是、以人为本的原则，体谅本人的实际困难，尽快妥善处理为盼。</p>
<h3>附件：</h3>
<p style="text-indent:0;padding-left:2em">1. 授权委托书（原件扫描件）1份<br>
2. 江州市第一人民医院《诊断证明书》1份<br>
3. 催收通话录音1份<br>
4. 投诉人身份证复印件1份</p>
<div style="margin-top:16mm;padding-left:95mm;line-height:2.3">
投诉人（签字）：<span class="hand">{b['name']}</span><br>
委托代理人：{AGENT_FIRM}<br>
日期：2026年08月15日</div>
<div class="foot">本投诉信一式三份，分别提交被投诉人、国家金融监督管理总局江州监管分局及委托代理人留存。</div>
"""
    return pdf_page("投诉信", [p1, p2])


def institution_authorization(seal_png):
    """The lender authorises its own staff member to report the gang to the police (报案授权委托书)."""
    page1 = f"""
<h1 style="letter-spacing:8pt;margin-top:6mm">授权委托书</h1>
<div class="no">编号：AH-FW-SQ-2026-0419</div><hr>
<table class="kv" style="margin:3mm 0 4mm 0">
<tr><td class="k">委托单位</td><td>{LENDER}</td></tr>
<tr><td class="k">信用代码</td><td>91330100MA2CF4Q81X</td></tr>
<tr><td class="k">法定代表人</td><td>何振东（董事长）</td></tr>
<tr><td class="k">住　　所</td><td>江州市南湖区金融大道88号安衡大厦21层</td></tr>
<tr><td class="k">受 托 人</td><td>张建国（消费者权益保护部组长）&nbsp;&nbsp;工号：AH-07341</td></tr>
<tr><td class="k">联系电话</td><td>400-000-9555 转 7341</td></tr>
</table>
<p>现委托上述受托人作为本单位的代理人，就江州优信商务咨询有限公司等机构及人员以借款人名义批量提交模板化投诉、
代办并使用伪造的医院诊断证明与村委会贫困证明、收取“维权”会员费、教唆借款人停止还款等涉嫌违法犯罪的行为，
代表本单位向公安机关报案。</p>
<h3>委托权限：</h3>
<p style="text-indent:0;padding-left:2em">一、代表本单位向公安机关提交报案书、证据材料清单及相关证据；<br>
二、代表本单位接受公安机关询问，说明情况，补充提供证据材料；<br>
三、代为签收受案回执、立案或不予立案通知书等法律文书；<br>
四、代表本单位就不予立案决定申请复议。</p>
<p>受托人在上述权限内所作出的行为，本单位均予以承认。受托人无权转委托。</p>
<p>委托期限：自2026年07月01日起至2027年06月30日止。</p>
<div style="position:relative;height:60mm;margin-top:14mm">
<div class="sig" style="left:88mm;top:4mm">委托单位（盖章）：{LENDER}</div>
<div class="sig" style="left:88mm;top:16mm">法定代表人（签字）：<span class="hand">何振东</span></div>
<div class="sig" style="left:88mm;top:30mm">受托人（签字）：<span class="hand">张建国</span></div>
<div class="sig" style="left:88mm;top:42mm">日期：2026年07月01日</div>
<img class="seal" src="{seal_png}" style="left:104mm;top:-8mm;transform:rotate(-6deg)">
</div>
<div class="foot">本授权委托书一式两份，委托单位及受托人各执一份；向公安机关报案时随报案材料提交原件。</div>
"""
    return pdf_page("授权委托书（报案）", [page1])
