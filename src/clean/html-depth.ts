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
