"""Burhan (برهان): an offline engine that checks Arabic claims against Arabic news.

The package reads as the pipeline: ``text`` → ``ingest`` → ``store`` → ``search``,
with ``cli`` on top. Lower layers never import higher ones.
"""

__version__ = "0.1.0"
