"""The image check and re-encoding of ideas/images.py."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from smartregion.ideas import images

from .imagefiles import GPS_IFD, jpeg_bytes, png_bytes, upload


def reopened(content_file):
    return Image.open(io.BytesIO(content_file.read()))


def test_a_jpeg_with_gps_comes_back_without_any_exif():
    original = jpeg_bytes()
    assert GPS_IFD in Image.open(io.BytesIO(original)).getexif()  # the test can fail

    clean = images.reencode(upload(original))

    image = reopened(clean)
    assert image.format == "JPEG"
    assert dict(image.getexif()) == {}
    assert "exif" not in image.info
    assert clean.name.endswith(".jpg")


def test_the_orientation_is_applied_before_the_exif_goes():
    # Orientation 6: the camera was turned, the picture is shown rotated.
    clean = images.reencode(upload(jpeg_bytes(size=(64, 48), orientation=6)))

    assert reopened(clean).size == (48, 64)


def test_a_large_image_is_bounded_to_1600_pixels():
    clean = images.reencode(upload(jpeg_bytes(size=(4000, 1000), gps=False)))

    assert reopened(clean).size == (1600, 400)


def test_a_transparent_png_stays_a_png_with_transparency():
    clean = images.reencode(upload(png_bytes(transparent=True), name="logo.png", content_type="image/png"))

    image = reopened(clean)
    assert image.format == "PNG"
    assert image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0


def test_an_opaque_png_becomes_a_jpeg():
    clean = images.reencode(upload(png_bytes(), name="karte.png", content_type="image/png"))

    assert reopened(clean).format == "JPEG"


def test_a_webp_is_accepted():
    buffer = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 255, 128)).save(buffer, "WEBP")

    clean = images.reencode(upload(buffer.getvalue(), name="bild.webp", content_type="image/webp"))

    assert reopened(clean).format == "WEBP"


def test_a_renamed_text_file_is_refused():
    fake = SimpleUploadedFile("urlaub.jpg", b"Das ist kein Bild, nur Text.\n" * 20, content_type="image/jpeg")

    with pytest.raises(ValidationError) as error:
        images.reencode(fake)

    assert "kein Bild" in error.value.messages[0]


def test_a_gif_is_refused_whatever_it_is_called():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")

    with pytest.raises(ValidationError):
        images.reencode(upload(buffer.getvalue(), name="bild.png", content_type="image/png"))


def test_a_truncated_jpeg_is_refused():
    content = jpeg_bytes(size=(300, 300))

    with pytest.raises(ValidationError):
        images.reencode(upload(content[: len(content) // 3]))


def test_a_file_over_8_mb_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 100)

    with pytest.raises(ValidationError) as error:
        images.check_image(upload(jpeg_bytes()))

    assert "8 MB" in error.value.messages[0]


def test_too_many_pixels_are_refused(monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 1000)

    with pytest.raises(ValidationError) as error:
        images.check_image(upload(jpeg_bytes(size=(100, 100), gps=False)))

    assert "Bildpunkte" in error.value.messages[0]
