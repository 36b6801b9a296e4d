"""Database tables of the dashboard, one SQLModel class per entity.

Every fact row points to the import batch that brought it, so a batch can be undone exactly.
"""

import types
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from core.feedback_figures import SCALE, SUMS


# A file that was imported: what it was, who brought it and what it held.
class ImportBatch(SQLModel, table=True):
    __tablename__ = "import_batch"

    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(max_length=255)
    sha256: str = Field(max_length=64, unique=True, index=True)
    kind: str = Field(max_length=32)
    form: str | None = Field(default=None, max_length=32)
    rows: int = 0
    stored_rows: int = 0
    answers: int | None = None
    mean: float | None = None
    first_date: date | None = None
    last_date: date | None = None
    unit_names: str = ""  # units the file speaks of, "\n"-separated, as stored
    imported_by: str = Field(default="", max_length=255)
    imported_at: datetime = Field(default_factory=lambda: datetime.now(UTC))  # UTC


# A service area of the organisation (varhaiskasvatus, perusopetus, ...).
class ServiceArea(SQLModel, table=True):
    __tablename__ = "service_area"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=255, unique=True)


# A work unit, usually a coached one; name_key is the folded name used to match files to units.
class Unit(SQLModel, table=True):
    __tablename__ = "unit"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=255)
    name_key: str = Field(max_length=255, unique=True, index=True)
    service_area_id: int | None = Field(default=None, foreign_key="service_area.id")
    manager: str | None = Field(default=None, max_length=255)
    coaches: str | None = None
    mentors: str | None = None
    coaching_start: date | None = None
    coaching_end: date | None = None
    goal: str | None = None
    in_register: bool = False  # False: created because a data file named it
    # The register import that last listed the unit; a unit outside the register lives only
    # as long as some imported row refers to it.
    batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)


# What a feedback row sums, in the day rows and in every total below: the question's scale, its
# answers and their score sum, and the optional sums some forms cannot give (None: unknown).
class FeedbackFigures(SQLModel):
    scale_min: int = 1
    scale_max: int = 5
    n: int
    score_sum: float
    # Sum of the squared scores, for the chance variation of a mean (None: a report gave only
    # means, so a change cannot be judged).
    score_sq_sum: float | None = None
    positive_n: int | None = None  # answers above the scale's midpoint; unknown for report means
    promoters_n: int | None = None  # 9-10 on a 0-10 scale
    detractors_n: int | None = None  # 0-6 on a 0-10 scale


# A covering index's figure columns, after the columns it is searched and grouped by (the sum
# of squares, read only for a change's chance variation, is left out).
FIGURES = (*SCALE, *(s for s in SUMS if s != "score_sq_sum"))


# Feedback answers summed per day, unit, survey, question, respondent group and scale.
# A mean over any grouping is sum(score_sum) / sum(n); all four feedback forms land here.
class FeedbackScore(FeedbackFigures, table=True):
    __tablename__ = "feedback_score"
    # What a batch's removal and the privacy recount (data_model.feedback_cells) look up; no
    # figure reads this table (they read the totals below).
    __table_args__ = (Index("ix_feedback_unit_date", "unit_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="import_batch.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    date: date
    year: int
    month: int
    week_start: date  # Monday of the ISO week; SQLite here has no %V
    survey: str = Field(default="", max_length=255)
    question: str = Field(default="", max_length=1000)
    respondent_group: str = Field(default="", max_length=255)


# --- The feedback totals every figure reads, from one specification ----------------------------
# Each total sums the day rows over every batch and respondent group, per privacy cell (or per
# set of cells sharing the figure the privacy rule reads) and bucket of its grain, and per set of
# known optional sums (rows whose score_sq_sum, positive_n, promoters_n or detractors_n are
# unknown are summed apart from known ones, so every indicator gives exactly what the day rows
# give). A row carries its cell's figures (cell_n, cell_week_min_n, cell_day_min_n), so no
# figure joins the cells. They are recounted for the units and months a batch touches, in the
# batch's transaction (data_model.feedback_cells); queries.rollup picks the smallest that can
# answer a figure. Adding a grain or a grouping is one line in TOTALS and one revision.

Grain = Literal["day", "week", "month"]
# What a total is per: a unit's question ("question"), a unit summed over its questions ("unit",
# rows of cells sharing their figure at that grain) or every unit together per question
# ("organisation", likewise).
Grouping = Literal["question", "unit", "organisation"]
# The columns a total is dated by at its grain, and what it is searched and grouped by first
# in its covering index (the unit's id follows where the total has one).
_DATED: dict[str, tuple[str, ...]] = {
    "day": ("date", "year", "month", "week_start"),
    "week": ("date", "year", "month", "week_start"),
    "month": ("date", "year", "month"),
}
_LEADING: dict[str, tuple[str, ...]] = {
    "day": ("date",),
    "week": ("week_start",),
    "month": ("date", "year", "month"),
}
_FOLLOWING: dict[str, tuple[str, ...]] = {"day": (), "week": ("date",), "month": ()}
# The cell figure the privacy rule reads at each grain (queries.privacy.shown).
RULE_FIGURE = {"day": "day_min_n", "week": "week_min_n", "month": "n"}


@dataclass(frozen=True)
class Totals:
    """One table of feedback totals: its name, grain and grouping, the figures of its privacy
    cell each row carries, and whether its survey and question are indexed for the filter
    lists. `date` is a day's date, the first day of a month, or the first day with answers of
    a week's part in one month (a week over two months is two rows, one in each month's cell)."""

    table: str
    grain: Grain
    grouping: Grouping
    cell: tuple[str, ...]
    question_index: bool = False

    @property
    def per_unit(self) -> bool:
        return self.grouping != "organisation"

    @property
    def per_question(self) -> bool:
        return self.grouping != "unit"

    @property
    def keys(self) -> tuple[str, ...]:
        """The columns a row is per, besides its set of known optional sums."""
        unit = ("unit_id",) if self.per_unit else ()
        question = ("survey", "question") if self.per_question else ()
        return (*unit, *_DATED[self.grain], *question, "scale_min", "scale_max")


TOTALS: tuple[Totals, ...] = (
    Totals("feedback_day_total", "day", "question", ("n", "day_min_n")),
    Totals("feedback_week_total", "week", "question", ("n", "week_min_n")),
    Totals("feedback_month_total", "month", "question", ("n",), question_index=True),
    Totals("feedback_unit_week_total", "week", "unit", ("week_min_n",)),
    Totals("feedback_org_day_total", "day", "organisation", ("day_min_n",)),
    Totals("feedback_org_month_total", "month", "organisation", ("n",)),
)


def _totals_model(spec: Totals) -> type[FeedbackFigures]:
    """The SQLModel table class of a total (named FeedbackDayTotal for feedback_day_total)."""
    fields: dict[str, tuple] = {"id": (int | None, Field(default=None, primary_key=True))}
    if spec.per_unit:
        fields["unit_id"] = (int, Field(foreign_key="unit.id"))
    for column in _DATED[spec.grain]:
        fields[column] = (date if column in ("date", "week_start") else int, Field())
    if spec.per_question:
        fields["survey"] = (str, Field(default="", max_length=255))
        fields["question"] = (str, Field(default="", max_length=1000))
    for figure in spec.cell:
        # The totals per question have carried a server default since they were made (0007).
        default = {"server_default": "0"} if spec.grouping == "question" else {}
        fields[f"cell_{figure}"] = (int, Field(default=0, sa_column_kwargs=default))
    unit = ("unit_id",) if spec.per_unit else ()
    covering = (*_LEADING[spec.grain], *unit, *_FOLLOWING[spec.grain])
    indexes = [
        Index(f"ix_{spec.table}_figures", *covering, *FIGURES, f"cell_{RULE_FIGURE[spec.grain]}")
    ]
    if spec.per_unit:
        indexes.append(Index(f"ix_{spec.table}_unit_date", "unit_id", "date"))  # the recount
    if spec.question_index:
        indexes.append(Index(f"ix_{spec.table}_question", "survey", "question"))
    namespace = {
        "__module__": __name__,
        "__doc__": f"The feedback totals of {spec.table} (models.TOTALS).",
        "__tablename__": spec.table,
        "__table_args__": tuple(indexes),
        "__annotations__": {name: kind for name, (kind, _) in fields.items()},
        **{name: value for name, (_, value) in fields.items()},
    }
    name = "".join(part.title() for part in spec.table.split("_"))
    model = types.new_class(
        name, (FeedbackFigures,), {"table": True}, lambda ns: ns.update(namespace)
    )
    model.spec = spec
    return model


_MODELS = {spec.table: _totals_model(spec) for spec in TOTALS}
FeedbackDayTotal = _MODELS["feedback_day_total"]
FeedbackWeekTotal = _MODELS["feedback_week_total"]
FeedbackMonthTotal = _MODELS["feedback_month_total"]
FeedbackUnitWeekTotal = _MODELS["feedback_unit_week_total"]
FeedbackOrgDayTotal = _MODELS["feedback_org_day_total"]
FeedbackOrgMonthTotal = _MODELS["feedback_org_month_total"]
TOTAL_MODELS = tuple(_MODELS.values())


# The privacy cells of feedback: one unit's answers to one question in one calendar month (per
# scale, and whether single answers are known), summed over every batch. A cell under the
# privacy threshold is left out of every figure; day and week figures also need every day or
# week of the cell to reach it (queries.rollup). Rebuilt for the touched units and months
# whenever a batch is stored or removed (data_model.feedback_cells).
class FeedbackCell(SQLModel, table=True):
    __tablename__ = "feedback_cell"
    __table_args__ = (
        Index(
            "ix_feedback_cell_key",
            "unit_id",
            "year",
            "month",
            "survey",
            "question",
            "scale_min",
            "scale_max",
            "detailed",
            unique=True,
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    year: int
    month: int
    survey: str = Field(default="", max_length=255)
    question: str = Field(default="", max_length=1000)
    scale_min: int = 1
    scale_max: int = 5
    detailed: bool  # single answers known (positive_n given), not a report's mean
    n: int  # answers in the cell
    week_min_n: int  # answers in its smallest week (the part of the week in this month)
    day_min_n: int  # answers on its smallest day with answers


# A free-text answer; shown only where its group reaches the privacy threshold.
class FeedbackComment(SQLModel, table=True):
    __tablename__ = "feedback_comment"
    __table_args__ = (Index("ix_comment_unit_date", "unit_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="import_batch.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    date: date
    survey: str = Field(default="", max_length=255)
    question: str = Field(default="", max_length=1000)
    text: str


# Workforce figures of one unit for one month (person-level rows are summed on import).
class WorkforceMonth(SQLModel, table=True):
    __tablename__ = "workforce_month"
    __table_args__ = (Index("ix_workforce_unit_month", "unit_id", "month"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="import_batch.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    month: date  # first day of the month
    year: int
    headcount: float | None = None  # an absence log gives days without a headcount
    fte: float | None = None
    sick_leave_days: float | None = None
    short_sick_leaves: float | None = None
    new_hires: float | None = None
    leavers: float | None = None
    overtime_hours: float | None = None
    training_days: float | None = None
    work_accidents: float | None = None


# One mentor's report on how one coached unit is doing (the feeling meter's source).
class MentorReport(SQLModel, table=True):
    __tablename__ = "mentor_report"
    __table_args__ = (Index("ix_mentor_unit_date", "unit_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="import_batch.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    date: date
    year: int
    month: int
    week_start: date
    mentor: str = Field(default="", max_length=255)
    mood: float
    workload: float | None = None
    atmosphere: float | None = None
    interaction: float | None = None
    concern: bool | None = None
    observations: str | None = None
    wishes: str | None = None


# A target for an indicator, for all units (unit_id null) or one, for all years or one.
# Where several rows share a scope, the newest (highest id) counts.
class Target(SQLModel, table=True):
    __tablename__ = "target"
    __table_args__ = (Index("ix_target_indicator", "indicator"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int | None = Field(default=None, foreign_key="import_batch.id", index=True)
    indicator: str = Field(max_length=64)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    year: int | None = None
    target: float


# The tables whose rows belong to a batch (and go with it).
FACT_TABLES = (FeedbackScore, FeedbackComment, WorkforceMonth, MentorReport, Target)


# A setting made on the Settings page (period kind, privacy threshold, target margin), as text.
class Setting(SQLModel, table=True):
    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=1000)


# How many times the data behind the figures have changed: bumped in the same transaction as
# every import, removal and change of targets, settings, indicators, users or profiles. One
# row; every app process keys its cached figures by it, so each sees every change at once.
class DataVersion(SQLModel, table=True):
    __tablename__ = "data_version"

    id: int = Field(default=1, primary_key=True)
    version: int = Field(default=0)


# A saved column mapping of one export source ("Huoltajakysely / Forms"): applied to the next
# file with the same headers (header_signature), or by name from the CLI (--profile).
class SourceProfile(SQLModel, table=True):
    __tablename__ = "source_profile"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=255, unique=True)
    header_signature: str = Field(max_length=64, index=True)
    headers: str = ""  # the headers as written, "\n"-separated, for the profile list
    mapping: str = "{}"  # loaders.mapping.Mapping.to_json(): roles, fixed values, date order
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))  # UTC
    updated_at: datetime = Field(default_factory=lambda: datetime.now(UTC))  # UTC


# Someone who signs in: a local password (argon2 hash) or, with single sign-on, an e-mail the
# identity provider vouches for. "user" is a reserved word in PostgreSQL.
class User(SQLModel, table=True):
    __tablename__ = "app_user"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=255, unique=True, index=True)
    role: str = Field(max_length=16)  # admin | manager | viewer
    password_hash: str | None = Field(default=None, max_length=255)  # None: single sign-on only
    email: str | None = Field(default=None, max_length=255, unique=True)  # folded
    disabled: bool = False
    # A viewer given every unit explicitly (--all-units); without it, and without any unit or
    # service area, a manager or viewer sees nothing.
    all_units: bool = False
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))  # UTC
    updated_at: datetime = Field(default_factory=lambda: datetime.now(UTC))  # UTC


# A unit or a service area given to a manager or viewer, by folded name (as imports match
# names), so the grant outlives a unit that is removed and imported again under a new id.
class UserScope(SQLModel, table=True):
    __tablename__ = "user_scope"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    kind: str = Field(max_length=8)  # unit | area
    name: str = Field(max_length=255)  # as the admin typed it, for listing
    name_key: str = Field(max_length=255)


# Who did what and when: sign-ins, imports, removals, changes of targets, settings and users,
# and exports. details is a JSON object as text.
class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_at", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))  # UTC
    user_name: str = Field(default="", max_length=255)
    action: str = Field(max_length=64, index=True)
    details: str = "{}"


# A wrong password, kept for a while to slow down guessing of the name it was typed for. The
# name is kept as a hash only: a password typed into the name field is never stored.
class SignInFailure(SQLModel, table=True):
    __tablename__ = "sign_in_failure"
    __table_args__ = (Index("ix_failure_name_at", "name_key", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))  # UTC
    name_key: str = Field(max_length=255)  # sha-256 of the folded name
    client: str = Field(default="", max_length=255)  # the address it came from


# A signed-in browser. Its cookie holds a random token, kept here only as a sha-256; before the
# cookie is handed over, a one-time code (also hashed) fetches it. A session ends with sign-out,
# the idle limit, a password change or the user's disabling, and is then never valid again.
class UserSession(SQLModel, table=True):
    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    token_hash: str | None = Field(default=None, max_length=64, unique=True)
    handoff_hash: str | None = Field(default=None, max_length=64, unique=True)
    handoff_until: datetime | None = None  # UTC
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))  # UTC
    last_seen_at: datetime = Field(default_factory=lambda: datetime.now(UTC))  # UTC
    ended_at: datetime | None = None  # UTC
    end_reason: str | None = Field(default=None, max_length=32)
