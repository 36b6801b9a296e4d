"""The query layer: indicators aggregated by the database per time bucket and scope, the
scorecard and units table of the overview, and comments behind the privacy threshold.

Bucket helpers (starts, steps, labels) live in data_model.queries.buckets.
"""

from data_model.queries import buckets
from data_model.queries.buckets import GRAINS, PERIOD_KINDS
from data_model.queries.free_text import Comments, comments
from data_model.queries.overview import Card, scorecard, unit_table
from data_model.queries.privacy import suppress_complementary, suppress_small
from data_model.queries.series import indicator_series

__all__ = [
    "GRAINS", "PERIOD_KINDS", "Card", "Comments", "buckets", "comments", "indicator_series",
    "scorecard", "suppress_complementary", "suppress_small", "unit_table",
]  # fmt: skip
