"""Defects 7 and 8: pypdf's own log lines on standard error, and AES-encrypted PDFs reported as
corrupt."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from compare.cli import main
from compare.errors import InputError
from compare.read import read
from tests.hostile.conftest import one_error_line, python
from tests.unit.test_read import make_pdf

TEXT = "The Ministers reaffirmed their commitment to peace and stability."


def _encrypted(algorithm: str, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([[TEXT]]))))
    writer.encrypt(user_password, owner_password="owner", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_pypdf_repairs_is_read_without_its_log_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A repeated key shifts every offset: pypdf logs "incorrect startxref pointer", "Multiple
    # definitions in dictionary" ... through Python's last-resort handler, then reads it.
    data = make_pdf([[TEXT]]).replace(b"<< /Type /Page /Parent", b"<< /Type /Page /Type /Page /Parent")
    path = tmp_path / "repaired.pdf"
    path.write_bytes(data)
    assert main(["clauses", "--format", "json", str(path)]) == 0
    captured = capsys.readouterr()
    assert TEXT in captured.out
    assert captured.err == ""


def test_a_truncated_pdf_is_one_line_without_pypdfs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "truncated.pdf"
    path.write_bytes(make_pdf([[TEXT]]).replace(b"%%EOF\n", b""))
    assert main(["clauses", str(path)]) == 2
    assert "truncated.pdf': corrupt PDF" in one_error_line(capsys.readouterr().err)


def test_pypdfs_logger_is_left_as_it_was(tmp_path: Path) -> None:
    import logging

    logger = logging.getLogger("pypdf")
    handlers, propagate = list(logger.handlers), logger.propagate
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf([[TEXT]]))
    read(path)
    assert logger.handlers == handlers and logger.propagate == propagate


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_with_only_an_owner_password_reads_normally(tmp_path: Path, algorithm: str) -> None:
    path = tmp_path / "restricted.pdf"
    path.write_bytes(_encrypted(algorithm, user_password=""))
    assert read(path).text == TEXT


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_that_needs_a_password_is_encrypted_not_corrupt(tmp_path: Path, algorithm: str) -> None:
    path = tmp_path / "secret.pdf"
    path.write_bytes(_encrypted(algorithm, user_password="secret"))
    with pytest.raises(InputError, match=r"secret\.pdf': encrypted PDF$"):
        read(path)


def test_without_the_cryptography_package_aes_is_encrypted_not_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "restricted.pdf"
    path.write_bytes(_encrypted("AES-128", user_password=""))
    code = (
        "import sys\n"
        "sys.modules['cryptography'] = None  # as on an installation without it\n"
        "from compare.cli import main\n"
        f"sys.exit(main(['clauses', {str(path)!r}]))\n"
    )
    result = python(code)
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert re.search(r"restricted\.pdf': encrypted PDF \(its cipher needs the 'cryptography' package\)$", line)


def test_cryptography_is_a_dependency() -> None:
    import tomllib

    from tests.hostile.conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(requirement.startswith("cryptography") for requirement in project["dependencies"])
