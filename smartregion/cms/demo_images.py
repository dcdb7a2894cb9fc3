"""Generated pictures for the demo content: calm, abstract flat compositions
drawn with Pillow. They need no photo rights and no network, and the same
title always gives the same picture.

Only the demo seed uses this module; real sites upload real pictures.
"""

import functools
import hashlib
import math
import random
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images.models import Image

WIDE = (1200, 675)
SQUARE = (400, 400)

# Shapes are drawn at this multiple of the final size and scaled down, which
# gives smooth edges without an anti-aliasing renderer.
SUPERSAMPLE = 2

# Five colours per palette: light background, soft, medium, dark, accent.
PALETTES = {
    "rhein": ("#e3edf3", "#a9cadb", "#4f8fb3", "#2c5d73", "#f2c14e"),
    "eifel": ("#eef2e6", "#b9cf9f", "#74905a", "#3a5a40", "#e9b949"),
    "mosel": ("#f5efe4", "#e2cba6", "#a7b58c", "#5b8257", "#d9825b"),
    "abend": ("#eeeaf3", "#c8bddc", "#8274ad", "#48496a", "#f2a25f"),
    "schiefer": ("#eceff1", "#c5ced6", "#7c8d9c", "#3e4c59", "#e07a5f"),
}


def ensure_image(title: str, description: str, motif: str, palette: str, size: tuple[int, int] = WIDE) -> Image:
    """Return the image called `title`, drawing and saving it if no image of
    that title exists. `description` becomes the alt text; an existing image
    is returned unchanged, whatever editors did to it."""
    image = Image.objects.filter(title=title).first()
    if image is not None:
        return image
    data = render_png(motif, palette, seed=title, size=size)
    image = Image(
        title=title,
        description=description,
        file=ImageFile(BytesIO(data), name=f"{slugify(title)}.png"),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),  # what Wagtail stores to find duplicates
    )
    image.save()
    return image


# Drawing is pure, so repeated seeds in one process (the tests) reuse it.
@functools.lru_cache(maxsize=64)
def render_png(motif: str, palette: str, *, seed: str, size: tuple[int, int] = WIDE) -> bytes:
    """Draw `motif` ("hills", "network", "dialogue", "gathering", "cards",
    "podium", "document" or "portrait") and return PNG bytes. The same
    arguments always give the same bytes."""
    colours = PALETTES[palette]
    rng = random.Random(seed)
    width, height = size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE
    canvas = PillowImage.new("RGB", (width, height), colours[0])
    MOTIFS[motif](ImageDraw.Draw(canvas), rng, colours, width, height)
    canvas = canvas.resize(size, PillowImage.Resampling.LANCZOS)
    # A small palette keeps the files at a few kilobytes; the octree keeps
    # the accent colours true where median cut would grey them.
    canvas = canvas.quantize(colors=64, method=PillowImage.Quantize.FASTOCTREE, dither=PillowImage.Dither.NONE)
    buffer = BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _gradient(draw, top: str, bottom: str, width: int, height: int, until: float = 1.0):
    """Fill the upper `until` share of the canvas with a vertical gradient."""
    top_rgb, bottom_rgb = _rgb(top), _rgb(bottom)
    rows = int(height * until)
    for y in range(rows):
        share = y / max(rows - 1, 1)
        colour = tuple(round(a + (b - a) * share) for a, b in zip(top_rgb, bottom_rgb, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _wave(rng, width: int, base: float, amplitude: float) -> list[tuple[float, float]]:
    """Points of a gentle ridge line from left to right."""
    phase_a, phase_b = rng.uniform(0, math.tau), rng.uniform(0, math.tau)
    freq_a, freq_b = rng.uniform(1.0, 2.0), rng.uniform(2.5, 4.0)
    points = []
    for step in range(0, 65):
        x = width * step / 64
        t = step / 64 * math.tau
        y = base + amplitude * (0.7 * math.sin(freq_a * t + phase_a) + 0.3 * math.sin(freq_b * t + phase_b))
        points.append((x, y))
    return points


def _hills(draw, rng, colours, width, height):
    _gradient(draw, colours[0], colours[1], width, height, until=0.75)
    sun_x, sun_y, sun_r = width * rng.uniform(0.6, 0.85), height * rng.uniform(0.18, 0.32), height * 0.11
    draw.ellipse([sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r], fill=colours[4])
    for layer, colour in enumerate((colours[1], colours[2], colours[3])):
        base = height * (0.5 + 0.14 * layer)
        ridge = _wave(rng, width, base, height * (0.07 - 0.015 * layer))
        draw.polygon([(0, height), *ridge, (width, height)], fill=colour)
    # A river that widens towards the viewer, winding through the front hills.
    left_bank, right_bank = [], []
    bend = rng.uniform(0, math.tau)
    for step in range(0, 33):
        share = step / 32
        y = height * (0.7 + 0.3 * share)
        centre = width * (0.42 + 0.1 * math.sin(bend + share * 4.5) + 0.12 * share)
        half = width * (0.004 + 0.05 * share**1.5)
        left_bank.append((centre - half, y))
        right_bank.append((centre + half, y))
    draw.polygon(left_bank + right_bank[::-1], fill=colours[1])


def _network(draw, rng, colours, width, height):
    _gradient(draw, colours[0], colours[1], width, height)
    nodes = []
    columns, rows = 6, 3
    for column in range(columns):
        for row in range(rows):
            x = width * (column + 0.5 + rng.uniform(-0.3, 0.3)) / columns
            y = height * (row + 0.5 + rng.uniform(-0.3, 0.3)) / rows
            nodes.append((x, y))
    line_width = max(int(height * 0.008), 2)
    for x, y in nodes:
        nearest = sorted(nodes, key=lambda other: (other[0] - x) ** 2 + (other[1] - y) ** 2)[1:3]
        for other in nearest:
            draw.line([(x, y), other], fill=colours[2], width=line_width)
    for index, (x, y) in enumerate(nodes):
        radius = height * rng.uniform(0.025, 0.05)
        fill = colours[4] if index % 5 == 0 else colours[3]
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill, outline=colours[0], width=line_width)


def _bubble(draw, box, fill, tail_left: bool, bar_colour, rng):
    x0, y0, x1, y1 = box
    radius = (y1 - y0) * 0.25
    draw.rounded_rectangle(box, radius=radius, fill=fill)
    tail_x = x0 + (x1 - x0) * (0.2 if tail_left else 0.8)
    draw.polygon([(tail_x - radius * 0.6, y1 - 1), (tail_x + radius * 0.6, y1 - 1), (tail_x, y1 + radius)], fill=fill)
    # Lines of "text", drawn as bars: the picture needs no words.
    bar_height = (y1 - y0) * 0.12
    for line in range(3):
        top = y0 + (y1 - y0) * (0.25 + 0.22 * line)
        right = x1 - (x1 - x0) * (0.12 + rng.uniform(0, 0.3))
        draw.rounded_rectangle(
            [x0 + (x1 - x0) * 0.12, top, right, top + bar_height], radius=bar_height / 2, fill=bar_colour
        )


def _dialogue(draw, rng, colours, width, height):
    _gradient(draw, colours[0], colours[1], width, height)
    boxes = [
        (0.06, 0.1, 0.46, 0.4, colours[2], True),
        (0.52, 0.2, 0.94, 0.5, colours[3], False),
        (0.14, 0.56, 0.54, 0.84, colours[4], True),
        (0.6, 0.62, 0.9, 0.86, colours[2], False),
    ]
    for left, top, right, bottom, fill, tail_left in boxes:
        jitter = rng.uniform(-0.02, 0.02)
        box = (width * (left + jitter), height * top, width * (right + jitter), height * bottom)
        _bubble(draw, box, fill, tail_left, colours[0], rng)


def _person(draw, x, y, scale, colour):
    """A head and shoulders, centred on the head at (x, y)."""
    head = scale * 0.5
    draw.ellipse([x - head, y - head, x + head, y + head], fill=colour)
    draw.chord([x - scale, y + head * 1.2, x + scale, y + head * 1.2 + scale * 2.2], 180, 360, fill=colour)


def _gathering(draw, rng, colours, width, height):
    _gradient(draw, colours[0], colours[1], width, height)
    centre_x, centre_y = width / 2, height * 0.72
    count = rng.randint(7, 9)
    for index in range(count):
        angle = math.pi * (1.08 + 0.84 * index / (count - 1))
        x = centre_x + math.cos(angle) * width * 0.36
        y = centre_y + math.sin(angle) * height * 0.48
        colour = colours[4] if index == count // 2 else colours[2 + index % 2]
        _person(draw, x, y, height * 0.09, colour)
    draw.ellipse(
        [centre_x - width * 0.27, centre_y - height * 0.1, centre_x + width * 0.27, centre_y + height * 0.12],
        fill=colours[3],
    )


def _cards(draw, rng, colours, width, height):
    _gradient(draw, colours[0], colours[1], width, height)
    card_w, card_h = width * 0.14, height * 0.2
    highlight = rng.randrange(12)
    for index in range(12):
        column, row = index % 4, index // 4
        x = width * (0.12 + 0.2 * column) + rng.uniform(-0.02, 0.02) * width
        y = height * (0.12 + 0.27 * row) + rng.uniform(-0.02, 0.02) * height
        fill = colours[2 + index % 2] if index != highlight else colours[4]
        draw.rounded_rectangle([x, y, x + card_w, y + card_h], radius=card_h * 0.1, fill=fill)
        pin = card_h * 0.07
        draw.ellipse([x + card_w / 2 - pin, y + pin, x + card_w / 2 + pin, y + 3 * pin], fill=colours[0])
        if index == highlight:
            glow = card_h * 0.28
            cx, cy = x + card_w / 2, y + card_h * 0.58
            draw.ellipse([cx - glow, cy - glow, cx + glow, cy + glow], fill=colours[0])


def _podium(draw, rng, colours, width, height):
    _gradient(draw, colours[0], colours[1], width, height)
    floor = height * 0.88
    draw.rectangle([0, floor, width, height], fill=colours[3])
    for index, share in enumerate((0.42, 0.6, 0.32)):
        left = width * (0.2 + 0.21 * index)
        top = floor - height * share
        draw.rectangle([left, top, left + width * 0.18, floor], fill=colours[2] if index != 1 else colours[3])
        radius = height * 0.075
        cx = left + width * 0.09
        draw.ellipse([cx - radius, top - 2.4 * radius, cx + radius, top - 0.4 * radius], fill=colours[4])
    for _ in range(14):
        x, y, r = rng.uniform(0, width), rng.uniform(0, height * 0.3), height * rng.uniform(0.006, 0.014)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colours[4])


def _document(draw, rng, colours, width, height):
    _gradient(draw, colours[0], colours[1], width, height)
    page_w, page_h = width * 0.3, height * 0.72
    left, top = width * 0.3, height * 0.14
    for offset, fill in ((0.05, colours[2]), (0.025, colours[1]), (0.0, "#ffffff")):
        dx, dy = width * offset, height * offset
        draw.rounded_rectangle([left + dx, top + dy, left + dx + page_w, top + dy + page_h], radius=12, fill=fill)
    bar = page_h * 0.035
    for line in range(9):
        y = top + page_h * (0.12 + 0.085 * line)
        right = left + page_w * (0.88 - (0.35 if line % 4 == 3 else rng.uniform(0, 0.12)))
        draw.rounded_rectangle([left + page_w * 0.12, y, right, y + bar], radius=bar / 2, fill=colours[1])
    cx, cy, radius = width * 0.7, height * 0.66, height * 0.17
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=colours[4])
    tick = [(cx - radius * 0.45, cy), (cx - radius * 0.1, cy + radius * 0.35), (cx + radius * 0.5, cy - radius * 0.35)]
    draw.line(tick, fill="#ffffff", width=int(radius * 0.18), joint="curve")


def _portrait(draw, rng, colours, width, height):
    _gradient(draw, colours[0], colours[1], width, height)
    _person(draw, width / 2, height * 0.4, width * 0.34, colours[3])


MOTIFS = {
    "hills": _hills,
    "network": _network,
    "dialogue": _dialogue,
    "gathering": _gathering,
    "cards": _cards,
    "podium": _podium,
    "document": _document,
    "portrait": _portrait,
}
