"""Social-media text (tweets, posts) made readable for matching.

``clean_social`` drops URLs, @mentions, a leading "RT", emoji and other pictographs;
turns hashtags into their words («#الا_رسول_الله» → «الا رسول الله», "#PutItToThePeople"
→ "Put It To The People"); shortens letters repeated for emphasis («رسمياااا» → «رسميا»,
"sooo" → "so"); and folds white space. The text stays in its display spelling (no
``normalize``): it is embedded as written and analysed later like any other text.
"""

from __future__ import annotations

import re

URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|net|org|ly|co|me)/\S*", re.IGNORECASE)
MENTION = re.compile(r"(?<![\w@])@\w+:?")
RETWEET = re.compile(r"^\s*RT\b:?", re.IGNORECASE)
HASHTAG = re.compile(r"#(\w+)")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# a letter three or more times in a row: no Arabic or English word spells it so
ELONGATION = re.compile(r"([^\W\d_])\1{2,}")
# pictographs, symbols, dingbats, flags, variation selectors, zero-width joiners
EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\U00002600-\U000027BF\U00002B00-\U00002BFF\U0001F1E6-\U0001F1FF"
    "\U0000FE00-\U0000FE0F\U0000200D\U000020E3\U00002190-\U000021FF\U00002300-\U000023FF]"
)
SPACES = re.compile(r"\s+")


def hashtag_words(tag: str) -> str:
    """«الا_رسول_الله» → «الا رسول الله»; "PutItToThePeople" → "Put It To The People"."""
    return CAMEL.sub(" ", tag.replace("_", " "))


def clean_social(text: str) -> str:
    text = RETWEET.sub(" ", text)
    text = URL.sub(" ", text)
    text = MENTION.sub(" ", text)
    text = HASHTAG.sub(lambda m: " " + hashtag_words(m.group(1)) + " ", text)
    text = EMOJI.sub(" ", text)
    text = ELONGATION.sub(r"\1", text)
    return SPACES.sub(" ", text).strip()
