// Word clusters for tagger / parser / NER features (Koo et al. 2008; Ratinov & Roth 2009 use bit-string
// prefixes of a Brown hierarchy). Learned here in two steps, both on the two-sided class-bigram
// likelihood that Brown clustering maximises (sum N(c,d) log N(c,d) - sum N(c) log N(c) on each side):
//   1. the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998) moves each word to the
//      class that raises the likelihood most, over the vocabulary in frequency order, until few move;
//   2. Brown's greedy agglomerative merging of those K classes, which yields the binary hierarchy;
//      a word's bit string is the path from the root to its class (left 0, right 1).
// Deterministic: classes start as rank mod K, words are visited in frequency order, ties keep the
// lower class index. Reads the research corpora from /work/shared/data and writes only the clusters.
//
//   npm run train:clusters                      (defaults)
//   node dist/bench/train/train-clusters.js --classes 1000 --iters 15 --min-count 3 --max-vocab 100000
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DATA = process.env.ORBIT_DATA ?? '/work/shared/data';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const K = arg('classes', 1000);
const MAX_ITERS = arg('iters', 15);
const MIN_COUNT = arg('min-count', 3);
const MAX_VOCAB = arg('max-vocab', 100_000);
const outDir = join(root, 'models', 'clusters');

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';
const log = (s: string) => process.stderr.write(`[${secs()}] ${s}\n`);

// ---------------------------------------------------------------- tokenisation (Penn / UD style)
// Numbers keep their separators (5.93, 155,221); letter-dot abbreviations stay whole (U.S.);
// hyphens and other punctuation are tokens of their own (runs of one mark stay together: "--", "...");
// clitics split as in the treebanks: do n't, ca n't, Iran 's, they 're, I 'm, we 've, he 'll, she 'd.
const TOKEN = /\p{N}+(?:[.,:/]\p{N}+)*|(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}]+)*|([^\s\p{L}\p{M}\p{N}])\1*/gu;
const CLITIC = /^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$/i;

export function tokenizeForClusters(text: string, out: string[]): void {
  // format characters (zero-width spaces and joiners, BOM, soft hyphen) vanish; control characters part words
  text = text.replace(/[\p{Cf}\u00ad]/gu, '').replace(/\p{Cc}/gu, ' ').replace(/[’ʼ‘`]/g, "'").replace(/[“”]/g, '"');
  for (const m of text.matchAll(TOKEN)) {
    const w = m[0];
    if (w.length > 2 && w.includes("'")) {
      const c = CLITIC.exec(w);
      if (c) { out.push(c[1], c[2]); continue; }
    }
    out.push(w);
  }
}

// ---------------------------------------------------------------- reading the corpora
const typeIds = new Map<string, number>();
const typeNames: string[] = [];
let typeCounts = new Int32Array(1 << 20);
let stream = new Int32Array(1 << 24);
let streamLen = 0;
const BREAK = -1;
const sourceTokens: Record<string, number> = {};

function push(id: number) {
  if (streamLen === stream.length) { const s = new Int32Array(stream.length * 2); s.set(stream); stream = s; }
  stream[streamLen++] = id;
}
function addSegment(words: string[], source: string) {
  if (words.length === 0) return;
  for (const w of words) {
    let id = typeIds.get(w);
    if (id === undefined) {
      id = typeNames.length; typeIds.set(w, id); typeNames.push(w);
      if (id === typeCounts.length) { const c = new Int32Array(typeCounts.length * 2); c.set(typeCounts); typeCounts = c; }
    }
    typeCounts[id]++;
    push(id);
  }
  push(BREAK);
  sourceTokens[source] = (sourceTokens[source] ?? 0) + words.length;
}

function readJsonl(path: string, fields: (o: any) => string[], source: string) {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  let docs = 0;
  const toks: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line);
    for (const f of fields(o)) {
      if (!f) continue;
      toks.length = 0;
      tokenizeForClusters(f, toks);
      addSegment(toks, source);
    }
    docs++;
  }
  log(`${source}: ${docs} documents, ${sourceTokens[source] ?? 0} tokens`);
}

function readColumn(path: string, col: number, source: string, conllu: boolean) {
  const text = readFileSync(path, 'utf8');
  const sent: string[] = [];
  let sents = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) { if (sent.length) { addSegment(sent, source); sents++; sent.length = 0; } continue; }
    if (conllu && line.startsWith('#')) continue;
    const cells = line.split(conllu ? '\t' : ' ');
    if (conllu && !/^\d+$/.test(cells[0])) continue; // multiword ranges (1-2) and empty nodes (1.1)
    if (!conllu && cells[0] === '-DOCSTART-') continue;
    const form = cells[col].replace(/[\p{Cf}\u00ad]/gu, '').replace(/\p{Cc}/gu, '').replace(/[’ʼ‘`]/g, "'");
    if (form) sent.push(form);
  }
  if (sent.length) { addSegment(sent, source); sents++; }
  log(`${source}: ${sents} sentences, ${sourceTokens[source] ?? 0} tokens`);
}

const LICENCE_LINE = /\s*All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4\.0 International License\.?\s*/g;
readJsonl(join(DATA, 'corpora/reuters21578.jsonl.gz'), (o) => [o.title ?? '', ...(String(o.body ?? '').split(/\n\s*\n|\n {3,}/))], 'reuters21578');
readJsonl(join(DATA, 'corpora/tehran_times_early.jsonl.gz'), (o) => [String(o.text ?? '').replace(LICENCE_LINE, ' ')], 'tehran_times_early');
readColumn(join(DATA, 'ud-ewt/en_ewt-ud-train.conllu'), 1, 'ud-ewt-train', true);
readColumn(join(DATA, 'ud-gum/en_gum-ud-train.news-bio-interview-speech.conllu'), 1, 'ud-gum-train', true);
if (existsSync(join(DATA, 'conll2003/eng.train'))) readColumn(join(DATA, 'conll2003/eng.train'), 0, 'conll2003-eng.train', false);
const totalTokens = Object.values(sourceTokens).reduce((a, b) => a + b, 0);
log(`read ${totalTokens} tokens, ${typeNames.length} types`);

// ---------------------------------------------------------------- vocabulary: count >= MIN_COUNT, by frequency
const order = Array.from({ length: typeNames.length }, (_, i) => i)
  .filter((i) => typeCounts[i] >= MIN_COUNT)
  .sort((a, b) => typeCounts[b] - typeCounts[a] || (typeNames[a] < typeNames[b] ? -1 : typeNames[a] > typeNames[b] ? 1 : 0))
  .slice(0, MAX_VOCAB);
const V = order.length;
const remap = new Int32Array(typeNames.length).fill(-1);
order.forEach((t, i) => { remap[t] = i; });
const words = order.map((t) => typeNames[t]);
const wcount = new Int32Array(V);
order.forEach((t, i) => { wcount[i] = typeCounts[t]; });
let covered = 0;
for (let i = 0; i < V; i++) covered += wcount[i];
log(`vocabulary ${V} words with count >= ${MIN_COUNT} (${(100 * covered / totalTokens).toFixed(2)}% of tokens)`);

// ---------------------------------------------------------------- bigrams: sort a -> b keys, run-length count
let nb = 0;
const keys = new Float64Array(streamLen);
for (let i = 0; i + 1 < streamLen; i++) {
  const a = stream[i], b = stream[i + 1];
  if (a < 0 || b < 0) continue;
  const x = remap[a], y = remap[b];
  if (x < 0 || y < 0) continue;
  keys[nb++] = x * V + y;
}
const sorted = keys.subarray(0, nb).sort();
let nDistinct = 0;
for (let i = 0; i < nb; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) nDistinct++;
// CSR of right neighbours (rowR[w]..rowR[w+1]) and left neighbours.
const rowR = new Int32Array(V + 1), colR = new Int32Array(nDistinct), cntR = new Int32Array(nDistinct);
{
  let j = -1;
  for (let i = 0; i < nb; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      j++;
      const k = sorted[i];
      const a = Math.floor(k / V);
      colR[j] = k - a * V;
      rowR[a + 1]++;
    }
    cntR[j]++;
  }
  for (let w = 0; w < V; w++) rowR[w + 1] += rowR[w];
}
const rowL = new Int32Array(V + 1), colL = new Int32Array(nDistinct), cntL = new Int32Array(nDistinct);
{
  for (let e = 0; e < nDistinct; e++) rowL[colR[e] + 1]++;
  for (let w = 0; w < V; w++) rowL[w + 1] += rowL[w];
  const fill = rowL.slice(0, V);
  for (let a = 0; a < V; a++) for (let e = rowR[a]; e < rowR[a + 1]; e++) {
    const p = fill[colR[e]]++;
    colL[p] = a; cntL[p] = cntR[e];
  }
}
const selfCount = new Int32Array(V); // n(w, w)
const leftTotal = new Float64Array(V), rightTotal = new Float64Array(V); // bigrams with w on the left / right
for (let a = 0; a < V; a++) for (let e = rowR[a]; e < rowR[a + 1]; e++) {
  if (colR[e] === a) selfCount[a] = cntR[e];
  leftTotal[a] += cntR[e]; rightTotal[colR[e]] += cntR[e];
}
stream = new Int32Array(0);
log(`${nb} bigram tokens, ${nDistinct} distinct bigrams`);

// ---------------------------------------------------------------- f(n) = n ln n, tabulated for integer counts
const TBL = Math.min(nb + 1, 1 << 24);
const FT = new Float64Array(TBL);
for (let n = 1; n < TBL; n++) FT[n] = n * Math.log(n);
const f = (n: number) => (n < TBL ? FT[n] : n * Math.log(n));

// ---------------------------------------------------------------- 1. exchange algorithm
const cls = new Int32Array(V);
for (let w = 0; w < V; w++) cls[w] = w % K;
const N = new Float64Array(K * K);  // N[c*K+d] = bigrams (class c, class d)
const NT = new Float64Array(K * K); // transposed
const rowSum = new Float64Array(K), colSum = new Float64Array(K);
function rebuild() {
  N.fill(0); NT.fill(0); rowSum.fill(0); colSum.fill(0);
  for (let a = 0; a < V; a++) {
    const ca = cls[a];
    for (let e = rowR[a]; e < rowR[a + 1]; e++) {
      const cb = cls[colR[e]], n = cntR[e];
      N[ca * K + cb] += n; NT[cb * K + ca] += n; rowSum[ca] += n; colSum[cb] += n;
    }
  }
}
function objective(): number {
  let F = 0;
  for (let i = 0; i < K * K; i++) if (N[i] > 0) F += f(N[i]);
  for (let c = 0; c < K; c++) F -= f(rowSum[c]) + f(colSum[c]);
  return F;
}
rebuild();
const nbLogN = nb * Math.log(nb);
// Average mutual information in bits between adjacent classes: (F + N ln N) / (N ln 2).
const ami = () => ((objective() + nbLogN) / nb / Math.LN2).toFixed(4);
log(`exchange: ${K} classes, start AMI ${ami()} bits`);

{
  const R = new Float64Array(K), L = new Float64Array(K);
  const nzR = new Int32Array(K), nzL = new Int32Array(K);
  const delta = new Float64Array(K);
  for (let iter = 1; iter <= MAX_ITERS; iter++) {
    let moves = 0;
    for (let w = 0; w < V; w++) {
      const c = cls[w], s = selfCount[w];
      // w's bigrams aggregated by the class of the other word, excluding (w, w)
      let nr = 0, nl = 0, sumR = 0, sumL = 0;
      for (let e = rowR[w]; e < rowR[w + 1]; e++) {
        const v = colR[e]; if (v === w) continue;
        const d = cls[v]; if (R[d] === 0) nzR[nr++] = d; R[d] += cntR[e]; sumR += cntR[e];
      }
      for (let e = rowL[w]; e < rowL[w + 1]; e++) {
        const v = colL[e]; if (v === w) continue;
        const d = cls[v]; if (L[d] === 0) nzL[nl++] = d; L[d] += cntL[e]; sumL += cntL[e];
      }
      const rl = sumR + s, cl = sumL + s;
      // take w out of c
      for (let i = 0; i < nr; i++) { const d = nzR[i]; N[c * K + d] -= R[d]; NT[d * K + c] -= R[d]; }
      for (let i = 0; i < nl; i++) { const d = nzL[i]; N[d * K + c] -= L[d]; NT[c * K + d] -= L[d]; }
      N[c * K + c] -= s; NT[c * K + c] -= s; rowSum[c] -= rl; colSum[c] -= cl;
      // gain of putting w into each class k
      for (let k = 0; k < K; k++) delta[k] = -(f(rowSum[k] + rl) - f(rowSum[k]) + f(colSum[k] + cl) - f(colSum[k]));
      for (let i = 0; i < nr; i++) { // row k, column d gains R[d]: entries N[k][d] = NT[d][k]
        const d = nzR[i], r = R[d], base = d * K;
        for (let k = 0; k < K; k++) { const x = NT[base + k]; delta[k] += f(x + r) - f(x); }
      }
      for (let i = 0; i < nl; i++) { // column k, row d gains L[d]: entries N[d][k]
        const d = nzL[i], l = L[d], base = d * K;
        for (let k = 0; k < K; k++) { const x = N[base + k]; delta[k] += f(x + l) - f(x); }
      }
      // the diagonal N[k][k] gains R[k] + L[k] + s together, not separately
      for (let k = 0; k < K; k++) {
        const x = N[k * K + k], r = R[k], l = L[k];
        if (r === 0 && l === 0 && s === 0) continue;
        delta[k] += f(x + r + l + s) - f(x) - (r > 0 ? f(x + r) - f(x) : 0) - (l > 0 ? f(x + l) - f(x) : 0);
      }
      let best = c;
      for (let k = 0; k < K; k++) if (delta[k] > delta[best] + 1e-9) best = k;
      if (best !== c) { moves++; cls[w] = best; }
      const b = best;
      for (let i = 0; i < nr; i++) { const d = nzR[i]; N[b * K + d] += R[d]; NT[d * K + b] += R[d]; R[d] = 0; }
      for (let i = 0; i < nl; i++) { const d = nzL[i]; N[d * K + b] += L[d]; NT[b * K + d] += L[d]; L[d] = 0; }
      N[b * K + b] += s; NT[b * K + b] += s; rowSum[b] += rl; colSum[b] += cl;
    }
    log(`exchange iteration ${iter}: ${moves} moves (${(100 * moves / V).toFixed(2)}%), AMI ${ami()} bits`);
    if (moves < V * 0.002) break;
  }
}
rebuild(); // exact counts again (guards against drift; all counts are integers anyway)

// ---------------------------------------------------------------- 2. Brown merging of the K classes
// Classes that ended up empty are dropped. M is the class-bigram matrix over live slots.
const live: number[] = [];
const classSize = new Int32Array(K);
for (let w = 0; w < V; w++) classSize[cls[w]]++;
for (let c = 0; c < K; c++) if (classSize[c] > 0) live.push(c);
const C = live.length;
log(`merging ${C} non-empty classes into a hierarchy`);
const M = new Float64Array(C * C), rs = new Float64Array(C), cs = new Float64Array(C);
for (let i = 0; i < C; i++) for (let j = 0; j < C; j++) M[i * C + j] = N[live[i] * K + live[j]];
for (let i = 0; i < C; i++) { rs[i] = rowSum[live[i]]; cs[i] = colSum[live[i]]; }
const alive = new Uint8Array(C).fill(1);
// g(s,t,d): the change in the row-d / column-d terms when s and t merge
const g = (s: number, t: number, d: number) => {
  const a1 = M[s * C + d], b1 = M[t * C + d], a2 = M[d * C + s], b2 = M[d * C + t];
  return f(a1 + b1) - f(a1) - f(b1) + f(a2 + b2) - f(a2) - f(b2);
};
function gain(s: number, t: number): number {
  let x = 0;
  for (let d = 0; d < C; d++) if (alive[d] && d !== s && d !== t) x += g(s, t, d);
  const ss = M[s * C + s], st = M[s * C + t], ts = M[t * C + s], tt = M[t * C + t];
  x += f(ss + st + ts + tt) - f(ss) - f(st) - f(ts) - f(tt);
  x -= f(rs[s] + rs[t]) - f(rs[s]) - f(rs[t]) + f(cs[s] + cs[t]) - f(cs[s]) - f(cs[t]);
  return x;
}
const G = new Float64Array(C * C); // G[s*C+t], s < t
for (let s = 0; s < C; s++) for (let t = s + 1; t < C; t++) G[s * C + t] = gain(s, t);
// tree: nodes 0..C-1 are the classes; internal nodes C.. ; node[slot] is the tree node a slot holds now
const left: number[] = [], right: number[] = [];
const nodeOf = Array.from({ length: C }, (_, i) => i);
for (let step = 0; step < C - 1; step++) {
  let ba = -1, bb = -1, bg = -Infinity;
  for (let s = 0; s < C; s++) {
    if (!alive[s]) continue;
    for (let t = s + 1; t < C; t++) if (alive[t] && G[s * C + t] > bg) { bg = G[s * C + t]; ba = s; bb = t; }
  }
  const a = ba, b = bb;
  // other pairs: the d=a and d=b terms become one d=a+b term
  for (let s = 0; s < C; s++) {
    if (!alive[s] || s === a || s === b) continue;
    for (let t = s + 1; t < C; t++) {
      if (!alive[t] || t === a || t === b) continue;
      const a1 = M[s * C + a] + M[s * C + b], b1 = M[t * C + a] + M[t * C + b];
      const a2 = M[a * C + s] + M[b * C + s], b2 = M[a * C + t] + M[b * C + t];
      G[s * C + t] += f(a1 + b1) - f(a1) - f(b1) + f(a2 + b2) - f(a2) - f(b2) - g(s, t, a) - g(s, t, b);
    }
  }
  // fold b into a
  for (let d = 0; d < C; d++) { M[a * C + d] += M[b * C + d]; }
  for (let d = 0; d < C; d++) { M[d * C + a] += M[d * C + b]; }
  rs[a] += rs[b]; cs[a] += cs[b]; alive[b] = 0;
  for (let s = 0; s < C; s++) if (alive[s] && s !== a) { const v = gain(Math.min(s, a), Math.max(s, a)); G[Math.min(s, a) * C + Math.max(s, a)] = v; }
  left.push(nodeOf[a]); right.push(nodeOf[b]); nodeOf[a] = C + step;
  if ((step + 1) % 100 === 0) log(`merge ${step + 1}/${C - 1}`);
}
// bit strings: root = last internal node
const path: string[] = new Array(2 * C - 1).fill('');
for (let n = 2 * C - 2; n >= C; n--) { path[left[n - C]] = path[n] + '0'; path[right[n - C]] = path[n] + '1'; }
const slotOfClass = new Int32Array(K).fill(-1);
live.forEach((c, i) => { slotOfClass[c] = i; });
const wordPath = words.map((_, w) => path[slotOfClass[cls[w]]] || '0');
let maxDepth = 0, minDepth = Infinity, sumDepth = 0;
for (let i = 0; i < C; i++) { maxDepth = Math.max(maxDepth, path[i].length); minDepth = Math.min(minDepth, path[i].length); sumDepth += path[i].length; }
log(`hierarchy: depth mean ${(sumDepth / C).toFixed(1)}, max ${maxDepth}`);

// ---------------------------------------------------------------- output
const lines: [string, string, number][] = [];
const seen = new Set(words);
for (let w = 0; w < V; w++) lines.push([words[w], wordPath[w], wcount[w]]);
let lowered = 0;
for (let w = 0; w < V; w++) { // most frequent cased variant first, since words are in frequency order
  const lw = words[w].toLowerCase();
  if (!seen.has(lw)) { seen.add(lw); lines.push([lw, wordPath[w], wcount[w]]); lowered++; }
}
lines.sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : y[2] - x[2] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)));
mkdirSync(outDir, { recursive: true });
const tsv = lines.map(([w, p, n]) => `${w}\t${p}\t${n}`).join('\n') + '\n';
writeFileSync(join(outDir, 'clusters.tsv'), tsv);
const elapsed = (Date.now() - t0) / 1000;
log(`wrote models/clusters/clusters.tsv: ${lines.length} entries (${lowered} lowercased), ${(tsv.length / 1e6).toFixed(2)} MB`);

// ---------------------------------------------------------------- sanity report and README
const idx = new Map(words.map((w, i) => [w, i]));
function shared(a: string, b: string) { let i = 0; while (i < a.length && i < b.length && a[i] === b[i]) i++; return i; }
function nearest(word: string, k: number): string {
  const w = idx.get(word);
  if (w === undefined) return `${word}: (not in vocabulary)`;
  const p = wordPath[w];
  const cands: [number, number][] = [];
  for (let v = 0; v < V; v++) if (v !== w) cands.push([shared(p, wordPath[v]), v]);
  cands.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  return `${word} [${p}]: ` + cands.slice(0, k).map(([l, v]) => `${words[v]}(${l})`).join(' ');
}
function clusterOf(word: string, k: number): string {
  const w = idx.get(word);
  if (w === undefined) return `${word}: (not in vocabulary)`;
  const members: string[] = [];
  for (let v = 0; v < V && members.length < k; v++) if (cls[v] === cls[w]) members.push(words[v]);
  return `${word} [${wordPath[w]}] (${classSize[cls[w]]} words): ${members.join(' ')}`;
}
const probe = ['Baghdad', 'militia', 'said', 'Soleimani', 'Tehran', 'Monday', 'oil', 'minister', 'the', 'percent', 'attacked', 'Hezbollah'];
const nn = probe.map((p) => nearest(p, 8));
const cl = probe.map((p) => clusterOf(p, 20));
process.stdout.write('\nNearest by shared prefix length:\n' + nn.join('\n') + '\n\nClusters (most frequent members):\n' + cl.join('\n') + '\n');

const readme = `# Word clusters (models/clusters)

\`clusters.tsv\`: one line per word, \`word TAB bitstring TAB count\` (Percy Liang's \`paths\` format with the
word first), sorted by bit string. The bit string is the word's path in a binary hierarchy of ${C} classes
(0 = left); prefixes of length 4, 6, 10, 20 serve as features (Koo et al. 2008; Ratinov & Roth 2009).
Words are case-sensitive as seen; a lowercased line is added when the lowercase form was not seen
itself (it takes the path of its most frequent cased variant). Load with \`loadClusters()\` from
\`src/nlp/clusters.ts\`.

## How they were made

\`npm run train:clusters\` (source: \`bench/train/train-clusters.ts\`, TypeScript, one process, deterministic).
Options used: \`--classes ${K} --iters ${MAX_ITERS} --min-count ${MIN_COUNT} --max-vocab ${MAX_VOCAB}\`.

1. Tokenise Penn/UD style: hyphens and punctuation are their own tokens, clitics split (\`do n't\`, \`Iran 's\`),
   numbers keep their separators (\`5.93\`, \`155,221\`), letter-dot abbreviations stay whole (\`U.S.\`).
   Treebank and CoNLL words are taken as tokenised there. The Tehran Times licence footer is removed.
2. Keep words seen at least ${MIN_COUNT} times; bigrams touching other words, or crossing a document,
   paragraph or sentence boundary, are dropped.
3. Exchange algorithm (Kneser & Ney 1993; Martin et al. 1998) on the two-sided class-bigram likelihood,
   ${K} classes, initial class = frequency rank mod ${K}, words visited in frequency order.
4. Brown et al. (1992) greedy merging of the classes (the same mutual-information criterion) into a
   binary tree; each word gets its class's root-to-leaf path. Within a class words share one path.

| | |
|---|---|
| tokens read | ${totalTokens.toLocaleString('en')} |
| ${Object.entries(sourceTokens).map(([s, n]) => `— ${s} | ${n.toLocaleString('en')}`).join(' |\n| ')} |
| bigrams used | ${nb.toLocaleString('en')} (${nDistinct.toLocaleString('en')} distinct) |
| vocabulary clustered | ${V.toLocaleString('en')} (count >= ${MIN_COUNT}, ${(100 * covered / totalTokens).toFixed(2)}% of tokens) |
| lines in clusters.tsv | ${lines.length.toLocaleString('en')} (${lowered.toLocaleString('en')} lowercased extras) |
| classes (leaves) | ${C} |
| path length | mean ${(sumDepth / C).toFixed(1)}, max ${maxDepth} |
| final AMI between adjacent classes | ${ami()} bits |
| time | ${elapsed.toFixed(0)} s on one core (Node ${process.version}) |

## Limitations

- A class's words share one path: there is no hierarchy below the ~1000 leaves (paths are ${minDepth}-${maxDepth} bits,
  so a 20-bit prefix is the whole path), unlike Liang's Brown implementation, which splits down to words.
- Words seen only 3-5 times are placed on thin evidence and sometimes land in a frequent word's class
  (e.g. a few numbers beside "the"); features should fall back to prefixes for rare words.
- Left-right bigram context only; Iran-centred Tehran Times text is 84% of the tokens.

## Data and licences

Only the derived clusters are committed; no corpus text is.

- Reuters-21578, Distribution 1.0 (Reuters newswire, 1987; title and body). Copyright Reuters Ltd.;
  free distribution "for research purposes only". Cite as "Reuters-21578, Distribution 1.0".
- Tehran Times crawl, early part (github.com/Kmahmoudi/Tehran-Times-Dataset), text field. Stated licence
  CC BY 4.0: "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0
  International License". Attribution: Tehran Times / Mehr News Agency.
- Universal Dependencies English EWT v2.15, train split only (FORM column). CC BY-SA 4.0.
- Universal Dependencies English GUM, news / bio / interview / speech genres, train split only (FORM column).
  Treebank CC BY-NC-SA 4.0; the kept genres come from CC BY / public-domain texts.
- CoNLL-2003 English eng.train, first column (Reuters RCV1 news; research use under the Reuters corpus agreement).

Dev splits were not read.

## Examples

Nearest words by shared prefix length (the number is the shared prefix length):

\`\`\`
${nn.join('\n')}
\`\`\`

Clusters (class path, class size, most frequent members):

\`\`\`
${cl.join('\n')}
\`\`\`
`;
writeFileSync(join(outDir, 'README.md'), readme);
log(`wrote models/clusters/README.md; total ${elapsed.toFixed(1)}s`);
