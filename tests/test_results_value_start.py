"""The value search's first-character test (results._value_re's `first`): it only lets the
search skip positions, so _VALUE finds what the same pattern without it finds."""

from __future__ import annotations

from paperkg.extractors import results

# every way a value can start: a sign, "$", a LaTeX "\pm" or "\sim", a digit, "." and digit
TEXTS = [
    "Accuracy rises by +2.3% and falls by -1.5 points (−0.4, ±0.2, ~5x, 3-5%).",
    r"We reach $95.1\%$ and $\pm$ 0.3 with \pm0.2, $\sim$3 and $-1.2$ on the test set.",
    "F1=0.80, r=0.8, Recall@5=1.000, .9411 AUC, 1,000 samples and 12,345.6 tokens; 4.2x faster.",
    "No value here at all, only words - and dashes -- and a lone $ sign.",
]


def test_the_first_character_class_keeps_every_value():
    plain = results._value_re(results._NUM + r"|(?<![\d,])\.\d+(?![\d.,])")
    assert results._VALUE.pattern.endswith(plain.pattern)
    assert results._VALUE.pattern != plain.pattern
    found = 0
    for text in TEXTS:
        got = [(m.span(), m.groupdict()) for m in results._VALUE.finditer(text)]
        assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        found += len(got)
    assert found >= 15
