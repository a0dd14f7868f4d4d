/** Grouping and wording of check findings for the pane. */
import type { Finding, Severity } from "../../core/checks/finding";
import { parseA1, type WorkbookSnapshot } from "../../core/workbook";
import { formatFigure, plural } from "./format";

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export const SEVERITY_HEADING: Record<Severity, string> = {
  error: "Errors",
  warning: "Warnings",
  info: "For information",
};

export interface SheetGroup {
  sheet: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  sheets: SheetGroup[];
}

/** Findings by severity (errors first), then by sheet in the order the sheets first appear. */
export function groupFindings(findings: Finding[]): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    const sheets: SheetGroup[] = [];
    const bySheet = new Map<string, SheetGroup>();
    for (const finding of ofSeverity) {
      let group = bySheet.get(finding.sheet);
      if (!group) {
        group = { sheet: finding.sheet, findings: [] };
        bySheet.set(finding.sheet, group);
        sheets.push(group);
      }
      group.findings.push(finding);
    }
    groups.push({ severity, count: ofSeverity.length, sheets });
  }
  return groups;
}

export { cellReference } from "../../core/sheetAddress";

/** The number format of a cell in the snapshot, so a figure can be shown as the workbook shows it. */
export function numberFormatAt(
  snapshot: WorkbookSnapshot | undefined,
  sheet: string,
  cell: string
): string | undefined {
  const found = snapshot?.sheets.find((s) => s.name === sheet);
  const at = parseA1(cell);
  if (!found || !at) return undefined;
  return found.numberFormats[at.row - found.rowOffset]?.[at.col - found.colOffset];
}

/** "Expected £240,000.00, found £230,000.00." in the cell's own format (£, % or a plain number). */
export function expectedActualText(finding: Finding, numberFormat?: string): string {
  const parts: string[] = [];
  if (finding.expected !== undefined)
    parts.push(`expected ${formatFigure(finding.expected, numberFormat)}`);
  if (finding.actual !== undefined)
    parts.push(`found ${formatFigure(finding.actual, numberFormat)}`);
  if (parts.length === 0) return "";
  const sentence = parts.join(", ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** "2 errors, 1 warning, 0 for information" */
export function summaryText(counts: { error: number; warning: number; info: number }): string {
  return `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} for information`;
}
