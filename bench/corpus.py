"""Synthetic UN-style reports at library scale, deterministic from a seed.

The text is not English, but it is shaped like the reports the bot serves, which is what the
index's speed depends on: numbered paragraphs of 40 to 250 words with a long tail, under Roman
sections; a Zipf-distributed vocabulary whose head is the function words and the domain's
frequent words (children, violence, trafficking, …) and whose tail is tens of thousands of
generated words that each occur a few times, as names, places and rare terms do in real reports;
symbols of several families (`A/HRC/52/31`, `A/77/140`, `CRC/C/GC/25`, …) dated 2005 to 2025.

Reports are generated one at a time (streamed), each from its own seeded random stream, and the
corpus's plan (how many reports, their symbols, dates and sizes) from another, so the queries of
bench.queries can name the corpus's reports without generating its text.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass

from index.links import paragraph_link
from index.models import Paragraph, Report

FIRST_YEAR = 2005
LAST_YEAR = 2025
MIN_PARAGRAPHS = 60
MAX_PARAGRAPHS = 400

# Ranked by how often reports use them: the head of the Zipf distribution.
FUNCTION_WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "for",
    "on",
    "that",
    "by",
    "with",
    "as",
    "is",
    "are",
    "be",
    "has",
    "have",
    "their",
    "which",
    "was",
    "were",
    "from",
    "at",
    "or",
    "its",
    "this",
    "all",
    "not",
    "also",
    "including",
    "such",
    "other",
    "these",
    "been",
    "it",
    "an",
    "into",
    "through",
    "those",
    "should",
    "can",
    "more",
    "between",
    "well",
    "within",
    "any",
    "who",
    "where",
    "while",
    "under",
    "against",
]

# Frequent and mid-frequency words of reports on children's rights, most frequent first. Entries
# of several words occur together, so that phrases can be searched for.
DOMAIN_WORDS = (
    "children",
    "States",
    "violence",
    "child",
    "protection",
    "rights",
    "Special Representative",
    "sexual",
    "abuse",
    "exploitation",
    "national",
    "online",
    "trafficking",
    "measures",
    "international",
    "support",
    "justice",
    "services",
    "migration",
    "access",
    "including",
    "prevention",
    "girls",
    "report",
    "Member States",
    "development",
    "education",
    "recommendations",
    "victims",
    "implementation",
    "law",
    "policies",
    "families",
    "health",
    "data",
    "violence against children",
    "legislation",
    "cooperation",
    "digital",
    "Committee",
    "human rights",
    "boys",
    "adolescents",
    "sexual exploitation",
    "armed conflict",
    "social",
    "United Nations",
    "framework",
    "institutions",
    "response",
    "community",
    "public",
    "strategies",
    "systems",
    "migrant",
    "refugee",
    "persons",
    "disabilities",
    "school",
    "care",
    "poverty",
    "discrimination",
    "gender",
    "harmful practices",
    "birth registration",
    "juvenile justice",
    "child labour",
    "child marriage",
    "corporal punishment",
    "deprivation of liberty",
    "detention",
    "alternative care",
    "Sustainable Development Goals",
    "Convention on the Rights of the Child",
    "Optional Protocol",
    "civil society",
    "accountability",
    "monitoring",
    "reporting",
    "mechanisms",
    "perpetrators",
    "prosecution",
    "investigation",
    "remedies",
    "rehabilitation",
    "reintegration",
    "psychosocial",
    "mental health",
    "resilience",
    "participation",
    "consultations",
    "survivors",
    "technology",
    "platforms",
    "industry",
    "artificial intelligence",
    "child sexual abuse material",
    "sextortion",
    "grooming",
    "livestreaming",
    "cyberbullying",
    "bullying",
    "internet",
    "safety",
    "privacy",
    "regulation",
    "business",
    "companies",
    "funding",
    "budget",
    "investment",
    "capacity",
    "training",
    "professionals",
    "social workers",
    "police",
    "courts",
    "judicial",
    "legal",
    "assistance",
    "identification",
    "referral",
    "unaccompanied",
    "separated",
    "asylum",
    "borders",
    "smuggling",
    "forced labour",
    "recruitment",
    "armed groups",
    "humanitarian",
    "emergencies",
    "climate change",
    "disasters",
    "displacement",
    "statelessness",
    "nationality",
    "indigenous",
    "minorities",
    "racism",
    "xenophobia",
    "early childhood",
    "nutrition",
    "water",
    "sanitation",
    "housing",
    "street",
    "homelessness",
    "orphanages",
    "institutionalization",
    "foster care",
    "kinship",
    "parents",
    "caregivers",
    "domestic violence",
    "female genital mutilation",
    "honour",
    "dowry",
    "pregnancy",
    "reproductive",
    "HIV",
    "drugs",
    "alcohol",
    "gangs",
    "organized crime",
    "sale of children",
    "prostitution",
    "pornography",
    "tourism",
    "travel",
    "extraterritorial",
    "jurisdiction",
    "ratification",
    "universal",
    "periodic",
    "review",
    "treaty bodies",
    "Human Rights Council",
    "General Assembly",
    "Secretary-General",
    "resolution",
    "mandate",
    "visits",
    "dialogue",
    "regional",
    "Africa",
    "Asia",
    "Europe",
    "Americas",
    "Pacific",
    "Arab",
    "partnerships",
    "UNICEF",
    "OHCHR",
    "UNODC",
    "ILO",
    "INTERPOL",
    "World Health Organization",
    "global",
    "survey",
    "evidence",
    "research",
    "statistics",
    "indicators",
    "progress",
    "challenges",
    "gaps",
    "risks",
    "vulnerable",
    "marginalized",
    "rural",
    "urban",
    "inclusive",
    "equitable",
    "quality",
    "free",
    "compulsory",
    "enrolment",
    "dropout",
    "teachers",
    "curricula",
    "awareness",
    "campaigns",
    "media",
    "helplines",
    "hotlines",
    "reporting mechanisms",
    "complaints",
    "ombudsperson",
    "independent",
    "oversight",
    "coordination",
    "multisectoral",
    "comprehensive",
    "sustainable",
    "financing",
    "tax",
    "economic",
    "crisis",
    "pandemic",
    "COVID-19",
    "lockdown",
    "recovery",
    "peace",
    "security",
    "ceasefire",
    "grave violations",
    "killing",
    "maiming",
    "abduction",
    "attacks on schools",
    "denial of humanitarian access",
    "sanctions",
    "impunity",
    "reparations",
    "truth",
    "transitional justice",
    "restorative",
    "diversion",
    "age of criminal responsibility",
    "sentencing",
    "life imprisonment",
    "death penalty",
    "torture",
    "ill-treatment",
    "solitary confinement",
    "best interests",
    "evolving capacities",
    "non-discrimination",
    "right to be heard",
)

# The long tail: generated words, each rarer than the last.
TAIL_WORDS = 60_000
# Zipf's exponent; slightly above 1, as measured on English text.
ZIPF_EXPONENT = 1.05
_SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "ca",
    "ce",
    "ci",
    "co",
    "cu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "fa",
    "fe",
    "fi",
    "fo",
    "ga",
    "ge",
    "gi",
    "go",
    "ha",
    "he",
    "hi",
    "ho",
    "ka",
    "ke",
    "ki",
    "ko",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "pi",
    "po",
    "pu",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "va",
    "ve",
    "vi",
    "vo",
    "za",
    "ze",
    "zi",
    "zo",
    "tra",
    "tre",
    "tri",
    "pro",
    "pre",
    "sta",
    "ste",
    "sti",
    "con",
    "dis",
    "ver",
    "per",
    "mar",
    "tor",
    "lin",
    "ran",
    "sen",
    "mon",
    "tan",
]
_ENDINGS = ("", "", "", "tion", "ment", "ity", "ing", "ed", "al", "ous", "ive", "ance", "ers")

_SECTIONS = (
    "Activities of the Special Representative",
    "Violence against children in the digital environment",
    "Trafficking in children",
    "Children on the move",
    "Children deprived of liberty",
    "Protecting children in armed conflict",
    "Ending harmful practices",
    "Child justice",
    "Legal and policy frameworks",
    "Data, monitoring and accountability",
    "Partnerships and cooperation",
    "Children's participation",
    "Climate change and children's rights",
    "Investing in children",
    "Progress and challenges",
)
_SUBSECTIONS = (
    "Global level",
    "Regional level",
    "National level",
    "Legislation",
    "Prevention",
    "Response and support services",
    "Access to justice",
    "Emerging issues",
)
_LAST_SECTION = "Conclusions and recommendations"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_LETTERS = "ABCDEFGH"

_MANDATES = (
    "the Special Representative of the Secretary-General on Violence against Children",
    "the Special Rapporteur on the sale, sexual exploitation and sexual abuse of children",
    "the Special Rapporteur on trafficking in persons, especially women and children",
    "the Special Representative of the Secretary-General for Children and Armed Conflict",
    "the United Nations High Commissioner for Human Rights",
    "the Secretary-General",
)
_TOPICS = (
    "online child sexual exploitation",
    "children on the move",
    "violence in schools",
    "child justice",
    "trafficking in children for forced labour",
    "children and climate change",
    "birth registration and the right to identity",
    "harmful practices",
    "children deprived of liberty",
    "the digital environment",
)
_COUNTRIES = ("FRA", "GBR", "KEN", "BRA", "IND", "CHN", "NGA", "MEX", "PHL", "EGY", "RUS", "ESP")


@dataclass(frozen=True)
class PlannedReport:
    """A report of the corpus before its text is written."""

    symbol: str
    title: str
    date: dt.date
    body: str
    session: str
    agenda_item: str
    source_url: str | None
    paragraphs: int


@functools.cache
def vocabulary() -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Every word of the corpus, most frequent first, and their cumulative Zipf weights."""
    rng = random.Random("bench-vocabulary")
    seen = {word.casefold() for word in (*FUNCTION_WORDS, *DOMAIN_WORDS)}
    tail: list[str] = []
    while len(tail) < TAIL_WORDS:
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))
        word = stem + rng.choice(_ENDINGS)
        if word not in seen:
            seen.add(word)
            tail.append(word)
    words = (*FUNCTION_WORDS, *DOMAIN_WORDS, *tail)
    weights = (1 / rank**ZIPF_EXPONENT for rank in range(1, len(words) + 1))
    return words, tuple(itertools.accumulate(weights))


def plan(paragraphs: int, seed: int = 0) -> list[PlannedReport]:
    """The corpus's reports (symbols, dates, sizes), their sizes adding up to `paragraphs`."""
    if paragraphs < 1:
        raise ValueError(f"a corpus has at least one paragraph, not {paragraphs}")
    rng = random.Random(f"bench-plan-{seed}")
    planned: list[PlannedReport] = []
    symbols: set[str] = set()
    left = paragraphs
    while left:
        size = _report_size(rng)
        if left - size < MIN_PARAGRAPHS:
            # The last report takes the rest (leaving the one after it a full minimum).
            size = left if left <= MAX_PARAGRAPHS else left - MIN_PARAGRAPHS
        planned.append(_planned_report(rng, size, symbols))
        left -= size
    return planned


def generate_reports(paragraphs: int, seed: int = 0) -> Iterator[Report]:
    """Reports with `paragraphs` paragraphs in all, numbered 1..n in each; the same seed gives
    the same reports."""
    for number, planned in enumerate(plan(paragraphs, seed)):
        yield _report(planned, random.Random(f"bench-report-{seed}-{number}"))


def _report_size(rng: random.Random) -> int:
    # Most reports are short (a hundred-odd paragraphs), a few run long.
    size = round(rng.lognormvariate(math.log(150), 0.5))
    return min(max(size, MIN_PARAGRAPHS), MAX_PARAGRAPHS)


def _planned_report(rng: random.Random, size: int, taken: set[str]) -> PlannedReport:
    while True:
        family = rng.choices(("hrc", "ga", "crc", "cn4"), weights=(55, 30, 10, 5))[0]
        symbol, year, body, session, title = _family_symbol(rng, family)
        if symbol not in taken:
            taken.add(symbol)
            break
    date = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
    source_url: str | None = None
    if rng.random() < 0.5:
        slug = title.casefold().replace(" ", "-").replace(",", "")[:80]
        source_url = f"https://reliefweb.int/report/world/{slug}"
    elif rng.random() < 0.8:
        source_url = f"https://docs.un.org/en/{symbol}.pdf"
    return PlannedReport(
        symbol=symbol,
        title=title,
        date=date,
        body=body,
        session=session,
        agenda_item=str(rng.randint(2, 10)),
        source_url=source_url,
        paragraphs=size,
    )


def _family_symbol(rng: random.Random, family: str) -> tuple[str, int, str, str, str]:
    """A symbol of the family, the year it belongs to, the body, the session and a title."""
    topic = rng.choice(_TOPICS)
    mandate = rng.choice(_MANDATES)
    if family == "hrc":
        session = rng.randint(1, 58)
        year = min(2006 + (session - 1) // 3, LAST_YEAR)
        symbol = f"A/HRC/{session}/{rng.randint(1, 80)}"
        if rng.random() < 0.1:
            symbol += f"/Add.{rng.randint(1, 3)}"
        title = f"Report of {mandate} on {topic}"
        return symbol, year, "Human Rights Council", _session_name(session), title
    if family == "ga":
        session = rng.randint(60, 80)
        year = 1945 + session
        symbol = f"A/{session}/{rng.randint(100, 999)}"
        title = f"Rights of the child: {topic}. Note by {mandate}"
        return symbol, year, "General Assembly", _session_name(session), title
    if family == "crc":
        year = rng.randint(FIRST_YEAR, LAST_YEAR)
        if rng.random() < 0.3:
            number = rng.randint(1, 30)
            symbol = f"CRC/C/GC/{number}"
            title = f"General comment No. {number} on {topic}"
        else:
            country = rng.choice(_COUNTRIES)
            number = rng.randint(2, 7)
            symbol = f"CRC/C/{country}/CO/{number}"
            title = f"Concluding observations on the periodic report of {country}"
        session = rng.randint(40, 98)
        return symbol, year, "Committee on the Rights of the Child", _session_name(session), title
    year = rng.randint(FIRST_YEAR, 2006)
    symbol = f"E/CN.4/{year}/{rng.randint(1, 150)}"
    title = f"Report of {mandate} on {topic}"
    return symbol, year, "Commission on Human Rights", _session_name(year - 1944), title


def _session_name(number: int) -> str:
    ordinal = {1: "st", 2: "nd", 3: "rd"}.get(number % 10 if number // 10 % 10 != 1 else 0, "th")
    return f"{number}{ordinal} session"


def _report(planned: PlannedReport, rng: random.Random) -> Report:
    words, cumulative = vocabulary()
    sections = _section_paths(planned.paragraphs, rng)
    # PDFs have pages; a web page has none.
    paged = bool(planned.source_url and planned.source_url.endswith(".pdf"))
    paragraphs: list[Paragraph] = []
    page = 2
    for number, section_path in enumerate(sections, start=1):
        text = _paragraph_text(rng, words, cumulative)
        if paged and rng.random() < 0.3:
            page += 1
        paragraphs.append(
            Paragraph(
                symbol=planned.symbol,
                annex=None,
                number=number,
                section_path=section_path,
                text=text,
                page=page if paged else None,
                link=paragraph_link(planned.source_url, number, text, page if paged else None),
            )
        )
    summary = " ".join(_sentence(rng, words, cumulative) for _ in range(rng.randint(2, 4)))
    return Report(
        symbol=planned.symbol,
        title=planned.title,
        date=planned.date,
        body=planned.body,
        session=planned.session,
        agenda_item=planned.agenda_item,
        source_url=planned.source_url,
        summary=summary,
        paragraphs=tuple(paragraphs),
        paragraph_count=len(paragraphs),
    )


def _section_paths(count: int, rng: random.Random) -> list[tuple[str, ...]]:
    """Each paragraph's headings: an introduction, middle sections (some with lettered
    subsections) and conclusions, in order."""
    middle = rng.sample(_SECTIONS, rng.randint(2, min(len(_SECTIONS), len(_ROMAN) - 2)))
    titles = ["Introduction", *middle, _LAST_SECTION]
    # Where each section starts: the introduction and conclusions are short.
    intro = max(1, count // 20)
    last = max(1, count // 8)
    cuts = sorted(rng.sample(range(intro + 1, count - last), len(middle) - 1)) if count > 40 else []
    starts = [0, intro, *cuts, count - last] if count > 40 else [0]
    paths: list[tuple[str, ...]] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else count
        heading = f"{_ROMAN[index]}. {titles[index] if len(starts) > 1 else titles[0]}"
        lettered = 0 < index < len(starts) - 1 and end - start > 20 and rng.random() < 0.5
        subsections = rng.sample(_SUBSECTIONS, 3) if lettered else []
        for offset in range(end - start):
            if subsections:
                part = offset * len(subsections) // (end - start)
                paths.append((heading, f"{_LETTERS[part]}. {subsections[part]}"))
            else:
                paths.append((heading,))
    return paths


def _paragraph_text(
    rng: random.Random, words: tuple[str, ...], cumulative: tuple[float, ...]
) -> str:
    # Around a hundred words, from forty to several hundred.
    length = min(max(round(rng.lognormvariate(math.log(95), 0.45)), 40), 450)
    sentences: list[str] = []
    written = 0
    while written < length:
        size = min(rng.randint(12, 32), length - written)
        sentences.append(_sentence(rng, words, cumulative, max(size, 4)))
        written += size
    return " ".join(sentences)


def _sentence(
    rng: random.Random, words: tuple[str, ...], cumulative: tuple[float, ...], size: int = 20
) -> str:
    chosen = rng.choices(words, cum_weights=cumulative, k=size)
    if rng.random() < 0.4:
        chosen[rng.randrange(1, size)] += ","
    if rng.random() < 0.1:
        chosen.insert(rng.randrange(size), f"{rng.randint(1, 80)}/{rng.randint(1, 300)}")
    first = chosen[0]
    chosen[0] = first[:1].upper() + first[1:]
    return " ".join(chosen) + "."
