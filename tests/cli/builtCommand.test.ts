/**
 * The installed command: `npm run build` makes dist/cli/bcf-check.js, and bin/bcf-check.js runs it
 * with nothing else installed (as after `npm ci --omit=dev`, with no tsx and here no node_modules
 * at all). Built here with the project's webpack config into a temporary copy of the package.
 */
import { execFile } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { promisify } from "util";
import { sheetFromRows } from "../../src/core/workbook";
import { GBP, typed } from "../core/checks/fixtures";
import { writeSnapshotXlsx } from "./xlsxFixtures";

jest.setTimeout(240000);

const ROOT = resolve(__dirname, "../..");
let pkg: string;

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.BCF_CHECK_FROM_SOURCE;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      cwd: pkg,
      env,
      timeout: 60000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof err.code !== "number") throw e;
    return { code: err.code, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

beforeAll(() => {
  pkg = mkdtempSync(join(tmpdir(), "bcf-installed-"));
  mkdirSync(join(pkg, "bin"));
  copyFileSync(join(ROOT, "bin", "bcf-check.js"), join(pkg, "bin", "bcf-check.js"));
});
afterAll(() => rmSync(pkg, { recursive: true, force: true }));

test("without a build and without tsx, the command says to build, in one line", async () => {
  const result = await run([join(pkg, "bin", "bcf-check.js"), "--help"]);
  expect(result.code).toBe(2);
  expect(result.stderr.trim()).toBe(
    "bcf-check has not been built: run `npm run build` (or `npm ci && npm run build`) first."
  );
});

test("the built command runs with no node_modules and checks a workbook", async () => {
  await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
      "--mode",
      "production",
      "--config",
      join(ROOT, "webpack.cli.config.js"),
      "--output-path",
      join(pkg, "dist", "cli"),
    ],
    { cwd: ROOT, timeout: 200000 }
  );
  const workbook = join(pkg, "broken.xlsx");
  await writeSnapshotXlsx(
    {
      sheets: [
        sheetFromRows("Funding", [
          ["Funding source", "Amount (£)"],
          ["iBCF", typed(240000, GBP)],
          ["DFG", typed(696000, GBP)],
          ["Total", typed(963000, GBP)],
        ]),
      ],
    },
    workbook
  );
  const result = await run([join(pkg, "bin", "bcf-check.js"), "--json", workbook]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout)).toEqual([
    {
      file: workbook,
      findings: [expect.objectContaining({ rule: "totals", sheet: "Funding", cell: "B4" })],
      coverage: expect.arrayContaining([{ rule: "totals", checked: 1 }]),
    },
  ]);
});
