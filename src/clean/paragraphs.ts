// Split plain text into paragraph units: one per line, except that hard-wrapped prose (wire copy
// wrapped at a fixed width) is joined back into its paragraph. Whitespace is normalised inside a
// unit; the words themselves are never changed, since article offsets point into this text.

export function splitUnits(text: string): string[] {
  const units: string[] = [];
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').map(normalizeSpace).filter((l) => l !== '');
    if (lines.length === 0) continue;
    const width = Math.max(...lines.map((l) => l.length));
    let current = lines[0];
    for (let i = 1; i < lines.length; i++) {
      if (isWrapped(lines[i - 1], lines[i], width)) current += ' ' + lines[i];
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
 * A line was wrapped when the block looks fixed-width (longest line 50-100 characters), the line fills
 * most of that width, and the next line does not start a new sentence. A list of short nav links or a
 * series of one-line paragraphs stays apart.
 */
function isWrapped(line: string, next: string, width: number): boolean {
  if (width < 50 || width > 100 || line.length < width * 0.7) return false;
  return !(/[.!?:"”’)]$/.test(line) && /^[A-Z"“‘(]/.test(next));
}

export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}
