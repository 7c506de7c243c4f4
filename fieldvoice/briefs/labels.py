"""Words the briefs print in English or French: code labels, headings, and number formatting.

Numbers are formatted here, from injected values only (fr: decimal comma, narrow space before %).
"""

from fieldvoice.contract import COUNTRIES

LANGUAGES = ("en", "fr")
LANGUAGE_NAMES = {"en": "English", "fr": "French"}

_COUNTRY_FR = {
    "TN": "Tunisie",
    "SN": "Sénégal",
    "CI": "Côte d'Ivoire",
    "CM": "Cameroun",
    "EG": "Égypte",
    "JO": "Jordanie",
    "MA": "Maroc",
    "ML": "Mali",
    "BF": "Burkina Faso",
    "GN": "Guinée",
    "CD": "RD Congo",
    "MG": "Madagascar",
    "BW": "Botswana",
    "LR": "Liberia",
    "SL": "Sierra Leone",
    "GW": "Guinée-Bissau",
    "CF": "République centrafricaine",
}

_STAGES = {
    "discover": ("Discover", "Découverte"),
    "buy_activate": ("Buy & activate", "Achat et activation"),
    "use_network": ("Use the network", "Utilisation du réseau"),
    "recharge_bundles": ("Recharge & bundles", "Recharge et forfaits"),
    "mobile_money": ("Mobile money", "Mobile money"),
    "billing": ("Billing", "Facturation"),
    "get_help": ("Get help", "Assistance"),
    "leave": ("Leave", "Départ"),
}

_SEGMENTS = {
    "prepaid": ("Prepaid", "Prépayé"),
    "postpaid": ("Postpaid", "Postpayé"),
    "business": ("Business", "Entreprise"),
    "mobile_money_only": ("Mobile money only", "Mobile money uniquement"),
}

_CONSTRAINT_CATEGORIES = {
    "ussd_feature_phones": ("USSD & feature phones", "USSD et téléphones basiques"),
    "offline": ("Offline & low connectivity", "Hors ligne et faible connectivité"),
    "kyc": ("KYC & regulation", "KYC et réglementation"),
    "languages": ("Languages & literacy", "Langues et alphabétisation"),
    "privacy": ("Privacy", "Confidentialité"),
    "other": ("Other", "Autre"),
}

HEADINGS = {
    "en": {
        "hmw": "How might we…",
        "problem": "Problem",
        "who": "Who",
        "where": "Where in the journey",
        "touchpoint": "Touchpoint",
        "countries": "Countries (mentions)",
        "segments": "Segments (mentions)",
        "evidence": "Evidence",
        "quotes": "What customers said",
        "translation": "Translation",
        "untranslated": "not translated",
        "hypotheses": "Root-cause hypotheses (to be tested, not findings)",
        "hypothesis": "Hypothesis",
        "constraints": "Constraints",
        "out_of_scope": "Out of scope",
        "metrics": "Success metrics",
        "leading": "Leading",
        "lagging": "Lagging",
        "baseline": "baseline",
        "data": "Anonymised data available to teams",
        "limitations": "Limitations",
        "provenance": "Provenance",
        "verification": "Verification",
        "mentions": "Interviews mentioning the theme",
        "reach": "Share of interviews with text",
        "nps_mentioners": "NPS of those customers",
        "nps_impact": "NPS impact (all vs. without them)",
        "growth": "Growth (recent vs. trailing weeks)",
        "p_value": "Growth p-value",
        "not_testable": "not testable",
        "trend": "Weekly mentions",
        "back": "All briefs",
        "briefs": "Hackathon briefs",
        "nps_country": "NPS by country (95% CI)",
        "nps_stage": "NPS by journey stage (95% CI)",
        "theme_trends": "Weekly mentions of the briefed themes",
        "download": "Download",
        "as_of": "Counts as of",
    },
    "fr": {
        "hmw": "Comment pourrions-nous…",
        "problem": "Problème",
        "who": "Qui",
        "where": "Étape du parcours",
        "touchpoint": "Point de contact",
        "countries": "Pays (mentions)",
        "segments": "Segments (mentions)",
        "evidence": "Données probantes",
        "quotes": "Ce que disent les clients",
        "translation": "Traduction",
        "untranslated": "non traduit",
        "hypotheses": "Hypothèses de causes (à tester, pas des constats)",
        "hypothesis": "Hypothèse",
        "constraints": "Contraintes",
        "out_of_scope": "Hors périmètre",
        "metrics": "Indicateurs de succès",
        "leading": "Avancé",
        "lagging": "Retardé",
        "baseline": "référence",
        "data": "Données anonymisées mises à disposition",
        "limitations": "Limites",
        "provenance": "Provenance",
        "verification": "Vérification",
        "mentions": "Entretiens mentionnant le thème",
        "reach": "Part des entretiens avec verbatim",
        "nps_mentioners": "NPS de ces clients",
        "nps_impact": "Impact sur le NPS (tous vs. sans eux)",
        "growth": "Croissance (semaines récentes vs. précédentes)",
        "p_value": "p-valeur de la croissance",
        "not_testable": "non testable",
        "trend": "Mentions par semaine",
        "back": "Tous les briefs",
        "briefs": "Briefs de hackathon",
        "nps_country": "NPS par pays (IC 95 %)",
        "nps_stage": "NPS par étape du parcours (IC 95 %)",
        "theme_trends": "Mentions hebdomadaires des thèmes retenus",
        "download": "Télécharger",
        "as_of": "Chiffres arrêtés au",
    },
}


def _pick(table: dict[str, tuple[str, str]], code: str, language: str) -> str:
    pair = table.get(code)
    return pair[LANGUAGES.index(language)] if pair else code.replace("_", " ")


def country_name(code: str, language: str) -> str:
    if language == "fr" and code in _COUNTRY_FR:
        return _COUNTRY_FR[code]
    return COUNTRIES[code].name if code in COUNTRIES else code


def stage_label(code: str, language: str) -> str:
    return _pick(_STAGES, code, language)


def segment_label(code: str, language: str) -> str:
    return _pick(_SEGMENTS, code, language)


def constraint_label(code: str, language: str) -> str:
    return _pick(_CONSTRAINT_CATEGORIES, code, language)


def number(value: float, language: str, digits: int = 1) -> str:
    text = f"{value:,.{digits}f}"
    if language == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def percent(share: float, language: str) -> str:
    return number(share * 100, language) + ("\u202f%" if language == "fr" else "%")


def signed(value: float, language: str) -> str:
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{number(abs(value), language)}"


def points(value: float, language: str) -> str:
    return signed(value, language) + (" pts" if language == "en" else " points")


def ratio(value: float, language: str) -> str:
    return "×" + number(value, language, 2)


def p_value(value: float | None, language: str) -> str:
    if value is None:
        return HEADINGS[language]["not_testable"]
    return "< 0" + ("," if language == "fr" else ".") + "001" if value < 0.001 else number(value, language, 3)
