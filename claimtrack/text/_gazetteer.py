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
}  # fmt: skip

# Nouns that make "Minsk-Gruppe", "Normandie-Format" an organisation or a process, not a place.
NOT_PLACE_COMPOUNDS = frozenset(
    {
        "gruppe", "format", "abkommen", "prozess", "protokoll", "vereinbarung", "vertrag",
        "konferenz", "gipfel", "gespräche", "group", "agreement", "agreements", "protocol",
        "process", "talks", "summit", "accords",
    }
)  # fmt: skip
