/**
 * Post-mortem bodies micromark is super-linear on (seconds to minutes to parse): what every
 * parser host must stop at its time budget.
 */
export const SLOW_SHAPES: Readonly<Record<string, string>> = {
  'a run of `] ` lines': '] \n'.repeat(40_000),
  'a run of `<!--` in prose': 'a <!--\n'.repeat(15_000),
  'a run of `](` in prose': 'x ]('.repeat(25_000),
};
