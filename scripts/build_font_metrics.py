"""Build resources/fonts/times-metrics.json from the Liberation Serif fonts.

Liberation Serif has the same advance widths as Times New Roman (that is what
the font was made for), so this table lets the core measure text the way Word
and LibreOffice will, on any machine, without Qt and without a font file.

Run on a Debian machine with fonts-liberation2 and fonttools installed:
    python scripts/build_font_metrics.py
"""
from __future__ import annotations

import json
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
STYLES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}
RANGES = [
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x300, 0x323),
    (0x1EA0, 0x1EF9),
    (0x2010, 0x2027),
    (0x2030, 0x203A),
    (0x20AB, 0x20AC),
    (0x2116, 0x2116),
]
OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "times-metrics.json"


def main() -> None:
    table: dict[str, object] = {}
    units = None
    for style, filename in STYLES.items():
        font = TTFont(FONT_DIR / filename)
        units = font["head"].unitsPerEm
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        widths: dict[str, int] = {}
        for low, high in RANGES:
            for code in range(low, high + 1):
                glyph = cmap.get(code)
                if glyph is not None:
                    widths[f"{code:x}"] = hmtx[glyph][0]
        table[style] = widths
        table.setdefault("fallback", {})[style] = hmtx[cmap[ord("n")]][0]  # type: ignore[index]
        hhea = font["hhea"]
        # Single line spacing in Word and LibreOffice: ascender + descender + line gap.
        table.setdefault("line", {})[style] = hhea.ascent - hhea.descent + hhea.lineGap  # type: ignore[index]
    table["units_per_em"] = units
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(table, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
