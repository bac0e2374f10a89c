/**
 * Places that are not countries: major world cities and cities that recur in conflict and
 * security reporting, regions, seas and straits, continents, US states and other subdivisions.
 * National capitals are in countries.ts (they also stand for their governments).
 * Source: compiled by hand from public knowledge (UN/World Factbook place names). MIT.
 *
 * Comma-separated; `Name = variant | variant` gives spelling variants of one place.
 */
export const CITIES_DATA = `
New York = New York City | NYC, Los Angeles, Chicago, Houston, Austin, Dallas, San Antonio, San Diego,
San Francisco, Seattle, Boston, Philadelphia, Miami, Atlanta, Denver, Detroit, Honolulu, Anchorage,
Las Vegas, Phoenix, Pearl Harbor, Norfolk, San Jose, Portland, Baltimore, New Orleans, Cleveland, Pittsburgh,
Toronto, Montreal, Vancouver, Quebec, Sao Paulo = São Paulo, Rio de Janeiro, Guadalajara, Monterrey,
Medellin = Medellín, Cali, St. Petersburg = Saint Petersburg | St Petersburg, Vladivostok, Khabarovsk,
Blagoveshchensk, Novosibirsk, Yekaterinburg, Kazan, Rostov-on-Don = Rostov, Kursk, Belgorod, Bryansk,
Voronezh, Volgograd, Murmansk, Kaliningrad, Sochi, Tsiolkovsky, Irkutsk, Samara, Nizhny Novgorod, Omsk,
Krasnodar, Novorossiysk, Sevastopol, Simferopol, Kerch, Yalta, Grozny, Kharkiv = Kharkov, Odesa = Odessa,
Lviv, Dnipro, Zaporizhzhia = Zaporizhia, Kherson, Mykolaiv, Donetsk, Luhansk = Lugansk, Mariupol,
Bakhmut, Avdiivka, Pokrovsk, Kramatorsk, Sloviansk, Chernihiv, Sumy, Poltava, Bucha, Irpin, Melitopol,
Berdyansk, Izium, Kupiansk, Vuhledar, Chasiv Yar, Toretsk, Kurakhove, Sudzha, Chernobyl, Hamburg, Munich,
Frankfurt, Cologne, Stuttgart, Davos, Geneva, Zurich, Strasbourg, Marseille, Lyon, Nice, Milan, Naples,
Venice, Florence, Barcelona, Seville, Valencia, Manchester, Birmingham, Liverpool, Glasgow, Edinburgh,
Belfast, Cardiff, The Hague, Rotterdam, Antwerp, Gdansk, Krakow, Rzeszow, Istanbul, Izmir, Incirlik,
Thessaloniki, Odense, Gothenburg, Bergen, Tampere, Busan, Incheon, Daegu, Gwangju, Pyeongtaek,
Panmunjom, Kaesong, Wonsan, Hamhung, Sinuiju, Nampo, Sinpo, Chongjin, Rason, Hyesan, Yeonpyeong,
Shanghai, Hong Kong, Shenzhen, Guangzhou, Wuhan, Chongqing, Tianjin, Dandong, Harbin, Urumqi, Lhasa, Xiamen,
Osaka, Kyoto, Hiroshima, Nagasaki, Okinawa, Yokosuka, Sapporo, Fukuoka, Kaohsiung, Taichung,
Mumbai = Bombay, Delhi, Kolkata, Chennai, Bangalore = Bengaluru, Karachi, Lahore, Peshawar, Quetta,
Rawalpindi, Kandahar, Herat, Mazar-i-Sharif, Jalalabad, Tashkent, Almaty, Samarkand, Dubai, Sharjah,
Jeddah, Mecca, Medina, Dhahran, Isfahan, Mashhad, Tabriz, Shiraz, Bandar Abbas, Qom, Natanz, Basra,
Mosul, Erbil, Kirkuk, Fallujah, Ramadi, Najaf, Karbala, Tikrit, Aleppo, Homs, Idlib, Raqqa, Deir ez-Zor,
Latakia, Tartus, Hama, Daraa, Tel Aviv, Haifa, Jerusalem, Eilat, Ashkelon, Ashdod, Sderot, Beersheba,
Gaza City, Rafah, Khan Younis = Khan Yunis, Deir al-Balah, Jabalia, Beit Lahia, Nablus, Jenin, Hebron,
Bethlehem, Jericho, Tulkarm, Tyre, Sidon, Baalbek, Tripoli, Benghazi, Misrata, Sirte, Tobruk, Alexandria,
Port Said, Suez, Hodeidah, Aden, Marib, Taiz, Khartoum, Omdurman, El Fasher, Port Sudan, Nyala, Juba,
Timbuktu, Gao, Kidal, Mopti, Menaka, Djibo, Agadez, Tillaberi = Tillabéri, Diffa, Zinder, Maiduguri,
Kano, Lagos, Kaduna, Goma, Bukavu, Mogadishu, Kismayo, Mombasa, Dar es Salaam, Johannesburg, Cape Town,
Durban, Casablanca, Marrakesh, Oran, Sfax, Abidjan, Douala, Bangkok, Chiang Mai, Ho Chi Minh City = Saigon,
Yangon = Rangoon, Mandalay, Sydney, Melbourne, Perth, Brisbane, Darwin, Auckland, Singapore, Guam
`;

export const REGIONS_DATA = `
Europe, Asia, Africa, North America, South America, Latin America, Oceania, Antarctica, Arctic,
Middle East, Near East, Far East = Russian Far East, East Asia, Northeast Asia, Southeast Asia, South Asia,
Central Asia, Eastern Europe, Western Europe, Central Europe, Northern Europe, Southern Europe,
Balkans, Caucasus = South Caucasus | North Caucasus, Scandinavia, Baltics = Baltic states,
Sahel, Maghreb, Horn of Africa, West Africa, East Africa, North Africa, Central Africa, Southern Africa,
Sub-Saharan Africa, Levant, Persian Gulf = Gulf, Mesopotamia, Caribbean, Central America, Siberia, Urals,
Asia-Pacific = Asia Pacific, Indo-Pacific = Indo Pacific, Pacific = Pacific Ocean, Atlantic = Atlantic Ocean,
Indian Ocean, Mediterranean = Mediterranean Sea, Black Sea, Baltic Sea, Red Sea, Caspian Sea, Sea of Azov,
Arabian Sea, North Sea, Barents Sea, Sea of Japan = East Sea, Yellow Sea = West Sea, East China Sea,
South China Sea, Philippine Sea, Sea of Okhotsk, Taiwan Strait, Strait of Hormuz, Bab el-Mandeb,
Gulf of Aden, Gulf of Oman, Bosphorus, Suez Canal, Korean Peninsula, Korea, Crimea = Crimean Peninsula,
Donbas = Donbass, Zaporizhzhia region, Kherson region, Kursk region, Belgorod region, Amur region,
Gaza = Gaza Strip, West Bank, Golan Heights = Golan, Sinai = Sinai Peninsula, Negev, Galilee,
Darfur, Kordofan, Tigray, Amhara, Oromia, Cabo Delgado, Liptako-Gourma, Lake Chad, Kashmir, Ladakh,
Xinjiang, Tibet, Inner Mongolia, Kurdistan, Nagorno-Karabakh = Karabakh, Transnistria, Abkhazia,
South Ossetia, Chechnya, Dagestan, Kaliningrad region, Hokkaido, Kyushu, Jeju = Jeju Island, Senkaku Islands,
Kuril Islands = Kurils, Spratly Islands, Paracel Islands, Demilitarized Zone = DMZ, Northern Limit Line = NLL,
Joint Security Area = JSA, Silicon Valley, Wall Street, Capitol Hill, Downing Street
`;

export const US_STATES_DATA = `
Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Hawaii, Idaho,
Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan, Minnesota,
Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire, New Jersey, New Mexico, North Carolina,
North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island, South Carolina, South Dakota, Tennessee,
Texas, Utah, Vermont, Virginia, West Virginia, Wisconsin, Wyoming, Puerto Rico, England, Scotland, Wales,
Northern Ireland, Ontario, Quebec province, Alberta, British Columbia, Bavaria, Catalonia, Sicily, Corsica,
Sardinia, Greenland, Hawaii
`;
