// Actors nobody listed: named organisations and titled people found by the shape of their names.
// A pattern finder, not a trained model: an organisation name ends in a head noun ("... Brigades",
// "... Movement") or starts with an Arabic one ("Kataib ...", "Saraya ..."); a person's name follows a
// title ("commander Abu Baqir al-Saadi", "President Ilham Aliyev").
import type { Actor, ActorKind, Span } from '../model/types.js';

export interface DiscoveredSpan extends Span {
  text: string;
  name: string;
  kind: ActorKind;
}

// A capitalised word; no dots (they end sentences: "India. The World Health Organization") and no
// possessive ("Bezos's Blue Origin" is Blue Origin).
const CAP = String.raw`(?:\p{Lu}[\p{L}-]*(?:['’](?!s\b)\p{L}+)?|\d+(?:st|nd|rd|th)?)`;
// No "and"/"in": "Kataib Hezbollah and Asaib Ahl al-Haq" is two names, not one.
const PARTICLE = String.raw`(?:al|el|ad|as|ash|at|az|bin|ibn|bint|of|the|for|de|la|le|van|von|del|du)`;
const NAME_BODY = String.raw`${CAP}(?:[ -](?:${PARTICLE}[ -])*${CAP}){0,5}`;

const ARABIC_HEADS = 'Kataib|Kata’ib|Kata\'ib|Saraya|Liwa|Harakat|Harakat|Asaib|Ashab|Jaysh|Jaish|Ansar|Alwiya|Hizb|Jabhat|Firqat|Quwat|Tansiqiyat|Rab’ Allah|Rabiat|Usbat';
const ENGLISH_HEADS: Record<string, ActorKind> = {
  Brigade: 'armed_group', Brigades: 'armed_group', Battalion: 'armed_group', Battalions: 'armed_group', Militia: 'armed_group',
  Resistance: 'armed_group', Army: 'armed_group', Guard: 'armed_group', Guards: 'armed_group', Corps: 'armed_group', Division: 'armed_group',
  Movement: 'party', Party: 'party', Front: 'party', Alliance: 'party', Coalition: 'party', Bloc: 'party',
  Council: 'government_body', Ministry: 'government_body', Committee: 'government_body', Commission: 'government_body', Parliament: 'government_body',
  Organization: 'organization', Organisation: 'organization', Group: 'organization', Union: 'organization', Agency: 'organization',
  Network: 'organization', Company: 'organization', Association: 'organization', Foundation: 'organization', Forces: 'armed_group',
};

const ORG_ARABIC = new RegExp(String.raw`(?<![\p{L}])(?:${ARABIC_HEADS})(?:[ -](?:${PARTICLE}[ -])*${CAP}){1,5}`, 'gu');
const ORG_ENGLISH = new RegExp(
  String.raw`(?<![\p{L}])${NAME_BODY} (?<head>${Object.keys(ENGLISH_HEADS).join('|')})(?: (?:of|for) (?:the )?\p{Lu}[\p{L}’'-]*(?: \p{Lu}[\p{L}’'-]*){0,3})?(?![\p{L}])`,
  'gu',
);

const TITLES = [
  'President', 'Vice President', 'Prime Minister', 'Minister', 'Foreign Minister', 'Defence Minister', 'Defense Minister', 'Interior Minister',
  'General', 'Gen\\.', 'Maj\\. Gen\\.', 'Brig\\. Gen\\.', 'Lt\\. Gen\\.', 'Colonel', 'Col\\.', 'Major', 'Brigadier', 'Lieutenant', 'Commander',
  'commander', 'leader', 'chief', 'head', 'spokesman', 'spokeswoman', 'spokesperson', 'Sheikh', 'Shaikh', 'Ayatollah', 'Grand Ayatollah',
  'cleric', 'envoy', 'Ambassador', 'ambassador', 'Senator', 'Sen\\.', 'Secretary', 'secretary', 'minister', 'Speaker', 'lawmaker', 'MP', 'official', 'deputy',
  'founder', 'Pope', 'activist', 'Emir', 'King', 'Crown Prince', 'Chancellor', 'Governor', 'governor', 'Mayor', 'Judge', 'analyst', 'researcher',
];
// "McConnell", "DiCaprio": a second capital inside a name word.
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}-]+(?:\p{Lu}[\p{Ll}-]+)?(?:['’](?!s\b)\p{L}+)?`;
const PERSON_NAME = String.raw`(?:Abu |Abd |Umm )?${NAME_WORD}(?:[ -](?:${PARTICLE}[ -])*${NAME_WORD}){1,3}`;
const PERSON = new RegExp(String.raw`(?<![\p{L}])(?:${TITLES.join('|')}),? (?<name>${PERSON_NAME})`, 'gu');
/** "Pope Francis", "King Abdullah": a one-word name that only its title makes a name. */
const SOVEREIGN = /(?<![\p{L}])(?<name>(?:Pope|King|Queen|Emir|Sultan|Patriarch) \p{Lu}\p{Ll}+)(?![\p{L}])/gu;
/** "Qasim Muslih, a PMF commander in Anbar": a name that an apposition describes as someone. */
const PERSON_DESCRIBED = new RegExp(
  String.raw`(?<![\p{L}])(?<name>${PERSON_NAME}),? (?:a|an|the|who (?:is|was) (?:a|an|the)) (?:[\p{L}-]+ ){0,4}?(?:commander|leader|official|activist|spokesman|spokeswoman|minister|adviser|advisor|cleric|lawmaker|politician|organi[sz]er|chief|head|founder|member|figure|journalist|envoy|general|officer|governor|president|director|militant|fighter)\b`,
  'gu',
);

/** Words that start a capitalised run without being part of a name. */
const NOT_NAME_START = /^(?:(?:The|A|An|In|On|At|But|And|Or|Last|This|That|These|Those|Its|Their|His|Her|When|While|After|Before|During|Since|Officials?|Sources?|Former|Acting|Interim|Then|New|Both|Some|Many|All|Several|Other)\s+)+/u;

export function discoverSpans(text: string): DiscoveredSpan[] {
  const found: DiscoveredSpan[] = [];
  for (const m of text.matchAll(ORG_ARABIC)) push(found, m.index!, m[0], armedOrParty(m[0]));
  for (const m of text.matchAll(ORG_ENGLISH)) {
    let name = m[0];
    let start = m.index!;
    const lead = NOT_NAME_START.exec(name);
    if (lead) {
      name = name.slice(lead[0].length);
      start += lead[0].length;
    }
    if (name.split(' ').length < 2) continue;
    push(found, start, name, ENGLISH_HEADS[m.groups!.head] ?? 'organization');
  }
  for (const m of text.matchAll(PERSON)) {
    const name = m.groups!.name;
    push(found, m.index! + m[0].length - name.length, name, 'person');
  }
  for (const m of text.matchAll(SOVEREIGN)) push(found, m.index!, m.groups!.name, 'person');
  for (const m of text.matchAll(PERSON_DESCRIBED)) {
    const name = m.groups!.name;
    const lead = NOT_NAME_START.exec(name);
    if (lead) continue;
    push(found, m.index!, name, 'person');
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

function armedOrParty(name: string): ActorKind {
  return /^(?:Hizb|Harakat|Tansiqiyat)/u.test(name) ? 'party' : 'armed_group';
}

function push(found: DiscoveredSpan[], start: number, raw: string, kind: ActorKind): void {
  const text = raw.replace(/[’'.,-]+$/u, '');
  if (text.length < 4) return;
  found.push({ start, end: start + text.length, text, name: text, kind });
}

function discoveredActorId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f’'ʼʿ`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `x-${slug}`;
}

export function discoveredActor(span: DiscoveredSpan): Actor {
  return { id: discoveredActorId(span.name), name: span.name, kind: span.kind, country: null, aliases: [], discovered: true, description: null };
}
