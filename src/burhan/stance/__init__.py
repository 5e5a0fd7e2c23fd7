"""Stance of an article toward a claim (agree / disagree / discuss / unrelated), with rationale."""

from burhan.stance.model import LABELS, PairTraining, RationaleSentence, StanceModel, StancePair, StancePrediction

__all__ = ["LABELS", "PairTraining", "RationaleSentence", "StanceModel", "StancePair", "StancePrediction"]
