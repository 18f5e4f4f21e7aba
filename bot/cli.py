"""`reportbot`: run the bot, open the sandbox, and use the index from the shell."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.logs import configure_logging
from bot.terminal import bold
from config.settings import Settings, SettingsError, load_settings
from index.catalogue import IngestError, load_catalogue
from index.library import IndexUnavailable, Library, open_library
from index.models import Report
from index.parse_text import parse_report_text

log = logging.getLogger("reportbot")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportbot", description="Search UN reports paragraph by paragraph, on Telegram."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "run", help="serve Telegram by long polling (the sandbox when no token is set)"
    )
    commands.add_parser("sandbox", help="chat with the bot in this terminal, via a local emulator")

    ingest = commands.add_parser(
        "ingest", help="add reports to the index (the bundled ones when no path is given)"
    )
    ingest.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="a catalogue (.toml) or a report text (.txt, needs --symbol)",
    )
    ingest.add_argument("--symbol", help="UN document symbol, e.g. A/HRC/58/19")
    ingest.add_argument("--title", help="report title")
    ingest.add_argument("--date", type=dt.date.fromisoformat, help="publication date, YYYY-MM-DD")
    ingest.add_argument("--lang", default="en", help="language code (default: en)")
    ingest.add_argument("--url", help="where the report is published")

    search = commands.add_parser("search", help="search as the bot does")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=5)
    search.add_argument("--json", action="store_true")

    para = commands.add_parser("para", help="one paragraph, verbatim")
    para.add_argument("symbol")
    para.add_argument("number", type=int)
    para.add_argument("--json", action="store_true")

    reports = commands.add_parser("reports", help="the indexed reports")
    reports.add_argument("--json", action="store_true")
    return parser


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _run(settings: Settings, library: Library) -> int:
    from telegram.error import InvalidToken, NetworkError

    from bot.app import ALLOWED_UPDATES, build_application

    if settings.token is None:
        print("No REPORTBOT_TOKEN is set: starting the sandbox instead.", file=sys.stderr)
        return _sandbox(library)
    application = build_application(
        settings.token.get_secret_value(), settings.api_base_url, library, settings.state_file
    )
    log.info("serving by long polling; %d report(s) indexed", len(library.reports()))
    try:
        application.run_polling(allowed_updates=list(ALLOWED_UPDATES))
    except InvalidToken:
        print(
            "reportbot: the Bot API rejected REPORTBOT_TOKEN (401 Unauthorized).", file=sys.stderr
        )
        return 1
    except NetworkError as error:
        print(f"reportbot: cannot reach the Bot API: {error.message}", file=sys.stderr)
        return 1
    return 0


def _sandbox(library: Library) -> int:
    from bot.sandbox import run_sandbox

    try:
        return asyncio.run(run_sandbox(library, sys.stdin, sys.stdout))
    except KeyboardInterrupt:
        return 0


def _ingest(args: argparse.Namespace, settings: Settings, library: Library) -> int:
    reports: list[Report] = []
    for path in args.paths or [settings.catalogue]:
        if path.suffix == ".toml":
            reports.extend(load_catalogue(path))
            continue
        if not args.symbol:
            raise IngestError(f"{path}: a report text needs --symbol (e.g. --symbol A/HRC/58/19)")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise IngestError(f"{path}: cannot read it ({error})") from None
        meta = Report(
            symbol=args.symbol,
            lang=args.lang,
            title=args.title or args.symbol,
            date=args.date,
            source_url=args.url,
        )
        reports.append(parse_report_text(text, meta))
    for report in reports:
        library.add(report)
        print(f"indexed {report.symbol} ({report.lang}): {report.paragraph_count} paragraphs")
    return 0


def _search(args: argparse.Namespace, library: Library) -> int:
    result = library.search(" ".join(args.query), limit=max(1, min(args.limit, 100)))
    if args.json:
        _print_json(
            [
                {
                    "symbol": hit.paragraph.symbol,
                    "para": hit.paragraph.number,
                    "section": hit.paragraph.section,
                    "summary": hit.summary.plain,
                    "score": round(hit.score, 4),
                    "link": hit.paragraph.link,
                }
                for hit in result.hits
            ]
        )
        return 0
    color = sys.stdout.isatty()
    if not result.hits:
        print("No paragraph matches.")
    for rank, hit in enumerate(result.hits, 1):
        summary = "".join(bold(s.text, color) if s.match else s.text for s in hit.summary.segments)
        print(f"{rank}. {bold(hit.paragraph.citation, color)} — {hit.paragraph.section}")
        print(f"   {summary}")
        if hit.paragraph.link:
            print(f"   {hit.paragraph.link}")
    return 0


def _para(args: argparse.Namespace, library: Library) -> int:
    paragraph = library.paragraph(args.symbol, args.number)
    if paragraph is None:
        numbers = library.paragraph_numbers(args.symbol)
        where = f"its paragraphs are {numbers[0]}–{numbers[-1]}" if numbers else "not indexed"
        print(f"{args.symbol}, para. {args.number}: no such paragraph ({where})", file=sys.stderr)
        return 1
    if args.json:
        _print_json(
            {
                "symbol": paragraph.symbol,
                "para": paragraph.number,
                "section": paragraph.section,
                "text": paragraph.text,
                "link": paragraph.link,
            }
        )
        return 0
    print(f"{paragraph.citation} — {paragraph.section}\n\n{paragraph.text}")
    if paragraph.link:
        print(f"\n{paragraph.link}")
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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"reportbot: {error}", file=sys.stderr)
        return 2
    secret = settings.token.get_secret_value() if settings.token else ""
    in_sandbox = args.command == "sandbox" or (args.command == "run" and not secret)
    # The sandbox shares the terminal with the chat: only problems are logged there.
    quiet = in_sandbox and settings.log_level != "DEBUG"
    configure_logging("WARNING" if quiet else settings.log_level, [secret])
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
            return _sandbox(library)
        if args.command == "ingest":
            return _ingest(args, settings, library)
        if args.command == "search":
            return _search(args, library)
        if args.command == "para":
            return _para(args, library)
        return _reports(args, library)
    except IngestError as error:
        print(f"reportbot: {error}", file=sys.stderr)
        return 1
    finally:
        library.close()
