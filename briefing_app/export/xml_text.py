"""Text made fit for XML-based formats (Word, Excel), which refuse some characters.

XML 1.0 has no way to carry most C0 control characters or a lone surrogate;
python-docx and openpyxl raise on them. A user's note can hold either (pasted
from elsewhere), and an export must not fail because of it: such characters
are replaced by U+FFFD, so the reader sees that something was there.
"""

from __future__ import annotations

import re

__all__ = ["xml_text"]

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
