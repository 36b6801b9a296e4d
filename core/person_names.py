"""Finnish and Swedish first names and surnames common in Finland, and the endings most other
surnames have: what core.personal_text and loaders.personal_data recognise a person's name by.

The lists need not be complete: a name is also recognised by its shape (a first name next to
a word with a surname's ending), and a column by its share of such cells."""

FIRST_NAMES = frozenset(
    """
    Aada Aamu Aapo Aarne Aaro Aatu Aila Aili Aino Akseli Aleksi Alexander Alisa Alva Amanda
    Amira Anders Anja Anna Anna-Liisa Anna-Maija Anne Anneli Annika Annikki Antero Antti Anu
    Armas Arja Arto Arttu Arvo Astrid Atte Aune Aurora Axel Barbro Bengt Birgitta Bo Britt
    Camilla Carl Cecilia Christian Daniel David Ebba Edvin Eemeli Eemil Eero Eetu Eeva Eevi
    Eija Eila Eino Elias Elin Elina Elisa Elisabet Elisabeth Ella Ellen Elli Elmeri Elsa Emil
    Emilia Emma Enni Erik Erkki Esa Essi Eva Filip Fredrik Frida Gun Gunilla Gustav Göran
    Hampus Hanna Hannele Hannu Hans Harri Heidi Heikki Heli Helena Helmi Helvi Henna Henri
    Henrik Hilkka Hilma Hugo Håkan Ida Iida Iines Iivari Ilari Ilkka Ilmari Ilona Ilpo Inga
    Inger Ingrid Inka Inkeri Irja Irma Isla Jaakko Jaana Jan Jani Janne Jari Jarmo Jenna Jenni
    Jenny Jere Jesse Johan Johanna Johannes Jonas Joni Joona Joonas Jorma Jouko Jouni Juha
    Juhani Juho Jukka Julia Julius Jussi Jyrki Jaakob Kaarina Kai Kaija Kaisa Kalevi Kalle
    Kari Karin Karl Kasper Katariina Kati Katja Kauko Keijo Kerttu Kiia Kim Kimmo Kirsi
    Kirsti Kjell Kristian Kristiina Kristina Kyösti Lars Lasse Lassi Lauri Laura Leena Leevi
    Leif Lena Leo Liisa Lilja Linda Linnea Lotta Louise Luka Maarit Magnus Maija Maja Malin
    Margareta Maria Marie Marika Marja Marja-Liisa Marjatta Marketta Marko Markku Markus Martti
    Matias Matilda Mats Matti Mattias Merja Mervi Mia Mikael Mikko Mika Milla Minea Minna
    Mirja Miro Monica Nea Nelli Niilo Niina Niklas Niko Nils Noora Nooa Olavi Oliver Olivia
    Olli Oona Orvokki Oskar Oskari Otto Outi Paavo Pasi Patrik Paula Peppi Per Pekka Pentti
    Pertti Petri Petteri Pia Pihla Pirjo Pirkko Päivi Raija Raimo Rasmus Reijo Reino Riikka
    Riitta Risto Ritva Robert Rolf Ronja Roope Saara Saga Sakari Salla Sami Samuel Samuli
    Sanna Santeri Sara Sari Satu Sebastian Seija Seppo Severi Signe Siiri Simo Sinikka Siri
    Sirkka Sirpa Sisko Siv Sofia Solveig Stefan Stella Stina Susanna Sven Tanja Tapani Tapio
    Tarja Tauno Teemu Tellervo Terhi Tero Timo Tiina Tobias Toivo Tomi Tommi Toni Topi Topias
    Tuomas Tuomo Tuukka Tuula Ulf Ulla Unto Urho Valtteri Veeti Veera Veikko Venla Verneri
    Vesa Viktor Vilho Viljami Ville Vilma Väinö Wilma Ylva Åke Åsa
    """.split()
)

# Names that are also ordinary words ("ilo" joy, "toivo" hope, "satu" fairy tale): alone at
# the start of a sentence they are taken as the word, elsewhere as the name.
WORD_NAMES = frozenset(
    """
    Aamu Anna Aino Armas Arvo Helmi Ilo Ilona Into Kai Kari Kielo Lumi Onni Rauha Satu Sulo
    Taimi Toivo Tuuli Urho Usko Valo Vesa Vilja Voitto Lilja Oiva Lempi Bo Per Kim Mia Siri
    Gun Saga Stella Signe
    """.split()
)

SURNAMES = frozenset(
    """
    Aalto Aaltonen Ahola Ahonen Andersson Anttila Backman Bengtsson Berg Bergström Björklund
    Blomqvist Ek Eklund Eklöf Engström Eriksson Eskelinen Fagerström Forsberg Granholm
    Grönroos Gustafsson Hakala Hakkarainen Halonen Hansson Harju Heikkilä Heikkinen Heinonen
    Hiltunen Hirvonen Holm Holmberg Holmström Honkanen Huttunen Hyvönen Hämäläinen Ikonen
    Immonen Jansson Johansson Jokinen Jonsson Järvinen Jääskeläinen Kallio Karjalainen
    Karlsson Karppinen Kauppinen Kemppainen Ketola Kettunen Kinnunen Koivisto Kokkonen
    Koponen Korhonen Koskinen Kärkkäinen Laakso Laaksonen Lahtinen Laine Laitinen Larsson
    Lehtinen Lehto Lehtonen Leinonen Leppänen Lindberg Lindgren Lindholm Lindqvist Lindroos
    Lindström Lund Lundberg Lundgren Lundqvist Manninen Mattila Mattsson Meikäläinen
    Miettinen Mikkonen Moilanen Mustonen Mäkelä Mäki Mäkinen Niemelä Niemi Nieminen Nilsson
    Niskanen Nordström Nurmi Nyman Nyström Ojala Olsson Partanen Pelkonen Peltonen Persson
    Pesonen Pettersson Pitkänen Pulkkinen Rantanen Rautiainen Rinne Räsänen Saarinen Salminen
    Salo Salonen Sandberg Savolainen Seppälä Sirviö Sjöberg Sjöblom Stenroos Strand
    Sundström Svensson Tikkanen Toivonen Tuominen Turunen Vainio Vartiainen Virtanen Väisänen
    Wallin Westerlund Wikström Åberg Öhman
    """.split()
)

# Surnames that are also ordinary words ("mäki" hill, "niemi" cape, "laine" wave).
WORD_SURNAMES = frozenset(
    """
    Aalto Berg Ek Harju Holm Kallio Laakso Laine Lehto Lund Mäki Niemi Nurmi Rinne Salo Strand
    """.split()
)

# Endings of most Finnish and Finland-Swedish surnames (Virtanen, Heikkilä, Johansson,
# Lindqvist, Grönroos), for names the lists above do not hold.
SURNAME_ENDINGS = (
    "nen",
    "la",
    "lä",
    "sson",
    "son",
    "berg",
    "ström",
    "qvist",
    "kvist",
    "lund",
    "holm",
    "gren",
    "roos",
    "blom",
    "backa",
    "man",
    "ius",
    "io",
    "iö",
)

# Words that name someone by their surname next ("rouva Virtanen", "opettaja Korhonen").
TITLES = frozenset(
    """
    rouva herra neiti opettaja hoitaja ohjaaja lääkäri rehtori esihenkilö johtaja tohtori
    fru herr fröken lärare rektor doktor mrs mr ms miss dr
    """.split()
)
