/**
 * Curated lexicon of organisations that recur in international-security news: international
 * organisations, government bodies and ministries, security and intelligence services, armed
 * forces, armed groups, political parties, think tanks, news agencies and outlets.
 * Source: compiled by hand from the organisations' own public names and abbreviations. MIT.
 *
 * One line per organisation: `Canonical Name ; variants and abbreviations`. An abbreviation of a
 * national body that is ambiguous across countries (NSC, MoD) is listed under the body most cited
 * in English-language news; the link stage also expands abbreviations defined inside an article.
 */
export const ORGANIZATIONS_DATA = `
United Nations ; UN, U.N.
United Nations Security Council ; UN Security Council, U.N. Security Council, UNSC, Security Council
United Nations General Assembly ; UN General Assembly, U.N. General Assembly, UNGA, General Assembly
United Nations Human Rights Council ; UN Human Rights Council, Human Rights Council, UNHRC
UNICEF ; United Nations Children's Fund
UNHCR ; UN refugee agency, United Nations High Commissioner for Refugees, U.N. refugee agency
UNRWA ; United Nations Relief and Works Agency
World Food Programme ; WFP, World Food Program
International Atomic Energy Agency ; IAEA
World Health Organization ; WHO
International Monetary Fund ; IMF
World Bank ;
World Trade Organization ; WTO
International Criminal Court ; ICC
International Court of Justice ; ICJ
International Committee of the Red Cross ; ICRC, Red Cross
Doctors Without Borders ; Medecins Sans Frontieres, Médecins Sans Frontières, MSF
Amnesty International ; Amnesty
Human Rights Watch ; HRW
North Atlantic Treaty Organization ; NATO, North Atlantic Alliance
North Atlantic Council ; NAC
European Union ; EU, E.U.
European Commission ;
European Council ;
European Parliament ;
Council of the European Union ;
Organization for Security and Co-operation in Europe ; OSCE, Organization for Security and Cooperation in Europe
Council of Europe ;
African Union ; AU
Economic Community of West African States ; ECOWAS
Alliance of Sahel States ; AES
Association of Southeast Asian Nations ; ASEAN
Shanghai Cooperation Organisation ; SCO, Shanghai Cooperation Organization
Collective Security Treaty Organization ; CSTO
BRICS ;
Group of Seven ; G7, G-7
Group of 20 ; G20, G-20
Organization of the Petroleum Exporting Countries ; OPEC, OPEC+
Arab League ; League of Arab States
Gulf Cooperation Council ; GCC
Organisation of Islamic Cooperation ; OIC, Organization of Islamic Cooperation
Quad ; Quadrilateral Security Dialogue
AUKUS ;
Interpol ;
Europol ;
Frontex ;
White House ;
Pentagon ; U.S. Department of Defense, US Department of Defense, Department of Defense, Defense Department, DoD
State Department ; U.S. State Department, US State Department, Department of State
Treasury Department ; U.S. Treasury, US Treasury, Department of the Treasury
Department of Homeland Security ; DHS, Homeland Security
Justice Department ; Department of Justice, DOJ
National Security Council ; NSC
Central Intelligence Agency ; CIA
Federal Bureau of Investigation ; FBI
National Security Agency ; NSA
Office of the Director of National Intelligence ; ODNI
Defense Intelligence Agency ; DIA
Congress ; U.S. Congress, US Congress
Senate ; U.S. Senate, US Senate
House of Representatives ; U.S. House, US House
Senate Armed Services Committee ;
House Armed Services Committee ;
Senate Foreign Relations Committee ;
Joint Chiefs of Staff ;
U.S. Forces Korea ; United States Forces Korea, USFK, US Forces Korea
U.S. Indo-Pacific Command ; INDOPACOM, Indo-Pacific Command
U.S. Central Command ; CENTCOM, Central Command
U.S. European Command ; EUCOM
U.S. Africa Command ; AFRICOM
U.S. Army ; US Army
U.S. Navy ; US Navy
U.S. Air Force ; US Air Force
U.S. Marine Corps ; Marine Corps
Democratic Party ; Democrats
Republican Party ; Republicans, GOP
Kremlin ;
Russian Defense Ministry ; Russian Ministry of Defense, Russian Ministry of Defence
Russian Foreign Ministry ;
Federal Security Service ; FSB
Foreign Intelligence Service ; SVR
GRU ; Main Intelligence Directorate
Russian Armed Forces ;
Wagner Group ; Wagner, Wagner PMC
Africa Corps ;
State Duma ; Duma
Federation Council ;
Security Council of Russia ;
Rosatom ;
Roscosmos ;
Gazprom ;
Armed Forces of Ukraine ; Ukrainian Armed Forces, AFU
Security Service of Ukraine ; SBU
Main Intelligence Directorate of Ukraine ; HUR
Verkhovna Rada ; Rada
Naftogaz ;
Workers' Party of Korea ; Workers Party of Korea, WPK
Korean People's Army ; KPA
Korean Central News Agency ; KCNA
Rodong Sinmun ;
State Affairs Commission ;
Supreme People's Assembly ;
Reconnaissance General Bureau ;
Lazarus Group ;
Joint Chiefs of Staff of South Korea ; JCS
National Intelligence Service ; NIS
Unification Ministry ; Ministry of Unification
Democratic Party of Korea ;
People Power Party ; PPP
Chinese Communist Party ; Communist Party of China, CCP, CPC
People's Liberation Army ; PLA
Central Military Commission ;
Chinese Foreign Ministry ;
Japan Self-Defense Forces ; Self-Defense Forces
Israel Defense Forces ; IDF
Mossad ;
Shin Bet ;
Knesset ;
Likud ;
Hamas ;
Qassam Brigades ; Izz ad-Din al-Qassam Brigades, al-Qassam Brigades, Ezzedine al-Qassam Brigades
Palestinian Islamic Jihad ; Islamic Jihad, PIJ
Palestinian Authority ;
Palestine Liberation Organization ; PLO
Fatah ;
Hezbollah ; Hizbollah, Hizballah
Houthis ; Houthi, Ansar Allah, Houthi rebels
Islamic Revolutionary Guard Corps ; IRGC, Revolutionary Guards, Revolutionary Guard
Quds Force ;
Kataib Hezbollah ; Kata'ib Hezbollah
Popular Mobilization Forces ; PMF, Hashd al-Shaabi
Hayat Tahrir al-Sham ; HTS
Syrian Democratic Forces ; SDF
Kurdistan Workers' Party ; PKK, Kurdistan Workers Party
Islamic State ; ISIS, ISIL, Daesh, Islamic State group
Islamic State in the Greater Sahara ; ISGS, Islamic State Sahel Province
Islamic State West Africa Province ; ISWAP
al-Qaeda ; Al-Qaeda, al Qaeda, Al Qaeda, al-Qaida
al-Qaeda in the Islamic Maghreb ; AQIM
Jama'at Nusrat al-Islam wal-Muslimin ; JNIM, Jamaat Nusrat al-Islam wal-Muslimin
al-Shabaab ; al-Shabab, Al-Shabaab, Al Shabaab
Boko Haram ;
Taliban ;
Tehrik-i-Taliban Pakistan ; TTP, Pakistani Taliban
Rapid Support Forces ; RSF
Sudanese Armed Forces ; SAF
M23 ; March 23 Movement
Tigray People's Liberation Front ; TPLF
Muslim Brotherhood ;
Center for Strategic and International Studies ; CSIS
Beyond Parallel ;
Brookings Institution ; Brookings
RAND Corporation ; RAND
Council on Foreign Relations ; CFR
Atlantic Council ;
Carnegie Endowment for International Peace ; Carnegie Endowment
Institute for the Study of War ; ISW
International Institute for Strategic Studies ; IISS
Stockholm International Peace Research Institute ; SIPRI
Royal United Services Institute ; RUSI
Chatham House ;
Heritage Foundation ;
Stimson Center ;
38 North ;
Korea Institute for National Unification ; KINU
Asan Institute for Policy Studies ; Asan Institute
Associated Press ; AP, The Associated Press
Reuters ; Thomson Reuters
Agence France-Presse ; AFP, Agence France Presse
Yonhap ; Yonhap News Agency, Yonhap News
Kyodo News ; Kyodo
Xinhua ; Xinhua News Agency
TASS ; Tass
RIA Novosti ; RIA
Interfax ;
Ukrinform ;
Anadolu Agency ; Anadolu
Bloomberg ; Bloomberg News
NBC News ; NBC
CBS News ; CBS
ABC News ; ABC
CNN ;
Fox News ;
MSNBC ;
NPR ;
BBC ; BBC News
Sky News ;
Al Jazeera ;
Al Arabiya ;
Deutsche Welle ; DW
France 24 ;
Euronews ;
Politico ; Politico Europe
Axios ;
The New York Times ; New York Times, NYT
The Washington Post ; Washington Post
The Wall Street Journal ; Wall Street Journal, WSJ
Financial Times ; FT
The Guardian ; Guardian
The Economist ;
The Times ;
The Telegraph ; Daily Telegraph
Daily Wire ; DailyWire, DailyWire+
Radio Free Europe/Radio Liberty ; RFE/RL, Radio Free Europe
Voice of America ; VOA
NK News ;
Daily NK ;
Korea Herald ;
Korea JoongAng Daily ; JoongAng Ilbo
Chosun Ilbo ;
Kyiv Independent ;
Meduza ;
Haaretz ;
Times of Israel ;
Global Times ;
South China Morning Post ; SCMP
Nikkei ; Nikkei Asia
Telegram ;
Viber ;
Facebook ;
Meta ;
Google ;
Microsoft ;
Boeing ;
Lockheed Martin ;
Raytheon ; RTX
Samsung ;
Hyundai ;
SpaceX ;
Starlink ;
`;
