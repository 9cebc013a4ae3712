import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';

/** A key path into a config: mapping keys and list indexes. */
export type KeyPath = ReadonlyArray<string | number>;

/** The YAML nodes of a parsed config, indexed once so that any key path is found in its length. */
export interface YamlIndex {
  /** The key and value nodes at a key path, as deep as the document goes. */
  locate(path: KeyPath): { key: Node | null; value: Node | null };
  /** Keys written twice in one mapping: the repeat and the first occurrence. */
  duplicates: Array<{ repeat: Node; first: Node }>;
}

/**
 * Indexes every mapping of a document in one pass (an explicit stack, so deep nesting cannot
 * overflow), replacing a search of each mapping per key path, which was quadratic in the keys.
 */
export function indexYaml(root: unknown): YamlIndex {
  const maps = new Map<unknown, Map<string, Pair>>();
  const duplicates: Array<{ repeat: Node; first: Node }> = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const keys = new Map<string, Pair>();
      maps.set(node, keys);
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const name = String(pair.key.value);
          const first = keys.get(name);
          if (first) duplicates.push({ repeat: pair.key, first: first.key as Node });
          else keys.set(name, pair);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return {
    duplicates,
    locate(path) {
      let key: Node | null = null;
      let value: Node | null = (root as Node | null) ?? null;
      for (const seg of path) {
        if (isMap(value)) {
          const pair = maps.get(value)?.get(String(seg));
          if (!pair) break;
          key = pair.key as Node;
          value = (pair.value as Node | null) ?? null;
          if (value === null) break;
        } else if (isSeq(value) && typeof seg === 'number') {
          const item = value.items[seg] as Node | undefined;
          if (!item) break;
          value = item;
        } else break;
      }
      return { key, value };
    },
  };
}
