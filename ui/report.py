"""The situation report's page pieces: the choices of period and scope (kept in the address),
the report drawn section by section with a link to the view behind each sentence, and its
downloads (.docx, PDF, Markdown), each built when pressed and put in the audit trail."""

import datetime as dt
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from core import formats as fmt
from core import report_files
from core.config import get_settings
from core.report import Link, Report
from core.scope import Scope
from core.texts import t
from ui import data, export, state, user
from ui.plain import escape_markdown

GRAINS = ("month", "period")
ALL = "all"


def scope_options(lang: str) -> dict[str, str]:
    """What a report can be about, within the user's rights: {code: name} with code "all",
    "area:ID" or "unit:ID" (the address keeps the code)."""
    units = data.units()
    restricted = user.allowed_unit_ids() is not None  # "4 units", not "all units"
    options = {ALL: t("scope.units", lang, n=len(units)) if restricted else t("scope.all", lang)}
    for area_id, name in data.service_areas():
        options[f"area:{area_id}"] = t("scope.area", lang, area=name)
    for unit in units:
        options[f"unit:{unit['id']}"] = unit["name"]
    return options


def default_scope(sidebar: Scope) -> str:
    """The sidebar's service area or single unit, if it has one chosen; else every unit."""
    if sidebar.single_unit is not None:
        return f"unit:{sidebar.single_unit}"
    if sidebar.service_area_id is not None and sidebar.unit_ids is None:
        return f"area:{sidebar.service_area_id}"
    return ALL


def scope_of(code: str) -> Scope:
    """The Scope of a choice (ui.data narrows it to the user's units)."""
    kind, _, number = code.partition(":")
    if kind == "area" and number.isdigit():
        return Scope(service_area_id=int(number))
    if kind == "unit" and number.isdigit():
        return Scope(unit_ids=(int(number),))
    return Scope()


def base_url() -> str:
    """The app's address for the links in a file: TILANNEKUVA_PUBLIC_URL, else the address
    this page was opened at, less the page's own path."""
    configured = get_settings().public_url.strip()
    if configured:
        return configured
    url = st.context.url or ""
    parts = urlsplit(url)
    if not parts.scheme:
        return ""
    path = parts.path.rstrip("/")
    own = "/report"  # this page's path (views/report.py)
    if path.endswith(own):
        path = path[: -len(own)]
    return f"{parts.scheme}://{parts.netloc}{path}"


OPEN_KEY = "_report_open"


def _open(link: Link) -> None:
    """A sentence's link pressed: the sidebar set as the link says, the page opened next run."""
    state.follow(dict(link.params))
    st.session_state[OPEN_KEY] = link


def open_chosen() -> None:
    """Open the page of a link pressed on the last run (switch_page cannot run in a callback)."""
    link = st.session_state.pop(OPEN_KEY, None)
    if link is not None:
        st.switch_page(link.script, query_params=dict(link.params))


def draw(report: Report) -> None:
    """The report as the page shows it: the block, the notes, each section with its sentences
    (text from files shown as written) and a link to the view behind each."""
    block = [f"{escape_markdown(label)}: {escape_markdown(value)}" for label, value in report.meta]
    st.caption("  \n".join(block))
    st.caption(" ".join(escape_markdown(note) for note in report.notes))
    for section in report.sections:
        st.subheader(section.title, anchor=False)
        with st.container(key=f"report_{section.key}"):
            for number, sentence in enumerate(section.sentences, start=1):
                text, link = st.columns([4, 1], vertical_alignment="center")
                text.markdown(escape_markdown(sentence.text))
                if sentence.link is not None:
                    link.button(
                        report_files.link_name(sentence.link, report.lang),
                        key=f"report_open_{section.key}_{number}",
                        icon=":material/open_in_new:",
                        type="tertiary",
                        on_click=_open,
                        args=(sentence.link,),
                    )
            if section.table is not None:
                table = section.table
                st.dataframe(
                    pd.DataFrame(list(table.rows), columns=list(table.columns)),
                    hide_index=True,
                    key=f"report_table_{section.key}",
                )
    st.caption(escape_markdown(report.privacy))


def downloads(report: Report, period: dt.date) -> None:
    """A button per file kind; the file is made (stamped with the time and who exported it)
    and recorded in the audit trail when its button is pressed."""
    lang, by, base = report.lang, export.exported_by(report.lang), base_url()
    selection = report.meta[0][1]
    labels = {
        "docx": ("report.download_docx", ":material/description:"),
        "pdf": ("report.download_pdf", ":material/picture_as_pdf:"),
        "md": ("report.download_md", ":material/mail:"),
    }
    columns = st.columns(len(labels))
    for column, (kind, (label, icon)) in zip(columns, labels.items(), strict=True):

        def build(kind=kind) -> bytes:
            made = dt.datetime.now(fmt.HELSINKI)
            return report_files.render(report, kind, made, by, base)

        column.download_button(
            t(label, lang),
            data=export.recorded(
                build, f"report_{kind}", period=period.strftime("%Y-%m"), selection=selection
            ),
            file_name=report_files.file_name(report, kind),
            mime=report_files.MIMES[kind],
            key=f"report_download_{kind}",
            on_click="ignore",
            icon=icon,
        )
