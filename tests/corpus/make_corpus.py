"""Write the generated files of the bad-input corpus (`tests/corpus/files/`), byte for byte, deterministically.

The plain cases (UTF-8 text, LF line ends, nothing invisible) are committed as written by hand. This script
writes the ones whose bytes an editor or a git setting could alter, or that no one types: other encodings,
byte-order marks, CRLF, non-breaking spaces, U+2028, very long fields, files cut off mid-record, binary junk
and workbooks. `test_corpus.py` checks that the committed files equal what this script writes.

    .venv/bin/python tests/corpus/make_corpus.py        # rewrites the generated files in place
"""

import csv
import datetime as dt
import hashlib
import io
import json
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

FILES = Path(__file__).resolve().parent / "files"

COLUMNS = (
    "submission_id",
    "submitted_at",
    "interview_start",
    "interview_end",
    "collaborator_id",
    "country_code",
    "locality",
    "customer_name",
    "customer_msisdn",
    "customer_segment",
    "products",
    "journey_stage",
    "nps",
    "csat",
    "pain_points",
    "verbatim",
    "consent",
)
# One interview per country, as a field team would record it; cases override a few cells.
_BASE = {
    "TN": ("+01:00", "EMP-100101", "Sfax", "Amine Trabelsi", "+21620123456"),
    "CI": ("+00:00", "EMP-300301", "Abidjan", "Koffi Kouassi", "+2250701020304"),
    "EG": ("+02:00", "EMP-400401", "Cairo", "Mona Hassan", "+201001234567"),
    "SN": ("+00:00", "EMP-200201", "Dakar", "Awa Ndiaye", "+221771234567"),
    "BW": ("+02:00", "EMP-600601", "Gaborone", "Neo Molefe", "+26771234567"),
}


def interview(case: int, n: int, country: str = "TN", **cells: str) -> dict[str, str]:
    """Canonical cells of interview `n` of corpus case `case` (its submission_id encodes both)."""
    offset, collaborator, locality, name, msisdn = _BASE[country]
    row = {
        "submission_id": f"00000000-{case:04d}-4000-8000-{n:012d}",
        "submitted_at": f"2026-11-02T18:00:00{offset}",
        "interview_start": f"2026-11-02T10:00:00{offset}",
        "interview_end": f"2026-11-02T10:20:00{offset}",
        "collaborator_id": collaborator,
        "country_code": country,
        "locality": locality,
        "customer_name": name,
        "customer_msisdn": msisdn,
        "customer_segment": "prepaid",
        "products": "mobile_voice mobile_data",
        "journey_stage": "use_network",
        "nps": "7",
        "csat": "4",
        "pain_points": "slow_data",
        "verbatim": "La 4G est lente le soir.",
        "consent": "yes",
    }
    return row | cells


def csv_text(
    rows: list[dict[str, str]], columns: tuple[str, ...] = COLUMNS, delimiter: str = ",", newline: str = "\n"
) -> str:
    """What a spreadsheet writes: minimal quoting, the given delimiter and line end (cells keep their own)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(columns)
    writer.writerows([[row.get(c, "") for c in columns] for row in rows])
    return buffer.getvalue()


def _rezip(data: bytes) -> bytes:
    """A workbook with fixed timestamps (zip entries and document properties), so every run writes the same."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "docProps/core.xml":
                content = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-11-02T18:00:00Z", content)
            target.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 2, 18, 0, 0)), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    """An XLSX as an export tool writes it: text that starts with = + - @ is stored as text, not as a formula."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                    cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return _rezip(buffer.getvalue())


def _sheet_rows(rows: list[dict[str, object]]) -> list[list[object]]:
    return [list(COLUMNS), *([row.get(c) for c in COLUMNS] for row in rows)]


def _numbers(row: dict[str, str]) -> dict[str, object]:
    """Scores as numeric cells, as in a real workbook."""
    return row | {k: int(row[k]) for k in ("nps", "csat") if row[k].isdigit()}


# --- the generated cases -------------------------------------------------------------------------------------


def ci_mixed_utf8_cp1252() -> bytes:
    rows = [
        interview(3, 1, "CI", verbatim="Réseau coupé à Yopougon depuis hier"),
        interview(3, 2, "CI", verbatim="Le forfait « 10 Go » coûte cher… l’agent m’a dit d’attendre"),
        interview(3, 3, "CI", verbatim="Très bon accueil à l’agence, merci"),
    ]
    lines = csv_text(rows, delimiter=";", newline="\r\n").splitlines(keepends=True)
    # A file re-saved on an old laptop: the second interview was appended in Windows-1252.
    return b"".join(line.encode("cp1252" if i == 2 else "utf-8") for i, line in enumerate(lines))


def ci_utf8_bom() -> bytes:
    rows = [interview(4, 1, "CI"), interview(4, 2, "CI", verbatim="Bonne couverture à Cocody")]
    return b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8")


def _egypt_rows(case: int) -> list[dict[str, str]]:
    return [
        interview(case, 1, "EG", verbatim="الشبكة ضعيفة جدا في المساء"),
        interview(case, 2, "EG", verbatim="خدمة العملاء ممتازة، شكرا"),
    ]


def eg_excel_unicode_text() -> bytes:
    # Excel's "Unicode Text (*.txt)": UTF-16 little endian with a BOM, tab-separated, CRLF.
    return b"\xff\xfe" + csv_text(_egypt_rows(5), delimiter="\t", newline="\r\n").encode("utf-16-le")


def sn_utf16_without_bom() -> bytes:
    return csv_text([interview(6, 1, "SN")]).encode("utf-16-le")


def tn_cut_mid_record() -> bytes:
    text = csv_text([interview(7, n) for n in (1, 2, 3)])
    return text[: text.index(",TN,Sfax", text.index("-000000000003")) + len(",TN,Sf")].encode()


def tn_cut_mid_quoted_field() -> bytes:
    rows = [interview(8, 1), interview(8, 2), interview(8, 3, verbatim="Connexion coupée\nquand je suis au marché")]
    text = csv_text(rows)
    return text[: text.index("quand je") + len("quand je")].encode()


def binary_junk() -> bytes:
    # A phone photo uploaded under the export's name: JPEG header, then noise.
    noise = b"".join(hashlib.sha256(bytes([i])).digest() for i in range(64))
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + noise


def empty() -> bytes:
    return b""


def _long_text(size: int, sentence: str) -> str:
    return (sentence * (size // len(sentence) + 1))[:size]


def long_verbatim_100k() -> bytes:
    rows = [
        interview(16, 1),
        interview(16, 2, verbatim=_long_text(100 * 1024, "The network drops every evening near the market. ")),
        interview(16, 3),
    ]
    return csv_text(rows).encode()


def long_verbatim_200k() -> bytes:
    # Longer than the csv module's default field limit (128 KiB), with line breaks inside the quoted cell.
    text = _long_text(200 * 1024, "Pas de réseau au village depuis une semaine.\n")
    rows = [interview(17, 1, verbatim=text), interview(17, 2), interview(17, 3)]
    return csv_text(rows).encode()


def formula_injection_xlsx() -> bytes:
    rows = [
        interview(20, 1, verbatim='=HYPERLINK("http://x","click")'),
        interview(20, 2, customer_name="+cmd|' /C calc'!A0"),
        interview(20, 3, verbatim="@SUM(1)", customer_name="-2+3"),
        interview(20, 4, nps="=5+5"),
    ]
    return workbook({"Interviews": _sheet_rows([_numbers(r) for r in rows])})


def two_sheets_xlsx() -> bytes:
    rows = [_numbers(interview(25, n, "SN", locality="Thiès", collaborator_id="EMP-200202")) for n in (1, 2)]
    notes = [["note"], ["Exporté par l'équipe de Thiès le 02/11"], ["2 entretiens refaits après coupure"]]
    return workbook({"Interviews": _sheet_rows(rows), "Notes": notes})


def _line_end_rows() -> list[dict[str, str]]:
    return [
        interview(29, 1, verbatim="Le réseau coupe\nsurtout le soir"),
        interview(29, 2, verbatim="Rien à signaler"),
    ]


def crlf() -> bytes:
    # Excel on Windows: CRLF between records, a bare LF inside a cell.
    return csv_text(_line_end_rows(), newline="\r\n").encode()


def lf() -> bytes:
    return csv_text(_line_end_rows()).encode()


def trailing_blank_lines() -> bytes:
    text = csv_text([interview(31, 1), interview(31, 2)], delimiter=";", newline="\r\n")
    # A French-locale spreadsheet's trailing rows: empty lines, a row of bare separators, spaces.
    return (text + "\r\n" + ";" * (len(COLUMNS) - 1) + "\r\n   \r\n\r\n").encode("cp1252")


def interviews_export_pdf() -> bytes:
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def nbsp_padded() -> bytes:
    nbsp, narrow = "\u00a0", "\u202f"  # what French autocorrect and copy-paste from the web leave behind
    rows = [
        interview(38, 1, country_code=f"{nbsp}TN{nbsp}", nps=f"{nbsp}7", csat=f"4{narrow}", consent=f"oui{nbsp}"),
        interview(
            38,
            2,
            collaborator_id=f"EMP-100101{nbsp}",
            journey_stage=f"{nbsp}billing",
            locality=f"Sfax{nbsp}",
        ),
    ]
    return csv_text(rows).encode()


def very_wide_row() -> bytes:
    def line(row: dict[str, str]) -> str:
        return csv_text([row]).splitlines()[1]

    unquoted_commas = line(interview(40, 2, verbatim="x")).replace(",x,", ",Réseau faible, appels coupés, data lente,")
    dragged = line(interview(40, 3)) + "," * 480  # a row dragged across in a spreadsheet
    return (csv_text([interview(40, 1)]) + f"{unquoted_commas}\n{dragged}\n{line(interview(40, 4))}\n").encode()


def jsonl_u2028() -> bytes:
    rows = [
        interview(43, 1, "BW", verbatim="Signal drops at the mall.\u2028Second line typed on the tablet."),
        interview(43, 2, "BW", verbatim="Data bundle\u0085expires too fast"),
    ]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def truncated_xlsx() -> bytes:
    data = workbook({"Interviews": _sheet_rows([_numbers(interview(44, 1))])})
    return data[: len(data) // 2]


def renamed_workbook() -> bytes:
    rows = [_numbers(interview(45, n)) for n in (1, 2)]
    return workbook({"Sheet1": _sheet_rows(rows)})


def xlsx_excel_dates() -> bytes:
    # A CSV re-saved from Excel: DD/MM/YYYY text became date cells (no time zone), scores numbers, consent TRUE.
    rows = []
    for n, hour in ((1, 18), (2, 19)):
        row = _numbers(interview(51, n)) | {
            "submitted_at": dt.datetime(2026, 11, 2, hour, 0),
            "interview_start": dt.datetime(2026, 11, 2, 10, 0),
            "interview_end": dt.datetime(2026, 11, 2, 10, 20, 30),
            "consent": True,
        }
        rows.append(row)
    rows[1]["csat"] = 4.0
    return workbook({"Feuil1": _sheet_rows(rows)})


def fr_cp1252_semicolon() -> bytes:
    columns = (*COLUMNS, "latitude", "longitude")
    rows = [
        interview(
            46,
            1,
            customer_name="Hédi Ben Salah",
            verbatim="Le forfait « 10 Go » coûte 25 DT… c’est trop cher",
            latitude="34,7406",
            longitude="10,7603",
        ),
        interview(46, 2, verbatim="Agence très propre", latitude="34,7398", longitude="10,7611"),
    ]
    return csv_text(rows, columns, delimiter=";", newline="\r\n").encode("cp1252")


GENERATED: dict[str, Callable[[], bytes]] = {
    "ci_mixed_utf8_cp1252.csv": ci_mixed_utf8_cp1252,
    "ci_utf8_bom.csv": ci_utf8_bom,
    "eg_excel_unicode_text.txt": eg_excel_unicode_text,
    "sn_utf16_without_bom.csv": sn_utf16_without_bom,
    "tn_cut_mid_record.csv": tn_cut_mid_record,
    "tn_cut_mid_quoted_field.csv": tn_cut_mid_quoted_field,
    "binary_junk.csv": binary_junk,
    "empty.csv": empty,
    "long_verbatim_100k.csv": long_verbatim_100k,
    "long_verbatim_200k.csv": long_verbatim_200k,
    "formula_injection.xlsx": formula_injection_xlsx,
    "two_sheets.xlsx": two_sheets_xlsx,
    "crlf.csv": crlf,
    "lf.csv": lf,
    "trailing_blank_lines.csv": trailing_blank_lines,
    "interviews_export.pdf": interviews_export_pdf,
    "nbsp_padded.csv": nbsp_padded,
    "very_wide_row.csv": very_wide_row,
    "jsonl_u2028.jsonl": jsonl_u2028,
    "truncated.xlsx": truncated_xlsx,
    "renamed_workbook.csv": renamed_workbook,
    "fr_cp1252_semicolon.csv": fr_cp1252_semicolon,
    "xlsx_excel_dates.xlsx": xlsx_excel_dates,
}


def build() -> dict[str, bytes]:
    """File name (relative to files/) -> bytes, for every generated case."""
    return {name: make() for name, make in GENERATED.items()}


def main(out_dir: Path = FILES) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in build().items():
        (out_dir / name).write_bytes(data)
    print(f"wrote {len(GENERATED)} files to {out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else FILES)
