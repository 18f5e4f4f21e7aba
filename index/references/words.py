"""The words of references in the six languages, as UN documents write them, as fragments of
regular expressions: "resolution", "para.", "see", "above", the bodies' names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# The bodies whose resolutions and decisions are read. ASSEMBLY and COUNCIL are "the Assembly"
# and "the Council" with no more said; OTHER is a body whose resolutions are not read (a
# functional commission, an executive board, the World Health Assembly): a number near its name
# is left rather than given to the General Assembly.
Body = Literal["GA", "HRC", "SC", "ECOSOC", "CHR", "ASSEMBLY", "COUNCIL", "OTHER"]


@dataclass(frozen=True)
class Words:
    """One language's words. Each field is a regular expression; "" where the language has no
    such words."""

    see: str  # before a paragraph of the same report: "see", "voir", "см."
    position: str  # after it, or between "see" and it: "above", "below"
    present: str  # after it: "of the present report"
    # After it, the words that make it another text's: "see para. 5 [of] the report of …".
    elsewhere: str
    paragraph: str  # "para.", "paras.", "paragraph(s)"
    article: str  # "article(s)", "art."
    resolution: str  # the words for resolution(s) and decision(s)
    decision: str  # which of those words are decisions
    and_: str  # between two numbers of a list, with the spaces around it
    range_: str  # between the two ends of a range, with the spaces around it
    date: str  # a date after a resolution's number in a list: "76/147 of 18 December 2021, …"
    numbers_lead: str  # before a list of numbers: Arabic "من" in "من 14 إلى 18"
    of_resolution: str  # "paragraph 10[ of its ]resolution 78/187"
    of_document: str  # "para. 14[ of document ]A/79/312"
    after_symbol: str  # "A/79/312[, ]para. 14", "resolution 78/187[, ]para. 10"
    of_treaty: str  # "article 19[ of the ]Convention …"
    body_before: str  # a body named before the word resolution: "General Assembly resolution"
    body_construct: (
        str  # a body named between the word and the number: Arabic "قرار الجمعية العامة"
    )
    body_after: str  # a body named after the number: "résolution 62/141 de l'Assemblée générale"
    # Each body's names for telling which body a resolution is of: the full names, then the
    # short ones ("the Assembly"), tried only where no full name stands.
    bodies: tuple[tuple[Body, str], ...]
    short_bodies: tuple[tuple[Body, str], ...]


_APOSTROPHE = "['’]"

ENGLISH = Words(
    see=r"[Ss]ee(?:\s+also)?",
    position=r"above|below",
    present=r"of\s+the\s+present\s+(?:report|resolution|note|document)",
    elsewhere=r"(?:of|in)\b",
    paragraph=r"paras?\.|[Pp]aragraphs?",
    article=r"[Aa]rticles?|[Aa]rts?\.",
    resolution=r"[Rr]esolutions?|[Dd]ecisions?",
    decision=r"^[Dd]ecision",
    and_=r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+",
    range_=r"\s*[–—‑-]\s*|\s+to\s+",
    date=r"\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}",
    numbers_lead="",
    of_resolution=r"\s+of\s+(?:its\s+|their\s+|the\s+)?",
    of_document=r"\s+of\s+(?:document\s+)?",
    after_symbol=r"\s*,?\s*",
    of_treaty=(
        r"(?:\s*,\s*paragraphs?\s+\d{1,2}(?:\s?\([a-z]\))?\s*,)?\s+of\s+(?:the\s+|that\s+|this\s+)?"
    ),
    body_before=(
        r"General\s+Assembly|Human\s+Rights\s+Council|Security\s+Council"
        r"|Economic\s+and\s+Social\s+Council|Commission\s+on\s+Human\s+Rights|Assembly|Council"
        r"|UNGA|GA|HRC|UNSC|ECOSOC"
    ),
    body_construct="",
    body_after=(
        r"of\s+the\s+(?:General\s+Assembly|Human\s+Rights\s+Council|Security\s+Council"
        r"|Economic\s+and\s+Social\s+Council|Commission\s+on\s+Human\s+Rights|Commission"
        r"|Executive\s+Board)"
    ),
    bodies=(
        ("GA", r"General\s+Assembly|\b(?:UN)?GA\b"),
        ("HRC", r"Human\s+Rights\s+Council|\bHRC\b"),
        ("SC", r"Security\s+Council|\bUNSC\b"),
        ("ECOSOC", r"Economic\s+and\s+Social\s+Council|\bECOSOC\b"),
        ("CHR", r"Commission\s+on\s+Human\s+Rights"),
        ("OTHER", r"\bCommission\b|\b(?:Executive\s+)?Board\b|World\s+Health\s+Assembly"),
    ),
    short_bodies=(
        ("ASSEMBLY", r"\b[Tt]he\s+Assembly\b"),
        ("COUNCIL", r"\b[Tt]he\s+Council\b(?!\s+of\s+Europe)"),
    ),
)

FRENCH = Words(
    see=r"[Vv]oir(?:\s+aussi|\s+également)?",
    position=r"ci-dessus|ci-dessous|ci-après|plus\s+haut|plus\s+loin|plus\s+bas",
    present=(r"du\s+présent\s+(?:rapport|document)|de\s+la\s+présente\s+(?:résolution|note)"),
    elsewhere=rf"(?:de|du|des|d{_APOSTROPHE})(?!\w)",
    paragraph=r"par\.|[Pp]aragraphes?",
    article=r"[Aa]rticles?|[Aa]rt\.",
    resolution=r"[Rr]ésolutions?|[Dd]écisions?",
    decision=r"^[Dd]écision",
    and_=r"\s*,\s*(?:et\s+|ou\s+)?|\s+(?:et|ou)\s+",
    range_=r"\s*[–—‑-]\s*|\s+à\s+",
    date=r"\s+du\s+\d{1,2}(?:er)?\s+[a-zéû]+\s+\d{4}",
    numbers_lead="",
    of_resolution=r"\s+de\s+(?:sa|la|leur)\s+",
    of_document=r"\s+du\s+document\s+",
    after_symbol=r"\s*,?\s*",
    of_treaty=rf"\s+(?:de\s+la\s+|de\s+l{_APOSTROPHE}|du\s+|de\s+cette\s+|de\s+ce\s+)",
    body_before="",
    body_construct=(
        rf"de\s+l{_APOSTROPHE}Assemblée\s+générale|du\s+Conseil\s+des\s+droits\s+de\s+l{_APOSTROPHE}homme"
        r"|du\s+Conseil\s+de\s+sécurité|du\s+Conseil\s+économique\s+et\s+social"
    ),
    body_after=(
        rf"de\s+l{_APOSTROPHE}Assemblée\s+générale"
        rf"|du\s+Conseil\s+des\s+droits\s+de\s+l{_APOSTROPHE}homme|du\s+Conseil\s+de\s+sécurité"
        r"|du\s+Conseil\s+économique\s+et\s+social"
        rf"|de\s+la\s+Commission\s+des\s+droits\s+de\s+l{_APOSTROPHE}homme"
        rf"|de\s+l{_APOSTROPHE}Assemblée|du\s+Conseil|de\s+la\s+Commission"
        rf"|du\s+Conseil\s+d{_APOSTROPHE}administration"
    ),
    bodies=(
        ("GA", r"Assemblée\s+générale"),
        ("HRC", rf"Conseil\s+des\s+droits\s+de\s+l{_APOSTROPHE}homme"),
        ("SC", r"Conseil\s+de\s+sécurité"),
        ("ECOSOC", r"Conseil\s+économique\s+et\s+social"),
        ("CHR", rf"Commission\s+des\s+droits\s+de\s+l{_APOSTROPHE}homme"),
        (
            "OTHER",
            rf"\bCommission\b|Conseil\s+d{_APOSTROPHE}administration"
            r"|Assemblée\s+mondiale\s+de\s+la\s+Santé",
        ),
    ),
    short_bodies=(
        ("ASSEMBLY", rf"\b[Ll]{_APOSTROPHE}Assemblée\b"),
        ("COUNCIL", rf"\b(?:[Ll]e|[Dd]u|[Aa]u)\s+Conseil\b(?!\s+de\s+l{_APOSTROPHE}Europe)"),
    ),
)

SPANISH = Words(
    see=r"[Vv]éa(?:se|nse)(?:\s+también)?",
    position=r"supra|infra|más\s+arriba|más\s+adelante|más\s+abajo",
    present=r"del\s+presente\s+(?:informe|documento)|de\s+la\s+presente\s+(?:resolución|nota)",
    elsewhere=r"(?:de|del)\b",
    paragraph=r"párrs?\.|[Pp]árrafos?",
    article=r"[Aa]rtículos?|[Aa]rts?\.",
    resolution=r"[Rr]esoluci(?:ón|ones)|[Dd]ecisi(?:ón|ones)",
    decision=r"^[Dd]ecisi",
    and_=r"\s*,\s*(?:y\s+|e\s+|o\s+)?|\s+(?:y|e|o)\s+",
    range_=r"\s*[–—‑-]\s*|\s+a\s+",
    date=r"\s*,?\s+de\s+\d{1,2}\s+de\s+[a-z]+\s+de\s+\d{4}",
    numbers_lead="",
    of_resolution=r"\s+de\s+(?:su|la)\s+",
    of_document=r"\s+del\s+documento\s+",
    after_symbol=r"\s*,?\s*",
    of_treaty=r"\s+(?:de\s+la\s+|del\s+|de\s+(?:esa|esta|dicha)\s+|de\s+(?:ese|este|dicho)\s+)",
    body_before="",
    body_construct=(
        r"de\s+la\s+Asamblea\s+General|del\s+Consejo\s+de\s+Derechos\s+Humanos"
        r"|del\s+Consejo\s+de\s+Seguridad|del\s+Consejo\s+Económico\s+y\s+Social"
        r"|de\s+la\s+Comisión\s+de\s+Derechos\s+Humanos"
    ),
    body_after=(
        r"de\s+la\s+Asamblea\s+General|del\s+Consejo\s+de\s+Derechos\s+Humanos"
        r"|del\s+Consejo\s+de\s+Seguridad|del\s+Consejo\s+Económico\s+y\s+Social"
        r"|de\s+la\s+Comisión\s+de\s+Derechos\s+Humanos|de\s+la\s+Asamblea|del\s+Consejo"
        r"|de\s+la\s+Comisión|de\s+la\s+Junta\s+Ejecutiva"
    ),
    bodies=(
        ("GA", r"Asamblea\s+General"),
        ("HRC", r"Consejo\s+de\s+Derechos\s+Humanos"),
        ("SC", r"Consejo\s+de\s+Seguridad"),
        ("ECOSOC", r"Consejo\s+Económico\s+y\s+Social"),
        ("CHR", r"Comisión\s+de\s+Derechos\s+Humanos"),
        ("OTHER", r"\bComisión\b|Junta\s+Ejecutiva|Asamblea\s+Mundial\s+de\s+la\s+Salud"),
    ),
    short_bodies=(
        ("ASSEMBLY", r"\b[Ll]a\s+Asamblea\b"),
        ("COUNCIL", r"\b(?:[Ee]l|[Dd]el|[Aa]l)\s+Consejo\b"),
    ),
)

RUSSIAN = Words(
    see=r"[Сс]м\.(?:\s+также)?",
    position=r"выше|ниже|далее",
    present=(r"настоящего\s+(?:доклада|документа)|настоящей\s+(?:резолюции|записки)"),
    elsewhere=(
        r"(?:доклада|документа|резолюции|решения|приложения|замечания|рекомендации|Конвенции"
        r"|Пакта|Протокола|Декларации)\b"
    ),
    paragraph=r"[Пп]ункт(?:ы|а|у|ом|е|ов|ам|ами|ах)?|пп?\.",
    article=r"[Сс]тать(?:я|и|ю|ей|е|ям|ями|ях)|ст\.",
    resolution=r"[Рр]езолюци(?:я|и|ю|ей|й|ям|ями|ях)|[Рр]ешени(?:е|я|ю|ем|и|й|ям|ями|ях)",
    decision=r"^[Рр]ешени",
    and_=r"\s*,\s*(?:и\s+)?|\s+(?:и|или)\s+",
    range_=r"\s*[–—‑-]\s*",
    date=r"\s+от\s+\d{1,2}\s+[а-я]+\s+\d{4}\s+года",
    numbers_lead="",
    of_resolution=r"\s+(?:своей\s+|сво[её]м\s+|е[её]\s+|его\s+)?",
    of_document=r"\s+документа\s+",
    after_symbol=r"\s*,?\s*",
    of_treaty=r"\s+(?:этой\s+|этого\s+|указанной\s+|указанного\s+)?",
    body_before="",
    body_construct=(
        r"Генеральной\s+Ассамблеи|Совета\s+по\s+правам\s+человека|Совета\s+Безопасности"
        r"|Экономического\s+и\s+Социального\s+Совета|Комиссии\s+по\s+правам\s+человека"
    ),
    body_after=(
        r"Генеральной\s+Ассамблеи|Совета\s+по\s+правам\s+человека|Совета\s+Безопасности"
        r"|Экономического\s+и\s+Социального\s+Совета|Комиссии\s+по\s+правам\s+человека"
        r"|Ассамблеи|Совета|Комиссии|Исполнительного\s+совета"
    ),
    bodies=(
        ("GA", r"Генеральн\w+\s+Ассамбле\w+"),
        ("HRC", r"Совет\w*\s+по\s+правам\s+человека"),
        ("SC", r"Совет\w*\s+Безопасности"),
        ("ECOSOC", r"Экономическ\w+\s+и\s+Социальн\w+\s+Совет\w*"),
        ("CHR", r"Комисси\w+\s+по\s+правам\s+человека"),
        (
            "OTHER",
            r"\bКомисси\w+|Исполнительн\w+\s+совет\w*"
            r"|Всемирн\w+\s+ассамбле\w+\s+здравоохранения",
        ),
    ),
    short_bodies=(("ASSEMBLY", r"\bАссамбле\w+"), ("COUNCIL", r"\bСовет\w*")),
)

# Arabic joins "and", "by", "to", "the" to the word after them, and marks the dual and "its".
_AR = r"(?<!\w)(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?"
_AR_BODIES = (
    r"الجمعية\s+العامة|مجلس\s+حقوق\s+ال[إا]نسان|مجلس\s+الأمن|المجلس\s+الاقتصادي\s+والاجتماعي"
    r"|لجنة\s+حقوق\s+ال[إا]نسان"
)
ARABIC = Words(
    see=r"(?<!\w)(?:و)?انظر(?:\s+أيضا|\s+أيضاً)?",
    position=r"أعلاه|أدناه",
    present=r"من\s+(?:هذا\s+التقرير|التقرير\s+الحالي|هذا\s+القرار|القرار\s+الحالي|هذه\s+الوثيقة)",
    elsewhere=r"من(?!\w)",
    paragraph=rf"{_AR}فقر(?:ة|ات|تين|تان|تا|تي)(?!\w)",
    article=rf"{_AR}(?:مادت(?:ان|ين|ا|ي)|مادة|مواد)(?!\w)",
    resolution=rf"{_AR}(?:قرار|مقرر)(?:اتها|اته|ات|يها|يه|ين|ان|ها|ه|ي|ا)?(?!\w)",
    decision=r"مقرر",
    and_=r"\s*[،,]?\s*و\s*|\s*[،,]\s*",
    range_=r"\s*[–—‑-]\s*|\s+إلى\s+",
    date=r"\s+(?:المؤرخ|المؤرخة|المؤرخين|المؤرخان)\s+\d{1,2}\s+\S+\s+\d{4}",
    numbers_lead=r"(?:من\s+)?",
    of_resolution=r"\s+من\s+",
    of_document=r"\s+من\s+الوثيقة\s+",
    after_symbol=r"\s*[،,]?\s*",
    of_treaty=r"\s+من\s+(?:هذه\s+|تلك\s+|هذا\s+|ذلك\s+)?",
    body_before="",
    body_construct=rf"{_AR_BODIES}|الجمعية|المجلس",
    body_after="",
    bodies=(
        ("GA", r"الجمعية\s+العامة"),
        ("HRC", r"مجلس\s+حقوق\s+ال[إا]نسان"),
        ("SC", r"مجلس\s+الأمن"),
        ("ECOSOC", r"المجلس\s+الاقتصادي\s+والاجتماعي"),
        ("CHR", r"لجنة\s+حقوق\s+ال[إا]نسان"),
        ("OTHER", r"المجلس\s+التنفيذي|جمعية\s+الصحة\s+العالمية"),
    ),
    short_bodies=(("ASSEMBLY", r"الجمعية"), ("COUNCIL", r"المجلس")),
)

# Chinese is read by patterns of its own (reader.py): 大会第62/141号决议, 见上文第27段,
# 《儿童权利公约》第19条. These are its words.
CHINESE = Words(
    see=r"(?<![意可少常罕看遇听])(?:参见|另见|见)",
    position=r"上文|下文",
    present=r"本报告|本决议|本说明|本文件",
    elsewhere="",
    paragraph=r"第",
    article=r"第",
    resolution=r"决议|决定",
    decision=r"决定",
    and_=r"\s*(?:段|号|条)?\s*(?:和|及|与|、)\s*(?:第\s*)?",
    range_=r"\s*(?:[–—‑-]|至|到)\s*",
    date="",
    numbers_lead="",
    of_resolution="",
    of_document="",
    after_symbol=r"(?:\s*号文件)?\s*[，,]?\s*",
    of_treaty="",
    body_before=(
        r"人权理事会|安全理事会|安理会|经济及社会理事会|经社理事会|人权委员会|大会|理事会"
    ),
    body_construct="",
    body_after="",
    bodies=(
        ("HRC", r"人权理事会"),
        ("SC", r"安全理事会|安理会"),
        ("ECOSOC", r"经济及社会理事会|经社理事会"),
        ("CHR", r"人权委员会"),
        ("OTHER", r"执行局|世界卫生大会"),
        ("GA", r"大会"),
    ),
    short_bodies=(("COUNCIL", r"理事会"),),
)

WORDS: dict[str, Words] = {
    "ar": ARABIC,
    "zh": CHINESE,
    "en": ENGLISH,
    "fr": FRENCH,
    "ru": RUSSIAN,
    "es": SPANISH,
}
