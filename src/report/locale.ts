// Spreadsheet dialect per locale: Norwegian, Danish and Swedish Excel expect semicolons and decimal commas.
import { LANGS, type Lang } from '../types.js';
import { SCANDINAVIAN_LOCALES } from '../config/validate.js';

export type SheetDialect = { delimiter: string; decimalComma: boolean };

/** The language of a report's labels (topic names) for a locale: `nb-NO` → nb, `no` → nb, anything else en. */
export function languageOf(locale: string): Lang {
  const lang = locale.slice(0, 2).toLowerCase();
  return lang === 'no' ? 'nb' : (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : 'en';
}

export function dialectFor(locale: string): SheetDialect {
  return SCANDINAVIAN_LOCALES.includes(locale) ? { delimiter: ';', decimalComma: true } : { delimiter: ',', decimalComma: false };
}

const ZEROS = [0, 1, 2, 3, 4].map((d) => (0).toFixed(d));

/** Fixed decimals; no "-0.00"; decimal comma where the locale wants it. Undefined and NaN become an empty cell. */
export function formatNumber(x: number | undefined, decimals: number, dialect: SheetDialect): string {
  if (x === undefined || !Number.isFinite(x)) return '';
  // A value that rounds to zero is written as zero: toFixed would give "-0.00" for a small negative one.
  const s = Math.abs(x) < 0.5 * 10 ** -decimals ? ZEROS[decimals] ?? (0).toFixed(decimals) : x.toFixed(decimals);
  return dialect.decimalComma ? s.replace('.', ',') : s;
}
