"""Image files for the upload tests, made with Pillow."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_bytes(size=(64, 48), color=(200, 40, 40), gps=True, orientation=None) -> bytes:
    """A JPEG whose EXIF holds a GPS position (and an orientation, if
    given)."""
    image = Image.new("RGB", size, color)
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (50.0, 19.0, 39.0), 3: "E", 4: (7.0, 13.0, 33.0)}
    if orientation:
        exif[ORIENTATION] = orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def png_bytes(size=(40, 30), transparent=False) -> bytes:
    image = Image.new("RGBA" if transparent else "RGB", size, (10, 120, 60, 0) if transparent else (10, 120, 60))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def upload(content: bytes, name="foto.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
