"""Builds public/fonts/report-cjk.ttf: the font embedded in exported 报案书 PDFs.

Source: WenQuanYi Micro Hei (文泉驿微米黑; dual-licensed, we use it under the Apache License 2.0;
Debian package fonts-wqy-microhei), face 0 of the TTC. It has TrueType (glyf) outlines, which pdf-lib +
fontkit subset reliably (the CFF-based Noto CJK is riskier), and unlike Droid Sans Fallback it has
Latin letters and digits too.
We keep ASCII, Latin-1, general and CJK punctuation, full-width forms and every GB2312 character
(6,763 hanzi: what names, addresses and facts in a report use), so the shipped file stays small
while the PDF embeds only the glyphs a report actually uses.
Usage: python3 scripts/fonts/make-report-font.py [source.ttf]   (needs `pip install fonttools`)
"""
import sys
from pathlib import Path
from fontTools import subset

SRC = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
OUT = Path(__file__).resolve().parents[2] / 'public' / 'fonts' / 'report-cjk.ttf'

chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(ord(bytes([hi, lo]).decode('gb2312')))
        except UnicodeDecodeError:
            pass

options = subset.Options()
options.layout_features = []
options.name_IDs = ['*']
options.notdef_outline = True
options.hinting = False
options.font_number = 0
font = subset.load_font(SRC, options)
sub = subset.Subsetter(options)
sub.populate(unicodes=sorted(chars))
sub.subset(font)
font['name'].setName('JianzhengReport CJK', 1, 3, 1, 0x409)
OUT.parent.mkdir(parents=True, exist_ok=True)
subset.save_font(font, str(OUT), options)
print(f'{OUT}: {OUT.stat().st_size} bytes, {len(chars)} code points')
