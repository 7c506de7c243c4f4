"""Field texts from the project's generator (fr, en, ar, pt, local flavours; names, phones, e-mails, long rants),
for tests that compare two implementations of per-text work. Built once per test session."""

from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

# What generated field text lacks: case and script edge cases of the language rules and the redaction gates.
EDGE_TEXTS = (
    "",
    " ",
    "ok",
    "12345",
    "👍👍👍",
    "LE RÉSEAU COUPE TOUT LE TEMPS",
    "MY NAME IS AWA NDIAYE",
    "Je m'appele Demba, rappelez Mr. Diallo au 77 123 45 67",
    "my name ıs Moussa, call Mıster Traoré",  # dotless i: (?i:) matches it to i, str.lower() does not
    "MY NAME İS Fatou, CUS-SN-000412 İS MY REF",  # dotted capital I lowers to two characters
    "Miſs Koné, emp-104233 a dit: ask for Mrs Sow",  # long s
    "appelez DR. Keita, speak with Ms Bah, c'est moi Aminata",
    "ΟΔΟΣ ΑΓΙΟΣ, réseau bi dafa néew ci quartier bi",
    "Réseau bi dafa néew ci quartier bi; ma connexion coupe tout le temps.",
    "انا اسمي محمد علي والشبكة ضعيفة",
    "Le réseau الشبكة ضعيفة جدا في الحي",
    "Meu nome é João e a rede cai sempre",
    "Sama tur moy Ousmane, maa ngi tudd Ousmane",
    "client.test@gmail.com m'a écrit, mon nom c'est Aïcha",
    "Numéro 00216-98-123-456 ou +221 76 111 22 33, 1 500 000 GNF",
    "L'agent d'Orange Money n'a pas de cash",
    "x" * 3000,
    "Le réseau coupe, appelez-moi au 77 123 45 67 " * 60,
)


@lru_cache(maxsize=2)
def field_texts(rows: int = 600, seed: int = 3) -> pd.DataFrame:
    """verbatim, suggestion, customer_name, country_code of `rows` generated interviews (defect rate 30%:
    plenty of PII and long texts), followed by EDGE_TEXTS as verbatims."""
    from fieldvoice.generator.defects import inject_defects
    from fieldvoice.generator.interviews import build_interviews
    from fieldvoice.generator.reference import build_reference

    day = date(2026, 11, 2)
    reference = build_reference(seed, 300, 500)
    frame = build_interviews(reference, day, rows, np.random.default_rng(seed), {})
    frame = inject_defects(frame, day, 0.3, np.random.default_rng(seed + 1), reference, 0).frame
    frame = frame[["verbatim", "suggestion", "customer_name", "country_code"]].reset_index(drop=True)
    edges = pd.DataFrame(
        {
            "verbatim": EDGE_TEXTS,
            "suggestion": None,
            "customer_name": [("Awa Ndiaye", "Moussa Diop", "Aïcha Koné")[i % 3] for i in range(len(EDGE_TEXTS))],
            "country_code": "SN",
        }
    )
    return pd.concat([frame, edges], ignore_index=True)
