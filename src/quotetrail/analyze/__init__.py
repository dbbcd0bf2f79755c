"""Corpus-level analysis over stored statements: positions over time, stance, contradictions."""
