"""Import page: drop files, see what each holds (kind, preview, warnings, errors), import the
valid ones as batches, download templates, and undo an import from the history."""

import streamlit as st

from core import formats as fmt
from core.texts import t
from data_model.store import find_batch, remove_batch, sha256
from importing import overlap_for, overlapping
from importing import store as store_file
from loaders import KINDS
from loaders.templates import TEMPLATE_FORMS, template_bytes
from ui import auth, data, importing, layout, state
from ui import mapping as mapping_step
from ui.plain import escape_markdown as plain

FEEDBACK_FORMS = ["long", "wide", "aggregated", "counts", "arvo_wide", "arvo_long"]
RESULTS_KEY = "import_results"
JUST_IMPORTED_KEY = "import_just_imported"  # sha-256 -> batch id, for the cards after import
CONFIRM_KEY = "confirm_remove"
REPLACED_KEY = "import_replaced"  # sha-256 -> the batch a file replaced
CANCELLED_KEY = "import_overlap_cancelled"  # sha-256s of files not imported over an overlap
REMOVE_KEY = "remove_batch_id"

lang = state.language()
auth.require(lang, "admin")  # imports and removals are for admins
engine = data.engine()
st.title(t("import.title", lang))
st.write(t("import.intro", lang))

uploads = st.file_uploader(
    t("import.uploader", lang),
    type=["xlsx", "xlsm", "xls", "csv", "txt"],
    accept_multiple_files=True,
    key="import_files",
    help=t("import.uploader_help", lang),
)
layout.uploader_texts(
    t("import.uploader_button", lang),
    t(
        "import.uploader_limit",
        lang,
        mb=fmt.integer(st.get_option("server.maxUploadSize"), lang),
        types="XLSX, XLSM, XLS, CSV, TXT",
    ),
)


def choose_kind(digest: str) -> tuple[str | None, str | None]:
    left, right = st.columns(2)
    kind = left.selectbox(
        t("import.kind", lang),
        [None, *KINDS],
        format_func=lambda k: t("import.auto", lang) if k is None else t(f"kind.{k}", lang),
        key=f"kind_{digest[:16]}",
    )
    form = None
    if kind == "feedback":
        form = right.selectbox(
            t("import.form", lang),
            [None, *FEEDBACK_FORMS],
            format_func=lambda f: t("import.auto", lang) if f is None else t(f"form.{f}", lang),
            key=f"form_{digest[:16]}",
        )
    return kind, form


def show_upload(upload) -> importing.Checked | None:
    """Draw one uploaded file's card; return it when it is ready to import."""
    content = upload.getvalue()
    digest = sha256(content)
    with st.container(border=True):
        st.subheader(plain(upload.name), anchor=False)
        earlier = find_batch(engine=engine, digest=digest)
        just_now = st.session_state.get(JUST_IMPORTED_KEY, {})
        if earlier is not None and digest in just_now:
            old = st.session_state.get(REPLACED_KEY, {}).get(digest)
            if old is None:
                st.success(t("import.just_imported", lang, id=just_now[digest]))
            else:
                st.success(t("import.overlap_replaced", lang, id=just_now[digest], old=old))
            return None
        if earlier is not None:
            when = fmt.datetime(importing.as_utc(earlier.imported_at), lang)
            st.info(t("import.already", lang, when=when, file=plain(earlier.file_name)))
            return None
        kind, form = choose_kind(digest)
        checked, step = mapping_step.check(
            upload.name, content, digest, kind, form, lang=lang, engine=engine
        )
        if checked.loaded is None:
            if importing.needs_only_mapping(checked, bool(step.columns)):
                st.warning(
                    t("import.needs_mapping", lang, step=t("mapping.title", lang)),
                    icon=":material/arrow_downward:",
                )
            else:
                st.error(t("import.errors", lang))
            for problem in [p for p in checked.problems if p.row is None][:3]:
                # A whole-file problem says what is missing and how to give it: in full,
                # not cut short in a table cell.
                st.markdown(plain(problem.problem(lang)))
            st.dataframe(importing.problems_table(checked, lang), hide_index=True)
            if checked.more:
                st.caption(t("problems.more", lang, n=checked.more))
            mapping_step.draw(step, checked, lang=lang, engine=engine, data=content)
            return None
        loaded = checked.loaded
        detected = t(
            "import.detected",
            lang,
            kind=t(f"kind.{loaded.kind}", lang),
            form=t(f"form.{loaded.form}", lang),
        )
        sheet = plain(loaded.sheet or "CSV")  # a sheet is named by the file's author
        first, last = loaded.header_rows or (loaded.header_row, loaded.header_row)
        rows = str(first) if first == last else f"{first}–{last}"
        where = t("import.sheet_row", lang, sheet=sheet, row=rows)
        st.markdown(f"**{detected}** · {where}")
        if loaded.tool:
            st.caption(t("problem.tool_recognised", lang, tool=plain(loaded.tool)))
        st.write(importing.summary(loaded, lang))
        overlap = overlap_for(engine=engine, loaded=loaded)
        if overlap is not None:
            if digest in st.session_state.get(CANCELLED_KEY, set()):
                st.info(t("import.overlap_cancelled", lang, batch=overlap.batch_id))
                return None
            ask_replace(checked, overlap)
        notes = [w.message(lang) for w in loaded.warnings]
        created = importing.new_units(loaded, data.units())
        if created and loaded.kind != "units":
            notes.append(t("import.units_new", lang, units=", ".join(created)))
        if notes:
            # Warnings quote headers and cells: each escaped whole, so none can format or link.
            items = "\n".join(f"- {plain(n)}" for n in notes)
            st.warning(t("import.warnings", lang) + ":\n\n" + items)
        st.caption(t("import.preview", lang))
        st.dataframe(importing.preview(loaded, lang), hide_index=True)
        mapping_step.draw(step, checked, lang=lang, engine=engine, data=content)
        return None if overlap is not None else checked


def ask_replace(checked: importing.Checked, overlap) -> None:
    """A file repeating most rows of an earlier import: replace that import with it (one
    transaction), import it anyway beside it (the rows only look alike), or cancel. It is never
    part of the Import button's files."""
    message = overlapping(checked.loaded, overlap).error.message(lang)
    st.warning(plain(message) + "\n\n" + t("import.overlap_choice", lang))
    replace, keep, cancel = st.columns(3)
    key = checked.digest[:16]
    if replace.button(
        t("import.overlap_replace", lang, batch=overlap.batch_id),
        type="primary",
        key=f"overlap_replace_{key}",
    ):
        result = store_file(
            engine=engine,
            loaded=checked.loaded,
            digest=checked.digest,
            imported_by=auth.current_user() or "app",
            overlap=overlap,
        )
        data.refresh()
        st.session_state[RESULTS_KEY] = [result]
        if result.batch_id:
            just_now = st.session_state.setdefault(JUST_IMPORTED_KEY, {})
            just_now[checked.digest] = result.batch_id
            st.session_state.setdefault(REPLACED_KEY, {})[checked.digest] = overlap.batch_id
        st.rerun()
    if keep.button(t("import.overlap_keep", lang), key=f"overlap_keep_{key}"):
        result = store_file(
            engine=engine,
            loaded=checked.loaded,
            digest=checked.digest,
            imported_by=auth.current_user() or "app",
        )
        data.refresh()
        st.session_state[RESULTS_KEY] = [result]
        if result.batch_id:
            st.session_state.setdefault(JUST_IMPORTED_KEY, {})[checked.digest] = result.batch_id
        st.rerun()
    if cancel.button(t("import.overlap_cancel", lang), key=f"overlap_cancel_{key}"):
        st.session_state.setdefault(CANCELLED_KEY, set()).add(checked.digest)
        st.rerun()


def run_import(ready: list[importing.Checked]) -> list:
    results = []
    progress = st.progress(0.0)
    for i, checked in enumerate(ready, start=1):
        progress.progress(
            (i - 1) / len(ready),
            t("import.progress", lang, file=plain(checked.name), i=i, n=len(ready)),
        )
        results.append(
            store_file(
                engine=engine,
                loaded=checked.loaded,
                digest=checked.digest,
                imported_by=auth.current_user() or "app",
            )
        )
    progress.progress(1.0, t("import.done", lang))
    data.refresh()
    return results


ready = [c for c in (show_upload(u) for u in uploads or []) if c is not None]
if ready:  # files already imported or with errors say so on their cards; nothing to press
    one = len(ready) == 1
    label = t("import.button_one", lang) if one else t("import.button", lang, n=len(ready))
    if st.button(label, type="primary", key="import_button"):
        results = run_import(ready)
        st.session_state[RESULTS_KEY] = results
        st.session_state[JUST_IMPORTED_KEY] = {
            c.digest: r.batch_id for c, r in zip(ready, results, strict=True) if r.batch_id
        }
        # The removal selector starts empty again: a batch picked before must not stay
        # chosen beside the new ones.
        st.session_state.pop(REMOVE_KEY, None)
        st.session_state.pop(CONFIRM_KEY, None)
        st.rerun()

if st.session_state.get(RESULTS_KEY):
    st.success(t("import.done", lang))
    st.dataframe(importing.results_table(st.session_state[RESULTS_KEY], lang), hide_index=True)
    for result in st.session_state[RESULTS_KEY]:
        if result.error is not None:
            st.error(plain(result.error.message(lang)), icon=":material/error:")
        for warning in result.warnings:
            st.caption(plain(f"{result.file}: {warning.problem(lang)}"))

st.header(t("import.templates", lang))
st.caption(t("import.templates_intro", lang))
columns = st.columns(4)
for i, (kind, form) in enumerate(TEMPLATE_FORMS):
    columns[i % 4].download_button(
        t(
            "import.template_button",
            lang,
            kind=t(f"kind.{kind}", lang),
            form=t(f"form.{form}", lang),
        ),
        data=template_bytes(kind, form),
        file_name=t("import.template_file", lang, kind=kind, form=form),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"template_{kind}_{form}",
        on_click="ignore",
    )

mapping_step.profiles_section(lang=lang, engine=engine)

st.header(t("import.history", lang))
removed = st.session_state.pop("import_removed", None)
if removed:
    st.success(t("import.removed", lang, id=removed[0], file=plain(removed[1])))
batches = data.batches()
if not batches:
    st.info(t("import.history_empty", lang))
else:
    history = importing.history_table(batches, lang)
    rows = t("import.history.rows", lang)  # numbers that sort, written as the language does
    st.dataframe(history.style.format({rows: lambda n: fmt.integer(n, lang)}), hide_index=True)
    by_id = {b["id"]: b for b in batches}
    if st.session_state.get(REMOVE_KEY) not in by_id:
        st.session_state[REMOVE_KEY] = None
    chosen = st.selectbox(
        t("import.remove_select", lang),
        list(by_id),
        index=None,  # nothing is chosen until the user picks a batch
        placeholder=t("import.remove_placeholder", lang),
        format_func=lambda i: f"{i} – {by_id[i]['file_name']}",
        key=REMOVE_KEY,
    )
    if st.button(t("import.remove_button", lang), key="remove_button", disabled=chosen is None):
        st.session_state[CONFIRM_KEY] = chosen
    pending = st.session_state.get(CONFIRM_KEY)
    if pending in by_id:
        batch = by_id[pending]
        st.warning(
            t(
                "import.remove_confirm",
                lang,
                id=pending,
                file=plain(batch["file_name"]),
                rows=batch["rows"],
            )
        )
        yes, no = st.columns(2)
        if yes.button(t("import.remove_yes", lang), type="primary", key="remove_confirm"):
            remove_batch(engine=engine, batch_id=pending)
            auth.record("remove", batch_id=pending, file=batch["file_name"], rows=batch["rows"])
            del st.session_state[CONFIRM_KEY]
            data.refresh()
            st.session_state["import_removed"] = (pending, batch["file_name"])
            st.rerun()
        if no.button(t("import.remove_cancel", lang), key="remove_cancel"):
            del st.session_state[CONFIRM_KEY]
            st.rerun()
