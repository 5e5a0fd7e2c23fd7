"""Arabic text tools: pure functions, no I/O.

- ``normalize``: matching form (the display text is never modified);
- ``split_sentences``: sentence boundaries;
- ``tokenize`` / ``stem`` / ``analyze``: the search analyser;
- ``extract_numbers`` / ``extract_dates``: values for the numeric checks.
"""

from burhan.text.dates import DateMention, extract_dates
from burhan.text.normalize import arabic_ratio, normalize, strip_diacritics
from burhan.text.numbers import NumberMention, extract_numbers
from burhan.text.sentences import split_sentences
from burhan.text.tokens import analyze, stem, tokenize

__all__ = [
    "DateMention",
    "NumberMention",
    "analyze",
    "arabic_ratio",
    "extract_dates",
    "extract_numbers",
    "normalize",
    "split_sentences",
    "stem",
    "strip_diacritics",
    "tokenize",
]
