"""The mapping step of the Import page: every column of a file with its detected role, each
changeable; fixed unit, date or period and survey; the questions as they will be counted; and
saved source profiles (applied to files with the same headers, listed, renamed, deleted)."""

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from core import formats as fmt
from core.texts import TEXTS, t
from data_model import profiles
from importing import saved_mapping
from loaders import LoadError, load_file
from loaders.mapping import DETECTED_ROLES, SKIP, USER_ROLES, ColumnRole, Mapping
from loaders.personal_data import mask
from loaders.reading import read_sheets
from loaders.scales import closest_known
from loaders.tools import TOOLS
from ui.importing import Checked
from ui.plain import escape_markdown as plain

ORDERS = (None, "dmy", "mdy")
SCORES = ("", SKIP, *(str(n) for n in range(0, 11)))  # what an answer label can count as
PREVIEW_ROWS = 8  # the sheet's first rows, shown where the header rows are chosen
TOUCHED = "_touched"  # beside a role widget's key: the user has changed it


@dataclass
class Step:
    """What the step is drawn from: the columns as detected (with the profile's choices, if
    one matched the headers), the choices the user made on top, and the profile's name."""

    digest: str
    columns: list[ColumnRole] = field(default_factory=list)
    base: Mapping = field(default_factory=Mapping)
    chosen: Mapping = field(default_factory=Mapping)
    profile: str | None = None
    header_rows: tuple[int, int] | None = None  # as detected (or as the profile says)
    sheet: str | None = None  # the sheet read
    sheets: list[str] = field(default_factory=list)  # every sheet of a workbook
    words: list[tuple[str, int]] = field(default_factory=list)  # unknown answer labels, counts
    tool: str | None = None
    roles: tuple[str, ...] = ()  # the roles of the form read (a workforce file's figures)

    def key(self, name: str) -> str:
        return f"map_{name}_{self.digest[:16]}"

    def role_key(self, column: ColumnRole) -> str:
        """The role widget of a column of the sheet, by its place (whatever the header rows
        make its name): a role the user chose for column C stays with column C."""
        return self.key(f"role_{column.index}")

    def label_key(self, word: str) -> str:
        """The score widget of an answer option: a score given to a word stays with it."""
        return self.key(f"label_{label_tag(word)}")


@st.cache_data(max_entries=64, show_spinner=False)
def check_with_mapping(
    name: str, _data: bytes, digest: str, kind, form, choices: str, lang: str
) -> Checked:
    """Load a file with the choices (a Mapping as JSON); cached by content and choices."""
    mapping = Mapping.from_json(choices, lang=lang)
    try:
        loaded = load_file(name, _data, kind=kind, form=form, mapping=mapping)
        return Checked(name, digest, loaded=loaded, mapping=loaded.mapping)
    except LoadError as error:
        return Checked(
            name, digest, problems=error.problems, more=error.more, mapping=error.mapping
        )


@st.cache_data(max_entries=64, show_spinner=False)
def sheet_preview(name: str, _data: bytes, digest: str) -> dict:
    """Every sheet's first rows as read (no header chosen), for choosing the header rows."""
    try:
        sheets = read_sheets(name, _data)
    except LoadError:
        return {}
    return {sheet.name or "CSV": sheet.cells.head(PREVIEW_ROWS) for sheet in sheets}


def check(name: str, data: bytes, digest: str, kind, form, *, lang: str, engine):
    """The file loaded with the saved profile for its headers and the user's choices.

    The table's shape (sheet, header rows, last row) is chosen first: the columns listed for
    roles and the answer labels are those of the table as read with that shape, and their
    role widgets are keyed by the sheet's column, and only a role the user changed counts as a
    choice, so what one reading proposed never lands on another reading's column."""
    first = check_with_mapping(name, data, digest, kind, form, "{}", lang)
    step = Step(digest)
    detected = first.mapping.columns if first.mapping else []
    saved = saved_mapping(engine=engine, headers=[c.header for c in detected], lang=lang)
    base = first
    if saved is not None:
        step.base = saved
        step.profile = saved.profile
        base = check_with_mapping(name, data, digest, kind, form, step.base.to_json(), lang)
    _shape(step, base)
    shape = _chosen_shape(step)
    if shape.choices() != Mapping().choices():
        shaped = step.base.merged(shape)
        base = check_with_mapping(name, data, digest, kind, form, shaped.to_json(), lang)
    step.columns = base.mapping.columns if base.mapping else detected
    if base.mapping is not None:
        step.roles = base.mapping.found_roles
    _words(step)
    step.chosen = _chosen(step, shape)
    if not step.chosen.choices() or step.chosen.choices() == Mapping().choices():
        return base, step
    merged = step.base.merged(step.chosen)
    return check_with_mapping(name, data, digest, kind, form, merged.to_json(), lang), step


def label_tag(word: str) -> str:
    """A short tag of an answer option, for its widget's key."""
    return hashlib.sha256(word.casefold().encode()).hexdigest()[:8]


def _shape(step: Step, base: Checked) -> None:
    """Where the table sits as detected (or as the profile says): the widgets' defaults."""
    if base.mapping is not None:
        found = base.mapping
        step.header_rows, step.sheet, step.tool = (
            found.found_header_rows,
            found.found_sheet,
            found.tool,
        )


def _words(step: Step) -> None:
    """The answer options no scale knows, in the table as read, with how often each was given."""
    words: dict[str, list] = {}
    for column in step.columns:
        for text, count, counted in column.counts:
            if counted is None:
                entry = words.setdefault(text.casefold(), [text, 0])
                entry[1] += count
    step.words = sorted((tuple(w) for w in words.values()), key=lambda w: (-w[1], w[0]))


def _chosen_shape(step: Step) -> Mapping:
    """The table's shape as the user chose it (read before the widgets are drawn this run)."""
    state = st.session_state
    first, last = state.get(step.key("header_first")), state.get(step.key("header_last"))
    header_rows = None
    if first and last and (first, last) != tuple(step.header_rows or ()):
        header_rows = (int(first), int(max(first, last)))
    last_row = state.get(step.key("last_row"))
    sheet = state.get(step.key("sheet"))
    return Mapping(
        header_rows=header_rows,
        rows=(None, int(last_row)) if last_row else None,
        keep_left_out=bool(state.get(step.key("keep_left_out"))),
        sheet=sheet if sheet and sheet != step.sheet else None,
    )


def _chosen(step: Step, shape: Mapping) -> Mapping:
    """The user's choices from the widgets' state: the shape, and for the table read with it
    the columns' roles, the fixed values and the answer labels."""
    state = st.session_state
    roles = {}
    for column in step.columns:
        key = step.role_key(column)
        role = state.get(key) if state.get(key + TOUCHED) else None  # the user's, not a default
        if role is not None and role != column.role:
            roles[column.header] = "ignore" if role in DETECTED_ROLES else role
    fixed = {k: (state.get(step.key(k)) or "").strip() or None for k in ("unit", "date", "survey")}
    order = state.get(step.key("order"))
    day_first = {"dmy": True, "mdy": False}.get(order)
    labels = {}
    for word, _ in step.words:
        given = state.get(step.label_key(word))
        if given:
            labels[word] = given
    return Mapping(
        roles,
        **fixed,
        day_first=day_first,
        labels=labels,
        header_rows=shape.header_rows,
        rows=shape.rows,
        keep_left_out=shape.keep_left_out,
        sheet=shape.sheet,
    )


def role_label(role: str, lang: str) -> str:
    for key in (f"mapping.role.{role}", f"col.{role}"):
        if key in TEXTS[lang]:
            return t(key, lang)
    return role


def _note(column: ColumnRole, lang: str) -> str:
    key = f"mapping.note.{column.note}"
    return t(key, lang) if column.note and key in TEXTS[lang] else ""


def draw(step: Step, checked: Checked, *, lang: str, engine, data: bytes = b"") -> None:
    """The mapping step for one file (nothing when the file has no columns to map)."""
    if not step.columns:
        return
    with st.expander(t("mapping.title", lang), expanded=True):
        if step.profile:
            st.info(t("mapping.profile_applied", lang, name=plain(step.profile)))
        if step.tool and checked.loaded is None:  # a loaded file's card says it already
            st.info(t("problem.tool_recognised", lang, tool=plain(step.tool)))
        st.caption(t("mapping.intro", lang))
        _table_shape(step, checked, data, lang)
        _fixed_values(step, lang)
        _roles(step, lang)
        _answer_labels(step, lang)
        _questions(checked, lang)
        _save_profile(step, lang, engine)


def _table_shape(step: Step, checked: Checked, data: bytes, lang: str) -> None:
    """The sheet, the header rows (with the sheet's first rows to choose them from), the last
    data row, and whether the rows detection left out are kept."""
    sheets = sheet_preview(checked.name, data, checked.digest) if data else {}
    st.markdown(f"**{t('mapping.shape', lang)}**")
    names = list(sheets)
    shown_sheet = step.sheet or (names[0] if names else None)
    if len(names) > 1:
        sheet_column, first_column, last_column, end_column = st.columns([3, 2, 2, 2])
    else:
        first_column, last_column, end_column = st.columns(3)
    if len(names) > 1:
        sheet_column.selectbox(
            t("mapping.sheet", lang),
            names,
            index=names.index(shown_sheet) if shown_sheet in names else 0,
            key=step.key("sheet"),
        )
    first, last = step.header_rows or (1, 1)
    first_column.number_input(
        t("mapping.header_first", lang),
        min_value=1,
        value=first,
        step=1,
        key=step.key("header_first"),
    )
    last_column.number_input(
        t("mapping.header_last", lang),
        min_value=1,
        value=last,
        step=1,
        key=step.key("header_last"),
    )
    end_column.number_input(
        t("mapping.last_row", lang),
        min_value=0,
        value=0,
        step=1,
        key=step.key("last_row"),
        help=t("mapping.last_row_help", lang),
    )
    st.checkbox(t("mapping.keep_left_out", lang), key=step.key("keep_left_out"))
    cells = sheets.get(st.session_state.get(step.key("sheet")) or shown_sheet)
    if cells is not None and not cells.empty:
        preview = _without_personal_data(cells, step, first + (last - first))
        preview.index = [str(i + 1) for i in range(len(preview))]  # rows as the sheet numbers
        preview.columns = [_letter(i) for i in range(preview.shape[1])]
        chosen = (
            st.session_state.get(step.key("header_first")) or first,
            st.session_state.get(step.key("header_last")) or last,
        )
        st.caption(t("mapping.sheet_preview", lang))
        st.dataframe(_marked(preview, chosen), key=step.key("sheet_preview"))


HIDDEN = "•••"


def _without_personal_data(cells: pd.DataFrame, step: Step, last_header: int) -> pd.DataFrame:
    """The sheet's first rows as text, with what personal data holds hidden: the cells of a
    personal column below its header, and e-mail addresses, phone numbers and person ids
    anywhere (masked as in stored comments)."""
    shown = cells.astype(object).map(lambda x: "" if pd.isna(x) else mask(str(x))[:40])
    for column in step.columns:
        if column.role == "personal" and 0 <= column.index < shown.shape[1]:
            below = shown.index >= last_header  # 0-based rows after the header rows
            shown.iloc[below, column.index] = [
                HIDDEN if text else "" for text in shown.iloc[below, column.index]
            ]
    return shown


HEADER_ROW_STYLE = "background-color: #e3ecfa; font-weight: 600"


def _marked(preview: pd.DataFrame, rows: tuple[int, int]):
    """The preview with the chosen header rows shaded, so the choice is seen where it is made."""
    first, last = rows

    def shade(row):
        inside = first <= int(row.name) <= max(first, last)
        return [HEADER_ROW_STYLE if inside else ""] * len(row)

    return preview.style.apply(shade, axis=1)


def _letter(index: int) -> str:
    from loaders.mapping import column_letter

    return column_letter(index)


def _answer_labels(step: Step, lang: str) -> None:
    """Answer options no scale knows, with how often each was given: each can be given a
    score on the question's scale or be marked not an answer (cannot say)."""
    if not step.words:
        return
    st.markdown(f"**{t('mapping.labels', lang)}**")
    st.caption(t("mapping.labels_intro", lang))
    for word, count in step.words[:40]:
        left, right = st.columns([5, 2])
        left.text(f"{word}  ({count})")
        close = closest_known(word)
        if close is not None:  # a typo of a known word: said, never applied unasked
            left.caption(t("mapping.label_close", lang, word=close[0], score=close[1]))
        right.selectbox(
            t("mapping.label_score", lang, word=word),
            SCORES,
            format_func=lambda s: t(f"mapping.label.{s or 'none'}", lang) if s in ("", SKIP) else s,
            key=step.label_key(word),
            label_visibility="collapsed",
        )


def _fixed_values(step: Step, lang: str) -> None:
    unit, date, survey, order = st.columns([3, 3, 3, 2])
    unit.text_input(t("mapping.unit", lang), value=step.base.unit or "", key=step.key("unit"))
    date.text_input(t("mapping.date", lang), value=step.base.date or "", key=step.key("date"))
    survey.text_input(
        t("mapping.survey", lang), value=step.base.survey or "", key=step.key("survey")
    )
    order.selectbox(
        t("mapping.day_order", lang),
        ORDERS,
        format_func=lambda o: t(f"mapping.day_order.{o or 'auto'}", lang),
        key=step.key("order"),
    )


def _roles(step: Step, lang: str) -> None:
    """One row a column: its header and example values as plain text, its role to choose."""
    options = list(USER_ROLES) + list(DETECTED_ROLES)
    options += [r for r in step.roles if r not in options]  # the form's own: headcount, ...
    options += [c.role for c in step.columns if c.role not in options]
    head = st.columns([4, 3, 4])
    for part, key in zip(head, ("mapping.header", "mapping.role", "mapping.note"), strict=True):
        part.caption(t(key, lang))
    for column in step.columns:
        left, middle, right = st.columns([4, 3, 4])
        left.text(column.header)
        key = step.role_key(column)
        if not st.session_state.get(key + TOUCHED) or st.session_state.get(key) not in options:
            # Untouched, it says what this reading proposes (the browser would otherwise keep
            # showing, and sending back, what another choice of header rows proposed).
            st.session_state[key] = column.role
            st.session_state[key + TOUCHED] = False
        middle.selectbox(
            t("mapping.role", lang),
            options,
            format_func=lambda r: role_label(r, lang),
            key=key,
            on_change=_touched,
            args=(key,),
            label_visibility="collapsed",
        )
        note = " · ".join(x for x in (_note(column, lang), column.sample) if x)
        right.text(note)


def _touched(key: str) -> None:
    """A role widget the user changed: from now on its value is the user's choice."""
    st.session_state[key + TOUCHED] = True


def _questions(checked: Checked, lang: str) -> None:
    """The questions as they will be stored: scale, answers and mean on the question's scale."""
    mapping = checked.mapping
    questions = [c for c in (mapping.columns if mapping else []) if c.role.startswith("question:")]
    if checked.loaded is None or not questions:
        return
    st.caption(t("mapping.questions", lang))
    table = pd.DataFrame(
        {
            t("mapping.q.question", lang): [c.header for c in questions],
            t("mapping.q.scale", lang): [role_label(c.role, lang) for c in questions],
            t("mapping.q.answers", lang): [c.answers or 0 for c in questions],
            t("mapping.q.mean", lang): [
                "" if c.mean is None else fmt.number(c.mean, lang, 2) for c in questions
            ],
        }
    )
    st.dataframe(table, hide_index=True, key=f"map_questions_{checked.digest[:16]}")


def _save_profile(step: Step, lang: str, engine) -> None:
    name_column, button_column = st.columns([3, 1], vertical_alignment="bottom")
    # A recognised tool's shipped profile is copied under the tool's name, with the changes.
    name = name_column.text_input(
        t("mapping.profile_name", lang),
        value=step.profile or step.tool or "",
        key=step.key("profile_name"),
    )
    if button_column.button(t("mapping.profile_save", lang), key=step.key("profile_save")):
        if name.strip():
            choices = step.base.merged(step.chosen)
            headers = [c.header for c in step.columns]
            profiles.save_profile(
                engine=engine, name=name, headers=headers, choices=choices.to_json()
            )
            st.success(t("mapping.profile_saved", lang, name=plain(" ".join(name.split()))))


def profiles_section(*, lang: str, engine) -> None:
    """Saved source profiles: a list, and renaming or deleting one."""
    st.header(t("mapping.profiles", lang))
    shipped = ", ".join(tool.name for tool in TOOLS)
    st.caption(t("mapping.profiles_shipped", lang, names=shipped))
    saved = profiles.list_profiles(engine=engine)
    notice = st.session_state.pop("map_profiles_notice", None)
    if notice:
        st.success(notice)
    if not saved:
        st.caption(t("mapping.profiles_empty", lang))
        return
    st.dataframe(
        pd.DataFrame(
            {
                t("mapping.profiles.name", lang): [p.name for p in saved],
                t("mapping.profiles.columns", lang): [len(p.headers.split("\n")) for p in saved],
                t("mapping.profiles.updated", lang): [
                    fmt.datetime(_utc(p.updated_at), lang) for p in saved
                ],
            }
        ),
        hide_index=True,
        key="map_profiles_table",
    )
    chosen, new_name, buttons = st.columns([3, 3, 2], vertical_alignment="bottom")
    name = chosen.selectbox(
        t("mapping.profiles_select", lang), [p.name for p in saved], key="map_profiles_chosen"
    )
    renamed = new_name.text_input(t("mapping.profiles_new_name", lang), key="map_profiles_new")
    rename, delete = buttons.columns(2)
    if rename.button(t("mapping.profiles_rename", lang), key="map_profiles_rename"):
        if renamed.strip():
            try:
                profiles.rename_profile(engine=engine, old=name, new=renamed)
                text = t("mapping.profiles_renamed", lang, name=plain(renamed.strip()))
            except profiles.ProfileNameTaken:
                text = t("mapping.profiles_taken", lang, name=plain(renamed.strip()))
            st.session_state["map_profiles_notice"] = text
            st.rerun()
    if delete.button(t("mapping.profiles_delete", lang), key="map_profiles_delete"):
        profiles.delete_profile(engine=engine, name=name)
        st.session_state["map_profiles_notice"] = t(
            "mapping.profiles_deleted", lang, name=plain(name)
        )
        st.rerun()


def _utc(value):
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
