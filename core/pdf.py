"""PDFs from HTML: the one adapter in front of WeasyPrint.

Badges, badge batches, certificates, jury reports and the demo's decks all go
through here. Documents load nothing from files or the network (only inline
``data:`` URLs, such as the QR codes' SVG), so text a visitor typed cannot make
the renderer read a server file. WeasyPrint is imported on first use: a web
worker that never renders a PDF does not pay for it.
"""

from collections.abc import Iterable, Sequence


def url_fetcher():
    """A WeasyPrint URL fetcher that only accepts inline data."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


def font_configuration():
    """One font configuration shared by the documents of a batch (fonts are looked up once)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _stylesheets(extra_css: Sequence[str], fetcher, font_config):
    from weasyprint import CSS

    return [CSS(string=css, url_fetcher=fetcher, font_config=font_config) for css in extra_css if css.strip()]


def pdf_document(html: str, *, extra_css: Sequence[str] = (), font_config=None):
    """The laid-out document (pages that can be joined with others' into one PDF)."""
    from weasyprint import HTML

    fetcher = url_fetcher()
    return HTML(string=html, url_fetcher=fetcher).render(
        font_config=font_config, stylesheets=_stylesheets(extra_css, fetcher, font_config)
    )


def pdf_render(html: str, *, extra_css: Sequence[str] = ()) -> bytes:
    """One HTML document as PDF bytes; ``extra_css`` are applied as style sheets, never pasted in."""
    return pdf_document(html, extra_css=extra_css).write_pdf()


def pdf_join(documents: Iterable) -> bytes:
    """Documents from `pdf_document`, one after the other, as one PDF."""
    documents = list(documents)
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()
