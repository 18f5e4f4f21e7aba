"""`make bench` (`python -m bench`): every scale asked for, printed as it is measured; the
results in docs/benchmarks.md and docs/benchmarks.json, rewritten after each scale."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from bench import machine, report
from bench.results import Run
from bench.run import Options, measure_scale
from bench.serving import Load

DEFAULT_SCALES = "1k,10k,100k,320k"
_SCALE = re.compile(r"(?P<number>\d+)(?P<k>k?)", re.IGNORECASE)


def parse_scales(text: str) -> list[tuple[str, int]]:
    """`1k,10k,300` as names and paragraph counts: [("1k", 1000), ("10k", 10000), ("300", 300)]."""
    scales = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        match = _SCALE.fullmatch(item)
        if match is None or int(match["number"]) == 0:
            raise argparse.ArgumentTypeError(
                f"a scale is a number of paragraphs (300, 10k), not {item!r}"
            )
        paragraphs = int(match["number"]) * (1000 if match["k"] else 1)
        scales.append((item.lower(), paragraphs))
    if not scales:
        raise argparse.ArgumentTypeError("name at least one scale")
    return scales


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"at least 1, not {number}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Index build, search and serving at library scale, against SQLite FTS5.",
    )
    parser.add_argument(
        "--scales",
        type=parse_scales,
        default=parse_scales(DEFAULT_SCALES),
        help=f"paragraph counts, comma-separated (default {DEFAULT_SCALES})",
    )
    parser.add_argument(
        "--queries", type=_positive, default=500, help="queries in the mix (default 500)"
    )
    parser.add_argument("--seed", type=int, default=0, help="the corpus's and queries' seed")
    parser.add_argument(
        "--no-e2e",
        dest="e2e",
        action="store_false",
        help="skip the serving process (cold start, end to end, throughput, RSS)",
    )
    parser.add_argument(
        "--sequential",
        type=_positive,
        default=Load.sequential,
        help=f"queries timed end to end, one at a time (default {Load.sequential})",
    )
    parser.add_argument(
        "--chats",
        type=_positive,
        default=Load.chats,
        help=f"chats sending at once for throughput (default {Load.chats})",
    )
    parser.add_argument(
        "--window",
        type=float,
        default=Load.window,
        help=f"seconds over which throughput is counted (default {Load.window:g})",
    )
    parser.add_argument(
        "--warm-up",
        type=float,
        default=Load.warm_up,
        help=f"seconds of load before counting (default {Load.warm_up:g})",
    )
    parser.add_argument(
        "--no-rate-limited",
        dest="rate_limited",
        action="store_false",
        help="skip the throughput run with the rate limiter on",
    )
    parser.add_argument(
        "--threads",
        type=_positive,
        default=Options.threads,
        help=f"threads searching one library at once, against one (default {Options.threads})",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile the serving process with pyinstrument (WORK/<scale>/bot-profile.txt)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("docs"),
        help="where benchmarks.md and benchmarks.json go (default docs)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("var/bench"),
        help="working data: indexes, logs, profiles (default var/bench)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    load = Load(
        sequential=args.sequential,
        chats=args.chats,
        warm_up=args.warm_up,
        window=args.window,
        rate_limited=args.rate_limited,
    )
    options = Options(
        queries=args.queries,
        seed=args.seed,
        e2e=args.e2e,
        load=load,
        profile=args.profile,
        threads=args.threads,
    )
    started = time.perf_counter()
    run = Run(
        started=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        seconds=0,
        machine=machine.describe(),
        scales_asked=tuple(name for name, _ in args.scales),
        options={
            "queries": args.queries,
            "seed": args.seed,
            "e2e": args.e2e,
            "sequential": load.sequential,
            "chats": load.chats,
            "window_s": load.window,
            "rate_limited": load.rate_limited,
            "threads": args.threads,
        },
    )
    for name, paragraphs in args.scales:
        result = measure_scale(name, paragraphs, options, args.work / name)
        print(f"\n## {name}\n\n{report.scale_table(result)}\n", flush=True)
        run = replace(run, results=(*run.results, result), seconds=time.perf_counter() - started)
        # After each scale: a run stopped at 320k keeps what it measured.
        report.write(run, args.out)
    print(report.targets_table(run))
    print(f"\n{args.out / report.MARKDOWN} written; {run.seconds:.0f} s in all.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
