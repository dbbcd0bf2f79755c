"""quotetrail: who said what, when, about whom — from raw news articles."""

__version__ = "0.1.0"
