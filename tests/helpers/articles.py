"""Articles to import, written by the tests: a page saved from a browser, Markdown, text, PDFs."""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefing_app.storage.database import Database
from briefing_app.storage.repository import counts

ARTICLE_PARAGRAPHS = [
    "MADRID, June 30 (Reuters) - NATO leaders formally invited Finland and Sweden to join "
    "the alliance on Wednesday, after Turkey dropped its veto in a deal struck late on "
    "Tuesday in a four-hour meeting.",
    "The agreement came less than two months after the two Nordic countries applied on "
    "May 18, breaking with decades of military non-alignment prompted by Russia's invasion "
    "of Ukraine on Feb. 24.",
    "Secretary General Jens Stoltenberg told a news conference on Thursday that "
    "ratification by all 30 member parliaments could take up to a year. Ambassadors are "
    "due to sign the accession protocols next Tuesday.",
    "Officials said the text of the &lt;b&gt;declaration&lt;/b&gt; would be published "
    "in full, as the alliance's new Strategic Concept names Russia as the most significant "
    "threat.",
]


def saved_page(paragraphs: list[str] | None = None, title: str = "NATO invites Finland") -> str:
    """A page as a browser saves it: scripts, navigation, an iframe, a sidebar, comments."""
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or ARTICLE_PARAGRAPHS))
    return f"""<!DOCTYPE html>
<!-- saved from url=(0045)https://news.example.org/world/nato-invites -->
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Example News</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2022-06-30T09:12:00Z">
<link rel="canonical" href="https://news.example.org/world/nato-invites">
<style>p {{ color: black; }}</style>
<script>document.write("<p>Injected by a script on June 1, 2022</p>"); alert("x");</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/login">Log in</a></li></ul></nav>
<header><h1>{title}</h1><p class="byline">By Jane Doe</p></header>
<main><article>
{body}
<figure><img src="summit.jpg" alt="Leaders"><figcaption>Leaders pose in Madrid on June 29,
2022. REUTERS/Photographer</figcaption></figure>
<iframe src="https://ads.example.org/frame?date=2022-07-01"></iframe>
<div style="display:none">Hidden teaser from March 3, 2021</div>
</article></main>
<aside class="sidebar"><h2>Most read</h2><ul><li>Storm hits coast on July 2, 2022</li>
<li>Markets rally</li></ul></aside>
<section id="comments"><h3>Comments</h3>
<p>Great news, I hope they join by January 2023 at the latest, honestly!</p></section>
<footer><p>© 2022 Example News. All rights reserved.</p></footer>
<script>var tracking = {{"date": "2020-01-01"}};</script>
</body></html>
"""


def long_page(words: int = 5000) -> str:
    """A saved page whose article runs to about ``words`` words."""
    paragraphs: list[str] = []
    count = 0
    day = 1
    while count < words:
        para = (
            f"European Union defence ministers met in Brussels on March {day % 28 + 1}, 2024 "
            "and agreed to speed up deliveries of ammunition to Ukraine, officials said after "
            "the talks. The plan would pool orders from member states and give industry more "
            "certainty about demand over the coming years, diplomats added."
        )
        paragraphs.append(para)
        count += len(para.split())
        day += 1
    return saved_page(paragraphs, title="Ministers back ammunition plan")


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def markdown_article() -> str:
    return (
        "---\n"
        "title: EU leaders agree on a defence fund\n"
        "outlet: Example Weekly\n"
        "date: 2024-03-22\n"
        "url: https://weekly.example.org/defence-fund\n"
        "---\n\n"
        "# EU leaders agree on a defence fund\n\n"
        "By Ana García\n\n"
        "BRUSSELS — European Union leaders agreed on Thursday to set up a joint defence fund, "
        "after a summit that ran late into the night, **officials** said.\n\n"
        "The fund, first proposed by the Commission on 5 March 2024, would lend up to "
        "150 billion euros to member states for joint purchases of air defence.\n"
    )


def text_article() -> str:
    return (
        "Ministers back ammunition plan after Brussels talks\n\n"
        "Published 6 March 2024\n\n"
        "BRUSSELS — European Union defence ministers on Tuesday backed a plan to speed up "
        "ammunition deliveries to Ukraine, officials said, after two days of talks.\n\n"
        "The plan builds on the Act in Support of Ammunition Production adopted in July 2023, "
        "which set aside 500 million euros for producers across the bloc.\n"
    )


def pdf_article(path: Path, *, with_text: bool = True) -> Path:
    """A two-page PDF drawn with Qt: with a text layer, or one page that is only an image."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    if not with_text:
        image = QImage(400, 200, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter.drawImage(40, 40, image)
        painter.end()
        return path
    font = QFont("DejaVu Sans")
    font.setPointSize(11)
    painter.setFont(font)
    pages = [
        [
            "Leaders agree defence plan",
            "BRUSSELS, March 6 (Reuters) - European Union leaders agreed on Thursday to spend "
            "more on defence together, after a summit that ran late into the night in Brussels.",
            "The plan, first presented by the Commission on March 4, 2025, would let "
            "governments borrow up to 150 billion euros for joint purchases of air defence.",
        ],
        [
            "NATO allies will discuss the plan at their summit in The Hague in June, officials "
            "said. The alliance's secretary general welcomed the decision on Friday.",
        ],
    ]
    for i, paragraphs in enumerate(pages):
        if i:
            writer.newPage()
        painter.drawText(QRectF(40, 20, 500, 20), "Example Times — Europe")
        y = 60.0
        for para in paragraphs:
            box = QRectF(40, y, 400, 1000)
            used = painter.boundingRect(box, Qt.TextFlag.TextWordWrap, para)
            painter.drawText(box, Qt.TextFlag.TextWordWrap, para)
            y += used.height() + 12
        painter.drawText(QRectF(40, 800, 500, 20), f"https://times.example.org/plan  {i + 1}/2")
    painter.end()
    return path


def database_state(db: Database) -> tuple[dict[str, int], str]:
    """Row counts and a hash of every source, to tell that nothing changed."""
    from sqlalchemy import select

    from briefing_app.storage.models import FurnitureRow, SourceRow

    digest = hashlib.sha256()
    with db.session() as s:
        for file, text, title in s.execute(
            select(SourceRow.file, SourceRow.text, SourceRow.title).order_by(SourceRow.file)
        ):
            digest.update(f"{file}\0{title}\0{text}\0".encode())
        for start, end, kind in s.execute(
            select(FurnitureRow.start, FurnitureRow.end, FurnitureRow.kind).order_by(
                FurnitureRow.pk
            )
        ):
            digest.update(f"{start},{end},{kind};".encode())
    return counts(db), digest.hexdigest()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
