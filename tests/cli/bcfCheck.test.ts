/**
 * The command-line checker on real .xlsx files written here, run as a child process exactly as
 * `npm run check` runs it (node bin/bcf-check.js).
 */
import { execFile } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { promisify } from "util";
import { sheetFromRows } from "../../src/core/workbook";
import { GBP, planSnapshot, typed } from "../core/checks/fixtures";
import { writeSnapshotXlsx } from "./xlsxFixtures";

// Each run starts a Node process (tsx + exceljs); allow for a busy machine.
jest.setTimeout(120000);

const ROOT = resolve(__dirname, "../..");
const BIN = join(ROOT, "bin", "bcf-check.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function bcfCheck(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      timeout: 60000,
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

test("--help prints the usage line and exits 0; no files prints it on stderr and exits 2", async () => {
  const help = await bcfCheck("--help");
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^Usage: bcf-check \[--json\] <file\.xlsx>\.\.\./);
  const none = await bcfCheck();
  expect(none.code).toBe(2);
  expect(none.stdout).toBe("");
  expect(none.stderr).toMatch(/^Usage: bcf-check/);
});
