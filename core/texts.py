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
        # Issue 11: users, roles, sign-in hardening and the audit trail.
        "signin.wait": "Liian monta väärää salasanaa. Yritä uudelleen {seconds} sekunnin kuluttua.",
        "signin.locked": (
            "Kirjautuminen on lukittu liian monen väärän salasanan vuoksi. "
            "Yritä uudelleen {minutes} minuutin kuluttua."
        ),
        "signin.expired": (
            "Istunto päättyi, koska sovellusta ei käytetty {minutes} minuuttiin. "
            "Kirjaudu uudelleen."
        ),
        "signin.closed": (
            "Käyttäjiä ei ole vielä luotu, joten sovellus ei avaudu. Luo ensimmäinen pääkäyttäjä "
            "komennolla python -m loaders users add NIMI --role admin --password-stdin tai salli "
            "avoin käyttö asetuksella TILANNEKUVA_ALLOW_OPEN=1."
        ),
        "signin.sso": "Kirjaudu organisaation tunnuksella",
        "signin.or_password": "Tai kirjaudu käyttäjätunnuksella ja salasanalla:",
        "signin.sso_unknown": (
            "Sähköpostiosoitteelle {email} ei ole annettu käyttöoikeutta. Pyydä pääkäyttäjää "
            "lisäämään se."
        ),
        "sidebar.open_mode": (
            "Avoin käyttö: käyttäjiä ei ole määritetty, joten jokainen sovelluksen avaaja näkee "
            "ja voi muuttaa kaiken."
        ),
        "sidebar.role": "Rooli: {role}",
        "sidebar.scope_limited": "Näet vain sinulle annetut yksiköt ({n}).",
        "role.admin": "pääkäyttäjä",
        "role.manager": "esihenkilö",
        "role.viewer": "katselija",
        "access.refused": "Sinulla ei ole oikeutta tähän sivuun.",
        "nav.section.admin": "Ylläpito",
        "nav.users": "Käyttäjät",
        "nav.audit": "Tapahtumaloki",
        "users.title": "Käyttäjät",
        "users.intro": (
            "Pääkäyttäjä näkee ja muuttaa kaiken. Esihenkilö ja katselija näkevät vain heille "
            "annetut yksiköt ja palvelualueet (ei mitään annettu: kaikki) eivätkä voi muuttaa "
            "tietoja."
        ),
        "users.none": "Käyttäjiä ei ole vielä.",
        "users.col.name": "Nimi",
        "users.col.role": "Rooli",
        "users.col.email": "Sähköposti",
        "users.col.units": "Yksiköt",
        "users.col.areas": "Palvelualueet",
        "users.col.disabled": "Poistettu käytöstä",
        "users.col.password": "Salasana asetettu",
        "users.add": "Lisää käyttäjä",
        "users.edit": "Muuta käyttäjää",
        "users.choose": "Käyttäjä",
        "users.name": "Nimi",
        "users.role": "Rooli",
        "users.email": "Sähköposti (kertakirjautumista varten)",
        "users.units": "Yksiköt",
        "users.areas": "Palvelualueet",
        "users.password": "Salasana",
        "users.new_password": "Uusi salasana",
        "users.disabled": "Poistettu käytöstä",
        "users.save": "Tallenna",
        "users.set_password": "Vaihda salasana",
        "users.added": "Käyttäjä {name} lisättiin.",
        "users.changed": "Käyttäjän {name} tiedot tallennettiin.",
        "users.password_set": "Käyttäjän {name} salasana vaihdettiin.",
        "users.error.no_name": "Anna käyttäjälle nimi.",
        "users.error.no_password": "Anna salasana tai sähköpostiosoite.",
        "users.error.unknown_role": "Tuntematon rooli: {names}.",
        "users.error.name_taken": "Nimi {names} on jo käytössä.",
        "users.error.email_taken": "Sähköpostiosoite {names} on jo toisella käyttäjällä.",
        "users.error.no_such_user": "Käyttäjää {names} ei ole.",
        "users.error.unknown_units": "Näitä yksiköitä ei löydy: {names}.",
        "users.error.unknown_areas": "Näitä palvelualueita ei löydy: {names}.",
        "audit.title": "Tapahtumaloki",
        "audit.intro": (
            "Kirjautumiset, tuonnit, poistot, tavoitteiden, asetusten ja käyttäjien muutokset "
            "sekä viennit. Ajat ovat Suomen aikaa."
        ),
        "audit.dates": "Päivät",
        "audit.user": "Käyttäjä",
        "audit.all_users": "Kaikki käyttäjät",
        "audit.actions": "Tapahtumat",
        "audit.all_actions": "Kaikki tapahtumat",
        "audit.none": "Valinnoilla ei löytynyt tapahtumia.",
        "audit.download": "Lataa loki (.xlsx)",
        "audit.col.at": "Aika",
        "audit.col.user": "Käyttäjä",
        "audit.col.action": "Tapahtuma",
        "audit.col.details": "Tiedot",
        "audit.action.sign_in": "Kirjautuminen",
        "audit.action.sign_in_failed": "Epäonnistunut kirjautuminen",
        "audit.action.sign_out": "Uloskirjautuminen",
        "audit.action.import": "Tuonti",
        "audit.action.remove": "Tuonnin poisto",
        "audit.action.targets": "Tavoitteiden muutos",
        "audit.action.settings": "Asetusten muutos",
        "audit.action.user_add": "Käyttäjän lisäys",
        "audit.action.user_change": "Käyttäjän muutos",
        "audit.action.user_password": "Salasanan vaihto",
        "audit.action.user_disable": "Käyttäjän poisto käytöstä",
        "audit.action.export": "Vienti",
        "scope.own": "Omat yksikkösi ({n})",
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
        # Issue 11: users, roles, sign-in hardening and the audit trail.
        "signin.wait": "Too many wrong passwords. Try again in {seconds} seconds.",
        "signin.locked": (
            "Signing in is locked after too many wrong passwords. Try again in {minutes} minutes."
        ),
        "signin.expired": "The session ended after {minutes} minutes without use. Sign in again.",
        "signin.closed": (
            "No users have been created yet, so the app does not open. Create the first admin "
            "with python -m loaders users add NAME --role admin --password-stdin, or allow "
            "open use with TILANNEKUVA_ALLOW_OPEN=1."
        ),
        "signin.sso": "Sign in with your organisation account",
        "signin.or_password": "Or sign in with a user name and password:",
        "signin.sso_unknown": (
            "The e-mail address {email} has not been given access. Ask an admin to add it."
        ),
        "sidebar.open_mode": (
            "Open use: no users are configured, so anyone who opens the app sees and can change "
            "everything."
        ),
        "sidebar.role": "Role: {role}",
        "sidebar.scope_limited": "You see only the units given to you ({n}).",
        "role.admin": "admin",
        "role.manager": "manager",
        "role.viewer": "viewer",
        "access.refused": "You do not have access to this page.",
        "nav.section.admin": "Administration",
        "nav.users": "Users",
        "nav.audit": "Audit log",
        "users.title": "Users",
        "users.intro": (
            "An admin sees and changes everything. A manager or viewer sees only the units and "
            "service areas given to them (none given: all) and cannot change data."
        ),
        "users.none": "No users yet.",
        "users.col.name": "Name",
        "users.col.role": "Role",
        "users.col.email": "E-mail",
        "users.col.units": "Units",
        "users.col.areas": "Service areas",
        "users.col.disabled": "Disabled",
        "users.col.password": "Password set",
        "users.add": "Add a user",
        "users.edit": "Change a user",
        "users.choose": "User",
        "users.name": "Name",
        "users.role": "Role",
        "users.email": "E-mail (for single sign-on)",
        "users.units": "Units",
        "users.areas": "Service areas",
        "users.password": "Password",
        "users.new_password": "New password",
        "users.disabled": "Disabled",
        "users.save": "Save",
        "users.set_password": "Change password",
        "users.added": "User {name} was added.",
        "users.changed": "User {name} was saved.",
        "users.password_set": "The password of {name} was changed.",
        "users.error.no_name": "Give the user a name.",
        "users.error.no_password": "Give a password or an e-mail address.",
        "users.error.unknown_role": "Unknown role: {names}.",
        "users.error.name_taken": "The name {names} is already taken.",
        "users.error.email_taken": "The e-mail address {names} belongs to another user.",
        "users.error.no_such_user": "There is no user {names}.",
        "users.error.unknown_units": "These units were not found: {names}.",
        "users.error.unknown_areas": "These service areas were not found: {names}.",
        "audit.title": "Audit log",
        "audit.intro": (
            "Sign-ins, imports, removals, changes of targets, settings and users, and exports. "
            "Times are Finnish time."
        ),
        "audit.dates": "Days",
        "audit.user": "User",
        "audit.all_users": "All users",
        "audit.actions": "Events",
        "audit.all_actions": "All events",
        "audit.none": "No events match the choices.",
        "audit.download": "Download the log (.xlsx)",
        "audit.col.at": "Time",
        "audit.col.user": "User",
        "audit.col.action": "Event",
        "audit.col.details": "Details",
        "audit.action.sign_in": "Sign-in",
        "audit.action.sign_in_failed": "Failed sign-in",
        "audit.action.sign_out": "Sign-out",
        "audit.action.import": "Import",
        "audit.action.remove": "Import removed",
        "audit.action.targets": "Targets changed",
        "audit.action.settings": "Settings changed",
        "audit.action.user_add": "User added",
        "audit.action.user_change": "User changed",
        "audit.action.user_password": "Password changed",
        "audit.action.user_disable": "User disabled",
        "audit.action.export": "Export",
        "scope.own": "Your units ({n})",
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
