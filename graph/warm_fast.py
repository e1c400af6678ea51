"""Imported by an update's fork server (warm.start): loads the rules-only pipeline."""

from paperkg.graph.warm import load

load(fast=True)
