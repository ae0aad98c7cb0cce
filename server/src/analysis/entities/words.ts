/**
 * Word lists the entity rules read: titles, organisation and place head words, reporting verbs,
 * months and weekdays, given names and surnames, and ordinary English words.
 */
import { lowerCase } from '../document';
import lexicon from './data/lexicon.json';
import { nerModel } from '../ner';
import { coreMemory } from '../memory';

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/**
 * A set of title words that also holds their hyphenated compounds: "Director-General",
 * "Under-Secretary-General", "Attorney-General", "Editor-in-Chief" are titles because their parts are.
 */
class TitleWords extends Set<string> {
	constructor(
		words: Set<string>,
		private readonly parts: () => Set<string>,
	) {
		super(words);
	}
	override has(w: string): boolean {
		if (super.has(w)) return true;
		if (!w.includes('-')) return false;
		const ps = w.split('-');
		return ps.length <= 4 && ps.some((p) => super.has(p)) && ps.every((p) => super.has(p) || this.parts().has(p));
	}
}

/** Words that head a person's title; a capitalised name after them is a person. */
export const TITLE_HEADS: Set<string> = new TitleWords(
	set(`
president vice-president president-elect premier minister chancellor secretary spokesman spokeswoman spokesperson
general gen. colonel col. lieutenant lt. major maj. captain capt. sergeant sgt. admiral adm. commander marshal brigadier
mr. mrs. ms. dr. mr mrs ms dr prof. professor sir dame lord lady king queen prince princess sheikh emir sultan
pope cardinal bishop archbishop rabbi imam ayatollah cleric judge justice senator sen. rep. representative congressman
congresswoman governor gov. mayor ambassador envoy chairman chairwoman ceo cfo coo cto c.e.o. executive director officer
analyst economist strongman leader commissioner inspector detective coach manager founder co-founder deputy head boss
chief dictator tyrant warlord activist lawyer attorney prosecutor researcher scientist author writer reporter correspondent
editor columnist candidate rival opponent colleague father mother son daughter wife husband brother sister uncle
`),
	() => TITLE_PARTS,
);

/** Titles that are also surnames: "Martin Luther King", "Stephen King", "John Major". */
export const TITLE_SURNAMES = set(`king bishop major marshal judge pope chancellor cardinal prince dean`);
/** Lower-case nouns that announce an organisation's name: "the airline Aer Lingus", "insurer AIG". */
export const ORG_NOUNS = set(`
company firm airline carrier maker manufacturer automaker carmaker planemaker group bank lender insurer retailer
conglomerate giant subsidiary rival competitor start-up startup operator broadcaster newspaper daily magazine
agency watchdog regulator party militia network chain brand supplier distributor consortium exchange
union broker brokerage charity publisher outlet
`);
/** People who speak for the organisation they work at: "analysts at Berenberg", "economists at Nomura". */
export const AT_ORG_PEOPLE = set(`analyst analysts economist economists strategist strategists trader traders banker bankers researchers`);

// Words that join title words into one hyphenated title: "Editor-in-Chief", "ex-President".
const TITLE_PARTS_EXTRA = set(`in ex chief general`);
const TITLE_PARTS = new Set<string>();

/** Words that may stand inside a title before its head: "Prime Minister", "Chief Executive Officer". */
export const TITLE_MODIFIERS = set(`
prime vice deputy acting former interim chief senior foreign defence defense interior finance economy trade health
justice education energy industry transport labour labor executive operating financial managing general first
assistant associate under state federal provincial regional national international press communications military
supreme grand crown late then self-styled de facto presiding majority minority
`);
for (const w of [...TITLE_MODIFIERS, ...TITLE_PARTS_EXTRA]) TITLE_PARTS.add(w);

/** Last words of organisation names. */
export const ORG_HEADS = set(`
army navy force forces police guard guards militia ministry department office agency commission committee council
court courts tribunal parliament assembly congress senate party movement front brigade brigades group bank fund foundation
institute institution university college school academy association federation union league organization organisation
corporation corp corp. company co co. inc inc. ltd ltd. llc plc ag sa s.a. n.v. nv gmbh holdings airlines airways
motors industries systems technologies partners capital management securities investments bureau administration
authority board service services society church times post journal news herald tribune press media network exchange
reserve club team mission coalition alliance cabinet research labs laboratories pharmaceuticals energy petroleum
telecom communications electronics software entertainment studios records foods brands group consortium trust
commonwealth command aircraft aerospace aviation automotive motor steel chemicals mining railways railway shipping
logistics insurance financial bancorp airline carriers chamber semiconductor semiconductors robotics therapeutics
biotech biosciences pharma dynamics devices solutions materials instruments ventures enterprises builders construction
contractors developers lines associates
`);

/** Corporate suffixes that are part of the name: "Apple Inc.", "Chrysler LLC". */
export const CORP_SUFFIXES = set(
	`inc inc. corp corp. co. ltd ltd. llc plc ag sa s.a. n.v. nv gmbh lp l.p. spa s.p.a. asa ab oyj bv b.v. pte pty bhd tbk kgaa srl s.r.l. sarl`,
);

/** Last words of facility names. */
export const FAC_HEADS = set(
	`airport stadium bridge tower palace square centre center street avenue highway station port dam base prison museum hall building house cathedral mosque temple hotel plant factory refinery terminal arena observatory`,
);

/** Buildings named with "of" after their head: "Stadium of Light", "Palace of Westminster", "Tower of London". */
export const FAC_OF_HEADS = set(`stadium palace tower bridge cathedral temple arena`);

/** Centres that are institutions when a field names them ("Pew Research Center", "Center for Justice"), not buildings. */
export const INSTITUTION_CENTRES = set(`center centre centers centres`);
/** The fields before "Center" that make it an institution: "Southern Poverty Law Center", "Pew Research Center". */
export const CENTRE_FIELDS = set(
	`research law policy justice rights studies study data information resource resources legal media innovation science sciences`,
);

/** Lower-case nouns after a name that make it a product: "the Falcon 9 rocket", "Pixel phones". */
export const PRODUCT_NOUNS = set(`
aircraft airliner airliners jet jets plane planes engine engines rocket rockets helicopter helicopters drone drones
missile missiles rifle rifles tank tanks satellite satellites laptop laptops computer computers phone phones
smartphone smartphones tablet tablets console consoles processor processors chip chips software app apps browser
car cars sedan sedans truck trucks vehicle vehicles model models drug drugs vaccine vaccines pill pills
program programme programs programmes spacecraft probe probes rover rovers lander landers orbiter orbiters
capsule capsules telescope telescopes shuttle shuttles
`);

/** Lower-case nouns after an unknown name that make it an illness: "Lyme disease", "Zika cases". */
export const DISEASE_NOUNS = set(`
disease diseases virus viruses fever syndrome flu outbreak outbreaks epidemic pandemic infection infections cases
`);

/** Head nouns that make the name before them an illness even where it is a place: "Marburg virus", "Rift Valley fever". */
export const ILLNESS_HEADS = set(`disease diseases virus fever syndrome flu`);

/** Illnesses written with a capital that news names alone (curated). */
export const DISEASES = set(`ebola zika mpox covid covid-19 lassa dengue chikungunya`);

/** Surnames that name an illness before a possessive: "Alzheimer's", "Parkinson's" (curated). */
export const EPONYM_DISEASES = set(`alzheimer parkinson huntington crohn asperger tourette addison graves hodgkin`);

/** Lower-case nouns after a name that make it a facility: "Heathrow airport". */
export const FAC_NOUNS = set(`airport stadium bridge palace station prison hospital factory plant refinery mosque cathedral center centre arena`);

/** Last words of political places ("Kent County") and of physical places ("Lake Chad" comes first). */
export const GPE_HEADS = set(`province region county city state district prefecture oblast governorate municipality`);
/** First words of political places: "County Kerry", "Canton Ticino". */
export const GPE_PREFIXES = set(`county canton`);
export const LOC_HEADS = set(`island islands valley river sea ocean mountains mountain desert lake peninsula coast strait bay gulf canal basin plateau delta`);
export const LOC_PREFIXES = set(`lake mount mt. cape gulf strait`);

/** Last words of event names. */
export const EVENT_HEADS = set(
	`war summit olympics games cup championship championships election elections revolution festival crisis expo conference uprising massacre accords accord treaty show fair exhibition marathon tournament`,
);

/** Last words of names of works, laws, indices and programmes (typed OTHER). */
export const OTHER_HEADS = set(
	`index average act law award prize program programme project plan initiative doctrine bill amendment probe rover lander orbiter telescope spacecraft capsule`,
);

/** Holidays and named periods: events, not people or places. */
export const HOLIDAYS = set(`christmas easter ramadan eid thanksgiving hanukkah diwali halloween passover lent advent new-year`);

/** Upper-case words that are not organisations: time zones, units, media and tech terms. */
const NOT_ACRONYMS = set(`
utc gmt est edt pst pdt cst cdt cet cest bst ist jst am pm tv pc os cd dvd lcd led usb gps sms mp3 ok id it ai
gdp cpi ipo ppi hiv aids sars covid dna rna ceo cfo coo cto vp md phd mba faq pdf html api ghz mhz gb mb kb tb
km kg mph bpd no vs
`);

/** Compass and size words that belong to a place's name: "Southern Ontario", "Greater London". */
export const GEO_MODIFIERS = set(`
north south east west northern southern eastern western central upper lower greater inner outer new old
northeast northwest southeast southwest northeastern northwestern southeastern southwestern
`);

/** Generic words after a place that do not make a company's name: "the US Government". */
export const GENERIC_TAILS = set(
	`government governments administration authorities officials people economy market markets border president forces embassy consulate`,
);

/** Verbs of saying right after a person's name: "Haftar said". */
export const SPEECH_VERBS = set(
	`said says told added stated explained argued insisted warned noted claimed admitted announced wrote tweeted replied asked recalled acknowledged declared`,
);

/** Words inside names that stay lower case: "Bank of England", "Charles de Gaulle". */
export const NAME_CONNECTORS = set(`of for de du da di la le von van der den del bin ibn al el`);

export const MONTHS_DAYS = set(`
january february march april may june july august september october november december
jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays
`);

/** Capitalised words that start sentences and are not names; the lexicon adds thousands more. */
const STARTERS = set(`
the a an this that these those it its he she they we i you his her their our my your there here
but and or so yet also however meanwhile although though while when where after before since because
if as at in on by for from with without about according under over into during despite amid among between
then now still already not no yes all some many most several few both each every other such another
north south east west northern southern eastern western new old spring summer autumn fall winter
earlier later today yesterday tomorrow last next one two three four five six seven eight nine ten
what which who whom whose why how more less following including instead indeed
government administration authorities officials company firm
`);

const CURRENCIES = set(lexicon.currencies);
const UNITS = set(lexicon.units);

/** True for a currency or a unit ("USD", "dollars", "GHz"): never a name. */
export function isCurrencyOrUnit(word: string): boolean {
	const w = lowerCase(word);
	return CURRENCIES.has(w) || UNITS.has(w) || NOT_ACRONYMS.has(w);
}

export const FIRST_NAMES = set(lexicon.firstNames);
export const LAST_NAMES = set(lexicon.lastNames);
const COMMON = set(lexicon.common);

/** True for an ordinary English word (any case), as opposed to a name. */
export function isCommonWord(word: string): boolean {
	let known = commonMemo.get(word);
	if (known === undefined) {
		const w = (word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase();
		known = COMMON.has(w) || STARTERS.has(w) || MONTHS_DAYS.has(w);
		commonMemo.set(word, known);
	}
	return known;
}

/**
 * True for a word the tagger's training text mostly writes in lower case ("Video", "Digital",
 * "Central"), save given names and surnames: capitalised, such a word needs other evidence to be a name.
 */
export function isOrdinaryWord(word: string): boolean {
	const w = lowerCase(word);
	return (nerModel().lexicon.common.has(w) || ABSTRACT_NOUN.test(w)) && !FIRST_NAMES.has(w) && !LAST_NAMES.has(w);
}

// Abstract nouns by their suffix ("Inspection", "Enforcement", "Awareness"): names seldom end so.
const ABSTRACT_NOUN = /^\p{L}{4,}(?:tion|sion|ment|ness|ance|ence|ism|ity)s?$/u;

// The answer per spelling, as the same words recur through a document and across documents.
const commonMemo = coreMemory.memo<string, boolean>('common words', 100_000);

/** True for a word (in lower case) that can head a title, or sit inside one. */
/** Court levels that belong to a judge's or prosecutor's title: "U.S. District Judge", "Circuit Judge", "District Attorney". */
export const COURT_LEVELS = set(`district circuit magistrate appellate bankruptcy`);
const COURT_TITLES = set(`judge justice attorney magistrate`);

/** A word inside a title ending in `head`: a title word, or a court level before a judge or an attorney. */
export function inTitle(w: string, head: string): boolean {
	return isTitleLower(w) || (COURT_LEVELS.has(w) && COURT_TITLES.has(head));
}

export function isTitleLower(w: string): boolean {
	return TITLE_HEADS.has(w) || TITLE_MODIFIERS.has(w);
}
