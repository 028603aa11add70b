// Closed word classes the attribution grammar relies on. Open classes (activities) come from the concept catalogue.
import functionWords from './words/functions.json';
import verbs from './words/verbs.json';
import { inflections } from './morphology';

interface FunctionEntry {
  word: string;
  side: 'sales' | 'marketing';
  counterpart?: string;
  names: 'doer' | 'activity';
}

const FUNCTION_ENTRIES = functionWords.words as FunctionEntry[];

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** A closed class of verbs from words/verbs.json, with every inflection of each base form. */
function verbClass(name: 'revenue' | 'support' | 'ownership' | 'consuming' | 'nonActivity'): Set<string> {
  return new Set(verbs[name].verbs.flatMap((verb) => inflections(verb)));
}

/**
 * Words that name each function as a doer (a team or a person); from words/functions.json, the one list of them.
 * Singular "sale" is left out: it is nearly always a transaction.
 */
export const FUNCTION_WORDS: Record<'sales' | 'marketing', Set<string>> = {
  sales: new Set(FUNCTION_ENTRIES.filter((entry) => entry.side === 'sales' && entry.names === 'doer').map((entry) => entry.word)),
  marketing: new Set(FUNCTION_ENTRIES.filter((entry) => entry.side === 'marketing' && entry.names === 'doer').map((entry) => entry.word)),
};

/** Every word that names a function, as a doer or as the work itself ("selling"): what an equation of the two can use. */
export const FUNCTION_NAMES: Map<string, 'sales' | 'marketing'> = new Map(FUNCTION_ENTRIES.map((entry) => [entry.word, entry.side]));

/** The other function's word in the same number ("salespeople" → "marketers"), for the replace fix. */
export const COUNTERPARTS: Map<string, string> = new Map(
  FUNCTION_ENTRIES.flatMap((entry) => (entry.counterpart ? [[entry.word, entry.counterpart] as const] : [])),
);

/** Titles that make "X of sales" a person in that function ("our VP of Sales", "the head of marketing"). */
export const TITLES = set('vp vps svp evp head heads director directors chief manager managers lead leader team department');

/** Frames that report a belief as wrong or past: "we used to think", "once believed". */
export const PAST_BELIEF = set('think thought believe believed assume assumed');

/** Verbs whose subject "sales" is the quantity: "sales rose", "sales doubled". */
export const REVENUE_VERBS = verbClass('revenue');

/** Words that may follow a function word and still name the function ("the sales team", "marketing ops"). */
export const FUNCTION_HEADS = set(`team teams department departments dept org orgs organization organisation function
  force staff people person rep reps representative representatives manager managers executive executives exec execs
  director directors vp vps folks guys colleagues side crew unit units pros professionals associate associates engineer engineers development
  ops operations leadership division agency specialists specialist coordinator coordinators consultants experts hires
  leader leaders employees personnel partner partners liaison liaisons owner owners champion champions contact contacts`);

/** Modifiers that make "sales" a quantity or another sense (holiday sales, sales tax) rather than the function. */
export const REVENUE_MODIFIERS = set(`holiday online retail unit units annual quarterly monthly weekly daily record total net gross
  strong weak slow brisk same-store like-for-like product ticket car home book overall global domestic international export
  first-quarter year-over-year year-on-year lost flat higher lower rising falling declining early late peak seasonal christmas
  summer spring winter autumn fall weekend overseas store in-store e-commerce ecommerce app subscription license licence software
  hardware device vehicle property garage yard flash clearance bake fire short cross up future past recent`);

/** Words after "sales" that make it a quantity or another sense. */
export const REVENUE_HEADS = set(`tax taxes figure figures forecast forecasts data volume volumes number numbers growth revenue revenues
  floor receipt receipts slip slips price prices total totals record records report reports result results chart charts trend trends
  tally per`);

export const AUXILIARIES = set(`will would shall should can could may might must is are was were be been being am has have had do does did
  to going gonna got get gets 'll 'd 's 're 've need needs needed ought used also`);

export const NEGATORS = set(`not never no isn't aren't wasn't weren't don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't
  mustn't hasn't haven't hadn't ain't neither nor nobody`);

/** Adverbs and fillers allowed between a subject and its verb. */
export const ADVERBS = set(`also then now just still already usually always often typically quickly finally really actually normally
  generally mostly mainly primarily sometimes occasionally soon eventually currently increasingly directly personally ultimately
  first next later again even only all both each alone itself themselves himself herself routinely regularly reportedly apparently
  allegedly officially supposedly single-handedly singlehandedly successfully easily simply basically essentially traditionally
  historically once twice`);

/** Verbs of helping: "marketing helps sales close deals" credits the closing to sales, not marketing. */
export const SUPPORT_VERBS = verbClass('support');

/** Verbs of ownership: "sales owns pricing" credits the activity named by the noun. */
export const OWNERSHIP_VERBS = verbClass('ownership');

/** Verbs of using what others made: "sales uses the brand guidelines" credits no brand work to sales. */
export const CONSUMING_VERBS = verbClass('consuming');

/** Nouns of time: "organizing this year" has no object worth comparing. */
export const TIME_NOUNS = set(`year years quarter quarters month months week weeks day days time times morning afternoon evening night today
  tomorrow yesterday spring summer autumn fall winter season monday tuesday wednesday thursday friday saturday sunday weekend`);

/** The verb key of an owning verb in the inconsistency rule: "owns", "runs" and "handles" are the same claim. */
export const OWNERSHIP_KEY = 'own';

/** Prepositions and the like: a function word right after one is an object or a modifier, not a doer. */
export const PREPOSITIONS = set(`of for to with into about than like between toward towards over under through via at across behind beyond on in by from off
  near within without as among upon onto against per around during after before since until despite unlike`);

/** Words and marks that end a clause: what follows has another subject or another claim. */
export const CLAUSE_BREAK_WORDS = set(`while whereas but although though because unless however yet instead whilst so which who whom whose
  where when if once rather`);
export const CLAUSE_BREAK_MARKS = new Set([';', ':', '.', '!', '?', '—', '–', '(', ')', '"', '“', '”', '[', ']', '|']);

/** Words that end a predicate's object ("runs the webinar every month"). */
export const OBJECT_STOPS = set(`every each this next last per in on at for with by to from and or but so then before after during until
  while because since when if that which who as of into over across through via without than`);

export const DETERMINERS = set(`the a an our your their its his her my this that these those every each any some all both new
  next first second quarterly monthly weekly annual upcoming existing current`);

/** Pronouns are not objects worth comparing across sentences. */
export const PRONOUNS = set(`it them this that these those one ones us you him her me everything something anything nothing what`);

/** Verbs whose subject "sales" is the quantity, and other verbs that claim no activity. */
export const NON_ACTIVITY_VERBS = verbClass('nonActivity');

export const ROLE_NOUNS = set('job jobs role roles responsibility responsibilities task tasks duty duties remit mandate area domain turf business');

export const WRONGNESS_MARKERS = set(`mistakenly wrongly incorrectly erroneously myth myths misconception misconceptions fallacy misguided
  wrong mistake confuse confuses confused confusing conflate conflates conflating`);

/** Words that say two names mean one thing, anywhere in a sentence that names both functions. */
export const SAMENESS_CUES: string[][] = [
  ['same', 'thing'],
  ['same', 'job'],
  ['same', 'role'],
  ['same', 'function'],
  ['same', 'department'],
  ['same', 'discipline'],
  ['same', 'difference'],
  ['same', 'work'],
  ['one', 'job'],
  ['one', 'and', 'the', 'same'],
  ['two', 'words', 'for'],
  ['two', 'names', 'for'],
  ['another', 'word', 'for'],
  ['another', 'name', 'for'],
  ['other', 'word', 'for'],
  ['synonym'],
  ['synonyms'],
  ['synonymous'],
  ['interchangeable'],
  ['interchangeably'],
  ['call', 'it', 'what'],
  ['whatever', 'you', 'call', 'it'],
  ['call', 'it', 'whatever'],
  ['by', 'another', 'name'],
  ['in', 'other', 'words'],
  ['no', 'difference'],
  ['no', 'real', 'difference'],
  ['same', 'as'],
  ['our', 'word', 'for'],
  ['what', 'we', 'call'],
  ['also', 'called'],
  ['also', 'known', 'as'],
  ['a.k.a.'],
  ['aka'],
  ['i.e.'],
];

/** Words that cannot start a predicate: "ask sales how the pricing landed" has no claim about sales. */
export const NOT_VERBS = new Set([
  'and',
  'or',
  'how',
  'what',
  'why',
  'when',
  'where',
  'whether',
  'who',
  'which',
  'if',
  'that',
  'about',
  // Membership, not work: "sales is part of the go-to-market team", "a member of the revenue org".
  'part',
  'member',
  'members',
  'subset',
  'component',
  'element',
  'inside',
  'within',
  'under',
]);
/** Verbs that put a doer under another's say: "never let the sales team design the logo", "don't allow sales to…". */
export const CAUSING_VERBS = new Set([
  'let',
  'lets',
  'letting',
  'allow',
  'allows',
  'allowing',
  'make',
  'makes',
  'have',
  'ask',
  'asks',
  'expect',
  'expects',
  'want',
  'wants',
  'force',
  'forces',
  'leave',
  'leaves',
  'trust',
  'rely',
]);
/** Nouns after a function word that make it a role in a lead-in: "Sales Job Duties", "working in the sales field". */
export const ROLE_NOUNS_OF_LEAD_INS = new Set([
  'job',
  'jobs',
  'field',
  'role',
  'roles',
  'duties',
  'responsibilities',
  'activities',
  'career',
  'position',
  'positions',
  'tasks',
  'work',
  'professional',
  'professionals',
]);
/** Words of praise: "thanks to the sales team for running the study" credits the study. */
export const PRAISE = new Set(['thanks', 'thank', 'kudos', 'credit', 'congratulations', 'congrats', 'props', 'shout-out', 'shoutout', 'hats']);
/** Auxiliaries that are the main verb before an object: "sales did a competitor analysis". */
export const MAIN_VERB_AUXILIARIES = new Set(['do', 'does', 'did', 'need', 'needs', 'needed', 'have', 'has', 'had', 'get', 'gets', 'got']);
/** Words after which a verb still belongs to the predicate: "call, email and visit", "plans to launch". */
export const VERB_JOINERS = new Set([
  'and',
  'or',
  'to',
  'then',
  ',',
  'also',
  'both',
  'either',
  'personally',
  'will',
  'would',
  'should',
  'must',
  'can',
  'could',
  'may',
  'might',
  'be',
  'being',
  'been',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'help',
  'helps',
  'helped',
  'in',
]);
/** Pronouns that open a relative clause about the word before them. */
export const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that']);
/** First words of an aside between subject and verb: "Sales, on the other hand, will…". */
export const PARENTHETICAL_STARTS = new Set([
  'on',
  'in',
  'as',
  'for',
  'of',
  'however',
  'meanwhile',
  'too',
  'also',
  'though',
  'by',
  'with',
  'unlike',
  'after',
  'at',
  'our',
  'the',
  'their',
  'your',
  'not',
  'instead',
  'then',
  'now',
  'today',
  'this',
  'last',
  'next',
  'again',
  'like',
]);
/** "marketing is the team that signs new customers": the subject is renamed before its verb. */
export const TEAM_NOUNS = new Set(['team', 'one', 'function', 'department', 'group', 'people', 'folks', 'org', 'crew']);
/** Heads that are verbs too: "the marketing group wrote…" (a head) but "marketing groups customers…" (a verb). */
export const HEADS_THAT_ARE_VERBS = new Set(['group', 'groups', 'lead', 'leads', 'head', 'heads', 'arm']);

/** Words in a lead-in that announce a list of duties: "Responsibilities:", "What you'll do", "duties include". */
export const DUTY_CUES: string[][] = [
  'responsibilities',
  'responsibility',
  'responsible',
  'duties',
  'duty',
  'tasks',
  'role',
  'roles',
  'job',
  "you'll",
  'you will',
  'will be',
  'in charge',
  'day-to-day',
  'day to day',
  'expectations',
  'accountabilities',
  'activities',
  'owns',
  'handles',
  'what you',
  'include',
  'includes',
  'following',
  "they'll",
  'they will',
  'what they',
  'will do',
  'should do',
  'looks after',
  'takes care',
  'in their hands',
  'to-do',
  'checklist',
  'remit',
  'scope',
  'portfolio',
  'functions',
  'summary',
  'overview',
].map((cue) => cue.split(' '));

/** Words of a line that introduces a list of a role's names, not its duties: "Some of these titles include:". */
export const NAME_CUES: string[][] = ['titles', 'title', 'names', 'known as', 'also called', 'go by'].map((cue) => cue.split(' '));

/** Pronouns that may open a sentence as its subject and point back to the previous sentence's subject. */
export const SUBJECT_PRONOUNS = new Set(['they', 'she', 'he']);

/**
 * Nouns that "sales" or "marketing" modifies as a plain adjective ("sales lead scoring", "marketing planning", "Marketing
 * Qualified Lead"): the word before them names no doer.
 */
export const MODIFIED_NOUNS =
  set(`inquiry inquiries enquiry enquiries scoring process processes funnel funnels pipeline pipelines cycle cycles quota quotas strategy strategies
  planning budget budgets collateral material materials content enablement promotion promotions automation qualified mix tool tools
  software platform platforms data metric metrics kpi kpis goal goals objective objectives performance activities activity tactic tactics
  effort efforts channel channels message messages messaging approach approaches skill skills training career careers job jobs
  background experience degree course courses deck decks presentation presentations forecast forecasting world industry field
  landscape literature concept concepts orientation spend spending budgeting copy asset assets email emails list lists database
  analytics research technology tech stack stacks system systems agency agencies function's terminology jargon methods method
  technique techniques efforts initiative initiatives program programs programme mindset perspective point points opportunity
  opportunities territory territories meeting meetings conversation conversations pitch pitches campaign campaigns plan plans
  targets target call calls lead leads tasks task work department's documents document contract contracts headcount hire
  hiring leadership org chart position positions opening openings vacancy vacancies seat seats`);

/** Of those, the ones that are also verbs ("Sales leads the negotiation", "marketing plans the launch"): nouns only before a noun or a verb. */
export const MODIFIED_NOUNS_THAT_ARE_VERBS = set(`pitch pitches campaign campaigns plan plans targets target call calls lead leads copy work`);

/** Nouns for documents and artefacts: an activity phrase before one of them only describes it ("a renewal objection guide"). */
export const DOCUMENT_NOUNS = set(`guide guides playbook playbooks template templates script scripts checklist checklists handbook
  handbooks worksheet worksheets dashboard dashboards tracker report reports calendar calendars doc docs document documents
  sheet sheets cheat matrix training module modules wiki page track tracks sequence sequences email emails journey journeys
  series stream streams flow flows campaign campaigns`);

/** Verbs that hand work to a doer named after "to": "falls to our reps", "is left to sales", "is up to marketing". */
export const ASSIGNING_VERBS = set(`falls fall fell falling left up belongs belong belonged goes go went going assigned given entrusted delegated
  allocated`);

/** Words that make what follows someone else's work, commented on: "feedback on the brochure", "input to the whitepapers". */
export const INPUT_NOUNS = new Set(['feedback', 'input', 'inputs', 'insight', 'insights', 'suggestions', 'comments', 'notes']);

// Word classes of the grammar's newer parts (naming, doers named elsewhere, ways of crediting, activity keys).

/** After "account": the sales roles that look after accounts. */
export const ACCOUNT_ROLES = new Set([
  'management',
  'executive',
  'executives',
  'exec',
  'execs',
  'rep',
  'reps',
  'representative',
  'representatives',
  'manager',
  'managers',
  'team',
  'teams',
  'director',
  'directors',
]);

/** Modifiers that make "sales" the selling done somewhere, unless a head noun makes it a team. */
export const PLACE_MODIFIERS = new Set(['local', 'regional', 'national', 'international', 'domestic', 'global', 'export', 'overseas']);

/** Forms of "be": a copula before a description ("is a sales activity"), not a verb of doing. */
export const COPULA_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", 'am']);

/** Plural nouns after which a function word opens a reduced relative clause: "the MQLs marketing sends", "the leads sales rejects". */
export const REDUCED_RELATIVE_HEADS =
  /^(MQLs|SQLs|SALs|leads|accounts|deals|contacts|prospects|assets|materials|campaigns|emails|briefs|requests|opportunities)$/;

/** Nouns of duty before "of": "a goal of the sales department", "the job of marketing". */
export const DUTY_NOUNS = new Set([
  'goal',
  'goals',
  'job',
  'jobs',
  'task',
  'tasks',
  'responsibility',
  'responsibilities',
  'duty',
  'duties',
  'role',
  'remit',
  'work',
  'province',
  'domain',
]);

/** Nouns that make "a sales activity" a kind of work that belongs to a function. */
export const KIND_NOUNS = new Set(['activity', 'activities', 'function', 'discipline', 'thing', 'matter', 'responsibility', 'affair']);

/** Phrases of charge before the work they name: "responsible for planning", "in charge of negotiating". */
export const CHARGE_PHRASES = [
  ['responsible', 'for'],
  ['in', 'charge', 'of'],
  ['tasked', 'with'],
  ['charged', 'with'],
  ['accountable', 'for'],
];

/** Words that open a sentence with a phrase before its subject: "At Meridian, the salespeople…". */
export const OPENING_PREPOSITIONS = new Set(['at', 'in', 'on', 'for', 'after', 'before', 'during', 'since', 'last', 'this', 'today', 'until']);

/** Nouns after "their"/"his"/"her" that introduce duties: "Their duties include…". */
export const POSSESSED_DUTIES = new Set(['duties', 'duty', 'responsibilities', 'responsibility', 'tasks', 'task', 'job', 'role', 'work', 'remit']);

/** Verbs after those nouns that lead to the duties themselves. */
export const DUTY_VERBS = new Set(['include', 'includes', 'included', 'involve', 'involves', 'cover', 'covers', 'is', 'are', 'span', 'spans', 'range']);

/** What follows an apostrophe in "you'll", "you'd", "they're". */
export const CONTRACTED = new Set(['ll', 'd', 're', 've', "'ll", "'d"]);

/** Words of an activity's object that say nothing about which activity it is ("new", "annual", "customer"). */
export const KEY_FILLERS = new Set([
  'new',
  'big',
  'every',
  'each',
  'more',
  'all',
  'any',
  'some',
  'on',
  'with',
  'up',
  'out',
  'to',
  'into',
  'of',
  'for',
  'and',
  'or',
  'in',
  'at',
  'own',
  'first',
  'next',
  'last',
  'annual',
  'monthly',
  'weekly',
  'quarterly',
  'product',
  'customer',
  'customers',
]);
