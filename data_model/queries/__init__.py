"""The query layer: indicators aggregated by the database per time bucket and scope, the
scorecard and units table of the overview, and comments behind the privacy threshold. Queries
take a core.scope.Scope and return codes and numbers; labels are made where they are shown.
"""

from data_model.queries.free_text import Comments, comments
from data_model.queries.overview import Card, scorecard, unit_table
from data_model.queries.series import indicator_series

__all__ = ["Card", "Comments", "comments", "indicator_series", "scorecard", "unit_table"]
