"""Tables of feedback totals as the revisions create and fill them (data_model.models.TOTALS
describes the tables of today). A revision passes its own literal description, so what it made
when it was written is what it makes now: these functions are never edited in a way that
changes what they create; a table of another shape gets a function of its own.

A revision adding a total (a new grain or grouping) is then a few lines: create_table() with the
columns and covering index of its line in models.TOTALS, and fill_by_summing() from the totals
per question of its grain (plain SQL, as data_model.feedback_cells does per batch).
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

# A covering index's figure columns, after the columns it is searched and grouped by.
INDEXED_FIGURES = [
    "scale_min",
    "scale_max",
    "n",
    "score_sum",
    "positive_n",
    "promoters_n",
    "detractors_n",
]
SUMS = "n, score_sum, score_sq_sum, positive_n, promoters_n, detractors_n"
# The rows of each set of known optional sums are summed apart.
KNOWN = "score_sq_sum IS NULL, positive_n IS NULL, promoters_n IS NULL, detractors_n IS NULL"


def create_table(
    name: str,
    *,
    week_start: bool,
    unit: bool,
    question: bool,
    cell: tuple[str, ...],
    server_default: bool,
    covering: list[str],
    question_index: bool = False,
) -> None:
    """A table of totals: id, the unit (if per unit), date, year, month, the week's Monday (if
    dated by weeks too), survey and question (if per question), the summed figures and the
    cell's figures (cell: their column names); the covering index `ix_<name>_figures` on
    covering, the figures and the last cell figure, `ix_<name>_unit_date` for the recount of a
    table per unit, and `ix_<name>_question` on survey and question if asked."""
    default = {"server_default": "0"} if server_default else {}
    columns = [
        sa.Column("id", sa.Integer(), nullable=False),
        *([sa.Column("unit_id", sa.Integer(), nullable=False)] if unit else []),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        *([sa.Column("week_start", sa.Date(), nullable=False)] if week_start else []),
        *(
            [
                sa.Column("survey", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
                sa.Column(
                    "question", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False
                ),
            ]
            if question
            else []
        ),
        sa.Column("scale_min", sa.Integer(), nullable=False),
        sa.Column("scale_max", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("score_sum", sa.Float(), nullable=False),
        sa.Column("score_sq_sum", sa.Float(), nullable=True),
        sa.Column("positive_n", sa.Integer(), nullable=True),
        sa.Column("promoters_n", sa.Integer(), nullable=True),
        sa.Column("detractors_n", sa.Integer(), nullable=True),
        *(sa.Column(c, sa.Integer(), nullable=False, **default) for c in cell),
        *([sa.ForeignKeyConstraint(["unit_id"], ["unit.id"])] if unit else []),
        sa.PrimaryKeyConstraint("id"),
    ]
    op.create_table(name, *columns)
    op.create_index(f"ix_{name}_figures", name, [*covering, *INDEXED_FIGURES, cell[-1]])
    if unit:
        op.create_index(f"ix_{name}_unit_date", name, ["unit_id", "date"])
    if question_index:
        op.create_index(f"ix_{name}_question", name, ["survey", "question"])


def fill_by_summing(target: str, source: str, keys: list[str], *, first_day: bool) -> None:
    """target's rows: source's rows summed per keys and per set of known optional sums;
    first_day: dated by the first day among them (else the date is one of the keys)."""
    grouped = ", ".join(keys)
    summed = ", ".join(f"SUM({s})" for s in SUMS.split(", "))
    dated, first = (", date", ", MIN(date)") if first_day else ("", "")
    op.execute(
        f"INSERT INTO {target} ({grouped}{dated}, {SUMS}) "
        f"SELECT {grouped}{first}, {summed} FROM {source} GROUP BY {grouped}, {KNOWN}"
    )


def drop_table(name: str) -> None:
    """A table of totals and its indexes."""
    for index in sa.inspect(op.get_bind()).get_indexes(name):
        op.drop_index(index["name"], table_name=name)
    op.drop_table(name)
