// What a stage or component skipped or doubted, the unified/VFile way: a message with a rule id, a
// position and a reason, never an exception. The position is data (a line of a JSONL file, an item of
// a feed, an offset range in the Doc's text), not a suffix packed into the uri, so tools can group and
// sort messages without parsing strings.

export type Severity = 'error' | 'warning' | 'info';

export interface Message {
  /** What rule or check raised it, stable across versions: 'ingest.bad-jsonl-line', 'clean.no-text'. */
  id: string;
  /** The stage or component that raised it: 'ingest', 'clean', 'events', 'store' ... */
  component: string;
  severity: Severity;
  /** The input it is about: a file path or URL, as given. */
  uri: string;
  /** 1-based line of the input (JSONL). */
  line?: number;
  /** 1-based item of the input (a feed entry, a story of a page). */
  item?: number;
  /** UTF-16 offsets in the Doc's text, when the message is about a span of it. */
  start?: number;
  end?: number;
  reason: string;
}

/** Where messages go as they happen (the CLI prints them, a test collects them). */
export type Report = (message: Message) => void;

/** Builds a message; `component` is the id's first part unless given. */
export function message(id: string, severity: Severity, uri: string, reason: string, position: Pick<Message, 'line' | 'item' | 'start' | 'end'> = {}, component = id.split('.')[0]): Message {
  return { id, component, severity, uri, ...position, reason };
}

/** "file.jsonl:3", "feed.rss item 2", "page.txt @120-164": the position as a person reads it. */
export function whereOf(m: Message): string {
  let where = m.uri;
  if (m.line !== undefined) where += `:${m.line}`;
  if (m.item !== undefined) where += ` item ${m.item}`;
  if (m.start !== undefined) where += ` @${m.start}${m.end !== undefined ? `-${m.end}` : ''}`;
  return where;
}

/** Counts per id, most frequent first (ties by id): how the CLI and the store summarise a run. */
export function countById(messages: Iterable<Message>): { id: string; severity: Severity; count: number }[] {
  const counts = new Map<string, { id: string; severity: Severity; count: number }>();
  for (const m of messages) {
    const c = counts.get(m.id) ?? { id: m.id, severity: m.severity, count: 0 };
    c.count++;
    counts.set(m.id, c);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}
