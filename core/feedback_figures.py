"""The shape of a feedback row, written once: its scale, the figures it sums and the key of its
privacy cell. The loaders' feedback tables, the stored day rows, the privacy cells and every
total (data_model.models.TOTALS) are made of these names.
"""

SCALE = ("scale_min", "scale_max")
# What a feedback row sums: its answers and their score sum, then the sums some forms cannot give
# (None: unknown, e.g. a report that gives only a question's mean).
SUMS = ("n", "score_sum", "score_sq_sum", "positive_n", "promoters_n", "detractors_n")
OPTIONAL_SUMS = SUMS[2:]
# A privacy cell: one unit's answers to one question in one calendar month, per scale (and
# whether single answers are known, the cell's `detailed`).
CELL_KEYS = ("unit_id", "year", "month", "survey", "question", *SCALE)
