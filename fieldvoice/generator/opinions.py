"""What the customer thinks: products, journey stage, a latent satisfaction, and everything that follows from it.

Every score is a noisy reading of one latent satisfaction per interview, and pain points are drawn more often
the lower it is, from the ones that fit the journey stage and the products held. So NPS, CSAT, CES, ratings,
pain points and (later) the verbatim all agree the way real answers do, without being copies of each other.
"""

from dataclasses import dataclass

import numpy as np

from fieldvoice.contract import JOURNEY_STAGES, PAIN_POINTS, PRODUCTS, RATING_COLUMNS, SEGMENTS

# segment -> probability of holding each product (contract.PRODUCTS order)
_PRODUCT_P = np.array(
    [
        [0.97, 0.80, 0.05, 0.55, 0.03],  # prepaid
        [0.98, 0.90, 0.35, 0.40, 0.12],  # postpaid
        [0.95, 0.85, 0.45, 0.50, 0.05],  # business
        [0.15, 0.10, 0.00, 1.00, 0.00],  # mobile_money_only
    ]
)
# segment -> journey stage distribution (contract.JOURNEY_STAGES order)
_STAGE_P = np.array(
    [
        [0.05, 0.08, 0.30, 0.22, 0.14, 0.03, 0.12, 0.06],
        [0.04, 0.06, 0.28, 0.04, 0.06, 0.28, 0.18, 0.06],
        [0.04, 0.06, 0.26, 0.05, 0.10, 0.25, 0.18, 0.06],
        [0.04, 0.08, 0.02, 0.04, 0.68, 0.01, 0.10, 0.03],
    ]
)
_STAGE_MOOD = np.array([0.05, 0.03, 0.0, -0.03, 0.02, -0.05, -0.10, -0.18])

# Pain points typical of each stage; every other pain keeps a small floor so that combinations vary.
_TYPICAL = {
    "discover": {"price": 3, "network_coverage": 2, "shop_queue": 1},
    "buy_activate": {"sim_registration": 4, "shop_queue": 3, "price": 1},
    "use_network": {"network_coverage": 4, "call_drops": 3, "slow_data": 4},
    "recharge_bundles": {"bundle_expiry": 4, "price": 3, "topup_failure": 3, "slow_data": 1},
    "mobile_money": {"mm_transaction_failed": 4, "mm_fees": 3, "mm_agent_cash": 3, "fraud_scam": 0.03},
    "billing": {"billing_error": 4, "price": 2, "care_unresolved": 1},
    "get_help": {"care_wait": 4, "care_unresolved": 4, "shop_queue": 1},
    "leave": {"price": 3, "network_coverage": 2, "care_unresolved": 2, "slow_data": 1},
}
_PAIN_W = np.full((len(JOURNEY_STAGES), len(PAIN_POINTS)), 0.12)
for _s, _typical in _TYPICAL.items():
    for _p, _w in _typical.items():
        _PAIN_W[JOURNEY_STAGES.index(_s), PAIN_POINTS.index(_p)] = _w
_PAIN_W[:, PAIN_POINTS.index("fraud_scam")] = np.minimum(_PAIN_W[:, PAIN_POINTS.index("fraud_scam")], 0.03)
_PAIN_W[:, PAIN_POINTS.index("other")] = 0.3

_MM_PAINS = [PAIN_POINTS.index(p) for p in ("mm_transaction_failed", "mm_fees", "mm_agent_cash", "fraud_scam")]
_DATA_PAINS = [PAIN_POINTS.index(p) for p in ("slow_data", "bundle_expiry")]
# rating column -> pain points that drag it down
_RATING_PAINS = {
    "rating_network": ("network_coverage", "call_drops"),
    "rating_data": ("slow_data", "bundle_expiry"),
    "rating_price": ("price", "mm_fees", "bundle_expiry"),
    "rating_mobile_money": ("mm_transaction_failed", "mm_fees", "mm_agent_cash", "fraud_scam"),
    "rating_customer_care": ("care_wait", "care_unresolved"),
    "rating_shop": ("shop_queue", "sim_registration"),
}
_P = {p: i for i, p in enumerate(PAIN_POINTS)}
_ST = {s: i for i, s in enumerate(JOURNEY_STAGES)}


@dataclass
class Opinions:
    products: np.ndarray  # (n, 5) bool
    stage: np.ndarray  # (n,) index into JOURNEY_STAGES
    satisfaction: np.ndarray
    pains: np.ndarray  # (n, 16) bool
    salience: np.ndarray  # (n, 3) pain indices, most salient first (-1 = none)
    nps: np.ndarray
    csat: np.ndarray
    ces: np.ndarray  # float, NaN = not asked
    ratings: dict[str, np.ndarray]  # float, NaN = not applicable
    callback: np.ndarray  # bool


def draw_opinions(segment: np.ndarray, mood: np.ndarray, scam: np.ndarray, rng: np.random.Generator) -> Opinions:
    """segment: index into SEGMENTS; mood: the country's mean satisfaction; scam: the emerging-issue rows."""
    n = len(segment)
    products = rng.random((n, len(PRODUCTS))) < _PRODUCT_P[segment]
    none = ~products.any(axis=1)
    products[none, np.where(segment[none] == SEGMENTS.index("mobile_money_only"), 3, 0)] = True
    cum = _STAGE_P.cumsum(axis=1)[segment]
    stage = (rng.random((n, 1)) > cum).sum(axis=1).clip(0, len(JOURNEY_STAGES) - 1)
    stage[scam] = _ST["mobile_money"]
    products[stage == _ST["mobile_money"], PRODUCTS.index("mobile_money")] = True

    mean = np.clip(mood + 0.14 + _STAGE_MOOD[stage], 0.2, 0.92)
    k = 3.0
    satisfaction = rng.beta(mean * k, (1 - mean) * k)
    satisfaction[scam] *= 0.35  # a customer who just lost money to a fake agent is not a promoter

    weights = _PAIN_W[stage].copy()
    weights[:, _MM_PAINS] *= products[:, [PRODUCTS.index("mobile_money")]]
    weights[:, _DATA_PAINS] *= products[:, [1]] | products[:, [2]]
    # Gumbel top-k: a weighted sample without replacement of up to 3 pain points per row, vectorised.
    keys = np.log(weights + 1e-12) - np.log(-np.log(rng.random(weights.shape)))
    order = np.argsort(-keys, axis=1)[:, :3]
    count = rng.poisson(0.15 + 2.6 * (1 - satisfaction) ** 2).clip(0, 3)
    count[(satisfaction < 0.35) & (count == 0)] = 1
    salience = np.where(np.arange(3) < count[:, None], order, -1)
    scam_rows = np.flatnonzero(scam)
    salience[scam_rows] = -1
    salience[scam_rows, 0] = _P["fraud_scam"]
    salience[scam_rows[rng.random(len(scam_rows)) < 0.3], 1] = _P["mm_transaction_failed"]
    pains = np.zeros((n, len(PAIN_POINTS)), bool)
    rows, slots = np.nonzero(salience >= 0)
    pains[rows, salience[rows, slots]] = True

    nps = np.clip(np.rint(11 * satisfaction - 0.5 + rng.normal(0, 0.9, n)), 0, 10).astype(int)
    csat = np.clip(np.rint(1 + 4 * satisfaction + rng.normal(0, 0.55, n)), 1, 5).astype(int)
    ces = np.clip(np.rint(7 - 6 * satisfaction + rng.normal(0, 0.8, n)), 1, 7)
    ces[rng.random(n) < 0.12] = np.nan

    has = {p: products[:, i] for i, p in enumerate(PRODUCTS)}
    applicable = {
        "rating_network": (has["mobile_voice"] | has["mobile_data"] | has["home_internet"]) & (rng.random(n) < 0.95),
        "rating_data": has["mobile_data"] | has["home_internet"],
        "rating_price": rng.random(n) < 0.9,
        "rating_mobile_money": has["mobile_money"],
        "rating_customer_care": (stage == _ST["get_help"])
        | pains[:, [_P["care_wait"], _P["care_unresolved"]]].any(axis=1)
        | (rng.random(n) < 0.3),
        "rating_shop": (stage == _ST["buy_activate"])
        | pains[:, [_P["shop_queue"], _P["sim_registration"]]].any(axis=1)
        | (rng.random(n) < 0.35),
    }
    ratings = {}
    for column in RATING_COLUMNS:
        hits = pains[:, [_P[p] for p in _RATING_PAINS[column]]].sum(axis=1)
        value = np.clip(np.rint(1 + 4 * satisfaction + rng.normal(0, 0.7, n) - 1.3 * hits), 1, 5)
        ratings[column] = np.where(applicable[column], value, np.nan)

    callback_p = np.select([nps <= 6, nps <= 8], [0.45, 0.15], 0.05)
    callback = rng.random(n) < callback_p
    return Opinions(products, stage, satisfaction, pains, salience, nps, csat, ces, ratings, callback)
