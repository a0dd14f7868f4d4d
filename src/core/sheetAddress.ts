/**
 * Sheet-qualified addresses ("Income!B4", "'Year end'!B4", "'Q1'!B4") written and read the way Excel
 * does, for every place that shows or parses one: the pane's findings, the CLI's table, formulas the
 * plan writes and the addresses Office.js returns.
 */

/** Letters then digits: an A1 cell reference such as "Q1" or "XFD1048576". */
const A1_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
/** R1C1 references: "R", "C", "RC", "R1", "C2", "R1C1", "RC3". */
const R1C1_LIKE = /^(R[0-9]*C?[0-9]*|C[0-9]*)$/i;
/** A name Excel writes bare: a letter or underscore, then letters, digits, underscores or dots. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * The sheet name as it must stand before "!": quoted (apostrophes doubled) when it has spaces or
 * punctuation, starts with a digit, or could be read as a cell reference or a logical value.
 */
export function quoteSheetName(name: string): string {
  const bare =
    PLAIN_NAME.test(name) &&
    !A1_LIKE.test(name) &&
    !R1C1_LIKE.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Income!B4", "'Year end'!B4", "'Q1'!B4": a cell or range on a sheet, as Excel writes it. */
export function cellReference(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}

/**
 * "Expenditure!A1:M9" or "'Income (2)'!A1" → the sheet name (apostrophes undoubled) and the address on
 * it; an address with no sheet gives an empty sheet name.
 */
export function splitSheetAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: "", range: address };
  let sheet = address.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, range: address.slice(bang + 1) };
}
