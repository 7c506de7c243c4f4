"""Names after titles and introductions, without eating country names."""

import pytest

from fieldvoice.privacy import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Customers in DR Congo complain", "Customers in DR Congo complain"),  # a country, not a doctor
        ("appelez M. Traoré demain", "appelez M. [NAME] demain"),  # the title must not stand in for the name
        ("demandez Madame Koné", "demandez Madame [NAME]"),
    ],
)
def test_titles_and_country_abbreviations(text: str, expected: str) -> None:
    assert redact(text).text == expected
