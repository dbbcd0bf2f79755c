"""Build link/data/word_frequencies.tsv, the general-English prior behind the story clusterer's idf.

The story clusterer weighs terms by idf, estimated online from the articles seen so far. Early in
a stream, or whenever a new kind of event starts, that estimate says every word of the event
type ("rehab", "heavyweight", "patch") is as rare as a name, and two different events of one
type look alike. `stories.prior_df` adds, to every term's document frequency, what a corpus of
general English would give it; this table is the word frequencies that prior is computed from.

Source: the `wordfreq` package (Robyn Speer; code Apache-2.0, data CC BY-SA 4.0, built from
Wikipedia, subtitles, news, books, web text, Twitter and Reddit), list "best" for English. The
table keeps each word-only token (letters, apostrophes, hyphens: what `stories._WORD` matches)
with a Zipf frequency >= MIN_ZIPF, as `word<TAB>zipf` (Zipf = log10 of frequency per 10^9
words). Below MIN_ZIPF a word would add less than about one document to its frequency in the
prior, so leaving it out changes nothing. The table is a derived work of the wordfreq data and
keeps its licence (CC BY-SA 4.0, attribution above), apart from the MIT code of this repo.

Run once, offline, in an environment with wordfreq: `python scripts/build_word_frequencies.py`.
"""

from __future__ import annotations

from pathlib import Path

MIN_ZIPF = 2.5
TABLE = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "quotetrail"
    / "link"
    / "data"
    / "word_frequencies.tsv"
)
HEADER = (
    "# English word frequencies (Zipf) from wordfreq (CC BY-SA 4.0);"
    " built by scripts/build_word_frequencies.py\n"
)


def build() -> dict[str, float]:
    from wordfreq import iter_wordlist, zipf_frequency  # build-time only

    from quotetrail.link.stories import _WORD

    table = {}
    for word in iter_wordlist("en", "best"):
        zipf = zipf_frequency(word, "en")
        if zipf < MIN_ZIPF:
            break  # the list is sorted by frequency
        if _WORD.fullmatch(word):
            table[word] = zipf
    return table


def main() -> None:
    table = build()
    lines = "".join(f"{word}\t{zipf:.2f}\n" for word, zipf in sorted(table.items()))
    TABLE.write_text(HEADER + lines, encoding="utf-8")
    print(f"{len(table)} words -> {TABLE}")


if __name__ == "__main__":
    main()
