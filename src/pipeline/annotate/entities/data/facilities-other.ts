/**
 * Facilities (test sites, launch sites, nuclear plants, bases, ports, shipyards) and other named
 * things (agreements, treaties, consultative groups, military exercises, weapon systems, wars and
 * events) that recur in international-security reporting.
 * Source: compiled by hand from public knowledge (IAEA, CTBTO and defence-ministry names). MIT.
 *
 * One line per thing: `Canonical Name ; variants`.
 */
export const FACILITIES_DATA = `
Punggye-ri ; Punggye-ri nuclear test site, Punggye-ri Nuclear Test Site, Punggye-ri nuclear facility, Punggyeri
Yongbyon ; Yongbyon nuclear complex, Yongbyon Nuclear Scientific Research Center, Yongbyon nuclear facility
Sohae Satellite Launching Station ; Sohae, Tongchang-ri, Sohae launch site
Sinpo shipyard ; Sinpo South Shipyard
Vostochny Cosmodrome ; Vostochny, Vostochny space center
Baikonur Cosmodrome ; Baikonur
Plesetsk Cosmodrome ; Plesetsk
Kapustin Yar ;
Zaporizhzhia Nuclear Power Plant ; Zaporizhzhia nuclear plant, Zaporizhzhia plant, Zaporizhzhia NPP, ZNPP
Chernobyl Nuclear Power Plant ; Chernobyl nuclear plant
Kakhovka Dam ; Nova Kakhovka dam, Kakhovka hydroelectric dam
Crimean Bridge ; Kerch Bridge, Kerch Strait Bridge
Nord Stream ; Nord Stream 1, Nord Stream 2, Nord Stream pipelines
Fukushima Daiichi ; Fukushima Daiichi nuclear power plant, Fukushima nuclear plant
Natanz enrichment facility ; Natanz nuclear facility, Natanz Fuel Enrichment Plant
Fordow ; Fordow enrichment facility, Fordo
Bushehr nuclear power plant ; Bushehr plant
Arak heavy water reactor ; Arak reactor
Dimona ; Shimon Peres Negev Nuclear Research Center
Guantanamo Bay ; Guantanamo, Guantánamo Bay
Ramstein Air Base ; Ramstein
Camp Humphreys ;
Osan Air Base ;
Kunsan Air Base ;
Kadena Air Base ;
Yokota Air Base ;
Andersen Air Force Base ;
Incirlik Air Base ;
Al Udeid Air Base ; Al Udeid
Hmeimim Air Base ; Hmeimim, Khmeimim
Tartus naval base ;
Camp Lemonnier ;
Diego Garcia ;
Pearl Harbor naval base ; Joint Base Pearl Harbor-Hickam
Al-Shifa Hospital ; al-Shifa hospital, Shifa hospital
Al-Aqsa Mosque ; Al Aqsa Mosque, al-Aqsa
Kerch Strait ;
Sevastopol naval base ;
Olenya air base ;
`;

export const OTHER_DATA = `
Washington Declaration ;
Nuclear Consultation Group ; NCG
Camp David Accords ;
Abraham Accords ;
Oslo Accords ;
Minsk agreements ; Minsk agreement, Minsk II, Minsk accords
Joint Comprehensive Plan of Action ; JCPOA, Iran nuclear deal
New START ; New START treaty
Intermediate-Range Nuclear Forces Treaty ; INF Treaty
Treaty on the Non-Proliferation of Nuclear Weapons ; Non-Proliferation Treaty, Nuclear Non-Proliferation Treaty, NPT
Comprehensive Nuclear-Test-Ban Treaty ; CTBT
Korean Armistice Agreement ; Korean War Armistice Agreement
Comprehensive Strategic Partnership Treaty ; Treaty on Comprehensive Strategic Partnership
Good Friday Agreement ;
Paris Agreement ; Paris climate agreement
Geneva Conventions ;
Black Sea Grain Initiative ; Black Sea grain deal
Budapest Memorandum ;
Rome Statute ;
UN Charter ; United Nations Charter
Article 5 ;
Iron Dome ;
Patriot missile system ; Patriot air defense system, Patriot missiles
HIMARS ;
ATACMS ;
F-16 ; F-16s
F-35 ; F-35s
Storm Shadow ;
Leopard 2 ; Leopard tanks
M1 Abrams ; Abrams tank, Abrams tanks
Iskander ; Iskander-M
Kinzhal ;
Shahed ; Shahed-136, Shaheds
Hwasong-18 ;
Hwasong-17 ;
Hwasong-19 ;
KN-23 ;
KN-24 ;
Sarmat ;
Oreshnik ;
Freedom Shield ;
Ulchi Freedom Shield ;
Freedom Edge ;
Zapad ;
RIMPAC ;
Operation Al-Aqsa Flood ; Al-Aqsa Flood
Korean War ;
Cold War ;
World War II ; Second World War, WWII
World War I ; First World War, WWI
Vietnam War ;
Gulf War ;
Iraq War ;
Six-Day War ;
Yom Kippur War ;
Israel-Hamas war ;
Holocaust ;
Arab Spring ;
Munich Security Conference ;
Shangri-La Dialogue ;
Olympics ; Olympic Games
World Cup ;
Nobel Peace Prize ;
`;
