"""Every text the user sees, in Finnish and English, in one place (no Streamlit here).

t(key, lang, **params) formats a text; a key missing from a language is a bug a test catches.
"""

LANGUAGES = ("fi", "en")
DEFAULT_LANGUAGE = "fi"

TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        # Where a problem is.
        "place.file": "Tiedosto {file}",
        "place.sheet": "taulukko {sheet}",
        "place.row": "rivi {row}",
        "place.column": 'sarake "{column}"',
        "problems.file": "Tiedosto",
        "problems.sheet": "Taulukko",
        "problems.row": "Rivi",
        "problems.column": "Sarake",
        "problems.value": "Arvo",
        "problems.problem": "Ongelma",
        "problems.more": "… ja {n} muuta ongelmaa.",
        # What is wrong with a whole file.
        "problem.empty_file": "Tiedosto on tyhjä.",
        "problem.unreadable_file": "Tiedostoa ei voi lukea ({detail}).",
        "problem.unsupported_type": (
            "Tiedostotyyppiä ei tueta. Tallenna tiedosto Excel-muodossa (.xlsx) tai CSV-muodossa."
        ),
        "problem.not_a_workbook": (
            "Tiedosto ei ole Excel-työkirja (.xlsx) eikä CSV-tiedosto. "
            "Avaa se Excelissä ja tallenna muodossa .xlsx."
        ),
        "problem.corrupt_workbook": (
            "Työkirja on vioittunut tai katkennut, eikä sitä voi lukea. "
            "Avaa se Excelissä ja tallenna uudelleen muodossa .xlsx."
        ),
        "problem.legacy_xls": (
            "Tiedosto on vanhaa Excel 97–2003 -muotoa (.xls). "
            "Avaa se Excelissä ja tallenna muodossa .xlsx (Excel-työkirja)."
        ),
        "problem.password_protected": (
            "Työkirja on suojattu salasanalla, eikä sitä voi lukea. "
            "Avaa se Excelissä ja tallenna muodossa .xlsx ilman salasanaa."
        ),
        "problem.too_large": (
            "Työkirja purkautuisi {size} megatavuun, mikä ylittää rajan {limit} Mt. "
            "Tiedostoa ei lueta. Jaa tiedot pienempiin tiedostoihin."
        ),
        "problem.no_data": "Tiedostossa ei ole yhtään tietoriviä.",
        "problem.empty_sheet": "Taulukko on tyhjä.",
        "problem.unknown_kind": (
            "Tiedoston sisältöä ei tunnistettu: yhdenkään taulukon otsikkorivi ei vastaa "
            "mitään tuettua tiedostomuotoa. Tarkista sarakeotsikot tai lataa malli."
        ),
        "problem.missing_columns": (
            "Pakollinen sarake puuttuu: {columns}. Otsikkoriviksi tulkittiin rivi {header_row}."
        ),
        "problem.no_questions": (
            "Tiedostosta ei löytynyt yhtään kysymyssaraketta, jossa olisi numeroita tai "
            "vastausvaihtoehtoja (esim. täysin samaa mieltä)."
        ),
        # What is wrong with one cell.
        "problem.required_value": "Arvo puuttuu.",
        "problem.not_a_number": '"{value}" ei ole numero.',
        "problem.not_a_whole_number": '"{value}" ei ole kokonaisluku.',
        "problem.negative": "{value} on negatiivinen; arvon pitää olla vähintään 0.",
        "problem.out_of_scale": "{value} on asteikon {low}–{high} ulkopuolella.",
        "problem.out_of_range": "{value} ei ole välillä {low}–{high}.",
        "problem.not_a_date": '"{value}" ei ole päivämäärä (esim. 5.10.2016 tai 2016-10-05).',
        "problem.not_a_period": (
            '"{value}" ei ole kausi (esim. 2024, 2024-03, 3/2024, 2023Q2, kevät 2024).'
        ),
        "problem.not_yes_no": '"{value}" ei ole kyllä tai ei.',
        "problem.too_long": "Teksti on liian pitkä: enintään {max} merkkiä.",
        "problem.bad_scale": '"{value}" ei ole kelvollinen asteikon yläraja ({allowed}).',
        "problem.unknown_indicator": '"{value}" ei ole tunnettu mittari. Tunnetut: {known}.',
        "problem.mean_above_scale": "Keskiarvo {value} on asteikon {low}–{high} ulkopuolella.",
        # Warnings.
        "problem.ignored_columns": "Sarakkeita ei käytetty: {columns}.",
        "problem.blank_rows_skipped": "{n} tyhjää riviä ohitettiin.",
        "problem.cannot_say_skipped": "{n} vastausta 'en osaa sanoa' (eos) ohitettiin.",
        "problem.unit_created": "Yksikkörekisteristä puuttuvat yksiköt luotiin: {units}.",
        "problem.rows_merged": (
            "{n} riviä samalle yksikölle ja kuukaudelle laskettiin yhteen "
            "(henkilötason tiedot tallennetaan yksikkö-kuukausina)."
        ),
        "problem.unit_service_area_missing": "Yksiköllä ei ole palvelualuetta.",
        # Kinds and forms.
        "kind.units": "Yksikkörekisteri",
        "kind.feedback": "Palaute",
        "kind.workforce": "Henkilöstö",
        "kind.mentor_reports": "Mentoriraportit",
        "kind.targets": "Tavoitteet",
        "form.register": "rekisteri",
        "form.long": "pitkä (vastaus per rivi)",
        "form.wide": "leveä (vastaaja per rivi)",
        "form.aggregated": "koottu (keskiarvot)",
        "form.counts": "hymiölaskurit",
        "form.arvo_wide": "ARVO, leveä",
        "form.arvo_long": "ARVO, pitkä",
        "form.monthly": "kuukausittain",
        "form.reports": "raportit",
        "form.targets": "tavoitteet",
        # Import outcomes.
        "status.imported": "tuotu",
        "status.unchanged": "ei muutoksia: tiedosto on jo tuotu aiemmin",
        "status.error": "virhe",
        # The app shell.
        "app.title": "Tilannekuva",
        "app.tagline": "Tiedolla johtamisen työpöytä",
        "nav.section.follow": "Seuranta",
        "nav.section.data": "Tiedot",
        "nav.overview": "Yleiskuva",
        "nav.trends": "Kehitys",
        "nav.feeling": "Fiilismittari",
        "nav.units": "Yksiköt",
        "nav.import": "Tuonti",
        "nav.settings": "Asetukset",
        "sidebar.language": "Kieli",
        "sidebar.filters": "Rajaukset",
        "sidebar.dates": "Aikaväli",
        "sidebar.area": "Palvelualue",
        "sidebar.all_areas": "Kaikki palvelualueet",
        "sidebar.units": "Yksiköt",
        "sidebar.all_units": "Kaikki yksiköt",
        "sidebar.no_data": "Ei vielä tietoja. Tuo tiedostoja Tuonti-sivulla.",
        "sidebar.signed_in_as": "Kirjautunut: {user}",
        "sidebar.sign_out": "Kirjaudu ulos",
        "signin.title": "Kirjaudu sisään",
        "signin.name": "Nimi",
        "signin.password": "Salasana",
        "signin.submit": "Kirjaudu",
        "signin.wrong": "Väärä salasana.",
        "error.unexpected": (
            "Jotain meni vikaan, eikä sivua voitu näyttää. Virhe on kirjattu lokiin. "
            "Yritä uudelleen, ja jos vika toistuu, ota yhteyttä ylläpitoon."
        ),
        "error.database": (
            "Tietokantaan ei saatu yhteyttä. Tarkista asetus DATABASE_URL tai yritä hetken päästä."
        ),
        "demo.seeding": "Täytetään esimerkkitiedoilla…",
        # The import page.
        "import.title": "Tietojen tuonti",
        "import.intro": (
            "Raahaa tähän Excel- (.xlsx) tai CSV-tiedostot: palautekyselyt, ARVO-raportit, "
            "hymiölaskurit, henkilöstötiedot, mentoriraportit, yksikkörekisteri tai tavoitteet. "
            "Tiedoston laji tunnistetaan otsikoista; voit vaihtaa sen tarvittaessa."
        ),
        "import.uploader": "Tuotavat tiedostot",
        "import.kind": "Tiedoston laji",
        "import.form": "Muoto",
        "import.auto": "Tunnista automaattisesti",
        "import.detected": "Tunnistettu: {kind}, {form}",
        "import.sheet_row": "Taulukko {sheet}, otsikkorivi {row}",
        "import.preview": "Esikatselu: ensimmäiset rivit sellaisina kuin ne tallennetaan",
        "import.summary_line": ("{rows} tietoriviä, {units} yksikköä, ajalta {first} – {last}"),
        "import.answers_line": "{answers} vastausta, keskiarvo {mean}",
        "import.warnings": "Huomautukset",
        "import.units_new": "Yksikkörekisterissä ei ole näitä yksiköitä; ne luodaan: {units}.",
        "import.errors": "Tiedostoa ei voi tuoda. Korjaa nämä kohdat ja lataa tiedosto uudelleen:",
        "import.already": (
            "Tämä tiedosto on jo tuotu {when} ({file}). Uudelleentuonti ei muuta mitään."
        ),
        "import.button": "Tuo {n} tiedostoa",
        "import.button_one": "Tuo tiedosto",
        "import.just_imported": "Tuotu tietokantaan tuontina {id}.",
        "import.nothing_valid": "Yhtään tuotavaa tiedostoa ei ole.",
        "import.progress": "Tuodaan {file} ({i}/{n})…",
        "import.done": "Tuonti valmis.",
        "import.result.file": "Tiedosto",
        "import.result.status": "Tila",
        "import.result.kind": "Laji",
        "import.result.rows": "Rivejä",
        "import.result.answers": "Vastauksia",
        "import.result.units": "Yksiköt",
        "import.result.period": "Ajanjakso",
        "import.templates": "Mallitiedostot",
        "import.templates_intro": (
            "Lataa malli, jossa on oikeat sarakeotsikot ja esimerkkirivi. "
            "Sarakkeiden järjestyksellä ja kirjainkoolla ei ole väliä."
        ),
        "import.template_button": "{kind}: {form}",
        "import.history": "Tuontihistoria",
        "import.history_empty": "Tiedostoja ei ole vielä tuotu.",
        "import.history.id": "Nro",
        "import.history.file": "Tiedosto",
        "import.history.kind": "Laji",
        "import.history.rows": "Rivejä",
        "import.history.time": "Tuotu",
        "import.history.by": "Tuoja",
        "import.remove_select": "Poistettava tuonti",
        "import.remove_button": "Poista tuonti…",
        "import.remove_confirm": (
            "Poistetaanko tuonti {id} ({file})? Sen {rows} riviä poistetaan tietokannasta. "
            "Tätä ei voi perua, mutta tiedoston voi tuoda uudelleen."
        ),
        "import.remove_yes": "Kyllä, poista",
        "import.remove_cancel": "Peruuta",
        "import.removed": "Tuonti {id} ({file}) poistettiin.",
        # Stored columns, as previews and tables show them.
        "col.date": "Päivämäärä",
        "col.month": "Kuukausi",
        "col.unit": "Yksikkö",
        "col.service_area": "Palvelualue",
        "col.survey": "Kysely",
        "col.question": "Kysymys",
        "col.respondent_group": "Vastaajaryhmä",
        "col.scale_min": "Asteikko alk.",
        "col.scale_max": "Asteikko päätt.",
        "col.n": "Vastauksia",
        "col.score_sum": "Pisteiden summa",
        "col.score_sq_sum": "Pisteiden neliösumma",
        "col.positive_n": "Myönteisiä",
        "col.promoters_n": "Suosittelijoita",
        "col.detractors_n": "Arvostelijoita",
        "col.text": "Kommentti",
        "col.headcount": "Henkilöstö",
        "col.fte": "Htv",
        "col.sick_leave_days": "Sairauspoissaolopäivät",
        "col.short_sick_leaves": "Lyhyet sairauspoissaolot",
        "col.new_hires": "Aloittaneet",
        "col.leavers": "Lopettaneet",
        "col.overtime_hours": "Ylityötunnit",
        "col.training_days": "Koulutuspäivät",
        "col.work_accidents": "Työtapaturmat",
        "col.mentor": "Mentori",
        "col.mood": "Fiilis",
        "col.workload": "Työkuorma",
        "col.atmosphere": "Ilmapiiri",
        "col.interaction": "Vuorovaikutus",
        "col.concern": "Huoli",
        "col.observations": "Havainnot",
        "col.wishes": "Toiveet",
        "col.indicator": "Mittari",
        "col.target": "Tavoite",
        "col.year": "Vuosi",
        "col.manager": "Esihenkilö",
        "col.coaches": "Valmentajat",
        "col.mentors": "Mentorit",
        "col.coaching_start": "Valmennus alkaa",
        "col.coaching_end": "Valmennus päättyy",
        "col.goal": "Tavoite",
        "yes": "kyllä",
        "no": "ei",
        # Indicators, scorecard and trends.
        "grain": "Aikataso",
        "grain.day": "päivä",
        "grain.week": "viikko",
        "grain.month": "kuukausi",
        "grain.period": "kausi",
        "grain.year": "vuosi",
        "period_kind.quarter": "vuosineljännes",
        "period_kind.term": "lukukausi (kevät tammi–heinä, syksy elo–joulu)",
        "period_kind.operating_year": "toimintavuosi (elo–heinä)",
        "status.green": "tavoitteessa",
        "status.yellow": "lähellä tavoitetta",
        "status.red": "tavoitteesta jäljessä",
        "status.none": "ei tavoitetta",
        "value.suppressed": "liian vähän vastauksia",
        "value.none": "ei tietoja",
        "scope.all": "Kaikki yksiköt",
        "series.no_area": "Ei palvelualuetta",
        "scope.area": "Palvelualue {area}",
        "scope.units": "{n} yksikköä",
        "scope.caption": "{scope} · {start} – {end}",
        "overview.title": "Yleiskuva",
        "overview.intro": (
            "Tuloskortti: kunkin mittarin viimeisin arvo valitulla aikatasolla, muutos edelliseen "
            "ja vuoden takaiseen sekä tavoitetilanne."
        ),
        "overview.cards": "Tuloskortti",
        "overview.units": "Yksiköt ja mittarit",
        "overview.units_help": "Valitse rivi avataksesi yksikön oman näkymän.",
        "overview.open_unit": "Avaa yksikkö",
        "overview.no_data": "Valitulla rajauksella ei ole tietoja.",
        "card.latest": "{label}",
        "card.previous": "edellinen {label}: {value}",
        "card.year_ago": "vuotta aiemmin ({label}): {value}",
        "card.target": "tavoite {value}",
        "card.suppressed": "Alle {n} vastausta: lukua ei näytetä yksityisyyden suojaamiseksi.",
        "privacy.note": (
            "Palautelukuja, jotka perustuvat alle {n} vastaukseen, ei näytetä, jotta "
            "yksittäisen vastaajan vastausta ei voi päätellä. Myös niiden kommentit jätetään pois."
        ),
        "trends.title": "Kehitys",
        "trends.indicators": "Mittarit",
        "trends.by": "Vertailu",
        "trends.by.total": "koko rajaus",
        "trends.by.unit": "yksiköt",
        "trends.by.service_area": "palvelualueet",
        "trends.years": "Vuodet rinnakkain",
        "trends.years_help": (
            "Näyttää saman ajanjakson eri vuosina päällekkäin (x-akselilla viikko tai kuukausi)."
        ),
        "trends.survey": "Kysely",
        "trends.question": "Kysymys",
        "trends.all": "kaikki",
        "trends.table": "Luvut kaavion takana",
        "trends.download": "Lataa taulukko (.xlsx)",
        "trends.target": "tavoite",
        "trends.no_data": "Mittarilla {name} ei ole tietoja valitulla rajauksella.",
        "trends.week_of_year": "viikko",
        "trends.month_of_year": "kuukausi",
        "col.period": "Ajanjakso",
        "col.series": "Sarja",
        "col.value": "Arvo",
        "col.answers_n": "Määrä",
        "col.status": "Tila",
        "col.suppressed": "Piilotettu",
        "col.year_label": "Vuosi",
        "feeling.title": "Fiilismittari",
        "feeling.intro": (
            "Mentorit raportoivat säännöllisesti, miltä tiimissä tuntuu (fiilis 1–5). Näkymä "
            "nostaa esiin yksiköt, joiden fiilis on laskenut tai on matala, jotta niihin "
            "ehditään tarttua ajoissa."
        ),
        "feeling.falling": "Yksiköt, joiden fiilis laskee",
        "feeling.falling_help": (
            "Viimeisten {months} kuukauden keskiarvo on laskenut vähintään {drop} edellisistä "
            "{months} kuukaudesta tai on alle {low}."
        ),
        "feeling.falling_none": "Yhdenkään yksikön fiilis ei ole laskenut tai matala.",
        "feeling.falling_line": "**{unit}**: nyt {recent}, aiemmin {earlier} ({change})",
        "feeling.falling_line_new": "**{unit}**: nyt {recent}",
        "feeling.heatmap": "Fiilis yksiköittäin ja kuukausittain",
        "feeling.reports": "Raportteja",
        "feeling.notes": "Mentorien tuoreimmat havainnot",
        "feeling.notes_none": "Ei havaintoja valitulla rajauksella.",
        "feeling.no_data": "Mentoriraportteja ei ole valitulla rajauksella.",
        "feeling.open_unit": "Avaa yksikön näkymä",
        # Issue 10: the feeling meter's attention list, latest-mood strip and settings
        "feeling.attention": "Huomiota vaativat yksiköt",
        "feeling.attention_help": (
            "Yksikkö nostetaan, jos fiilis on laskenut vähintään {drop} (viimeiset {months} kk "
            "edellisiin {months} kk:een verrattuna), fiilis on ollut alle {low} kahtena "
            "raporttikuukautena peräkkäin, mentori on nostanut huolen viimeisimpänä "
            "raporttikuukautena, raporttia ei ole tullut yli {weeks} viikkoon tai työkuorma on "
            "noussut vähintään {drop}."
        ),
        "feeling.reason.mood_fall": (
            "Fiilis laski {change}: viimeiset {months} kk {recent} ({n_recent} raporttia), "
            "sitä edeltävät {months} kk {earlier} ({n_earlier} raporttia). {verdict}."
        ),
        "feeling.reason.workload_rise": (
            "Työkuorma nousi {change}: viimeiset {months} kk {recent} ({n_recent} raporttia), "
            "sitä edeltävät {months} kk {earlier} ({n_earlier} raporttia). {verdict}."
        ),
        "feeling.reason.low_mood": (
            "Fiilis alle {low} kahtena raporttikuukautena peräkkäin: {m1} {v1}, {m2} {v2}."
        ),
        "feeling.reason.concerns": (
            "Kuukauden {month} raporteista {count}/{reports} sisälsi huolen ({mentors})."
        ),
        "feeling.reason.no_report": (
            "Viimeisin mentoriraportti {last}, {days} päivää sitten; raporttia odotetaan "
            "vähintään {weeks} viikon välein."
        ),
        "feeling.reason.no_report_ever": (
            "Valmennus on käynnissä, mutta valitulla aikavälillä ei ole yhtään mentoriraporttia "
            "(odotetaan vähintään {weeks} viikon välein)."
        ),
        "feeling.unnamed_mentor": "nimetön mentori",
        "feeling.show_notes": "Näytä havainnot",
        "feeling.latest": "Tuorein fiilis yksiköittäin",
        "feeling.latest_help": (
            "Kunkin yksikön viimeisimmän raporttikuukauden fiilis (1–5), muutos edellisestä "
            "raporttikuukaudesta sekä työkuorma ja ilmapiiri. Lajittele sarakkeen otsikosta."
        ),
        "feeling.change": "Muutos",
        "feeling.verdict": "Arvio",
        "feeling.no_area": "Ei palvelualuetta",
        "feeling.notes_unit": "Näytä havainnot yksiköstä",
        "feeling.all_units": "Kaikki yksiköt",
        "change.better": "selvä parannus",
        "change.worse": "selvä heikkeneminen",
        "change.unclear": "ei merkittävä muutos",
        "change.unknown": "muutosta ei voi arvioida",
        "change.sentence.better": (
            "Muutos on parempaan suuntaan ja suurempi kuin satunnaisvaihtelu tällä aineiston "
            "koolla."
        ),
        "change.sentence.worse": (
            "Muutos on huonompaan suuntaan ja suurempi kuin satunnaisvaihtelu tällä aineiston "
            "koolla."
        ),
        "change.sentence.unclear": (
            "Ero mahtuu satunnaisvaihtelun rajoihin, joten se ei ole merkittävä muutos."
        ),
        "change.sentence.unknown": (
            "Muutosta ei voi arvioida: tiedoista tunnetaan vain keskiarvo tai havaintoja on "
            "liian vähän."
        ),
        "settings.feeling": "Fiilismittarin nostot ja valmennuksen vertailu",
        "settings.feeling_months": "Verrattavat kuukaudet (viimeiset N ja niitä edeltävät N)",
        "settings.feeling_drop": "Fiiliksen lasku tai työkuorman nousu vähintään",
        "settings.feeling_low": "Matalan fiiliksen raja",
        "settings.feeling_report_weeks": "Mentoriraportti odotetaan viimeistään (viikkoa)",
        "settings.coaching_before_months": "Ennen valmennusta vertailtavat kuukaudet",
        "units.title": "Yksiköt",
        "units.choose": "Yksikkö",
        "units.none": "Yksiköitä ei ole vielä. Tuo yksikkörekisteri Tuonti-sivulla.",
        "units.area": "Palvelualue",
        "units.coaching": "Valmennus",
        "units.not_in_register": "Yksikkö ei ole yksikkörekisterissä.",
        "units.trends": "Kehitys",
        "units.comments": "Kommentit",
        "units.comments_withheld": (
            "{n} kommenttia jätettiin pois, koska niiden ryhmässä on alle {min} vastausta."
        ),
        "units.no_comments": "Ei näytettäviä kommentteja valitulla aikavälillä.",
        # Issue 10: the unit dashboard (timeline, before/during/after, comparison, export)
        "units.timeline": "Valmennuksen aikajana",
        "units.timeline_running": "Valmennusta on kulunut {done} / {planned} kuukautta.",
        "units.timeline_running_open": (
            "Valmennusta on kulunut {done} kuukautta; päättymispäivää ei ole merkitty."
        ),
        "units.timeline_not_started": "Valmennus ei ole vielä alkanut; se alkaa {start}.",
        "units.timeline_ended": "Valmennus päättyi {months} kuukautta sitten ({end}).",
        "units.timeline_none": "Yksikölle ei ole merkitty valmennusjaksoa.",
        "units.mark_start": "alku",
        "units.mark_end": "loppu",
        "units.mark_today": "tänään",
        "units.band": "valmennus",
        "units.bda": "Ennen, aikana ja jälkeen",
        "units.bda_help": (
            "Keskiarvot {months} kuukautta ennen valmennuksen alkua, valmennuksen aikana ja sen "
            "jälkeen. Ero verrataan ennen-jaksoon, ja se merkitään selväksi muutokseksi vain, "
            "kun se on suurempi kuin satunnaisvaihtelu kyseisellä määrällä (95 %:n väli)."
        ),
        "units.bda_none": (
            "Vertailua ei voi tehdä, koska yksikölle ei ole merkitty valmennusjaksoa."
        ),
        "window.before": "Ennen",
        "window.during": "Aikana",
        "window.after": "Jälkeen",
        "units.col_n": "n",
        "units.col_difference": "Ero ennen-jaksoon",
        "units.col_judgement": "Arvio",
        "units.bda_sentence": (
            "{name}: {window_lower} {after}, ennen {before} (ero {difference}). {sentence}"
        ),
        "units.bda_no_data": "{name}: tietoja ei ole kummaltakin jaksolta.",
        "units.context": "Yksikkö, palvelualue ja koko organisaatio",
        "units.context_help": (
            "Samat päivät {start} – {end}. Palvelualueen ja koko organisaation luvut sisältävät "
            "myös tämän yksikön."
        ),
        "units.organisation": "Koko organisaatio",
        "units.reports": "Mentorien raportit",
        "units.reports_none": "Valitulla aikavälillä ei ole mentoriraportteja.",
        "units.report_head": (
            "{date} · {mentor} · fiilis {mood} · työkuorma {workload} · ilmapiiri {atmosphere}"
        ),
        "units.report_concern": "Mentori nosti huolen.",
        "units.report_observations": "Havainnot: {text}",
        "units.report_wishes": "Toiveet: {text}",
        "units.export": "Kokousmateriaali",
        "units.export_help": (
            "Yksikön kuva kokoukseen: Excel-tiedosto (välilehti kustakin osiosta) ja "
            "tulostettava A4-PDF kaavioineen."
        ),
        "units.export_xlsx": "Lataa Excel",
        "units.export_pdf": "Lataa PDF",
        "units.export_unit": "Yksikkö",
        "units.export_dates": "Aikaväli",
        "units.export_filters": "Rajaukset",
        "units.export_made": "Tehty",
        "units.export_sheet_facts": "Yksikkö",
        "units.export_sheet_cards": "Tunnusluvut",
        "units.export_sheet_bda": "Ennen-aikana-jälkeen",
        "units.export_sheet_context": "Vertailu",
        "units.export_sheet_reports": "Mentoriraportit",
        "units.export_sheet_comments": "Kommentit",
        "units.export_page": "Sivu {page}/{pages}",
        "settings.title": "Asetukset",
        "settings.period_kind": "Kausi",
        "settings.period_kind_help": "Mitä aikataso 'kausi' tarkoittaa kaikilla sivuilla.",
        "settings.min_answers": "Yksityisyyden suojan raja (vastauksia vähintään)",
        "settings.margin": "Keltaisen vyöhykkeen leveys (% tavoitteesta)",
        "settings.save": "Tallenna asetukset",
        "settings.saved": "Asetukset tallennettu.",
        "settings.targets": "Tavoitteet",
        "settings.targets_help": (
            "Valitse yksiköksi 'Kaikki yksiköt' ja vuodeksi 'Kaikki vuodet', kun tavoite koskee "
            "kaikkia. Tarkempi tavoite (yksikkö ja vuosi) voittaa yleisemmän."
        ),
        "settings.targets_save": "Tallenna tavoitteet",
        "settings.all_years": "Kaikki vuodet",
        "settings.targets_saved": "Tavoitteet tallennettu ({n} muutosta).",
        "settings.defaults": "Oletustavoitteet",
        "col.default_target": "Oletustavoite",
        "col.direction": "Suunta",
        "direction.up": "suurempi on parempi",
        "direction.down": "pienempi on parempi",
        "col.description": "Kuvaus",
    },
    "en": {
        "place.file": "File {file}",
        "place.sheet": "sheet {sheet}",
        "place.row": "row {row}",
        "place.column": 'column "{column}"',
        "problems.file": "File",
        "problems.sheet": "Sheet",
        "problems.row": "Row",
        "problems.column": "Column",
        "problems.value": "Value",
        "problems.problem": "Problem",
        "problems.more": "… and {n} more problems.",
        "problem.empty_file": "The file is empty.",
        "problem.unreadable_file": "The file cannot be read ({detail}).",
        "problem.unsupported_type": (
            "This file type is not supported. Save the file as an Excel workbook (.xlsx) or CSV."
        ),
        "problem.not_a_workbook": (
            "The file is neither an Excel workbook (.xlsx) nor a CSV file. "
            "Open it in Excel and save it as .xlsx."
        ),
        "problem.corrupt_workbook": (
            "The workbook is damaged or truncated and cannot be read. "
            "Open it in Excel and save it again as .xlsx."
        ),
        "problem.legacy_xls": (
            "The file is in the old Excel 97–2003 format (.xls). "
            "Open it in Excel and save it as .xlsx (Excel Workbook)."
        ),
        "problem.password_protected": (
            "The workbook is protected with a password and cannot be read. "
            "Open it in Excel and save it as .xlsx without a password."
        ),
        "problem.too_large": (
            "The workbook would unpack to {size} MB, over the limit of {limit} MB, "
            "so it is not read. Split the data into smaller files."
        ),
        "problem.no_data": "The file has no data rows.",
        "problem.empty_sheet": "The sheet is empty.",
        "problem.unknown_kind": (
            "The file's content was not recognised: no sheet has a header row that matches a "
            "supported file format. Check the column headers or download a template."
        ),
        "problem.missing_columns": (
            "A required column is missing: {columns}. Row {header_row} was read as the header."
        ),
        "problem.no_questions": (
            "No question column with numbers or answer options (e.g. strongly agree) was found."
        ),
        "problem.required_value": "The value is missing.",
        "problem.not_a_number": '"{value}" is not a number.',
        "problem.not_a_whole_number": '"{value}" is not a whole number.',
        "problem.negative": "{value} is negative; it must be at least 0.",
        "problem.out_of_scale": "{value} is outside the scale {low}–{high}.",
        "problem.out_of_range": "{value} is not between {low} and {high}.",
        "problem.not_a_date": '"{value}" is not a date (e.g. 5.10.2016 or 2016-10-05).',
        "problem.not_a_period": (
            '"{value}" is not a period (e.g. 2024, 2024-03, 3/2024, 2023Q2, spring 2024).'
        ),
        "problem.not_yes_no": '"{value}" is not yes or no.',
        "problem.too_long": "The text is too long: at most {max} characters.",
        "problem.bad_scale": '"{value}" is not a valid scale maximum ({allowed}).',
        "problem.unknown_indicator": '"{value}" is not a known indicator. Known: {known}.',
        "problem.mean_above_scale": "The mean {value} is outside the scale {low}–{high}.",
        "problem.ignored_columns": "Columns not used: {columns}.",
        "problem.blank_rows_skipped": "{n} blank rows were skipped.",
        "problem.cannot_say_skipped": "{n} 'cannot say' (eos) answers were skipped.",
        "problem.unit_created": "Units missing from the unit register were created: {units}.",
        "problem.rows_merged": (
            "{n} rows for the same unit and month were added up "
            "(person-level figures are stored as unit-months)."
        ),
        "problem.unit_service_area_missing": "The unit has no service area.",
        "kind.units": "Unit register",
        "kind.feedback": "Feedback",
        "kind.workforce": "Workforce",
        "kind.mentor_reports": "Mentor reports",
        "kind.targets": "Targets",
        "form.register": "register",
        "form.long": "long (one answer per row)",
        "form.wide": "wide (one respondent per row)",
        "form.aggregated": "aggregated (means)",
        "form.counts": "smiley counts",
        "form.arvo_wide": "ARVO, wide",
        "form.arvo_long": "ARVO, long",
        "form.monthly": "monthly",
        "form.reports": "reports",
        "form.targets": "targets",
        "status.imported": "imported",
        "status.unchanged": "unchanged: this file was imported before",
        "status.error": "error",
        "app.title": "Tilannekuva",
        "app.tagline": "Knowledge-based leadership dashboard",
        "nav.section.follow": "Follow-up",
        "nav.section.data": "Data",
        "nav.overview": "Overview",
        "nav.trends": "Trends",
        "nav.feeling": "Feeling meter",
        "nav.units": "Units",
        "nav.import": "Import",
        "nav.settings": "Settings",
        "sidebar.language": "Language",
        "sidebar.filters": "Filters",
        "sidebar.dates": "Date range",
        "sidebar.area": "Service area",
        "sidebar.all_areas": "All service areas",
        "sidebar.units": "Units",
        "sidebar.all_units": "All units",
        "sidebar.no_data": "No data yet. Import files on the Import page.",
        "sidebar.signed_in_as": "Signed in: {user}",
        "sidebar.sign_out": "Sign out",
        "signin.title": "Sign in",
        "signin.name": "Name",
        "signin.password": "Password",
        "signin.submit": "Sign in",
        "signin.wrong": "Wrong password.",
        "error.unexpected": (
            "Something went wrong and the page could not be shown. The error has been logged. "
            "Try again, and if it happens again, contact the administrator."
        ),
        "error.database": (
            "Could not reach the database. Check the DATABASE_URL setting or try again shortly."
        ),
        "demo.seeding": "Filling in demo data…",
        "import.title": "Import data",
        "import.intro": (
            "Drop Excel (.xlsx) or CSV files here: feedback surveys, ARVO reports, smiley "
            "counts, workforce figures, mentor reports, the unit register or targets. "
            "The kind of file is detected from its headers; you can change it if needed."
        ),
        "import.uploader": "Files to import",
        "import.kind": "Kind of file",
        "import.form": "Form",
        "import.auto": "Detect automatically",
        "import.detected": "Detected: {kind}, {form}",
        "import.sheet_row": "Sheet {sheet}, header row {row}",
        "import.preview": "Preview: the first rows as they will be stored",
        "import.summary_line": "{rows} data rows, {units} units, from {first} to {last}",
        "import.answers_line": "{answers} answers, mean {mean}",
        "import.warnings": "Notes",
        "import.units_new": (
            "These units are not in the unit register and will be created: {units}."
        ),
        "import.errors": "This file cannot be imported. Fix these and upload it again:",
        "import.already": (
            "This file was already imported on {when} ({file}). Importing it again changes nothing."
        ),
        "import.button": "Import {n} files",
        "import.button_one": "Import the file",
        "import.just_imported": "Stored in the database as import {id}.",
        "import.nothing_valid": "There is no file ready to import.",
        "import.progress": "Importing {file} ({i}/{n})…",
        "import.done": "Import finished.",
        "import.result.file": "File",
        "import.result.status": "Status",
        "import.result.kind": "Kind",
        "import.result.rows": "Rows",
        "import.result.answers": "Answers",
        "import.result.units": "Units",
        "import.result.period": "Period",
        "import.templates": "Templates",
        "import.templates_intro": (
            "Download a template with the right column headers and an example row. "
            "Column order and letter case do not matter."
        ),
        "import.template_button": "{kind}: {form}",
        "import.history": "Import history",
        "import.history_empty": "No files have been imported yet.",
        "import.history.id": "No.",
        "import.history.file": "File",
        "import.history.kind": "Kind",
        "import.history.rows": "Rows",
        "import.history.time": "Imported",
        "import.history.by": "By",
        "import.remove_select": "Import to remove",
        "import.remove_button": "Remove import…",
        "import.remove_confirm": (
            "Remove import {id} ({file})? Its {rows} rows will be deleted from the database. "
            "This cannot be undone, but the file can be imported again."
        ),
        "import.remove_yes": "Yes, remove",
        "import.remove_cancel": "Cancel",
        "import.removed": "Import {id} ({file}) was removed.",
        "col.date": "Date",
        "col.month": "Month",
        "col.unit": "Unit",
        "col.service_area": "Service area",
        "col.survey": "Survey",
        "col.question": "Question",
        "col.respondent_group": "Respondent group",
        "col.scale_min": "Scale from",
        "col.scale_max": "Scale to",
        "col.n": "Answers",
        "col.score_sum": "Sum of scores",
        "col.score_sq_sum": "Sum of squared scores",
        "col.positive_n": "Positive",
        "col.promoters_n": "Promoters",
        "col.detractors_n": "Detractors",
        "col.text": "Comment",
        "col.headcount": "Headcount",
        "col.fte": "FTE",
        "col.sick_leave_days": "Sick leave days",
        "col.short_sick_leaves": "Short sick leaves",
        "col.new_hires": "New hires",
        "col.leavers": "Leavers",
        "col.overtime_hours": "Overtime hours",
        "col.training_days": "Training days",
        "col.work_accidents": "Work accidents",
        "col.mentor": "Mentor",
        "col.mood": "Mood",
        "col.workload": "Workload",
        "col.atmosphere": "Atmosphere",
        "col.interaction": "Interaction",
        "col.concern": "Concern",
        "col.observations": "Observations",
        "col.wishes": "Wishes",
        "col.indicator": "Indicator",
        "col.target": "Target",
        "col.year": "Year",
        "col.manager": "Manager",
        "col.coaches": "Coaches",
        "col.mentors": "Mentors",
        "col.coaching_start": "Coaching start",
        "col.coaching_end": "Coaching end",
        "col.goal": "Goal",
        "yes": "yes",
        "no": "no",
        "grain": "Time grain",
        "grain.day": "day",
        "grain.week": "week",
        "grain.month": "month",
        "grain.period": "period",
        "grain.year": "year",
        "period_kind.quarter": "quarter",
        "period_kind.term": "school term (spring Jan–Jul, autumn Aug–Dec)",
        "period_kind.operating_year": "operating year (Aug–Jul)",
        "status.green": "on target",
        "status.yellow": "near target",
        "status.red": "behind target",
        "status.none": "no target",
        "value.suppressed": "too few answers",
        "value.none": "no data",
        "scope.all": "All units",
        "series.no_area": "No service area",
        "scope.area": "Service area {area}",
        "scope.units": "{n} units",
        "scope.caption": "{scope} · {start} – {end}",
        "overview.title": "Overview",
        "overview.intro": (
            "Scorecard: each indicator's latest value at the chosen time grain, its change "
            "against the previous period and a year earlier, and where it stands against target."
        ),
        "overview.cards": "Scorecard",
        "overview.units": "Units and indicators",
        "overview.units_help": "Choose a row to open that unit's own view.",
        "overview.open_unit": "Open unit",
        "overview.no_data": "There is no data for this selection.",
        "card.latest": "{label}",
        "card.previous": "previous {label}: {value}",
        "card.year_ago": "a year earlier ({label}): {value}",
        "card.target": "target {value}",
        "card.suppressed": "Fewer than {n} answers: not shown, to protect respondents' privacy.",
        "privacy.note": (
            "Feedback figures resting on fewer than {n} answers are not shown, so that no single "
            "respondent's answer can be inferred. Their comments are left out too."
        ),
        "trends.title": "Trends",
        "trends.indicators": "Indicators",
        "trends.by": "Compare",
        "trends.by.total": "whole selection",
        "trends.by.unit": "units",
        "trends.by.service_area": "service areas",
        "trends.years": "Years side by side",
        "trends.years_help": (
            "Shows the same part of each year on top of each other (x axis: week or month)."
        ),
        "trends.survey": "Survey",
        "trends.question": "Question",
        "trends.all": "all",
        "trends.table": "The numbers behind the chart",
        "trends.download": "Download the table (.xlsx)",
        "trends.target": "target",
        "trends.no_data": "{name} has no data for this selection.",
        "trends.week_of_year": "week",
        "trends.month_of_year": "month",
        "col.period": "Period",
        "col.series": "Series",
        "col.value": "Value",
        "col.answers_n": "Count",
        "col.status": "Status",
        "col.suppressed": "Hidden",
        "col.year_label": "Year",
        "feeling.title": "Feeling meter",
        "feeling.intro": (
            "Mentors report regularly how the team is doing (mood 1–5). This view raises the "
            "units whose mood has fallen or is low, so that there is time to act."
        ),
        "feeling.falling": "Units whose mood is falling",
        "feeling.falling_help": (
            "The mean of the latest {months} months fell by at least {drop} from the {months} "
            "months before, or is under {low}."
        ),
        "feeling.falling_none": "No unit's mood has fallen or is low.",
        "feeling.falling_line": "**{unit}**: now {recent}, before {earlier} ({change})",
        "feeling.falling_line_new": "**{unit}**: now {recent}",
        "feeling.heatmap": "Mood by unit and month",
        "feeling.reports": "Reports",
        "feeling.notes": "Mentors' latest observations",
        "feeling.notes_none": "No observations for this selection.",
        "feeling.no_data": "There are no mentor reports for this selection.",
        "feeling.open_unit": "Open the unit's view",
        # Issue 10: the feeling meter's attention list, latest-mood strip and settings
        "feeling.attention": "Units that need attention",
        "feeling.attention_help": (
            "A unit is raised when its mood fell by {drop} or more (the latest {months} months "
            "against the {months} before), its mood was under {low} in two report months in a "
            "row, a mentor raised a concern in its latest report month, no report has come for "
            "more than {weeks} weeks, or its workload rose by {drop} or more."
        ),
        "feeling.reason.mood_fall": (
            "Mood fell by {change}: the latest {months} months {recent} ({n_recent} reports), "
            "the {months} months before {earlier} ({n_earlier} reports). {verdict}."
        ),
        "feeling.reason.workload_rise": (
            "Workload rose by {change}: the latest {months} months {recent} ({n_recent} "
            "reports), the {months} months before {earlier} ({n_earlier} reports). {verdict}."
        ),
        "feeling.reason.low_mood": (
            "Mood under {low} in two report months in a row: {m1} {v1}, {m2} {v2}."
        ),
        "feeling.reason.concerns": (
            "In {month} mentors raised a concern in {count} of {reports} reports ({mentors})."
        ),
        "feeling.reason.no_report": (
            "The latest mentor report was on {last}, {days} days ago; a report is expected at "
            "least every {weeks} weeks."
        ),
        "feeling.reason.no_report_ever": (
            "The unit is being coached but has no mentor report in the chosen dates (one is "
            "expected at least every {weeks} weeks)."
        ),
        "feeling.unnamed_mentor": "an unnamed mentor",
        "feeling.show_notes": "Show its notes",
        "feeling.latest": "Latest mood by unit",
        "feeling.latest_help": (
            "Each unit's mood (1–5) in its latest report month, the change from its previous "
            "report month, and workload and atmosphere. Sort by clicking a column heading."
        ),
        "feeling.change": "Change",
        "feeling.verdict": "Judgement",
        "feeling.no_area": "No service area",
        "feeling.notes_unit": "Show the notes of",
        "feeling.all_units": "All units",
        "change.better": "a clear improvement",
        "change.worse": "a clear worsening",
        "change.unclear": "not a clear change",
        "change.unknown": "the change cannot be judged",
        "change.sentence.better": (
            "The change is for the better and larger than chance variation at this amount of data."
        ),
        "change.sentence.worse": (
            "The change is for the worse and larger than chance variation at this amount of data."
        ),
        "change.sentence.unclear": (
            "The difference is within chance variation, so it is not a clear change."
        ),
        "change.sentence.unknown": (
            "The change cannot be judged: only a mean is known or there are too few observations."
        ),
        "settings.feeling": "Feeling meter alerts and the coaching comparison",
        "settings.feeling_months": "Months compared (the latest N and the N before)",
        "settings.feeling_drop": "Fall of mood or rise of workload of at least",
        "settings.feeling_low": "Low mood level",
        "settings.feeling_report_weeks": "A mentor report expected at least every (weeks)",
        "settings.coaching_before_months": "Months before the coaching compared with",
        "units.title": "Units",
        "units.choose": "Unit",
        "units.none": "There are no units yet. Import the unit register on the Import page.",
        "units.area": "Service area",
        "units.coaching": "Coaching",
        "units.not_in_register": "This unit is not in the unit register.",
        "units.trends": "Trends",
        "units.comments": "Comments",
        "units.comments_withheld": (
            "{n} comments were left out because their group has fewer than {min} answers."
        ),
        "units.no_comments": "No comments to show for this period.",
        # Issue 10: the unit dashboard (timeline, before/during/after, comparison, export)
        "units.timeline": "Coaching timeline",
        "units.timeline_running": "{done} of {planned} months of coaching done.",
        "units.timeline_running_open": "{done} months of coaching done; no end date is set.",
        "units.timeline_not_started": "Coaching has not started yet; it starts on {start}.",
        "units.timeline_ended": "Coaching ended {months} months ago ({end}).",
        "units.timeline_none": "No coaching period is set for this unit.",
        "units.mark_start": "start",
        "units.mark_end": "end",
        "units.mark_today": "today",
        "units.band": "coaching",
        "units.bda": "Before, during and after",
        "units.bda_help": (
            "Means over the {months} months before the coaching started, during it and after "
            "it. Each difference is against the months before, and it is called a clear change "
            "only when it is larger than chance variation at its n (95 % interval)."
        ),
        "units.bda_none": "No comparison can be made: no coaching period is set for this unit.",
        "window.before": "Before",
        "window.during": "During",
        "window.after": "After",
        "units.col_n": "n",
        "units.col_difference": "Difference from before",
        "units.col_judgement": "Judgement",
        "units.bda_sentence": (
            "{name}: {window_lower} {after}, before {before} (difference {difference}). {sentence}"
        ),
        "units.bda_no_data": "{name}: there are no data for both periods.",
        "units.context": "The unit, its service area and the whole organisation",
        "units.context_help": (
            "The same dates {start} – {end}. The service area's and the whole organisation's "
            "figures include this unit."
        ),
        "units.organisation": "Whole organisation",
        "units.reports": "Mentor reports",
        "units.reports_none": "There are no mentor reports in the chosen dates.",
        "units.report_head": (
            "{date} · {mentor} · mood {mood} · workload {workload} · atmosphere {atmosphere}"
        ),
        "units.report_concern": "The mentor raised a concern.",
        "units.report_observations": "Observations: {text}",
        "units.report_wishes": "Wishes: {text}",
        "units.export": "For the meeting",
        "units.export_help": (
            "The unit's picture for a meeting: an Excel file (a sheet per section) and a "
            "printable A4 PDF with the charts."
        ),
        "units.export_xlsx": "Download Excel",
        "units.export_pdf": "Download PDF",
        "units.export_unit": "Unit",
        "units.export_dates": "Dates",
        "units.export_filters": "Filters",
        "units.export_made": "Made",
        "units.export_sheet_facts": "Unit",
        "units.export_sheet_cards": "Key figures",
        "units.export_sheet_bda": "Before-during-after",
        "units.export_sheet_context": "Comparison",
        "units.export_sheet_reports": "Mentor reports",
        "units.export_sheet_comments": "Comments",
        "units.export_page": "Page {page}/{pages}",
        "settings.title": "Settings",
        "settings.period_kind": "Period",
        "settings.period_kind_help": "What the time grain 'period' means on every page.",
        "settings.min_answers": "Privacy threshold (at least this many answers)",
        "settings.margin": "Width of the yellow band (% of target)",
        "settings.save": "Save settings",
        "settings.saved": "Settings saved.",
        "settings.targets": "Targets",
        "settings.targets_help": (
            "Choose 'All units' and 'All years' for a target that applies to all. The more "
            "specific target (unit and year) wins over the more general one."
        ),
        "settings.targets_save": "Save targets",
        "settings.all_years": "All years",
        "settings.targets_saved": "Targets saved ({n} changes).",
        "settings.defaults": "Default targets",
        "col.default_target": "Default target",
        "col.direction": "Direction",
        "direction.up": "higher is better",
        "direction.down": "lower is better",
        "col.description": "Description",
    },
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The text for key in lang, formatted with params; falls back to Finnish, then the key."""
    table = TEXTS.get(lang) or TEXTS[DEFAULT_LANGUAGE]
    text = table.get(key) or TEXTS[DEFAULT_LANGUAGE].get(key) or key
    return text.format(**params) if params else text
