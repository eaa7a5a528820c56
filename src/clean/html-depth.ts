// Two repairs after parsing that a browser's HTML parser makes and linkedom (htmlparser2 underneath,
// not the HTML5 tree builder) does not, so that Readability, which assumes a browser's tree, never
// walks off it.
//
// Deeply nested markup (a broken page, a hostile one: 10,000 nested <div>s) would overflow the stack of
// Readability's recursive walks and cost time quadratic in the depth. Browsers cap nesting in the
// parser (Blink attaches elements deeper than 512 to the deepest allowed parent); this does the same
// after parsing, lower, since no real article needs more: wrappers below the cap are unwrapped, so
// their text and leaf elements stay, in order, under the element at the cap.

/** Elements below this depth are unwrapped into their ancestor at it. */
export const MAX_ELEMENT_DEPTH = 128;

/** Flattens every subtree below MAX_ELEMENT_DEPTH in place; returns how many elements were unwrapped. */
export function capElementDepth(root: Element, maxDepth = MAX_ELEMENT_DEPTH): number {
  let unwrapped = 0;
  // iterative walk: recursion is what this guards against
  const stack: { element: Element; depth: number }[] = [{ element: root, depth: 0 }];
  while (stack.length) {
    const { element, depth } = stack.pop()!;
    if (depth < maxDepth) {
      for (const child of Array.from(element.children)) stack.push({ element: child, depth: depth + 1 });
      continue;
    }
    unwrapped += flattenBelow(element);
  }
  return unwrapped;
}

/** Unwraps every element inside `element` that has element children, until none has. */
function flattenBelow(element: Element): number {
  let unwrapped = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const child of Array.from(element.children)) {
      if (child.children.length === 0) continue;
      child.replaceWith(...Array.from(child.childNodes));
      unwrapped++;
      changed = true;
    }
  }
  return unwrapped;
}

/**
 * Content outside <body> (after a stray </html> or </body>, or between </head> and <body>) goes into
 * the body, as the HTML5 parser puts it there: Readability walks up from a candidate until it meets
 * BODY, and from a node outside it would walk off the document.
 */
export function moveStrayContentIntoBody(document: Document): number {
  const html = document.documentElement;
  const body = document.body;
  if (!html || !body) return 0;
  let moved = 0;
  let beforeBody = true;
  for (const node of Array.from(html.childNodes)) {
    if (node === body) { beforeBody = false; continue; }
    if (node === document.head || node.nodeType === 8 /* comment */) continue;
    if (node.nodeType === 3 && !(node.textContent ?? '').trim()) continue;
    if (beforeBody) body.insertBefore(node, body.firstChild);
    else body.appendChild(node);
    moved++;
  }
  for (const node of Array.from(document.childNodes)) {
    if (node === html || node.nodeType === 10 /* doctype */ || node.nodeType === 8) continue;
    if (node.nodeType === 3 && !(node.textContent ?? '').trim()) continue;
    body.appendChild(node);
    moved++;
  }
  return moved;
}
