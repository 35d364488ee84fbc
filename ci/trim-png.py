"""Trims a screenshot to its page: crops the white below the last non-white pixel (keeping a
24 px margin) and saves it in 128 colours, which keep text and lines crisp at a third of the
bytes (docs/report.png is committed).

    python3 ci/trim-png.py SHOT.png

ci/report-png.sh runs it with Debian's Python and Pillow (python3-pil) on Chromium's shot.
"""

import sys

from PIL import Image, ImageChops


def trim(path: str) -> None:
    image = Image.open(path).convert("RGB")
    box = ImageChops.difference(image, Image.new("RGB", image.size, (255, 255, 255))).getbbox()
    if box:
        image = image.crop((0, 0, image.size[0], min(image.size[1], box[3] + 24)))
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


if __name__ == "__main__":
    trim(sys.argv[1])
