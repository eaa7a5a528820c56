// Which reader an input goes to, decided by its file name (a `.gz` suffix is looked through).

export type InputKind = 'text' | 'html' | 'jsonl' | 'feed';

const BY_EXTENSION: Record<string, InputKind> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

export function kindOfName(name: string): InputKind | null {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  const dot = lower.lastIndexOf('.');
  if (dot < 0 || dot < lower.lastIndexOf('/')) return null;
  return BY_EXTENSION[lower.slice(dot)] ?? null;
}

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);
