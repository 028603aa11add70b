// Just enough English morphology to match a lemma against its inflections and to key activities by lemma.

const IRREGULAR: Record<string, string[]> = {
  be: ['am', 'is', 'are', 'was', 'were', 'been', 'being'],
  bring: ['brought'],
  build: ['built'],
  buy: ['bought'],
  catch: ['caught'],
  do: ['does', 'did', 'done'],
  draw: ['drew', 'drawn'],
  drive: ['drove', 'driven'],
  feed: ['fed'],
  find: ['found'],
  get: ['got', 'gotten'],
  give: ['gave', 'given'],
  go: ['went', 'gone'],
  grow: ['grew', 'grown'],
  have: ['has', 'had'],
  hold: ['held'],
  keep: ['kept'],
  lead: ['led'],
  make: ['made'],
  meet: ['met'],
  pay: ['paid'],
  put: ['put'],
  run: ['ran'],
  say: ['said'],
  see: ['saw', 'seen'],
  sell: ['sold'],
  send: ['sent'],
  set: ['set'],
  shoot: ['shot'],
  sign: ['signed'],
  speak: ['spoke', 'spoken'],
  spend: ['spent'],
  take: ['took', 'taken'],
  teach: ['taught'],
  tell: ['told'],
  think: ['thought'],
  understand: ['understood'],
  win: ['won'],
  write: ['wrote', 'written'],
  seek: ['sought'],
  rise: ['rose', 'risen'],
  fall: ['fell', 'fallen'],
  begin: ['began', 'begun'],
  choose: ['chose', 'chosen'],
  upsell: ['upsold'],
  'cross-sell': ['cross-sold'],
  resell: ['resold'],
  rewrite: ['rewrote', 'rewritten'],
  rebuild: ['rebuilt'],
  become: ['became'],
  deal: ['dealt'],
  show: ['showed', 'shown'],
  undertake: ['undertook', 'undertaken'],
  oversee: ['oversaw', 'overseen'],
  redo: ['redid', 'redone'],
  rethink: ['rethought'],
  overcome: ['overcame'],
  strike: ['struck'],
  lay: ['laid'],
  hang: ['hung'],
  stand: ['stood'],
  sit: ['sat'],
  lose: ['lost'],
  forecast: ['forecast'],
  broadcast: ['broadcast'],
  spread: ['spread'],
  cut: ['cut'],
};

/** Irregular past forms ("wrote", "ran"): a sign that the word before them is a subject. */
export const IRREGULAR_PAST = new Set(Object.values(IRREGULAR).flat());

const IRREGULAR_LEMMA = new Map<string, string>(Object.entries(IRREGULAR).flatMap(([lemma, forms]) => forms.map((form) => [form, lemma] as [string, string])));

/** Whether a final consonant doubles before -ed/-ing (plan → planned), for short stressed-final words. */
function doublesFinal(lemma: string): boolean {
  return /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(lemma) && lemma.length <= 4;
}

/** Every regular and irregular form of a word: noun plurals and verb inflections alike. */
export function inflections(lemma: string): string[] {
  const forms = new Set([lemma, ...(IRREGULAR[lemma] ?? [])]);
  if (/(s|x|z|ch|sh)$/.test(lemma)) forms.add(`${lemma}es`);
  else if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ies`);
  else forms.add(`${lemma}s`);
  if (lemma.endsWith('e')) {
    forms.add(`${lemma}d`);
    forms.add(`${lemma.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(lemma)) {
    forms.add(`${lemma.slice(0, -1)}ied`);
    forms.add(`${lemma}ing`);
  } else if (doublesFinal(lemma)) {
    const last = lemma.slice(-1);
    forms.add(`${lemma}${last}ed`);
    forms.add(`${lemma}${last}ing`);
  } else {
    forms.add(`${lemma}ed`);
    forms.add(`${lemma}ing`);
  }
  return [...forms];
}

/**
 * A crude stem that maps a word and its inflections to one key (manage, manages, managed, managing → `manag`).
 * It is used only to compare words with each other, never shown.
 */
export function stemKey(word: string): string {
  const irregular = IRREGULAR_LEMMA.get(word);
  let stem = irregular ?? word;
  if (!irregular && stem.length > 4) {
    if (stem.endsWith('ies') || stem.endsWith('ied')) stem = `${stem.slice(0, -3)}y`;
    else if (stem.endsWith('ing')) stem = stem.slice(0, -3);
    else if (stem.endsWith('ed')) stem = stem.slice(0, -2);
    else if (/(ches|shes|xes|sses|zes)$/.test(stem)) stem = stem.slice(0, -2);
    else if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  }
  if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  if (/([bdgkmnprt])\1$/.test(stem)) stem = stem.slice(0, -1);
  return stem;
}
