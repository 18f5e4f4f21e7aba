"""Arabic for search: one spelling for the variants of a word, and a light stemmer.

Whoosh 2.7.4 ships an Arabic stemmer (ISRI, in `whoosh.lang.isri`), but it fails on Python 3
(`re.error: bad escape \\u`, from a replacement string written for Python 2), and it reduces
words to their three-letter roots, which joins words of unrelated meaning (كتاب book, مكتب
office, كاتب writer). Search here uses light stemming instead, "light10" of Larkey, Ballesteros
and Connell (*Light stemming for Arabic information retrieval*, 2007), which for retrieval did
better than root stemming in their measurements: after normalising, it takes off

1. a leading و (and), when three letters or more remain;
2. one definite article ال, or the article with a preposition (وال بال كال فال, and لل),
   when two letters or more remain;
3. the suffixes ها ان ات ون ين يه ه ي, each in turn once, when two letters or more remain
   (ية and ة are written يه and ه by the normalisation).

So الأطفال, أطفال, للأطفال and بالأطفال (children, for/with children) are one term. Broken
plurals (طفل child, أطفال children) stay apart: no light stemmer joins them.
"""

from __future__ import annotations

import re
import unicodedata

# Short vowels, tanween, shadda, sukun and Quranic marks: written seldom and inconsistently.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Alef with hamza or madda and alef wasla are all typed as bare alef; final yaa without dots,
# and taa marbuta, as yaa and haa (how searchers type them, whatever the document has).
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
)
# Letters a PDF may give in their contextual shapes (presentation forms) instead of the letters.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")

_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")

# Words too common to search for.
_STOP_WORDS = """
    في من إلى على عن مع أن إن أو ثم قد لا ما لم لن هو هي هم هن أنه أنها هذا هذه ذلك تلك هؤلاء
    التي الذي الذين اللذين اللتين كان كانت يكون تكون كما أيضا بين حتى عند كل إلا إذا أي بعد
    قبل حيث منذ غير لدى نحو ضد عبر خلال وفي ومن وإلى وعلى وعن ولا وقد وأن أم بل لكن ليس
"""


def normalise(word: str) -> str:
    """One spelling for the ways a word is written: letters as NFKC gives them (no presentation
    forms), no diacritics or tatweel, bare alef, dotted yaa, haa for taa marbuta, ASCII digits."""
    return _MARKS.sub("", unicodedata.normalize("NFKC", word)).translate(_LETTERS)


# In normalised spelling, as the analyzer compares them (إلى is الي).
STOP_WORDS = frozenset(normalise(word) for word in _STOP_WORDS.split())


def light_stem(word: str) -> str:
    """The light10 stem of a normalised word (see the module's description)."""
    if word.startswith("و") and len(word) - 1 >= 3:
        word = word[1:]
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[: -len(suffix)]
    return word


def normalise_presentation_forms(text: str) -> str:
    """`text` with Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) as the letters they
    show; everything else as it is."""
    return _PRESENTATION_FORMS.sub(lambda match: unicodedata.normalize("NFKC", match[0]), text)
