"""`reportbot` as a person runs it: the console script in a subprocess, a fresh index dir."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import re
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.emulator import Emulator
from bot.store import DATABASE_FILE, open_store
from bot.store.migrations import MIGRATIONS
from index import MATCHES, MODES, Library
from index.store.generations import Generations
from index.store.vectors import CODES, KEYS, SCALES
from tests.bot.console import REPORTBOT, TOKEN, start_bot, stop_bot
from tests.bot.loopback import free_port
from tests.index.ingest.document_system import Answer, running_document_system, serve
from tests.index.ingest.formats.un_pdf import write_report
from tests.index.ingest.formats.web_pages import RELIEFWEB_PAGE
from tests.services import postgresql_schema


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("REPORTBOT_")}
    clean["REPORTBOT_INDEX_DIR"] = str(tmp_path / "index")
    clean["REPORTBOT_DATA_DIR"] = str(tmp_path / "data")
    return clean


def reportbot(
    env: dict[str, str], *args: str, stdin: str = "", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [REPORTBOT, *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        check=False,
    )


def test_sandbox_with_piped_input_prints_the_replies_and_exits(env: dict[str, str]) -> None:
    done = reportbot(env, "sandbox", stdin="/search trafficking\n")
    assert done.returncode == 0, done.stderr
    assert "A/HRC/58/19, para. 3" in done.stdout
    assert "[1] para." in done.stdout
    assert "Telegram would reject" not in done.stdout


def test_run_without_a_token_opens_the_sandbox(env: dict[str, str], tmp_path: Path) -> None:
    done = reportbot(env, "run", stdin="/search trafficking\n2\n", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "No REPORTBOT_TOKEN" in done.stderr
    assert "A/HRC/58/19, para. 3" in done.stdout
    # Pressing button 2 opened the second result in full: its citation starts a message.
    assert "\nA/HRC/58/19, para. " in done.stdout


def test_search_json(env: dict[str, str]) -> None:
    done = reportbot(env, "search", "trafficking", "--json", "--limit", "2")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert len(results) == 2
    fields = {
        *("symbol", "lang", "para", "kind", "annex", "section", "summary", "score", "match"),
        "link",
    }
    assert set(results[0]) == fields
    assert {r["match"] for r in results} <= {"words", "both"}
    assert {r["para"] for r in results} <= {1, 2, 3, 4}
    assert all("trafficking" in r["summary"].casefold() for r in results)


def test_para_and_reports(env: dict[str, str]) -> None:
    para = json.loads(reportbot(env, "para", "A/HRC/58/19", "2", "--json").stdout)
    assert para["para"] == 2
    assert para["section"] == "I. Introduction"
    assert para["text"].startswith("In the present report, the Special Representative reviews")
    missing = reportbot(env, "para", "A/HRC/58/19", "9")
    assert missing.returncode == 1
    assert "1–4" in missing.stderr
    (report,) = json.loads(reportbot(env, "reports", "--json").stdout)
    assert report == {
        "symbol": "A/HRC/58/19",
        "title": "Annual report of the Special Representative of the Secretary-General "
        "on Violence against Children",
        "date": "2025-01-13",
        "languages": ["en"],
        "paragraphs": 4,
    }


def test_ingest_replaces_a_report_whole_and_a_bad_file_changes_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    text = tmp_path / "r.txt"
    text.write_text("I. Scope\n\n1. Birth registration protects children.\n\n2. Second.\n")
    done = reportbot(env, "ingest", str(text), "--symbol", "A/TEST/1", "--title", "Test")
    assert done.returncode == 0, done.stderr
    text.write_text("I. Scope\n\n1. Birth registration protects every child.\n")
    assert reportbot(env, "ingest", str(text), "--symbol", "A/TEST/1").returncode == 0
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe\x00garbage")
    failed = reportbot(env, "ingest", str(broken), "--symbol", "A/TEST/1")
    assert failed.returncode == 1
    assert "broken.txt" in failed.stderr
    assert "Traceback" not in failed.stderr
    reports = {r["symbol"]: r for r in json.loads(reportbot(env, "reports", "--json").stdout)}
    assert reports["A/TEST/1"]["paragraphs"] == 1
    assert reports["A/HRC/58/19"]["paragraphs"] == 4
    (hit,) = json.loads(reportbot(env, "search", "birth registration", "--json").stdout)
    assert hit["symbol"] == "A/TEST/1"
    assert "every child" in hit["summary"]


MARKDOWN_REPORT = """\
# Birth registration (A/HRC/55/7)

## I. Scope

1\\. Birth registration protects every child.

2\\. Registration must be *free*.
"""


def _batch(folder: Path) -> list[Path]:
    """A folder holding a Markdown report and, deeper, a saved ReliefWeb page; and a text."""
    (folder / "web").mkdir(parents=True)
    markdown = folder / "a55-7.md"
    markdown.write_text(MARKDOWN_REPORT, encoding="utf-8")
    page = folder / "web" / "a-hrc-58-19.html"
    page.write_text(RELIEFWEB_PAGE, encoding="utf-8")
    text = folder.parent / "a79.txt"
    text.write_text(
        "A/79/123\nGeneral Assembly\n1 July 2024\nRights of the child\n\n"
        "I. Scope\n\n1. Registration is a right.\n",
        encoding="utf-8",
    )
    return [markdown, page, text]


def _indexed(env: dict[str, str]) -> dict[str, int]:
    listed = json.loads(reportbot(env, "reports", "--json").stdout)
    return {report["symbol"]: report["paragraphs"] for report in listed}


def test_ingest_reads_files_and_folders_and_says_what_it_indexed(
    env: dict[str, str], tmp_path: Path
) -> None:
    markdown, page, text = _batch(tmp_path / "reports")
    done = reportbot(env, "ingest", str(tmp_path / "reports"), str(text))
    assert done.returncode == 0, done.stderr
    indexed = _indexed(env)
    assert done.stdout.splitlines() == [
        f"indexed A/HRC/55/7 (en): {indexed['A/HRC/55/7']} paragraphs from {markdown}",
        f"indexed A/HRC/58/19 (en): {indexed['A/HRC/58/19']} paragraphs from {page}",
        f"indexed A/79/123 (en): {indexed['A/79/123']} paragraphs from {text}",
    ]
    assert indexed["A/HRC/55/7"] == 2
    hits = json.loads(reportbot(env, "search", "birth registration", "--json").stdout)
    assert hits[0]["symbol"] == "A/HRC/55/7"


def test_a_big_ingest_says_how_fast_words_and_vectors_went_and_shows_its_progress(
    env: dict[str, str], tmp_path: Path
) -> None:
    lines = [
        f"{number}. Paragraph {number} on the protection of children." for number in range(1, 1201)
    ]
    text = tmp_path / "big.txt"
    text.write_text("\n\n".join(lines), encoding="utf-8")
    done = reportbot(env, "ingest", str(text), "--symbol", "A/80/1200", "--title", "Big")
    assert done.returncode == 0, done.stderr
    # Not a terminal: a line at each tenth of the paragraphs encoded, then the rates.
    assert "encoding: 1200/1200 paragraphs" in done.stderr.splitlines()
    assert re.search(
        r"^1200 paragraphs: words in [\d.]+ s \(\d+/s\), vectors in [\d.]+ s \(\d+/s\)$",
        done.stderr,
        re.MULTILINE,
    ), done.stderr
    assert _indexed(env)["A/80/1200"] == 1200


def test_fetch_indexes_each_published_version_of_a_symbol(
    env: dict[str, str], tmp_path: Path
) -> None:
    with running_document_system() as ods:
        env["REPORTBOT_UN_DOCUMENTS_URL"] = ods
        pdf = write_report(tmp_path / "report.pdf").read_bytes()
        serve("A/HRC/58/19", "en", Answer(body=pdf))
        serve("A/HRC/58/19", "fr", Answer(body=pdf))
        done = reportbot(env, "fetch", "A/HRC/58/19", "--lang", "en,fr,ru")
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[-1] == (
            "A/HRC/58/19: en, fr read; not published in Russian"
        )
        listed = json.loads(reportbot(env, "reports", "--json").stdout)
        (fetched,) = (report for report in listed if report["symbol"] == "A/HRC/58/19")
        assert sorted(fetched["languages"]) == ["en", "fr"]
        # A version that cannot be read publishes nothing, the other versions included.
        serve("A/HRC/99/1", "en", Answer(body=pdf))
        serve("A/HRC/99/1", "fr", Answer(body=b"PK\x03\x04", content_type="application/zip"))
        refused = reportbot(env, "fetch", "A/HRC/99/1", "--lang", "en,fr")
        assert refused.returncode == 1
        assert "A/HRC/99/1 in French" in refused.stderr
        assert "A/HRC/99/1" not in _indexed(env)


def test_ingest_warns_of_numbering_it_cannot_place_and_strict_refuses_it(
    env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "unsure.txt"
    path.write_text("A/HRC/1/1\n\n12. Recommends:\n\n3. Unplaced.\n", encoding="utf-8")
    strict = reportbot(env, "ingest", "--strict", str(path))
    assert strict.returncode == 1
    assert "page 1: `3.` after paragraph 12" in strict.stderr
    assert "A/HRC/1/1" not in _indexed(env)
    done = reportbot(env, "ingest", str(path))
    assert done.returncode == 0, done.stderr
    assert "reportbot: warning: A/HRC/1/1: page 1: `3.` after paragraph 12" in done.stderr
    assert "A/HRC/1/1" in _indexed(env)


def test_para_opens_a_preambular_paragraph(env: dict[str, str]) -> None:
    resolution = Path(__file__).parents[1] / "index/ingest/formats/real/A_RES_78_9.pdf"
    assert reportbot(env, "ingest", str(resolution)).returncode == 0
    done = reportbot(env, "para", "A/RES/78/9", "pp3", "--json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert (shown["para"], shown["kind"]) == (3, "preambular")
    assert shown["text"].startswith("Welcoming the progress achieved in the Central Asian")
    missing = reportbot(env, "para", "A/RES/78/9", "pp30")
    assert missing.returncode == 1
    assert "no paragraph pp30" in missing.stderr


def test_one_bad_file_fails_the_whole_batch_and_indexes_none_of_it(
    env: dict[str, str], tmp_path: Path
) -> None:
    before = _indexed(env)
    _batch(tmp_path / "reports")
    bad = tmp_path / "reports" / "web" / "minutes.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 an old Word .doc, renamed")
    done = reportbot(env, "ingest", str(tmp_path / "reports"), str(tmp_path / "a79.txt"))
    assert done.returncode == 1
    assert str(bad) in done.stderr
    assert "not a Word .docx document" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    assert _indexed(env) == before


def test_ingest_refuses_one_symbol_for_several_files(env: dict[str, str], tmp_path: Path) -> None:
    _batch(tmp_path / "reports")
    done = reportbot(env, "ingest", str(tmp_path / "reports"), "--symbol", "A/HRC/1/1")
    assert done.returncode == 1
    assert "--symbol A/HRC/1/1 names one report, but 2 files were given" in done.stderr


def _library_rows(env: dict[str, str], symbol: str) -> list[dict[str, Any]]:
    library = Library(Path(env["REPORTBOT_INDEX_DIR"]))
    try:
        paragraphs = library.paragraphs(symbol)
    finally:
        library.close()
    return [
        {
            "symbol": p.symbol,
            "lang": p.lang,
            "para": p.number,
            "kind": p.kind,
            "annex": p.annex,
            "section": " › ".join(p.section_path),
            "page": p.page,
            "text": p.text,
            "notes": list(p.notes),
            "link": p.link,
        }
        for p in paragraphs
    ]


def test_export_writes_json_lines_and_csv_to_stdout(env: dict[str, str], tmp_path: Path) -> None:
    assert reportbot(env, "ingest", str(_batch(tmp_path / "reports")[1])).returncode == 0
    expected = _library_rows(env, "A/HRC/58/19")
    assert any(row["notes"] for row in expected)

    jsonl = reportbot(env, "export", "A/HRC/58/19")
    assert jsonl.returncode == 0, jsonl.stderr
    assert [json.loads(line) for line in jsonl.stdout.splitlines()] == expected

    as_csv = reportbot(env, "export", "A/HRC/58/19", "--format", "csv", "--lang", "en")
    assert as_csv.returncode == 0, as_csv.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout, newline="")))
    assert rows == [
        {
            **{name: "" if value is None else str(value) for name, value in row.items()},
            "notes": "\n".join(row["notes"]),
        }
        for row in expected
    ]


def test_export_to_a_file_takes_the_format_from_its_suffix(
    env: dict[str, str], tmp_path: Path
) -> None:
    output = tmp_path / "paragraphs.csv"
    done = reportbot(env, "export", "--output", str(output))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    with output.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["para"] for row in rows] == [
        str(row["para"]) for row in _library_rows(env, "A/HRC/58/19")
    ]


def test_export_of_an_unknown_report_is_one_clear_error(env: dict[str, str]) -> None:
    done = reportbot(env, "export", "A/HRC/58/19", "A/NOPE/1")
    assert done.returncode == 1
    error = done.stderr.splitlines()[-1]
    assert "A/NOPE/1" in error
    assert "A/HRC/58/19" not in error
    assert done.stdout == ""


def test_invalid_settings_exit_2_with_one_line(env: dict[str, str]) -> None:
    env["REPORTBOT_TOKEN"] = "oops-SECRET"
    done = reportbot(env, "reports")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "REPORTBOT_TOKEN" in done.stderr
    assert "SECRET" not in done.stderr


async def test_run_with_a_token_serves_a_bot_api_server_by_long_polling(
    env: dict[str, str],
) -> None:
    async with Emulator(token=TOKEN, bot_username="reportbot_live_bot") as emulator:
        env |= {"REPORTBOT_TOKEN": TOKEN, "REPORTBOT_API_BASE_URL": emulator.base_url}
        process = await start_bot(env)
        try:
            user = emulator.user(first_name="Mariam")
            chat = emulator.private_chat(user)
            emulator.send_message(chat, user, "/search trafficking")
            reply = await emulator.wait_for(lambda c: c.method == "sendMessage", timeout=30)
            assert "A/HRC/58/19, para. 3" in reply.response["result"]["text"]
        finally:
            status, logs = await stop_bot(process)
        assert status == 0
        assert [call.method for call in emulator.calls if not call.ok] == []
        assert TOKEN not in logs
        assert TOKEN.split(":")[1] not in logs
        assert "trafficking" not in logs
        assert str(user["id"]) not in logs
        assert "serving by long polling" in logs


async def test_run_takes_the_operators_and_the_search_limits_from_the_settings(
    env: dict[str, str],
) -> None:
    async with Emulator(token=TOKEN, bot_username="reportbot_live_bot") as emulator:
        operator = emulator.user(first_name="Olu")
        env |= {
            "REPORTBOT_TOKEN": TOKEN,
            "REPORTBOT_API_BASE_URL": emulator.base_url,
            "REPORTBOT_SEARCHES_PER_USER": "1",
            "REPORTBOT_ADMIN_IDS": f"{operator['id']},42",
        }
        process = await start_bot(env)
        try:
            chat = emulator.private_chat(operator)
            for text in ("/search trafficking", "/search children", "/status"):
                emulator.send_message(chat, operator, text)
            await emulator.wait_for(
                lambda _: len(emulator.bot_messages(chat["id"])) == 3, timeout=30
            )
        finally:
            await stop_bot(process)
        found, slow_down, status = (m["text"] for m in emulator.bot_messages(chat["id"]))
        assert found.startswith("🔎")
        assert slow_down.startswith("You're searching quickly")
        assert status.startswith("Status\nReports: 1")


def test_an_unusable_index_dir_is_one_clear_line(env: dict[str, str], tmp_path: Path) -> None:
    env["REPORTBOT_INDEX_DIR"] = str(tmp_path / "a-file")
    (tmp_path / "a-file").write_text("not a folder")
    done = reportbot(env, "search", "trafficking")
    assert done.returncode == 1
    assert "cannot open the index in" in done.stderr
    assert "Traceback" not in done.stderr


def _replies(emulator: Emulator) -> list[str]:
    return [call.params["text"] for call in emulator.calls if call.method == "sendMessage"]


async def test_sigterm_stops_long_polling_cleanly_and_a_restart_handles_nothing_twice(
    env: dict[str, str],
) -> None:
    async with Emulator(token=TOKEN, bot_username="reportbot_live_bot") as emulator:
        env |= {"REPORTBOT_TOKEN": TOKEN, "REPORTBOT_API_BASE_URL": emulator.base_url}
        user = emulator.user(first_name="Mariam")
        chat = emulator.private_chat(user)
        first = await start_bot(env)
        try:
            handled = emulator.send_message(chat, user, "/search trafficking")
            await emulator.wait_for(lambda c: c.method == "sendMessage", timeout=30)
        finally:
            code, _ = await stop_bot(first)
        assert code == 0
        # On its way out the bot confirmed the update to the Bot API with getUpdates' offset.
        polls = [call for call in emulator.calls if call.method == "getUpdates"]
        assert polls[-1].params["offset"] == handled["update_id"] + 1

        since = len(emulator.calls)
        second = await start_bot(env)
        try:
            emulator.send_message(chat, user, "/search children")
            await emulator.wait_for(lambda c: c.method == "sendMessage", since=since, timeout=30)
        finally:
            code, _ = await stop_bot(second)
        assert code == 0
        fetched = [
            update["update_id"]
            for call in emulator.calls[since:]
            if call.method == "getUpdates"
            for update in call.result
        ]
        assert handled["update_id"] not in fetched
        assert len(_replies(emulator)) == 2
        assert [call.method for call in emulator.calls if not call.ok] == []


async def test_run_with_a_webhook_url_serves_by_webhook_and_stops_cleanly_on_sigterm(
    env: dict[str, str],
) -> None:
    port = free_port()
    secret = "deploy-secret_42"
    url = f"http://127.0.0.1:{port}/tg-hook-5f1c9e"
    async with (
        Emulator(token=TOKEN, bot_username="reportbot_live_bot") as emulator,
        aiohttp.ClientSession() as http,
    ):
        env |= {
            "REPORTBOT_TOKEN": TOKEN,
            "REPORTBOT_API_BASE_URL": emulator.base_url,
            "REPORTBOT_WEBHOOK_URL": url,
            "REPORTBOT_WEBHOOK_SECRET": secret,
            "REPORTBOT_PORT": str(port),
        }
        user = emulator.user(first_name="Mariam")
        chat = emulator.private_chat(user)
        process = await start_bot(env)
        try:
            set_webhook = await emulator.wait_for(lambda c: c.method == "setWebhook", timeout=30)
            assert (set_webhook.params["url"], set_webhook.params["secret_token"]) == (url, secret)
            async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                assert (response.status, await response.text()) == (
                    200,
                    "ok: 1 report(s) indexed\n",
                )
            update = emulator.send_message(chat, user, "/search trafficking")
            # The bot has answered the webhook's POST: the update is in its hands, not yet
            # handled, when SIGTERM comes.
            await emulator.wait_fetched(update, timeout=30)
        finally:
            code, logs = await stop_bot(process)
        assert code == 0, logs
        (reply,) = _replies(emulator)
        assert "A/HRC/58/19, para. 3" in reply
        assert [call.method for call in emulator.calls if not call.ok] == []
        assert not any(call.method == "getUpdates" for call in emulator.calls)
        assert f"serving by webhook on 127.0.0.1:{port}" in logs
        for private in (TOKEN.split(":")[1], secret, "tg-hook-5f1c9e", "trafficking"):
            assert private not in logs


def test_a_webhook_url_without_a_secret_is_refused_in_one_line(env: dict[str, str]) -> None:
    env["REPORTBOT_WEBHOOK_URL"] = "https://bot.example.org/hook"
    done = reportbot(env, "run")
    assert done.returncode == 2
    assert done.stderr == (
        "reportbot: invalid settings: "
        "REPORTBOT_WEBHOOK_SECRET is required when REPORTBOT_WEBHOOK_URL is set\n"
    )


async def test_a_webhook_url_the_bot_api_refuses_is_one_clear_line(env: dict[str, str]) -> None:
    async with Emulator(token=TOKEN, bot_username="reportbot_live_bot") as emulator:
        env |= {
            "REPORTBOT_TOKEN": TOKEN,
            "REPORTBOT_API_BASE_URL": emulator.base_url,
            "REPORTBOT_WEBHOOK_URL": "http://bot.example.org/hook",
            "REPORTBOT_WEBHOOK_SECRET": "deploy-secret_42",
            "REPORTBOT_PORT": str(free_port()),
        }
        process = await start_bot(env)
        stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 1
    assert stderr.decode().splitlines()[-1] == (
        # PTB's wording of Telegram's "Bad Request: bad webhook: An HTTPS URL must be provided…"
        "reportbot: the Bot API refused: Bad webhook: an https url must be provided for webhook"
    )
    assert "Traceback" not in (stdout + stderr).decode()


async def test_a_chats_settings_survive_sigkill(env: dict[str, str], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    async with Emulator(token=TOKEN, bot_username="reportbot_live_bot") as emulator:
        env |= {"REPORTBOT_TOKEN": TOKEN, "REPORTBOT_API_BASE_URL": emulator.base_url}
        user = emulator.user(first_name="Mariam", language_code="en")
        chat = emulator.private_chat(user)
        process = await start_bot(env)
        try:
            emulator.send_message(chat, user, "/report A/HRC/58/19")
            # Read by this process while the bot's writes it: as a second bot process would.
            with open_store(data_dir) as store:
                for _ in range(100):
                    if store.all_settings().get(chat["id"]) == {"report": "A/HRC/58/19"}:
                        break
                    await asyncio.sleep(0.1)
        finally:
            process.kill()
            await asyncio.wait_for(process.communicate(), 30)
        process = await start_bot(env)
        try:
            emulator.send_message(chat, user, "/settings")
            reply = await emulator.wait_for(
                lambda c: c.method == "sendMessage" and "Report for" in c.params["text"], timeout=30
            )
        finally:
            await stop_bot(process)
        assert "(chosen with /report)" in reply.params["text"]
        assert list(data_dir.glob("*corrupt*")) == []


def test_a_database_written_by_a_newer_bot_is_refused_in_one_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    open_store(tmp_path / "data").close()
    path = tmp_path / "data" / DATABASE_FILE
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE schema_version SET version = version + 1")
    env["REPORTBOT_TOKEN"] = TOKEN
    done = reportbot(env, "run")
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        f"reportbot: the database {path} is at schema version {len(MIGRATIONS) + 1}, and this "
        f"reportbot knows versions up to {len(MIGRATIONS)}: it was written by a newer reportbot. "
        "Run that version, or restore a backup made by this one."
    )
    assert "Traceback" not in done.stderr


# Search by meaning: modes, how a row was found, and the vectors of an index built before it.


def test_search_ranks_by_the_mode_asked_and_says_how_each_row_was_found(
    env: dict[str, str],
) -> None:
    for mode in MODES:
        done = reportbot(env, "search", "trafficking", "--json", "--mode", mode)
        assert done.returncode == 0, done.stderr
        rows = json.loads(done.stdout)
        assert rows, mode
        assert {row["match"] for row in rows} <= set(MATCHES)
        if mode == "lexical":
            assert {row["match"] for row in rows} == {"words"}
    wrong = reportbot(env, "search", "trafficking", "--mode", "fuzzy")
    assert wrong.returncode == 2
    assert "invalid choice: 'fuzzy'" in wrong.stderr


def test_a_french_query_over_english_reports_finds_english_paragraphs_by_meaning(
    env: dict[str, str],
) -> None:
    query = ["la", "traite", "des", "enfants", "--lang", "fr"]
    rows = json.loads(reportbot(env, "search", *query, "--json").stdout)
    assert rows
    assert {row["lang"] for row in rows} == {"en"}
    assert "meaning" in {row["match"] for row in rows}
    shown = reportbot(env, "search", *query).stdout
    # Each row in another language than the reader's is marked with its code, and each row found
    # by meaning alone says so.
    assert shown.count(" [en]") == len(rows)
    assert "≈ related in meaning" in shown


def without_vectors(env: dict[str, str]) -> None:
    """The index as one built before search by meaning is: the bundled report indexed, and no
    vector files beside Whoosh's in the live index's folder (index/store/vectors.py). The
    catalogue is indexed by today's code, then its vectors removed: Whoosh's files are the same
    either way."""
    assert reportbot(env, "reports").returncode == 0
    live = Generations(Path(env["REPORTBOT_INDEX_DIR"])).current()
    assert live is not None
    for name in (CODES, SCALES, KEYS):
        (live / name).unlink()


HOW_TO_ADD = "Run `reportbot vectors` to add them."


def test_search_says_once_how_to_add_missing_vectors_and_vectors_adds_them(
    env: dict[str, str],
) -> None:
    without_vectors(env)
    reports = json.loads(reportbot(env, "reports", "--json").stdout)
    paragraphs = sum(report["paragraphs"] for report in reports)
    done = reportbot(env, "search", "trafficking", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == (
        f"reportbot: 1 report has no vectors yet: it is found by its words only. {HOW_TO_ADD}\n"
    )
    # Found by its words all the same.
    assert {row["match"] for row in json.loads(done.stdout)} == {"words"}

    added = reportbot(env, "vectors")
    assert added.returncode == 0, added.stderr
    assert re.fullmatch(
        rf"{paragraphs} paragraphs encoded in \d+\.\d s \(\d+ paragraphs/s\)\n", added.stdout
    ), added.stdout
    assert f"encoding: {paragraphs}/{paragraphs} paragraphs" in added.stderr

    again = reportbot(env, "search", "trafficking")
    assert again.returncode == 0
    assert "vectors" not in again.stderr
    assert reportbot(env, "vectors").stdout == "every report already has its vectors\n"


def test_vectors_while_an_ingest_holds_the_index_says_so_as_the_ingest_does(
    env: dict[str, str],
) -> None:
    without_vectors(env)
    with Generations(Path(env["REPORTBOT_INDEX_DIR"])).locked(wait=False):
        vectors = reportbot(env, "vectors")
        ingest = reportbot(env, "ingest")
    assert (vectors.returncode, ingest.returncode) == (1, 1)
    busy = vectors.stderr.splitlines()[-1]
    assert busy.startswith("reportbot: another ingest is changing the index")
    assert busy == ingest.stderr.splitlines()[-1]
    assert "Traceback" not in vectors.stderr
    # Nothing changed: the vectors are still missing.
    assert HOW_TO_ADD in reportbot(env, "search", "trafficking").stderr


def test_the_sandbox_says_once_how_to_add_missing_vectors(
    env: dict[str, str], tmp_path: Path
) -> None:
    without_vectors(env)
    done = reportbot(env, "run", stdin="/search trafficking\n", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count(HOW_TO_ADD) == 1
    assert "A/HRC/58/19, para. 3" in done.stdout


async def test_run_logs_once_how_to_add_missing_vectors(env: dict[str, str]) -> None:
    without_vectors(env)
    async with Emulator(token=TOKEN, bot_username="reportbot_live_bot") as emulator:
        env |= {"REPORTBOT_TOKEN": TOKEN, "REPORTBOT_API_BASE_URL": emulator.base_url}
        process = await start_bot(env)
        try:
            user = emulator.user(first_name="Mariam")
            emulator.send_message(emulator.private_chat(user), user, "/search trafficking")
            reply = await emulator.wait_for(lambda c: c.method == "sendMessage", timeout=30)
            assert "A/HRC/58/19, para. 3" in reply.response["result"]["text"]
        finally:
            status, logs = await stop_bot(process)
    assert status == 0
    (line,) = [line for line in logs.splitlines() if HOW_TO_ADD in line]
    assert " WARNING reportbot: 1 report has no vectors yet" in line


# The search syntax (issue 16): what a search leaves out is never among its rows.

EVAL_CATALOGUE = Path(__file__).parents[1] / "eval" / "catalogue.toml"


def _exported(env: dict[str, str]) -> dict[tuple[Any, ...], str]:
    """Every indexed paragraph's text, by what a search row names it by."""
    done = reportbot(env, "export")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    return {
        (row["symbol"], row["lang"], row["annex"], row["kind"], row["para"]): row["text"]
        for row in rows
    }


def test_search_json_rows_never_have_a_form_of_a_word_left_out(env: dict[str, str]) -> None:
    """In the language it is typed in: an English paragraph found by the meaning of `enfants`
    may mention trafficking (the index does not translate what is left out)."""
    assert reportbot(env, "ingest", str(EVAL_CATALOGUE)).returncode == 0
    texts = _exported(env)
    for query, lang, forms in [
        (["children", "-trafficking"], "en", r"traffick"),
        (["children", "NOT", "trafficking"], "en", r"traffick"),
        (["enfants", "-traite"], "fr", r"traite"),
        (["дети", "NOT", "торговля"], "ru", r"торговл"),
    ]:
        done = reportbot(env, "search", *query, "--json", "--limit", "20", "--lang", lang)
        assert done.returncode == 0, done.stderr
        rows = json.loads(done.stdout)
        assert len(rows) == 20, query
        for row in rows:
            text = texts[(row["symbol"], row["lang"], row["annex"], row["kind"], row["para"])]
            assert not re.search(forms, text.casefold()), (query, text)
        # The same words without the exclusion find paragraphs with the word.
        kept = [word.lstrip("-") for word in query if word != "NOT"]
        found = json.loads(reportbot(env, "search", *kept, "--json", "--lang", lang).stdout)
        assert any(
            re.search(forms, texts[(r["symbol"], r["lang"], r["annex"], r["kind"], r["para"])])
            for r in found
        )


def test_search_takes_a_query_starting_with_a_minus_and_says_what_it_could_not_search(
    env: dict[str, str],
) -> None:
    done = reportbot(env, "search", "-trafficking", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    assert "say what to look for, not only what to leave out" in done.stderr
    for query in ("NOT", "----", "OR OR", "*"):
        done = reportbot(env, "search", "--json", "--", query)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == []
        assert "there is nothing to search for there" in done.stderr
    done = reportbot(env, "search", '"child protection', "--limit", "1")
    assert done.returncode == 0, done.stderr
    assert "reportbot: a quote was not closed: it was read to the end." in done.stderr
    assert "A/HRC/58/19, para. " in done.stdout
    # The options still read as options wherever they are.
    rows = json.loads(
        reportbot(env, "search", "trafficking", "-children", "--lim", "1", "--json").stdout
    )
    assert len(rows) <= 1


CITING = Path(__file__).parent / "reports" / "A-HRC-60-99.md"


def test_para_json_gives_notes_and_references_and_citedby_lists_the_citing_paragraphs(
    env: dict[str, str],
) -> None:
    done = reportbot(env, "ingest", str(CITING), "--symbol", "A/HRC/60/99")
    assert done.returncode == 0, done.stderr
    shown = json.loads(reportbot(env, "para", "A/HRC/60/99", "1", "--json").stdout)
    assert shown["notes"] == [{"n": 1, "text": "See A/HRC/59/41, paras. 14–18."}]
    references = {found["text"]: found for found in shown["references"]}
    assert references["A/HRC/58/19, paras. 3 and 4"] | {"link": None} == {
        "text": "A/HRC/58/19, paras. 3 and 4",
        "kind": "paragraph",
        "symbol": "A/HRC/58/19",
        "para": [3, 4],
        "link": None,
        "indexed": True,
    }
    assert references["General Assembly resolution 62/141"]["indexed"] is False
    assert references["General Assembly resolution 62/141"]["link"] == (
        "https://docs.un.org/en/A/RES/62/141"
    )

    citing = json.loads(reportbot(env, "citedby", "A/HRC/58/19", "--json").stdout)
    assert [(row["symbol"], row["para"]) for row in citing] == [
        ("A/HRC/60/99", 1),
        ("A/HRC/60/99", 2),
    ]
    assert set(citing[0]) == {"symbol", "para", "annex", "summary", "link"}
    done = reportbot(env, "citedby", "A/HRC/58/19", "4")
    assert done.stdout.startswith("A/HRC/58/19, para. 4: cited in 1 paragraph\n")

    done = reportbot(env, "remove", "A/HRC/60/99")
    assert (done.returncode, done.stdout) == (0, "removed A/HRC/60/99 (en)\n")
    assert json.loads(reportbot(env, "citedby", "A/HRC/58/19", "--json").stdout) == []
    done = reportbot(env, "remove", "A/HRC/60/99")
    assert done.returncode == 1
    assert "A/HRC/60/99 is not indexed" in done.stderr


async def test_run_keeps_what_chats_chose_in_postgresql_when_given_its_address(
    env: dict[str, str], tmp_path: Path
) -> None:
    with postgresql_schema() as url:
        async with Emulator(token=TOKEN, bot_username="reportbot_live_bot") as emulator:
            env |= {
                "REPORTBOT_TOKEN": TOKEN,
                "REPORTBOT_API_BASE_URL": emulator.base_url,
                "REPORTBOT_DATABASE_URL": url,
            }
            process = await start_bot(env)
            try:
                user = emulator.user(first_name="Mariam")
                chat = emulator.private_chat(user)
                emulator.send_message(chat, user, "/follow trafficking")
                await emulator.wait_for(lambda c: c.method == "sendMessage", timeout=30)
            finally:
                status, _ = await stop_bot(process)
        assert status == 0
        with open_store(tmp_path / "elsewhere", url) as store:
            assert [topic.query for topic in store.topics(chat["id"])] == ["trafficking"]
    assert not (Path(env["REPORTBOT_DATA_DIR"]) / "reportbot.sqlite3").exists()


def test_a_database_that_cannot_be_reached_is_one_line_without_its_password(
    env: dict[str, str],
) -> None:
    env |= {
        "REPORTBOT_TOKEN": TOKEN,
        "REPORTBOT_DATABASE_URL": "postgresql://bot:s3cret-pw@127.0.0.1:1/reportbot",
    }
    done = reportbot(env, "run")
    assert done.returncode == 1
    (said,) = [line for line in done.stderr.splitlines() if line.startswith("reportbot:")]
    assert said.startswith("reportbot: cannot open the database postgresql://bot:***@127.0.0.1:1/")
    assert "s3cret-pw" not in done.stderr + done.stdout
