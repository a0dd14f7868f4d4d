/**
 * Figures that come from somewhere a reader of the workbook cannot see:
 * - links to other workbooks ('[Budget.xlsx]Sheet1'!A1, or [1]Sheet1!A1 as a saved file stores
 *   it): the total changes without notice when that file changes, and shows old or broken values
 *   to anyone who does not have it (warning, one per sheet and linked workbook, at the first cell);
 * - hidden sheets whose figures feed formulas on visible sheets: a reviewer checking the totals
 *   cannot see what they add up unless they unhide the sheet (info, one per hidden sheet, at the
 *   first visible formula that uses it).
 */
import { SheetSnapshot, WorkbookSnapshot, isFormula, sheetAddress } from "../workbook";
import { Finding, RuleOutcome } from "./finding";

const RULE = "links";

/** A formula's text with the contents of "quoted text" removed, so words in quotes are never read as references. */
function withoutTextLiterals(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

/**
 * The other workbook a formula refers to, as written ("[1]", "[Budget.xlsx]", "Budget.xlsx"), or
 * undefined. Table references (Table1[Amount], [@[NHS (£)]]) are not links: a workbook reference
 * is a bracketed name followed by a sheet name and "!".
 */
export function externalWorkbookOf(formula: string): string | undefined {
  const text = withoutTextLiterals(formula);
  // 'C:\Plans\[Budget 2024.xlsx]Income'!B4 or '[1]Income'!B4
  const quoted = /'([^']*?)\[([^\]]+)\][^']*'!/.exec(text);
  if (quoted) return `[${quoted[2]}]`;
  // [Budget.xlsx]Income!B4 or [1]Income!B4 (not after a name: Table1[Amount] is a table column)
  const plain = /(?:^|[^A-Za-z0-9_.\]\\])\[([^\][]+)\][A-Za-z0-9_.]+!/.exec(text);
  if (plain) return `[${plain[1]}]`;
  // A name defined in another workbook: Budget.xlsx!Total or 'Budget 2024.xlsx'!Total
  const named =
    /'([^']+\.xl[sa][xmb]?)'!/i.exec(text) ??
    /(?:^|[^A-Za-z0-9_.\]'])([A-Za-z0-9_.-]+\.xl[sa][xmb]?)!/i.exec(text);
  if (named) return named[1];
  return undefined;
}

/** Whether a formula refers to `sheet` ('Sheet name'!A1 or SheetName!A1), outside quoted text. */
function refersToSheet(formulaText: string, sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  if (formulaText.includes(quoted)) return true;
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet)) return false;
  const escaped = sheet.replace(/\./g, "\\.");
  return new RegExp(`(?:^|[^A-Za-z0-9_.'\\]])${escaped}!`, "i").test(formulaText);
}

function hasNumbers(sheets: SheetSnapshot[]): boolean {
  return sheets.some((s) => s.values.some((row) => row.some((v) => typeof v === "number")));
}

function quoteName(name: string): string {
  return `'${name}'`;
}

export function checkLinks(snapshot: WorkbookSnapshot): RuleOutcome {
  const findings: Finding[] = [];
  let formulas = 0;
  const linked = new Set<string>();

  // Hidden sheets holding figures (a sheet may arrive as several blocks with the same name).
  const hiddenBlocks = new Map<string, SheetSnapshot[]>();
  for (const s of snapshot.sheets) {
    if (!s.hidden) continue;
    hiddenBlocks.set(s.name, [...(hiddenBlocks.get(s.name) ?? []), s]);
  }
  const hiddenWithFigures = [...hiddenBlocks.entries()]
    .filter(([, blocks]) => hasNumbers(blocks))
    .map(([name]) => name);
  const hiddenReported = new Set<string>();

  for (const sheet of snapshot.sheets) {
    for (let r = 0; r < sheet.formulas.length; r++) {
      const row = sheet.formulas[r];
      for (let c = 0; c < row.length; c++) {
        const f = row[c];
        if (!isFormula(f)) continue;
        formulas++;
        const book = f.includes("!") ? externalWorkbookOf(f) : undefined;
        if (book && !linked.has(`${sheet.name}\u0000${book}`)) {
          linked.add(`${sheet.name}\u0000${book}`);
          const cell = sheetAddress(sheet, r, c);
          findings.push({
            rule: RULE,
            severity: "warning",
            sheet: sheet.name,
            cell,
            message:
              `${cell} takes figures from another workbook (${book}): they change whenever that file ` +
              `changes, and anyone without it sees old or broken values. Copy the figures in, or ` +
              `break the link (Data > Edit Links), before submitting.`,
          });
        }
        if (sheet.hidden || hiddenWithFigures.length === 0 || !f.includes("!")) continue;
        const text = withoutTextLiterals(f);
        for (const hidden of hiddenWithFigures) {
          if (hiddenReported.has(hidden) || !refersToSheet(text, hidden)) continue;
          hiddenReported.add(hidden);
          const cell = sheetAddress(sheet, r, c);
          findings.push({
            rule: RULE,
            severity: "info",
            sheet: sheet.name,
            cell,
            message:
              `${cell} uses figures from the hidden sheet ${quoteName(hidden)}: reviewers checking ` +
              `this total cannot see them unless they unhide that sheet.`,
          });
        }
      }
    }
  }
  return {
    findings,
    coverage: {
      rule: RULE,
      checked: formulas,
      ...(formulas === 0 ? { note: "no formulas, so nothing can link elsewhere" } : {}),
    },
  };
}
