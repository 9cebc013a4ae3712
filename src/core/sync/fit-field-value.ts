import type { SourceValue } from './field-source-value.js';

/** A value a field takes (`value`), or why the source value does not fit it (`unfit`). */
export type FittedValue = { value: string | number; unfit?: never } | { unfit: string };

/**
 * Fits a source value to a field by the field's type: a date field takes a date, a single select
 * the first of the value's option names it has (GitHub's spelling, compared case-insensitively),
 * a text field the text, a number field a number. Other types are not set.
 */
export function fitFieldValue(
  field: { name: string; dataType: string; options: readonly string[] },
  source: SourceValue,
): FittedValue {
  switch (field.dataType) {
    case 'date':
      return source.date === null
        ? { unfit: `"${source.text}" is not a date` }
        : { value: source.date };
    case 'single_select': {
      for (const wanted of source.options) {
        const option = field.options.find(
          (o) => o.trim().toLowerCase() === wanted.trim().toLowerCase(),
        );
        if (option !== undefined) return { value: option };
      }
      return { unfit: `no option "${source.text}"` };
    }
    case 'text':
      return { value: source.text };
    case 'number':
      return source.number === null
        ? { unfit: `"${source.text}" is not a number` }
        : { value: source.number };
    default:
      return { unfit: `a ${field.dataType} field is not set by sync` };
  }
}

/** Whether a value GitHub holds already equals the fitted one (a date-time counts as its date, option names ignore case). */
export function sameFieldValue(
  dataType: string,
  current: string | number | null,
  wanted: string | number,
): boolean {
  if (current === null) return false;
  switch (dataType) {
    case 'date':
      return String(current).slice(0, 10) === wanted;
    case 'number':
      return Number(current) === Number(wanted);
    case 'single_select':
      return String(current).toLowerCase() === String(wanted).toLowerCase();
    default:
      return String(current) === String(wanted);
  }
}
