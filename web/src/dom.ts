// Building the page from untrusted article text: everything reaches the DOM as text nodes, never as HTML.

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | ((event: any) => void)>;

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
};

/** An element with attributes and children; strings become text nodes, so nothing is parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.replace(/^on/, ''), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  return fill(node, ...children);
}

/** Replaces a node's children; strings become text nodes and empty ones (null, false) are left out. */
export function fill<T extends Node>(node: T, ...children: (Child | Child[])[]): T {
  const nodes = (children.flat() as Child[])
    .filter((child): child is Node | string | number => child !== null && child !== undefined && child !== false)
    .map((child) => (typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child));
  (node as unknown as Element).replaceChildren(...nodes);
  return node;
}

export const words = (id: string) => id.replaceAll('_', ' ');

/** Where an article came from, without the reader's own folders: a URL's host, else the file name. */
export function sourceName(uri: string | null | undefined): string {
  if (!uri) return '';
  try {
    return new URL(uri).host || uri;
  } catch {
    return uri.split(/[\\/]/).pop() ?? uri;
  }
}

export function swatch(color: string, line = false): HTMLElement {
  const node = el('i', { class: line ? 'swatch line' : 'swatch' });
  node.style.background = color;
  return node;
}
