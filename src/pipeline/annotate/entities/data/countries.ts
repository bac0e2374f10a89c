/**
 * Countries: canonical English name, extra aliases, capital (the city whose name stands for the
 * government by metonymy: "Pyongyang has sent") and demonyms (adjective and plural noun).
 * The ISO 3166 code and the official names come from the i18n-iso-countries package (MIT,
 * langs/en.json); the canonical short names, aliases, capitals and demonyms are compiled by hand
 * from public knowledge (CIA World Factbook conventions). MIT.
 *
 * One line per country: `ISO code ; canonical name ; aliases ; capital ; demonyms`.
 * A blank canonical name means the package's first English name.
 */
export const COUNTRIES_DATA = `
AF ; ; ; Kabul ; Afghan, Afghans
AL ; ; ; Tirana ; Albanian, Albanians
DZ ; ; ; Algiers ; Algerian, Algerians
AD ; ; ; Andorra la Vella ; Andorran
AO ; ; ; Luanda ; Angolan, Angolans
AG ; ; ; Saint John's ;
AR ; ; ; Buenos Aires ; Argentine, Argentinian, Argentines, Argentinians
AM ; ; ; Yerevan ; Armenian, Armenians
AU ; ; ; Canberra ; Australian, Australians
AT ; ; ; Vienna ; Austrian, Austrians
AZ ; ; ; Baku ; Azerbaijani, Azerbaijanis, Azeri, Azeris
BS ; ; Bahamas ; Nassau ; Bahamian
BH ; ; ; Manama ; Bahraini, Bahrainis
BD ; ; ; Dhaka ; Bangladeshi, Bangladeshis
BB ; ; ; Bridgetown ; Barbadian
BY ; ; Byelorussia ; Minsk ; Belarusian, Belarusians, Belarussian
BE ; ; ; Brussels ; Belgian, Belgians
BZ ; ; ; Belmopan ; Belizean
BJ ; ; ; Porto-Novo ; Beninese
BT ; ; ; Thimphu ; Bhutanese
BO ; Bolivia ; ; La Paz ; Bolivian, Bolivians
BA ; Bosnia and Herzegovina ; Bosnia, Bosnia-Herzegovina ; Sarajevo ; Bosnian, Bosnians
BW ; ; ; Gaborone ; Botswanan
BR ; ; ; Brasilia ; Brazilian, Brazilians
BN ; Brunei ; ; Bandar Seri Begawan ; Bruneian
BG ; ; ; Sofia ; Bulgarian, Bulgarians
BF ; ; ; Ouagadougou ; Burkinabe, Burkinabè
BI ; ; ; Gitega ; Burundian, Burundians
KH ; ; ; Phnom Penh ; Cambodian, Cambodians
CM ; ; ; Yaounde ; Cameroonian, Cameroonians
CA ; ; ; Ottawa ; Canadian, Canadians
CV ; ; ; Praia ; Cape Verdean
CF ; ; CAR ; Bangui ; Central African
TD ; ; ; N'Djamena ; Chadian, Chadians
CL ; ; ; Santiago ; Chilean, Chileans
CN ; China ; PRC, People's Republic of China, Mainland China ; Beijing ; Chinese
CO ; ; ; Bogota ; Colombian, Colombians
KM ; ; ; Moroni ; Comorian
CG ; Republic of the Congo ; Congo-Brazzaville ; Brazzaville ; Congolese
CD ; Democratic Republic of the Congo ; DR Congo, DRC, Congo-Kinshasa, D.R. Congo ; Kinshasa ;
CR ; ; ; San Jose ; Costa Rican
CI ; Ivory Coast ; ; Yamoussoukro ; Ivorian, Ivorians
HR ; ; ; Zagreb ; Croatian, Croatians, Croat, Croats
CU ; ; ; Havana ; Cuban, Cubans
CY ; ; ; Nicosia ; Cypriot, Cypriots
CZ ; Czech Republic ; ; Prague ; Czech, Czechs
DK ; ; ; Copenhagen ; Danish, Danes
DJ ; ; ; Djibouti ; Djiboutian
DM ; ; ; Roseau ; Dominican
DO ; ; ; Santo Domingo ;
EC ; ; ; Quito ; Ecuadorian, Ecuadorians
EG ; ; ; Cairo ; Egyptian, Egyptians
SV ; ; ; San Salvador ; Salvadoran, Salvadorans
GQ ; ; ; Malabo ; Equatoguinean
ER ; ; ; Asmara ; Eritrean, Eritreans
EE ; ; ; Tallinn ; Estonian, Estonians
SZ ; Eswatini ; Swaziland ; Mbabane ; Swazi
ET ; ; ; Addis Ababa ; Ethiopian, Ethiopians
FJ ; ; ; Suva ; Fijian, Fijians
FI ; ; ; Helsinki ; Finnish, Finns
FR ; ; ; Paris ; French
GA ; ; ; Libreville ; Gabonese
GM ; Gambia ; ; Banjul ; Gambian, Gambians
GE ; ; ; Tbilisi ; Georgian, Georgians
DE ; ; ; Berlin ; German, Germans
GH ; ; ; Accra ; Ghanaian, Ghanaians
GR ; ; ; Athens ; Greek, Greeks
GD ; ; ; St. George's ; Grenadian
GT ; ; ; Guatemala City ; Guatemalan, Guatemalans
GN ; ; ; Conakry ; Guinean, Guineans
GW ; ; ; Bissau ; Bissau-Guinean
GY ; ; ; Georgetown ; Guyanese
HT ; ; ; Port-au-Prince ; Haitian, Haitians
VA ; Vatican ; Holy See, Vatican City ; ;
HN ; ; ; Tegucigalpa ; Honduran, Hondurans
HU ; ; ; Budapest ; Hungarian, Hungarians
IS ; ; ; Reykjavik ; Icelandic, Icelanders
IN ; ; ; New Delhi ; Indian, Indians
ID ; ; ; Jakarta ; Indonesian, Indonesians
IR ; Iran ; Islamic Republic of Iran, Persia ; Tehran ; Iranian, Iranians
IQ ; ; ; Baghdad ; Iraqi, Iraqis
IE ; ; ; Dublin ; Irish
IL ; ; ; ; Israeli, Israelis
IT ; ; ; Rome ; Italian, Italians
JM ; ; ; Kingston ; Jamaican, Jamaicans
JP ; ; ; Tokyo ; Japanese
JO ; ; ; Amman ; Jordanian, Jordanians
KZ ; ; ; Astana ; Kazakh, Kazakhs, Kazakhstani
KE ; ; ; Nairobi ; Kenyan, Kenyans
KI ; ; ; Tarawa ;
KP ; North Korea ; DPRK, D.P.R.K., Democratic People's Republic of Korea, N. Korea, N.Korea ; Pyongyang ; North Korean, North Koreans
KR ; South Korea ; ROK, R.O.K., Republic of Korea, S. Korea ; Seoul ; South Korean, South Koreans
XK ; Kosovo ; ; Pristina ; Kosovar, Kosovars
KW ; ; ; Kuwait City ; Kuwaiti, Kuwaitis
KG ; ; Kirghizia ; Bishkek ; Kyrgyz
LA ; Laos ; Lao PDR ; Vientiane ; Laotian, Lao
LV ; ; ; Riga ; Latvian, Latvians
LB ; ; ; Beirut ; Lebanese
LS ; ; ; Maseru ; Basotho
LR ; ; ; Monrovia ; Liberian, Liberians
LY ; ; ; Tripoli ; Libyan, Libyans
LI ; ; ; Vaduz ;
LT ; ; ; Vilnius ; Lithuanian, Lithuanians
LU ; ; ; ; Luxembourgish
MG ; ; ; Antananarivo ; Malagasy
MW ; ; ; Lilongwe ; Malawian, Malawians
MY ; ; ; Kuala Lumpur ; Malaysian, Malaysians
MV ; ; ; Male ; Maldivian
ML ; ; ; Bamako ; Malian, Malians
MT ; ; ; Valletta ; Maltese
MH ; ; ; Majuro ;
MR ; ; ; Nouakchott ; Mauritanian, Mauritanians
MU ; ; ; Port Louis ; Mauritian
MX ; ; ; Mexico City ; Mexican, Mexicans
FM ; Micronesia ; ; Palikir ; Micronesian
MD ; Moldova ; ; Chisinau ; Moldovan, Moldovans
MC ; ; ; ; Monegasque
MN ; ; ; Ulaanbaatar ; Mongolian, Mongolians
ME ; ; ; Podgorica ; Montenegrin
MA ; ; ; Rabat ; Moroccan, Moroccans
MZ ; ; ; Maputo ; Mozambican, Mozambicans
MM ; ; Burma ; Naypyidaw ; Myanmar, Burmese
NA ; ; ; Windhoek ; Namibian, Namibians
NR ; ; ; ; Nauruan
NP ; ; ; Kathmandu ; Nepalese, Nepali
NL ; Netherlands ; Holland ; Amsterdam ; Dutch
NZ ; ; ; Wellington ; New Zealander, New Zealanders
NI ; ; ; Managua ; Nicaraguan, Nicaraguans
NE ; ; ; Niamey ; Nigerien, Nigeriens
NG ; ; ; Abuja ; Nigerian, Nigerians
MK ; North Macedonia ; Macedonia ; Skopje ; Macedonian, Macedonians
NO ; ; ; Oslo ; Norwegian, Norwegians
OM ; ; ; Muscat ; Omani, Omanis
PK ; ; ; Islamabad ; Pakistani, Pakistanis
PW ; ; ; Ngerulmud ; Palauan
PS ; Palestine ; Palestinian territories, Occupied Palestinian Territories ; Ramallah ; Palestinian, Palestinians
PA ; ; ; Panama City ; Panamanian, Panamanians
PG ; ; ; Port Moresby ; Papua New Guinean
PY ; ; ; Asuncion ; Paraguayan, Paraguayans
PE ; ; ; Lima ; Peruvian, Peruvians
PH ; Philippines ; ; Manila ; Filipino, Filipinos, Philippine
PL ; ; ; Warsaw ; Polish, Poles
PT ; ; ; Lisbon ; Portuguese
QA ; ; ; Doha ; Qatari, Qataris
RO ; ; ; Bucharest ; Romanian, Romanians
RU ; Russia ; Russian Federation ; Moscow ; Russian, Russians
RW ; ; ; Kigali ; Rwandan, Rwandans
KN ; ; ; Basseterre ;
LC ; ; ; Castries ; Saint Lucian
VC ; ; ; Kingstown ;
WS ; ; ; Apia ; Samoan, Samoans
SM ; ; ; ; Sammarinese
ST ; ; ; Sao Tome ;
SA ; ; ; Riyadh ; Saudi, Saudis
SN ; ; ; Dakar ; Senegalese
RS ; ; ; Belgrade ; Serbian, Serbians, Serb, Serbs
SC ; ; ; Victoria ; Seychellois
SL ; ; ; Freetown ; Sierra Leonean
SG ; ; ; ; Singaporean, Singaporeans
SK ; ; ; Bratislava ; Slovak, Slovaks
SI ; ; ; Ljubljana ; Slovenian, Slovenians, Slovene
SB ; ; ; Honiara ;
SO ; ; ; Mogadishu ; Somali, Somalis, Somalian
ZA ; ; ; Pretoria ; South African, South Africans
SS ; ; ; Juba ; South Sudanese
ES ; ; ; Madrid ; Spanish, Spaniards
LK ; ; ; Colombo ; Sri Lankan, Sri Lankans
SD ; ; ; Khartoum ; Sudanese
SR ; ; ; Paramaribo ; Surinamese
SE ; ; ; Stockholm ; Swedish, Swedes
CH ; ; ; Bern ; Swiss
SY ; Syria ; Syrian Arab Republic ; Damascus ; Syrian, Syrians
TW ; Taiwan ; Republic of China, ROC ; Taipei ; Taiwanese
TJ ; ; ; Dushanbe ; Tajik, Tajiks
TZ ; Tanzania ; ; Dodoma ; Tanzanian, Tanzanians
TH ; ; Siam ; Bangkok ; Thai
TL ; ; East Timor ; Dili ; Timorese
TG ; ; ; Lome ; Togolese
TO ; ; ; Nuku'alofa ; Tongan
TT ; ; ; Port of Spain ;
TN ; ; ; Tunis ; Tunisian, Tunisians
TR ; Turkey ; Türkiye, Turkiye ; Ankara ; Turkish, Turks
TM ; ; ; Ashgabat ; Turkmen
TV ; ; ; Funafuti ; Tuvaluan
UG ; ; ; Kampala ; Ugandan, Ugandans
UA ; ; ; Kyiv ; Ukrainian, Ukrainians
AE ; United Arab Emirates ; UAE, U.A.E., Emirates ; Abu Dhabi ; Emirati, Emiratis
GB ; United Kingdom ; UK, U.K., Great Britain, Britain ; London ; British, Briton, Britons
US ; United States ; United States of America, USA, U.S.A., US, U.S., America ; Washington ; American, Americans
UY ; ; ; Montevideo ; Uruguayan, Uruguayans
UZ ; ; ; Tashkent ; Uzbek, Uzbeks
VU ; ; ; Port Vila ;
VE ; Venezuela ; ; Caracas ; Venezuelan, Venezuelans
VN ; Vietnam ; Viet Nam ; Hanoi ; Vietnamese
YE ; ; ; Sanaa ; Yemeni, Yemenis
ZM ; ; ; Lusaka ; Zambian, Zambians
ZW ; ; ; Harare ; Zimbabwean, Zimbabweans
`;

/** Former states still named in the news, and demonyms that name a people or region but no country. */
export const HISTORIC_COUNTRIES_DATA = `
SU ; Soviet Union ; USSR, U.S.S.R. ; ; Soviet, Soviets
`;

/** Demonyms of regions, peoples and groups of countries: tagged as 'other' (CoNLL MISC), never a country. */
export const GROUP_DEMONYMS = `
European, Europeans, Asian, Asians, African, Africans, Arab, Arabs, Korean, Koreans, Kurdish, Kurd, Kurds,
Latin American, Latin Americans, Middle Eastern, Eurasian, Nordic, Baltic, Balkan, Scandinavian,
Western European, Eastern European, Caucasian, Pashtun, Uyghur, Uighur, Rohingya, Tuareg, Fulani,
Chechen, Chechens, Crimean Tatar, Tamil, Sikh, Hindu, Muslim, Muslims, Christian, Christians, Jewish, Jews,
Sunni, Shiite, Shia, Catholic,
English, Scottish, Welsh, Scot, Scots, Basque, Catalan, Flemish, Walloon, Bavarian, Texan, Californian,
`;
