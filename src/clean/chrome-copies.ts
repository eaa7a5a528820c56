// Which articles of a site are one article: a syndicated or spun copy of an article already counted
// is found the way dedupe finds it (src/clean/dedupe.ts, MinHash over word 5-grams), so the lines
// the copies share count once and never become chrome by being copied.
import { DuplicateIndex } from './dedupe.js';

/** Copies are told by their head: this much of the text is compared (half the cost of the whole). */
const COMPARED_CHARS = 1500;

export class SiteCopies {
  private readonly sites = new Map<string, { current: DuplicateIndex; previous: DuplicateIndex | null; added: number }>();

  /**
   * @param generation After this many distinct articles of a site its index starts afresh, keeping
   *   the one before: memory stays bounded and a copy is still found within `generation` articles.
   */
  constructor(private readonly generation = Infinity, private readonly maxSites = 512) {}

  /** The id of the earlier article of the site this one copies, else its own id (and it is remembered). */
  identity(site: string, id: string, text: string): string {
    let s = this.sites.get(site);
    // Sites are kept in the order last seen; past maxSites the longest unseen goes (a crawl of many
    // hosts, or a folder of files without outlet or URL, would otherwise keep one index per site).
    if (s) this.sites.delete(site);
    else s = { current: new DuplicateIndex(), previous: null, added: 0 };
    this.sites.set(site, s);
    if (this.sites.size > this.maxSites) this.sites.delete(this.sites.keys().next().value!);
    const head = text.slice(0, COMPARED_CHARS);
    const copy = s.current.match(head) ?? s.previous?.match(head);
    if (copy) return copy.id;
    s.current.add(id, head);
    if (++s.added >= this.generation) {
      s.previous = s.current;
      s.current = new DuplicateIndex();
      s.added = 0;
    }
    return id;
  }

  get siteCount(): number {
    return this.sites.size;
  }
}
