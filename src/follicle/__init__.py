"""Follicle: hair-loss assessment ranked honestly by evidence and regulation.

The package is layered: ``follicle.knowledge`` (data schemas and loader) and ``follicle.engine``
(pure rules) never import Django, so they can be tested, benchmarked and reused on their own;
the web layer sits on top of them.
"""

__version__ = "0.1.0"
