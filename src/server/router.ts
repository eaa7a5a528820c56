// A tiny router: patterns like /api/actors/:id, matched segment by segment. It knows nothing of HTTP
// beyond methods, so the API and its tests need no framework.

export type PathParams = Record<string, string>;

export type RouteMatch<H> =
  | { kind: 'found'; handler: H; params: PathParams }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

interface Route<H> {
  method: string;
  segments: string[];
  handler: H;
}

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  get(pattern: string, handler: H): this {
    return this.add('GET', pattern, handler);
  }

  /** `path` is the raw URL path; its segments are percent-decoded (a malformed escape throws URIError). */
  match(method: string, path: string): RouteMatch<H> {
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        return { kind: 'found', handler: route.handler, params };
      }
      allowed.push(route.method);
    }
    return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function matchSegments(pattern: string[], segments: string[]): PathParams | null {
  if (pattern.length !== segments.length) return null;
  const params: PathParams = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) params[pattern[i].slice(1)] = segments[i];
    else if (pattern[i] !== segments[i]) return null;
  }
  return params;
}
