"""Find the dates an article mentions, each with the precision the text gives it.

Running dateparser's ``search_dates`` over a whole article finds few of the
real dates and many false ones (the modal "may", pronouns such as "we" or
"tu", durations, clock times, page furniture) and gives every date a day the
text never wrote. So the work is split the other way round:

* our own patterns, per language, find *candidates* ("Nov. 16, 2021",
  "December 2017", "since 2014", "on Thursday", "last week", "next March"...)
  and decide from the form how precise each one is (``candidates``, with the
  words of each language in ``languages/*.toml``, read by ``tables``);
* dateparser, restricted to the document's language, reads each candidate
  (cached), with the publication date as its base and a past/future
  preference taken from the clause's tense (``resolve``, ``tense``);
* nothing finer than what is written is kept: "in 2008" stays a year.

Without a publication date, mentions that need one (weekdays, "this month",
a month without a year) are dropped and only absolute dates are returned.
"""

from briefing_app.ingest.dates.extract import extract_dates
from briefing_app.ingest.dates.language import detect_language
from briefing_app.ingest.dates.model import DateMention, RangePart
from briefing_app.ingest.dates.sentences import split_sentences
from briefing_app.ingest.dates.tables import LANGUAGES

__all__ = [
    "DateMention",
    "LANGUAGES",
    "RangePart",
    "detect_language",
    "extract_dates",
    "split_sentences",
]
