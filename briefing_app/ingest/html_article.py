"""An article from a web page saved by a browser: its visible text, body and metadata.

The stored text is the page's *visible* text (scripts, styles, iframes,
comments and hidden elements dropped; never interpreted, only read), laid out
one block per line. trafilatura, a maintained main-content extractor, decides
which of those lines are the article; every other line is kept and marked as
furniture (navigation, sidebar, comments, footer...), as for the seed texts,
so the reader can dim it and offsets stay honest. Nothing is ever fetched:
the page is parsed from the bytes on disk and no URL is followed.
"""

from __future__ import annotations

import bisect
import copy
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import lxml.etree
import lxml.html

if TYPE_CHECKING:
    import trafilatura

from briefing_app.ingest.dates import LANGUAGES, detect_language
from briefing_app.ingest.furniture import FurnitureSpan
from briefing_app.ingest.metadata import (
    ArticleMetadata,
    ExtractedArticle,
    find_byline,
    find_dateline,
    parse_published,
)
from briefing_app.ingest.problems import ImportProblem

__all__ = ["declared_charset", "read_html"]


def _tags(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


_SKIP = _tags(
    "script style noscript template iframe frame frameset object embed svg math canvas video "
    "audio source track map head title meta link base select option datalist input textarea "
    "button"
)
_BLOCKS = _tags(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav "
    "ol p pre section summary table tbody thead tfoot tr td th ul caption legend"
)
_TIGHT = _tags("li dt dd tr")
"""Blocks laid out on consecutive lines (list items, table rows), not as paragraphs."""
_REGION_TAGS = {
    "nav": "navigation",
    "aside": "sidebar",
    "figcaption": "caption",
    "form": "navigation",
}
_REGION_WORDS = {
    "comment": "comments",
    "comments": "comments",
    "share": "navigation",
    "social": "navigation",
    "related": "sidebar",
    "newsletter": "subscription",
    "subscribe": "subscription",
    "paywall": "subscription",
    "promo": "promo",
    "advert": "promo",
    "ad": "promo",
    "ads": "promo",
    "cookie": "navigation",
    "breadcrumb": "navigation",
    "breadcrumbs": "navigation",
    "menu": "navigation",
    "sidebar": "sidebar",
    "footer": "footer",
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)|\burl:\s*(https?://\S+)", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)
_MIN_ALIGNED = 0.6
"""Share of the extracted article that must be found in the page's visible text."""


@dataclass
class _Line:
    text: str
    region: str | None
    tight: bool
    heading: bool
    start: int = 0
    end: int = 0


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its top, if any."""
    match = _CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


# -- the page's visible text ---------------------------------------------------------
def _region_of(el: lxml.html.HtmlElement, inherited: str | None) -> str | None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _REGION_TAGS:
        return _REGION_TAGS[tag]
    if tag == "footer":
        return "footer"
    if tag == "header" and el.getparent() is not None:
        inside = any(a.tag in ("article", "main") for a in el.iterancestors())
        if not inside:
            return "navigation"
    names = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}".lower()
    for token in re.split(r"[\s_\-]+", names):
        if token in _REGION_WORDS:
            return _REGION_WORDS[token]
    if el.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return "navigation"
    return inherited


def _hidden(el: lxml.html.HtmlElement) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style", "")))


class _TextBuilder:
    """Walks the tree and lays its visible text out one block per line."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self._buffer: list[str] = []
        self._region: str | None = None
        self._tight = False
        self._heading = False

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._buffer)).strip()
        self._buffer = []
        if text:
            self.lines.append(_Line(text, self._region, self._tight, self._heading))

    def walk(self, el: lxml.html.HtmlElement, region: str | None, pre: bool = False) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP or _hidden(el):
            return  # comments, processing instructions, scripts...; the tail is the caller's
        block = tag in _BLOCKS or tag == "br"
        region = _region_of(el, region)
        if block:
            self.flush()
            self._region, self._tight = region, tag in _TIGHT
            self._heading = tag in ("h1", "h2", "h3")
        if tag == "br":
            self._tight = True
            return
        if el.text:
            self._buffer.append(el.text)
        for child in el:
            self.walk(child, region, pre or tag == "pre")
            if child.tail:
                if isinstance(child.tag, str) and (child.tag in _BLOCKS or child.tag == "br"):
                    self._region, self._tight = region, child.tag in ("br", *_TIGHT)
                    self._heading = False
                self._buffer.append(child.tail)
        if block:
            self.flush()
            self._region, self._tight, self._heading = region, False, False


def _layout(lines: list[_Line]) -> str:
    parts: list[str] = []
    pos = 0
    for i, line in enumerate(lines):
        if i:
            sep = "\n" if line.tight else "\n\n"
            parts.append(sep)
            pos += len(sep)
        line.start, line.end = pos, pos + len(line.text)
        parts.append(line.text)
        pos = line.end
    return "".join(parts)


# -- which lines are the article -----------------------------------------------------
def _find_words(text: str, words: list[str], start: int) -> tuple[int, int] | None:
    pattern = r"[\W_]+".join(re.escape(w) for w in words)
    match = re.compile(pattern).search(text, start)
    if not match:
        return None
    end = match.end()
    while end < len(text) and not text[end].isspace():
        end += 1  # closing punctuation belongs to the paragraph
    return match.start(), end


def _align(text: str, article: str) -> tuple[list[tuple[int, int]], float]:
    """Spans of ``text`` holding each line of the extracted ``article``, in order,
    and the share of the article's words found."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    found = total = 0
    for line in article.splitlines():
        words = _WORD.findall(line)
        if not words:
            continue
        total += len(words)
        span = _find_words(text, words, cursor)
        if span is None:
            continue
        spans.append(span)
        found += len(words)
        cursor = span[1]
    return spans, (found / total if total else 0.0)


def _furniture(
    lines: list[_Line], body: list[tuple[int, int]], headline_at: int | None
) -> tuple[list[FurnitureSpan], int, int]:
    first = body[0][0] if headline_at is None else min(headline_at, body[0][0])
    last = body[-1][1]
    spans: list[FurnitureSpan] = []
    body_ends = [b for _a, b in body]  # body spans come in order and do not overlap
    last_added = -2
    for i, line in enumerate(lines):
        k = bisect.bisect_right(body_ends, line.start)  # the first body span ending after it
        if (k < len(body) and body[k][0] < line.end) or line.start == headline_at:
            continue
        under_headline = headline_at is not None and headline_at < line.start < body[0][0]
        if under_headline and line.region in (None, "navigation"):
            kind = "byline"
        elif line.region:
            kind = line.region
        elif line.end <= first:
            kind = "navigation"
        elif line.start >= last:
            kind = "footer"
        else:
            kind = "sidebar"
        # Lines of one kind merge when no other line (of the body, say) comes between.
        if spans and spans[-1].kind == kind and last_added == i - 1:
            spans[-1] = FurnitureSpan(spans[-1].start, line.end, kind)
        else:
            spans.append(FurnitureSpan(line.start, line.end, kind))
        last_added = i
    return spans, first, last


# -- metadata -----------------------------------------------------------------------
def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            found.setdefault("canonical", el.get("href", "").strip())
    for el in tree.iter("time"):
        if el.get("datetime") and el.get("itemprop", "").lower() in ("datepublished", ""):
            found.setdefault("time", el.get("datetime", "").strip())
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() == "application/ld+json" and el.text:
            published = _json_ld_published(el.text)
            if published:
                found.setdefault("datepublished", published)
    lang = tree.get("lang") or tree.get("xml:lang")
    if lang:
        found["lang"] = lang
    return found


def _json_ld_published(source: str) -> str | None:
    """``datePublished`` of a JSON-LD block (an object, a list or an ``@graph``)."""
    import json

    try:
        data = json.loads(source)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack += item
        elif isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value.strip()
            stack += [v for v in item.values() if isinstance(v, list | dict)]
    return None


def _first(values: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        if values.get(key):
            return values[key]
    return None


def _saved_from(html: str) -> str | None:
    """The address a browser or SingleFile wrote into the saved page, if any."""
    for comment in re.findall(r"<!--(.*?)-->", html[:8192], re.DOTALL):
        match = _SAVED_FROM.search(comment)
        if match:
            return match.group(1) or match.group(2)
    return None


def _clean_title(title: str, site: str | None) -> str:
    if site:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if title.endswith(sep + site):
                return title[: -len(sep + site)].strip()
    return title.strip()


def _metadata(
    tree: lxml.html.HtmlElement, html: str, doc: trafilatura.settings.Document | None, body: str
) -> ArticleMetadata:
    meta = _meta(tree)
    site = _first(meta, "og:site_name", "application-name") or (doc.sitename if doc else None)
    title = _first(meta, "og:title", "twitter:title") or (doc.title if doc else None)
    if not title:
        heading = tree.find(".//h1")
        title = heading.text_content() if heading is not None else tree.findtext(".//title")
    published = None
    for key in (
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publish-date",
        "dc.date.issued",
        "dc.date",
        "parsely-pub-date",
        "sailthru.date",
        "time",
    ):
        published = parse_published(meta.get(key))
        if published:
            break
    if published is None and doc is not None and doc.date:
        published = parse_published(doc.date)
    author = _first(meta, "author", "article:author", "dc.creator") or (doc.author if doc else None)
    if author and author.startswith(("http://", "https://")):
        author = None
    dateline = find_dateline(body)
    url = _first(meta, "canonical", "og:url") or (doc.url if doc else None) or _saved_from(html)
    outlet = site or (dateline.agency if dateline and dateline.agency else None)
    if not outlet and doc is not None and doc.hostname:
        outlet = doc.hostname.removeprefix("www.")
    lang = (meta.get("lang") or meta.get("og:locale") or "")[:2].lower()
    return ArticleMetadata(
        title=_clean_title(re.sub(r"\s+", " ", title or ""), site),
        outlet=outlet or "",
        author=author or find_byline(body),
        published=published,
        language=lang if lang in LANGUAGES else detect_language(body),
        url=url,
    )


# -- the whole ----------------------------------------------------------------------
def _parse(html: str) -> tuple[lxml.html.HtmlElement, int]:
    """The page's tree and how many errors the parser had to repair."""
    parser = lxml.html.HTMLParser(recover=True, remove_comments=False, no_network=True)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ImportProblem(
            f"The HTML file could not be read as a web page ({exc}). Open it in a browser; "
            "if it shows the article, save it again with Save Page As, or copy the text "
            "into a .txt file and import that."
        ) from exc
    return tree, len(parser.error_log)


def _extract(tree: lxml.html.HtmlElement) -> trafilatura.settings.Document | None:
    import trafilatura  # loaded on first use: 160 ms that start-up need not pay

    return trafilatura.bare_extraction(
        copy.deepcopy(tree),
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _headline_line(lines: list[_Line], title: str, before: int) -> int | None:
    key = re.sub(r"\W+", " ", title).strip().lower()
    for line in lines:
        if line.start >= before:
            break
        words = re.sub(r"\W+", " ", line.text).strip().lower()
        if key and (words == key or (line.heading and key in words)):
            return line.start
    return None


def read_html(html: str) -> ExtractedArticle:
    """The visible text of ``html``, its article extent, furniture and metadata.

    Raises ImportProblem for a page with no article text.
    """
    if not html.strip():
        raise ImportProblem("The HTML file is empty: there is nothing to import.")
    tree, repaired = _parse(html)
    builder = _TextBuilder()
    body_el = tree.find("body")
    builder.walk(body_el if body_el is not None else tree, None)
    builder.flush()
    lines = builder.lines
    text = _layout(lines)
    notes: list[str] = []
    if repaired:
        notes.append(
            f"the HTML was not well formed ({repaired} fault(s) repaired while reading): "
            "check the text in the reader"
        )
    doc = _extract(tree)
    article = (doc.text or "") if doc is not None else ""
    if not _WORD.search(text) or not _WORD.search(article):
        raise ImportProblem(
            "No article text was found in this web page: it may be an index page, a login "
            "or cookie wall, or a page that writes its text with scripts. Open the article "
            "in a browser and save it again once it shows, or copy its text into a .txt file."
        )
    spans, share = _align(text, article)
    metadata = _metadata(tree, html, doc, article)
    if share < _MIN_ALIGNED or not spans:
        notes.append(
            "the page's layout could not be matched with its article, so only the article "
            "text was kept (without the page around it)"
        )
        return ExtractedArticle(article, 0, len(article), [], metadata, notes)
    headline = _headline_line(lines, metadata.title, spans[0][0])
    furniture, first, last = _furniture(lines, spans, headline)
    return ExtractedArticle(text, first, last, furniture, metadata, notes)
