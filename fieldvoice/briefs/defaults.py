"""Deterministic brief text in English and French: what the offline summariser writes, and the standard
constraints, limitations and data offer every brief carries whoever wrote the rest."""

# The touchpoint where each journey stage's problems usually surface.
TOUCHPOINTS = {
    "discover": ("adverts, shops and word of mouth", "publicités, boutiques et bouche-à-oreille"),
    "buy_activate": ("shop counter and SIM registration", "comptoir de la boutique et enregistrement de la SIM"),
    "use_network": ("the network, on the customer's handset", "le réseau, sur le téléphone du client"),
    "recharge_bundles": ("USSD recharge menu and bundle purchase", "menu USSD de recharge et achat de forfaits"),
    "mobile_money": ("mobile-money agent and USSD menu", "agent mobile money et menu USSD"),
    "billing": ("bill, balance SMS and deductions", "facture, SMS de solde et prélèvements"),
    "get_help": ("call centre, shop and help channels", "centre d'appels, boutique et canaux d'aide"),
    "leave": ("cancellation and number porting", "résiliation et portabilité du numéro"),
}

# One hypothesis per pain point code of the contract; phrased as something to test.
HYPOTHESES = {
    "network_coverage": (
        "Coverage gaps may be concentrated in places the customer visits daily (home, market, route to work).",
        "Les trous de couverture pourraient se concentrer là où le client passe "
        "chaque jour (domicile, marché, trajet).",
    ),
    "call_drops": (
        "Calls may drop during handovers between cells or at peak hours.",
        "Les appels pourraient couper lors des passages d'une cellule à l'autre ou aux heures de pointe.",
    ),
    "slow_data": (
        "Customers may experience congestion at peak hours rather than a lack of coverage.",
        "Les clients pourraient subir une saturation aux heures de pointe plutôt qu'une absence de couverture.",
    ),
    "bundle_expiry": (
        "Customers may not know when a bundle expires or what consumes it.",
        "Les clients pourraient ignorer quand un forfait expire ou ce qui le consomme.",
    ),
    "price": (
        "Prices may be hard to compare across bundles, so customers feel overcharged.",
        "Les prix pourraient être difficiles à comparer entre forfaits, d'où un sentiment de payer trop.",
    ),
    "topup_failure": (
        "Top-ups may fail silently, leaving the customer unsure whether they were charged.",
        "Les recharges pourraient échouer sans message clair, laissant le client dans le doute.",
    ),
    "mm_transaction_failed": (
        "Failed transfers may stay pending without a clear status or reversal.",
        "Les transferts échoués pourraient rester en attente sans statut clair ni remboursement.",
    ),
    "mm_fees": (
        "Fees may be shown too late in the flow to inform the customer's choice.",
        "Les frais pourraient être affichés trop tard pour éclairer le choix du client.",
    ),
    "mm_agent_cash": (
        "Agents may run out of cash (liquidity) at the times customers need it.",
        "Les agents pourraient manquer de liquidités aux moments où les clients en ont besoin.",
    ),
    "sim_registration": (
        "Registration rules may be applied inconsistently between shops and agents.",
        "Les règles d'enregistrement pourraient être appliquées différemment selon les boutiques et les agents.",
    ),
    "care_wait": (
        "Help channels may be understaffed at the hours customers call.",
        "Les canaux d'aide pourraient manquer de personnel aux heures où les clients appellent.",
    ),
    "care_unresolved": (
        "First-line staff may lack the tools or rights to resolve the issue.",
        "Le personnel de premier niveau pourrait manquer d'outils ou de droits pour résoudre le problème.",
    ),
    "shop_queue": (
        "Simple requests may need a shop visit that a self-service channel could replace.",
        "Des demandes simples pourraient exiger une visite en boutique qu'un libre-service remplacerait.",
    ),
    "billing_error": (
        "Deductions may come from services the customer did not knowingly subscribe to.",
        "Les prélèvements pourraient venir de services souscrits sans le savoir.",
    ),
    "fraud_scam": (
        "Customers may be unable to tell genuine operator messages from scams.",
        "Les clients pourraient ne pas distinguer les vrais messages de l'opérateur des arnaques.",
    ),
}

CONSTRAINTS = {
    "ussd_feature_phones": (
        "Must work on feature phones through USSD or SMS, not only in a smartphone app.",
        "Doit fonctionner sur téléphone basique via USSD ou SMS, pas seulement dans une application.",
    ),
    "offline": (
        "Must cope with weak or intermittent networks and degrade gracefully offline.",
        "Doit supporter un réseau faible ou intermittent et rester utile hors ligne.",
    ),
    "kyc": (
        "Must respect KYC and mobile-money regulation in each country; no change to identity checks.",
        "Doit respecter le KYC et la réglementation mobile money de chaque pays ; aucun contournement des "
        "contrôles d'identité.",
    ),
    "languages": (
        "Must work in local languages and for customers with limited literacy.",
        "Doit fonctionner dans les langues locales et pour des clients peu alphabétisés.",
    ),
    "privacy": (
        "Must not expose customers' personal data; only the anonymised data provided may be used.",
        "Ne doit exposer aucune donnée personnelle ; seules les données anonymisées fournies peuvent être utilisées.",
    ),
}

OUT_OF_SCOPE = {
    "en": (
        "Building or moving network infrastructure (towers, spectrum, backhaul).",
        "Changing regulated prices, taxes or KYC rules.",
        "Contacting the interviewed customers.",
    ),
    "fr": (
        "Construire ou déplacer de l'infrastructure réseau (pylônes, fréquences, liaisons).",
        "Modifier des prix, taxes ou règles KYC réglementés.",
        "Contacter les clients interrogés.",
    ),
}


def limitations(
    language: str, as_of: str, interviews: int | None, model_written: bool, excluded_by_qa: int | None = None
) -> list[str]:
    n = f" ({interviews:,} interviews)" if interviews is not None and language == "en" else ""
    n_fr = f" ({interviews:,} entretiens)".replace(",", "\u202f") if interviews is not None else ""
    return [*_base_limitations(language, as_of, n, n_fr, model_written), *_qa_limitation(language, excluded_by_qa)]


def _qa_limitation(language: str, excluded: int | None) -> list[str]:
    """Field-work QA: how many interviews judged rushed or fabricated were left out of every figure."""
    if not excluded:
        return []
    if language == "fr":
        count = f"{excluded:,}".replace(",", "\u202f")
        return [
            f"{count} entretiens jugés bâclés ou fabriqués par le contrôle qualité terrain sont exclus des chiffres "
            "et des citations (détail : marts.agg_field_quality)."
        ]
    return [
        f"{excluded:,} interviews judged rushed or fabricated by the field-work quality checks are left out of "
        "every figure and quote (details: marts.agg_field_quality)."
    ]


def _base_limitations(language: str, as_of: str, n: str, n_fr: str, model_written: bool) -> list[str]:
    if language == "fr":
        return [
            "Échantillon ciblé, non aléatoire : les clients sont choisis par les équipes terrain ; les parts ne "
            "se généralisent pas à toute la clientèle.",
            (
                "Le texte de ce brief est généré par IA et doit être relu ; les citations sont vérifiées mot pour "
                "mot, les chiffres viennent des données."
                if model_written
                else "Texte généré automatiquement à partir de modèles fixes ; les chiffres viennent des données."
            ),
            f"Chiffres arrêtés au {as_of}{n_fr} ; ils évoluent avec les nouveaux entretiens.",
            "Les hypothèses de causes sont à tester ; ce ne sont pas des constats.",
        ]
    return [
        "Targeted sample, not random: interviewers choose the customers, so shares do not generalise to the whole "
        "customer base.",
        (
            "The text of this brief is AI-generated and should be reviewed; quotes are checked word for word "
            "against the interviews, figures come from the data."
            if model_written
            else "Text generated automatically from fixed templates; figures come from the data."
        ),
        f"Counts as of {as_of}{n}; they change as new interviews arrive.",
        "Root-cause hypotheses are to be tested; they are not findings.",
    ]


def data_available(language: str, mentions: int, taxonomy_version: str, extra: tuple[str, ...]) -> list[str]:
    if language == "fr":
        items = [
            f"Verbatims anonymisés des {mentions:,} entretiens mentionnant le thème".replace(",", "\u202f")
            + " (noms, numéros, e-mails et identifiants retirés), avec pays, étape, segment et NPS.",
            "NPS par pays et par étape du parcours, avec intervalles de confiance à 95 %.",
            "Mentions hebdomadaires du thème.",
            f"Taxonomie des thèmes, version {taxonomy_version}.",
        ]
    else:
        items = [
            f"Anonymised verbatims of the {mentions:,} interviews mentioning the theme (names, numbers, e-mails "
            "and ids removed), with country, journey stage, segment and NPS.",
            "NPS by country and by journey stage, with 95% confidence intervals.",
            "Weekly mentions of the theme.",
            f"Theme taxonomy, version {taxonomy_version}.",
        ]
    return items + list(extra)
