/**
 * The command-line checker on real .xlsx files written here, run as a child process exactly as
 * `npm run check` runs it (node bin/bcf-check.js), from the TypeScript source so a stale build
 * never hides a change (builtCommand.test.ts runs the build).
 */
import { execFile, spawn } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { promisify } from "util";
import { sheetFromRows } from "../../src/core/workbook";
import { GBP, planSnapshot, typed } from "../core/checks/fixtures";
import { writeSnapshotXlsx } from "./xlsxFixtures";
import { writeRawXlsx } from "./rawXlsx";

// Each run starts a Node process (tsx + exceljs); allow for a busy machine.
jest.setTimeout(120000);

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin", "bcf-check.js");
const FROM_SOURCE = { ...process.env, BCF_CHECK_FROM_SOURCE: "1" };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function bcfCheck(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      timeout: 100000,
      env: FROM_SOURCE,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== "number") throw e;
    return { code: err.code, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bcf-check-"));
  await writeSnapshotXlsx(planSnapshot(), file("clean plan.xlsx"));
  await writeSnapshotXlsx(
    {
      sheets: [
        sheetFromRows("Funding", [
          ["Funding Source (External - name/Internal)", "2016/17+ (£)"],
          ["Integrated Crisis Response (ICR)", typed(240000, GBP)],
          ["Hospital Transfer & Reablement (HTR)", typed(696000, GBP)],
          ["Total Funding", typed(963000, GBP)],
        ]),
      ],
    },
    file("broken-totals.xlsx")
  );
  await writeSnapshotXlsx(
    {
      sheets: [
        sheetFromRows("Intentions", [
          ["Scheme", "Baseline", "Target"],
          [
            "Step up (care home based)",
            "8 patients a month / 104 patients a year",
            "12 patients a month / 144 patients a year",
          ],
        ]),
      ],
    },
    file("periods.xlsx")
  );
  writeFileSync(file("notes.txt"), "This is not a workbook.\n");
  const clean = readFileSync(file("clean plan.xlsx"));
  writeFileSync(file("truncated.xlsx"), clean.subarray(0, Math.floor(clean.length / 2)));
  // An encrypted .xlsx is an OLE compound file, not a zip: the CFB signature then sectors.
  const cfb = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
  writeFileSync(file("protected.xlsx"), cfb);
}, 60000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test("a clean plan exits 0 and says so in the summary", async () => {
  const run = await bcfCheck(file("clean plan.xlsx"));
  expect(run.code).toBe(0);
  expect(run.stderr).toBe("");
  // The seven =BCF.* notes and the completeness note on the Cover (no contact or sign-off).
  expect(run.stdout).toContain(`${file("clean plan.xlsx")}: 0 errors, 0 warnings, 8 info`);
  expect(run.stdout).not.toMatch(/\berror\s{2,}/);
  // The =BCF.* notes are listed as info rows with sheet!cell.
  expect(run.stdout).toMatch(/info\s+Targets!D2\s+D2:D3 use 2 =BCF\.PERIOD formulas/);
});

test("broken totals exit 1 with a table row naming the file, severity, sheet!cell and message", async () => {
  const run = await bcfCheck(file("broken-totals.xlsx"));
  expect(run.code).toBe(1);
  const lines = run.stdout.split("\n");
  expect(lines[0]).toMatch(/^File\s+Severity\s+Cell\s+Message$/);
  const row = lines.find((l) => l.includes("Funding!B4"));
  expect(row).toBeDefined();
  expect(row).toMatch(
    /broken-totals\.xlsx\s+error\s+Funding!B4\s+"Total Funding" in B4 shows £963,000 but the lines it closes \(B2:B3\) add up to £936,000/
  );
  expect(run.stdout).toContain("1 file checked: 1 error, 0 warnings, 0 info.");
});

test("--json prints exactly the documented array, with expected and actual where there are figures", async () => {
  const run = await bcfCheck(
    "--json",
    file("broken-totals.xlsx"),
    file("periods.xlsx"),
    file("clean plan.xlsx")
  );
  expect(run.code).toBe(1);
  const parsed = JSON.parse(run.stdout) as Array<{
    file: string;
    findings: Array<Record<string, unknown>>;
  }>;
  expect(parsed.map((p) => p.file)).toEqual([
    file("broken-totals.xlsx"),
    file("periods.xlsx"),
    file("clean plan.xlsx"),
  ]);
  expect(parsed[0].findings).toEqual([
    {
      rule: "totals",
      severity: "error",
      sheet: "Funding",
      cell: "B4",
      message: expect.stringContaining("a difference of £27,000"),
      expected: 936000,
      actual: 963000,
    },
  ]);
  expect(parsed[1].findings).toEqual([
    expect.objectContaining({
      rule: "periods",
      severity: "error",
      sheet: "Intentions",
      cell: "B2",
      expected: 96,
      actual: 104,
    }),
  ]);
  for (const f of parsed.flatMap((p) => p.findings)) {
    expect(
      Object.keys(f).every((k) =>
        ["rule", "severity", "sheet", "cell", "message", "expected", "actual"].includes(k)
      )
    ).toBe(true);
    expect(["error", "warning", "info"]).toContain(f.severity);
  }
  // Findings without figures carry no expected/actual keys at all.
  const info = parsed[2].findings[0];
  expect(info.severity).toBe("info");
  expect("expected" in info).toBe(false);
});

test("files that cannot be read exit 2, one stderr line each naming the file and why, and the rest are still checked", async () => {
  const run = await bcfCheck(
    file("notes.txt"),
    file("missing.xlsx"),
    file("truncated.xlsx"),
    file("protected.xlsx"),
    file("broken-totals.xlsx")
  );
  expect(run.code).toBe(2);
  const errLines = run.stderr.trim().split("\n");
  expect(errLines).toHaveLength(4);
  expect(errLines[0]).toBe(
    `bcf-check: ${file("notes.txt")}: not an .xlsx workbook (the file is not an Office Open XML zip)`
  );
  expect(errLines[1]).toBe(`bcf-check: ${file("missing.xlsx")}: file not found`);
  expect(errLines[2]).toMatch(
    new RegExp(
      `^bcf-check: ${file("truncated.xlsx").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: the file is damaged or incomplete`
    )
  );
  expect(errLines[3]).toContain(`${file("protected.xlsx")}: password-protected or an old .xls`);
  // The readable file is still checked and reported.
  expect(run.stdout).toContain("Funding!B4");
  expect(run.stdout).toContain(
    "1 file checked: 1 error, 0 warnings, 0 info; 4 files could not be read."
  );
});

test("--help prints every option, the exit codes, the limits and an example; no files prints the usage on stderr and exits 2", async () => {
  const help = await bcfCheck("--help");
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^Usage: bcf-check \[--json\] <file\.xlsx>\.\.\./);
  for (const option of ["--json", "-h, --help", "--  "]) expect(help.stdout).toContain(option);
  expect(help.stdout).toMatch(
    /Exit codes:\n\s+0 +no error findings[^]*\n\s+1 +at least one error finding[^]*\n\s+2 +a file could not be read/
  );
  expect(help.stdout).toMatch(/Limits[^]*1,024 MB[^]*200 times[^]*16,000,000 cells/);
  expect(help.stdout).toMatch(/Examples:\n\s+bcf-check "BCF plan 2025-26\.xlsx"/);
  const none = await bcfCheck();
  expect(none.code).toBe(2);
  expect(none.stdout).toBe("");
  expect(none.stderr).toMatch(/^Usage: bcf-check/);
  expect(none.stderr).toContain("bcf-check --help");
});

test("--json lists every file in the order given, an unreadable one as { file, error }", async () => {
  const run = await bcfCheck(
    "--json",
    file("missing.xlsx"),
    file("broken-totals.xlsx"),
    file("notes.txt"),
    file("clean plan.xlsx")
  );
  expect(run.code).toBe(2);
  const parsed = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
  expect(parsed.map((p) => p.file)).toEqual([
    file("missing.xlsx"),
    file("broken-totals.xlsx"),
    file("notes.txt"),
    file("clean plan.xlsx"),
  ]);
  expect(parsed[0]).toEqual({ file: file("missing.xlsx"), error: "file not found" });
  expect(parsed[2]).toEqual({
    file: file("notes.txt"),
    error: "not an .xlsx workbook (the file is not an Office Open XML zip)",
  });
  expect(parsed[1].findings).toHaveLength(1);
  expect(Array.isArray(parsed[3].findings)).toBe(true);
});

/** Runs the command with its stdout closed before it writes, as `bcf-check … | head -1` does. */
function withClosedStdout(...args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: FROM_SOURCE,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? -1, stdout: "", stderr }));
  });
}

test("a reader that stops early (| head -1) ends the command quietly with the findings' exit code", async () => {
  const broken = await withClosedStdout(file("broken-totals.xlsx"));
  expect(broken.stderr).toBe("");
  expect(broken.code).toBe(1);
  const clean = await withClosedStdout("--json", file("clean plan.xlsx"));
  expect(clean.stderr).toBe("");
  expect(clean.code).toBe(0);
});

test("a 3.4 KB workbook with cells at A1 and Z1000000 on eight sheets is checked, not a crash", async () => {
  const sheets = Array.from({ length: 8 }, (_, i) => ({
    name: `Sheet${i + 1}`,
    sheetData:
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="1000000"><c r="Z1000000"><v>2</v></c></row>',
  }));
  writeRawXlsx(file("stray.xlsx"), sheets);
  const run = await bcfCheck("--json", file("stray.xlsx"), file("broken-totals.xlsx"));
  expect(run.stderr).toBe("");
  expect(run.code).toBe(1);
  const parsed = JSON.parse(run.stdout) as Array<{ file: string; findings: unknown[] }>;
  expect(parsed.map((p) => p.file)).toEqual([file("stray.xlsx"), file("broken-totals.xlsx")]);
  expect(parsed[0].findings).toEqual([]);
  expect(parsed[1].findings).toHaveLength(1);
});

test("a 1,000,000-row workbook is checked, and rows without r are read in order", async () => {
  const rows: string[] = [];
  rows.push(
    '<row><c t="inlineStr"><is><t>Scheme</t></is></c><c t="inlineStr"><is><t>Amount (£)</t></is></c></row>'
  );
  for (let r = 2; r <= 1_000_000; r++)
    rows.push(`<row><c t="s"><v>${r % 3}</v></c><c><v>${r}</v></c></row>`);
  writeRawXlsx(file("million.xlsx"), [{ name: "Lines", sheetData: rows.join("") }], {
    sharedStrings: ["Reablement", "Carers", "DFG"],
  });
  const run = await bcfCheck(file("million.xlsx"));
  expect(run.stderr).toBe("");
  expect([0, 1]).toContain(run.code);
  expect(run.stdout).toMatch(/1 file checked: \d+ errors?, \d+ warnings?, \d+ info\.$/m);
}, 240000);

test("a workbook linked to another file and a hidden sheet feeding a total are reported", async () => {
  writeRawXlsx(file("linked.xlsx"), [
    {
      name: "Summary",
      sheetData:
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Total</t></is></c><c r="B1"><f>SUM(Workings!B1:B2)</f><v>300</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Grant</t></is></c><c r="B2"><f>[1]Income!B4</f><v>5</v></c></row>',
    },
    {
      name: "Workings",
      state: "hidden",
      sheetData:
        '<row r="1"><c r="B1"><v>100</v></c></row><row r="2"><c r="B2"><v>200</v></c></row>',
    },
  ]);
  const run = await bcfCheck("--json", file("linked.xlsx"));
  const [result] = JSON.parse(run.stdout) as Array<{ findings: Array<Record<string, string>> }>;
  const links = result.findings.filter((f) => f.rule === "links");
  expect(links.map((f) => [f.severity, f.sheet, f.cell])).toEqual([
    ["warning", "Summary", "B2"],
    ["info", "Summary", "B1"],
  ]);
  expect(links[0].message).toContain("another workbook ([1])");
  expect(links[1].message).toContain("the hidden sheet 'Workings'");
});
