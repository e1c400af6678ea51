"""Family: a measure named as a training objective, not as something reported.
"combines Dice Loss and Focal Loss", "MSE loss", "a hybrid of cross-entropy, RankNet, and KL
divergence losses", "trained via negative log-likelihood": a measure's mention right before a
loss word ("loss", "objective", "regularisation", "penalty"; "losses" closing a
short list it opens) or after "trained / optimised / learned via, with, by, using" names the
loss the method trains with. A name that abstracts mostly give as the objective itself
(words/metric_objectives.txt: cross-entropy) is no measure unless a value or a comparison
stands within 60 characters of it in its sentence ("achieves lower cross-entropy than").
"under the 0.75 IoU criterion" is an evaluation's threshold, not a loss. Each such METRIC
candidate goes; a mention of the same measure used otherwise keeps the entity."""

from __future__ import annotations

import re

from paperkg.extractors.rules.base import Context, fold, word_set

# "Dice Loss", "MSE loss", "KL (Kullback-Leibler) objective", "cross-entropy-based loss" is not
_LOSS_AFTER = re.compile(
    r"(?:\s*\([^()\n]{1,12}\))?[\s\-]+(?:loss(?:es)?|objectives?|regulari[sz](?:ation|er)|"
    r"penalty)\b", re.IGNORECASE)
# "cross-entropy, RankNet, and KL divergence losses": the plural loss word closes the list
_W = r"[\w\-]+(?: [\w\-]+){0,3}"
_LOSS_LIST = re.compile(
    rf"(?:\s*,\s*{_W}){{0,3}}\s*,?\s+(?:and|or)\s+{_W}?[\s\-]+losses\b", re.IGNORECASE)
_TRAINED_WITH = re.compile(
    r"\b(?:trained|optimi[sz]ed|learned|learnt|fine-tuned|supervised)\s+(?:via|with|by|using|"
    r"under)\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
# a value or a comparison beside an objective's name: it is reported, so a measure ("lower" of
# "evidence lower bound (ELBO)" is none)
_REPORTED = re.compile(
    r"\d|%|\b(?:lower(?!\s+bound)|higher|better|worse|best|improv\w*|reduc\w*|outperform\w*|achiev\w*)\b",
    re.IGNORECASE)


def _as_loss(text: str, a: int, b: int) -> bool:
    """Whether the mention text[a:b] names a loss the method trains with."""
    return bool(_LOSS_AFTER.match(text, b) or _LOSS_LIST.match(text, b)
                or _TRAINED_WITH.search(text, max(0, a - 40), a))


def _objective_unreported(ctx: Context, a: int, b: int) -> bool:
    """Whether no value or comparison stands within 60 characters of text[a:b] in its sentence."""
    s0, s1 = ctx.sentence(a)
    text = ctx.text
    return not (_REPORTED.search(text, max(s0, a - 60), a)
                or _REPORTED.search(text, b, min(s1, b + 60)))


def objective_measures(ctx: Context) -> None:
    """Drop METRIC candidates whose mention names a training loss or an unreported objective."""
    objectives = word_set("metric_objectives")
    text = ctx.text
    drop = set()
    for i, c in enumerate(ctx.cands):
        if c.type not in ("METRIC", ""):
            continue
        if c.type == "METRIC" and _as_loss(text, c.start, c.end):
            drop.add(i)
        elif {fold(c.gaz_canon or c.name), fold(c.surface)} & objectives and \
                _objective_unreported(ctx, c.start, c.end):
            drop.add(i)
    if drop:
        ctx.cands = [c for i, c in enumerate(ctx.cands) if i not in drop]


STAGES = [(100.1, objective_measures)]
