"""framing: measure how news outlets frame the same story.

Stages (each a module, each a pure function from tidy tables to tidy tables):
:mod:`framing.corpus` (load), :mod:`framing.clean` (segment, set aside chrome,
duplicates, appended stories and FAQ blocks), :mod:`framing.quotes`,
:mod:`framing.people`, :mod:`framing.stance`, :mod:`framing.compare`;
:mod:`framing.pipeline` runs them all.
"""
__version__ = "0.1.0"

from .corpus import load  # noqa: E402
from .show import show  # noqa: E402  (framing.show(article_id, tables): the article as HTML)
from .validate import validate  # noqa: E402  (framing.validate(coded, tables): trust per measure)

__all__ = ["load", "show", "validate", "__version__"]
