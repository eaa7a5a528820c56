// XML for the GEXF and GraphML writers, through fast-xml-parser's XMLBuilder (already a dependency),
// which escapes & < > " ' in text and attributes. What it does not do, done here: characters XML 1.0
// cannot hold at all, even escaped (control characters, lone surrogates, U+FFFE/U+FFFF), are dropped,
// since article text and discovered actor names are untrusted; and line breaks and tabs in attributes
// become spaces, which is what any XML reader would turn them into anyway.
import { XMLBuilder } from 'fast-xml-parser';

/** Attribute names carry this prefix in the trees given to buildXml; `#text` is an element's text. */
export const ATTR = '@_';

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The string with what XML 1.0 forbids taken out. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

export type XmlTree = { [name: string]: XmlValue };
export type XmlValue = string | number | undefined | XmlTree | XmlTree[];

function clean(value: XmlValue, name: string): XmlValue {
  if (typeof value === 'string') {
    const safe = xmlSafe(value);
    return name.startsWith(ATTR) ? safe.replace(/[\t\n\r]/g, ' ') : safe;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`xml: '${name}' is ${value}, not a finite number`);
    return value;
  }
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((item) => clean(item, name) as XmlTree);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clean(inner, key)]));
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  // the default writes an attribute whose value is "true" as a bare name, which is not XML
  suppressBooleanAttributes: false,
  suppressEmptyNode: true,
});

/** The document for `tree` (one root element), with its XML declaration. */
export function buildXml(tree: XmlTree): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(clean(tree, ''))}`;
}
