"""Text helpers shared by validation and the theme stages (language detection)."""

from fieldvoice.text.language import detect_language, detect_languages

__all__ = ["detect_language", "detect_languages"]
