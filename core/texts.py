"""Every text the user sees, in Finnish and English, in one place (no Streamlit here).

t(key, lang, **params) formats a text; a key missing from a language is a bug a test catches.
A key may have a singular form "KEY.one", used when n == 1 ("1 muutos" but "3 muutosta").
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
        "problems.more.one": "… ja 1 muu ongelma.",
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
        # --- safe reading (issue 9) ---
        "problem.too_many_columns": (
            "Taulukon käytetty alue ulottuu soluun {cell} ({columns} saraketta), mikä ylittää "
            "rajan {limit} saraketta. Tiedostoa ei lueta. Poista tietojen oikealla puolella "
            "olevat ylimääräiset solut (Ctrl+End näyttää Excelissä viimeisen solun) ja tallenna "
            "uudelleen."
        ),
        "problem.too_many_rows": (
            "Taulukon käytetty alue ulottuu soluun {cell} ({rows} riviä), mikä ylittää rajan "
            "{limit} riviä. Tiedostoa ei lueta. Poista tietojen alapuolella olevat ylimääräiset "
            "solut (Ctrl+End näyttää Excelissä viimeisen solun) tai jaa tiedot pienempiin "
            "tiedostoihin."
        ),
        "problem.too_many_cells": (
            "Taulukon käytetty alue ulottuu soluun {cell} ({rows} riviä × {columns} saraketta = "
            "{cells} solua), mikä ylittää rajan {limit} solua. Tiedostoa ei lueta. Poista "
            "ylimääräiset rivit ja sarakkeet tai jaa tiedot pienempiin tiedostoihin."
        ),
        "problem.read_crashed": (
            "Tiedostoa ei voitu lukea turvallisesti: lukeminen keskeytyi, koska tiedoston "
            "rakenne kaatoi lukijan. Palvelu toimii edelleen. Avaa tiedosto Excelissä, tallenna "
            "se uudelleen muodossa .xlsx ja yritä uudelleen."
        ),
        "problem.read_out_of_memory": (
            "Tiedostoa ei voitu lukea turvallisesti: sen lukeminen olisi vaatinut yli {limit} Mt "
            "muistia. Palvelu toimii edelleen. Poista ylimääräiset rivit ja sarakkeet tai jaa "
            "tiedot pienempiin tiedostoihin."
        ),
        "problem.read_timed_out": (
            "Tiedostoa ei voitu lukea turvallisesti: lukeminen kesti yli {seconds} sekuntia ja "
            "keskeytettiin. Palvelu toimii edelleen. Jaa tiedot pienempiin tiedostoihin."
        ),
        "problem.csv_too_large": (
            "CSV-tiedoston koko on {size} Mt, mikä ylittää rajan {limit} Mt. Tiedostoa ei lueta. "
            "Jaa tiedot pienempiin tiedostoihin."
        ),
        "problem.text_truncated": (
            "Tiedoston teksti katkeaa kesken tai ei ole merkistöä {encoding}, jota tiedoston "
            "alku ilmoittaa. Tiedosto on ehkä siirtynyt vajaana. Tallenna se uudelleen "
            "(Excelissä esimerkiksi CSV UTF-8) ja yritä uudelleen."
        ),
        "problem.no_data": "Tiedostossa ei ole yhtään tietoriviä.",
        "problem.store_failed": (
            "Tiedoston tallennus tietokantaan epäonnistui ({detail}), eikä siitä tallennettu "
            "mitään. Yritä hetken päästä uudelleen; jos vika toistuu, ota yhteyttä ylläpitoon."
        ),
        "problem.empty_sheet": "Taulukko on tyhjä.",
        "problem.unknown_kind": (
            "Tiedoston muotoa ei tunnistettu varmasti. Lähimpänä on {kind}, {form}, mutta sen "
            "pakollisista sarakkeista puuttuu {columns}. Otsikkoriviltä {header_row} löytyivät "
            "sarakkeet {headers}. Kerro sarakkeiden tulkinnassa, mitä sarakkeet ovat, tai anna "
            "puuttuva tieto kiinteänä arvona (esim. yksikkö). Voit myös ladata mallitiedoston."
        ),
        "problem.missing_columns": (
            "Pakollinen sarake puuttuu: {columns}. Otsikkoriviksi tulkittiin rivi {header_row}."
        ),
        "problem.no_questions": (
            "Tiedostosta ei löytynyt yhtään kysymyssaraketta, jossa olisi numeroita tai "
            "vastausvaihtoehtoja (esim. täysin samaa mieltä)."
        ),
        # --- mapping (issue 8) ---
        "problem.implausible_date": (
            '"{value}" ei ole uskottava päivämäärä: sallittu väli on {first} – {last}.'
        ),
        "problem.column_does_not_fit": (
            "Sarake tulkittiin otsikkonsa perusteella sarakkeeksi {taken_as}, mutta sen arvot "
            "(esim. {examples}) eivät sovi siihen. Jos sarake tarkoittaa muuta, vaihda sen "
            "tulkinta sarakkeiden tulkinnassa tai ohita se "
            '(komentorivillä --map "{column}=ignore").'
        ),
        "problem.personal_columns": (
            "Henkilötietoja sisältäviä sarakkeita ei tallenneta: {columns}."
        ),
        "problem.contacts_masked": (
            "Sähköpostiosoitteet, puhelinnumerot ja henkilötunnukset peitettiin {n} avoimesta "
            "vastauksesta."
        ),
        "problem.column_codes_0_4": (
            "Vastaukset ovat koodeja 0–4 ({values}); ne siirrettiin asteikolle 1–5 (0 → 1, "
            "4 → 5). Tarkista sarakkeiden tulkinnasta, että asteikko on oikea."
        ),
        "problem.column_recommend_but_1_5": (
            "Kysymys puhuu suosittelusta, mutta vastaukset ovat väliltä 1–5 ({values}), joten "
            "ne tallennetaan asteikolla 1–5 eikä suositteluindeksiä (NPS) lasketa."
        ),
        "problem.column_yes_no": (
            "Vastaukset ovat kyllä/ei-vastauksia ({values}): keskiarvo on kyllä-vastausten osuus, "
            "eikä kysymys vaikuta palautteen keskiarvoon."
        ),
        "problem.column_category": (
            "Sarakkeessa on muutama toistuva arvo ({values}), joten se on taustatieto eikä "
            "avoin vastaus. Sitä ei tallenneta; sarakkeiden tulkinnassa sen voi valita "
            "vastaajaryhmäksi."
        ),
        "problem.column_scale_from_answers": (
            "Asteikoksi päätellään vastausten ({values}) perusteella {scale}. Tarkista asteikko "
            "sarakkeiden tulkinnassa."
        ),
        "problem.unknown_words": (
            "Vastausvaihtoehtoja {words} ei tunneta, joten niitä ei laskettu mukaan "
            "(vastauksia {n}). Valitse sarakkeelle asteikko sarakkeiden tulkinnassa, jos ne "
            "pitää ottaa mukaan."
        ),
        "problem.date_order_assumed": (
            "Päivämäärät voi lukea kahdella tavalla; ne luettiin muodossa {order}. Vaihda "
            "järjestys sarakkeiden tulkinnassa, jos se on väärä."
        ),
        "problem.unit_value_repeated": (
            "Sarakkeen arvo toistuu samana jokaisella yksikön ja kuukauden rivillä, joten se on "
            "yksikön luku: se otettiin kerran eikä sitä laskettu yhteen."
        ),
        "problem.yearly_spread": (
            "Tiedostossa on vuosilukuja kuukausien sijaan. Vuoden luvut jaettiin vuoden 12 "
            "kuukaudelle (henkilöstömäärä ja htv kuukauden keskiarvona, muut luvut "
            "kahdestoistaosina), joten kuukausiluvut ovat keskiarvoja."
        ),
        "problem.profile_applied": "Sarakkeet tulkittiin tallennetun lähdeprofiilin {name} mukaan.",
        "mapping.title": "Sarakkeiden tulkinta",
        "mapping.intro": (
            "Jokaiselle sarakkeelle on tunnistettu rooli. Muuta roolia tarvittaessa; esikatselu "
            "ja yhteenveto päivittyvät. Mitään ei tallenneta ennen kuin painat Tuo."
        ),
        "mapping.header": "Sarake",
        "mapping.role": "Tulkinta",
        "mapping.note": "Huomio",
        "mapping.sample": "Esimerkkiarvoja",
        "mapping.unit": "Yksikkö kaikille riveille",
        "mapping.date": (
            "Päivämäärä tai kausi kaikille riveille (esim. 5.3.2024, 2023Q2, kevät 2024)"
        ),
        "mapping.survey": "Kyselyn nimi",
        "mapping.day_order": "Päivämäärien järjestys (3/4/2024)",
        "mapping.day_order.auto": "Tunnista tiedostosta",
        "mapping.day_order.dmy": "päivä/kuukausi/vuosi",
        "mapping.day_order.mdy": "kuukausi/päivä/vuosi",
        "mapping.questions": "Kysymykset tällä tulkinnalla",
        "mapping.q.question": "Kysymys",
        "mapping.q.scale": "Asteikko",
        "mapping.q.answers": "Vastauksia",
        "mapping.q.mean": "Keskiarvo omalla asteikollaan",
        "mapping.role.date": "päivämäärä",
        "mapping.role.period": "kausi",
        "mapping.role.unit": "yksikkö",
        "mapping.role.survey": "kysely",
        "mapping.role.group": "vastaajaryhmä",
        "mapping.role.comment": "avoin vastaus",
        "mapping.role.background": "taustatieto (ei tallenneta)",
        "mapping.role.ignore": "ohitetaan",
        "mapping.role.metadata": "lomakkeen tieto (ei tallenneta)",
        "mapping.role.personal": "henkilötieto (ei koskaan tallenneta)",
        "mapping.role.question:1-4": "kysymys, asteikko 1–4",
        "mapping.role.question:1-5": "kysymys, asteikko 1–5",
        "mapping.role.question:1-7": "kysymys, asteikko 1–7",
        "mapping.role.question:0-10": "kysymys, asteikko 0–10",
        "mapping.role.question:0-4": "kysymys, koodit 0–4 asteikolle 1–5",
        "mapping.role.question:yes-no": "kysymys, kyllä/ei",
        "mapping.role.score": "vastaus",
        "mapping.role.scale": "asteikko",
        "mapping.role.mean": "keskiarvo",
        "mapping.role.very_negative": "erittäin tyytymättömät",
        "mapping.role.negative": "tyytymättömät",
        "mapping.role.positive": "tyytyväiset",
        "mapping.role.very_positive": "erittäin tyytyväiset",
        "mapping.note.personal_header": "otsikon mukaan henkilötieto",
        "mapping.note.personal_content": "solut ovat sähköpostiosoitteita tai puhelinnumeroita",
        "mapping.note.metadata": "lomakkeen oma tieto",
        "mapping.note.arvo_background": "ARVOn taustatieto",
        "mapping.note.category": "muutama toistuva arvo",
        "mapping.note.codes_0_4": "koodit 0–4, tarkista",
        "mapping.note.recommend": "suosittelukysymys, vastauksia 0–10",
        "mapping.note.recommend_but_1_5": "suosittelukysymys, mutta vastaukset 1–5",
        "mapping.note.yes_no": "vastaukset kyllä/ei",
        "mapping.note.words": "vastausvaihtoehdot sanoina",
        "mapping.note.unknown_words": "tuntemattomia vastausvaihtoehtoja",
        "mapping.note.numbers": "asteikko vastauksista",
        "mapping.note.header": "asteikko otsikosta",
        "mapping.note.not_answers": "luvut eivät ole vastauksia",
        "mapping.note.empty": "tyhjä",
        "mapping.note.chosen": "valittu",
        "mapping.note.fixed": "korvattu kiinteällä arvolla",
        "mapping.note.duplicate": "toinen samanlainen sarake",
        "mapping.profile_applied": "Sarakkeet tulkittiin tallennetun lähdeprofiilin {name} mukaan.",
        "mapping.profile_name": "Tallenna tulkinta lähdeprofiiliksi nimellä",
        "mapping.profile_save": "Tallenna profiili",
        "mapping.profile_saved": "Lähdeprofiili {name} tallennettiin.",
        "mapping.profiles": "Lähdeprofiilit",
        "mapping.profiles_empty": "Lähdeprofiileja ei ole vielä tallennettu.",
        "mapping.profiles.name": "Nimi",
        "mapping.profiles.columns": "Sarakkeita",
        "mapping.profiles.updated": "Muutettu",
        "mapping.profiles_select": "Profiili",
        "mapping.profiles_new_name": "Uusi nimi",
        "mapping.profiles_rename": "Nimeä uudelleen",
        "mapping.profiles_delete": "Poista profiili",
        "mapping.profiles_renamed": "Profiili nimettiin uudelleen: {name}.",
        "mapping.profiles_deleted": "Profiili {name} poistettiin.",
        "mapping.profiles_taken": "Nimi {name} on jo käytössä.",
        # What is wrong with one cell.
        "problem.required_value": "Arvo puuttuu.",
        "problem.not_a_number": '"{value}" ei ole luku.',
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
        "problem.blank_rows_skipped.one": "1 tyhjä rivi ohitettiin.",
        "problem.cannot_say_skipped": "{n} vastausta 'en osaa sanoa' (eos) ohitettiin.",
        "problem.cannot_say_skipped.one": "1 vastaus 'en osaa sanoa' (eos) ohitettiin.",
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
        "form.long": "yksi vastaus riviä kohden",
        "form.wide": "yksi vastaaja riviä kohden",
        "form.aggregated": "valmiit keskiarvot",
        "form.counts": "hymiölaskurit",
        "form.arvo_wide": "ARVO, vastaaja riviä kohden",
        "form.arvo_long": "ARVO, vastaus riviä kohden",
        "form.monthly": "kuukausittain",
        "form.reports": "raportit",
        "form.targets": "tavoitteet",
        # Import outcomes.
        "status.imported": "tuotu",
        "status.unchanged": "ei muutoksia: tiedosto on jo tuotu aiemmin",
        "status.error": "virhe",
        "problem.batch_overlap": (
            "{percent} % näistä riveistä on jo tallennettu tuonnissa {batch} ({earlier}). "
            "Tiedostoa ei tuotu, jotta samoja rivejä ei laskettaisi kahteen kertaan."
        ),
        "status.overlap": "ei tuotu: toistaa aiemman tuonnin rivejä",
        "cli.overlap_hint": (
            "Jos tiedosto on saman lähteen uudempi, kertynyt vienti, tuo se valinnalla --replace: "
            "se korvaa aiemman tuonnin. Jos rivit ovat eri vastauksia, jotka vain näyttävät "
            "samoilta, tuo se valinnalla --import-anyway."
        ),
        "cli.replaced": "  korvasi tuonnin {batch}",
        "import.overlap_choice": (
            "Jos tämä on saman lähteen uudempi, kertynyt vienti, korvaa aiempi tuonti tällä "
            "tiedostolla (molemmat tehdään yhdellä kertaa). Jos rivit ovat eri vastauksia, jotka "
            "vain näyttävät samoilta, tuo tiedosto silti erillisenä. Muuten peruuta."
        ),
        "import.overlap_keep": "Tuo silti erillisenä",
        "import.overlap_replace": "Korvaa tuonti {batch} tällä tiedostolla",
        "import.overlap_cancel": "Peruuta, älä tuo",
        "import.overlap_cancelled": "Tiedostoa ei tuotu: sen rivit ovat jo tuonnissa {batch}.",
        "import.overlap_replaced": "Tuotu tietokantaan tuontina {id}; se korvasi tuonnin {old}.",
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
        "users.no_limit": "Ei rajausta (kaikki)",
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
        "audit.dates": "Aikaväli",
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
        "import.uploader_help": (
            "Vedä tiedostot alla olevaan kenttään tai valitse ne painikkeella. Tiedosto voi olla "
            "enintään 200 Mt; tuettuja ovat .xlsx, .xlsm ja .csv (vanha .xls saa ohjeen)."
        ),
        "import.kind": "Tiedoston laji",
        "import.form": "Muoto",
        "import.auto": "Tunnista automaattisesti",
        "import.detected": "Tunnistettu: {kind}, {form}",
        "import.sheet_row": "Taulukko {sheet}, otsikkorivi {row}",
        "import.preview": "Esikatselu: ensimmäiset rivit sellaisina kuin ne tallennetaan",
        "import.summary_line": "Tietorivejä {rows} · yksiköitä {units} · ajalta {first} – {last}",
        "import.answers_line": "vastauksia {answers} · keskiarvo {mean}",
        "import.warnings": "Huomautukset",
        "import.units_new": "Yksikkörekisterissä ei ole näitä yksiköitä; ne luodaan: {units}.",
        "import.errors": "Tiedostoa ei voi tuoda. Korjaa nämä kohdat ja lataa tiedosto uudelleen:",
        "import.already": (
            "Tämä tiedosto on jo tuotu {when} ({file}). Uudelleentuonti ei muuta mitään."
        ),
        "import.button": "Tuo {n} tiedostoa",
        "import.button_one": "Tuo tiedosto",
        "import.just_imported": "Tiedot tallennettiin (tuonti nro {id}).",
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
            "Poistetaanko tuonti {id} ({file})? Siitä poistetaan tietokannasta rivejä: {rows}. "
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
        "col.scale_min": "Asteikon alaraja",
        "col.scale_max": "Asteikon yläraja",
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
        "value.suppressed": "piilotettu",
        "value.none": "ei tietoja",
        "scope.all": "Kaikki yksiköt",
        "series.no_area": "Ei palvelualuetta",
        "scope.area": "Palvelualue {area}",
        "scope.units": "{n} yksikköä",
        "scope.units.one": "1 yksikkö",
        "scope.caption": "{scope} · {start} – {end}",
        "overview.title": "Yleiskuva",
        "overview.intro": (
            "Tuloskortti: kunkin mittarin viimeisin arvo valitulla aikatasolla, muutos edelliseen "
            "ja vuoden takaiseen sekä tavoitetilanne."
        ),
        "overview.cards": "Tuloskortti",
        "overview.units": "Yksiköt ja mittarit",
        "overview.units_help": "Avaa yksikön oma näkymä valitsemalla sen rivi.",
        "overview.open_unit": "Avaa yksikkö",
        "overview.no_data": "Valitulla rajauksella ei ole tietoja.",
        "overview.pdf": "Lataa PDF kokoukseen",
        "overview.pdf_title": "Tilannekuva – yleiskuva",
        "overview.pdf.status": "Tila",
        "overview.pdf.previous": "Edellinen",
        "overview.pdf.hidden": "piilotettu",
        "card.latest": "{label}",
        "card.previous": "edellinen {label}: {value}",
        "card.year_ago": "vuotta aiemmin ({label}): {value}",
        "card.target": "tavoite {value}",
        "card.suppressed": "Alle {n} vastausta: lukua ei näytetä yksityisyyden suojaamiseksi.",
        "privacy.note": (
            "Yksikön kuukausi, jossa johonkin kysymykseen on alle {n} vastausta, jätetään pois "
            "kaikista palauteluvuista, myös yhteissummista, jotta yksittäisen vastaajan "
            "vastausta ei voi päätellä. Palautteen päivämäärät laajenevat kokonaisiin "
            "kuukausiin (viikkotasolla viikkoihin). Myös kommentit jätetään pois."
        ),
        "trends.title": "Kehitys",
        "trends.indicators": "Mittarit",
        "trends.choose_indicators": "Valitse mittarit",
        "trends.by": "Vertailu",
        "trends.by.total": "koko valinta",
        "trends.by.unit": "yksiköt",
        "trends.by.service_area": "palvelualueet",
        "trends.years": "Vuodet rinnakkain",
        "trends.years_help": (
            "Näyttää saman ajanjakson eri vuosina päällekkäin (x-akselilla viikko tai kuukausi)."
        ),
        "trends.survey": "Kysely",
        "trends.question": "Kysymys",
        "trends.all": "kaikki",
        "trends.table": "Kaavion luvut taulukkona",
        "trends.download": "Lataa taulukko (.xlsx)",
        "trends.target": "tavoite",
        "trends.no_data": "Mittarilla {name} ei ole tietoja valitulla rajauksella.",
        "trends.week_of_year": "viikko",
        "trends.month_of_year": "kuukausi",
        "col.period": "Ajanjakso",
        "col.series": "Yksikkö tai alue",
        "col.value": "Arvo",
        "col.answers_n": "Aineiston koko (n)",
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
            "Fiilis laski {change}: viimeiset {months} kk {recent} (raportteja {n_recent}), "
            "sitä edeltävät {months} kk {earlier} (raportteja {n_earlier}). {verdict}."
        ),
        "feeling.reason.workload_rise": (
            "Työkuorma nousi {change}: viimeiset {months} kk {recent} (raportteja {n_recent}), "
            "sitä edeltävät {months} kk {earlier} (raportteja {n_earlier}). {verdict}."
        ),
        "feeling.reason.low_mood": (
            "Fiilis alle {low} kahtena raporttikuukautena peräkkäin: {m1} {v1}, {m2} {v2}."
        ),
        "feeling.reason.concerns": (
            "Kuukauden {month} raporteista {count}/{reports} sisälsi huolen ({mentors})."
        ),
        "feeling.reason.no_report": (
            "Viimeisin mentoriraportti {last}, {days} pv sitten; raporttia odotetaan "
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
        "settings.feeling_report_weeks": "Mentoriraporttien enimmäisväli (viikkoa)",
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
        "units.comments_withheld.one": (
            "1 kommentti jätettiin pois, koska sen ryhmässä on alle {min} vastausta."
        ),
        "units.no_comments": "Ei näytettäviä kommentteja valitulla aikavälillä.",
        # Issue 10: the unit dashboard (timeline, before/during/after, comparison, export)
        "units.timeline": "Valmennuksen aikajana",
        "units.timeline_running": "Valmennusta on kulunut {done} / {planned} kk.",
        "units.timeline_running_open": (
            "Valmennusta on kulunut {done} kk; päättymispäivää ei ole merkitty."
        ),
        "units.timeline_not_started": "Valmennus ei ole vielä alkanut; se alkaa {start}.",
        "units.timeline_ended": "Valmennus päättyi {months} kk sitten ({end}).",
        "units.timeline_none": "Yksikölle ei ole merkitty valmennusjaksoa.",
        "units.mark_start": "alku",
        "units.mark_end": "loppu",
        "units.mark_today": "tänään",
        "units.band": "valmennus",
        "units.bda": "Ennen, aikana ja jälkeen",
        "units.bda_help": (
            "Keskiarvot {months} kk ennen valmennuksen alkua, valmennuksen aikana ja sen "
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
        "units.export_title": "{unit} – tilannekuva",
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
        # Exports (issue 12): the block that says what a file is, and its definitions sheet.
        "export.title": "Otsikko",
        "export.selection": "Yksiköt tai palvelualue",
        "export.dates": "Aikaväli",
        "export.grain": "Aikataso",
        "export.survey": "Kysely",
        "export.question": "Kysymys",
        "export.privacy": "Yksityisyyden suoja",
        "export.privacy_rule": (
            "yksikön kysymyksen kuukausi, jossa on alle {n} vastausta, jätetään pois kaikista "
            "palauteluvuista"
        ),
        "export.made": "Viety",
        "export.by": "Viejä",
        "export.who_open": "paikallinen käyttäjä",
        "export.hidden_few": "alle {n} vastausta",
        "export.col.range": "Arvoalue",
        "export.col.source": "Lähde",
        "export.col.privacy": "Yksityisyyden suoja",
        "export.col.period_start": "Kauden alku",
        "export.range_at_least": "vähintään {low}",
        "export.sheet_definitions": "Mittarit",
        "export.sheet_table": "Luvut",
        "source.feedback": "palautekyselyt",
        "source.mentor_reports": "mentoriraportit",
        "source.workforce": "henkilöstötiedot",
        "trends.export_title": "Tilannekuva – kehitys",
        "settings.targets_saved": "Tavoitteet tallennettu ({n} muutosta).",
        "settings.targets_saved.one": "Tavoitteet tallennettu (1 muutos).",
        "settings.targets_invalid": (
            "Tavoitteita ei tallennettu. Korjaa punaisella merkityt solut:"
        ),
        "settings.target_problem": "Rivi {row}, {name}: {problem}",
        "settings.target_help": (
            "Kirjoita luku, esimerkiksi 3,7 tai 1 200. Keskiarvo 1–5, osuus 0–100 %, "
            "määrät ja suhdeluvut vähintään 0."
        ),
        "settings.invalid": "Asetuksia ei tallennettu. Korjaa kentät, joissa on virhe.",
        "entry.empty": "Kirjoita luku.",
        "entry.not_a_number": "”{text}” ei ole luku. Kirjoita esimerkiksi {example}.",
        "entry.not_integer": "Kirjoita kokonaisluku (nyt {value}).",
        "entry.between": "Luvun pitää olla välillä {low}–{high} (nyt {value}).",
        "entry.at_least": "Luvun pitää olla vähintään {low} (nyt {value}).",
        "entry.at_most": "Luvun pitää olla enintään {high} (nyt {value}).",
        "settings.defaults": "Oletustavoitteet",
        "col.default_target": "Oletustavoite",
        "col.direction": "Suunta",
        "direction.up": "suurempi on parempi",
        "direction.down": "pienempi on parempi",
        "col.description": "Kuvaus",
        # Coaching effectiveness and wellbeing beside feedback (issue 14).
        "nav.effectiveness": "Valmennuksen vaikuttavuus",
        "nav.wellbeing": "Hyvinvointi ja palvelu",
        "effect.title": "Valmennuksen vaikuttavuus",
        "effect.intro": (
            "Miten mittari kehittyi valmennuksen alettua valmennetuissa yksiköissä verrattuna "
            "yksiköihin, joiden valmennus ei ollut vielä alkanut samoina kuukausina?"
        ),
        "effect.indicator": "Mittari",
        "effect.event_heading": "Kuukaudet valmennuksen alusta",
        "effect.event_caption": (
            "Ohut viiva on yksi yksikkö, paksu viiva yksiköiden keskiarvo ja varjostus sen "
            "95 %:n luottamusväli. Kuukausi 0 on valmennuksen alkukuukausi."
        ),
        "effect.months_since": "Kuukautta valmennuksen alusta",
        "effect.mean": "Keskiarvo",
        "effect.no_coached": (
            "Valinnassa ei ole yksiköitä, joiden valmennuksen alkupäivä on tiedossa. "
            "Lisää alkupäivät yksikkörekisteriin (sarake Valmennus alkaa)."
        ),
        "effect.no_event_data": (
            "Valmennettujen yksiköiden mittarille {name} ei ole lukuja 12 kuukautta ennen "
            "valmennusta eikä 18 kuukautta sen alun jälkeen."
        ),
        "effect.did_heading": "Erotusten erotus palvelualueittain",
        "effect.overall": "Kaikki palvelualueet",
        "effect.col.area": "Palvelualue",
        "effect.col.coached": "Valmennetut yksiköt",
        "effect.col.comparison": "Vertailuyksiköt",
        "effect.col.coached_change": "Muutos valmennetuissa",
        "effect.col.comparison_change": "Muutos vertailuyksiköissä",
        "effect.col.effect": "Ero (vaikutusarvio)",
        "effect.col.interval": "95 %:n luottamusväli",
        "effect.col.reading": "Mitä tästä voi päätellä",
        "effect.reading.better": (
            "Mittari kehittyi valmennetuissa yksiköissä paremmin kuin vertailuyksiköissä, ja ero "
            "on sattumaa suurempi. Syy-yhteyttä se ei todista: yksiköitä ei valittu "
            "valmennukseen arpomalla, ja samaan aikaan on voinut muuttua muutakin."
        ),
        "effect.reading.worse": (
            "Mittari kehittyi valmennetuissa yksiköissä heikommin kuin vertailuyksiköissä, ja "
            "ero on sattumaa suurempi. Syy-yhteyttä se ei todista: yksiköitä ei valittu "
            "valmennukseen arpomalla, ja samaan aikaan on voinut muuttua muutakin."
        ),
        "effect.reading.unclear": (
            "Ero mahtuu sattuman vaihteluun: tästä ei voi päätellä, vaikuttiko valmennus "
            "mittariin. Yksiköitä on vähän, eikä niitä valittu valmennukseen arpomalla."
        ),
        "effect.reading.no_interval": (
            "Vain {n} valmennettu yksikkö tai vertailuyksikkö: luottamusväliä ei voi laskea, "
            "joten erosta ei voi päätellä mitään. Tarvitaan vähintään kaksi kumpaakin."
        ),
        "effect.reading.missing": "Lukua ei voi laskea: {reasons}.",
        "effect.reason.none": "alueella ei ole valmennettuja yksiköitä, joilla on lukuja",
        "effect.reason.before": (
            "{n} yksiköltä on lukuja alle {min} kuukaudelta ennen valmennuksen alkua"
        ),
        "effect.reason.after": "{n} yksiköltä on lukuja alle {min} kuukaudelta valmennuksen alusta",
        "effect.reason.comparison": (
            "{n} yksiköllä ei ole vertailuyksikköä, jonka valmennus ei ollut vielä alkanut ja "
            "jolla on lukuja samoilta kuukausilta"
        ),
        "effect.left_out": "Laskusta jäi pois: {reasons}.",
        "effect.units_n": "{n} yksikköä",
        "effect.units_1": "1 yksikkö",
        "effect.method_heading": "Näin luvut lasketaan",
        "effect.method": (
            "**Aikajana.** Jokaisen valmennetun yksikön kuukausiluku asetetaan kohdalleen "
            "kuukausina valmennuksen alusta (−12 … +18). Keskiarvo on yksiköiden lukujen "
            "keskiarvo, ja sen luottamusväli on t-väli: ka ± t · s / √n.\n\n"
            "**Erotusten erotus.** Yksikön *i* valmennus alkaa kuukautena *s*. Ennen-jakso on "
            "kuukaudet *s* − 12 … *s* − 1, aikana/jälkeen-jakso *s* … *s* + 18. Vertailuyksikkö "
            "*j* on yksikkö, jonka valmennus alkaa myöhemmin tai ei koskaan; sen kuukaudet oman "
            "valmennuksen alusta jäävät pois. Parista lasketaan vain kuukaudet, joilta "
            "molemmilla on luku (vähintään {min_before} ennen ja {min_after} jälkeen):\n\n"
            "d(i, j) = (ka_i(jälkeen) − ka_i(ennen)) − (ka_j(jälkeen) − ka_j(ennen))\n\n"
            "Yksikön arvio d(i) on parien keskiarvo ja vaikutusarvio yksiköiden arvioiden "
            "keskiarvo. Luottamusväli saadaan jättämällä kukin yksikkö vuorollaan pois "
            "(jackknife) ja t-jakaumasta (vapausasteet: valmennetut yksiköt − 1). "
            "Vertailuyksiköt tulevat koko valinnasta, myös muilta palvelualueilta.\n\n"
            "**Palaute.** Kuten muuallakin sovelluksessa, yksikön kysymyksen kuukausi, jossa on "
            "alle {min_answers} vastausta, ei ole mukana missään luvussa. Jos yksikön "
            "kuukaudelle jää silti alle {min_answers} vastausta, kuukausi jätetään pois."
        ),
        "effect.download": "Lataa luvut (.xlsx)",
        "effect.export.title": "Valmennuksen vaikuttavuus",
        "effect.export.indicator": "Mittari",
        "effect.export.method": "Menetelmä",
        "wellbeing.title": "Hyvinvointi ja palvelu",
        "wellbeing.intro": (
            "Ovatko asiakkaat tyytyväisempiä yksiköissä, joissa henkilöstö voi paremmin? "
            "Yksi piste on yksi yksikkö yhtenä kautena."
        ),
        "wellbeing.staff": "Henkilöstön mittari",
        "wellbeing.feedback": "Asiakaspalautteen mittari",
        "wellbeing.lag": "Henkilöstön luvut edelliseltä kaudelta",
        "wellbeing.lag_help": (
            "Vertaa edellisen kauden henkilöstölukuja tämän kauden palautteeseen: näkyykö "
            "henkilöstön vointi palautteessa viiveellä?"
        ),
        "wellbeing.correlation": (
            "Korrelaatio r = {r} (95 %:n luottamusväli {low} … {high}), n = {n} pistettä ({units})."
        ),
        "wellbeing.correlation_no_interval": "Korrelaatio r = {r}, n = {n} pistettä ({units}).",
        "wellbeing.too_few": (
            "Korrelaatiota ei voi laskea: pisteitä on {n}, tarvitaan vähintään 4 yksikön kautta, "
            "joilta on sekä henkilöstön että palautteen luku."
        ),
        "wellbeing.not_cause": (
            "Yhteys ei kerro syystä: se ei osoita, että henkilöstön hyvinvointi parantaisi "
            "palvelua (tai päinvastoin). Molempiin voivat vaikuttaa samat asiat, kuten "
            "yksikön koko, asiakkaat tai johtaminen. Saman yksikön kaudet eivät myöskään ole "
            "toisistaan riippumattomia, joten väli on todellista kapeampi."
        ),
        "wellbeing.click": "Avaa yksikön näkymä napsauttamalla pistettä.",
        "wellbeing.col.unit": "Yksikkö",
        "wellbeing.col.period": "Kausi",
        "wellbeing.col.staff_period": "Henkilöstön kausi",
        "wellbeing.col.answers": "Vastauksia",
        "wellbeing.method_heading": "Näin luvut lasketaan",
        "wellbeing.method": (
            "**Kausi** on Asetukset-sivun kausi (neljännes, lukukausi tai toimintavuosi). "
            "Yksikön kauden luku lasketaan kuukausiluvuista painotettuna kunkin kuukauden "
            "määrällä (vastaukset, mentoriraportit tai henkilöstökuukaudet).\n\n"
            "**Palaute.** Yksikön kuukausi, jonka luku perustuu alle {min_answers} vastaukseen, "
            "jätetään pois, kuten muuallakin sovelluksessa.\n\n"
            "**Korrelaatio** on Pearsonin r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²). "
            "Luottamusväli on Fisherin z-muunnoksella: tanh(atanh(r) ± 1,96 / √(n − 3)).\n\n"
            "**Viive:** henkilöstön luku kaudelta k − 1, palautteen luku kaudelta k."
        ),
        "wellbeing.download": "Lataa luvut (.xlsx)",
        "wellbeing.export.title": "Hyvinvointi ja palvelu",
        "wellbeing.export.lag": "Viive",
        "wellbeing.export.lag_on": "henkilöstön luvut edelliseltä kaudelta",
        "wellbeing.export.lag_off": "samat kaudet",
        # Issue 12: partial periods, stale and rolling figures, the units table, Trends.
        "card.in_progress": "{label}, kesken: kulunut {days}/{total} päivää",
        "card.previous_part": "edellisen jakson sama osa ({start}–{end}): {value}",
        "card.year_ago_part": "vuotta aiemmin sama osa ({start}–{end}): {value}",
        "card.withheld.no_same_part": (
            "Ei vertailua: edellisen jakson ja edellisvuoden samalta osalta ei ole tietoja."
        ),
        "card.stale": "viimeisin {label}",
        "card.stale_note": "Ajalta {label} ei ole vielä tietoja.",
        "card.rolling": "liukuva 12 kk {start}–{end} (yksikössä alle {n} henkilöä)",
        "card.rolling_previous": "edelliset 12 kk ({start}–{end}): {value}",
        "status.hidden": "ei arvioitavissa",
        "settings.rolling_under": "Pienen yksikön raja (henkilöä)",
        "settings.rolling_under_help": (
            "Yksiköissä, joissa on tätä vähemmän henkilöitä, vaihtuvuus, sairauspoissaolot ja "
            "muut henkilöstön suhdeluvut lasketaan liukuvalta 12 kuukaudelta, koska yhden "
            "kuukauden luku heilahtelee pienessä yksikössä. 0 = ei koskaan."
        ),
        "overview.units_period": "Luvut ajalta {label}.",
        "overview.only_missing": "Näytä vain yksiköt, joilla jokin luku jää tavoitteesta",
        "overview.none_missing": "Yhdenkään yksikön luvut eivät jää tavoitteesta.",
        "overview.rolling_note": "* liukuva 12 kk: yksikössä alle {n} henkilöä.",
        "col.latest": "{name} (viimeisin {label})",
        "trends.highlight": "Korosta yksikkö",
        "trends.highlight_none": "Ei korostusta",
        "trends.others": "muut",
        "import.remove_placeholder": "Valitse poistettava tuonti",
        # The units table's short column heads (the full name is the column's tooltip).
        "short.feedback_mean": "Palaute ka.",
        "short.feedback_positive_share": "Myönteiset",
        "short.mentor_mood": "Fiilis",
        "short.mentor_concerns": "Huolet",
        "short.sick_leave_days_per_fte": "Sairaspv/htv",
        "short.turnover_percent": "Vaihtuvuus",
        "short.headcount": "Henkilöstö",
        "trends.target_label": "tavoite {value}",
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
        "problems.more.one": "… and 1 more problem.",
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
        # --- safe reading (issue 9) ---
        "problem.too_many_columns": (
            "The sheet's used range reaches cell {cell} ({columns} columns), over the limit of "
            "{limit} columns, so the file is not read. Delete the stray cells to the right of "
            "your data (Ctrl+End in Excel shows the last cell) and save again."
        ),
        "problem.too_many_rows": (
            "The sheet's used range reaches cell {cell} ({rows} rows), over the limit of {limit} "
            "rows, so the file is not read. Delete the stray cells below your data (Ctrl+End in "
            "Excel shows the last cell) or split the data into smaller files."
        ),
        "problem.too_many_cells": (
            "The sheet's used range reaches cell {cell} ({rows} rows × {columns} columns = "
            "{cells} cells), over the limit of {limit} cells, so the file is not read. Delete "
            "the stray rows and columns or split the data into smaller files."
        ),
        "problem.read_crashed": (
            "The file could not be read safely: reading stopped because the file's structure "
            "crashed the reader. The service is still running. Open the file in Excel, save it "
            "again as .xlsx and try again."
        ),
        "problem.read_out_of_memory": (
            "The file could not be read safely: reading it would have needed more than {limit} "
            "MB of memory. The service is still running. Delete stray rows and columns or split "
            "the data into smaller files."
        ),
        "problem.read_timed_out": (
            "The file could not be read safely: reading took more than {seconds} seconds and was "
            "stopped. The service is still running. Split the data into smaller files."
        ),
        "problem.csv_too_large": (
            "The CSV file is {size} MB, over the limit of {limit} MB, so it is not read. "
            "Split the data into smaller files."
        ),
        "problem.text_truncated": (
            "The file's text is cut short or is not in the encoding its start declares "
            "({encoding}). The file may have been copied incompletely. Save it again (in Excel, "
            "e.g. as CSV UTF-8) and try again."
        ),
        "problem.no_data": "The file has no data rows.",
        "problem.store_failed": (
            "Storing the file in the database failed ({detail}) and nothing of it was stored. "
            "Try again in a moment; if it happens again, contact the administrator."
        ),
        "problem.empty_sheet": "The sheet is empty.",
        "problem.unknown_kind": (
            "The file's form could not be settled. The closest is {kind}, {form}, but of its "
            "required columns it lacks {columns}. Header row {header_row} holds {headers}. Say "
            "what the columns are in the column mapping, or give the missing value as a fixed "
            "value (e.g. the unit). A template can also be downloaded."
        ),
        "problem.missing_columns": (
            "A required column is missing: {columns}. Row {header_row} was read as the header."
        ),
        "problem.no_questions": (
            "No question column with numbers or answer options (e.g. strongly agree) was found."
        ),
        # --- mapping (issue 8) ---
        "problem.implausible_date": (
            '"{value}" is not a plausible date: dates must lie between {first} and {last}.'
        ),
        "problem.column_does_not_fit": (
            "The column was taken by its header as {taken_as}, but its values (e.g. "
            "{examples}) do not fit. If the column means something else, change its role in "
            'the column mapping or ignore it (on the command line --map "{column}=ignore").'
        ),
        "problem.personal_columns": "Columns holding personal data are not stored: {columns}.",
        "problem.contacts_masked": (
            "E-mail addresses, phone numbers and personal identity codes were masked in {n} "
            "free-text answers."
        ),
        "problem.column_codes_0_4": (
            "The answers are codes 0–4 ({values}); they were shifted onto the scale 1–5 "
            "(0 → 1, 4 → 5). Check in the column mapping that the scale is right."
        ),
        "problem.column_recommend_but_1_5": (
            "The question speaks of recommending, but the answers are 1–5 ({values}), so they "
            "are stored on the scale 1–5 and no NPS is computed."
        ),
        "problem.column_yes_no": (
            "The answers are yes/no ({values}): the mean is the share of yes, and the question "
            "does not count in the feedback mean."
        ),
        "problem.column_category": (
            "The column holds a few repeated values ({values}), so it is background, not a "
            "free-text answer. It is not stored; in the column mapping it can be chosen as the "
            "respondent group."
        ),
        "problem.column_scale_from_answers": (
            "The scale {scale} was read from the answers ({values}). Check the scale in the "
            "column mapping."
        ),
        "problem.unknown_words": (
            "The answer options {words} are not known, so they were left out ({n} answers). "
            "Choose a scale for the column in the column mapping if they should count."
        ),
        "problem.date_order_assumed": (
            "The dates can be read two ways; they were read as {order}. Change the order in the "
            "column mapping if that is wrong."
        ),
        "problem.unit_value_repeated": (
            "The column repeats the same value on every row of a unit and month, so it is the "
            "unit's figure: it was taken once, not summed."
        ),
        "problem.yearly_spread": (
            "The file has years instead of months. Each year's figures were spread over its 12 "
            "months (headcount and FTE as the monthly average, other figures as twelfths), so "
            "the monthly figures are averages."
        ),
        "problem.profile_applied": "The columns were mapped with the saved source profile {name}.",
        "mapping.title": "Column mapping",
        "mapping.intro": (
            "Each column has a detected role. Change it where needed; the preview and the "
            "summary follow. Nothing is stored until you press Import."
        ),
        "mapping.header": "Column",
        "mapping.role": "Role",
        "mapping.note": "Note",
        "mapping.sample": "Example values",
        "mapping.unit": "Unit for every row",
        "mapping.date": "Date or period for every row (e.g. 2024-03-05, 2023Q2, kevät 2024)",
        "mapping.survey": "Survey name",
        "mapping.day_order": "Order of dates (3/4/2024)",
        "mapping.day_order.auto": "Detect from the file",
        "mapping.day_order.dmy": "day/month/year",
        "mapping.day_order.mdy": "month/day/year",
        "mapping.questions": "Questions with this mapping",
        "mapping.q.question": "Question",
        "mapping.q.scale": "Scale",
        "mapping.q.answers": "Answers",
        "mapping.q.mean": "Mean on its own scale",
        "mapping.role.date": "date",
        "mapping.role.period": "period",
        "mapping.role.unit": "unit",
        "mapping.role.survey": "survey",
        "mapping.role.group": "respondent group",
        "mapping.role.comment": "free-text answer",
        "mapping.role.background": "background (not stored)",
        "mapping.role.ignore": "ignored",
        "mapping.role.metadata": "form metadata (not stored)",
        "mapping.role.personal": "personal data (never stored)",
        "mapping.role.question:1-4": "question, scale 1–4",
        "mapping.role.question:1-5": "question, scale 1–5",
        "mapping.role.question:1-7": "question, scale 1–7",
        "mapping.role.question:0-10": "question, scale 0–10",
        "mapping.role.question:0-4": "question, codes 0–4 onto 1–5",
        "mapping.role.question:yes-no": "question, yes/no",
        "mapping.role.score": "answer",
        "mapping.role.scale": "scale",
        "mapping.role.mean": "mean",
        "mapping.role.very_negative": "very negative",
        "mapping.role.negative": "negative",
        "mapping.role.positive": "positive",
        "mapping.role.very_positive": "very positive",
        "mapping.note.personal_header": "personal data by its header",
        "mapping.note.personal_content": "cells are e-mail addresses or phone numbers",
        "mapping.note.metadata": "the form's own data",
        "mapping.note.arvo_background": "ARVO background",
        "mapping.note.category": "a few repeated values",
        "mapping.note.codes_0_4": "codes 0–4, please check",
        "mapping.note.recommend": "recommend question, answers 0–10",
        "mapping.note.recommend_but_1_5": "recommend question, but answers 1–5",
        "mapping.note.yes_no": "yes/no answers",
        "mapping.note.words": "answer options as words",
        "mapping.note.unknown_words": "unknown answer options",
        "mapping.note.numbers": "scale from the answers",
        "mapping.note.header": "scale from the header",
        "mapping.note.not_answers": "the numbers are not answers",
        "mapping.note.empty": "empty",
        "mapping.note.chosen": "chosen",
        "mapping.note.fixed": "replaced by a fixed value",
        "mapping.note.duplicate": "a second column of the same kind",
        "mapping.profile_applied": "The columns were mapped with the saved source profile {name}.",
        "mapping.profile_name": "Save this mapping as a source profile named",
        "mapping.profile_save": "Save profile",
        "mapping.profile_saved": "Source profile {name} was saved.",
        "mapping.profiles": "Source profiles",
        "mapping.profiles_empty": "No source profiles have been saved yet.",
        "mapping.profiles.name": "Name",
        "mapping.profiles.columns": "Columns",
        "mapping.profiles.updated": "Changed",
        "mapping.profiles_select": "Profile",
        "mapping.profiles_new_name": "New name",
        "mapping.profiles_rename": "Rename",
        "mapping.profiles_delete": "Delete profile",
        "mapping.profiles_renamed": "The profile was renamed: {name}.",
        "mapping.profiles_deleted": "Profile {name} was deleted.",
        "mapping.profiles_taken": "The name {name} is already taken.",
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
        "problem.blank_rows_skipped.one": "1 blank row was skipped.",
        "problem.cannot_say_skipped": "{n} 'cannot say' (eos) answers were skipped.",
        "problem.cannot_say_skipped.one": "1 'cannot say' (eos) answer was skipped.",
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
        "problem.batch_overlap": (
            "{percent} % of these rows were already imported in import {batch} ({earlier}). "
            "The file was not imported, so that no row counts twice."
        ),
        "status.overlap": "not imported: repeats the rows of an earlier import",
        "cli.overlap_hint": (
            "If the file is a later, cumulative export of the same source, import it with "
            "--replace: it takes the earlier import's place. If its rows are different answers "
            "that only look alike, import it with --import-anyway."
        ),
        "cli.replaced": "  replaced import {batch}",
        "import.overlap_choice": (
            "If this is a later, cumulative export of the same source, replace the earlier "
            "import with this file (both happen at once). If the rows are different answers that "
            "only look alike, import the file anyway as a separate import. Otherwise cancel."
        ),
        "import.overlap_keep": "Import anyway, separately",
        "import.overlap_replace": "Replace import {batch} with this file",
        "import.overlap_cancel": "Cancel, do not import",
        "import.overlap_cancelled": "Not imported: its rows are already in import {batch}.",
        "import.overlap_replaced": "Imported as import {id}; it replaced import {old}.",
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
        "users.no_limit": "No limit (all)",
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
        "import.uploader_help": (
            "Drag the files onto the field below or choose them with its button. A file may be "
            "up to 200 MB; .xlsx, .xlsm and .csv are supported (an old .xls gets instructions)."
        ),
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
        "value.suppressed": "hidden",
        "value.none": "no data",
        "scope.all": "All units",
        "series.no_area": "No service area",
        "scope.area": "Service area {area}",
        "scope.units": "{n} units",
        "scope.units.one": "1 unit",
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
        "overview.pdf": "Download PDF for a meeting",
        "overview.pdf_title": "Tilannekuva – overview",
        "overview.pdf.status": "Status",
        "overview.pdf.previous": "Previous",
        "overview.pdf.hidden": "hidden",
        "card.latest": "{label}",
        "card.previous": "previous {label}: {value}",
        "card.year_ago": "a year earlier ({label}): {value}",
        "card.target": "target {value}",
        "card.suppressed": "Fewer than {n} answers: not shown, to protect respondents' privacy.",
        "privacy.note": (
            "A unit's month with fewer than {n} answers to a question is left out of every "
            "feedback figure, totals included, so that no single respondent's answer can be "
            "inferred. Feedback dates widen to whole months (whole weeks at week grain). "
            "Their comments are left out too."
        ),
        "trends.title": "Trends",
        "trends.indicators": "Indicators",
        "trends.choose_indicators": "Choose indicators",
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
        "col.series": "Unit or area",
        "col.value": "Value",
        "col.answers_n": "Based on (n)",
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
        "units.comments_withheld.one": (
            "1 comment was left out because its group has fewer than {min} answers."
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
        "units.export_title": "{unit} – situation picture",
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
        "export.title": "Title",
        "export.selection": "Units or service area",
        "export.dates": "Dates",
        "export.grain": "Time grain",
        "export.survey": "Survey",
        "export.question": "Question",
        "export.privacy": "Privacy",
        "export.privacy_rule": (
            "a unit's question-month with fewer than {n} answers counts in no feedback figure"
        ),
        "export.made": "Exported",
        "export.by": "Exported by",
        "export.who_open": "local user",
        "export.hidden_few": "fewer than {n} answers",
        "export.col.range": "Range",
        "export.col.source": "Source",
        "export.col.privacy": "Privacy",
        "export.col.period_start": "Period start",
        "export.range_at_least": "at least {low}",
        "export.sheet_definitions": "Indicators",
        "export.sheet_table": "Figures",
        "source.feedback": "feedback surveys",
        "source.mentor_reports": "mentor reports",
        "source.workforce": "workforce figures",
        "trends.export_title": "Tilannekuva – trends",
        "settings.targets_saved": "Targets saved ({n} changes).",
        "settings.targets_saved.one": "Targets saved (1 change).",
        "settings.targets_invalid": "Targets were not saved. Correct the cells marked in red:",
        "settings.target_problem": "Row {row}, {name}: {problem}",
        "settings.target_help": (
            "Type a number, such as 3.7 or 1,200. A mean 1–5, a share 0–100%, counts and rates "
            "at least 0."
        ),
        "settings.invalid": "Settings were not saved. Correct the fields with an error.",
        "entry.empty": "Enter a number.",
        "entry.not_a_number": "“{text}” is not a number. Write, for example, {example}.",
        "entry.not_integer": "Enter a whole number (now {value}).",
        "entry.between": "The number must be between {low} and {high} (now {value}).",
        "entry.at_least": "The number must be at least {low} (now {value}).",
        "entry.at_most": "The number must be at most {high} (now {value}).",
        "settings.defaults": "Default targets",
        "col.default_target": "Default target",
        "col.direction": "Direction",
        "direction.up": "higher is better",
        "direction.down": "lower is better",
        "col.description": "Description",
        # Coaching effectiveness and wellbeing beside feedback (issue 14).
        "nav.effectiveness": "Coaching effectiveness",
        "nav.wellbeing": "Wellbeing and service",
        "effect.title": "Coaching effectiveness",
        "effect.intro": (
            "How did the indicator develop after coaching started in the coached units, "
            "compared with units whose coaching had not yet started in the same months?"
        ),
        "effect.indicator": "Indicator",
        "effect.event_heading": "Months since coaching started",
        "effect.event_caption": (
            "A thin line is one unit, the bold line the mean over units and the shading its "
            "95% confidence interval. Month 0 is the month coaching started."
        ),
        "effect.months_since": "Months since coaching started",
        "effect.mean": "Mean",
        "effect.no_coached": (
            "No unit in the selection has a known coaching start. Add the start dates to the "
            "unit register (column Coaching start)."
        ),
        "effect.no_event_data": (
            "The coached units have no {name} figures in the 12 months before or the 18 months "
            "after their coaching started."
        ),
        "effect.did_heading": "Difference in differences by service area",
        "effect.overall": "All service areas",
        "effect.col.area": "Service area",
        "effect.col.coached": "Coached units",
        "effect.col.comparison": "Comparison units",
        "effect.col.coached_change": "Change in coached units",
        "effect.col.comparison_change": "Change in comparison units",
        "effect.col.effect": "Difference (effect estimate)",
        "effect.col.interval": "95% confidence interval",
        "effect.col.reading": "What can be concluded",
        "effect.reading.better": (
            "The indicator developed better in the coached units than in the comparison units, "
            "by more than chance. This does not prove cause: units were not assigned to "
            "coaching at random, and other things may have changed at the same time."
        ),
        "effect.reading.worse": (
            "The indicator developed worse in the coached units than in the comparison units, "
            "by more than chance. This does not prove cause: units were not assigned to "
            "coaching at random, and other things may have changed at the same time."
        ),
        "effect.reading.unclear": (
            "The difference is within chance variation: no conclusion can be drawn on whether "
            "coaching affected the indicator. There are few units, and they were not assigned "
            "to coaching at random."
        ),
        "effect.reading.no_interval": (
            "Only {n} coached or comparison unit: no interval can be computed, so nothing can "
            "be concluded from the difference. At least two of each are needed."
        ),
        "effect.reading.missing": "Cannot be computed: {reasons}.",
        "effect.reason.none": "the area has no coached units with figures",
        "effect.reason.before": "{n} units have fewer than {min} months of figures before coaching",
        "effect.reason.after": (
            "{n} units have fewer than {min} months of figures since coaching started"
        ),
        "effect.reason.comparison": (
            "{n} units have no comparison unit not yet coached with figures for the same months"
        ),
        "effect.left_out": "Left out of the estimate: {reasons}.",
        "effect.units_n": "{n} units",
        "effect.units_1": "1 unit",
        "effect.method_heading": "How this is computed",
        "effect.method": (
            "**Timeline.** Every coached unit's monthly figure is placed on months since its "
            "coaching started (−12 … +18). The mean is the mean over units, with the t "
            "interval mean ± t · s / √n.\n\n"
            "**Difference in differences.** Unit *i* starts coaching in month *s*. Its months "
            "before are *s* − 12 … *s* − 1, its months during/after *s* … *s* + 18. A "
            "comparison unit *j* is one whose coaching starts later or never; its months from "
            "its own start on are left out. A pair uses only the months where both have a "
            "figure (at least {min_before} before and {min_after} after):\n\n"
            "d(i, j) = (mean_i(after) − mean_i(before)) − (mean_j(after) − mean_j(before))\n\n"
            "A unit's estimate d(i) is the mean over its pairs, and the effect estimate the "
            "mean over units. The interval leaves each unit out in turn (jackknife) and uses "
            "Student's t (degrees of freedom: coached units − 1). Comparison units come from "
            "the whole selection, other service areas included.\n\n"
            "**Feedback.** As everywhere in the app, a unit's question-month with fewer than "
            "{min_answers} answers counts in no figure. A unit's month left with fewer than "
            "{min_answers} answers is then left out too."
        ),
        "effect.download": "Download the figures (.xlsx)",
        "effect.export.title": "Coaching effectiveness",
        "effect.export.indicator": "Indicator",
        "effect.export.method": "Method",
        "wellbeing.title": "Wellbeing and service",
        "wellbeing.intro": (
            "Are customers more satisfied in units whose staff feel better? One point is one "
            "unit in one period."
        ),
        "wellbeing.staff": "Staff indicator",
        "wellbeing.feedback": "Customer feedback indicator",
        "wellbeing.lag": "Staff figures of the previous period",
        "wellbeing.lag_help": (
            "Compare the previous period's staff figures with this period's feedback: does the "
            "staff's wellbeing show in the feedback with a delay?"
        ),
        "wellbeing.correlation": (
            "Correlation r = {r} (95% confidence interval {low} … {high}), n = {n} points "
            "({units})."
        ),
        "wellbeing.correlation_no_interval": "Correlation r = {r}, n = {n} points ({units}).",
        "wellbeing.too_few": (
            "No correlation can be computed: there are {n} points, and at least 4 unit periods "
            "with both a staff and a feedback figure are needed."
        ),
        "wellbeing.not_cause": (
            "An association is not a cause: it does not show that staff wellbeing improves "
            "service (or the other way round). Both may follow the same things, such as the "
            "unit's size, its customers or its leadership. The periods of one unit are not "
            "independent either, so the interval is narrower than it should be."
        ),
        "wellbeing.click": "Click a point to open the unit.",
        "wellbeing.col.unit": "Unit",
        "wellbeing.col.period": "Period",
        "wellbeing.col.staff_period": "Staff period",
        "wellbeing.col.answers": "Answers",
        "wellbeing.method_heading": "How this is computed",
        "wellbeing.method": (
            "**Period** is the period of the Settings page (quarter, school term or operating "
            "year). A unit's figure for a period is the mean of its monthly figures weighted by "
            "each month's count (answers, mentor reports or staff months).\n\n"
            "**Feedback.** A unit's month resting on fewer than {min_answers} answers is left "
            "out, as everywhere in the app.\n\n"
            "**Correlation** is Pearson's r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²). "
            "Its interval uses Fisher's z: tanh(atanh(r) ± 1.96 / √(n − 3)).\n\n"
            "**Lag:** the staff figure of period k − 1 against the feedback of period k."
        ),
        "wellbeing.download": "Download the figures (.xlsx)",
        "wellbeing.export.title": "Wellbeing and service",
        "wellbeing.export.lag": "Lag",
        "wellbeing.export.lag_on": "staff figures of the previous period",
        "wellbeing.export.lag_off": "the same periods",
        # Issue 12: partial periods, stale and rolling figures, the units table, Trends.
        "card.in_progress": "{label}, in progress: day {days} of {total}",
        "card.previous_part": "same part of the previous period ({start}–{end}): {value}",
        "card.year_ago_part": "same part a year earlier ({start}–{end}): {value}",
        "card.withheld.no_same_part": (
            "No comparison: there are no figures for the same part of the previous period "
            "or of the year before."
        ),
        "card.stale": "latest {label}",
        "card.stale_note": "No figures yet for {label}.",
        "card.rolling": "rolling 12 months {start}–{end} (fewer than {n} staff)",
        "card.rolling_previous": "previous 12 months ({start}–{end}): {value}",
        "status.hidden": "not assessed",
        "settings.rolling_under": "Small unit limit (staff)",
        "settings.rolling_under_help": (
            "In units with fewer staff than this, turnover, sick leave and other staff rates "
            "are taken over a rolling 12 months, since a single month's figure swings widely "
            "in a small unit. 0 = never."
        ),
        "overview.units_period": "Figures for {label}.",
        "overview.only_missing": "Show only units with a figure short of its target",
        "overview.none_missing": "No unit has a figure short of its target.",
        "overview.rolling_note": "* rolling 12 months: fewer than {n} staff.",
        "col.latest": "{name} (latest {label})",
        "trends.highlight": "Highlight a unit",
        "trends.highlight_none": "No highlight",
        "trends.others": "others",
        "import.remove_placeholder": "Choose an import to remove",
        "short.feedback_mean": "Feedback",
        "short.feedback_positive_share": "Positive",
        "short.mentor_mood": "Mood",
        "short.mentor_concerns": "Concerns",
        "short.sick_leave_days_per_fte": "Sick d./FTE",
        "short.turnover_percent": "Turnover",
        "short.headcount": "Staff",
        "trends.target_label": "target {value}",
    },
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The text for key in lang, formatted with params; falls back to Finnish, then the key."""
    table = TEXTS.get(lang) or TEXTS[DEFAULT_LANGUAGE]
    if params.get("n") == 1 and f"{key}.one" in table:
        key = f"{key}.one"  # count agreement: "1 muutos", "3 muutosta"
    text = table.get(key) or TEXTS[DEFAULT_LANGUAGE].get(key) or key
    return text.format(**params) if params else text
