// Review text is untrusted and ends up in spreadsheets: a cell starting with = + - @ (or tab / CR, which some
// spreadsheets strip before evaluating) would be run as a formula (CSV injection). A leading apostrophe makes
// every spreadsheet show it as text.
export function sanitizeCell(text: string): string {
  const c = text.charCodeAt(0);
  // = + - @ tab CR (a check on one character code: this runs for every text cell of every record)
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${text}` : text;
}
