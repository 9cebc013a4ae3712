import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One regular expression of src/core, with the place it is written. */
export interface PatternSite {
  /** `src/core/…/file.ts:line`. */
  site: string;
  source: string;
  flags: string;
}

const repoRoot = join(import.meta.dirname, '../../..');
const coreRoot = join(repoRoot, 'src/core');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every `.ts` file of src/core, absolute paths. */
export function coreFiles(): string[] {
  return tsFiles(coreRoot).sort();
}

/**
 * Every regex literal in src/core, every `new RegExp(LITERAL.source, 'flags')` copy of one, and the
 * other sites (`file:line`) that build a pattern at run time.
 */
export function scanCore(): { literals: PatternSite[]; constructorSites: string[] } {
  const literals: PatternSite[] = [];
  const constructorSites: string[] = [];
  for (const file of coreFiles()) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const rel = relative(repoRoot, file);
    const lineOf = (node: ts.Node): number =>
      sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    const named = new Map<string, { source: string; flags: string }>();
    const read = (node: ts.Node): { source: string; flags: string } => {
      const literal = node.getText(sf);
      const end = literal.lastIndexOf('/');
      return { source: literal.slice(1, end), flags: literal.slice(end + 1) };
    };
    const copied = (node: ts.NewExpression | ts.CallExpression): PatternSite | null => {
      const [pattern, flags, ...rest] = node.arguments ?? [];
      if (rest.length > 0 || !pattern || !ts.isPropertyAccessExpression(pattern)) return null;
      if (pattern.name.text !== 'source' || !ts.isIdentifier(pattern.expression)) return null;
      const original = named.get(pattern.expression.text);
      if (!original || (flags && !ts.isStringLiteral(flags))) return null;
      return { site: `${rel}:${lineOf(node)}`, source: original.source, flags: flags?.text ?? '' };
    };
    const visit = (node: ts.Node): void => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer?.kind === ts.SyntaxKind.RegularExpressionLiteral
      )
        named.set(node.name.text, read(node.initializer));
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        literals.push({ site: `${rel}:${lineOf(node)}`, ...read(node) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const copy = copied(node);
        if (copy) literals.push(copy);
        else constructorSites.push(`${rel}:${lineOf(node)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, constructorSites };
}

/**
 * Runs `work` with the global `RegExp` constructor wrapped, and returns every pattern built by
 * code under src/core while it ran, with the call site taken from the stack.
 */
export async function recordConstructed(work: () => Promise<void>): Promise<PatternSite[]> {
  const original = globalThis.RegExp;
  const seen: PatternSite[] = [];
  const record = (args: unknown[]): void => {
    // The first frame outside this file is the caller; a library building its own patterns is not
    // a pattern of ours.
    const frame = (new Error().stack ?? '')
      .split('\n')
      .slice(1)
      .find((l) => !l.includes(import.meta.filename) && !l.includes('Reflect.'));
    if (!frame?.includes(coreRoot)) return;
    const m = frame ? /\((.*):(\d+):\d+\)$|at (.*):(\d+):\d+$/.exec(frame.trim()) : null;
    const file = m?.[1] ?? m?.[3];
    if (!file) return;
    const [pattern, flags] = args;
    const re = pattern instanceof original ? pattern : null;
    seen.push({
      site: `${relative(repoRoot, file)}:${m?.[2] ?? m?.[4] ?? '?'}`,
      source: re ? re.source : String(pattern),
      flags: typeof flags === 'string' ? flags : (re?.flags ?? ''),
    });
  };
  globalThis.RegExp = new Proxy(original, {
    construct(target, args, newTarget) {
      record(args);
      return Reflect.construct(target, args, newTarget) as object;
    },
    apply(target, thisArg, args) {
      record(args);
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
  try {
    await work();
  } finally {
    globalThis.RegExp = original;
  }
  return seen;
}
