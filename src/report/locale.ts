// Spreadsheet dialect per locale: Norwegian, Danish and Swedish Excel expect semicolons and decimal commas.
import { SCANDINAVIAN_LOCALES } from '../config/validate.js';

export type SheetDialect = { delimiter: string; decimalComma: boolean };

export function dialectFor(locale: string): SheetDialect {
  return SCANDINAVIAN_LOCALES.includes(locale) ? { delimiter: ';', decimalComma: true } : { delimiter: ',', decimalComma: false };
}

/** Fixed decimals; no "-0.00"; decimal comma where the locale wants it. Undefined and NaN become an empty cell. */
export function formatNumber(x: number | undefined, decimals: number, dialect: SheetDialect): string {
  if (x === undefined || !Number.isFinite(x)) return '';
  let s = x.toFixed(decimals);
  if (Number(s) === 0) s = (0).toFixed(decimals);
  return dialect.decimalComma ? s.replace('.', ',') : s;
}
