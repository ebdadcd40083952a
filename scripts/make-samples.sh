#!/usr/bin/env bash
# Produce the synthetic sample evidence files in public/samples/.
#
#   npm run samples        (or: bash scripts/make-samples.sh)
#
# Re-runnable; every name, institution and number in the output is fictitious.
# Images and PDFs are rendered from HTML (scripts/samples/*.py) with headless
# Chromium, speech is synthesised with espeak-ng and assembled with sox.
# Needs: chromium, fonts-noto-cjk, fonts-arphic-uming, fonts-arphic-ukai,
# fonts-wqy-microhei, espeak-ng, sox, imagemagick, poppler-utils,
# python3 (standard library only). Missing Debian packages are installed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HELPERS="$ROOT/scripts/samples"
OUT="$ROOT/public/samples"
GEN=(python3 "$HELPERS/gen.py")

# Fixed environment so reruns give the same bytes.
export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1786784400 PYTHONDONTWRITEBYTECODE=1

log() { printf '[samples] %s\n' "$*" >&2; }

# --------------------------------------------------------------------------
# Dependencies
# --------------------------------------------------------------------------
APT_UPDATED=0
need_pkg() { # need_pkg <test-command...> -- <debian packages...>
  local test=() pkgs=()
  while [[ $# -gt 0 && $1 != -- ]]; do test+=("$1"); shift; done
  shift
  pkgs=("$@")
  if ! "${test[@]}" >/dev/null 2>&1; then
    log "installing ${pkgs[*]}"
    if [[ $APT_UPDATED -eq 0 ]]; then
      DEBIAN_FRONTEND=noninteractive apt-get update
      APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${pkgs[@]}"
  fi
}
need_pkg test -x /usr/bin/chromium -- chromium
need_pkg sh -c 'fc-list :lang=zh family | grep -q "Noto Sans CJK SC"' -- fonts-noto-cjk
# TrueType CJK fonts: Chromium's PDF backend embeds these as real (subset) fonts
need_pkg test -f /usr/share/fonts/truetype/arphic/uming.ttc -- fonts-arphic-uming
need_pkg test -f /usr/share/fonts/truetype/arphic/ukai.ttc -- fonts-arphic-ukai
need_pkg test -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc -- fonts-wqy-microhei
need_pkg command -v espeak-ng -- espeak-ng
need_pkg command -v sox -- sox
need_pkg command -v soxi -- sox
need_pkg command -v convert -- imagemagick
need_pkg command -v pdftotext -- poppler-utils
need_pkg command -v pdfinfo -- poppler-utils
need_pkg command -v sha256sum -- coreutils
command -v python3 >/dev/null || need_pkg command -v python3 -- python3

CHROMIUM=/usr/bin/chromium

WORK="$(mktemp -d -t jz-samples.XXXXXX)"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

mkdir -p "$OUT"

# --------------------------------------------------------------------------
# Chromium helpers
# --------------------------------------------------------------------------
chrome() { # chrome <args...>  (fresh profile every call, no network chatter)
  local profile
  profile="$(mktemp -d "$WORK/profile.XXXXXX")"
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --disable-extensions --disable-default-apps --hide-scrollbars \
    --force-device-scale-factor=1 --font-render-hinting=none \
    --user-data-dir="$profile" "$@" >>"$WORK/chromium.log" 2>&1 || {
      log "chromium failed; log follows"; tail -n 40 "$WORK/chromium.log" >&2; return 1; }
  rm -rf "$profile"
}

shot() { # shot <html> <png> <width> <height> [extra chromium args]
  local html=$1 png=$2 w=$3 h=$4; shift 4
  rm -f "$png"
  chrome --window-size="$w,$h" --screenshot="$png" "$@" "file://$html"
  [[ -s $png ]] || { log "no screenshot for $html"; exit 1; }
}

pdf() { # pdf <html> <pdf>
  local html=$1 out=$2
  rm -f "$out"
  chrome --no-pdf-header-footer --print-to-pdf="$out" "file://$html"
  [[ -s $out ]] || { log "no pdf for $html"; exit 1; }
  "${GEN[@]}" fixpdf "$out"
}

# --------------------------------------------------------------------------
# 1. HTML sources
# --------------------------------------------------------------------------
log "writing HTML sources"
"${GEN[@]}" html "$WORK"

# --------------------------------------------------------------------------
# 2. Images
# --------------------------------------------------------------------------
for name in cert-diagnosis-a cert-diagnosis-b-altered-seal cert-poverty-a \
            cert-poverty-b-altered cert-income-genuine power-of-attorney; do
  log "rendering $name.png"
  shot "$WORK/$name.html" "$WORK/$name.png" 900 1200
  # strip any ancillary chunks so the file only depends on the pixels
  convert "$WORK/$name.png" -strip -define png:exclude-chunks=date,time \
    -define png:compression-level=9 "$OUT/$name.png"
done

log "re-encoding cert-diagnosis-a-rescan.jpg"
convert "$OUT/cert-diagnosis-a.png" -resize 85% -sampling-factor 4:2:0 \
  -quality 80 -strip "$OUT/cert-diagnosis-a-rescan.jpg"

# --------------------------------------------------------------------------
# 3. PDFs (selectable text)
# --------------------------------------------------------------------------
log "rendering seal images for the PDFs"
shot "$WORK/seal-hospital.html" "$WORK/seal-hospital.png" 300 300 --default-background-color=00000000
shot "$WORK/seal-report.html" "$WORK/seal-report.png" 300 300 --default-background-color=00000000
shot "$WORK/seal-lender.html" "$WORK/seal-lender.png" 300 300 --default-background-color=00000000

log "printing report-diagnosis.pdf"
pdf "$WORK/report-diagnosis.html" "$OUT/report-diagnosis.pdf"
log "printing complaint-letter.pdf"
pdf "$WORK/complaint-letter.html" "$OUT/complaint-letter.pdf"
log "printing institution-authorization.pdf"
pdf "$WORK/institution-authorization.html" "$OUT/institution-authorization.pdf"

for f in report-diagnosis complaint-letter institution-authorization; do
  txt="$(pdftotext -enc UTF-8 "$OUT/$f.pdf" - | tr -d ' \n')"
  case $f in
    report-diagnosis) want=(诊断证明书 江州市第一人民医院 门诊病历 检查报告) ;;
    complaint-letter) want=(投诉信 停息挂账 减免利息 停止催收 征信修复 委托代理人 授权委托书) ;;
    institution-authorization) want=(授权委托书 安衡消费金融有限公司 张建国 公安机关报案) ;;
  esac
  for w in "${want[@]}"; do
    grep -q "$w" <<<"$txt" || { log "$f.pdf: text '$w' not found by pdftotext"; exit 1; }
  done
done
[[ "$(pdfinfo "$OUT/report-diagnosis.pdf" | awk '/^Pages:/{print $2}')" == 3 ]] \
  || { log "report-diagnosis.pdf must have 3 pages"; exit 1; }

# --------------------------------------------------------------------------
# 4. Call recording (espeak-ng Mandarin, 16 kHz mono) and its transcript
# --------------------------------------------------------------------------
log "synthesising call-recording.wav"
"${GEN[@]}" dialogue "$WORK"
read -r LEAD GAP <"$WORK/dialogue.gaps"
SOX=(sox -R -D -V1)
"${SOX[@]}" -n -r 16000 -c 1 -b 16 "$WORK/lead.wav" trim 0 "$LEAD"
"${SOX[@]}" -n -r 16000 -c 1 -b 16 "$WORK/gap.wav" trim 0 "$GAP"
parts=("$WORK/lead.wav")
: >"$WORK/durations.txt"
first=1
while IFS=$'\t' read -r idx spk voice pitch speed amp text; do
  espeak-ng -v "$voice" -p "$pitch" -s "$speed" -a "$amp" -w "$WORK/raw$idx.wav" -- "$text"
  # trim espeak's leading/trailing silence, resample to 16 kHz mono 16-bit
  "${SOX[@]}" "$WORK/raw$idx.wav" -r 16000 -c 1 -b 16 "$WORK/seg$idx.wav" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
  soxi -D "$WORK/seg$idx.wav" >>"$WORK/durations.txt"
  [[ $first -eq 1 ]] || parts+=("$WORK/gap.wav")
  first=0
  parts+=("$WORK/seg$idx.wav")
done <"$WORK/dialogue.tsv"
# concatenate, then a telephone band-pass and peak normalisation (length unchanged)
"${SOX[@]}" "${parts[@]}" "$WORK/joined.wav"
"${SOX[@]}" "$WORK/joined.wav" -r 16000 -c 1 -b 16 "$OUT/call-recording.wav" \
  sinc 300-3400 norm -1
"${GEN[@]}" transcript "$WORK" "$OUT/call-recording.transcript.json"

# --------------------------------------------------------------------------
# 5. WeChat chat export
# --------------------------------------------------------------------------
log "writing wechat-chat.txt / .json"
"${GEN[@]}" chat "$OUT"

# --------------------------------------------------------------------------
# 6. README and manifest (sizes and hashes measured last)
# --------------------------------------------------------------------------
cat >"$OUT/README.md" <<'EOF'
# Sample evidence files

Synthetic demo files for the Jianzheng (鉴证) workbench, produced by `npm run samples`
(`scripts/make-samples.sh`, with the HTML templates, chat and dialogue text in `scripts/samples/`).
All names, institutions, seals, ID numbers, phone numbers, accounts and events are fictitious;
any resemblance to real persons or organisations is coincidental.

`manifest.json` lists every file with its kind, MIME type, size, SHA-256, a Chinese title and
description, whether it stands for forged material, and a `reuseGroup` shared by files that are
the same document (e.g. `cert-diagnosis-a.png` and its re-encoded copy `cert-diagnosis-a-rescan.jpg`).
The transcript timings in `call-recording.transcript.json` are measured from the generated audio.
EOF

log "computing manifest.json"
: >"$WORK/hashes.tsv"
while read -r f; do
  [[ -f "$OUT/$f" ]] || { log "missing $OUT/$f"; exit 1; }
  size=$(stat -c %s "$OUT/$f")
  sha=$(sha256sum "$OUT/$f" | cut -d' ' -f1)
  pages="" dur=""
  case $f in
    *.pdf) pages=$(pdfinfo "$OUT/$f" | awk '/^Pages:/{print $2}') ;;
    *.wav) dur=$(soxi -D "$OUT/$f") ;;
  esac
  printf '%s\t%s\t%s\t%s\t%s\n' "$f" "$size" "$sha" "$pages" "$dur" >>"$WORK/hashes.tsv"
done < <("${GEN[@]}" files)
"${GEN[@]}" manifest "$OUT" "$WORK/hashes.tsv"
log "adding perceptual hashes (dHash) to manifest.json"
(cd "$ROOT" && npx tsx scripts/samples/phash.ts >/dev/null)

total=$(du -cb "$OUT" | tail -n1 | cut -f1)
log "done: $(ls "$OUT" | wc -l) files, $total bytes in $OUT"
