/**
 * Hand-written gazetteer entries that no package provides: international bodies, institutions,
 * media, armed groups and large companies (ORG), world regions and physical geography (LOC),
 * and demonyms the nationality package lacks. One entry a line: `Name|Alias|Alias#kind`.
 * Written for this project (MIT, like the rest of the code).
 */

/** Organisations. Kinds: intl, institution, media, armed, party, company. */
export const ORGANISATIONS = `
United Nations|UN|U.N.#intl
UN Security Council|United Nations Security Council|Security Council|UNSC#intl
UN General Assembly|United Nations General Assembly|General Assembly#intl
UNICEF#intl
UNHCR|UN refugee agency#intl
UNESCO#intl
World Food Programme|WFP#intl
World Health Organization|World Health Organisation|WHO#intl
International Monetary Fund|IMF#intl
World Bank#intl
World Trade Organization|World Trade Organisation|WTO#intl
North Atlantic Treaty Organization|North Atlantic Treaty Organisation|NATO#intl
European Union|EU|E.U.#intl
European Commission|EC#intl
European Parliament#intl
European Council#intl
European Central Bank|ECB#intl
Council of Europe#intl
African Union|AU#intl
Arab League|League of Arab States#intl
Organization of the Petroleum Exporting Countries|OPEC#intl
Organisation for Economic Co-operation and Development|OECD#intl
Association of Southeast Asian Nations|ASEAN#intl
Gulf Cooperation Council|GCC#intl
International Criminal Court|ICC#intl
International Court of Justice|ICJ#intl
International Atomic Energy Agency|IAEA#intl
International Committee of the Red Cross|ICRC|Red Cross#intl
Red Crescent#intl
Amnesty International#intl
Human Rights Watch|HRW#intl
Doctors Without Borders|Médecins Sans Frontières|MSF#intl
Interpol#intl
Group of Seven|G7#intl
Group of Twenty|G20#intl
Eurogroup#intl
Federal Reserve|Fed#institution
Bank of England#institution
Bank of Japan#institution
Securities and Exchange Commission|SEC#institution
Federal Bureau of Investigation|FBI#institution
Central Intelligence Agency|CIA#institution
National Security Agency|NSA#institution
Pentagon#institution
Congress#institution
Senate#institution
House of Representatives#institution
Supreme Court#institution
Kremlin#institution
Bundestag#institution
Knesset#institution
Duma|State Duma#institution
Parliament#institution
National Aeronautics and Space Administration|NASA#institution
European Space Agency|ESA#institution
Government Accountability Office|GAO#institution
Environmental Protection Agency|EPA#institution
Food and Drug Administration|FDA#institution
Federal Aviation Administration|FAA#institution
Department of Justice|Justice Department|DOJ#institution
Department of Defense|Defense Department#institution
State Department|Department of State#institution
Home Office#institution
Foreign Office#institution
Ministry of Defence#institution
Agence France-Presse|AFP#media
Reuters#media
Associated Press|AP#media
Bloomberg#media
BBC#media
CNN#media
Al Jazeera#media
Xinhua#media
TASS#media
Interfax#media
New York Times#media
Washington Post#media
Wall Street Journal|WSJ#media
Financial Times|FT#media
Guardian#media
Economist#media
Der Spiegel#media
Le Monde#media
Fox News#media
NBC#media
CBS#media
ABC#media
Sky News#media
Taliban#armed
Hamas#armed
Hezbollah#armed
Islamic State|ISIS|ISIL|Daesh#armed
al-Qaeda|al Qaeda|Al-Qaeda#armed
Boko Haram#armed
al-Shabab|Al-Shabaab#armed
Wagner Group|Wagner#armed
Houthis#armed
Kurdistan Workers' Party|PKK#armed
Democratic Party|Democrats#party
Republican Party|Republicans|GOP#party
Labour Party|Labour#party
Conservative Party|Conservatives|Tories#party
Communist Party#party
Apple|Apple Inc.#company
Microsoft#company
Google#company
Alphabet#company
YouTube#company
Instagram#company
WhatsApp#company
Amazon#company
Meta|Facebook#company
IBM#company
Intel#company
Cisco#company
Oracle#company
Samsung#company
Sony#company
Nokia#company
Huawei#company
Tencent#company
Alibaba#company
Boeing#company
Airbus#company
Lockheed Martin#company
Northrop Grumman#company
Raytheon#company
BAE Systems#company
Embraer#company
Bombardier#company
Ryanair#company
Lufthansa#company
Air France#company
British Airways#company
Emirates#company
Qantas#company
General Motors|GM#company
Ford|Ford Motor Company#company
Chrysler#company
Toyota#company
Volkswagen|VW#company
Fiat#company
Renault#company
Nissan#company
Honda#company
Hyundai#company
BMW#company
Daimler#company
Tesla#company
ExxonMobil|Exxon Mobil|Exxon#company
Chevron#company
Shell|Royal Dutch Shell#company
BP#company
TotalEnergies|Total#company
Gazprom#company
Rosneft#company
Saudi Aramco|Aramco#company
Goldman Sachs#company
JPMorgan Chase|JPMorgan|JP Morgan#company
Morgan Stanley#company
Citigroup|Citi#company
Bank of America#company
HSBC#company
Barclays#company
Deutsche Bank#company
UBS#company
Credit Suisse#company
BNP Paribas#company
AIG#company
Walmart|Wal-Mart#company
General Electric|GE#company
Siemens#company
Pfizer#company
Moderna#company
Johnson & Johnson#company
Nestlé|Nestle#company
Unilever#company
Coca-Cola#company
PepsiCo|Pepsi#company
McDonald's#company
Starbucks#company
Disney#company
Netflix#company
Twitter#company
Uber#company
`;

/** Physical and regional geography (LOC), with a kind: continent, region, sea, river, mountain, desert. */
export const LOCATIONS = `
Africa#continent
North Africa#region
West Africa#region
East Africa#region
Southern Africa#region
Central Africa#region
Sub-Saharan Africa#region
Horn of Africa#region
Sahel#region
Sahara|Sahara Desert#desert
Europe#continent
Western Europe#region
Eastern Europe#region
Central Europe#region
Northern Europe#region
Southern Europe#region
Scandinavia#region
Balkans|the Balkans#region
Caucasus#region
Asia#continent
Central Asia#region
South Asia#region
Southeast Asia|South-East Asia#region
East Asia#region
Asia-Pacific|Asia Pacific#region
Middle East#region
Near East#region
Far East#region
Gulf|Persian Gulf|Arabian Gulf#sea
Levant#region
Maghreb#region
Americas#continent
North America#continent
South America#continent
Latin America#region
Central America#region
Caribbean#region
Oceania#continent
Antarctica#continent
Arctic#region
North Pole#region
South Pole#region
Siberia#region
Kashmir#region
Darfur#region
Donbas|Donbass#region
Gaza Strip|Gaza#region
West Bank#region
Golan Heights#region
Sinai#region
Kurdistan#region
Patagonia#region
Amazon rainforest#region
Silicon Valley#region
Earth#planet
Wall Street#region
Atlantic|Atlantic Ocean#sea
Pacific|Pacific Ocean#sea
Indian Ocean#sea
Arctic Ocean#sea
Southern Ocean#sea
Mediterranean|Mediterranean Sea#sea
Black Sea#sea
Red Sea#sea
Caspian Sea#sea
Baltic Sea|Baltic#sea
North Sea#sea
South China Sea#sea
East China Sea#sea
Aegean Sea|Aegean#sea
Adriatic Sea|Adriatic#sea
Arabian Sea#sea
Gulf of Mexico#sea
Gulf of Aden#sea
English Channel#sea
Strait of Hormuz#sea
Bosphorus#sea
Suez Canal#sea
Panama Canal#sea
Nile|Nile River|River Nile#river
Euphrates#river
Tigris#river
Danube#river
Rhine#river
Volga#river
Dnieper#river
Thames#river
Seine#river
Mississippi River#river
Amazon River#river
Yangtze#river
Yellow River#river
Mekong#river
Ganges#river
Indus#river
Congo River#river
Niger River#river
Jordan River#river
Alps#mountain
Pyrenees#mountain
Himalayas#mountain
Andes#mountain
Rockies|Rocky Mountains#mountain
Urals|Ural Mountains#mountain
Atlas Mountains#mountain
Mount Everest|Everest#mountain
Kilimanjaro|Mount Kilimanjaro#mountain
Mont Blanc#mountain
Gobi|Gobi Desert#desert
`;

/** Other names of countries: `Name as in the country list|Alias…`. */
export const COUNTRY_ALIASES = `
United States|America|the States
United Kingdom|Britain|U.K.
Netherlands|Holland
Myanmar|Burma
Ivory Coast|Côte d'Ivoire
Czechia|Czech Republic
North Korea|DPRK
South Korea|Korea
Vatican City|Vatican|Holy See
`;

/** Other names of cities: `Name as in the city list|Alias…#ISO`. */
export const CITY_ALIASES = `
Washington, D.C.|Washington|Washington D.C.|Washington DC#US
Kyiv|Kiev#UA
Mumbai|Bombay#IN
Kolkata|Calcutta#IN
Chennai|Madras#IN
Yangon|Rangoon#MM
Ho Chi Minh City|Saigon#VN
Beijing|Peking#CN
Guangzhou|Canton#CN
Almaty|Alma-Ata#KZ
Tbilisi|Tiflis#GE
`;

/** Demonyms the nationality package lacks or spells otherwise: `Demonym|Plural#ISO`. */
export const DEMONYMS = `
American|Americans#US
British|Briton|Britons|Brits#GB
English#GB
Scottish|Scot|Scots#GB
Welsh#GB
Irish#IE
Dutch#NL
Emirati|Emiratis#AE
Saudi|Saudis#SA
Argentine|Argentines|Argentinian|Argentinians#AR
Filipino|Filipinos#PH
Kiwi|Kiwis#NZ
Czech|Czechs#CZ
Slovak|Slovaks#SK
Swiss#CH
Thai|Thais#TH
Kazakh|Kazakhs#KZ
Uzbek|Uzbeks#UZ
Afghan|Afghans#AF
Yemeni|Yemenis#YE
Congolese#CD
Bosnian|Bosnians#BA
Croat|Croats#HR
Serb|Serbs#RS
Pole|Poles#PL
Dane|Danes#DK
Swede|Swedes#SE
Finn|Finns#FI
Turk|Turks#TR
Greek|Greeks#GR
Israeli|Israelis#IL
Palestinian|Palestinians#PS
Kurdish|Kurd|Kurds#
Arab|Arabs#
Muslim|Muslims#
Christian|Christians#
Jewish|Jew|Jews#
Sunni|Sunnis#
Shia|Shiite|Shiites#
European|Europeans#
African|Africans#
Asian|Asians#
Soviet#
Western#
Latino|Latinos#
`;
