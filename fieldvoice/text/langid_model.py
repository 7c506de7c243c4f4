"""The language model, loaded when this module is first imported (~1 s, mostly LZMA decompression).

`language` imports it on first use. A process pool's forkserver imports it once (see `fieldvoice.parallel.preload`),
so the workers forked from it start with the model in memory instead of loading it each.
"""

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from fieldvoice.text.langid_batch import BatchIdentifier
from fieldvoice.text.language import PLAUSIBLE


def _load() -> BatchIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in PLAUSIBLE if code in identifier.nb_classes])
    return BatchIdentifier(identifier)


IDENTIFIER = _load()
