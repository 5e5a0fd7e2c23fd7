"""Evaluation under published protocols (commands: ``burhan eval ...``)."""
