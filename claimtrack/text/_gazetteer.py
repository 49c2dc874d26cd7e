"""Shipped gazetteer: canonical English name -> spellings (English, German, Russian, Kazakh).

Countries come from the CLDR territory names that Babel ships (en, de, ru, kk, uk), plus the
older and colloquial names below; cities and regions are listed here by hand.
"""

from __future__ import annotations

# Extra country spellings CLDR does not carry (canonical name must equal Babel's English name).
COUNTRY_EXTRAS: dict[str, list[str]] = {
    "Belarus": ["Weißrussland", "Weissrussland", "Byelorussia", "Belorussia", "Белоруссия"],
    "Kyrgyzstan": ["Kirgistan", "Kirgisien", "Kirgisistan", "Kirghizia", "Киргизия"],
    "Kazakhstan": ["Kasachstan", "Kazakstan", "Qazaqstan", "Казахстан"],
    "United States": ["USA", "US", "U.S.", "U.S.A.", "Vereinigte Staaten", "America", "Amerika",
                      "United States of America", "США"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain", "Großbritannien",
                       "Grossbritannien", "Vereinigtes Königreich", "Британия"],
    "Russia": ["Russland", "Russian Federation", "Russische Föderation", "Rußland", "РФ"],
    "Netherlands": ["Holland", "Niederlande"],
    "Czechia": ["Czech Republic", "Tschechien", "Tschechische Republik"],
    "Türkiye": ["Turkey", "Türkei", "Turkei"],
    "Myanmar (Burma)": ["Myanmar", "Burma", "Birma"],
    "Moldova": ["Moldau", "Moldawien", "Republik Moldau"],
    "China": ["Volksrepublik China", "PRC"],
    "Iran": ["Persien"],
    "Tajikistan": ["Tadschikistan", "Таджикистан"],
    "Uzbekistan": ["Usbekistan", "Узбекистан"],
    "Turkmenistan": ["Туркмения"],
    "Ukraine": ["Украина"],
    "Georgia": ["Georgien", "Грузия"],
    "Armenia": ["Armenien"],
    "Azerbaijan": ["Aserbaidschan"],
    "North Korea": ["Nordkorea", "DPRK"],
    "South Korea": ["Südkorea", "Republic of Korea"],
    "Congo - Kinshasa": ["DR Congo", "Demokratische Republik Kongo", "DRC"],
}  # fmt: skip

CITIES: dict[str, list[str]] = {
    "Almaty": ["Alma-Ata", "Alma Ata", "Almaty", "Алматы", "Алма-Ата"],
    "Astana": ["Nur-Sultan", "Nursultan", "Nur Sultan", "Astana", "Астана", "Нур-Султан", "Akmola",
               "Tselinograd"],
    "Shymkent": ["Schymkent", "Chimkent", "Шымкент", "Чимкент"],
    "Karaganda": ["Karagandy", "Qaraghandy", "Караганда"],
    "Aktobe": ["Aqtobe", "Актобе"],
    "Aktau": ["Aqtau", "Актау"],
    "Taraz": ["Taras", "Тараз"],
    "Zhanaozen": ["Schangaösen", "Zhanaozen", "Janaozen", "Жанаозен", "Zhanaözen"],
    "Atyrau": ["Атырау"],
    "Taldykorgan": ["Талдыкорган"],
    "Bishkek": ["Bischkek", "Бишкек"],
    "Tashkent": ["Taschkent", "Ташкент"],
    "Dushanbe": ["Duschanbe", "Душанбе"],
    "Ashgabat": ["Aschgabat", "Ашхабад"],
    "Moscow": ["Moskau", "Москва", "Moskva"],
    "Saint Petersburg": ["St. Petersburg", "Sankt Petersburg", "Санкт-Петербург", "Petersburg"],
    "Kaliningrad": ["Königsberg", "Калининград"],
    "Novosibirsk": ["Nowosibirsk", "Новосибирск"],
    "Yekaterinburg": ["Jekaterinburg", "Ekaterinburg", "Екатеринбург"],
    "Kazan": ["Kasan", "Казань"],
    "Minsk": ["Минск"],
    "Kyiv": ["Kiew", "Kiev", "Київ", "Киев"],
    "Kharkiv": ["Charkiw", "Kharkov", "Charkow", "Харків", "Харьков"],
    "Odesa": ["Odessa", "Одеса", "Одесса"],
    "Lviv": ["Lwiw", "Lemberg", "Lvov", "Львів", "Львов"],
    "Mariupol": ["Mariupol", "Маріуполь", "Мариуполь"],
    "Donetsk": ["Donezk", "Донецьк", "Донецк"],
    "Luhansk": ["Luhansk", "Lugansk", "Luhansk", "Луганськ", "Луганск"],
    "Tbilisi": ["Tiflis", "Тбилиси"],
    "Yerevan": ["Eriwan", "Ереван"],
    "Baku": ["Баку"],
    "Berlin": ["Берлин"], "Hamburg": [], "Munich": ["München", "Muenchen", "Мюнхен"],
    "Cologne": ["Köln", "Koeln"], "Frankfurt": ["Frankfurt am Main"], "Stuttgart": [],
    "Düsseldorf": ["Duesseldorf", "Dusseldorf"], "Leipzig": [], "Dresden": [], "Bonn": [],
    "Hanover": ["Hannover"], "Nuremberg": ["Nürnberg", "Nuernberg"], "Bremen": [],
    "Vienna": ["Wien", "Вена"], "Zurich": ["Zürich", "Zuerich"], "Geneva": ["Genf", "Женева"],
    "Bern": [], "Brussels": ["Brüssel", "Bruxelles", "Брюссель"], "Paris": ["Париж"],
    "London": ["Лондон"], "Rome": ["Rom", "Roma", "Рим"], "Madrid": [], "Barcelona": [],
    "Lisbon": ["Lissabon", "Lisboa"], "Amsterdam": [], "The Hague": ["Den Haag"],
    "Warsaw": ["Warschau", "Warszawa", "Варшава"], "Prague": ["Prag", "Praha", "Прага"],
    "Budapest": [], "Bucharest": ["Bukarest"], "Sofia": [], "Belgrade": ["Belgrad"],
    "Athens": ["Athen"], "Istanbul": ["Стамбул"], "Ankara": [], "Stockholm": [], "Oslo": [],
    "Copenhagen": ["Kopenhagen"], "Helsinki": [], "Vilnius": ["Wilna"], "Riga": [],
    "Tallinn": ["Reval"], "Dublin": [], "Strasbourg": ["Straßburg", "Strassburg"],
    "Washington": ["Washington, D.C.", "Вашингтон"], "New York": ["New York City", "Нью-Йорк"],
    "Los Angeles": [], "Chicago": [], "Beijing": ["Peking", "Пекин"], "Shanghai": [],
    "Hong Kong": ["Hongkong"], "Tokyo": ["Tokio", "Токио"], "Seoul": ["Seoul"],
    "New Delhi": ["Neu-Delhi", "Delhi"], "Mumbai": ["Bombay"], "Tehran": ["Teheran"],
    "Baghdad": ["Bagdad"], "Damascus": ["Damaskus"], "Beirut": [], "Jerusalem": [],
    "Tel Aviv": [], "Cairo": ["Kairo"], "Kabul": [], "Islamabad": [], "Riyadh": ["Riad"],
    "Dubai": [], "Doha": [], "Nairobi": [], "Lagos": [], "Johannesburg": [],
    "Brasília": ["Brasilia"], "Rio de Janeiro": [], "São Paulo": ["Sao Paulo"],
    "Buenos Aires": [], "Mexico City": ["Mexiko-Stadt"], "Ottawa": [], "Toronto": [],
    "Sydney": [], "Canberra": [], "Urumqi": ["Ürümqi", "Urumtschi"],
}  # fmt: skip

REGIONS: dict[str, list[str]] = {
    "Crimea": ["Krim", "Крым"], "Donbas": ["Donbass", "Донбас", "Донбасс"],
    "Mangystau": ["Mangghystau", "Mangistau", "Mangyshlak", "Мангистау"],
    "Chechnya": ["Tschetschenien", "Чечня"], "Siberia": ["Sibirien", "Сибирь"],
    "Xinjiang": ["Sinkiang"], "Tibet": [], "Kashmir": ["Kaschmir"],
    "Gaza Strip": ["Gaza", "Gazastreifen"], "West Bank": ["Westjordanland"],
    "Nagorno-Karabakh": ["Bergkarabach", "Karabakh", "Karabach"],
    "Bavaria": ["Bayern"], "Saxony": ["Sachsen"], "Catalonia": ["Katalonien", "Catalunya"],
    "Scotland": ["Schottland"], "Wales": [], "England": [], "Kurdistan": [],
    "Transnistria": ["Transnistrien"], "Abkhazia": ["Abchasien"],
    "South Ossetia": ["Südossetien"], "Zaporizhzhia Oblast": ["Saporischschja", "Zaporizhzhia"],
    "Kherson Oblast": ["Cherson", "Kherson"], "Europe": ["Europa", "Европа"],
    "Central Asia": ["Zentralasien", "Центральная Азия"],
    "Lower Saxony": ["Niedersachsen"], "North Rhine-Westphalia": ["Nordrhein-Westfalen", "NRW"],
    "Rhineland-Palatinate": ["Rheinland-Pfalz"], "Hesse": ["Hessen"], "Thuringia": ["Thüringen"],
    "Brandenburg": [], "Baden-Württemberg": ["Baden-Wuerttemberg"], "Schleswig-Holstein": [],
    "Saxony-Anhalt": ["Sachsen-Anhalt"], "Saarland": [],
    "Mecklenburg-Western Pomerania": ["Mecklenburg-Vorpommern"],
    "Crete": ["Kreta"], "Rhodes": ["Rhodos"], "Corfu": ["Korfu", "Kerkyra"],
    "Evia": ["Euböa", "Euboea", "Evvia"], "Lesbos": ["Lesvos"], "Sicily": ["Sizilien"],
    "Sardinia": ["Sardinien"], "Lampedusa": [], "Mallorca": ["Majorca"],
    "Tenerife": ["Teneriffa"], "Corsica": ["Korsika"],
    # the polar regions (Antarctica is no country for CLDR): "in der Antarktis" vs "in Grönland"
    "Antarctica": ["Antarktis", "Antarktika", "Antarctic", "Антарктида"],
    "Arctic": ["Arktis", "Арктика"],
}  # fmt: skip

# Seas, gulfs and straits where ships are attacked, seized or sink: "the Gulf of Aden" and "the
# Persian Gulf" are two places (German forms as inflected after "im"/"ins").
SEAS: dict[str, list[str]] = {
    "Gulf of Aden": ["Golf von Aden"], "Persian Gulf": ["Persischer Golf", "Persischen Golf"],
    "Gulf of Oman": ["Golf von Oman"], "Red Sea": ["Rotes Meer", "Roten Meer", "Rote Meer"],
    "Black Sea": ["Schwarzes Meer", "Schwarzen Meer", "Schwarze Meer"],
    "Baltic Sea": ["Ostsee"], "North Sea": ["Nordsee"],
    "Mediterranean": ["Mediterranean Sea", "Mittelmeer"],
    "Aegean Sea": ["Ägäis", "Aegean", "Ägäischen Meer"],
    "Caspian Sea": ["Kaspisches Meer", "Kaspischen Meer"],
    "Arabian Sea": ["Arabisches Meer", "Arabischen Meer"],
    "South China Sea": ["Südchinesisches Meer", "Südchinesischen Meer"],
    "Strait of Hormuz": ["Straße von Hormus", "Strasse von Hormus", "Hormus"],
    "Bab el-Mandeb": ["Bab al-Mandab", "Bab el-Mandab"],
    "English Channel": ["Ärmelkanal"],
}  # fmt: skip

# Rivers, German and English: where a flood crests, a ship runs aground or a bridge falls, the
# river is the place ("die Donau in Passau" vs "der Inn in Passau" are two claims). A river is
# compared only with another river (it runs through cities and countries, so it contradicts
# none of them). Names that are also common words count only after an article or "river"
# (``AMBIGUOUS_RIVERS``: "am Main", "die Oder", "the Inn", not "Main roads", "oder").
RIVERS: dict[str, list[str]] = {
    "Danube": ["Donau"], "Rhine": ["Rhein"], "Elbe": [], "Oder": ["Odra"], "Inn": [],
    "Main": [], "Moselle": ["Mosel"], "Weser": [], "Neckar": [], "Isar": [], "Spree": [],
    "Havel": [], "Saale": [], "Lech": [], "Neisse": ["Neiße", "Neisse", "Nysa Łużycka"],
    "Vltava": [], "Thames": ["Themse"], "Seine": [], "Loire": [], "Rhône": ["Rhone"],
    "Tiber": ["Tevere"], "Vistula": ["Weichsel", "Wisła", "Wisla"],
    "Dnieper": ["Dnipro", "Dnjepr"], "Volga": ["Wolga"], "Nile": ["Nil"],
    "Euphrates": ["Euphrat"], "Tigris": [], "Ganges": [], "Yangtze": ["Jangtse", "Jangtsekiang"],
    "Ebro": [], "Tagus": ["Tajo", "Tejo"], "Drina": [], "Sava": ["Save"],
    # tributaries that flood in Central Europe, and other large rivers of Europe
    "Opava": ["Oppa"], "Bílina": ["Biela"], "Ohře": ["Eger", "Ohre"], "Morava": [],
    "Thaya": ["Dyje"], "Olza": ["Olše"], "Ostravice": [], "Bóbr": ["Bober"],
    "Kłodzko Neisse": ["Glatzer Neiße", "Glatzer Neisse", "Nysa Kłodzka"], "Warta": ["Warthe"],
    "Mulde": [], "White Elster": ["Weiße Elster", "Weisse Elster"],
    "Black Elster": ["Schwarze Elster"], "Ems": [], "Lahn": [], "Ruhr": [],
    "Saar": [], "Ahr": [], "Erft": [], "Kyll": [], "Fulda": [],
    "Werra": [], "Unstrut": [], "Ilm": [], "Naab": [],
    "Altmühl": [], "Iller": [], "Wertach": [], "Salzach": [], "Traun": [], "Enns": [],
    "Mur": [], "Drava": ["Drau"], "Tisza": ["Theiß", "Theiss"], "Prut": ["Pruth"],
    "Dniester": ["Dnister", "Dnjestr"], "Southern Bug": ["Südlicher Bug"], "Po": [],
    "Adige": ["Etsch"], "Arno": [], "Piave": [], "Garonne": [], "Dordogne": [], "Marne": [],
    "Somme": [], "Meuse": ["Maas"], "Scheldt": ["Schelde", "Escaut"], "Vesdre": [],
    "Severn": [], "Trent": [], "Douro": ["Duero"], "Guadalquivir": [], "Shannon": [],
}  # fmt: skip
# Names that are also common words, towns or regions: a river only after an article or "river".
AMBIGUOUS_RIVERS = frozenset(
    ["Inn", "Main", "Oder", "Spree", "Lech", "Save", "Seine", "Nil", "Eger", "Ems", "Ruhr",
     "Saar", "Fulda", "Mur", "Po", "Enns", "Traun", "Trent", "Somme", "Marne", "Maas",
     "Shannon", "Mulde", "Ilm", "Naab"]
)  # fmt: skip
RIVER_MARKS = frozenset(
    ["der", "die", "den", "dem", "des", "am", "an", "the", "river", "fluss", "flusses"]
)  # fmt: skip

# Named sites whose German and English names share no word, in the city that holds them: a
# museum robbed, a cathedral burnt, a gate painted. "Grünes Gewölbe" = "Green Vault" is one
# place (not two persons), and the Louvre is another place than the Green Vault.
SITES: dict[str, tuple[str, list[str]]] = {
    "Green Vault": ("Dresden", ["Grünes Gewölbe", "Grüne Gewölbe", "Grünen Gewölbe",
                                "Grünen Gewölbes"]),
    "Louvre": ("Paris", ["Louvre Museum", "Musée du Louvre"]),
    "Brandenburg Gate": ("Berlin", ["Brandenburger Tor", "Brandenburger Tores"]),
    "Cologne Cathedral": ("Cologne", ["Kölner Dom", "Kölner Doms"]),
    "Eiffel Tower": ("Paris", ["Eiffelturm", "Eiffelturms"]),
    "Colosseum": ("Rome", ["Kolosseum", "Kolosseums"]),
    "Acropolis": ("Athens", ["Akropolis"]),
    "Sistine Chapel": ("Rome", ["Sixtinische Kapelle", "Sixtinischen Kapelle"]),
    "Neuschwanstein Castle": ("Munich", ["Schloss Neuschwanstein", "Neuschwanstein"]),
    "Berlin Wall": ("Berlin", ["Berliner Mauer"]),
    "Museum Island": ("Berlin", ["Museumsinsel"]),
}  # fmt: skip

# Country of each listed city or region (containment: "Almaty" does not contradict "Kazakhstan").
_IN_COUNTRY: dict[str, str] = {
    "Kazakhstan": "Almaty Astana Shymkent Karaganda Aktobe Aktau Taraz Zhanaozen Atyrau "
    "Taldykorgan Mangystau",
    "Kyrgyzstan": "Bishkek", "Uzbekistan": "Tashkent", "Tajikistan": "Dushanbe",
    "Turkmenistan": "Ashgabat", "Belarus": "Minsk", "Armenia": "Yerevan", "Azerbaijan": "Baku",
    "Georgia": "Tbilisi Abkhazia", "Russia": "Moscow Novosibirsk Yekaterinburg Kazan Chechnya "
    "Siberia Kaliningrad",
    "Ukraine": "Kyiv Kharkiv Odesa Lviv Mariupol Donetsk Luhansk Donbas",
    "Germany": "Berlin Hamburg Munich Cologne Frankfurt Stuttgart Düsseldorf Leipzig Dresden Bonn "
    "Hanover Nuremberg Bremen Bavaria Saxony Lower Saxony North Rhine-Westphalia "
    "Rhineland-Palatinate Hesse Thuringia Brandenburg Baden-Württemberg Schleswig-Holstein "
    "Saxony-Anhalt Saarland Mecklenburg-Western Pomerania",
    "Austria": "Vienna", "Switzerland": "Zurich Geneva Bern", "Belgium": "Brussels",
    "United Kingdom": "London Scotland Wales England",
    "Italy": "Rome Sicily Sardinia Lampedusa", "Spain": "Madrid Barcelona Catalonia Mallorca Tenerife", "Portugal": "Lisbon",
    "Netherlands": "Amsterdam", "Poland": "Warsaw", "Czechia": "Prague", "Hungary": "Budapest",
    "Romania": "Bucharest", "Bulgaria": "Sofia", "Serbia": "Belgrade",
    "Greece": "Athens Crete Rhodes Corfu Evia Lesbos", "France": "Paris Strasbourg Corsica",
    "Türkiye": "Istanbul Ankara", "Sweden": "Stockholm", "Norway": "Oslo",
    "Denmark": "Copenhagen", "Finland": "Helsinki", "Lithuania": "Vilnius", "Latvia": "Riga",
    "Estonia": "Tallinn", "Ireland": "Dublin",
    "United States": "Washington Los Angeles Chicago",
    "China": "Beijing Shanghai Xinjiang Tibet Urumqi", "Japan": "Tokyo", "South Korea": "Seoul",
    "India": "Mumbai", "Iran": "Tehran", "Iraq": "Baghdad", "Syria": "Damascus",
    "Lebanon": "Beirut", "Israel": "Tel Aviv", "Egypt": "Cairo", "Afghanistan": "Kabul",
    "Pakistan": "Islamabad", "Saudi Arabia": "Riyadh", "Kenya": "Nairobi", "Nigeria": "Lagos",
    "Brazil": "Brasília São Paulo", "Argentina": "Buenos Aires", "Canada": "Ottawa Toronto",
    "Australia": "Sydney Canberra", "Mexico": "Mexico City",
}  # fmt: skip

# German display names of cities and regions whose German name differs from the canonical
# English one (countries come from CLDR via Babel). Used only to show places to readers.
GERMAN_NAMES: dict[str, str] = {
    "Moscow": "Moskau", "Saint Petersburg": "Sankt Petersburg", "Novosibirsk": "Nowosibirsk",
    "Yekaterinburg": "Jekaterinburg", "Kazan": "Kasan", "Kyiv": "Kiew", "Kharkiv": "Charkiw",
    "Lviv": "Lwiw", "Donetsk": "Donezk", "Tbilisi": "Tiflis", "Yerevan": "Eriwan",
    "Munich": "München", "Cologne": "Köln", "Hanover": "Hannover", "Nuremberg": "Nürnberg",
    "Vienna": "Wien", "Zurich": "Zürich", "Geneva": "Genf", "Brussels": "Brüssel",
    "Rome": "Rom", "Lisbon": "Lissabon", "The Hague": "Den Haag", "Warsaw": "Warschau",
    "Prague": "Prag", "Bucharest": "Bukarest", "Belgrade": "Belgrad", "Athens": "Athen",
    "Copenhagen": "Kopenhagen", "Strasbourg": "Straßburg", "Beijing": "Peking",
    "Hong Kong": "Hongkong", "Tokyo": "Tokio", "New Delhi": "Neu-Delhi", "Tehran": "Teheran",
    "Baghdad": "Bagdad", "Damascus": "Damaskus", "Cairo": "Kairo", "Riyadh": "Riad",
    "Mexico City": "Mexiko-Stadt", "Shymkent": "Schymkent", "Bishkek": "Bischkek",
    "Tashkent": "Taschkent", "Dushanbe": "Duschanbe", "Ashgabat": "Aschgabat",
    "Zhanaozen": "Schangaösen", "Crimea": "Krim", "Donbas": "Donbass",
    "Chechnya": "Tschetschenien", "Siberia": "Sibirien", "Central Asia": "Zentralasien",
    "Urumqi": "Ürümqi", "Lower Saxony": "Niedersachsen",
    "North Rhine-Westphalia": "Nordrhein-Westfalen", "Rhineland-Palatinate": "Rheinland-Pfalz",
    "Hesse": "Hessen", "Thuringia": "Thüringen", "Saxony-Anhalt": "Sachsen-Anhalt",
    "Mecklenburg-Western Pomerania": "Mecklenburg-Vorpommern", "Crete": "Kreta",
    "Rhodes": "Rhodos", "Corfu": "Korfu", "Evia": "Euböa", "Sicily": "Sizilien",
    "Sardinia": "Sardinien", "Tenerife": "Teneriffa", "Corsica": "Korsika",
    "Danube": "Donau", "Rhine": "Rhein", "Moselle": "Mosel", "Thames": "Themse",
    "Vistula": "Weichsel", "Dnieper": "Dnipro", "Volga": "Wolga", "Nile": "Nil",
    "Euphrates": "Euphrat", "Yangtze": "Jangtse", "Tagus": "Tajo", "Neisse": "Neiße",
    "Green Vault": "Grünes Gewölbe", "Brandenburg Gate": "Brandenburger Tor",
    "Cologne Cathedral": "Kölner Dom", "Eiffel Tower": "Eiffelturm", "Colosseum": "Kolosseum",
    "Acropolis": "Akropolis", "Sistine Chapel": "Sixtinische Kapelle",
    "Neuschwanstein Castle": "Schloss Neuschwanstein", "Berlin Wall": "Berliner Mauer",
    "Museum Island": "Museumsinsel",
}  # fmt: skip

# Nouns that make "Minsk-Gruppe", "Normandie-Format" an organisation or a process, not a place.
NOT_PLACE_COMPOUNDS = frozenset(
    {
        "gruppe", "format", "abkommen", "prozess", "protokoll", "vereinbarung", "vertrag",
        "konferenz", "gipfel", "gespräche", "group", "agreement", "agreements", "protocol",
        "process", "talks", "summit", "accords",
    }
)  # fmt: skip


# More cities and regions, by country: German cities over 100,000 inhabitants, the capitals of
# the world's countries, the larger cities and the main regions (states, provinces) that news
# names. "English=German|other spellings"; the German name is what a German desk reads. Left
# out on purpose: names that are common words or first names ("Essen", "Halle", "Victoria",
# "Male", "Georgia" the US state), and cities that share a country's name.
_MORE_CITIES: dict[str, str] = {
    "Germany": "Dortmund; Duisburg; Bochum; Wuppertal; Bielefeld; Münster|Muenster|Munster; "
    "Mannheim; Karlsruhe; Augsburg; Wiesbaden; Mönchengladbach|Monchengladbach; Gelsenkirchen; "
    "Aachen; Brunswick=Braunschweig; Chemnitz; Kiel; Magdeburg; Freiburg; Krefeld; Mainz; "
    "Lübeck|Lubeck; Erfurt; Oberhausen; Rostock; Kassel; Hagen; Potsdam; "
    "Saarbrücken|Saarbrucken; Hamm; Ludwigshafen; Mülheim|Mulheim; Oldenburg; "
    "Osnabrück|Osnabruck; Leverkusen; Darmstadt; Heidelberg; Solingen; Herne; Neuss; "
    "Regensburg; Paderborn; Ingolstadt; Offenbach; Würzburg|Wurzburg; Fürth|Furth; Ulm; "
    "Heilbronn; Pforzheim; Wolfsburg; Göttingen|Gottingen; Bottrop; Reutlingen; Koblenz; "
    "Bremerhaven; Recklinghausen; Bergisch Gladbach; Erlangen; Jena; Remscheid; Trier; "
    "Salzgitter; Moers; Siegen; Hildesheim; Gütersloh|Gutersloh; Cottbus",
    "Austria": "Graz; Linz; Salzburg; Innsbruck",
    "Switzerland": "Basel; Lausanne; Lucerne=Luzern",
    "Netherlands": "Rotterdam; Utrecht", "Belgium": "Antwerp=Antwerpen; Ghent=Gent",
    "France": "Marseille|Marseilles; Lyon; Toulouse; Nice=Nizza; Nantes; Montpellier; Bordeaux; "
    "Lille",
    "Italy": "Milan=Mailand|Milano; Naples=Neapel|Napoli; Turin|Torino; Palermo; Genoa=Genua|Genova; "
    "Bologna; Florence=Florenz|Firenze; Bari; Catania; Venice=Venedig|Venezia",
    "Spain": "Seville=Sevilla; Malaga|Málaga; Bilbao; Zaragoza|Saragossa",
    "United Kingdom": "Manchester; Birmingham; Liverpool; Glasgow; Edinburgh; Leeds; Bristol; "
    "Belfast; Cardiff; Sheffield",
    "Poland": "Krakow=Krakau|Kraków|Cracow; Wroclaw=Breslau|Wrocław; Gdansk=Danzig|Gdańsk; "
    "Poznan=Posen|Poznań; Lodz|Łódź",
    "Czechia": "Brno=Brünn", "Greece": "Thessaloniki|Saloniki",
    "Türkiye": "Izmir|İzmir; Antalya; Bursa; Adana; Gaziantep",
    "Russia": "Krasnodar; Rostov-on-Don=Rostow am Don|Rostov; Samara; Omsk; "
    "Chelyabinsk=Tscheljabinsk; Nizhny Novgorod=Nischni Nowgorod; Vladivostok=Wladiwostok; "
    "Sochi=Sotschi; Belgorod; Kursk",
    "Ukraine": "Dnipro; Zaporizhzhia=Saporischschja|Zaporizhia; Kherson=Cherson; "
    "Mykolaiv=Mykolajiw; Chernihiv=Tschernihiw; Sumy; Kramatorsk; Bakhmut=Bachmut",
    "United States": "Houston; Philadelphia; San Francisco; Seattle; Boston; Miami; Atlanta; "
    "Detroit; Las Vegas; New Orleans; Baltimore; Dallas",
    "Canada": "Montreal|Montréal; Vancouver",
    "India": "Delhi; Kolkata|Kalkutta|Calcutta; Bengaluru|Bangalore; Chennai",
    "Pakistan": "Karachi|Karatschi; Lahore", "Japan": "Osaka; Hiroshima; Fukushima",
    "Israel": "Haifa", "Syria": "Aleppo; Homs; Idlib", "Iraq": "Mosul; Basra; Erbil",
    "Iran": "Isfahan", "Saudi Arabia": "Jeddah=Dschidda; Mecca=Mekka",
    "Egypt": "Alexandria", "China": "Shenzhen; Guangzhou=Kanton; Wuhan",
    "South Africa": "Pretoria; Cape Town=Kapstadt; Durban",
    "Morocco": "Rabat; Casablanca; Marrakesh=Marrakesch|Marrakech",
    "Australia": "Melbourne; Brisbane", "Brazil": "Brasilia",
    # capitals
    "Slovenia": "Ljubljana=Laibach", "Croatia": "Zagreb", "Bosnia & Herzegovina": "Sarajevo",
    "North Macedonia": "Skopje", "Albania": "Tirana", "Montenegro": "Podgorica",
    "Kosovo": "Pristina|Priština", "Slovakia": "Bratislava=Pressburg",
    "Moldova": "Chisinau=Chisinau|Chișinău|Kischinau", "Iceland": "Reykjavik|Reykjavík",
    "Malta": "Valletta", "Cyprus": "Nicosia=Nikosia", "Jordan": "Amman",
    "Bahrain": "Manama", "Oman": "Muscat=Maskat", "United Arab Emirates": "Abu Dhabi",
    "Yemen": "Sanaa|Sana'a", "Thailand": "Bangkok", "Vietnam": "Hanoi", "Philippines": "Manila",
    "Indonesia": "Jakarta=Jakarta|Djakarta", "Malaysia": "Kuala Lumpur", "Bangladesh": "Dhaka",
    "Nepal": "Kathmandu|Kathmandu", "Sri Lanka": "Colombo", "Myanmar (Burma)": "Naypyidaw; Yangon|Rangun",
    "Cambodia": "Phnom Penh", "Laos": "Vientiane", "Mongolia": "Ulaanbaatar=Ulan-Bator",
    "North Korea": "Pyongyang=Pjöngjang", "Taiwan": "Taipei",
    "Algeria": "Algiers=Algier", "Tunisia": "Tunis", "Libya": "Tripoli=Tripolis",
    "Sudan": "Khartoum=Khartum", "Ethiopia": "Addis Ababa=Addis Abeba", "Eritrea": "Asmara",
    "Somalia": "Mogadishu=Mogadischu", "Uganda": "Kampala", "Rwanda": "Kigali",
    "Tanzania": "Dodoma; Dar es Salaam", "Congo - Kinshasa": "Kinshasa",
    "Congo - Brazzaville": "Brazzaville", "Angola": "Luanda", "Zambia": "Lusaka",
    "Zimbabwe": "Harare", "Mozambique": "Maputo", "Namibia": "Windhoek", "Botswana": "Gaborone",
    "Nigeria": "Abuja", "Ghana": "Accra", "Senegal": "Dakar", "Mali": "Bamako",
    "Niger": "Niamey", "Burkina Faso": "Ouagadougou", "Guinea": "Conakry",
    "Sierra Leone": "Freetown", "Liberia": "Monrovia", "Côte d’Ivoire": "Abidjan",
    "Togo": "Lomé|Lome", "Cameroon": "Yaoundé|Yaounde", "Chad": "N'Djamena|Ndjamena",
    "South Sudan": "Juba", "Mauritania": "Nouakchott", "Madagascar": "Antananarivo",
    "Cuba": "Havana=Havanna", "Colombia": "Bogotá|Bogota", "Venezuela": "Caracas",
    "Ecuador": "Quito", "Peru": "Lima", "Bolivia": "La Paz", "Chile": "Santiago",
    "Paraguay": "Asunción|Asuncion", "Uruguay": "Montevideo", "Haiti": "Port-au-Prince",
    "Dominican Republic": "Santo Domingo", "Nicaragua": "Managua", "Honduras": "Tegucigalpa",
    "El Salvador": "San Salvador", "New Zealand": "Wellington",
}  # fmt: skip
_MORE_REGIONS: dict[str, str] = {
    "Spain": "Andalusia=Andalusien|Andalucía; Valencia; Galicia=Galicien; "
    "Basque Country=Baskenland; Murcia; Aragon=Aragonien; Canary Islands=Kanaren|Kanarische Inseln; "
    "Balearic Islands=Balearen",
    "Italy": "Lombardy=Lombardei; Tuscany=Toskana; Veneto=Venetien; Piedmont=Piemont; "
    "Lazio=Latium; Campania=Kampanien; Apulia=Apulien; Calabria=Kalabrien; Emilia-Romagna; "
    "Liguria=Ligurien; South Tyrol=Südtirol",
    "France": "Brittany=Bretagne; Normandy=Normandie; Provence; Alsace=Elsass; Île-de-France",
    "United Kingdom": "Northern Ireland=Nordirland",
    "Austria": "Tyrol=Tirol; Carinthia=Kärnten; Styria=Steiermark; Upper Austria=Oberösterreich; "
    "Lower Austria=Niederösterreich; Vorarlberg; Burgenland",
    "Poland": "Silesia=Schlesien",
    "United States": "California=Kalifornien; Texas; Florida; Alaska; Hawaii; Arizona; Nevada; "
    "Ohio; Michigan; Pennsylvania=Pennsylvania|Pennsylvanien; Illinois; Louisiana; "
    "North Carolina=North Carolina|Nord-Carolina; South Carolina=South Carolina|Süd-Carolina; "
    "Oregon; Minnesota; Wisconsin; Massachusetts; Colorado; Utah; Iowa; Kentucky; Tennessee; "
    "Alabama; Maryland; New Jersey; Oklahoma; Kansas; Arkansas; Montana; Idaho; Wyoming; "
    "Nebraska; Connecticut",
    "Canada": "Quebec|Québec; Ontario; Alberta; British Columbia=Britisch-Kolumbien",
    "India": "Kerala; Punjab=Pandschab; Gujarat",
    "Syria": "Golan Heights=Golanhöhen",
}  # fmt: skip


def _extend() -> None:
    """Merge the lists above into the tables (run once, at import)."""
    for more, table in ((_MORE_CITIES, CITIES), (_MORE_REGIONS, REGIONS)):
        for country, entries in more.items():
            names = []
            for entry in entries.split(";"):
                head, *others = [s.strip() for s in entry.split("|")]
                english, _, german = head.partition("=")
                if english in table or english in CITIES or english in REGIONS:
                    continue
                spellings = [s for s in [german, *others] if s and s != english]
                table[english] = spellings
                if german and german != english:
                    GERMAN_NAMES.setdefault(english, german)
                names.append(english)
            if names:
                listed = _IN_COUNTRY.get(country, "")
                _IN_COUNTRY[country] = " ".join([listed, *names]).strip()


_extend()
