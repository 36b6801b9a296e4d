"""The Swedish demo: Exempelby, the bilingual twin of Esimerkkilä, with Swedish units, service
areas, people, surveys, questions, Likert answers and mentor notes, as a Swedish-speaking
municipality's exports would hold them. Keys are the Finnish originals in demo/generate.py.

Its headers, yes/no words and term names are Swedish too, so importing it checks that the
loaders read a Swedish export as they read a Finnish one.
"""

from demo.words import Words

# Headers, yes/no and term words as a Swedish export writes them.
STRUCTURE = {
    "kyllä": "ja",
    "ei": "nej",
    "kevät": "vårterminen",
    "syksy": "höstterminen",
}
HEADERS = {
    "yksikkorekisteri.xlsx": (
        "Enhet",
        "Serviceområde",
        "Chef",
        "Coacher",
        "Mentorer",
        "Coachningen börjar",
        "Coachningen slutar",
        "Mål",
    ),
    "asiakaskysely_pitka.xlsx": (
        "Datum",
        "Enhet",
        "Enkät",
        "Fråga",
        "Respondentgrupp",
        "Skala",
        "Svar",
        "Kommentar",
    ),
    # Microsoft Forms in Swedish
    "huoltajakysely_forms.xlsx": ("ID", "Starttid", "Sluttid", "E-post", "Namn", "Enhet"),
    "arvo_raportti.xlsx": (
        "Period",
        "Enhet",
        "Enkät",
        "Fråga",
        "Respondentgrupp",
        "Skala",
        "Antal svar",
        "Medeltal",
    ),
    "hymiolaskuri.xlsx": (
        "Datum",
        "Enhet",
        "Fråga",
        "Mycket nöjd",
        "Nöjd",
        "Missnöjd",
        "Mycket missnöjd",
    ),
    "henkilosto_kuukausittain.xlsx": (
        "Månad",
        "Enhet",
        "Antal anställda",
        "Årsverken",
        "Sjukfrånvarodagar",
        "Korta sjukfrånvaroperioder",
        "Nyanställda",
        "Slutat",
        "Övertidstimmar",
        "Utbildningsdagar",
        "Arbetsolycksfall",
    ),
    "mentoriraportit.xlsx": (
        "Datum",
        "Enhet",
        "Mentor",
        "Stämning",
        "Arbetsbelastning",
        "Arbetsklimat",
        "Växelverkan",
        "Oro",
        "Iakttagelser",
        "Önskemål",
    ),
    "tavoitteet.xlsx": ("Indikator", "Målvärde", "Enhet", "År"),
}

UNITS = {
    "Päiväkoti Aurinko": "Daghemmet Solstrålen",
    "Päiväkoti Satakieli": "Daghemmet Näktergalen",
    "Päiväkoti Metsätähti": "Daghemmet Skogsstjärnan",
    "Päiväkoti Vesipisara": "Daghemmet Vattendroppen",
    "Koivukummun koulu": "Björkbacka skola",
    "Rantalan koulu": "Strandby skola",
    "Mäntymäen yhtenäiskoulu": "Tallbacka enhetsskola",
    "Kirkonkylän koulu": "Kyrkby skola",
    "Palvelukeskus Kotikallio": "Servicecentret Hemberga",
    "Kotihoito Pohjoinen": "Hemvården Norr",
    "Hoivakoti Kielo": "Vårdhemmet Liljekonvaljen",
    "Palvelutalo Lehmuskoti": "Servicehuset Lindhem",
}
AREAS = {
    "Varhaiskasvatus": "Småbarnspedagogik",
    "Perusopetus": "Grundläggande utbildning",
    "Vanhuspalvelut": "Äldreomsorg",
}
PEOPLE = {
    # managers
    "Maria Lehtonen": "Maria Lindholm",
    "Johanna Niemi": "Johanna Nyberg",
    "Katja Räsänen": "Katarina Sjöberg",
    "Tuula Hakala": "Susanne Holm",
    "Pekka Virtanen": "Peter Westerlund",
    "Sari Jokinen": "Sara Johansson",
    "Jukka Laine": "Jonas Lindqvist",
    "Anne Salo": "Anne Sundström",
    "Merja Karjalainen": "Marita Karlsson",
    "Leena Heinonen": "Lena Henriksson",
    "Raili Koskinen": "Gun Blomqvist",
    "Hannu Peltonen": "Henrik Eklund",
    # coaches
    "Anu Salminen": "Anna Sandell",
    "Jari Heikkinen": "Jari Björkman",
    "Kirsi Laaksonen": "Kristina Lönnqvist",
    "Timo Nurmi": "Tomas Nordling",
    "Hanna Korhonen": "Hanna Forsman",
    "Petri Mäkinen": "Patrik Mattsson",
    # mentors
    "Sanna K": "Camilla B",
    "Eveliina M": "Emma L",
    "Riikka P": "Rebecka P",
    "Outi H": "Ulrika H",
    "Laura V": "Linda V",
    "Minna T": "Mia T",
    "Jenni A": "Jenny A",
    "Satu L": "Sofia L",
    "Heidi R": "Heidi R",
    "Antti J": "Anders J",
    "Marjo S": "Maria S",
    "Ville K": "Viktor K",
    "Tiina R": "Tina R",
    "Mikko L": "Mikael L",
    "Elina H": "Elin H",
    "Janne P": "Jan P",
    "Kaisa M": "Karin M",
    "Päivi N": "Pia N",
    "Lauri T": "Lars T",
    "Anne-Mari K": "Ann-Mari K",
    "Jussi V": "Johan V",
    "Sirpa L": "Siv L",
    "Tarja M": "Therese M",
    "Nina S": "Nina S",
    "Maarit H": "Marita H",
    "Eija P": "Eva P",
    "Kati J": "Kaj J",
    "Marko R": "Marcus R",
}
GOALS = {
    "Vahvistamme tiimien yhteistä suunnittelua ja lasten osallisuutta arjessa.": (
        "Vi stärker teamens gemensamma planering och barnens delaktighet i vardagen."
    ),
    "Tiedonkulku huoltajien kanssa sujuvaksi ja vastuut selkeiksi tiimeissä.": (
        "Smidig informationsgång med vårdnadshavarna och tydliga ansvar i teamen."
    ),
    "Vähennämme kiirettä hyvällä työnjaolla ja yhteisillä pelisäännöillä.": (
        "Vi minskar brådskan med god arbetsfördelning och gemensamma spelregler."
    ),
    "Pedagoginen dokumentointi osaksi jokaisen ryhmän arkea.": (
        "Pedagogisk dokumentation som en del av varje grupps vardag."
    ),
    "Yhteisopettajuus tutuksi ja työrauha paremmaksi kaikilla luokilla.": (
        "Samundervisning blir bekant och arbetsron bättre i alla klasser."
    ),
    "Uusien opettajien perehdytys ja yhteisöllinen oppilashuolto kuntoon.": (
        "En bättre introduktion för nya lärare och en fungerande gemensam elevhälsa."
    ),
    "Ala- ja yläkoulun opettajat suunnittelevat ja arvioivat opetusta yhdessä.": (
        "Lärarna i årskurserna 1–6 och 7–9 planerar och utvärderar undervisningen tillsammans."
    ),
    "Kyläkoulun yhteisöllisyys vahvuudeksi ja huoltajat mukaan koulun arkeen.": (
        "Byskolans gemenskap blir en styrka och vårdnadshavarna deltar i skolans vardag."
    ),
    "Asukaslähtöinen arki ja työvuorosuunnittelu, joka tukee jaksamista.": (
        "En vardag som utgår från de boende och en arbetsturplanering som stöder orken."
    ),
    "Kotihoidon reitit sujuviksi ja asiakaskäynnit ennakoitaviksi.": (
        "Smidiga rutter inom hemvården och förutsägbara klientbesök."
    ),
    "Omahoitajuus todeksi ja kirjaamiseen yhteinen käytäntö.": (
        "Egenvårdarskapet förverkligas och dokumentationen får en gemensam praxis."
    ),
    "Yhteisöllistä toimintaa asukkaiden arkeen ja hyvä perehdytys uusille.": (
        "Gemensam verksamhet i de boendes vardag och en god introduktion för nya anställda."
    ),
}
SURVEYS = {
    "Asiakaskysely": "Kundenkät",
    "Varhaiskasvatuksen huoltajakysely": "Enkät till vårdnadshavare inom småbarnspedagogiken",
    "Oppilaskysely": "Elevenkät",
    "Asiakastyytyväisyyskysely": "Enkät om klientnöjdhet",
    "Huoltaja": "Vårdnadshavare",
    "Oppilas": "Elev",
    "Asiakas": "Klient",
    "Omainen": "Anhörig",
}
QUESTIONS = {
    # the long customer survey
    "Saan ystävällistä ja asiallista palvelua": "Jag får vänlig och saklig service",
    "Saan tarvitsemani tiedon helposti": "Jag får lätt den information jag behöver",
    "Palvelu vastaa tarpeitani": "Servicen motsvarar mina behov",
    "Olen kokonaisuutena tyytyväinen palveluun": "Jag är som helhet nöjd med servicen",
    # the guardians' Forms survey
    "Lapseni viihtyy päiväkodissa tai koulussa": "Mitt barn trivs i daghemmet eller skolan",
    "Saan riittävästi tietoa lapseni päivästä ja oppimisesta": (
        "Jag får tillräckligt med information om mitt barns dag och lärande"
    ),
    "Yhteistyö henkilöstön kanssa sujuu hyvin": "Samarbetet med personalen fungerar bra",
    "Lapseni on turvassa": "Mitt barn är tryggt",
    "Kuinka todennäköisesti suosittelisit yksikköä muille perheille? (0–10)": (
        "Hur sannolikt är det att du skulle rekommendera enheten till andra familjer? (0–10)"
    ),
    "Terveisiä ja kehittämisideoita henkilöstölle": (
        "Hälsningar och utvecklingsidéer till personalen"
    ),
    # the national report
    "Lapseni saa yksilöllistä huomiota": "Mitt barn får individuell uppmärksamhet",
    "Lapseni oppii uusia asioita": "Mitt barn lär sig nya saker",
    "Minua kuunnellaan lastani koskevissa asioissa": "Jag blir hörd i frågor som gäller mitt barn",
    "Yhteistyö kodin kanssa on toimivaa": "Samarbetet med hemmet fungerar",
    "Viihdyn koulussa": "Jag trivs i skolan",
    "Luokassani on työrauha": "Det är arbetsro i min klass",
    "Opettajat kannustavat minua": "Lärarna uppmuntrar mig",
    "Tunnen oloni turvalliseksi koulussa": "Jag känner mig trygg i skolan",
    "Minua kohdellaan arvostavasti": "Jag blir bemött med respekt",
    "Saan apua silloin, kun tarvitsen": "Jag får hjälp när jag behöver det",
    "Voin vaikuttaa arkeeni": "Jag kan påverka min vardag",
    "Olen tyytyväinen palveluun": "Jag är nöjd med servicen",
    # the smiley terminals
    "Miten kouluruoka maistui tänään?": "Hur smakade skolmaten i dag?",
    "Miten onnistuimme tänään?": "Hur lyckades vi i dag?",
}
# The agreement scale as Finland-Swedish surveys write it (a translation of "täysin samaa mieltä"
# and its kin), and the answer that is no answer.
ANSWERS = {
    "Täysin eri mieltä": "Helt av annan åsikt",
    "Jokseenkin eri mieltä": "Delvis av annan åsikt",
    "Ei samaa eikä eri mieltä": "Varken av samma eller annan åsikt",
    "Jokseenkin samaa mieltä": "Delvis av samma åsikt",
    "Täysin samaa mieltä": "Helt av samma åsikt",
    "En osaa sanoa": "Kan inte säga",
}
COMMENTS = {
    # early childhood education
    "Lapsi lähtee aamuisin mielellään päiväkotiin.": (
        "Barnet går gärna till daghemmet på morgnarna."
    ),
    "Kiitos ihanasta henkilökunnasta, arki on turvallista.": (
        "Tack för en underbar personal, vardagen känns trygg."
    ),
    "Hienoa, että ulkoillaan paljon säästä riippumatta.": (
        "Fint att ni är ute mycket oberoende av vädret."
    ),
    "Varhaiskasvatussuunnitelman keskustelu oli tosi hyödyllinen.": (
        "Samtalet om planen för småbarnspedagogik var verkligen nyttigt."
    ),
    "Tietoa päivän tapahtumista saisi tulla enemmän.": (
        "Vi skulle gärna få veta mer om vad som händer under dagen."
    ),
    "Henkilökunta vaihtuu usein, lapsen on vaikea kiintyä.": (
        "Personalen byts ofta, det är svårt för barnet att knyta an."
    ),
    "Kesän päivystysjärjestelyistä kerrottiin liian myöhään.": (
        "Vi fick höra om sommarens jourarrangemang för sent."
    ),
    "Ryhmässä on liikaa lapsia aikuisten määrään nähden.": (
        "Det finns för många barn i gruppen i förhållande till antalet vuxna."
    ),
    "Viesteihin vastataan hitaasti, eikä kukaan tunnu tietävän mitään.": (
        "Meddelanden besvaras långsamt och ingen verkar veta något."
    ),
    "Sijaisia on niin paljon, ettei lasta tunneta.": (
        "Det är så många vikarier att ingen känner barnet."
    ),
    # basic education
    "Opettaja vastaa Wilma-viesteihin nopeasti ja ystävällisesti.": (
        "Läraren svarar snabbt och vänligt på Wilma-meddelanden."
    ),
    "Lapsi kertoo viihtyvänsä koulussa ja saavansa apua.": (
        "Mitt barn berättar att hen trivs i skolan och får hjälp."
    ),
    "Koulun tapahtumat ovat olleet upeita.": "Skolans evenemang har varit fantastiska.",
    "Kiitos joustavasta tuesta läksyjen kanssa.": "Tack för det flexibla stödet med läxorna.",
    "Kiusaamiseen voisi puuttua nopeammin.": "Man kunde ingripa snabbare mot mobbning.",
    "Tiedotus on pirstaleista, välillä tietoa tulee monesta paikasta.": (
        "Informationen är splittrad, ibland kommer den från många håll."
    ),
    "Välitunneilla on liian vähän valvontaa.": "Det finns för lite rastövervakning.",
    "Luokassa on jatkuvasti levotonta, opiskelu ei onnistu.": (
        "Det är ständigt oroligt i klassen, det går inte att studera."
    ),
    "Yhteydenottoihin ei ole vastattu viikkoihin.": (
        "Ingen har svarat på våra kontakter på flera veckor."
    ),
    "Ruokala on ahdas ja meluisa, ruokailuun ei ehdi.": (
        "Matsalen är trång och bullrig, man hinner inte äta."
    ),
    # elderly services
    "Hoitajat ovat kiireestä huolimatta aina ystävällisiä.": (
        "Vårdarna är alltid vänliga trots brådskan."
    ),
    "Äiti on viihtynyt hyvin ja saa apua, kun tarvitsee.": (
        "Mamma har trivts bra och får hjälp när hon behöver."
    ),
    "Viriketoiminta on monipuolista, kiitos!": "Aktiviteterna är mångsidiga, tack!",
    "Omahoitaja pitää meihin omaisiin hyvin yhteyttä.": (
        "Egenvårdaren håller god kontakt med oss anhöriga."
    ),
    "Käyntiajat vaihtelevat paljon, olisi hyvä tietää etukäteen.": (
        "Besökstiderna varierar mycket, det vore bra att veta på förhand."
    ),
    "Ruoka on hyvää, mutta annokset ovat joskus kylmiä.": (
        "Maten är god, men portionerna är ibland kalla."
    ),
    "Omaisille voisi kertoa muutoksista aiemmin.": (
        "De anhöriga kunde få höra om förändringar tidigare."
    ),
    "Hoitajilla ei ole aikaa jutella, kaikki tehdään kiireellä.": (
        "Vårdarna har inte tid att prata, allt görs i all hast."
    ),
    "Lääkkeet ovat unohtuneet useamman kerran.": "Mediciner har glömts bort flera gånger.",
    "Kotihoidon käynnit myöhästyvät tunteja, eikä siitä ilmoiteta.": (
        "Hemvårdens besök blir timmar försenade, och ingen meddelar om det."
    ),
}
MENTOR_NOTES = {
    # observations
    "Tiimi on löytänyt yhteisen rytmin, palavereissa on hyvä henki.": (
        "Teamet har hittat en gemensam rytm, det är god stämning på mötena."
    ),
    "Työnjako on selkeytynyt ja uudet työntekijät ovat päässeet hyvin mukaan.": (
        "Arbetsfördelningen har blivit tydligare och de nyanställda har kommit väl in i arbetet."
    ),
    "Onnistumisia jaetaan aiempaa enemmän, esihenkilö on läsnä arjessa.": (
        "Man delar med sig av det som lyckats mer än förut, chefen är närvarande i vardagen."
    ),
    "Valmennuksen harjoitukset on otettu käyttöön omissa tiimeissä.": (
        "Övningarna från coachningen har tagits i bruk i de egna teamen."
    ),
    "Porukka auttaa toisiaan kiireisinäkin päivinä.": (
        "Gänget hjälper varandra också under de mest hektiska dagarna."
    ),
    "Arki sujuu, mutta kiirettä on paljon ja tauot jäävät välillä pitämättä.": (
        "Vardagen fungerar, men det är mycket bråttom och pauserna blir ibland inte av."
    ),
    "Sijaisjärjestelyt kuormittavat, muuten tunnelma on ollut kohtalainen.": (
        "Vikariearrangemangen belastar, annars har stämningen varit hygglig."
    ),
    "Tiimien välillä on eroja, yksi tiimi kaipaa tukea työnjakoon.": (
        "Det finns skillnader mellan teamen, ett team behöver stöd med arbetsfördelningen."
    ),
    "Muutoksista on puhuttu, mutta kaikki eivät vielä tiedä, mitä ne tarkoittavat.": (
        "Förändringarna har diskuterats, men alla vet ännu inte vad de innebär."
    ),
    "Sijaisia ei ole saatu ja työt kasautuvat samoille ihmisille.": (
        "Det har inte gått att få vikarier och arbetet hopar sig på samma personer."
    ),
    "Tiimissä on useita pitkiä sairauspoissaoloja, jaksaminen on koetuksella.": (
        "Teamet har flera långa sjukfrånvaron, orken sätts på prov."
    ),
    "Palavereissa on hiljaista ja osa kokee, ettei heitä kuulla.": (
        "Det är tyst på mötena och en del upplever att de inte blir hörda."
    ),
    "Ristiriitoja työnjaosta, osa kokee kantavansa muiden kuorman.": (
        "Konflikter om arbetsfördelningen, en del upplever att de bär andras börda."
    ),
    "Muutokset ovat tulleet nopeasti ilman yhteistä keskustelua, väki on väsynyttä.": (
        "Förändringarna har kommit snabbt utan gemensam diskussion, folk är trötta."
    ),
    # wishes
    "Lisää yhteistä suunnitteluaikaa tiimeille.": "Mer gemensam planeringstid för teamen.",
    "Selkeämmät pelisäännöt sijaisten perehdytykseen.": (
        "Tydligare spelregler för introduktionen av vikarier."
    ),
    "Esihenkilöltä säännöllisiä kahdenkeskisiä keskusteluja.": (
        "Regelbundna enskilda samtal med chefen."
    ),
    "Työnohjausta tai tukea kuormittaviin tilanteisiin.": (
        "Arbetshandledning eller stöd i belastande situationer."
    ),
    "Yhteinen virkistyspäivä koko henkilöstölle.": (
        "En gemensam rekreationsdag för hela personalen."
    ),
    "Vähemmän päällekkäisiä palavereja.": "Färre överlappande möten.",
}

SWEDISH = Words(
    lang="sv",
    municipality="Exempelby kommun",
    register_title="Exempelby kommun – enheter i arbetsgemenskapscoachning",
    updated="Uppdaterad 31.10.2026",
    respondent="Svarande",
    files={
        "yksikkorekisteri.xlsx": "enhetsregister.xlsx",
        "asiakaskysely_pitka.xlsx": "kundenkat_lang.xlsx",
        "huoltajakysely_forms.xlsx": "vardnadshavarenkat_forms.xlsx",
        "arvo_raportti.xlsx": "arvo_rapport.xlsx",
        "hymiolaskuri.xlsx": "smileyraknare.xlsx",
        "henkilosto_kuukausittain.xlsx": "personal_per_manad.xlsx",
        "mentoriraportit.xlsx": "mentorsrapporter.xlsx",
        "tavoitteet.xlsx": "malvarden.xlsx",
    },
    sheets={
        "Yksiköt": "Enheter",
        "Vastaukset": "Svar",
        "Sheet1": "Blad1",
        "Raportti": "Rapport",
        "Laskurit": "Räknare",
        "Henkilöstö": "Personal",
        "Raportit": "Rapporter",
        "Tavoitteet": "Målvärden",
    },
    headers=HEADERS,
    texts={
        **STRUCTURE,
        **UNITS,
        **AREAS,
        **PEOPLE,
        **GOALS,
        **SURVEYS,
        **QUESTIONS,
        **ANSWERS,
        **COMMENTS,
        **MENTOR_NOTES,
    },
)
