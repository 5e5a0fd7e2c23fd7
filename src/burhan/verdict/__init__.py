"""From scored evidence to a verdict: counts, places and dates, source reliability, story
independence, the verdict model and its explanation."""

from burhan.verdict.model import FEATURES, VerdictModel, evidence_features, merge_copies
from burhan.verdict.reliability import SourceReliability

__all__ = ["FEATURES", "SourceReliability", "VerdictModel", "evidence_features", "merge_copies"]
