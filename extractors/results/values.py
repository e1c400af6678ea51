"""Values and their units: the value pattern (LaTeX escapes, ranges, factors in words), the
number a value means, its unit and its kind (score | delta | ratio)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
# number words that state a factor ("fivefold", "two-fold", "ten times", "three orders of
# magnitude"): read only before a ratio unit, and kept only where a change is said (_WORD_CUE)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "twenty": 20, "hundred": 100, "thousand": 1000}
_WORD_NUM = (r"(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)"
             r"(?=\s?(?:-?fold|times|orders?\s+of\s+magnitude)\b)")
_MAGNITUDE = r"\s?orders?\s+of\s+magnitude\b"
_MAGNITUDE_RE = re.compile(_MAGNITUDE)
_WORD_START = re.compile(r"\s*(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + ")", re.I)
_PCT = r"\s?\\?%|\s?\$\\%\$|\s?percent(?:age points?)?\b"
_RATIO = (r"\s?\$?\\times\$?|\s?×|[xX](?![\w])|\s?times\b|-fold\b|\s?fold\b|:1\b|"
          + _MAGNITUDE)
# also points of a named metric ("28 CIDEr points", "6 perplexity points") and "a 31-point
# decline" (not "a 7-point Likert scale", "the 8-point algorithm")
_POINTS = (r"(?:\s?(?:pp|pts|points?|percentage points?)\b|"
           r"\s(?:[A-Z][\w\-@]*|perplexity|accuracy)\s+points?\b|"
           r"-points?(?=\s+(?:improvement|gain|increase|decline|drop|decrease|boost|reduction|"
           r"advantage|lead)s?\b))")
# frame rates also in lower case or words ("20 fps", "1,100 frames per second"): 3 annotated values
# (MORE_UNITS: also times in words, "0.08 seconds", "2.4 milliseconds": 17 annotated values over
# the pools and train, of 26 such numbers)
MORE_UNITS = True
_MORE_UNITS = r"milliseconds|seconds|"
# lengths in metres ("an RMSE of 0.062 m", "a 0.164m max error", "an RPE of 1.09 m"): 9
# annotated values over the pools and train, all decimals; the guards keep only decimals
# that no resolution, scale or size names (guards.METRE_SETTING)
METRES = True
_METRES = r"|m(?![/²^]|\s*\^)|meters|metres"

# physical units of power, energy, rate and speed ("48 Mbps", "800 mW", "4065 GOPS/W", "223
# kWh/m2", "5 meV/A", "32 tokens/s"): an integer with one was read as a bare count and dropped
# (guards: as the times and lengths, not where a setting or a size names it, "at 5 W")
PHYS_UNITS = False
_PHYS = (r"tokens?/s(?:ec)?|tok/s|[kMGT]bps|[GT]OPS(?:/W)?|[mµ]?eV(?:/(?:atom|A|Å))?|kcal/mol|"
         r"[kMG]?Wh(?:/m2)?|[mµk]?W(?![/\-])|[mµnp]J|m/s|°C|[µn]s|ps")
_PHYS_UNITS = rf"|(?<=\d\s)(?:{_PHYS})"  # written apart from the number: not "300W", "80Gbps"
PHYS = re.compile(_PHYS)


def _other() -> str:
    """The pattern of the other units (with _MORE_UNITS where MORE_UNITS is on)."""
    return (r"\s?(?:dB|ms|mg/dL|bits?/char(?:acter)?|BPC|bpd|FPS|fps|frames[\s\-]per[\s\-]"
            r"second|" + (_MORE_UNITS if MORE_UNITS else "") + r"s|[kMG]?Hz|minutes|hours|mm|cm" +
            (_METRES if METRES else "") + (_PHYS_UNITS if PHYS_UNITS else "") + r")\b")


SIM_MATH = True


def _value_re(num: str, first: str = "") -> re.Pattern:
    """The value pattern with numbers written as num (digits, or number words); first: a
    character class holding every character a match can start with (the signs', "$" and the
    number's first characters: edit it with them), tested first so that a search skips other
    positions quickly instead of trying the look-behinds at each (the same matches)."""
    other = _other()
    close = r"(?(dollar)\$?|(?(sim)\$?))" if SIM_MATH else r"(?(dollar)\$?)"
    return re.compile(
        (rf"(?={first})" if first else "") +
        # "F1=0.80", "Recall@5=1.000", "R^2=0.95" are read (the name decides, as for "F1 =
        # 0.80"); not after a one-letter name ("r=0.8", "k=5") nor a spaced or bracketed "="
        r"(?<![\w@.\-/<>^~$\\])(?:(?<!=)|(?<=[\w}]=)(?<![\s(][A-Za-z]=))"
        r"(?P<sign>[+\-−±~]|\$?\\pm\$?|\$\\sim\$" +
        # "$\sim 8\times$", "$\sim24\%$", "$\sim79$%": "~" inside the value's own math
        (r"|(?P<sim>\$\\sim\s?(?=\d))" if SIM_MATH else "") + r")?"
        r"(?P<dollar>\$(?=[+\-]?\d+(?:\.\d+)?(?:-{1,2}\d+(?:\.\d+)?|\s?\\pm\s?\d+(?:\.\d+)?)?"
        r"(?:\s?\\?%|\s?\\times)?\$))?"
        r"(?P<sign2>[+\-])?"
        rf"(?P<num>{num})" + close +
        rf"(?:(?P<u1>{_PCT}|{_RATIO})?\s?(?:--|-|–|to|~|\$\\sim\$|\\sim)\s?(?(dollar)\$?)"
        rf"(?P<num2>{_NUM})(?(dollar)\$?))?"
        rf"(?P<unit>{_PCT}|{_RATIO}|{_POINTS}|{other})?" + close +
        r"(?P<pm>\s?(?:\\pm|±|\$\\pm\$|pm|\+/-)\s?(?:\d+(?:\.\d+)?|\.\d+))?"
        rf"(?P<unit2>(?<=\d){_POINTS}|(?<=\d){_PCT})?(?(dollar)(?(pm)\$?))"
    )


_VALUE = _value_re(rf"{_NUM}|(?<![\d,])\.\d+(?![\d.,])", r"[+\-−±~$\\\d.]")  # also ".9411"
_VALUE_WORDS = _value_re(rf"\b{_WORD_NUM}")  # "fivefold", "two orders of magnitude"


#: Where a _VALUE match can start: its first character, not after what its first look-behind
#: forbids (checked from the character's end, so that the class comes first: a search then
#: skips to the next such character in C instead of trying _VALUE at every offset); and the
#: same for ASCII text, whose digits are 0-9 (a class of ASCII ranges is tested faster).
_VALUE_START = re.compile(r"[+\-−±~$\\\d.](?<![\w@.\-/<>^~$\\].)")
_ASCII_VALUE_START = re.compile(r"[+\-~$\\0-9.](?<![\w@.\-/<>^~$\\].)")


def value_matches(text: str) -> Iterator[re.Match]:
    """_VALUE.finditer(text): the same matches, _VALUE tried only where _VALUE_START finds
    a start (a match at an offset is the same whether searched or matched there: the
    look-behinds read the text before it)."""
    pos = 0
    start = (_ASCII_VALUE_START if text.isascii() else _VALUE_START).search
    match = _VALUE.match
    while (at := start(text, pos)) is not None:
        p = at.start()
        m = match(text, p)
        if m is None:
            pos = p + 1
        else:
            yield m
            pos = m.end()  # a match is never empty (a number)


def _word_values(text: str) -> list[re.Match]:
    """Factors written in words ("fivefold", "ten times", "two orders of magnitude"), looked
    for only just before the unit words (a scan of the whole text costs more)."""
    out: dict[int, re.Match] = {}
    for unit in ("fold", "times", "magnitude"):
        at = text.find(unit)
        while at >= 0:
            for m in _VALUE_WORDS.finditer(text, max(0, at - 30), at + len(unit) + 1):
                out.setdefault(m.start(), m)
            at = text.find(unit, at + 1)
    return list(out.values())


_TO = re.compile(r"\s?to\s?")
_RANGE_BEFORE = re.compile(r"\b(?:by|between|range[sd]?|ranging|of|from|within|up|about|"
                           r"around|approximately|roughly|spans?|spanning|varies|varying)\s+"
                           r"(?:up\s+to\s+|about\s+|around\s+|over\s+)?$", re.I)


def _transition(text: str, m: re.Match) -> bool:
    """Whether "A to B" (each with its unit: "47.2% to 53.8%", or two decimals) is a change
    from a baseline's value to the system's rather than a range ("by 4% to 16%")."""
    a = m.start()
    if not _TO.fullmatch(text, m.end("u1") if m.group("u1") else m.end("num"), m.start("num2")):
        return False
    if not (m.group("u1") and m.group("unit") or "." in m.group("num") and
            "." in m.group("num2") and not m.group("unit")):
        return False
    return not _RANGE_BEFORE.search(text, max(0, a - 30), a)


def read_number(value: str) -> float | None:
    """The number a value means (LaTeX escapes, thousands commas and signs handled)."""
    text = value.replace("\\%", "%").replace("−", "-").replace("$", "")
    m = re.search(r"[+\-]?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)", text)
    word = None if m else _WORD_START.match(text)
    if word is not None:
        number = float(_WORDS[word.group(1).casefold()])  # "fivefold", "ten times"
    elif m:
        try:
            number = float(m.group(0).replace(",", ""))
        except ValueError:
            return None
    else:
        return None
    if _MAGNITUDE_RE.search(text):
        number = 10.0 ** number  # "two orders of magnitude": a factor of 100
    return number


def _unit(raw: str | None) -> str:
    """A unit as written, normalised: %, x, points, dB, ..."""
    if not raw:
        return ""
    u = raw.strip().replace("$", "").replace("\\", "")
    if u in ("%", "percent"):
        return "%"
    if u in ("times", "×", "x", "X", "-fold", "fold") or u.endswith("magnitude"):
        return "x"
    if u.startswith("percentage point") or u in ("pp", "pts") or u.endswith(("point", "points")):
        return "points"
    return u


def _kind(text: str, m: re.Match, unit: str, c: dict, clause_start: int) -> str:
    """score | delta | ratio from the unit, the sign and the words around the value."""
    before = text[max(clause_start, m.start() - 60):m.start()]
    after = text[m.end():m.end() + 40]
    if unit == "x" or unit == ":1":
        return "ratio"
    sign = m.group("sign") or m.group("sign2") or ""
    if sign in ("+",) or (sign in ("-", "−") and unit in ("%", "points")):
        return "delta"
    if unit == "points":
        return "delta"
    if re.match(r"\s*of\s+(?:the\s+)?[\w\-]+(?:'s)?\s+(?:\w+\s+)?(?:quality|performance|accuracy)",
                after):
        return "ratio"
    if c["delta_after"].match(after) and not re.match(r"\s*(?:higher|lower|better)\s+than", ""):
        return "delta"
    if c["delta_before"].search(before):
        return "delta"
    if re.search(r"\bby\s+(?:\w+\s+)?$", before):
        return "delta"
    return "score"
