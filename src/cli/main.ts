/**
 * bcf-check [--json] <file.xlsx>...: the pre-submission checks on .xlsx files.
 * Exit 0: no error findings; 1: error findings; 2: a file could not be read (each such file is named
 * on stderr with the reason, and the other files are still checked) or the command line was wrong.
 */
import { Finding, RuleCoverage, checkWorkbook, countBySeverity } from "../core/checks";
import { cellReference } from "../core/sheetAddress";
import { plural } from "../core/wording";
import { WorkbookReadError, readXlsxSnapshot } from "./readXlsx";

export const USAGE =
  "Usage: bcf-check [--json] <file.xlsx>...   (npm run check -- [--json] <file.xlsx>...)";

export interface FileResult {
  file: string;
  findings: Finding[];
  /** What each rule checked, and the same in one sentence. */
  coverage?: RuleCoverage[];
  summary?: string;
}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const consoleOutput: Output = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

function summaryOf(findings: Finding[]): string {
  const c = countBySeverity(findings);
  return `${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.info, "info", "info")}`;
}

/** The readable table: file, severity, sheet!cell, message; then a count per file and overall. */
export function formatTable(results: FileResult[], unreadable: number): string {
  const rows = results.flatMap((r) =>
    r.findings.map((f) => [r.file, f.severity, cellReference(f.sheet, f.cell), f.message] as const)
  );
  const lines: string[] = [];
  if (rows.length) {
    const head = ["File", "Severity", "Cell", "Message"] as const;
    const widths = [0, 1, 2].map((i) =>
      Math.max(head[i].length, ...rows.map((row) => row[i].length))
    );
    const fmt = (row: readonly string[]) =>
      [row[0].padEnd(widths[0]), row[1].padEnd(widths[1]), row[2].padEnd(widths[2]), row[3]].join(
        "  "
      );
    lines.push(fmt(head));
    lines.push(fmt(widths.map((w) => "-".repeat(w)).concat("-------")));
    for (const row of rows) lines.push(fmt(row));
    lines.push("");
  }
  for (const r of results) {
    lines.push(`${r.file}: ${r.findings.length === 0 ? "no findings" : summaryOf(r.findings)}`);
    if (r.summary) lines.push(`  ${r.summary}`);
  }
  const all = results.flatMap((r) => r.findings);
  const checked = `${plural(results.length, "file")} checked`;
  lines.push(
    `${checked}: ${summaryOf(all)}${unreadable ? `; ${plural(unreadable, "file")} could not be read` : ""}.`
  );
  return lines.join("\n");
}

export async function main(argv: string[], io: Output = consoleOutput): Promise<number> {
  let json = false;
  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of argv) {
    if (!optionsEnded && arg === "--") optionsEnded = true;
    else if (!optionsEnded && (arg === "--help" || arg === "-h")) {
      io.out(USAGE);
      return 0;
    } else if (!optionsEnded && arg === "--json") json = true;
    else if (!optionsEnded && arg.startsWith("-") && arg !== "-") {
      io.err(`bcf-check: unknown option ${arg}`);
      io.err(USAGE);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    io.err(USAGE);
    return 2;
  }

  const results: FileResult[] = [];
  let unreadable = 0;
  for (const file of files) {
    try {
      const snapshot = await readXlsxSnapshot(file);
      const report = checkWorkbook(snapshot);
      results.push({ file, ...report });
    } catch (e) {
      unreadable++;
      const reason =
        e instanceof WorkbookReadError ? e.reason : `cannot be read (${(e as Error).message})`;
      io.err(`bcf-check: ${file}: ${reason}`);
    }
  }

  if (json) {
    const payload = results.map((r) => ({
      file: r.file,
      findings: r.findings.map((f) => {
        const o: Record<string, unknown> = {
          rule: f.rule,
          severity: f.severity,
          sheet: f.sheet,
          cell: f.cell,
          message: f.message,
        };
        if (f.expected !== undefined) o.expected = f.expected;
        if (f.actual !== undefined) o.actual = f.actual;
        return o;
      }),
      coverage: r.coverage ?? [],
    }));
    io.out(JSON.stringify(payload, null, 2));
  } else {
    io.out(formatTable(results, unreadable));
  }

  if (unreadable > 0) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}
