#!/usr/bin/env python3
"""Helper for scripts/make-samples.sh (standard library only).

  gen.py html WORKDIR          write the HTML sources of images and PDFs
  gen.py chat OUTDIR           write wechat-chat.txt and wechat-chat.json
  gen.py dialogue WORKDIR      write dialogue.tsv (index, speaker, voice args, text)
  gen.py transcript WORKDIR OUT   build the transcript from measured segment durations
  gen.py fixpdf FILE...        pin the volatile metadata of Chromium PDFs
  gen.py manifest OUTDIR HASHFILE  write manifest.json
"""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import docs  # noqa: E402


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

def cmd_html(work):
    # seals as transparent PNGs (used inside the PDFs)
    write(os.path.join(work, "seal-hospital.html"), docs.seal_only_page(docs.hospital_seal("p1", 300), 300))
    write(os.path.join(work, "seal-report.html"), docs.seal_only_page(docs.hospital_report_seal("p3", 300), 300))
    write(os.path.join(work, "cert-diagnosis-a.html"), docs.diagnosis_cert(docs.DIAG_A, docs.hospital_seal()))
    write(
        os.path.join(work, "cert-diagnosis-b-altered-seal.html"),
        docs.diagnosis_cert(docs.DIAG_B, docs.hospital_seal_forged()),
    )
    write(os.path.join(work, "cert-poverty-a.html"), docs.poverty_cert(docs.POV_A, docs.village_seal()))
    write(
        os.path.join(work, "cert-poverty-b-altered.html"),
        docs.poverty_cert(docs.POV_B, docs.village_seal_forged()),
    )
    write(os.path.join(work, "cert-income-genuine.html"), docs.income_cert(docs.company_seal()))
    write(os.path.join(work, "power-of-attorney.html"), docs.power_of_attorney(docs.agent_seal()))
    write(
        os.path.join(work, "report-diagnosis.html"),
        docs.report_diagnosis("seal-hospital.png", "seal-report.png"),
    )
    write(os.path.join(work, "complaint-letter.html"), docs.complaint_letter())
    write(os.path.join(work, "seal-lender.html"), docs.seal_only_page(docs.lender_seal(), 300))
    write(os.path.join(work, "institution-authorization.html"), docs.institution_authorization("seal-lender.png"))


# ---------------------------------------------------------------------------
# WeChat chat export
# ---------------------------------------------------------------------------

ZHANG = "张经理(优信商务咨询)"
LI = "李助理(优信商务咨询)"
WANG = "王律师(优信法务部)"
CHEN = "陈志伟"

CHAT = [
    ("2026-08-03 20:41:12", ZHANG, "陈先生您好，我是优信的张经理，拉您进服务群了，后面您的事情都在群里对接。"),
    ("2026-08-03 20:41:40", LI, "陈先生好，我是您的专属助理小李，有资料需要准备的我会在群里通知您。"),
    ("2026-08-03 20:43:05", CHEN, "你好，我在安衡消费金融借了五万八，现在逾期两个多月了，天天被催，实在还不上。"),
    ("2026-08-03 20:44:31", ZHANG, "理解，这种情况我们每天处理几十单，停息挂账、减免利息都能帮您谈下来，维权不成功不收费。"),
    ("2026-08-03 20:45:10", ZHANG, "我们这边成功率98%，上个月刚帮一个客户减免了四万多利息。"),
    ("2026-08-03 20:47:22", CHEN, "那要怎么收费？"),
    ("2026-08-03 20:48:03", ZHANG, "先交会员费2980元，包含全流程代理：写投诉材料、对接客服、征信修复。谈下来以后再按减免金额收20%服务费。"),
    ("2026-08-03 20:48:40", LI, "会员费转到这个账户：江州优信商务咨询有限公司 工商银行 6222 **** **** 3391，转完把截图发群里。"),
    ("2026-08-03 21:02:18", CHEN, "[图片] 已经转了2980。"),
    ("2026-08-03 21:03:01", LI, "收到，已登记。陈先生明天把身份证正反面、借款合同截图、还款记录发我。"),
    ("2026-08-04 10:15:27", WANG, "陈先生您好，我是优信法务部王律师，您的案子由我负责，后面所有跟平台的沟通按我说的来。"),
    ("2026-08-04 10:16:02", WANG, "第一条：从今天起不要自己接电话，陌生号码一律不接，平台打来的电话由我们的人接。"),
    ("2026-08-04 10:16:45", WANG, "第二条：之前催收打给您的电话，把催收电话录音发我，有辱骂、威胁、爆通讯录的都算暴力催收证据。"),
    ("2026-08-04 10:19:30", CHEN, "手机自带录音，有三个，我一会儿发。有一个催收说要上门。"),
    ("2026-08-04 10:20:11", WANG, "上门那个最好，我们就按暴力催收投到银保监和12378，平台最怕这个。"),
    ("2026-08-04 10:58:44", CHEN, "[文件] 通话录音1.m4a [文件] 通话录音2.m4a [文件] 通话录音3.m4a"),
    ("2026-08-05 14:22:09", LI, "陈先生，授权委托书已经拟好了，您打印出来签字按手印，拍照发回来就行。[文件] 授权委托书.docx"),
    ("2026-08-05 19:37:50", CHEN, "[图片] 签好了。"),
    ("2026-08-05 19:39:13", ZHANG, "好的。光说没钱不够，要有证明材料，平台才会批停息挂账。您有没有生病住院过？"),
    ("2026-08-05 19:41:26", CHEN, "没住过院，就是最近睡不好，压力大。"),
    ("2026-08-05 19:42:58", ZHANG, "没关系，医院证明我们来办，抑郁症的诊断证明最好用，三甲医院的章，您不用去医院。另外加收材料费800。"),
    ("2026-08-05 19:44:10", CHEN, "这个不会有问题吧？"),
    ("2026-08-05 19:44:52", ZHANG, "放心，我们做了几百单了，平台不会去核实的。要是村里的贫困证明也要，一样可以办。"),
    ("2026-08-07 09:30:15", WANG, "我们帮你写投诉模板，您看一下，名字、借款金额我已经改好了，其他不要动。[文件] 投诉信_陈志伟.docx"),
    ("2026-08-07 09:31:40", WANG, "诉求就写四条：停息挂账、减免利息、停止催收、征信修复。原话照抄，不要自己加内容。"),
    ("2026-08-07 09:33:05", CHEN, "好的，那我需要自己打12378吗？"),
    ("2026-08-07 09:34:21", WANG, "不用，我们用自己的号码帮您打，平台回访也是我们接。您最好把手机卡寄过来，地址私聊发您。"),
    ("2026-08-12 16:08:37", LI, "陈先生，江州市第一人民医院的诊断证明已经办好了，重度抑郁，建议休息三个月。[图片] 诊断证明书.jpg"),
    ("2026-08-12 16:10:02", CHEN, "收到，谢谢。"),
    ("2026-08-14 11:25:48", ZHANG, "平台客服今天打过来了，我们说了是代理人，他们要求本人确认，我们已经顶回去了，明天正式寄投诉信。"),
    ("2026-08-14 11:27:13", ZHANG, "如果平台还不同意，我们就组织十几个客户一起去他们公司门口，再发到网上，给他们压力。"),
    ("2026-08-15 17:45:30", LI, "投诉信已经寄出并同步提交12378，回执单号发您了。这几天照样不要接电话，有情况群里说。"),
    ("2026-08-15 17:46:55", CHEN, "好的，辛苦了。"),
]


def cmd_chat(out):
    lines = [f"{t} {s}: {x}" for t, s, x in CHAT]
    write(os.path.join(out, "wechat-chat.txt"), "\n".join(lines) + "\n")
    js = [{"time": t.replace(" ", "T") + "+08:00", "sender": s, "text": x} for t, s, x in CHAT]
    write(os.path.join(out, "wechat-chat.json"), json.dumps(js, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------------------
# Call recording dialogue
# ---------------------------------------------------------------------------

# Debian's espeak-ng ships the small cmn dictionary, which turns hanzi into
# numbered pinyin; the plain "cmn" voice then reads that pinyin as English
# ("nin two").  "cmn-latn-pinyin" is the same Mandarin voice reading the pinyin
# as Mandarin, so that is the one used.
VOICES = {
    # speaker: espeak-ng voice+variant, pitch, speed (wpm), amplitude
    "客服": ("cmn-latn-pinyin+f3", 72, 235, 120),
    "代理人": ("cmn-latn-pinyin+m3", 26, 225, 150),
    "借款人": ("cmn-latn-pinyin+m1", 46, 190, 80),
}

DIALOGUE = [
    ("客服", "您好，这里是安衡消费金融客服中心，请问是陈志伟先生吗？"),
    ("代理人", "我不是本人，我是他的代理人，他的事情全部由我们公司处理。"),
    ("客服", "先生您好，为了保护客户信息，请问您和陈先生是什么关系？"),
    ("代理人", "我们有授权委托书。你们必须停息挂账，减免全部利息，否则我们去银保监投诉。"),
    ("客服", "我们理解您的诉求，但还款方案需要借款人本人确认，请陈先生亲自联系我们。"),
    ("代理人", "他生病了，医院的诊断证明已经发给你们了。再打电话就是暴力催收，我们全程录音。"),
    ("借款人", "喂，我就是想少还一点。"),
    ("代理人", "你别说话，我来说。"),
    ("客服", "陈先生，您可以直接和我们沟通，我们会依法合规为您提供帮助。"),
    ("代理人", "不用了，七天之内不给答复，我们就去一二三七八和人民银行投诉。"),
    ("客服", "好的，您的意见我们已经记录，感谢您的来电，再见。"),
]

LEAD_SILENCE = 0.4
GAP = 0.45


def cmd_dialogue(work):
    rows = []
    for i, (spk, text) in enumerate(DIALOGUE):
        v, p, s, a = VOICES[spk]
        rows.append(f"{i:02d}\t{spk}\t{v}\t{p}\t{s}\t{a}\t{text}")
    write(os.path.join(work, "dialogue.tsv"), "\n".join(rows) + "\n")
    write(os.path.join(work, "dialogue.gaps"), f"{LEAD_SILENCE} {GAP}\n")


def cmd_transcript(work, out):
    """durations.txt holds one measured duration (soxi -D) per segment."""
    with open(os.path.join(work, "durations.txt"), encoding="utf-8") as f:
        durs = [float(x) for x in f.read().split()]
    assert len(durs) == len(DIALOGUE), (len(durs), len(DIALOGUE))
    t = LEAD_SILENCE
    items = []
    for (spk, text), d in zip(DIALOGUE, durs):
        items.append({"start": round(t, 3), "end": round(t + d, 3), "speaker": spk, "text": text})
        t += d + GAP
    write(out, json.dumps(items, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------------------
# PDF metadata pinning
# ---------------------------------------------------------------------------

FIXED_DATE = b"20260815090000"


def cmd_fixpdf(paths):
    """Chromium (Skia) writes /CreationDate and /ModDate from the wall clock.
    Overwrite the 14 date digits in place with a fixed date; the byte length does
    not change, so the xref offsets stay valid. (The timezone suffix is stable
    because make-samples.sh runs with TZ=UTC.)"""
    pat = re.compile(rb"(/(?:CreationDate|ModDate) *\(D:)\d{14}")
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        new = pat.sub(lambda m: m.group(1) + FIXED_DATE, data)
        if new != data:
            with open(path, "wb") as f:
                f.write(new)


# ---------------------------------------------------------------------------
# manifest.json
# ---------------------------------------------------------------------------

META = [
    # file, kind, mime, title, description, forged, reuseGroup
    ("cert-diagnosis-a.png", "image", "image/png", "诊断证明书（陈志伟）",
     "江州市第一人民医院诊断证明书，诊断重度抑郁发作、建议休息三个月；由代理机构代办，同一张证明被多名借款人复用。",
     True, "diag-a"),
    ("cert-diagnosis-a-rescan.jpg", "image", "image/jpeg", "诊断证明书（复用件）",
     "与 cert-diagnosis-a.png 为同一份证明的重新编码缩放件（JPEG 质量80、缩放85%），以另一借款人名义提交，感知哈希应与原件匹配。",
     True, "diag-a"),
    ("cert-diagnosis-b-altered-seal.png", "image", "image/png", "诊断证明书（刘美华）",
     "同一模板、同一编号的诊断证明书，印章文字为“江州市第一人民医焥”，印文间距不匀、五角星偏移缩小，系伪造印章。",
     True, None),
    ("cert-poverty-a.png", "image", "image/png", "贫困证明（赵桂兰）",
     "青石县柳河镇柳河村村民委员会出具的贫困证明，称家庭人均纯收入低于低保标准、无力偿还借款。",
     False, None),
    ("cert-poverty-b-altered.png", "image", "image/png", "贫困证明（孙德胜）",
     "与贫困证明A同一模板、同一收入数字，印章文字误为“柳和村”，五角星偏小，系伪造印章。",
     True, None),
    ("cert-income-genuine.png", "image", "image/png", "收入证明（周晓明）",
     "江州恒达电子科技有限公司出具的收入证明，企业公章带编码，作为真实材料的对照样本。",
     False, None),
    ("report-diagnosis.pdf", "pdf", "application/pdf", "诊断证明及病历资料",
     "三页PDF：诊断证明书、门诊病历、检查报告，文字可检索，含医院诊断证明专用章与检验报告专用章图像。",
     False, None),
    ("complaint-letter.pdf", "pdf", "application/pdf", "投诉信（代理模板）",
     "以借款人名义、由委托代理人提交的模板化投诉信，诉求停息挂账、减免利息、停止催收、征信修复，附授权委托书。",
     False, None),
    ("power-of-attorney.png", "image", "image/png", "授权委托书",
     "借款人陈志伟授权江州优信商务咨询有限公司代为协商、投诉、接听电话及办理征信修复的授权委托书。",
     False, None),
    ("institution-authorization.pdf", "pdf", "application/pdf", "授权委托书（报案）",
     "安衡消费金融有限公司授权消费者权益保护部组长张建国代表本单位向公安机关报案、提交材料、接受询问并签收法律文书的授权委托书，文字可检索。",
     False, None),
    ("call-recording.wav", "audio", "audio/wav", "客服通话录音",
     "客服致电借款人，由自称代理人的第三方代接并要求停息挂账、威胁向监管投诉，借款人短暂插话被制止。",
     False, None),
    ("call-recording.transcript.json", "text", "application/json", "通话录音转写",
     "call-recording.wav 的逐句转写，含起止时间（秒）与说话人（客服/代理人/借款人）。",
     False, None),
    ("wechat-chat.txt", "chat", "text/plain", "微信群聊记录",
     "代理机构员工与借款人的微信群聊导出：收取会员费2980元、索要催收录音、代写投诉模板、代办医院证明、教唆不接电话。",
     False, None),
    ("wechat-chat.json", "chat", "application/json", "微信群聊记录（结构化）",
     "与 wechat-chat.txt 内容相同的结构化消息列表（时间、发送人、内容）。",
     False, None),
]


def cmd_manifest(out, hashfile):
    info = {}
    with open(hashfile, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            # file, size, sha256, pages, duration
            info[parts[0]] = parts[1:]
    items = []
    for file, kind, mime, title, desc, forged, group in META:
        size, sha, pages, dur = info[file]
        items.append({
            "file": file,
            "kind": kind,
            "mime": mime,
            "size": int(size),
            "sha256": sha,
            "title": title,
            "description": desc,
            "forged": forged,
            "reuseGroup": group,
            "pages": int(pages) if pages else None,
            "durationSec": round(float(dur), 3) if dur else None,
        })
    write(os.path.join(out, "manifest.json"), json.dumps(items, ensure_ascii=False, indent=2) + "\n")


def cmd_files():
    print("\n".join(m[0] for m in META))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {
        "html": lambda: cmd_html(*args),
        "chat": lambda: cmd_chat(*args),
        "dialogue": lambda: cmd_dialogue(*args),
        "transcript": lambda: cmd_transcript(*args),
        "fixpdf": lambda: cmd_fixpdf(args),
        "manifest": lambda: cmd_manifest(*args),
        "files": cmd_files,
    }[cmd]()
