"""A file over the size limit for one document is refused before it is read, in one clear
line naming the file, its size and the limit; nothing of it is written."""
from __future__ import annotations

import os
import threading

import pytest
from sqlalchemy import create_engine

from tests.support import SEED
from timeline.store.queries import list_documents
from timeline.text.read import MAX_DOCUMENT_BYTES, DocumentTooLarge, check_size, decode


def documents(url: str) -> list[str]:
    from sqlalchemy.orm import Session

    engine = create_engine(url)
    try:
        with Session(engine) as session:
            return [name for name, _year, _count in list_documents(session)]
    finally:
        engine.dispose()


def test_a_huge_file_is_refused_unread(runner, tmp_path):
    huge = tmp_path / "huge-2020.txt"
    with huge.open("wb") as f:
        f.truncate(2_000_000_000)    # sparse: 2 GB on paper, nothing on disk
    result = runner.invoke(["ingest", str(huge), str(SEED)])
    assert result.exit_code == 1
    [line] = [x for x in result.output.splitlines() if x.startswith("error:")]
    assert line == (f"error: {huge}: too large: 2,000,000,000 bytes; the limit for one document "
                    "is 20,000,000 bytes (20 MB): split it into one file per yearbook or chronicle")
    assert documents(runner.url) == [SEED.stem]   # the other file still loads


def test_one_byte_over_the_limit_is_refused(runner, tmp_path):
    path = tmp_path / "over.txt"
    with path.open("wb") as f:
        f.truncate(MAX_DOCUMENT_BYTES + 1)
    result = runner.invoke(["ingest", str(path)])
    assert result.exit_code == 1 and "too large: 20,000,001 bytes" in result.output
    assert documents(runner.url) == []


def test_the_limit_itself_is_allowed():
    check_size(MAX_DOCUMENT_BYTES, name="x")
    with pytest.raises(DocumentTooLarge, match=r"^x: too large: 20,000,001 bytes; the limit"):
        check_size(MAX_DOCUMENT_BYTES + 1, name="x")


def test_decode_refuses_bytes_over_the_limit_too():
    """Callers of the library that read the bytes themselves get the same refusal."""
    with pytest.raises(DocumentTooLarge):
        decode(b"2020\n" * (MAX_DOCUMENT_BYTES // 5 + 1), name="big")


def test_a_stream_is_read_only_up_to_the_limit(runner, tmp_path):
    """A pipe has no size to check first: ingest stops reading one byte past the limit
    (the writer finds the pipe closed) instead of taking all it is sent."""
    pipe = tmp_path / "stream-2020.txt"
    os.mkfifo(pipe)
    sent = []

    def feed() -> None:
        chunk = b"2020\n" * 200_000
        try:
            with pipe.open("wb") as out:
                for _ in range(3 * MAX_DOCUMENT_BYTES // len(chunk)):
                    out.write(chunk)
                    sent.append(len(chunk))
        except BrokenPipeError:
            sent.append("closed")

    writer = threading.Thread(target=feed)
    writer.start()
    result = runner.invoke(["ingest", str(pipe)])
    writer.join()
    assert result.exit_code == 1 and "stream-2020.txt: too large: 20,000,001 bytes" in result.output
    assert sent[-1] == "closed"
