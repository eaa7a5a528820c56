// Entity tag schemes: spans from and to IOB1 (CoNLL-2003), IOB2 and BILOU tags. The NER works in
// BILOU (Ratinov & Roth 2009: it learns entity edges better than IOB) and reads or writes any of them.
export interface TagSpan {
  /** Token range [start, end). */
  start: number;
  end: number;
  type: string;
}

export type Scheme = 'IOB1' | 'IOB2' | 'BILOU';

/** Spans of a tag sequence in any of the three schemes (a stray I- or L- opens a span, as conlleval does). */
export function spansOf(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let open: TagSpan | null = null;
  const close = (end: number) => {
    if (open) (open.end = end), spans.push(open);
    open = null;
  };
  tags.forEach((tag, i) => {
    if (tag === 'O' || tag === '' || !tag.includes('-')) return close(i);
    const [prefix, type] = [tag.slice(0, tag.indexOf('-')), tag.slice(tag.indexOf('-') + 1)];
    if (prefix === 'B' || prefix === 'U' || prefix === 'S' || !open || open.type !== type) {
      close(i);
      open = { start: i, end: i + 1, type };
    }
    if (prefix === 'U' || prefix === 'S' || prefix === 'L' || prefix === 'E') close(i + 1);
  });
  close(tags.length);
  return spans;
}

/** Tags for spans over `n` tokens in a scheme. */
export function tagsOf(spans: readonly TagSpan[], n: number, scheme: Scheme): string[] {
  const tags = new Array<string>(n).fill('O');
  let previous: TagSpan | null = null;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    for (let i = s.start; i < s.end; i++) {
      if (scheme === 'BILOU') tags[i] = `${s.end - s.start === 1 ? 'U' : i === s.start ? 'B' : i === s.end - 1 ? 'L' : 'I'}-${s.type}`;
      else if (scheme === 'IOB2') tags[i] = `${i === s.start ? 'B' : 'I'}-${s.type}`;
      // IOB1: B- only where a span starts right after another of its type.
      else tags[i] = `${i === s.start && previous && previous.end === s.start && previous.type === s.type ? 'B' : 'I'}-${s.type}`;
    }
    previous = s;
  }
  return tags;
}

/** The scheme a file's tags are in: BILOU if any U-/L- tag, IOB2 if every span starts with B-, else IOB1. */
export function detectScheme(tags: readonly string[]): Scheme {
  if (tags.some((t) => /^[ULSE]-/.test(t))) return 'BILOU';
  for (let i = 0; i < tags.length; i++) {
    if (!tags[i].startsWith('I-')) continue;
    const prev = i > 0 ? tags[i - 1] : 'O';
    if (prev === 'O' || prev.slice(2) !== tags[i].slice(2)) return 'IOB1';
  }
  return 'IOB2';
}
