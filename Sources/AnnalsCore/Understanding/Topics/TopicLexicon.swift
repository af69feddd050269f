// The hand-built vocabularies behind ``TopicClassifier``: one weighted lexicon per IPTC top-level
// Media Topic, written from knowledge of each field's vocabulary (never fitted to labelled data).
//
// Entry syntax, whitespace separated: `word` (weight 1), `word:2.5` (weight 2.5), `stem*` (any word
// starting with `stem`, at least four letters), `two_words` (a bigram: consecutive words).
// Words are lowercase ASCII; apostrophes are dropped before lookup (`don't` → `dont`).

/// The weighted vocabulary of each IPTC top-level Media Topic, in ``TopicClassifier/allTopics`` order.
let topicLexicons: [(topic: String, entries: String)] = [
    (
        "arts, culture, entertainment and media",
        """
        art:1.5 artist*:2 artwork*:2 painting*:2 painter*:2 sculpt*:2.5 museum*:2 gallery:1.5 galleries:1.5
        exhibition*:1.5 exhibit curator*:1.5 novel:1.5 novels:1.5 novelist*:2.5 poet:2.5 poets:2.5 poetry:2.5 poem:2
        poems:2 literature:2 literary:2 author authors fiction:1.5 playwright*:2.5 theatre:2 theater:2 theatres:2
        theaters:2 broadway:2 opera:2.5 operas:2.5 ballet:2.5 dance dancer*:1.5 choreograph*:2.5 music:1.5
        musical:1.5 musician*:2 concert*:2 symphony:2.5 orchestra*:2.5 composer*:2 album:2 albums:2 song:1.5
        songs:1.5 singer*:2 songwriter*:2.5 band:0.5 rock_band:2 jazz:2 blues rap:1.5 hip_hop:2.5 grammy:3 film:1.5
        films:1.5 filmmaker*:2.5 movie:1.5 movies:1.5 cinema*:2 actor:2 actors:2 actress*:2.5 hollywood:2 oscar:2
        oscars:2.5 academy_award*:2.5 box_office:2.5 director:0.5 screenplay*:2.5 documentary:1.5 television:1.5 tv
        sitcom*:2.5 broadcast* broadcaster*:1.5 radio:0.5 newspaper*:1.5 magazine* journalist*:1.5 journalism:2
        editor:0.5 editorial press_freedom:2 media publisher* publishing bestseller*:2 best_seller:2 book_review*:2
        reviewer* critic critics festival*:1.5 culture cultural heritage folklore:2 celebrity celebrities
        entertainment:2 entertainer*:2 comic comics:1.5 cartoon*:1.5 animation animated hbo:1.5 mtv:2 cbs:0.5 nbc:0.5
        abc:0.3 cnn:0.5 pulitzer:2 nobel_prize_in_literature:3 shakespeare:2 beethoven:2 mozart:2 picasso:2 beatles:2
        premiere*:2 sequel*:1.5 soundtrack*:2.5 lyrics:2 guitarist*:2 drummer*:2 pianist*:2 violin*:2 cello*:2
        recording_artist*:2.5 record_label*:2.5 paperback*:1.5 hardcover:1.5 librar*:0.5 architecture arts:2
        artistic:2 art_gallery:3 art_exhibition:3 art_museum:3 fine_arts:3 performing_arts:3 masterpiece*:2.5 canvas
        portrait*:1.5 photograph* photography:2 photographer*:1.5 sculpture:2.5 sculptor*:2.5 stage:0.5 staged:0.5
        performance:0.5 performances performer*:2 audience*:1.5 cast:0.5 starring:2.5 starred:2 stars:0.3 role:0.3
        leading_role:3 film_festival*:3 cannes:2 sundance:3 emmy:3 emmys:3 tony_award*:3 golden_globe*:3
        booker_prize:3 bestselling:2 memoir*:2 biography:1.5 biographer*:2 anthology:2.5 novella:3 short_stories:3
        short_story:3 publisher publishing_house:3 editor_in_chief:2 newsroom:2 news_agency:2 reporter*
        correspondent* columnist*:2 anchorman:2 talk_show*:2.5 talk_radio:2 television_network*:2.5
        cable_television:2 network_television:2.5 prime_time:2.5 ratings series:0.5 episode*:2 soap_opera*:3
        censorship:0.5 freedom_of_the_press:2 tabloid* paparazzi:2 rapper*:2.5 pop_star*:3 rock_star*:3 pop_music:3
        rock_music:3 classical_music:3 folk_music:3 country_music:3 record_company:3 cd_release:2 music_video*:3
        tour:0.5 concert_tour:3 orchestral:3 conductor philharmonic:3 soprano*:3 tenor*:1.5 aria*:2 choir*:1.5 chorus
        museums:2 monument* cultural_heritage:3 unesco:1.5 archaeolog*:2 antiquities:2.5 artifact*:1.5 artefact*:1.5
        crafts:1.5 handicraft*:2.5 fashion_show* designer*:0.5 screenwriter*:3 cinematograph*:3 hollywood_studio*:3
        studio:0.5
        """
    ),
    (
        "conflict, war and peace",
        """
        war:2 wars:2 warfare:2.5 wartime:2 civil_war:3 world_war:2 cold_war:1.5 warlord*:2.5 battle:1.5 battles:1.5
        battlefield*:2.5 fighting:1.5 fought:1.5 combat*:2 army:2 armies:2 soldier*:2.5 troop*:2.5 military:2
        militar*:2 militia*:2 militant*:2.5 guerrilla*:3 guerilla*:3 rebel:2.5 rebels:2.5 rebellion:2 insurgen*:3
        insurrection*:2 uprising*:2 intifada:3 invasion*:2.5 invade*:2 invaded:2 occupation:1.5 occupied:2
        occupying:2 occupier*:2 bomb:1.5 bombs:1.5 bombing*:2.5 bombed:2 bomber*:2 air_strike*:3 airstrike*:3
        shelling:3 shelled:2.5 artillery:2.5 missile*:2 rocket*:0.5 tank:0.5 tanks mortar*:1.5 grenade*:2 landmine*:3
        mines:0.5 weapon weapons arms nuclear_weapon*:2 chemical_weapon*:2.5 ceasefire*:3 cease_fire:3 truce:3
        armistice:3 peace:2 peacekeep*:3 peace_talks:3 peace_process:3 peace_accord*:3 peace_treaty:3 treaty
        disarm*:2.5 massacre*:3 genocid*:3 atrocit*:3 ethnic_cleansing:3 slaughter*:2 killed killing killings:1.5
        casualt*:2 wounded:1.5 civilians:2 civilian:1.5 refugee*:1.5 prisoner_of_war:3 prisoners_of_war:3 pows:2
        hostage*:2 captured siege:2.5 besieged:2.5 ambush*:2.5 offensive counteroffensive:3 airborne commando*:2.5
        special_forces:2.5 navy:1.5 naval:1.5 air_force:1.5 pentagon:1.5 defence defense_minister:2
        defence_minister:2 defense_secretary:2 general:0.3 colonel commander*:1.5 regiment*:2.5 brigade*:2.5
        battalion*:2.5 division:0.3 infantry:2.5 marines:1.5 front_line*:2.5 frontline*:2.5 enemy:1.5 enemies:1.5
        ally:0.5 allies allied nato:2 terroris*:2.5 terror:1.5 paramilitar*:3 death_squad*:3 coup:2 junta:2.5
        martial_law:2.5 annex*:1.5 territor*:0.5 border_clash*:3 clashes:2 clashed:2 skirmish*:2.5 shot_dead:2
        gunmen:2.5 gunfire:2 sniper*:2.5 war_crime*:3 armistice*:2 conquest:1.5 conquer*:1.5 israeli*:1.5 palestin*:2
        plo:2.5 hamas:2.5 hezbollah:3 hizbollah:3 zionis*:1.5 arab arabs armenian* azerbaijan* azeri*:1.5 karabakh:3
        turkish:0.5 bosnia*:1.5 serb:1.5 serbs:1.5 serbian* croat* kosovo:2 chechen*:2 chechnya:2.5 kurds:1.5
        kurdish:1.5 gaza:1.5 west_bank:2 golan:2 lebanon:1.5 lebanese iraq iraqi* saddam:2 kuwait:0.5 gulf_war:3
        vietnam_war:3 korean_war:3 afghan* mujahid*:2.5 contras:2.5 sandinista*:2.5 khmer_rouge:3 idf:3
        occupied_territories:3 settlers:1.5 settlement:0.3 resistance liberation liberation_front:2.5
        freedom_fighter*:3 nazi:1.5 nazis:1.5 holocaust:2 invasion:2 deport* expelled expulsion:1.5 israel:1.5
        armenia:1.5 armenians:2 turks genocide:3 zionist* syria syrian* turkey:0.5 azerbaijani*:1.5 ottoman*:1.5
        villages villagers:1.5 hostilities:3
        """
    ),
    (
        "crime, law and justice",
        """
        crime:2.5 crimes:2.5 criminal*:2.5 criminalit*:2 murder*:2.5 homicide*:2.5 manslaughter:3 robbery:3
        robber*:2.5 burglar*:3 theft:2.5 thief:2.5 thieves:2.5 stolen:1.5 steal stealing:1.5 fraud:2.5 fraudulent:2
        embezzl*:3 brib*:2 corruption:1.5 smuggl*:2.5 drug_traffick*:3 trafficking:2 cartel* assault:1.5 assaulted:2
        rape:2.5 raped:2.5 rapist*:2.5 kidnap*:2.5 abduct*:2 arson*:3 vandal*:2 police:2 policeman:2 policemen:2
        cop:1.5 cops:1.5 officer*:0.5 sheriff*:2 detective*:2 fbi:2 batf:2.5 atf:2.5 dea:1.5 interpol:2 arrest:2
        arrests:2 arrested:2.5 custody:2 jail:2.5 jailed:2.5 prison:2 prisons:2 prisoner*:1.5 inmate*:2.5 imprison*:2
        sentence sentenced:2.5 sentencing:2.5 parole:2.5 probation:2.5 convict*:2.5 felon:2.5 felons:2.5 felony:2.5
        felonies:2.5 misdemeanor*:2.5 court:1.5 courts:1.5 courtroom:2 judge:1.5 judges:1.5 judicial:1.5
        judiciary:1.5 jury:2.5 juror*:2.5 trial:1.5 trials prosecut*:2.5 prosecutor*:2.5 district_attorney:2.5
        attorney*:1.5 lawyer*:1.5 defendant*:2.5 plaintiff*:2 lawsuit*:2 sued:1.5 sue litigation:2 verdict*:2.5
        acquit*:2.5 guilty:2 innocent:0.5 indict*:2.5 charged_with:2.5 testimony:1.5 testif*:1.5 witness*
        evidence:0.3 appeal:0.5 appeals_court:2.5 supreme_court:2 death_penalty:2.5 capital_punishment:2.5 execution*
        executed law laws legal illegal:1.5 illegally:1.5 unlawful:2 lawful statute*:1.5 ordinance* legislation:0.5
        crime_rate*:3 violent_crime:3 violence gang:2 gangs:2 mafia:2.5 mob gunman:2 shooting* shot:0.5 killer*:2
        serial_killer*:3 victim* handgun*:2.5 firearm*:2.5 gun_control:3 concealed self_defense:1.5 self_defence:1.5
        search_warrant:3 warrant*:2 raid seized:1.5 seizure forfeiture:2.5 investigat* justice:1.5 injustice
        justice_department:2 attorney_general:2 law_enforcement:2.5 swat:2 constitutional:0.5 amendment:0.5
        fourth_amendment:2 fifth_amendment:2 miranda:2 libel:2 slander:2 copyright_infringement:2.5 piracy
        pirated:1.5 extradit*:3 fugitive*:2.5 manhunt:3 terrorism_charges:3 drug_dealer*:3 narcotic*:2 cocaine:1.5
        heroin:1.5 crack_cocaine:2 marijuana penalty penalties fine:0.3 fined:1.5 punishment*:1.5 punish* deterrent
        crime_bill:3 death_row:3 gallows:2 hanged:1.5 lynch*:2 waco:1.5 koresh:2 davidian*:1.5 compound:0.3 siege:0.5
        hostage:0.5 rodney_king:3 riot* gun:2 guns:2 rifle*:2 shotgun*:2 pistol*:2 ammo:2 ammunition:2 nra:2
        concealed_carry:3 assault_weapon*:3 gun_owner*:2.5 gun_ban:3 semi_automatic:2 semiauto*:2 carry_permit*:3
        """
    ),
    (
        "disaster, accident and emergency incident",
        """
        disaster*:3 catastroph*:2 earthquake*:3 quake*:3 tsunami*:3 flood:2 floods:2.5 flooding:2.5 flooded:2
        hurricane*:2 typhoon*:2 cyclone*:2 tornado*:2 landslide*:3 mudslide*:3 avalanche*:3 volcan*:2.5 eruption*:2.5
        erupted:2.5 wildfire*:3 bushfire*:3 forest_fire*:3 blaze:2.5 fire fires:1.5 firefighter*:3 fire_brigade:3
        burned_down:3 explosion*:2 exploded:2 blast:1.5 accident:2.5 accidents:2.5 accidental* crash:1.5 crashed:2
        crashes plane_crash:3 air_crash:3 car_crash:3 collision*:2 collided:3 derail*:3 shipwreck*:3 capsiz*:3 sank:2
        sinking:2 ferry drown*:2.5 drowned:2.5 famine*:3 drought*:2 epidemic* rescue:2 rescued:2 rescuers:3
        rescue_workers:3 emergency:1.5 emergencies:1.5 evacuat*:2.5 survivor*:2 death_toll:3 toll injured:2
        injuries:1.5 injuring:2 dead casualties missing:0.5 victims homeless:0.5 relief aid_workers:2 red_cross:2
        red_crescent:2 debris:2 rubble:3 wreckage:3 collapse* collapsed:2 trapped:2 leak spill:2 oil_spill:3
        chemical_spill:3 toxic_leak:3 meltdown:2 chernobyl:3 radiation_leak:3 gas_leak:3 mine_disaster:3 stampede:3
        fatal*:1.5 fatalit*:2.5 killed victim ambulance*:2 paramedic*:2 emergency_services:3 state_of_emergency:3
        fema:3 hazard* safety:0.5 natural_disaster*:3 disaster_relief:3 disaster_area:3 relief_effort*:3
        relief_supplies:3 aftershock*:3 richter:3 richter_scale:3 magnitude seismic:2 seismolog*:2 epicenter:3
        epicentre:3 tremor*:2 lava:3 ash flash_flood*:3 floodwaters:3 flood_waters:3 levee*:2.5 dam_burst:3
        mudslides:3 heat_wave tidal_wave:3 storm_surge:3 train_crash:3 rail_crash:3 train_derailment:3 bus_crash:3
        road_accident*:3 traffic_accident*:3 pileup*:3 pile_up:3 air_disaster:3 airliner:1.5 plane_crashed:3
        crashed_into:3 black_box:2.5 flight_recorder*:3 mid_air:2.5 midair:2.5 ntsb:3 faa:1.5 ferry_disaster:3
        ferry_sank:3 mine_explosion:3 gas_explosion:3 industrial_accident*:3 factory_fire:3 house_fire:3
        caught_fire:3 burned burning:0.5 smoke fire_fighters:3 firemen:3 fire_department:2.5 search_and_rescue:3
        rescue_teams:3 rescue_operation*:3 emergency_workers:3 emergency_room first_aid:2 disaster_struck:3
        body_count bodies:1.5 missing_persons:2 presumed_dead:3 feared_dead:3 hazmat:3 evacuation:3 evacuees:3
        chemical_leak:3 bhopal:3 exxon_valdez:2 shipwrecked:3 sinking_ship:3 lifeboat*:3 coast_guard:2 mayday:2
        distress_call:3 near_miss:2 mishap*:2.5
        """
    ),
    (
        "economy, business and finance",
        """
        economy:2.5 economies:2.5 economic:2 economics:2 economist*:2.5 business:1.5 businesses:1.5 company
        companies:1.5 corporat*:1.5 firm:0.5 firms industry industries:1.5 industrial:1.5 market:1.5 markets:2
        marketing:1.5 stock stocks:2 shares:1.5 shareholder*:2.5 stock_market:3 stock_exchange:3 wall_street:2.5
        dow_jones:3 nasdaq:3 investor*:2.5 invest:1.5 investment*:2 finance:2 financial:2 financing:2 bank:1.5
        banks:2 banking:2.5 banker*:2.5 central_bank:3 interest_rate*:3 inflation:2.5 recession:3 gdp:3 gnp:3
        growth:0.5 trade:1.5 trading:1.5 trade_deficit:3 exports:2.5 export:1.5 imports:2 import:0.5 tariff*:2.5
        gatt:3 nafta:2.5 wto:2.5 imf:2.5 world_bank:2.5 currency:2 currencies:2 dollar dollars yen:1.5
        deutsche_mark:2.5 marks:0.3 exchange_rate*:3 profit:2 profits:2 profitab*:2 revenue*:2 earnings:2 loss:0.5
        losses quarter:0.5 quarterly:2 fiscal:1.5 budget deficit:1.5 debt:1.5 debts:1.5 loan:1.5 loans:1.5 lending:2
        lender*:2 credit mortgage*:2 bankrupt*:2.5 merger*:3 acquisition*:1.5 takeover*:2.5 buyout*:3 ipo:2.5
        dividend*:3 bond bonds:2 treasury securities:1.5 commodit*:2.5 futures:1.5 crude:1.5 oil_prices:3 opec:3
        barrel* price prices pricing cost:0.5 costs sales:1.5 sold:0.5 customer*:1.5 consumer*:1.5 retail*:2
        retailer*:2 wholesale:2 manufactur*:1.5 production output:0.5 supply:0.5 demand ceo:2 chief_executive:2.5
        executive* chairman board_of_directors:2 entrepreneur*:2 startup* venture_capital:3 privatiz*:3 privatis*:3
        subsid*:1.5 tax taxes taxation:1.5 income wages:0.5 salary:0.5 capital:0.5 capitalism capitalist*
        multinational*:2 conglomerate*:2.5 monopol*:2 antitrust:2 competitor*:1.5 competition:0.5 boom layoffs
        jobs:0.5 unemployment poverty:0.3 dealer:0.5 dealers:0.5 dealership*:2 warranty purchase* money:0.7
        insurance:0.7 premium*:0.5 lease leasing:1.5 asking_price:2 obo:2 for_sale:2 negotiable:1.5 shipping
        forsale:2 shr:3 shrs:3 revs:3 qtr:3 mln:1.5 dlrs:1.5 cts:2 net_income:3 net_loss:3 oper:2 avg:0.5 billion:0.5
        pct wheat:2 corn:1.5 grain:2 grains:2 soybean*:2.5 soybeans:2.5 tonnes:2 tonne:2 harvest* crop:1.5 crops:1.5
        agricultur*:2 farm:1.5 farms:1.5 farmer*:1.5 farming:1.5 coffee sugar cocoa:2 copper:1.5 mining:1.5
        metals:1.5 freight:2 stake:1.5 subsidiary:2.5 subsidiaries:2.5 acquire*:2 unit:0.3 inc corp:1.5 ltd:1.5 plc:2
        nv ag:0.5 co:0.3 tender_offer:3 shareholders:3 bid trade_surplus:3 balance_of_payments:3 money_supply:3
        bundesbank:3 fed federal_reserve:3 treasury_bills:3 crude_oil:3 refinery:2.5 refineries:2.5 barrels:2 bpd:3
        petroleum:2 oil_company:3 stock_split:3 quarter_results:3
        """
    ),
    (
        "education",
        """
        education:2.5 educational:2.5 educator*:3 school:2 schools:2.5 schooling:3 pupil*:3 student:2 students:2
        teacher:2.5 teachers:3 teaching:2 teach:1.5 classroom*:3 curriculum*:3 curricula:3 university
        universities:1.5 college colleges:1.5 campus*:1.5 undergraduate*:2 graduate graduates:1.5 graduation:2
        degree:0.5 diploma*:2.5 phd professor professors faculty tuition:3 scholarship*:2 literacy:3 illiteracy:3
        kindergarten*:3 preschool:3 primary_school*:3 secondary_school*:3 high_school*:2.5 elementary_school*:3
        school_board*:3 headmaster*:3 exam:1.5 exams:2 examination* textbook*:2.5 homework:2.5 learning learn:0.5
        lecture* course:0.3 courses enrollment:2.5 enrolment:2.5 enrol*:2 academic academics school_prayer
        vouchers:1.5 home_schooling:3 dropout*:2 grade:0.5 grades schoolchildren:3 schoolteacher*:3 school_year:3
        school_district*:3 school_boards:3 public_schools:3 private_schools:2.5 boarding_school*:3 grammar_school*:3
        comprehensive_school*:3 secondary_education:3 higher_education:3 primary_education:3 vocational:2.5
        apprentice*:1.5 lecturer*:2 dean:1.5 deans:1.5 chancellor:0.5 semester*:2.5 term_papers:3 thesis:1.5
        dissertation*:2 admission*:1.5 alumni:2 tenure adult_education:3 student_loan*:3 student_union:3
        student_protest*:2 class_size*:3 math_scores:3 test_scores:3 sat standardized_test*:3 reading_skills:3
        bilingual_education:3 education_minister:3 education_ministry:3 education_secretary:3 ministry_of_education:3
        department_of_education:3 academies:2 academy:0.5 polytechnic*:2.5 baccalaureate:3 gcse*:3 a_levels:3
        truancy:3 truant*:3 playground*:1.5 nursery_school*:3 daycare:1.5 educating:2.5 educate:2 educated
        learners:2.5 teaching_assistant*:3 teachers_union*:3 pta:3 school_lunch*:3 student_aid:3 grant*:0.5
        fellowship*
        """
    ),
    (
        "environment",
        """
        environment:2 environmental:2.5 environmentalist*:3 ecolog*:2.5 ecosystem*:3 pollution:3 pollut*:3
        emission*:2 greenhouse:2.5 global_warming:3 climate_change:3 ozone:3 carbon_dioxide:2.5 co2:2 deforestation:3
        rainforest*:3 rain_forest*:3 logging forests:1.5 wilderness:2 wildlife:2.5 endangered:2.5
        endangered_species:3 extinct*:2 biodiversity:3 habitat*:2.5 conservation*:2.5 recycl*:3 waste toxic_waste:3
        hazardous_waste:3 landfill*:3 sewage:2.5 acid_rain:3 smog:3 contamina*:2 pesticide*:2.5 epa:2.5 greenpeace:3
        sierra_club:3 renewable*:2.5 solar_power:2 wind_power:2.5 nuclear_waste:3 clean_air:2.5 clean_water:2.5
        whaling:3 whales:1.5 oil_spill:2 spotted_owl:3 earth_day:3 natural_resources:2 green_party sustainab*:2
        water_quality:2.5 drinking_water:1.5 fisheries:1.5 environmentally:3 environmentalism:3 green_movement:3
        conservationist*:3 national_park*:2.5 nature_reserve*:3 protected_area*:2.5 species:1.5 extinction:2.5
        poaching:2.5 poacher*:2.5 ivory elephants trees forest:1.5 reforestation:3 clear_cutting:3 clearcut*:3 timber
        wetland*:3 marsh*:1.5 estuar*:2 coral_reef*:3 reef soil_erosion:3 erosion:2 desertification:3
        carbon_emissions:3 fossil_fuel*:2 coal fuel_efficiency:2 energy_efficiency:2.5 alternative_energy:2.5
        solar_energy:2 nuclear_power:1.5 nuclear_plant*:1.5 dioxin*:3 asbestos:2 lead_poisoning:2 air_pollution:3
        water_pollution:3 polluter*:3 polluted:3 environmental_protection_agency:3 kyoto_protocol:3
        montreal_protocol:3 earth_summit:3 rio_summit:3 biosphere:3 ecological:3 ecologist*:3 green_peace:3
        friends_of_the_earth:3 worldwatch:3 wwf:3 world_wildlife_fund:3 cfc:3 cfcs:3 chlorofluorocarbon*:3
        sea_level*:2 ice_caps:2.5 glacier*:2 overfishing:3 fish_stocks:3 drift_nets:3 driftnet*:3 compost*:3 litter
        garbage trash incinerator*:3 waste_disposal:3 dump:0.5 dumping:1.5 toxic_chemicals:3 superfund:3
        exxon_valdez:3 valdez:2 oil_slick:3 conservation_group*:3 environmental_group*:3 animal_rights:2 fur seals
        pcbs:1.5
        """
    ),
    (
        "health",
        """
        health:2.5 healthy:1.5 medical:3 medicine:3 medicines:2.5 medication*:3 doctor:3 doctors:2.5 physician*:3.5
        nurse:2.5 nurses:2 nursing:1.5 hospital:2.5 hospitals:2 clinic:2 clinics:2 clinical:3.5 patient:3
        patients:3.5 disease*:3.5 illness*:3.5 ill sick:1.5 sickness:2 symptom*:3.5 diagnos*:3.5 treatment*:2.5 treat
        treated therapy:3 therap*:2 surgery:3.5 surgeon*:3 surgical:3 cancer*:3.5 tumor*:3 tumour*:3 aids:1.5 hiv:3
        virus viral:1.5 infect*:2 infection*:3.5 vaccin*:3.5 immun*:2 epidemic*:2 outbreak*:1.5 diabet*:3 insulin:3
        heart_attack*:3 cardiac:3 cardio*:3 blood:2 blood_pressure:3 cholesterol:3 stroke:1.5 pain:2 chronic:2
        acute:1.5 drug:1.5 drugs:1.5 prescription*:2.5 pharmac*:2.5 dose:2 doses:2 dosage:3 antibiotic*:3
        side_effects:3 allerg*:3 asthma:3 migraine*:3 headache*:2.5 arthritis:3 nutrition*:2.5 diet:2.5 dietary:2.5
        vitamin*:3.5 calcium:1.5 protein obesity:3 weight_loss:2 cholera:3 malaria:3 tuberculosis:3 measles:3
        hepatitis:3 pneumonia:3 influenza:3 flu:2 syndrome:2.5 disorder*:2 chronic_fatigue:3 candida:3 yeast:1.5
        msg:2.5 kidney*:2.5 liver:2 lung*:2.5 brain skin bone* muscle*:1.5 nerve*:1.5 neurolog*:3 psychiatr*:2.5
        mental_health:3 depression:1.5 anxiety:1.5 alzheimer*:3 dementia:3 pregnan*:2 birth_control:2
        contracepti*:2.5 abortion:0.5 fda:2.5 placebo:3 pediatric*:3 paediatric*:3 medicare:2 medicaid:2
        health_care:3 healthcare:3 health_insurance:3 hmo:2.5 md rn dr:0.5 lyme:3 chiropract*:3 acupunct*:3
        homeopath*:3 quack*:2 tobacco smoking:1.5 cigarette*:1.5 alcoholism:2.5 addict*:1.5 medically:3 hygiene:2
        sterile:1.5 wound wounds fever:3 rash:3 cough*:3 nausea:3 vomit*:3 diarrhea:3 infected:2 antibod*:3
        gene_therapy:3 organ_transplant*:3 transplant*:2 sperm:1.5 study studies medical_research:3 clinical_trial*:3
        gene genes genetic* dna med:2 medic*:2 cure:2 cured:2 cures:2 steroid*:2.5 kidney_stone*:3 ulcer*:3 eye:0.5
        eyes:0.5 vision:0.5 hearing:0.3 ear infant*:1.5 tissue*:2 cells:1.5 cell:0.5 hormone*:3 enzyme*:2 toxic:1.5
        toxin*:2 dentist*:3 dental:3 teeth:2 tooth:2 herb*:2 herbal:3 remed*:2 nutrient*:3 seizure*:2 epilep*:3
        autis*:3 sleep operation:0.5 exercise fitness weight:0.5 sodium:2 salt glutamate:3 foods:1.5 food
        chinese_food:2
        """
    ),
    (
        "human interest",
        """
        human_interest:3 anniversary:1.5 birthday*:1.5 centenarian*:3 oldest_living:3 celebrat* wedding*:1.5
        royal_family:2 princess:1.5 prince queen:0.5 duchess:2 royals pets:2 pet puppy:2 kitten*:2 zoo:2 zoos:2
        panda*:2 quirky:3 bizarre odd:0.5 guinness_book:3 world_record*:1.5 lottery_winner*:3 jackpot:1.5
        heartwarming:3 heroic reunion*:1.5 reunited:2 twins:1.5 quintuplets:3 santa_claus:2 christmas_lights:2
        valentine*:1.5 mothers_day:2 fathers_day:2 human_story:3 curios* eccentric*:2 oldest_man:3 oldest_woman:3
        centenarians:3 100th_birthday:3 golden_anniversary:3 silver_anniversary:3 newlywed*:2.5 bride:1.5 groom:1.5
        honeymoon:1.5 lookalike*:3 look_alike*:3 hoax prank*:2 good_samaritan:3 heartbreaking:1.5 miraculous* lucky
        luckiest:3 unusual:0.5 strange:0.5 oddball:3 weird dog_show*:3 cat_show*:3 beauty_pageant*:3 miss_america:3
        miss_world:3 beauty_queen*:3 royal_wedding:3 princess_diana:3 diana charles_and_diana:3 buckingham_palace:2
        tabloid*:2 gossip:2 lottery:1.5 record_breaking:2 longest:0.5 largest_ever:2 tallest:2 smallest hero heroes
        kindness:2 adopted adoption long_lost:3 sweethearts:2.5 puppies:2 kittens:2 cat:0.5 cats dog:0.5 dogs:0.5
        parrot*:2 animal_lovers:3
        """
    ),
    (
        "labour",
        """
        labour:2 labor:2 labor_union*:3 labour_union*:3 trade_union*:3 union:0.5 unions:1.5 unionist*:2.5 unionized:3
        unionised:3 strike:1.5 strikes:1.5 striking:1.5 strikers:3 walkout*:3 picket*:3 lockout*:3
        collective_bargaining:3 worker:2 workers:2 workforce:2.5 employee*:1.5 employer*:2 employment:2 unemploy*:2.5
        jobless*:3 job:0.5 jobs:1.5 layoff*:3 laid_off:3 wage:2 wages:2 minimum_wage:3 overtime:2 pension*:2
        retirement afl:2 cio:1.5 teamsters:3 uaw:3 working_class:2.5 sweatshop*:3 child_labor:3 child_labour:3
        labor_rights:3 workplace:2 occupational:2 osha:3 hiring:1.5 hired fired:0.5 contract_talks:3 labor_dispute*:3
        industrial_action:3 payroll*:1.5 salaries benefits:0.5 labor_movement:3 labour_movement:3 labor_leader*:3
        union_leader*:3 union_members:3 union_membership:3 shop_steward*:3 general_strike:3 hunger_strike:0.5
        work_stoppage*:3 slowdown sit_down scab*:2 strikebreaker*:3 replacement_workers:3 contract_negotiations:3
        wage_increase*:3 pay_raise*:2.5 pay_rise*:2.5 pay_cut*:3 wage_freeze:3 cost_of_living:1.5 living_wage:3
        health_benefits:2 job_security:3 job_losses:3 job_cuts:3 redundanc*:2.5 downsizing:2.5 plant_closing*:3
        plant_closure*:3 unemployment_rate:3 unemployment_benefits:3 jobless_rate:3 dole:0.5 labor_market:3
        labour_market:3 labor_force:3 labour_force:3 labor_department:3 labor_secretary:3 labour_minister:3
        labor_minister:3 cgt:2.5 cosatu:3 solidarity afl_cio:3 ilo:3 dockworker*:3 longshore*:3 miners:1.5
        coal_miners:3 autoworkers:3 steelworkers:3 machinists:2 nurses_union:3 transport_workers:3 farmworker*:3
        farm_workers:3 migrant_workers:3 guest_workers:3 maquiladora*:3 sweatshops:3 working_conditions:3
        workers_rights:3 occupational_safety:3 workplace_safety:3 work_week:2.5 workweek:2.5 eight_hour_day:3
        may_day:2 strike_ballot:3 arbitration:1.5 mediator* grievance*:1.5 unfair_dismissal:3 wrongful_dismissal:3
        dismissal* retirees:1.5 employ employed
        """
    ),
    (
        "lifestyle and leisure",
        """
        leisure:2.5 lifestyle*:2.5 hobby:2.5 hobbies:2.5 hobbyist*:2 recreation*:2 vacation*:2 holiday* travel:1.5
        traveling:1.5 travelling:1.5 traveler*:1.5 tourism:2 tourist*:2 touring:2 resort*:2 hotel* restaurant*:2
        cuisine:2.5 cooking:2.5 recipe*:3 gourmet:3 chef:2 wine:1.5 wines:2 beer:1.5 fashion*:2 gardening:3
        garden:1.5 camping:2.5 hiking:2.5 fishing:1.5 hunting boating:3 sailing:2 diving car:2 cars:2.5 auto:2
        autos:2.5 automobile*:2.5 automotive:2 vehicle:1.5 vehicles:1.5 truck:1.5 trucks:2 pickup suv:2 sedan*:3
        coupe*:3 convertible*:2 wagon:1.5 minivan*:3 van:0.5 jeep*:2.5 engine:1.5 engines:2 motor v6:3 v8:3 v12:3
        cylinder*:2 horsepower:3 hp torque:2 rpm:1.5 transmission* manual_transmission:3 automatic_transmission:3
        clutch:2.5 gearbox:3 gear gears:1.5 shifter:2.5 shifting:1.5 brake*:2.5 abs:1.5 tire*:2.5 tyre*:2.5 wheel
        wheels:1.5 rim rims:1.5 exhaust:2 muffler*:3 radiator:2.5 carburetor*:3 carb:2.5 carbs:2.5 fuel_injection:3
        injector*:2.5 spark_plug*:3 oil_change*:3 antifreeze:3 coolant:2.5 alternator:3 headlight*:3 taillight*:3
        dashboard:2.5 speedometer:3 odometer:3 mileage:2.5 mpg:3 gas_mileage:3 miles_per_gallon:3 gallon gallons
        gasoline:1.5 gas:0.5 unleaded:3 octane:3 turbo*:1.5 supercharg*:2.5 chassis suspension:2 shocks:2
        steering:2.5 airbag*:3 air_bag*:3 seat_belt*:3 seatbelt*:3 bumper*:2.5 fender*:2 windshield*:3 hood trunk
        hatchback*:3 driving:2.5 drive:0.5 driver drivers:1.5 drove:1.5 driven:0.5 speeding:2.5 speeding_ticket*:3
        speed_limit:3 highway*:1.5 freeway*:2.5 interstate:1.5 lane:1.5 lanes:2 traffic:1.5 parking:1.5 road roads
        commute*:2 insurance:0.5 dealer:1.5 dealers:1.5 dealership*:3 test_drive:3 showroom:2.5 mechanic:2.5
        mechanics:2 repair*:0.5 warranty:0.5 recall*:0.5 ford:2 fords:2 chevy:3 chevrolet:3 gm:1.5 pontiac:3 buick:3
        cadillac:3 oldsmobile:3 olds:2 chrysler:2.5 dodge:2 plymouth:2 mercury:0.5 lincoln:0.3 toyota:3 honda:2.5
        nissan:3 mazda:3 subaru:3 mitsubishi:2 lexus:3 infiniti:3 acura:3 saturn volvo:3 saab:3 bmw:3 mercedes:2.5
        audi:3 volkswagen:3 vw:2 porsche:3 ferrari:2.5 jaguar corvette:3 mustang:2.5 camaro:3 firebird:2.5 miata:3
        civic accord:0.3 taurus:2 probe:0.3 integra:3 celica:3 camry:3 motorcycle*:3 motorbike*:3 bike:2 bikes:2.5
        biker*:3 rider:2 riders:2 riding:2.5 ride:1.5 rode:1.5 helmet*:2.5 harley*:3 ducati:3 kawasaki:3 yamaha:2
        suzuki:2 triumph:0.5 bmws:3 cc:0.5 dod:1.5 countersteer*:3 wheelie*:3 sidecar*:3 leathers:2.5 throttle:2
        pillion:3 passenger*:0.5 cruiser* touring_bike*:3 gs:0.5 radar_detector*:3 detector:0.5 detectors:0.5
        car_dealer*:3 new_car:3 used_car*:3 car_insurance:3 auto_insurance:3 speed ticket* cop:0.5 cops:0.5
        license:0.5 dmv:3 motor_vehicle*:2.5 rides:1.5 dog dogs mph:2 miles oil owner:0.5 motorcycling:3 guzzi:3
        moto_guzzi:3 sportbike*:3 cbr:3 gsxr:3 gsx:3 fzr:3 ninja:2.5 katana:2 zx:2 vfr:3 goldwing:3 gold_wing:3
        intruder virago:3 sportster:3 softail:3 lane_splitting:3 lane_sharing:3 squid:2 squids:2 saddlebag*:3
        fairing*:3 mirror mirrors:1.5 riding_gear:3 leather:2 gloves:1.5 motorcyclist*:3 rider_training:3 msf:3
        cager*:3 cage tailgat*:3 sportscar*:3 sports_car*:3 road_test:3 car_and_driver:3 road_and_track:3
        motor_trend:3 roadster*:3 tachometer:3 pistons:3 piston:3 valve* cam camshaft*:3 crankshaft*:3 overhead_cam:3
        dohc:3 sohc:3 redline:3 downshift*:3 upshift*:3 4wd:3 awd:3 fwd rwd:3 front_wheel_drive:3 rear_wheel_drive:3
        all_wheel_drive:3 four_wheel_drive:3 lug:2 jack:0.5 wax:2 paint_job:3 rust:2 dent* scratches pothole*:3
        parking_lot:3 rental_car*:3 windshield_wipers:3 wiper*:3 license_plate*:3
        """
    ),
    (
        "politics",
        """
        politics:3 political:2.5 politically:2 politician*:3 government:2.5 governments:2 governmental:2 govt:2 gov
        president:2 presidential:2.5 presidency:2.5 administration:2 white_house:2.5 clinton:2 clintons:2 bush:1.5
        reagan:2 gore:1.5 yeltsin:2 gorbachev:2 congress:3 congressional:3 congressman:3 congressmen:3
        congresswoman:3 senate:2.5 senator*:3 house_of_representatives:3 representative* parliament*:3 legislat*:2
        lawmaker*:3 minister*:1.5 prime_minister:3 cabinet election*:3 elect:2 elected:2.5 electoral:3 vote:2 votes:2
        voted:2 voter*:3 voting:2.5 ballot*:3 campaign*:1.5 candidate*:2 poll polls:1.5 referendum*:3 democrat*:2.5
        republican*:2.5 gop:3 liberal:2 liberals:2.5 conservative:1.5 conservatives:2 libertarian*:2.5 socialis*:1.5
        communis*:1.5 marxis*:1.5 fascis*:2 left_wing:2.5 right_wing:2.5 leftist*:2 party:0.5 parties opposition
        policy:2 policies:2 bill:0.5 bills:0.5 veto*:3 amendment* constitution:2 constitutional:2
        unconstitutional:2.5 rights:1.5 civil_rights:2.5 human_rights:3 civil_liberties:3 freedom liberty:1.5
        liberties:2 free_speech:2 censorship:2 democracy:2.5 democratic:1.5 dictator*:2.5 regime:2 totalitarian*:2.5
        authoritarian*:2.5 tyranny:2.5 tyrann*:2 sovereignty:2 independence diplomat*:2.5 diplomacy:3 embassy:2
        ambassador*:2 foreign_policy:3 sanction*:2 united_nations:2 un_security_council:3 state_department:2.5
        secretary_of_state:3 federal:2 feds:1.5 bureaucra*:2.5 agency:0.5 agencies tax taxes:1.5 taxpayer*:2.5
        tax_cut*:2.5 tax_increase*:2.5 welfare:1.5 public_policy:3 lobby*:2.5 pac special_interest*:3 reform
        regulation*:1.5 regulat* citizen*:1.5 citizenship:2 nation national:0.5 state:0.3 states:0.5 governor*:2.5
        mayor*:2 statehood:3 second_amendment:2.5 first_amendment:2 bill_of_rights:3 gun_control:2.5 nra:2
        brady_bill:3 hci:2 militia impeach*:3 scandal*:1.5 inauguration:3 stephanopoulos:3 perot:3 quayle:3 kennedy
        nixon:2 carter dole:1.5 gingrich:3 thatcher:2 kohl:1.5 mitterrand:2 propaganda:2 dissident*:2 protest*
        activist*:1.5 coalition privacy:0.5 clipper:0.3 nsa:0.5 wiretap* surveillance crackdown statesm*:2.5
        kremlin:2.5 soviet ussr autonomy:2 secession*:2.5 annexation:1.5 platform:0.5 leftists:2 gay_rights:2.5
        health_care_reform:3 zionism:1.5 zionist*:1.5 israel:0.5 politic*:2 israeli_government:3 foreign_aid:3
        clinton_administration:3 political_party:3 antisemit*:2 anti_semit*:2
        """
    ),
    (
        "religion",
        """
        religion:2.5 religions:3 religious:2.5 religiously:3 faith:2.5 faiths:3 belief beliefs:1.5 believer*:2.5
        god:2.5 gods:2.5 godless:3 deity:3 deities:3 divine:3 divinity:3 holy:2.5 sacred:2 spiritual*:2.5 soul:1.5
        souls:2 heaven:2.5 hell:1.5 afterlife:3 eternal:2 eternity:2.5 salvation:3 saved:0.5 sin:3 sins:3 sinful:3
        sinner*:3 repent*:3 forgive*:1.5 grace:1.5 worship*:3 pray:2.5 prayer*:3 praying:3 church:3 churches:3
        chapel:2 cathedral:2.5 parish*:2.5 congregation*:3 denomination*:3 christian*:3 christianity:3 christ:3
        jesus:3 messiah:3 gospel*:3 bible*:3 biblical:3 scripture*:3 testament:3 new_testament:3 old_testament:3
        apostle*:3 disciple*:2.5 resurrect*:3 crucifi*:3 baptism:3 baptiz*:3 baptist*:2.5 catholic*:3 protestant*:3
        orthodox:2 lutheran*:3 methodist*:3 presbyterian*:3 anglican*:3 mormon*:2 pentecostal*:3 evangelical*:3
        evangel*:2.5 fundamentalis*:2 pope:3 papal:3 vatican:3 bishop*:2.5 priest*:3 clergy:3 pastor*:3 minister:0.5
        ministry:1.5 preacher*:3 sermon*:3 theolog*:3 doctrine*:2.5 dogma*:2.5 heresy:3 heretic*:3 blasphem*:3
        atheis*:3 atheist*:3 agnostic*:3 theist*:3 theism:3 deism:3 secular*:1.5 creation* creationis*:3 islam:2.5
        islamic:2 muslim*:1.5 moslem*:1.5 koran:3 quran:3 qur:2 mosque*:3 allah:3 muhammad:3 mohammed:2 prophet*:3
        jew jews jewish judaism:3 rabbi*:3 synagogue*:3 torah:3 talmud*:3 hindu*:3 buddhis*:3 buddha:3 sikh*:3 zen:2
        karma:2.5 reincarnat*:3 occult:3 pagan*:3 satan*:3 devil*:2.5 demon*:2 angel angels:2 miracle*:2.5 faithful:2
        mercy:1.5 moral* morality:1.5 ethics lord:2 saviour:3 savior:3 lamb holy_spirit:3 trinity:3 incarnat*:2.5
        revelation*:2 john:0.3 paul:0.5 matthew luke romans:2 corinthians:3 genesis:2 exodus:1.5 psalm*:3
        revelations:2 verse:1.5 verses:2 easter:2 christmas lent ramadan:3 passover:3 cult:2 cults:2 sect:2.5
        sects:2.5 koresh:1.5 davidian*:1.5 scientolog*:3 hare_krishna:3 rosary:3 mary virgin saint*:1.5 monk*:2 nun:2
        nuns:2 monaster*:2.5 missionar*:3 convert converted conversion:0.5 idol*:1.5 worldview existence_of_god:3
        omnipotent:3 omniscient:3 supernatural:2 immortal*:1.5 hindus:3 brethren:2 bless*:2 amen:3 hallelujah:3
        biblically:3 israel:0.5
        """
    ),
    (
        "science and technology",
        """
        science:1.2 sciences:2.5 scientific:1.2 scientist*:1.5 research researcher* laboratory lab:0.5 labs:0.5
        experiment* physics:3 physicist*:3 chemistry:3 chemist*:2 chemical:0.5 biology:2.5 biolog*:2 astronom*:3
        astrophys*:3 telescope*:3 hubble:3 galax*:3 star:0.3 stars planet*:3 planetary:3 solar:2 solar_system:3
        lunar:3 moon:2 mars:2.5 jupiter:3 saturn:1.5 venus:1.5 asteroid*:3 comet*:3 orbit*:3 space spacecraft:3
        space_station:3 space_shuttle:3 shuttle:2 nasa:3 esa:2 launch:1.5 launched:1.5 launches:2 launcher*:2
        satellite*:2.5 rocket*:2 booster*:2 payload*:3 astronaut*:3 cosmonaut*:3 mir:2 apollo:2.5 probe probes:2
        mission:1.5 missions:1.5 jpl:3 spacelab:3 delta_clipper:3 titan:1.5 ariane:3 technolog*:2.5 tech:1.5
        engineering:2 engineer*:1.5 invention*:2 inventor*:2 patent*:1.5 computer:3 computers:3 computing:3 pc:2.5
        pcs:2.5 mac:2.5 macs:2.5 macintosh:3 apple:1.5 ibm:2.5 amiga:3 atari:2.5 workstation*:3 sun:0.5 sparc*:3
        unix:3 linux:3 dos:3 msdos:3 ms_dos:3 windows:2.5 win nt:2 os:2 os2:3 mswindows:3 microsoft:2.5 software:3
        hardware:3 program programs:1.5 programming:3 programmer*:3 code:1.5 compiler*:3 compile*:2.5 source_code:3
        debug*:3 bug:1.5 bugs:1.5 function* subroutine*:3 algorithm*:3 cpu:3 cpus:3 processor*:3 microprocessor*:3
        chip:2.5 chips:2.5 intel:3 motorola:2.5 486:3 386:3 286:2.5 68000:3 68040:3 68030:3 pentium:3 risc:3 ram:3
        rom:2.5 eprom*:3 memory:2 meg:3 megs:3 mb:3 kb:2.5 mhz:3 khz:2 ghz:3 byte*:3 bit:0.3 bits:2 disk*:3
        diskette*:3 floppy:3 floppies:3 drive drives:1.5 hard_drive*:3 hard_disk*:3 scsi:3 ide:3 controller*:2.5
        bios:3 motherboard*:3 board:0.5 card:1.5 cards:1.5 slot*:2 isa:2.5 eisa:3 vlb:3 vesa:3 pci:3 nubus:3 simm*:3
        dram:3 vram:3 cache:3 modem*:3 baud:3 serial:2 parallel_port:3 printer*:3 laserwriter:3 monitor:2 monitors:2
        display:2 displays:2 screen:2 screens:2 vga:3 svga:3 ega:3 pixel*:3 resolution:1.5 keyboard*:3 mouse:2
        cursor:3 icon*:2 gui:3 window xterm:3 x11:3 x11r5:3 xlib:3 motif:3 widget*:3 xview:3 openwindows:3 twm:3
        server:2 servers:2 client*:1.5 network*:2 networking:3 ethernet:3 internet tcp:3 ip:1.5 ftp:3 email:0.5
        e_mail:0.5 usenet:0.5 bbs:2.5 protocol*:2 file files:1.5 directory:2 directories:2 filename*:3 format
        formats:2 gif:3 jpeg:3 jpg:3 tiff:3 bmp:3 graphics:3 graphic:2 image images:2 3d:2.5 rendering:3 render*:2
        polygon*:3 ray_trac*:3 shareware:3 freeware:3 ftp_site:3 anonymous_ftp:3 archive utility:1.5 utilities:2
        application*:1.5 app:1.5 install*:2.5 config*:3 setup:2 autoexec:3 sys:2 exe:3 dll:3 driver:1.5 drivers:2.5
        version:1.5 versions:1.5 upgrade*:2 compatible:2 compatibility:2 interface*:2 port:1.5 ports:2 cable*:2
        connector*:2.5 electronics:3 electronic:2 circuit*:3 voltage*:3 volt:3 volts:3 amp:2 amps:2.5 ohm:3 ohms:3
        resistor*:3 capacitor*:3 transistor*:3 diode*:3 leds:3 oscillat*:3 amplifier*:3 op_amp*:3 power_supply:3
        current:0.5 signal*:2 frequenc*:2.5 antenna*:3 radar:2.5 detector*:1.5 sensor*:2 analog:3 digital:2
        schematic*:3 solder*:3 wire:1.5 wiring:2 wires:2 ground battery:1.5 batteries:1.5 transformer*:3 relay*:2
        pcb:3 encrypt*:3.5 decrypt*:3.5 cryptograph*:3.5 crypto:3 cryptosystem*:3 cryptanaly*:3 cipher*:3
        ciphertext:3 plaintext:3 key:1.5 keys:1.5 key_escrow:3 escrow*:3 clipper_chip:3 clipper:3 skipjack:3 des:2.5
        rsa:3 pgp:3 ripem:3 algorithm:2 nsa:2.5 nist:3 public_key:3 private_key:3 session_key:3 secure:1.5 security
        password*:2.5 hash*:2 random prime*:0.5 modulus:3 factoring:3 brute_force:3 tempest:2 wiretap data
        database*:2.5 calculat* mathematic*:2 math:1.5 theorem*:2 equation*:2 formula*:1.5 statistic* physical:0.5
        molecul*:1.5 atom*:1.5 particle*:2 quantum:3 relativity:3 gravity:2.5 gravitational:3 velocity:2.5 laser*:2.5
        optic*:2 wavelength*:3 spectrum:2 thermal:2 temperature:0.5 nuclear fusion:2 reactor*:2 dna gene genes
        genetic* evolution:1.5 fossil*:2 dinosaur*:2.5 telescope:3 observator*:3 spectrometer*:3 microscope*:3
        innovation*:1.5 robot*:3 automation:2 video:1.5 audio:2 stereo:1.5 cd:0.5 cdrom:3 cd_rom:3 tape:1.5 telephone
        cellular:2 tv:0.3 hdtv:3 nec:2 toshiba:2 sony:1.5 compaq:3 dell:3 gateway:1.5 zeos:3 quadra:3 powerbook*:3
        centris:3 iisi:3 iici:3 lc lciii:3 iivx:3 performa:3 se:0.5 sys7:3 system_7:3 finder:2 appletalk:3
        quicktime:3 ms word_processor*:3 spreadsheet*:3 wordperfect:3 excel:2 lotus:2 borland:3 turbo_c:3
        visual_basic:3 fortran:3 pascal:2 cobol:3 lisp:3 perl:3 c_compiler:3 gcc:3 emacs:3 vi shell:1.5 script*:2
        command:1.5 commands:2 user users:1.5 login:3 documentation:2 faq:0.5 specs:2 spec:2 specification*:2
        benchmark*:3 performance:0.5 speed faster slow:0.5 tcp_ip:3 token_ring:3 novell:3 netware:3 lan:3 wan:3
        mainframe*:3 vax:3 vms:3 sgi:3 hp:0.5 nextstep:3 ibm_pc:3 clone* laptop*:3 notebook*:1.5 crypto*:3.5
        wiretap*:2 ic:1.5 ics:2 op_amp:3 grounded:1.5 grounding:2 dc:1.5 ac hz:2.5 watt:2 watts:2 heatsink*:3
        heat_sink*:3 soldering:3 multimeter*:3 oscilloscope*:3 scope logic ttl:3 cmos:3 fet:3 mosfet*:3 spice
        inductor*:3 inductance:3 coil:2 coils:2 magnet*:2 switch switches:1.5 relay:2 fuse:1.5 outlet*:2 breaker*:2
        gfci:3 neutral electrical:2.5 electric:1.5 electricity:2.5 charger*:2.5 nicad*:3 lcd:3 crt:3 infrared:3
        rf:2.5 microwave*:2 receiver*:2 transmitter*:3 radio wavelength:3 ham amateur_radio:3 electron*:2
        spaceflight:3 earth atmosphere:1.5 flight:0.5 galileo:2.5 magellan:2.5 voyager:2.5 ssto:3 dc_x:3
        space_program:3 space_station_freedom:3 commercial_space:3 energia:3 proton:1.5 orbiter*:3 spaceflights:3
        astronomical:3 cosmolog*:3 big_bang:3 light_year*:3 vertex:3 vertices:3 texture*:3 shading:3 sphere*:2
        curve*:1.5 bezier:3 spline*:3 raytrac*:3 pov:2 color colors:1.5 colour* palette*:3 rgb:3 bitmap*:3 pcx:3
        tga:3 targa:3 animation*:1.5 morph*:2 imaging:3 visualization:3 visualisation:3 cad:3 autocad:3 coordinate*:2
        matrix:2 matrices:2 vector*:2 xt:3 openlook:3 open_look:3 window_manager*:3 colormap*:3 font:2.5 fonts:3
        callback*:3 mwm:3 olwm:3 xdm:3 xinit:3 app_defaults:3 imake:3 makefile*:3 libx11:3 sparcstation*:3
        decwindows:3 openwin:3 xserver:3 x_server:3 x_window*:3 xwindows:3 xm:2 win3:3 ini:3 win_ini:3 system_ini:3
        program_manager:3 file_manager:3 swap_file:3 swapfile:3 truetype:3 norton:3 emm386:3 himem:3 qemm:3 386enh:3
        config_sys:3 autoexec_bat:3 printing:1.5 print install:2 installed crash:0.5 crashes error errors boot*:2
        reboot*:3 hang*:0.5 freeze*:0.5 sound_card:3 soundblaster:3 sound_blaster:3 graphics_card:3 video_card:3
        vesa_local:3 ati:2 diamond_stealth:3 hercules:2 orchid:2 tseng:3 et4000:3 s3:2 mono monochrome:2.5 jumper*:3
        irq:3 dma:3 bus:1.5 mac_ii*:3 iifx:3 iicx:3 se30:3 apple_ii:3 duo:1.5 pb:2 trackball*:3 adb:3 applelink:3
        ethernet_card*:3 ibm_compatible:3 installation:1.5
        """
    ),
    (
        "society",
        """
        society:2 societal:2.5 social:1.5 poverty:2.5 poor homeless:2 homelessness:3 welfare social_security:1.5
        family families:1.5 marriage:1.5 divorce*:2 children:0.5 child_abuse:3 childcare:3 child_care:3 parenting:2.5
        elderly:2 aging:1.5 pension:0.5 immigration:2 immigrant*:2.5 migrant*:2 emigra*:2 racism:3 racist*:2.5
        racial:2.5 race_relations:3 discriminat*:2.5 prejudice:2 minorit*:1.5 ethnic segregation:3 integration
        equality:2 inequality:2.5 feminis*:2.5 women_rights:3 womens_rights:3 sexism:3 sexist:2.5 gay:2 gays:2
        lesbian*:2.5 homosexual*:2.5 homosexuality:2.5 bisexual*:2.5 sexual_orientation:3 same_sex:2 abortion*:2.5
        pro_life:2.5 pro_choice:2.5 euthanasia:2.5 suicide drug_abuse:2.5 alcohol teen* teenage*:1.5 youth juvenile*
        charity:2 charities:2 volunteer*:1.5 philanthrop*:2.5 nonprofit*:2 community communities neighborhood* urban
        inner_city:2.5 suburb* population:0.5 census:2 demograph*:2.5 underclass:3 disabled:2 disabilit*:2
        handicapped:2 values social_issues:3 multicultural*:3 diversity:1.5 slavery:1.5 affirmative_action:3
        civil_rights_movement:3 welfare_reform:2.5 social_services:3 social_worker*:3 family_values:3
        single_mothers:3 sexual_harassment:3 pornograph*:2 prostitut*:2 gambling:1.5 housing:1.5 social_problems:3
        social_justice:2.5 social_policy:2 underprivileged:3 deprived:1.5 deprivation:2 slums:2.5 slum:2.5
        shantytown*:3 soup_kitchen*:3 food_stamps:2.5 food_bank*:3 homeless_shelter*:3 shelters:1.5 orphan*:2
        orphanage*:3 foster_care:3 foster_parents:3 adoption single_parent*:3 teen_pregnan*:3 teenage_pregnan*:3
        domestic_violence:2.5 battered_women:3 child_poverty:3 senior_citizens:2.5 retirement_home*:3
        nursing_home*:1.5 ageing:1.5 generation_gap:3 lifestyle:0.3 class:0.3 middle_class:2 working_poor:3
        wealth_gap:3 income_inequality:3 social_mobility:3 gender:2 women womens men_and_women:2 equal_pay:1.5
        glass_ceiling:3 civil_rights ethnic_minorit*:3 indigenous:2 aboriginal*:2 native_americans:2 tribes tribal
        caste:2.5 untouchable*:2 apartheid:1.5 xenophob*:3 anti_immigrant:3 asylum_seekers:2 refugees:0.5
        assimilation:2 social_welfare:3 welfare_state:2.5 welfare_recipients:3 social_change:3 sociolog*:3
        volunteers:1.5 voluntary_organization*:3 ngo ngos civil_society:3 gay_marriage:3 same_sex_marriage:3
        marriages divorced:1.5 divorces:2 illegitima*:2.5 fertility_rate:2 birth_rate*:2 baby_boom*:2
        family_planning:2 one_child_policy:3 drug_addicts:2 alcoholics:2
        """
    ),
    (
        "sport",
        """
        sport:2.5 sports:3 sporting:2 athlete*:3 athletic*:2.5 olympic*:3 olympiad:3 championship*:3 champion*:2
        tournament*:3 league:2.5 leagues:2.5 team:1.5 teams:2 game:1.5 games:1.5 season:2 seasons:2 playoff*:3
        play_off*:3 postseason:3 preseason:3 match:0.5 matches coach:2.5 coaches:2.5 coaching:2.5 player:1.5
        players:2.5 fan fans:1.5 stadium*:3 arena*:1.5 score scored:2.5 scoring:2 scorer*:3 goal goals:2 goalie*:3
        goaltend*:3 win:0.5 wins:1.5 won winning loss:0.3 losses lose:0.3 defeat* beat victory standings:3 division
        roster*:3 draft drafted:2.5 rookie*:3 veteran* trade:0.3 traded:2.5 free_agent*:3 contract:0.5 mvp:3
        all_star*:3 hall_of_fame:3 stats:1.5 record:0.3 baseball:3 hockey:3 football:3 soccer:3 basketball:3 tennis:3
        golf:3 golfer*:3 boxing:2.5 boxer*:2 cricket:2.5 rugby:3 cycling:2 racing:1.5 marathon*:2.5 skiing:2.5
        skier*:3 skating:2.5 wrestling:2.5 swimming:2 nfl:3 nba:3 nhl:3 mlb:3 ncaa:3 fifa:3 world_cup:3 stanley_cup:3
        super_bowl:3 world_series:3 pitcher*:3 pitching:3 pitched:3 pitch batter*:3 batting:3 hitter*:3 hitting:1.5
        hits homer*:3 home_run*:3 homerun*:3 inning*:3 bullpen:3 reliever*:3 strikeout*:3 shortstop*:3 outfield*:3
        infield*:3 catcher*:3 dugout*:3 umpire*:3 rbi:3 rbis:3 era:2 ballpark*:3 fastball*:3 curveball*:3 slider
        al_east:3 nl_east:3 al_west:3 nl_west:3 yankees:3 mets:3 red_sox:3 sox:3 cubs:3 dodgers:3 braves:3 orioles:3
        phillies:3 pirates:1.5 cardinals:1.5 reds giants:1.5 astros:3 rockies:1.5 marlins:3 expos:3 padres:3
        angels:0.5 mariners:3 rangers:2 royals twins tigers:1.5 indians athletics:2 brewers:3 blue_jays:3 jays:3
        puck:3 rink*:3 nhl_playoffs:3 faceoff*:3 power_play:3 penalty_kill*:3 powerplay:3 hat_trick:3 slapshot*:3
        defenseman:3 defensemen:3 penguins:3 bruins:3 canadiens:3 habs:3 leafs:3 maple_leafs:3 red_wings:3
        blackhawks:3 oilers:3 flames:1.5 canucks:3 islanders:2.5 devils:2 flyers:2.5 capitals:1.5 sabres:3
        nordiques:3 whalers:3 kings sharks:2 lightning senators:0.5 north_stars:3 blues:0.5 jets:1.5 ducks gretzky:3
        lemieux:3 jagr:3 yzerman:3 roy selanne:3 bure:3 messier:3 lindros:3 hull bettman:3 ahl:3 ohl:3 quarterback*:3
        touchdown*:3 linebacker*:3 tackle referee*:3 ref refs:2 umpires:3 overtime shutout*:3 consecutive:0.5 ot:1.5
        period:0.3 periods lineup*:2.5 pitchers:3 sweep:1.5 swept:1.5 baseman:3 first_base:3 second_base:3
        third_base:3 base bases:2 ball balls:1.5 walks:1.5 stolen_base*:3 steals:1.5 batting_average:3 obp:3 slg:3
        sabermetric*:3 bill_james:3 manager:0.5 managers:0.5 spring_training:3 opening_day:3 closer:1.5 dh:2.5 nl:1.5
        ripken:3 griffey:3 puckett:3 mattingly:3 sandberg:2.5 gwynn:3 maddux:3 glavine:3 smoltz:3 alomar:3 mcgriff:3
        clemens:2 defensive offensive:0.5 offense defense:0.3 goalies:3 stanley cup playoff:3 mario wings bat:2
        bats:2 hr:1.5 hrs:2 innings:3 fielding:3 fielder*:3 pennant:3 division_title:3 clinch*:2.5 doubleheader*:3
        """
    ),
    (
        "weather",
        """
        weather:3 forecast*:2 forecaster*:3 meteorolog*:3 rain:2 rainfall:3 rains:2 rainy:3 snow:2.5 snowfall:3
        snowstorm*:3 blizzard*:3 storm:2 storms:2 thunderstorm*:3 hail:1.5 sleet:3 drizzle:3 fog:2 foggy:3 wind
        winds:2 gale*:2.5 gusts:3 humid*:2.5 temperatures:2.5 degrees_fahrenheit:3 degrees_celsius:3 heat_wave:3
        heatwave*:3 cold_snap:3 frost:2.5 freezing:1.5 cloudy:3 clouds sunny:3 showers:2 monsoon*:3 el_nino:3
        national_weather_service:3 weather_service:3 hurricane*:1.5 tornado*:1.5 cyclone*:1.5 typhoon*:1.5 drought*
        barometric:3 climate:1.5 celsius:2 fahrenheit:2 weather_forecast*:3 weather_report*:3 meteorologist*:3
        met_office:3 cold_front:3 warm_front:3 low_pressure:2 high_pressure record_high*:2 record_low*:2
        below_freezing:3 wind_chill:3 windchill:3 heat_index:3 humidity:3 dew_point:3 precipitation:3
        inches_of_rain:3 inches_of_snow:3 snowdrift*:3 snowfalls:3 icy:1.5 ice_storm*:3 freezing_rain:3 thunder:2
        lightning downpour*:3 torrential:2.5 deluge:2 overcast:3 sunshine:1.5 heat:0.5 hot:0.5 cold:0.5 chilly:2
        mild:0.5 warm:0.5 cooler warmer temperature storm_warning*:3 gale_warning*:3 flood_warning*:3
        tornado_warning*:3 winter_storm*:3 tropical_storm*:3 hurricane_season:3 jet_stream:3 la_nina:3 frostbite:1.5
        hypothermia
        """
    ),
]
