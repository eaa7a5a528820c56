// A small knowledge base written to a temp folder, so extraction tests do not move with the real packs.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/kb/index.js';

export const ACTORS_YAML = `
actors:
  - {id: iran, name: Iran, kind: state, country: IRN, aliases: [Islamic Republic of Iran, Tehran], demonyms: [Iranian]}
  - {id: iraq, name: Iraq, kind: state, country: IRQ, demonyms: [Iraqi]}
  - {id: united-states, name: United States, kind: state, country: USA, aliases: [US, U.S., Washington], demonyms: [American]}
  - id: kataib-hezbollah
    name: Kataib Hezbollah
    kind: armed_group
    country: IRQ
    aliases: ["Kata'ib Hizballah", KH]
    affiliations: [{type: part_of, target: pmf, from: 2016}]
  - {id: pmf, name: Popular Mobilization Forces, kind: armed_group, country: IRQ, aliases: [PMF, Hashd al-Shaabi]}
  - {id: asaib-ahl-al-haq, name: Asaib Ahl al-Haq, kind: armed_group, country: IRQ, aliases: [AAH]}
  - {id: qais-al-khazali, name: Qais al-Khazali, kind: person, country: IRQ, aliases: [Khazali]}
  - {id: esmail-qaani, name: Esmail Qaani, kind: person, country: IRN, aliases: [Ghaani, Esmail Ghaani, Qaani]}
  - {id: quds-force, name: Quds Force, kind: armed_group, country: IRN, aliases: [IRGC-QF]}
  - {id: adil-abdul-mahdi, name: Adil Abdul-Mahdi, kind: person, country: IRQ, aliases: [Abdul-Mahdi]}
  - {id: mustafa-al-kadhimi, name: Mustafa al-Kadhimi, kind: person, country: IRQ, aliases: [Kadhimi]}
  - {id: mohammed-shia-al-sudani, name: Mohammed Shia al-Sudani, kind: person, country: IRQ, aliases: [Sudani]}
  - {id: iraqi-government, name: Iraqi government, kind: government_body, country: IRQ, descriptions: [the government]}
  - {id: mark-esper, name: Mark Esper, kind: person, country: USA, aliases: [Esper]}
  - {id: muqtada-al-sadr, name: Muqtada al-Sadr, kind: person, country: IRQ, aliases: [Sadr], supporters: sadrist-movement}
  - {id: sadrist-movement, name: Sadrist Movement, kind: party, country: IRQ, aliases: [Sadrists]}
`;

export const ROLES_YAML = `
roles:
  - id: iraq-prime-minister
    title: Prime Minister of Iraq
    of: iraq
    patterns: ["Iraqi Prime Minister", "Iraq's prime minister", "prime minister of Iraq"]
    holders:
      - {actor: adil-abdul-mahdi, from: 2018-10-25, to: 2020-05-07}
      - {actor: mustafa-al-kadhimi, from: 2020-05-07, to: 2022-10-27}
      - {actor: mohammed-shia-al-sudani, from: 2022-10-27}
`;

export const PLACES_YAML = `
places:
  - {name: Baghdad, country: IRQ, lat: 33.3152, lon: 44.3661}
  - {name: Erbil, country: IRQ, lat: 36.1911, lon: 44.0092}
`;

export function writeKb(files: Record<string, string> = { 'theater/actors.yaml': ACTORS_YAML, 'theater/roles.yaml': ROLES_YAML, 'world/places.yaml': PLACES_YAML }): string {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-kb-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export function testKb(): KnowledgeBase {
  return loadKnowledgeBase([writeKb()]);
}
