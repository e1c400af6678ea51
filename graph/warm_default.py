"""Imported by an update's fork server (warm.start): loads the default pipeline."""

from paperkg.graph.warm import load

load(fast=False)
