"""PDFs of the plan sheet, made with WeasyPrint from the same template as the page.

WeasyPrint fetches nothing: the style sheet is inline in the template and the fetcher refuses
every address, so a link or image in the data can never make the server read a file or call
another host. Responses are ``no-store`` and carry a fixed file name with no personal data.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.http import HttpResponse


class FetchRefused(ValueError):
    """The PDF maker asked for an outside resource; it may not have one."""


def _refuse(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise FetchRefused("the PDF maker fetches nothing")


def render_pdf(html: str) -> bytes:
    """The PDF of one self-contained HTML document."""
    # Imported here: loading Pango takes a while, and no other page needs it.
    from weasyprint import HTML  # noqa: PLC0415

    pdf: bytes = HTML(string=html, url_fetcher=_refuse, base_url="/").write_pdf()
    return pdf


def pdf_response(content: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    """A PDF to download (or, with ``inline``, to open in the browser); never cached.
    ``filename`` is a fixed ASCII name chosen by the caller, never the person's data."""
    assert filename.isascii() and '"' not in filename and filename.endswith(".pdf")
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
