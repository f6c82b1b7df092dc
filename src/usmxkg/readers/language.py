"""The language a document (or a long literal) is written in, as a BCP 47 tag for RDF literals.

Identification is py3langid's naive Bayes model (a maintained fork of
langid.py, Lui & Baldwin 2012), restricted to the languages the sources of
this domain are written in, and trusted only on enough text and with a high
probability: a literal gets a language tag (RDF 1.1 §3.3) only when its
language is known, never a guess.
"""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

LANGUAGES = ("en", "es", "pt", "fr", "de")
"""Languages the domain's sources are written in (U.S., Mexican, Latin American and European publishers)."""

MIN_CHARS = 200
"""Less text than this is not enough to tell a language from its letter n-grams reliably."""

MIN_PROBABILITY = 0.95
"""Normalised probability the best language must reach to be trusted."""

SAMPLE_CHARS = 20_000
"""A document's language is judged on its first characters: more does not change the answer."""


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def language_of(text: str) -> str | None:
    """The language of ``text`` when it is long enough and the model is confident, else None.

    >>> language_of("La Secretaría de la Defensa Nacional coordina la cooperación militar con los "
    ...             "países vecinos y participa en ejercicios de respuesta a desastres naturales en la "
    ...             "frontera norte, donde las fuerzas armadas apoyan a la población civil afectada.")
    'es'
    >>> language_of("Too short to tell.") is None
    True
    """
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= MIN_PROBABILITY else None
