"""Reading each format into an article, and every kind of bad file refused with a clear message."""

from __future__ import annotations

import random
import socket
from pathlib import Path

import pytest

from briefing_app.domain.dates import PartialDate
from briefing_app.ingest.encodings import decode_bytes
from briefing_app.ingest.readers import (
    MAX_BYTES,
    ImportCancelled,
    ImportProblem,
    ReadArticle,
    detect_format,
    read_article,
)
from tests.helpers.articles import (
    long_page,
    markdown_article,
    pdf_article,
    saved_page,
    text_article,
    write,
)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading never touches the network: any attempt fails the test."""

    def refuse(*_args: object, **_kw: object) -> None:
        raise AssertionError("an import tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _furniture(article: ReadArticle) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for span in article.furniture:
        out.setdefault(span.kind, []).append(article.text[span.start : span.end])
    return out


# -- formats -------------------------------------------------------------------------
def test_saved_page_keeps_visible_text_and_marks_everything_but_the_article(
    tmp_path: Path,
) -> None:
    article = read_article(write(tmp_path / "nato.html", saved_page()))
    assert article.format == "html"
    body = article.body
    assert body.startswith("NATO invites Finland")
    assert "NATO leaders formally invited Finland and Sweden" in body
    assert body.rstrip().endswith("the most significant threat.")
    # Escaped markup in the page is text, never markup; scripts and iframes give nothing.
    assert "the text of the <b>declaration</b> would be published" in article.text
    for never in (
        "document.write",
        "Injected by a script",
        "alert",
        "tracking",
        "ads.example",
        "Hidden teaser",
        "p { color",
    ):
        assert never not in article.text
    kinds = _furniture(article)
    assert any("Home" in t for t in kinds["navigation"])
    assert any("Most read" in t for t in kinds["sidebar"])
    assert any("Great news" in t for t in kinds["comments"])
    assert any("All rights reserved" in t for t in kinds["footer"])
    assert any("Leaders pose in Madrid" in t for t in kinds["caption"])
    for span in article.furniture:  # furniture never cuts into the article's paragraphs
        assert "formally invited" not in article.text[span.start : span.end]


def test_saved_page_metadata_comes_from_its_meta_tags(tmp_path: Path) -> None:
    meta = read_article(write(tmp_path / "nato.html", saved_page())).metadata
    assert meta.title == "NATO invites Finland"
    assert meta.outlet == "Example News"
    assert meta.author == "Jane Doe"
    assert meta.published == PartialDate.parse("2022-06-30")
    assert meta.language == "en"
    assert meta.url == "https://news.example.org/world/nato-invites"


def test_page_without_meta_tags_takes_dateline_and_byline(tmp_path: Path) -> None:
    html = (
        "<html><body><h1>Spain hosts talks</h1><p>By Ana Pérez, Reuters</p>"
        "<p>MADRID, June 30 (Reuters) - Spain will host a meeting of defence ministers on "
        "1 July, the ministry announced on Tuesday, as Madrid steps up its push for a "
        "European air defence shield for the whole continent.</p>"
        "<p>The meeting was first proposed in April and confirmed during summit preparations, "
        "officials said on Wednesday in a statement to the press.</p></body></html>"
    )
    meta = read_article(write(tmp_path / "spain-talks.htm", html)).metadata
    assert meta.title == "Spain hosts talks"
    assert meta.outlet == "Reuters"
    assert meta.author == "Ana Pérez"


def test_a_page_without_a_title_takes_the_file_name_and_keeps_its_language(
    tmp_path: Path,
) -> None:
    html = (
        '<html lang="fr"><body><p>Les dirigeants européens se sont réunis à Bruxelles le '
        "jeudi 6 mars pour adopter un plan de défense commun, a annoncé la présidente de la "
        "Commission dans un communiqué publié après la réunion.</p><p>Le plan sera examiné "
        "lors du sommet de juin, selon les responsables qui ont participé aux discussions "
        "avec les ministres.</p></body></html>"
    )
    meta = read_article(write(tmp_path / "sommet-de-bruxelles.html", html)).metadata
    assert meta.title == "sommet de bruxelles"
    assert meta.language == "fr"


def test_markdown_keeps_its_text_verbatim_with_front_matter_as_metadata(tmp_path: Path) -> None:
    source = markdown_article()
    article = read_article(write(tmp_path / "fund.md", source))
    assert article.format == "markdown"
    assert article.text == source
    assert article.metadata.title == "EU leaders agree on a defence fund"
    assert article.metadata.outlet == "Example Weekly"
    assert article.metadata.published == PartialDate.parse("2024-03-22")
    assert article.metadata.url == "https://weekly.example.org/defence-fund"
    assert article.metadata.author == "Ana García"
    assert _furniture(article)["metadata"][0].startswith("---\ntitle:")
    assert article.body.startswith("# EU leaders agree")


def test_text_file_uses_the_seed_rules_and_its_header(tmp_path: Path) -> None:
    source = text_article()
    article = read_article(write(tmp_path / "ammunition.txt", source))
    assert article.format == "text"
    assert article.text == source
    assert article.body_start == 0
    assert article.metadata.title == "Ministers back ammunition plan after Brussels talks"
    assert article.metadata.published == PartialDate.parse("2024-03-06")
    marked = "".join(source[f.start : f.end] for f in article.furniture)
    assert "Published 6 March 2024" in marked and marked.endswith("BRUSSELS —")


def test_pdf_text_layer_is_read_into_paragraphs(qapp: object, tmp_path: Path) -> None:
    article = read_article(pdf_article(tmp_path / "plan.pdf"))
    assert article.format == "pdf"
    assert (
        "European Union leaders agreed on Thursday to spend more on defence together, after a "
        "summit that ran late into the night in Brussels." in article.text
    )
    kinds = _furniture(article)
    assert kinds["header"] == ["Example Times — Europe", "Example Times — Europe"]
    assert [t.split()[0] for t in kinds["footer"]] == ["https://times.example.org/plan"] * 2
    assert article.metadata.title == "Leaders agree defence plan"
    assert article.metadata.outlet == "Reuters"
    assert article.metadata.url == "https://times.example.org/plan"


def test_a_running_line_at_the_foot_of_a_page_is_a_footer_even_when_it_is_also_the_head() -> None:
    from briefing_app.ingest.pdf_article import _split_running

    lines = ["Example Times", "The leaders met.", "They agreed.", "Page 1", "Example Times"]
    header, body, footer = _split_running(lines, {"Example Times", "Page #"})
    assert header == ["Example Times"]
    assert body == ["The leaders met.", "They agreed."]
    assert footer == ["Page 1", "Example Times"]


def test_a_latin1_text_is_detected_and_noted(tmp_path: Path) -> None:
    text = (
        "La défense européenne\n\nLes ministres se sont réunis mardi à Bruxelles pour discuter "
        "de la Facilité européenne pour la paix, a déclaré un porte-parole.\n"
    )
    article = read_article(write(tmp_path / "fr.txt", text.encode("cp1252")))
    assert article.text == text
    assert article.encoding == "cp1252"
    assert any("not UTF-8" in note for note in article.notes)
    assert article.metadata.language == "fr"


def test_a_utf16_text_file_is_read_not_refused_as_binary(tmp_path: Path) -> None:
    for name, data in (
        ("notepad.txt", text_article().encode("utf-16")),  # with a byte-order mark
        ("bare.txt", text_article().encode("utf-16-le")),
    ):
        article = read_article(write(tmp_path / name, data))
        assert article.text == text_article(), name
        assert article.encoding == "utf-16-le", name


def test_byte_order_marks_decide_and_are_not_text() -> None:
    assert decode_bytes("\ufeffHello there".encode("utf-8")).text == "Hello there"
    assert decode_bytes("Hello there".encode("utf-16")).text == "Hello there"


def test_format_is_decided_by_content_before_the_name(tmp_path: Path) -> None:
    assert detect_format(tmp_path / "x.txt", b"<!DOCTYPE html><html>") == "html"
    assert detect_format(tmp_path / "x.bin", b"%PDF-1.7\n") == "pdf"
    assert detect_format(tmp_path / "x.md", b"# Title\n") == "markdown"
    assert detect_format(tmp_path / "x", b"Plain words\n") == "text"


def test_same_bytes_same_hash_whatever_the_name(tmp_path: Path) -> None:
    a = read_article(write(tmp_path / "a.txt", text_article()))
    b = read_article(write(tmp_path / "b.txt", text_article()))
    assert a.content_hash == b.content_hash
    assert len(a.content_hash) == 64


def test_cancelling_stops_the_read(tmp_path: Path) -> None:
    with pytest.raises(ImportCancelled):
        read_article(write(tmp_path / "a.txt", text_article()), cancelled=lambda: True)


def test_a_five_thousand_word_page_is_read_whole(tmp_path: Path) -> None:
    """How long it takes is measured by ``main.py bench``."""
    path = write(tmp_path / "long.html", long_page(5000))
    article = read_article(path)
    assert len(article.body.split()) >= 5000


# -- bad input -------------------------------------------------------------------------
def _refused(path: Path) -> str:
    with pytest.raises(ImportProblem) as info:
        read_article(path)
    return str(info.value)


def test_empty_file(tmp_path: Path) -> None:
    assert "empty" in _refused(write(tmp_path / "empty.txt", b""))
    assert "no words" in _refused(write(tmp_path / "blank.txt", "   \n\n\t\n"))


def test_binary_file(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096))
    assert "binary file" in _refused(write(tmp_path / "noise.txt", data))
    message = _refused(write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n" + data))
    assert "PNG image" in message
    assert "ZIP archive" in _refused(write(tmp_path / "doc.docx", b"PK\x03\x04" + data))


def test_control_characters_are_not_text(tmp_path: Path) -> None:
    rng = random.Random(3)
    data = bytes(rng.choice([1, 2, 3, 4, 5, 65, 66, 32]) for _ in range(2000))
    assert "control characters" in _refused(write(tmp_path / "ctl.txt", data))


def test_unknown_encoding(tmp_path: Path) -> None:
    ebcdic = "The council met on Thursday and agreed on a plan for years.".encode("cp500")
    message = _refused(write(tmp_path / "mainframe.txt", ebcdic))
    assert "not UTF-8" in message and "save it as UTF-8" in message
    rng = random.Random(5)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    assert "not UTF-8" in _refused(write(tmp_path / "noise.txt", noise))
    assert "not UTF-8" in _refused(write(tmp_path / "same.txt", b"\xa5" * 3000))


def test_truncated_files(qapp: object, tmp_path: Path) -> None:
    cut_utf8 = "Défense européenne — ".encode()[:-2]
    assert "cut short" in _refused(write(tmp_path / "cut.txt", cut_utf8))
    page = saved_page().encode()
    assert "cut short" in _refused(write(tmp_path / "cut.html", page[: len(page) // 2]))
    pdf = pdf_article(tmp_path / "whole.pdf").read_bytes()
    assert "cut short" in _refused(write(tmp_path / "cut.pdf", pdf[: len(pdf) // 2]))


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written
    message = _refused(path)
    assert "50.0 MB" in message and f"{MAX_BYTES // 1_048_576} MB" in message


def test_html_that_is_not_well_formed_is_read_when_it_has_an_article(tmp_path: Path) -> None:
    html = (
        "<html><body><div><p>Leaders met in Brussels on Thursday and agreed a plan for "
        "joint purchases of ammunition, <b>officials said after <i>the talks</p></div>"
        "<p>The plan will be reviewed at the summit in June, a spokesman added later."
        "</span></td></body></html>"
    )
    article = read_article(write(tmp_path / "broken.html", html))
    assert "Leaders met in Brussels on Thursday" in article.text
    assert any("not well formed" in note for note in article.notes)


def test_html_with_no_article_is_refused(tmp_path: Path) -> None:
    html = "<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>"
    assert "No article text" in _refused(write(tmp_path / "empty.html", html))
    junk = "<<<>>><<html<<body>>>></</</>>"
    assert "No article text" in _refused(write(tmp_path / "junk.html", junk))


def test_pdf_without_text_layer(qapp: object, tmp_path: Path) -> None:
    message = _refused(pdf_article(tmp_path / "scan.pdf", with_text=False))
    assert "no text layer" in message and "OCR" in message


def test_missing_and_unreadable_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "no file at" in _refused(tmp_path / "gone.txt")
    assert "is a folder" in _refused(tmp_path)
    locked = write(tmp_path / "locked.txt", text_article())

    def denied(_self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(locked))

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert "permission denied" in _refused(locked)


def test_a_page_saved_as_one_mhtml_file_is_read_from_its_html_part(tmp_path: Path) -> None:
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    message = MIMEMultipart("related")
    message["Subject"] = "NATO invites Finland"
    message.attach(MIMEText(saved_page(), "html", "utf-8"))
    article = read_article(write(tmp_path / "nato.mhtml", message.as_bytes()))
    assert article.format == "html"
    assert "NATO leaders formally invited Finland and Sweden" in article.body
    assert article.metadata.outlet == "Example News"


# -- the publication date, read from the text or the page ------------------------------------
_BODY = (
    "The Council approved the Strategic Compass, a plan of action for the security and "
    "defence of the Union over the coming decade, after months of talks.\n"
)


_BODY_DE = (
    "Der Rat hat den Strategischen Kompass gebilligt, einen Aktionsplan für die Sicherheit und "
    "die Verteidigung der Union in den kommenden zehn Jahren, nach langen Gesprächen.\n"
)
_BODY_IT = (
    "Il Consiglio europeo approva la Bussola strategica, che fornisce gli orientamenti per il "
    "prossimo decennio nel settore della sicurezza e della difesa dell'Unione.\n"
)


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("21 March 2022", "2022-03-21"),
        ("February 25, 2022 at 12:18 p.m.", "2022-02-25"),
        ("11.07.2023 21:13", "2023-07-11"),
        ("date 2022-03 Bruxelles, 25 marzo (LaPresse)", "2022-03-25"),
        ("Mittwoch, 27. Mai 2009. Es gilt das gesprochene Wort.", "2009-05-27"),
        ("date 2023-06", "2023-06"),
    ],
)
def test_the_publication_date_is_read_from_a_dateline(
    tmp_path: Path, stamp: str, published: str
) -> None:
    body = _BODY_IT if "LaPresse" in stamp else _BODY_DE if "Mai" in stamp else _BODY
    text = f"Council approves Strategic Compass\n\n{stamp}\n\n{body}"
    article = read_article(write(tmp_path / "a.txt", text.encode()))
    assert article.metadata.published == PartialDate.parse(published)


def test_a_web_page_gives_its_publication_date_in_json_ld(tmp_path: Path) -> None:
    page = saved_page().replace(
        '<meta property="article:published_time" content="2022-06-30T09:12:00Z">',
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
        '[{"@type": "NewsArticle", "datePublished": "2022-06-29T18:00:00+02:00"}]}</script>',
    )
    article = read_article(write(tmp_path / "p.html", page))
    assert article.metadata.published == PartialDate.parse("2022-06-29")
