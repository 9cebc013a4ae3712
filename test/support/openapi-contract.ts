/**
 * REST contract checks against GitHub's OpenAPI description (@octokit/openapi's api.github.com.json,
 * a test asset: test/assets.json).
 * The description is read once per process; validators are compiled lazily, once per operation.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { openapiDescriptionPath } from './test-assets.js';

type Json = Record<string, unknown>;

/** One OpenAPI operation, found by method and path. */
export interface MatchedOperation {
  method: string;
  /** Path template as in the description, e.g. `/repos/{owner}/{repo}/issues`. */
  route: string;
  operationId: string;
  params: Record<string, string>;
}

/** A GitHub-shaped validation error entry. */
export interface ContractErrorEntry {
  resource?: string;
  field?: string;
  code: string;
  message?: string;
  value?: unknown;
}

/** Outcome of checking one request against the description. */
export type ContractResult =
  | { ok: true; operation: MatchedOperation }
  | {
      ok: false;
      status: 404 | 422 | 400;
      message: string;
      errors: ContractErrorEntry[];
      operation?: MatchedOperation;
    };

interface CompiledRoute {
  route: string;
  method: string;
  segments: string[];
  regex: RegExp;
  greedyRegex: RegExp | null;
  paramNames: string[];
  literalScore: number[];
  op: Json;
}

interface OperationValidators {
  body: ValidateFunction | null;
  bodyRequired: boolean;
  query: ValidateFunction;
  requiredQuery: string[];
}

let spec: Json | null = null;
let routesByMethod: Map<string, CompiledRoute[]> | null = null;
const validators = new Map<string, OperationValidators>();
let ajvBody: Ajv | null = null;
let ajvQuery: Ajv | null = null;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function specPath(): string {
  return openapiDescriptionPath();
}

function loadSpec(): Json {
  if (!spec) spec = JSON.parse(readFileSync(specPath(), 'utf8')) as Json;
  return spec;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileRoutes(): Map<string, CompiledRoute[]> {
  if (routesByMethod) return routesByMethod;
  const paths = loadSpec()['paths'] as Record<string, Record<string, Json>>;
  const map = new Map<string, CompiledRoute[]>();
  for (const [route, methods] of Object.entries(paths)) {
    const segments = route.split('/').slice(1);
    const paramNames: string[] = [];
    const parts = segments.map((segment) => {
      // A segment may mix literals and params, e.g. `{base}...{head}`.
      let pattern = '';
      let last = 0;
      for (const m of segment.matchAll(/\{([^}]+)\}/g)) {
        pattern += escapeRegex(segment.slice(last, m.index));
        pattern += '([^/]+?)';
        paramNames.push(m[1] ?? '');
        last = (m.index ?? 0) + m[0].length;
      }
      pattern += escapeRegex(segment.slice(last));
      return pattern;
    });
    const regex = new RegExp(`^/${parts.join('/')}$`);
    const lastSegment = segments[segments.length - 1] ?? '';
    // `{path}` and `{ref}` may contain unescaped slashes when a client does not encode them.
    // `{path}` may also be empty (`/contents/` lists the root directory).
    const prefix = `^/${parts.slice(0, -1).join('/')}`;
    const greedyRegex =
      lastSegment === '{path}'
        ? new RegExp(`${prefix}(?:/(.*))?$`)
        : lastSegment === '{ref}'
          ? new RegExp(`${prefix}/(.+)$`)
          : null;
    const literalScore = segments.map((s) => (s.includes('{') ? 0 : 1));
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)) continue;
      const list = map.get(method) ?? [];
      list.push({ route, method, segments, regex, greedyRegex, paramNames, literalScore, op });
      map.set(method, list);
    }
  }
  for (const list of map.values()) {
    // Literal segments beat parameters at the first position where two templates differ.
    list.sort((a, b) => {
      const n = Math.max(a.literalScore.length, b.literalScore.length);
      for (let i = 0; i < n; i++) {
        const d = (b.literalScore[i] ?? 0) - (a.literalScore[i] ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    });
  }
  routesByMethod = map;
  return map;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Finds the operation for a method and a (raw, still encoded) path, or null when GitHub has none. */
export function matchOperation(method: string, rawPath: string): MatchedOperation | null {
  const list = compileRoutes().get(method.toLowerCase()) ?? [];
  for (const pass of ['strict', 'greedy'] as const) {
    for (const r of list) {
      const re = pass === 'strict' ? r.regex : r.greedyRegex;
      if (!re) continue;
      const m = re.exec(rawPath);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.paramNames.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1] ?? '');
      });
      return {
        method: r.method.toUpperCase(),
        route: r.route,
        operationId: String(r.op['operationId'] ?? ''),
        params,
      };
    }
  }
  return null;
}

function resolveRef(ref: string): unknown {
  const parts = ref.replace(/^#\//, '').split('/');
  let node: unknown = loadSpec();
  for (const part of parts) node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}

const DATA_KEYS = new Set(['enum', 'const', 'default', 'required', 'type']);
const DROP_KEYS = new Set([
  'example',
  'examples',
  'x-github',
  'discriminator',
  'xml',
  'externalDocs',
]);

/**
 * Turns an OpenAPI 3.0 schema into JSON Schema: resolves $ref, rewrites `nullable: true` to type
 * unions, and closes object schemas (`additionalProperties: false`) unless they say otherwise or
 * are merged through allOf.
 */
function toJsonSchema(
  schema: unknown,
  seen: Set<string>,
  closeObjects: boolean,
  inAllOf = false,
): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, seen, closeObjects, inAllOf));
  if (!schema || typeof schema !== 'object') return schema;
  let node = schema as Json;
  if (typeof node['$ref'] === 'string') {
    const ref = node['$ref'];
    if (seen.has(ref)) return {}; // recursive schema: accept anything below the cycle
    const next = new Set(seen);
    next.add(ref);
    return toJsonSchema(resolveRef(ref), next, closeObjects, inAllOf);
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROP_KEYS.has(key) || key === 'nullable') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      const props: Json = {};
      for (const [name, sub] of Object.entries(value as Json))
        props[name] = toJsonSchema(sub, seen, closeObjects);
      out[key] = props;
    } else if (key === 'allOf' && Array.isArray(value)) {
      out[key] = value.map((s) => toJsonSchema(s, seen, closeObjects, true));
    } else if (
      (key === 'items' ||
        key === 'additionalProperties' ||
        key === 'not' ||
        key === 'oneOf' ||
        key === 'anyOf') &&
      value &&
      typeof value === 'object'
    ) {
      out[key] = toJsonSchema(value, seen, closeObjects);
    } else if (value && typeof value === 'object' && !DATA_KEYS.has(key)) {
      // Containers such as a parameter's `schema` or a request body's `content` map.
      out[key] = toJsonSchema(value, seen, closeObjects);
    } else {
      out[key] = value;
    }
  }
  node = out;
  if (
    closeObjects &&
    !inAllOf &&
    node['properties'] &&
    !('additionalProperties' in node) &&
    !('allOf' in node) &&
    (node['type'] === undefined || node['type'] === 'object')
  ) {
    node['additionalProperties'] = false;
  }
  if ((schema as Json)['nullable'] === true) {
    if (Array.isArray(node['enum']) && !node['enum'].includes(null))
      node['enum'] = [...node['enum'], null];
    if (typeof node['type'] === 'string') {
      node['type'] = [node['type'], 'null'];
    } else if (node['type'] === undefined) {
      return { anyOf: [node, { type: 'null' }] };
    }
  }
  return node;
}

function getAjv(kind: 'body' | 'query'): Ajv {
  if (kind === 'body') {
    if (!ajvBody) {
      ajvBody = new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true });
      addFormats(ajvBody);
    }
    return ajvBody;
  }
  if (!ajvQuery) {
    ajvQuery = new Ajv({ strict: false, allErrors: true, logger: false, coerceTypes: 'array' });
    addFormats(ajvQuery);
  }
  return ajvQuery;
}

function operationValidators(match: MatchedOperation): OperationValidators {
  const key = `${match.method} ${match.route}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const route = (compileRoutes().get(match.method.toLowerCase()) ?? []).find(
    (r) => r.route === match.route,
  );
  const op = route?.op ?? {};
  const params = ((op['parameters'] as unknown[]) ?? []).map(
    (p) => toJsonSchema(p, new Set(), false) as Json,
  );
  const queryParams = params.filter((p) => p['in'] === 'query');
  const properties: Json = {};
  const requiredQuery: string[] = [];
  for (const p of queryParams) {
    const name = String(p['name']);
    const schema = (p['schema'] ?? {}) as Json;
    // A query string cannot tell `string` from a one-element `string[]` (`fields=1,2`): any of them will do.
    const { oneOf, ...rest } = schema;
    properties[name] = oneOf === undefined ? schema : { ...rest, anyOf: oneOf };
    if (p['required'] === true) requiredQuery.push(name);
  }
  const query = getAjv('query').compile({ type: 'object', properties });
  let body: ValidateFunction | null = null;
  let bodyRequired = false;
  const requestBody = toJsonSchema(op['requestBody'], new Set(), false) as Json | undefined;
  if (requestBody) {
    bodyRequired = requestBody['required'] === true;
    const content = requestBody['content'] as Record<string, Json> | undefined;
    const json = content?.['application/json'];
    const rawSchema = (op['requestBody'] as Json | undefined)?.['content'] as
      Record<string, Json> | undefined;
    if (json) {
      const schema = toJsonSchema(rawSchema?.['application/json']?.['schema'], new Set(), true);
      body = getAjv('body').compile(schema as object);
    }
  }
  const compiled = { body, bodyRequired, query, requiredQuery };
  validators.set(key, compiled);
  return compiled;
}

function ajvErrorsToGitHub(
  errors: ErrorObject[] | null | undefined,
  where: string,
): ContractErrorEntry[] {
  return (errors ?? []).map((e) => {
    const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (e.keyword === 'required') {
      const field = String((e.params as Json)['missingProperty']);
      return { resource: where, field: path ? `${path}.${field}` : field, code: 'missing_field' };
    }
    if (e.keyword === 'additionalProperties') {
      const field = String((e.params as Json)['additionalProperty']);
      return {
        resource: where,
        field: path ? `${path}.${field}` : field,
        code: 'invalid',
        message: `${field} is not a permitted key.`,
      };
    }
    return {
      resource: where,
      field: path,
      code: 'invalid',
      message: `${path || where} ${e.message ?? 'is invalid'}`,
    };
  });
}

/**
 * Checks a request: the route exists, required path and query parameters are present and well
 * typed, and the JSON body matches the operation's request body schema with no unknown fields.
 */
export function checkContract(
  method: string,
  rawPath: string,
  query: URLSearchParams,
  body: unknown,
  hasBody: boolean,
): ContractResult {
  const operation = matchOperation(method, rawPath);
  if (!operation) return { ok: false, status: 404, message: 'Not Found', errors: [] };
  const v = operationValidators(operation);
  const errors: ContractErrorEntry[] = [];
  for (const [name, value] of Object.entries(operation.params)) {
    if (value === '' && name !== 'path')
      errors.push({ resource: 'path', field: name, code: 'missing_field' });
  }
  const queryObject: Json = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    queryObject[key] = all.length === 1 ? all[0] : all;
  }
  for (const name of v.requiredQuery) {
    if (!(name in queryObject))
      errors.push({ resource: 'query', field: name, code: 'missing_field' });
  }
  if (!v.query(queryObject)) errors.push(...ajvErrorsToGitHub(v.query.errors, 'query'));
  if (v.body) {
    if (!hasBody) {
      if (v.bodyRequired)
        errors.push({
          resource: 'body',
          field: '',
          code: 'missing',
          message: 'A request body is required.',
        });
    } else if (!v.body(body)) {
      errors.push(...ajvErrorsToGitHub(v.body.errors, 'body'));
    }
  }
  if (errors.length > 0) {
    return { ok: false, status: 422, message: 'Validation Failed', errors, operation };
  }
  return { ok: true, operation };
}

/** Loads the description and the route table now (the first request would do it otherwise). */
export function warmUpContract(): void {
  compileRoutes();
}
