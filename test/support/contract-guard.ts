/**
 * A global contract check for integration tests: after each test, every GitHub stand-in created in
 * the file must have recorded no new contract violation (unknown route, invalid request,
 * unimplemented route, invalid GraphQL). A test that provokes one on purpose takes it out with
 * `acceptContractViolations(standIn, n)`.
 */
import { afterEach } from 'vitest';
import { createdStandIns, type GitHubStandIn } from './github-stand-in.js';

const checked = new WeakMap<GitHubStandIn, number>();
let installed = false;

/** Registers the after-each check once per test file; harnesses call it at import. */
export function assertContractsAfterEach(): void {
  if (installed) return;
  installed = true;
  afterEach(() => {
    const lines: string[] = [];
    for (const standIn of createdStandIns()) {
      const from = checked.get(standIn) ?? 0;
      const fresh = standIn.contractViolations.slice(from);
      checked.set(standIn, standIn.contractViolations.length);
      for (const v of fresh)
        lines.push(
          `- ${v.kind}: ${v.method} ${v.path} → ${v.status} ${v.message} ${JSON.stringify(v.errors)}`,
        );
    }
    if (lines.length > 0)
      throw new Error(
        `GitHub stand-in recorded ${lines.length} contract violation(s):\n${lines.join('\n')}`,
      );
  });
}

/** Marks the stand-in's violations so far as expected by the current test. */
export function acceptContractViolations(standIn: GitHubStandIn): void {
  checked.set(standIn, standIn.contractViolations.length);
}
