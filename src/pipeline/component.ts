// A document component: one step that reads some layers of a Doc and adds others. Declaring what it
// requires and assigns lets the pipeline be printed, reordered and tested one component at a time,
// and lets a misordered list fail at start-up, naming both components, instead of deep inside a run.
import type { Doc, Layer } from '../core/doc.js';
import type { KnowledgeBase } from '../kb/index.js';

/** What every component may use besides the Doc: loaded once per process, shared by all Docs. */
export interface ComponentContext {
  kb: KnowledgeBase;
}

export interface Component {
  name: string;
  /** Layers that must be on the Doc before it runs. */
  requires: Layer[];
  /** Layers it adds (the runner records them on the Doc). */
  assigns: Layer[];
  /** Goes into the provenance of what it produces; bump it when its output changes. */
  version: string;
  /** One line for `orbit pipeline`. */
  description: string;
  /** The model files it reads (src/nlp/perceptron/model-file.ts), for a pool of threads to read once and share. */
  models?: () => string[];
  run(doc: Doc, ctx: ComponentContext): void;
}

/** A component that failed on a Doc, named so the message can say which. */
export class ComponentError extends Error {
  constructor(readonly component: string, cause: unknown) {
    super(`${component} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * Throws unless every layer a component requires is in `given` (what the stages before assign) or
 * assigned by a component earlier in the list. The message names the component, the layer, and
 * the component that assigns it too late, if any.
 */
export function checkOrder(components: readonly Component[], given: readonly Layer[]): void {
  const assigned = new Map<Layer, string>(given.map((layer) => [layer, '(cleaning)']));
  components.forEach((component, i) => {
    for (const layer of component.requires) {
      if (assigned.has(layer)) continue;
      const later = components.slice(i + 1).find((c) => c.assigns.includes(layer));
      throw new Error(
        `pipeline order: '${component.name}' requires '${layer}', ` +
          (later ? `which '${later.name}' assigns only after it; move '${later.name}' before '${component.name}'` : 'which no component before it assigns'),
      );
    }
    for (const layer of component.assigns) if (!assigned.has(layer)) assigned.set(layer, component.name);
  });
}

/** Runs one component on a Doc, checking what it requires is there, and records what it assigned. */
export function runComponent(component: Component, doc: Doc, ctx: ComponentContext): void {
  const missing = component.requires.filter((layer) => !doc.has(layer));
  if (missing.length) throw new Error(`'${component.name}' requires ${missing.map((l) => `'${l}'`).join(', ')}, not yet on doc ${doc.id}`);
  try {
    component.run(doc, ctx);
  } catch (error) {
    throw new ComponentError(component.name, error);
  }
  doc.assign(...component.assigns);
}

export interface Pipeline {
  readonly components: readonly Component[];
  run(doc: Doc): Doc;
}

/** A checked list of components bound to its context: check once at start-up, then run Doc after Doc. */
export function createPipeline(components: readonly Component[], given: readonly Layer[], ctx: ComponentContext): Pipeline {
  checkOrder(components, given);
  return {
    components,
    run(doc: Doc): Doc {
      for (const component of components) runComponent(component, doc, ctx);
      return doc;
    },
  };
}
