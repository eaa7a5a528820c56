// Inflected forms of English verbs for the trigger lexicon: a lexicon lists "strike" and we match
// strike, strikes, struck, striking, stricken. Rules for the regular verbs, a table for the rest.

const IRREGULAR: Record<string, string[]> = {
  strike: ['struck', 'stricken'], hit: ['hit'], shoot: ['shot'], meet: ['met'], fight: ['fought'], send: ['sent'],
  give: ['gave', 'given'], hold: ['held'], speak: ['spoke', 'spoken'], withdraw: ['withdrew', 'withdrawn'], take: ['took', 'taken'],
  lead: ['led'], sell: ['sold'], bring: ['brought'], seek: ['sought'], throw: ['threw', 'thrown'], fly: ['flew', 'flown'],
  go: ['went', 'gone'], leave: ['left'], pay: ['paid'], free: ['freed'], set: ['set'], put: ['put'], shut: ['shut'],
  quit: ['quit'], cut: ['cut'], run: ['ran'], wake: ['woke'], win: ['won'], lose: ['lost'], make: ['made'], tell: ['told'],
  say: ['said'], build: ['built'], begin: ['began', 'begun'], break: ['broke', 'broken'], bow: ['bowed'], draw: ['drew', 'drawn'],
  forbid: ['forbade', 'forbidden'], rebuild: ['rebuilt'], mistake: ['mistook'], overtake: ['overtook'], undertake: ['undertook', 'undertaken'],
  come: ['came'], become: ['became'], do: ['did', 'done'], have: ['had'], be: ['was', 'were', 'been'], stand: ['stood'], find: ['found'],
  arise: ['arose'], plead: ['pleaded', 'pled'], bid: ['bid'], spread: ['spread'], sit: ['sat'], read: ['read'],
};

const DOUBLE_FINAL = new Set(['ban', 'plan', 'stop', 'drop', 'ship', 'grab', 'rob', 'shop', 'slam', 'spot', 'step', 'bar', 'prod', 'pin', 'quiz', 'kidnap', 'rebut', 'regret', 'commit', 'permit', 'submit', 'admit', 'abet', 'expel', 'compel', 'propel', 'control', 'patrol', 'refer', 'occur', 'transfer', 'prefer', 'deter', 'rebel', 'equip', 'shell', 'pat']);
const NO_DOUBLE = new Set(['jail', 'visit', 'target', 'limit', 'credit', 'edit', 'exit', 'profit', 'benefit', 'offer', 'deliver', 'enter', 'consider', 'order', 'monitor', 'counter', 'render', 'shelter']);


/** Every form of a single verb: base, 3rd person, past, past participle, gerund. */
export function verbForms(lemma: string): string[] {
  const forms = new Set<string>([lemma, thirdPerson(lemma), gerund(lemma), ...(IRREGULAR[lemma] ?? [regularPast(lemma)])]);
  return [...forms];
}

function thirdPerson(v: string): string {
  if (v === 'be') return 'is';
  if (v === 'have') return 'has';
  if (/(s|sh|ch|x|z|o)$/.test(v)) return v + 'es';
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ies';
  return v + 's';
}

function doubles(v: string): boolean {
  if (NO_DOUBLE.has(v)) return false;
  return DOUBLE_FINAL.has(v) || (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(v) && v.length <= 4);
}

function regularPast(v: string): string {
  if (v.endsWith('e')) return v + 'd';
  if (/[^aeiou]y$/.test(v)) return v.slice(0, -1) + 'ied';
  if (doubles(v)) return v + v.at(-1) + 'ed';
  return v + 'ed';
}

function gerund(v: string): string {
  if (v === 'be') return 'being';
  if (/ie$/.test(v)) return v.slice(0, -2) + 'ying';
  if (/[^e]e$/.test(v) && v !== 'free') return v.slice(0, -1) + 'ing';
  if (doubles(v)) return v + v.at(-1) + 'ing';
  return v + 'ing';
}

/** Forms of a phrasal entry ("call on", "fire rockets at"): the first word inflects, the rest stays. */
export function phraseForms(phrase: string): string[] {
  const [head, ...rest] = phrase.split(' ');
  return verbForms(head).map((f) => [f, ...rest].join(' '));
}
