// Split plain text into paragraph units: one per line, except that hard-wrapped prose (wire copy
// wrapped at a fixed width) is joined back into its paragraph. Whitespace is normalised inside a
// unit; the words themselves are never changed, since article offsets point into this text.

export function splitUnits(text: string): string[] {
  const units: string[] = [];
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').map(normalizeSpace).filter((l) => l !== '');
    if (lines.length === 0) continue;
    const wrapped = looksWrapped(lines);
    let current = lines[0];
    for (let i = 1; i < lines.length; i++) {
      if (continues(lines[i - 1], lines[i], wrapped)) current += ' ' + lines[i];
      else {
        units.push(current);
        current = lines[i];
      }
    }
    units.push(current);
  }
  return units;
}

/**
 * A block of fixed-width text (wire copy wrapped at 60-100 columns): at least three lines, and nearly
 * all but the last fill most of the width. A menu, a headline over a byline, or a series of
 * one-line paragraphs does not look like that.
 */
function looksWrapped(lines: string[]): boolean {
  if (lines.length < 3) return false;
  const width = Math.max(...lines.map((l) => l.length));
  if (width < 50 || width > 100) return false;
  const body = lines.slice(0, -1);
  return body.filter((l) => l.length >= width * 0.7).length >= body.length * 0.8;
}

/** The next line goes on with this one's sentence: it starts in lower case after a long line, or the block is wrapped and no sentence ended. */
function continues(line: string, next: string, wrapped: boolean): boolean {
  // Outside a wrapped block, only a long line running on into a lower-case one ("by Monitor staff" under a headline is a byline).
  if (/^[\p{Ll}]/u.test(next) && !/[.!?:"”’)]$/.test(line)) return wrapped || (line.length >= 60 && !/^by\s/i.test(next));
  return wrapped && !(/[.!?:"”’)]$/.test(line) && /^[\p{Lu}"“‘(]/u.test(next));
}

export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}
