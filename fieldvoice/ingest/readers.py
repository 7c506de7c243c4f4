"""Read one export file (CSV in any delimiter/encoding, JSON Lines, XLSX) into records of text cells.

Parsing is done by the standard library's csv module, json and openpyxl (through pandas): no hand-written
parser. Each record keeps the physical line (or sheet row) where it starts, for lineage and error messages.
A record that cannot be read (not JSON, wrong field count, cut off at end of file) is kept, empty, with an
issue and its raw text, so validation quarantines it with that reason: nothing is dropped silently.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

SUPPORTED_SUFFIXES = (".csv", ".txt", ".tsv", ".jsonl", ".json", ".ndjson", ".xlsx")
_DELIMITERS = (",", ";", "\t", "|")
# A field is never larger than its file, which is in memory already: the csv module's default limit (128 KiB)
# would only turn a long verbatim into a parse error. 2**31 - 1 is the largest value every platform accepts.
csv.field_size_limit(2**31 - 1)


class FileRejected(Exception):
    """The whole file is unusable; the message names the file and, when known, the line or column."""

    def __init__(self, reason: str, *, detail: str = "", column: str | None = None, line: int | None = None):
        self.reason, self.detail, self.column, self.line = reason, detail, column, line
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass
class ParsedFile:
    """Column-aligned records of one file (or one workbook sheet)."""

    headers: list[str]
    rows: list[list[object]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # 1-based physical line / sheet row where each starts
    issues: dict[int, str] = field(default_factory=dict)  # row index -> why it could not be read
    unparsed: dict[int, str] = field(default_factory=dict)  # row index -> its raw text, kept for the record
    dialect: str = ""

    def add(self, line: int, row: list[object]) -> None:
        self.rows.append(row)
        self.lines.append(line)

    def add_unreadable(self, line: int, text: str, issue: str) -> None:
        self.issues[len(self.rows)] = issue
        self.unparsed[len(self.rows)] = text[:2000]
        self.add(line, [None] * len(self.headers))


def read_export(path: Path, data: bytes) -> list[ParsedFile]:
    """Parse `data` (the bytes of `path`); an XLSX may yield one ParsedFile per sheet."""
    if not data.strip():
        raise FileRejected("empty file", detail="the file has no content")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise FileRejected("unsupported file type", detail=f"'{suffix}' (expected one of {SUPPORTED_SUFFIXES})")
    if suffix == ".xlsx" or data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    text, encoding = decode_text(data)
    if suffix in (".jsonl", ".json", ".ndjson"):
        return [_read_jsonl(text, encoding)]
    return [_read_csv(text, encoding)]


def decode_text(data: bytes) -> tuple[str, str]:
    """UTF-8 (BOM or not), UTF-16 with BOM, Windows-1252, or a mix line by line (old laptops re-saving)."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileRejected("binary content", detail="NUL bytes found: not a text export")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        data, bom = data[3:], "utf-8-sig"
    else:
        bom = "utf-8"
    try:
        return data.decode("utf-8"), bom
    except UnicodeDecodeError:
        pass
    lines, used = [], set()
    for number, raw in enumerate(data.split(b"\n"), start=1):
        for encoding in ("utf-8", "cp1252"):
            try:
                lines.append(raw.decode(encoding))
                if not raw.isascii():
                    used.add(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise FileRejected("undecodable", detail=f"line {number} is neither UTF-8 nor Windows-1252", line=number)
    return "\n".join(lines), "mixed utf-8/cp1252" if len(used) > 1 else "cp1252"


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that splits the header into the most fields (quotes respected)."""
    best, best_count = ",", 0
    for delimiter in _DELIMITERS:
        count = len(next(csv.reader([header_line], delimiter=delimiter), []))
        if count > best_count:
            best, best_count = delimiter, count
    return best


def _read_csv(text: str, encoding: str) -> ParsedFile:
    first_line = text.split("\n", 1)[0].rstrip("\r")
    delimiter = sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    parsed: ParsedFile | None = None
    last_line = 0
    while True:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:  # a quote left open by a cut-off upload, a stray quote inside a quoted cell
            if parsed is None:
                raise FileRejected("unreadable header", detail=str(error), line=start) from error
            record_text = "\n".join(text.split("\n")[start - 1 : max(start, reader.line_num)])
            parsed.add_unreadable(start, record_text, f"unreadable record: {error}")
            last_line = reader.line_num
            continue  # the reader resumes at the next line: the records after this one are still read
        last_line = reader.line_num
        if parsed is None:
            headers = [h.strip().lstrip("\ufeff") for h in row]
            _check_headers(headers)
            parsed = ParsedFile(headers, dialect=f"csv{delimiter}{encoding}")
        elif not any(cell.strip() for cell in row):
            continue  # blank line between records
        elif len(row) == len(parsed.headers):
            parsed.add(start, row)
        else:  # a record with the wrong field count cannot be aligned safely: keep its text, flag it
            kind = "truncated record" if len(row) < len(parsed.headers) else "too many fields"
            issue = f"{kind}: {len(row)} fields where the header has {len(parsed.headers)}"
            parsed.add_unreadable(start, delimiter.join(row), issue)
    if parsed is None:
        raise FileRejected("empty file", detail="no header row")
    return parsed


def _check_headers(headers: list[str]) -> None:
    seen: set[str] = set()
    for header in headers:
        if header and header in seen:
            raise FileRejected("duplicate column", detail=f"column '{header}' appears twice", column=header)
        seen.add(header)


def _read_jsonl(text: str, encoding: str) -> ParsedFile:
    objects: list[tuple[int, dict | None, str]] = []
    headers: dict[str, None] = {}
    if text.lstrip().startswith("["):
        raise FileRejected(
            "not JSON Lines", detail="the file is a JSON array; expected one JSON object per line", line=1
        )
    # Lines end at "\n" only: str.splitlines() would also split at U+2028, U+0085 or a form feed, which JSON
    # strings may hold unescaped (JavaScript apps write U+2028 raw), cutting a valid record in two.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            issue = "" if isinstance(obj, dict) else "line is not a JSON object"
        except json.JSONDecodeError as error:
            obj, issue = None, f"line is not JSON: {error.msg}"
        if issue:
            objects.append((number, None, f"{issue}\x00{line}"))
        else:
            headers.update(dict.fromkeys(obj))
            objects.append((number, obj, ""))
    if objects and all(obj is None for _, obj, _ in objects):
        raise FileRejected("not JSON Lines", detail=f"none of {len(objects)} lines is a JSON object", line=1)
    parsed = ParsedFile(list(headers), dialect=f"jsonl;{encoding}")
    for number, obj, issue in objects:
        if obj is None:
            reason, line = issue.split("\x00", 1)
            parsed.add_unreadable(number, line, reason)
        else:
            parsed.add(number, [obj.get(h) for h in parsed.headers])
    return parsed


def _read_xlsx(data: bytes) -> list[ParsedFile]:
    try:
        sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, dtype=object, header=None, engine="openpyxl")
    except Exception as error:  # openpyxl raises many types for corrupt archives
        raise FileRejected("unreadable workbook", detail=str(error)[:200]) from error
    parsed = []
    for name, frame in sheets.items():
        frame = frame.dropna(how="all")
        if frame.empty:
            continue
        headers = [_cell_text(h) or "" for h in frame.iloc[0].tolist()]
        _check_headers(headers)
        sheet = ParsedFile(headers, dialect=f"xlsx:{name}")
        for index, row in zip(frame.index[1:], frame.iloc[1:].itertuples(index=False, name=None), strict=True):
            sheet.add(int(index) + 1, [_cell_text(v) for v in row])
        parsed.append(sheet)
    if not parsed:
        raise FileRejected("empty file", detail="the workbook has no non-empty sheet")
    return parsed


def _cell_text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
