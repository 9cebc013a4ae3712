import { z } from 'zod';
import { configSchema } from './schema.js';

/** A JSON Schema node, as far as this module reads it. */
export interface SchemaNode {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

let cached: SchemaNode | null = null;

/** The JSON Schema of the config (input side: defaults make every key optional). */
function rootSchema(): SchemaNode {
  cached ??= z.toJSONSchema(configSchema, { io: 'input' }) as SchemaNode;
  return cached;
}

/** The schema node at a key path of the config, or null when the path leaves the schema. */
export function schemaAt(path: readonly PropertyKey[]): SchemaNode | null {
  let node: SchemaNode | undefined = rootSchema();
  for (const seg of path) {
    if (node === undefined) return null;
    if (typeof seg === 'number') node = node.items;
    else if (node.properties && typeof seg === 'string' && seg in node.properties)
      node = node.properties[seg];
    else
      node = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
  }
  return node ?? null;
}

const BIG = Number.MAX_SAFE_INTEGER;

/** Says in words what a schema node accepts, e.g. "a non-negative integer" or `one of "auto", "DMY"`. */
export function describeSchema(node: SchemaNode | null): string {
  if (node === null) return 'nothing (this key is not allowed)';
  if (node.anyOf) return node.anyOf.map(describeSchema).join(' or ');
  if (Array.isArray(node.type))
    return node.type.map((type) => describeSchema({ ...node, type })).join(' or ');
  if (node.enum) return `one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  switch (node.type) {
    case 'integer':
    case 'number': {
      const kind = node.type === 'integer' ? 'integer' : 'number';
      const max = node.maximum !== undefined && node.maximum < BIG ? node.maximum : undefined;
      if (node.minimum !== undefined && max !== undefined)
        return `${article(kind)} ${kind} from ${node.minimum} to ${max}`;
      if (node.exclusiveMinimum === 0) return `a positive ${kind}`;
      if (node.minimum === 0) return `a non-negative ${kind}`;
      return `${article(kind)} ${kind}`;
    }
    case 'boolean':
      return 'true or false';
    case 'string':
      if (node.pattern?.includes('A-Za-z0-9-]{0,38}'))
        return 'a GitHub login ("@alice") or team ("@org/team")';
      if (node.pattern) return `a string matching ${node.pattern}`;
      return node.minLength ? 'a non-empty string' : 'a string';
    case 'array': {
      const items = node.items ? describeSchema(node.items).replace(/^an? /, '') : 'values';
      return `${node.minItems ? 'a non-empty list' : 'a list'} of ${plural(items)}`;
    }
    case 'object':
      return 'a mapping (key: value lines)';
    case 'null':
      return 'null (empty)';
    default:
      return 'a valid value';
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function plural(phrase: string): string {
  if (phrase.startsWith('one of')) return `values that are ${phrase}`;
  return phrase.replace(
    /^(non-empty )?(\w+)/,
    (_m, pre: string | undefined, noun: string) => `${pre ?? ''}${noun}s`,
  );
}
