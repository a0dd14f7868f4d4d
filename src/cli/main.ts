/**
 * bcf-check [--json] <file.xlsx>...: the pre-submission checks on .xlsx files.
 * Exit 0: no error findings; 1: error findings; 2: a file could not be read (each such file is named
 * on stderr with the reason, and the other files are still checked) or the command line was wrong.
 *
 * The steps are kept apart so each can change alone: parse the arguments, check each file into a
 * FileResult, then format the results (formatTable for people, formatJson for tools).
 */
import { Finding, RuleCoverage, checkWorkbook, countBySeverity } from "../core/checks";
import { cellReference } from "../core/sheetAddress";
import { plural } from "../core/wording";
import { READ_LIMITS, WorkbookReadError, readXlsxSnapshot } from "./readXlsx";

export const USAGE =
  "Usage: bcf-check [--json] <file.xlsx>...   (npm run check -- [--json] <file.xlsx>...)";

function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString("en-GB")} MB`;
}

/** `bcf-check --help`: every option, the exit codes, the limits and examples. */
export const HELP = [
  USAGE,
  "",
  "Runs the BCF Toolkit's pre-submission checks (totals, splits, periods, funding balance,",
  "national conditions, hygiene) on Excel workbooks, as the add-in's Check button does, and",
  "lists what it finds by file, severity and cell. Nothing is changed and nothing is sent anywhere.",
  "",
  "Options:",
  "  --json       Print a JSON array with one entry per file, in the order given:",
  '               { "file", "findings": [{ "rule", "severity", "sheet", "cell", "message",',
  '               "expected"?, "actual"? }], "coverage": [{ "rule", "checked", "note"? }] },',
  '               or { "file", "error" } for a file that could not be read.',
  "  -h, --help   Print this help and exit.",
  "  --           Treat every later argument as a file name (for names starting with -).",
  "",
  "Exit codes:",
  "  0  no error findings (warnings and info may be listed)",
  "  1  at least one error finding",
  "  2  a file could not be read (named on stderr with the reason; the other files are still",
  "     checked), or the command line was wrong",
  "",
  "Limits (a file beyond them is refused with a plain message, never half-checked):",
  `  - ${mib(READ_LIMITS.maxInflatedBytes)} of content once unzipped, per file;`,
  `  - a part may unzip to at most ${READ_LIMITS.maxRatio} times its stored size (above 1 MB);`,
  `  - ${READ_LIMITS.maxGridCells.toLocaleString("en-GB")} cells per file, counting the used cells and the`,
  `    blanks between them (content more than ${READ_LIMITS.rowGapForNewBlock.toLocaleString("en-GB")} empty rows apart is read as`,
  "    separate blocks, so a stray cell far down a sheet costs nothing);",
  "  - .xlsx and .xlsm only: not .xls, .xlsb, .ods or password-protected files.",
  "",
  "Examples:",
  '  bcf-check "BCF plan 2025-26.xlsx"',
  "  bcf-check --json plans/*.xlsx > findings.json",
  "  npm run check -- --json plan.xlsx",
].join("\n");

export interface CheckedFile {
  file: string;
  findings: Finding[];
  /** What each rule checked, and the same in one sentence. */
  coverage?: RuleCoverage[];
  summary?: string;
}

export interface UnreadableFile {
  file: string;
  error: string;
}

export type FileResult = CheckedFile | UnreadableFile;

export function isUnreadable(r: FileResult): r is UnreadableFile {
  return "error" in r;
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
export function formatTable(
  results: FileResult[],
  unreadable = results.filter(isUnreadable).length
): string {
  const checked = results.filter((r): r is CheckedFile => !isUnreadable(r));
  const rows = checked.flatMap((r) =>
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
  for (const r of checked) {
    lines.push(`${r.file}: ${r.findings.length === 0 ? "no findings" : summaryOf(r.findings)}`);
    if (r.summary) lines.push(`  ${r.summary}`);
  }
  const all = checked.flatMap((r) => r.findings);
  const count = `${plural(checked.length, "file")} checked`;
  lines.push(
    `${count}: ${summaryOf(all)}${unreadable ? `; ${plural(unreadable, "file")} could not be read` : ""}.`
  );
  return lines.join("\n");
}

/** The `--json` array: one entry per file in the order given (the contract other tools read). */
export function formatJson(results: FileResult[]): string {
  const payload = results.map((r) => {
    if (isUnreadable(r)) return { file: r.file, error: r.error };
    return {
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
    };
  });
  return JSON.stringify(payload, null, 2);
}

export function exitCodeOf(results: FileResult[]): number {
  if (results.some(isUnreadable)) return 2;
  return results.some((r) => !isUnreadable(r) && r.findings.some((f) => f.severity === "error"))
    ? 1
    : 0;
}

/** Reads and checks one file; a file that cannot be read becomes { file, error }, never a crash. */
export async function checkFile(file: string): Promise<FileResult> {
  try {
    const snapshot = await readXlsxSnapshot(file);
    const report = checkWorkbook(snapshot);
    return { file, findings: report.findings, coverage: report.coverage, summary: report.summary };
  } catch (e) {
    const error =
      e instanceof WorkbookReadError
        ? e.reason
        : `cannot be checked (${(e as Error)?.message ?? String(e)})`;
    return { file, error };
  }
}

type Parsed = { help: true } | { help: false; json: boolean; files: string[] } | { error: string };

export function parseArguments(argv: string[]): Parsed {
  let json = false;
  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of argv) {
    if (!optionsEnded && arg === "--") optionsEnded = true;
    else if (!optionsEnded && (arg === "--help" || arg === "-h")) return { help: true };
    else if (!optionsEnded && arg === "--json") json = true;
    else if (!optionsEnded && arg.startsWith("-") && arg !== "-") {
      return { error: `bcf-check: unknown option ${arg}` };
    } else files.push(arg);
  }
  if (files.length === 0) return { error: "" };
  return { help: false, json, files };
}

export async function main(argv: string[], io: Output = consoleOutput): Promise<number> {
  const parsed = parseArguments(argv);
  if ("error" in parsed) {
    if (parsed.error) io.err(parsed.error);
    io.err(USAGE);
    io.err("Run bcf-check --help for the options, exit codes and limits.");
    return 2;
  }
  if (parsed.help) {
    io.out(HELP);
    return 0;
  }

  const results: FileResult[] = [];
  for (const file of parsed.files) {
    const result = await checkFile(file);
    if (isUnreadable(result)) io.err(`bcf-check: ${file}: ${result.error}`);
    results.push(result);
  }
  io.out(parsed.json ? formatJson(results) : formatTable(results));
  return exitCodeOf(results);
}
