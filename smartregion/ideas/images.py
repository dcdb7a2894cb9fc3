"""The image of an idea: checked by its content, then drawn anew.

An upload is accepted when Pillow reads it as JPEG, PNG or WebP (whatever
its name says), it is at most MAX_BYTES large and has at most MAX_PIXELS
pixels. What is stored is never the uploaded file: a new image is built
from the pixel data alone (after turning it upright as its EXIF orientation
says), at most MAX_EDGE pixels wide and high, so that EXIF with GPS
position, camera serial numbers, comments and colour-profile tricks stay
behind.
"""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_EDGE = 1600
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
JPEG_QUALITY = 85
# Where an uploaded image waits between the form and the final submit (the
# preview step); tasks.delete_stale_uploads clears what was abandoned.
TMP_DIR = "ideas/tmp"

# What Pillow raises on files that only pretend to be images.
_BROKEN = (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError, EOFError)

NOT_AN_IMAGE = _("Die Datei ist kein Bild im Format JPEG, PNG oder WebP. Bitte wählen Sie ein anderes Bild.")
TOO_LARGE = _("Das Bild ist zu groß (höchstens 8 MB). Bitte verkleinern Sie es oder wählen Sie ein anderes.")
TOO_MANY_PIXELS = _("Das Bild hat zu viele Bildpunkte (höchstens 40 Megapixel). Bitte verkleinern Sie es.")


def check_image(upload) -> str:
    """Verify `upload` (a file object with `size`) and return its format
    ("JPEG", "PNG" or "WEBP"). Raises ValidationError with a message for
    the person otherwise. Leaves the file at position 0."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            if image_format not in ACCEPTED_FORMATS:
                raise ValidationError(NOT_AN_IMAGE, code="format")
            if width * height > MAX_PIXELS:
                raise ValidationError(TOO_MANY_PIXELS, code="pixels")
            image.verify()
    except _BROKEN as error:
        raise ValidationError(NOT_AN_IMAGE, code="broken") from error
    finally:
        upload.seek(0)
    return image_format


def _has_alpha(image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def reencode(upload) -> ContentFile:
    """Check `upload` (check_image) and return a clean copy as a
    ContentFile named `<random>.<ext>`: JPEG for pictures without
    transparency, PNG (or WebP, if the upload was WebP) for those with it.
    Raises ValidationError like check_image."""
    source_format = check_image(upload)
    try:
        with Image.open(upload) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
            transparent = _has_alpha(upright)
            upright = upright.convert("RGBA" if transparent else "RGB")
            upright.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
            # Only the pixels travel on: no info dict, no EXIF, no ICC, no
            # text chunks.
            clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    except _BROKEN as error:
        raise ValidationError(NOT_AN_IMAGE, code="broken") from error
    finally:
        upload.seek(0)

    buffer = io.BytesIO()
    if not transparent:
        clean.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
        extension = "jpg"
    elif source_format == "WEBP":
        clean.save(buffer, "WEBP", quality=JPEG_QUALITY)
        extension = "webp"
    else:
        clean.save(buffer, "PNG", optimize=True)
        extension = "png"
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")
