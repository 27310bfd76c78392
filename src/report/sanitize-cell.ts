// Review text is untrusted and ends up in spreadsheets: a cell starting with = + - @ (or tab / CR, which some
// spreadsheets strip before evaluating) would be run as a formula (CSV injection). A leading apostrophe makes
// every spreadsheet show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function sanitizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
