"""`reportbot`: run the bot, open the sandbox, and use the index from the shell."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.addresses import Place, parse_place
from bot.logs import configure_logging
from bot.memory import fewer_malloc_arenas
from bot.sandbox.terminal import bold
from config.settings import Settings, SettingsError, load_settings
from index import (
    BAR_FROM_PARAGRAPHS,
    BULK_FROM,
    ENGLISH,
    FORMATS,
    HYBRID,
    LANGUAGES,
    MEANING,
    MODES,
    NUMBERED,
    SUPPORTED_SUFFIXES,
    WRITERS,
    Encoding,
    IndexUnavailable,
    IngestBusy,
    Ingested,
    IngestError,
    Library,
    Overrides,
    Paragraph,
    Progress,
    Resolved,
    SearchResult,
    UnknownReports,
    collect_paths,
    export_rows,
    fetch_reports,
    open_library,
    part_name,
    read_reports,
    resolve_references,
)

if TYPE_CHECKING:
    from pydantic import SecretStr

    from bot.context import BotApplication

log = logging.getLogger("reportbot")

# A citing paragraph is shown by its first characters.
_CITED_SUMMARY = 200

# Under REPORTBOT_DATA_DIR, where the sandbox keeps its chat's settings.
SANDBOX_DATA = "sandbox"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportbot", description="Search UN reports paragraph by paragraph, on Telegram."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "run",
        help="serve Telegram by long polling, or by webhook when REPORTBOT_WEBHOOK_URL is set "
        "(the sandbox when no token is set)",
    )
    commands.add_parser("sandbox", help="chat with the bot in this terminal, via a local emulator")

    ingest = commands.add_parser(
        "ingest", help="add reports to the index (the bundled ones when no path is given)"
    )
    ingest.add_argument(
        "paths",
        nargs="*",
        metavar="PATH_OR_URL",
        help=f"report files ({', '.join(SUPPORTED_SUFFIXES)}), folders of them, web addresses "
        "to download them from, or a catalogue (.toml)",
    )
    ingest.add_argument("--symbol", help="UN document symbol, e.g. A/HRC/58/19 (one file only)")
    ingest.add_argument("--title", help="report title")
    ingest.add_argument("--date", type=dt.date.fromisoformat, help="document date, YYYY-MM-DD")
    ingest.add_argument("--lang", help="language code, e.g. en (default: found in the text)")
    ingest.add_argument("--url", help="where the report is published")
    ingest.add_argument(
        "--strict",
        action="store_true",
        help="refuse a report whose parts or numbering the reader cannot tell apart, "
        "instead of warning",
    )

    fetch = commands.add_parser(
        "fetch",
        help="download reports by symbol from the UN Official Document System and index them",
    )
    fetch.add_argument("symbols", nargs="+", metavar="SYMBOL", help="e.g. A/HRC/58/19")
    fetch.add_argument(
        "--lang",
        metavar="LANGS",
        help=f"language versions, separated by commas (default: {','.join(LANGUAGES)})",
    )

    export = commands.add_parser("export", help="write indexed paragraphs as JSON Lines or CSV")
    export.add_argument("symbols", nargs="*", metavar="SYMBOL", help="reports (default: all)")
    export.add_argument(
        "--format", choices=FORMATS, help="jsonl or csv (default: the --output suffix, else jsonl)"
    )
    export.add_argument("--lang", help="only paragraphs in this language, e.g. en")
    export.add_argument("--output", type=Path, metavar="FILE", help="write here, not to stdout")

    search = commands.add_parser("search", help="search as the bot does")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=5)
    search.add_argument("--json", action="store_true")
    search.add_argument(
        "--lang",
        help="the reader's language: paragraphs in it where their report has it "
        "(default: the query's language)",
    )
    search.add_argument(
        "--mode",
        choices=MODES,
        default=HYBRID,
        help="rank by the words, by meaning, or by both fused (default: hybrid)",
    )

    para = commands.add_parser("para", help="one paragraph, verbatim")
    para.add_argument("symbol")
    para.add_argument("number", help="its number, e.g. 3; pp3 for a third preambular paragraph")
    para.add_argument(
        "--annex", help="the annex the paragraph is in, e.g. I, or another part: 'appendix A'"
    )
    para.add_argument("--json", action="store_true")

    reports = commands.add_parser("reports", help="the indexed reports")
    reports.add_argument("--json", action="store_true")

    cited = commands.add_parser(
        "citedby", help="the indexed paragraphs that cite a report, or one of its paragraphs"
    )
    cited.add_argument("symbol")
    cited.add_argument("number", nargs="?", type=int, help="a paragraph of its body, e.g. 3")
    cited.add_argument("--json", action="store_true")

    remove = commands.add_parser("remove", help="take a report out of the index")
    remove.add_argument("symbol")
    remove.add_argument("--lang", help="one language version only, e.g. fr (default: all)")

    commands.add_parser(
        "vectors",
        help="add the vectors that meaning search needs to the reports indexed without them",
    )
    return parser


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _say_how_to_add_vectors(library: Library, *, to_log: bool = False) -> None:
    """If some reports have no vectors (an index built before meaning search): that they are
    found by their words only, and how to add them. In the log (`run`) or on stderr (the
    sandbox and `search`); each command says it once, as it starts."""
    missing = library.missing_vectors()
    if not missing:
        return
    symbols = len({symbol for symbol, _ in missing})
    versions = f" ({len(missing)} language versions)" if len(missing) > symbols else ""
    line = (
        f"1 report{versions} has no vectors yet: it is found by its words only."
        if symbols == 1
        else f"{symbols} reports{versions} have no vectors yet: they are found by their words only."
    ) + " Run `reportbot vectors` to add them."
    if to_log:
        log.warning("%s", line)
    else:
        print(f"reportbot: {line}", file=sys.stderr)


def _run(settings: Settings, library: Library) -> int:
    from telegram.error import BadRequest, InvalidToken, NetworkError

    from bot.app import build_application, loading_meaning
    from bot.services.throttle import SearchLimits
    from bot.store import StoreError, open_store

    if settings.token is None:
        print("No REPORTBOT_TOKEN is set: starting the sandbox instead.", file=sys.stderr)
        return _sandbox(library, settings.data_dir)
    _say_how_to_add_vectors(library, to_log=True)
    try:
        url = settings.database_url.get_secret_value() if settings.database_url else None
        store = open_store(settings.data_dir, url)
    except StoreError as error:
        print(f"reportbot: {error}", file=sys.stderr)
        return 1
    application = build_application(
        settings.token.get_secret_value(),
        settings.api_base_url,
        library,
        store,
        rate_limit=settings.rate_limit,
        limits=SearchLimits(
            per_user=settings.searches_per_user,
            per_group=settings.searches_per_group,
            inline_per_user=settings.inline_searches_per_user,
        ),
        operators=settings.admin_ids,
        operators_chat=settings.admin_chat_id,
        digest_interval=settings.digest_interval,
        redis_url=settings.redis_url.get_secret_value() if settings.redis_url else None,
    )
    library.keep_warm()
    try:
        with store, loading_meaning(library):
            return _serve(application, library, settings)
    except InvalidToken:
        print(
            "reportbot: the Bot API rejected REPORTBOT_TOKEN (401 Unauthorized).", file=sys.stderr
        )
        return 1
    # PTB's BadRequest is a NetworkError too, though the Bot API was reached: it said no.
    except BadRequest as error:
        print(f"reportbot: the Bot API refused: {error.message}", file=sys.stderr)
        return 1
    except NetworkError as error:
        print(f"reportbot: cannot reach the Bot API: {error.message}", file=sys.stderr)
        return 1


def _serve(application: BotApplication, library: Library, settings: Settings) -> int:
    from bot.app import ALLOWED_UPDATES

    # The settings refuse a webhook URL without a secret.
    if settings.webhook_url is not None and settings.webhook_secret is not None:
        return _serve_webhook(
            application, library, settings, settings.webhook_url, settings.webhook_secret
        )
    log.info("serving by long polling; %d report(s) indexed", len(library.reports()))
    # PTB stops on SIGTERM and SIGINT: it handles the updates fetched, confirms them to
    # Telegram so that none comes again after a restart, and returns.
    application.run_polling(allowed_updates=list(ALLOWED_UPDATES))
    return 0


def _serve_webhook(
    application: BotApplication,
    library: Library,
    settings: Settings,
    url: str,
    secret: SecretStr,
) -> int:
    from bot.webhook import CannotListen, serve_webhook

    try:
        asyncio.run(
            serve_webhook(
                application,
                library,
                url=url,
                secret=secret.get_secret_value(),
                listen=settings.listen,
                port=settings.port,
            )
        )
    except CannotListen as error:
        print(f"reportbot: {error}", file=sys.stderr)
        return 1
    return 0


def _sandbox(library: Library, data_dir: Path) -> int:
    from bot.app import loading_meaning
    from bot.sandbox.chat import run_sandbox
    from bot.store import StoreError, open_store

    _say_how_to_add_vectors(library)
    try:
        # A store of its own: the emulator's ids could be those of real chats.
        store = open_store(data_dir / SANDBOX_DATA)
    except StoreError as error:
        print(f"reportbot: {error}", file=sys.stderr)
        return 1
    try:
        with store, loading_meaning(library):
            files = data_dir / SANDBOX_DATA / "files"
            return asyncio.run(run_sandbox(library, sys.stdin, sys.stdout, store, files))
    except KeyboardInterrupt:
        return 0


def _ingest(args: argparse.Namespace, settings: Settings, library: Library) -> int:
    overrides = Overrides(
        symbol=args.symbol, lang=args.lang, url=args.url, title=args.title, date=args.date
    )
    # Every file is read and parsed before the index changes, and the batch is published whole:
    # one bad file leaves the index as it was.
    with tempfile.TemporaryDirectory(prefix="reportbot-") as downloads:
        sources = collect_paths(args.paths or [settings.catalogue], Path(downloads))
        with Progress(len(sources)) as progress:
            ingested = read_reports(sources, overrides, progress, strict=args.strict)
    for item in ingested:
        for warning in item.warnings:
            print(f"reportbot: warning: {warning}", file=sys.stderr)
    _publish(library, ingested)
    return 0


def _fetch(args: argparse.Namespace, settings: Settings, library: Library) -> int:
    langs = [lang.strip() for lang in args.lang.split(",")] if args.lang else list(LANGUAGES)
    with Progress(len(args.symbols) * len(langs)) as progress:
        fetched = fetch_reports(
            args.symbols, langs, base_url=settings.un_documents_url, progress=progress
        )
    # Every version of every symbol is read before the index changes: published whole or not.
    _publish(library, [item for result in fetched for item in result.read])
    for result in fetched:
        print(result.summary())
    return 0


def _publish(library: Library, ingested: Sequence[Ingested]) -> None:
    """Adds what was read in one transaction, and says what it indexed; for many paragraphs,
    how fast their words were indexed and their vectors made."""
    paragraphs = sum(len(item.report.paragraphs) for item in ingested)
    encoding = Encoding()
    started = time.monotonic()
    try:
        with (
            Progress(len(ingested), paragraphs=paragraphs) as progress,
            library.transaction(bulk=paragraphs >= BULK_FROM, on_vectors=encoding) as batch,
        ):
            for item in ingested:
                progress.working_on(f"indexing {item.report.symbol} ({item.report.lang})")
                batch.add(item.report)
                progress.done()
            # The transaction's end writes the index, encodes and publishes: the longest step.
            progress.working_on("publishing the index")
    finally:
        encoding.close()
    for item in ingested:
        print(f"indexed {item.description}")
    if paragraphs >= BAR_FROM_PARAGRAPHS and batch.encoded is not None:
        words = (encoding.started or time.monotonic()) - started
        vectors = batch.encoded
        print(
            f"{paragraphs} paragraphs: words in {words:.1f} s ({paragraphs / words:.0f}/s), "
            f"vectors in {vectors.seconds:.1f} s ({vectors.per_second:.0f}/s)",
            file=sys.stderr,
        )


def _export(args: argparse.Namespace, library: Library) -> int:
    output_format = args.format or (
        "csv" if args.output and args.output.suffix.lower() == ".csv" else "jsonl"
    )
    try:
        rows = export_rows(library, args.symbols or None, args.lang)
    except UnknownReports as error:
        print(f"reportbot: {error}; `reportbot reports` lists the indexed ones", file=sys.stderr)
        return 1
    write = WRITERS[output_format]
    if args.output is None:
        try:
            write(rows, sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader stopped early (`| head`): no traceback, and none at exit either.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
        return 0
    try:
        # The csv module does its own line endings.
        with args.output.open("w", encoding="utf-8", newline="") as out:
            write(rows, out)
    except OSError as error:
        print(f"reportbot: cannot write {args.output} ({error.strerror})", file=sys.stderr)
        return 1
    return 0


def _search(args: argparse.Namespace, library: Library) -> int:
    _say_how_to_add_vectors(library)
    try:
        result = library.search(
            " ".join(args.query), limit=max(1, min(args.limit, 100)), lang=args.lang, mode=args.mode
        )
    except ValueError as error:
        print(f"reportbot: {error}", file=sys.stderr)
        return 2
    for line in _what_was_read(result, " ".join(args.query)):
        print(f"reportbot: {line}", file=sys.stderr)
    if args.json:
        _print_json(
            [
                {
                    "symbol": hit.paragraph.symbol,
                    "lang": hit.paragraph.lang,
                    "para": hit.paragraph.number,
                    "kind": hit.paragraph.kind,
                    "annex": hit.paragraph.annex,
                    "section": hit.paragraph.section,
                    "summary": hit.summary.plain,
                    "score": round(hit.score, 4),
                    "match": hit.match,
                    "link": hit.paragraph.link,
                }
                for hit in result.hits
            ]
        )
        return 0
    color = sys.stdout.isatty()
    if not result.hits and result.words:
        print("No paragraph matches.")
    # The reader's language: a paragraph in another one is marked with its code, `[en]`.
    reader = result.fell_back_from or result.lang
    for rank, hit in enumerate(result.hits, 1):
        paragraph = hit.paragraph
        summary = "".join(bold(s.text, color) if s.match else s.text for s in hit.summary.segments)
        citation = bold(paragraph.citation, color)
        if paragraph.lang != reader:
            citation += f" [{paragraph.lang}]"
        print(f"{rank}. {' — '.join(filter(None, (citation, paragraph.section)))}")
        if hit.match == MEANING:
            print("   ≈ related in meaning (none of the words)")
        print(f"   {summary}")
        if hit.paragraph.link:
            print(f"   {hit.paragraph.link}")
    return 0


def _what_was_read(result: SearchResult, query: str) -> list[str]:
    """What the bot says of a query's syntax, in English and plain text: that it has nothing to
    look for, and what was adjusted in reading it."""
    from bot.replies import render
    from bot.replies.i18n import texts
    from bot.replies.messages import plain

    t = texts(ENGLISH)
    lines = [_lowercase_first(plain(note)) for note in render.syntax_notes(t, result)]
    if result.words:
        return lines
    if result.excluded:
        lines.insert(
            0,
            "say what to look for, not only what to leave out, "
            "e.g. reportbot search children -trafficking",
        )
    elif result.notes and not render.typed_words(query):
        lines.insert(
            0,
            "there is nothing to search for there: OR, NOT, quotes and * work on words, "
            "e.g. reportbot search '(detention OR custody) migrant -adult'",
        )
    elif not result.unknown_reports:
        lines.insert(0, "those words are too short or too common to search for")
    return lines


def _lowercase_first(line: str) -> str:
    return line[:1].lower() + line[1:]


def _para(args: argparse.Namespace, library: Library) -> int:
    annex = args.annex if args.annex is None or " " in args.annex else args.annex.upper()
    place = parse_place([args.number], annex)
    kind = NUMBERED if place is None else place.kind
    paragraph = (
        None
        if place is None
        else library.paragraph(args.symbol, place.number, annex=annex, kind=kind)
    )
    if paragraph is None:
        numbers = library.paragraph_numbers(args.symbol, annex=annex, kind=kind)
        codes = [Place(number, annex, kind).code for number in numbers]
        where = f"its paragraphs are {codes[0]}–{codes[-1]}" if codes else "none indexed"
        part = f"{args.symbol}, {part_name(annex)}" if annex else args.symbol
        print(f"{part}: no paragraph {args.number} ({where})", file=sys.stderr)
        return 1
    if args.json:
        _print_json(
            {
                "symbol": paragraph.symbol,
                "para": paragraph.number,
                "kind": paragraph.kind,
                "annex": paragraph.annex,
                "section": paragraph.section,
                "text": paragraph.text,
                "link": paragraph.link,
                "notes": [
                    {"n": number, "text": note}
                    for number, note in zip(_note_numbers(paragraph), paragraph.notes, strict=True)
                ],
                "references": [
                    {
                        "text": found.reference.text,
                        "kind": found.reference.kind,
                        "symbol": found.reference.symbol,
                        "para": list(found.reference.paragraphs),
                        "link": _reference_link(found),
                        "indexed": found.indexed,
                    }
                    for found in resolve_references(library, paragraph, paragraph.lang)
                ],
            }
        )
        return 0
    heading = " — ".join(filter(None, (paragraph.citation, paragraph.section)))
    print(f"{heading}\n\n{paragraph.text}")
    for number, note in zip(_note_numbers(paragraph), paragraph.notes, strict=True):
        print(f"\n{number or '•'} {note}")
    if paragraph.link:
        print(f"\n{paragraph.link}")
    return 0


def _note_numbers(paragraph: Paragraph) -> Sequence[int | None]:
    """Each note's number in the report, or None where the index does not know them."""
    return paragraph.note_numbers or [None] * len(paragraph.notes)


def _reference_link(found: Resolved) -> str | None:
    """The cited paragraph's own link when it is indexed, else the UN document's."""
    if found.target is not None:
        return found.target.link or found.target.official_url
    return found.url


def _cited_by(args: argparse.Namespace, library: Library) -> int:
    symbol = next(
        (r.symbol for r in library.reports() if r.symbol.casefold() == args.symbol.casefold()), None
    )
    if symbol is None:
        print(f"reportbot: {args.symbol} is not indexed", file=sys.stderr)
        return 1
    citing = library.cited_by(symbol, args.number)
    if args.json:
        _print_json(
            [
                {
                    "symbol": paragraph.symbol,
                    "para": paragraph.number,
                    "annex": paragraph.annex,
                    "summary": paragraph.text[:_CITED_SUMMARY],
                    "link": paragraph.link or paragraph.official_url,
                }
                for paragraph in citing
            ]
        )
        return 0
    cited = symbol if args.number is None else f"{symbol}, para. {args.number}"
    print(f"{cited}: cited in {len(citing)} paragraph{'s' if len(citing) != 1 else ''}")
    for paragraph in citing:
        print(f"\n{paragraph.citation}\n{paragraph.text[:_CITED_SUMMARY]}")
    return 0


def _remove(args: argparse.Namespace, library: Library) -> int:
    removed = library.remove(args.symbol, args.lang)
    if not removed:
        where = f" in {args.lang}" if args.lang else ""
        print(f"reportbot: {args.symbol} is not indexed{where}", file=sys.stderr)
        return 1
    print(f"removed {args.symbol} ({', '.join(removed)})")
    return 0


def _reports(args: argparse.Namespace, library: Library) -> int:
    reports = library.reports()
    if args.json:
        by_symbol: dict[str, dict[str, Any]] = {}
        for report in reports:
            entry = by_symbol.setdefault(
                report.symbol,
                {
                    "symbol": report.symbol,
                    "title": report.title,
                    "date": report.date.isoformat() if report.date else None,
                    "languages": [],
                    "paragraphs": report.paragraph_count,
                },
            )
            entry["languages"].append(report.lang)
        _print_json(list(by_symbol.values()))
        return 0
    for report in reports:
        when = report.date.isoformat() if report.date else "undated"
        print(
            f"{report.symbol} [{report.lang}] {when} — {report.title} "
            f"({report.paragraph_count} paragraphs)"
        )
    return 0


def _vectors(library: Library) -> int:
    """Adds the vectors of the reports indexed without them, in one transaction."""
    if not library.missing_vectors():
        print("every report already has its vectors")
        return 0
    # Asked for by name: its progress is shown however short.
    progress = Encoding(shown_from=1)
    started = time.monotonic()
    try:
        encoded = library.add_vectors(progress)
    finally:
        progress.close()
    seconds = time.monotonic() - started
    rate = encoded / seconds if seconds > 0 else 0.0
    print(f"{encoded} paragraphs encoded in {seconds:.1f} s ({rate:.0f} paragraphs/s)")
    return 0


# The options of `search`, each with whether it takes a value.
_SEARCH_OPTIONS = {
    "-h": False,
    "--help": False,
    "--json": False,
    "--limit": True,
    "--lang": True,
    "--mode": True,
}


def _search_option(argument: str) -> str | None:
    """The option of `search` that `argument` names (`--limit=3`, or `--lim` as argparse
    allows), if it names one."""
    name = argument.split("=", 1)[0]
    if name in _SEARCH_OPTIONS:
        return name
    if name.startswith("--") and len(name) > 2:
        matches = [option for option in _SEARCH_OPTIONS if option.startswith(name)]
        return matches[0] if len(matches) == 1 else None
    return None


def _query_apart(argv: Sequence[str]) -> list[str]:
    """`argv` with a search's query after `--`: argparse takes any argument starting with `-` for
    an option, so `reportbot search children -trafficking` would fail instead of leaving out."""
    if not argv or argv[0] != "search":
        return list(argv)
    options: list[str] = []
    query: list[str] = []
    rest = iter(argv[1:])
    for argument in rest:
        if argument == "--":
            query.extend(rest)
            break
        option = _search_option(argument)
        if option is None:
            query.append(argument)
            continue
        options.append(argument)
        if _SEARCH_OPTIONS[option] and "=" not in argument:
            value = next(rest, None)
            if value is not None:
                options.append(value)
    return ["search", *options, "--", *query]


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(_query_apart(sys.argv[1:] if argv is None else argv))
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"reportbot: {error}", file=sys.stderr)
        return 2
    secrets = [
        secret.get_secret_value()
        for secret in (
            settings.token,
            settings.webhook_secret,
            settings.database_url,
            settings.redis_url,
        )
        if secret is not None
    ]
    in_sandbox = args.command == "sandbox" or (args.command == "run" and settings.token is None)
    # The sandbox shares the terminal with the chat: only problems are logged there.
    quiet = in_sandbox and settings.log_level != "DEBUG"
    configure_logging("WARNING" if quiet else settings.log_level, secrets)
    if args.command == "run":
        # Before any thread starts: each would otherwise make malloc arenas of its own.
        fewer_malloc_arenas()
    try:
        library = open_library(settings.index_dir, settings.catalogue)
    except IngestError as error:
        print(f"reportbot: cannot build the index: {error}", file=sys.stderr)
        return 1
    except IndexUnavailable as error:
        print(f"reportbot: {error} (set REPORTBOT_INDEX_DIR to a folder)", file=sys.stderr)
        return 1
    try:
        if args.command == "run":
            return _run(settings, library)
        if args.command == "sandbox":
            return _sandbox(library, settings.data_dir)
        if args.command == "ingest":
            return _ingest(args, settings, library)
        if args.command == "fetch":
            return _fetch(args, settings, library)
        if args.command == "export":
            return _export(args, library)
        if args.command == "search":
            return _search(args, library)
        if args.command == "para":
            return _para(args, library)
        if args.command == "citedby":
            return _cited_by(args, library)
        if args.command == "remove":
            return _remove(args, library)
        if args.command == "vectors":
            return _vectors(library)
        return _reports(args, library)
    except (IngestError, IngestBusy) as error:
        print(f"reportbot: {error}", file=sys.stderr)
        return 1
    finally:
        library.close()
