/**
 * The layers of src are rules the build checks, not only comments: `npm run lint` rejects an import (or an
 * Office.js, DOM or Node global) a folder may not use, and src/core's own tsconfig (ES2022, no ambient
 * types) rejects DOM, Node and Office.js names. Each case below is a slip (or, for contrast, an allowed
 * import) in a file of the folder it names; the file does not exist, only its text is checked.
 */
import { execFileSync } from "child_process";
import { join } from "path";
import * as ts from "typescript";

const root = join(__dirname, "..", "..");

interface LintCase {
  file: string;
  code: string;
}
type LayerFindings = string[][]; // per case, the ids of the layer rules that fired

/** Lints each case with the project's eslint.config.mjs in one Node process (ESLint loads its config as ESM). */
function lintLayers(cases: LintCase[]): LayerFindings {
  const script = `
    const { ESLint } = require("eslint");
    const path = require("path");
    (async () => {
      const eslint = new ESLint({ cwd: process.argv[1] });
      const out = [];
      for (const c of JSON.parse(process.argv[2])) {
        const [result] = await eslint.lintText(c.code, { filePath: path.join(process.argv[1], c.file) });
        out.push(result.messages.map((m) => m.ruleId));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const stdout = execFileSync(process.execPath, ["-e", script, root, JSON.stringify(cases)], {
    cwd: root,
    encoding: "utf8",
  });
  const layerRules = new Set(["no-restricted-imports", "no-restricted-globals"]);
  return (JSON.parse(stdout) as (string | null)[][]).map((ids) =>
    ids.filter((id): id is string => id !== null && layerRules.has(id))
  );
}

const slips: Record<string, LintCase> = {
  "core imports Office.js": {
    file: "src/core/plan/slip.ts",
    code: 'import "@microsoft/office-js";\n',
  },
  "core imports React": {
    file: "src/core/slip.ts",
    code: 'import * as React from "react";\nexport const r = React;\n',
  },
  "core imports Node": {
    file: "src/core/slip.ts",
    code: 'import { readFileSync } from "fs";\nexport const r = readFileSync;\n',
  },
  "core imports the Office.js layer": {
    file: "src/core/checks/slip.ts",
    code: 'import { withWorkbook } from "../../excel/host";\nexport const w = withWorkbook;\n',
  },
  "core uses a DOM global": {
    file: "src/core/slip.ts",
    code: "export const t = document.title;\n",
  },
  "core uses Office.js's global": {
    file: "src/core/slip.ts",
    code: "export const ready = Office.onReady();\n",
  },
  "functions import the Office.js layer": {
    file: "src/functions/slip.ts",
    code: 'import { withWorkbook } from "../excel";\nexport const w = withWorkbook;\n',
  },
  "excel imports the pane": {
    file: "src/excel/slip.ts",
    code: 'import { App } from "../taskpane/components/App";\nexport const a = App;\n',
  },
  "excel imports the in-memory workbook": {
    file: "src/excel/slip.ts",
    code: 'import { createMemoryWorkbook } from "../memory-excel";\nexport const c = createMemoryWorkbook;\n',
  },
  "the pane uses Office.js directly": {
    file: "src/taskpane/components/Slip.tsx",
    code: "export const theme = Office.context.officeTheme;\n",
  },
  "the pane imports office-js": {
    file: "src/taskpane/slip.ts",
    code: 'import "@microsoft/office-js";\n',
  },
  "a pane component imports the preview": {
    file: "src/taskpane/components/Slip.tsx",
    code: 'import { startPreview } from "../../preview/boot";\nexport const s = startPreview;\n',
  },
  "cli imports React": {
    file: "src/cli/slip.ts",
    code: 'import * as React from "react";\nexport const r = React;\n',
  },
  "cli imports the Office.js layer": {
    file: "src/cli/slip.ts",
    code: 'import { withWorkbook } from "../excel";\nexport const w = withWorkbook;\n',
  },
  "cli imports a dev-only package (it must run after npm ci --omit=dev)": {
    file: "src/cli/slip.ts",
    code: 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n',
  },
  "memory-excel imports the Office.js layer": {
    file: "src/memory-excel/proxy/slip.ts",
    code: 'import { withWorkbook } from "../../excel/host";\nexport const w = withWorkbook;\n',
  },
  "memory-excel's model imports recalculation": {
    file: "src/memory-excel/model/slip.ts",
    code: 'import { recalculate } from "../recalc";\nexport const r = recalculate;\n',
  },
  "memory-excel's model imports formula evaluation's types": {
    file: "src/memory-excel/model/slip.ts",
    code: 'import type { FormulaContext } from "../formula/context";\nexport type C = FormulaContext;\n',
  },
  "memory-excel's model imports the folder's entry point": {
    file: "src/memory-excel/model/slip.ts",
    code: 'import { createMemoryWorkbook } from "..";\nexport const c = createMemoryWorkbook;\n',
  },
  "memory-excel's formula evaluation imports recalculation": {
    file: "src/memory-excel/formula/functions/slip.ts",
    code: 'import { recalculate } from "../../recalc";\nexport const r = recalculate;\n',
  },
  "memory-excel's recalculation imports a proxy": {
    file: "src/memory-excel/recalc.ts",
    code: 'import { RangeProxy } from "./proxy/range";\nexport const r = RangeProxy;\n',
  },
  "memory-excel's addresses import the model": {
    file: "src/memory-excel/address.ts",
    code: 'import { SheetModel } from "./model/sheet";\nexport const s = SheetModel;\n',
  },
  "memory-excel's model imports the Office.js layer": {
    file: "src/memory-excel/model/slip.ts",
    code: 'import { withWorkbook } from "../../excel/host";\nexport const w = withWorkbook;\n',
  },
};

const allowed: Record<string, LintCase> = {
  "core imports core and @stdlib": {
    file: "src/core/statistics/fine.ts",
    code: 'import q from "@stdlib/stats-base-dists-normal-quantile";\nimport { FormulaError } from "../formulaError";\nexport const x = [q, FormulaError];\n',
  },
  "functions import core": {
    file: "src/functions/fine.ts",
    code: 'import { FormulaError } from "../core/formulaError";\nexport const x = FormulaError;\n',
  },
  "the pane imports React, Fluent UI, core and the Office.js layer": {
    file: "src/taskpane/components/Fine.tsx",
    code: 'import * as React from "react";\nimport { Button } from "@fluentui/react-components";\nimport { withWorkbook } from "../../excel";\nimport { RULES } from "../../core/checks";\nexport const x = [React, Button, withWorkbook, RULES];\n',
  },
  "cli imports Node and core": {
    file: "src/cli/fine.ts",
    code: 'import { readFileSync } from "node:fs";\nimport { join } from "path";\nimport { FormulaError } from "../core/formulaError";\nexport const x = [readFileSync, join, FormulaError];\n',
  },
  "memory-excel imports core": {
    file: "src/memory-excel/fine.ts",
    code: 'import { FormulaError } from "../core/formulaError";\nexport const x = FormulaError;\n',
  },
  "memory-excel's model imports itself, addresses and core": {
    file: "src/memory-excel/model/fine.ts",
    code: 'import { SheetModel } from "./sheet";\nimport { parseBox } from "../address";\nimport { a1 } from "../../core/workbook";\nexport const x = [SheetModel, parseBox, a1];\n',
  },
  "memory-excel's formula evaluation imports the model": {
    file: "src/memory-excel/formula/functions/fine.ts",
    code: 'import { tableBox } from "../../model/table";\nimport { toScalar } from "../context";\nexport const x = [tableBox, toScalar];\n',
  },
  "memory-excel's recalculation imports formula evaluation and the model": {
    file: "src/memory-excel/recalc.ts",
    code: 'import { evaluate } from "./formula/evaluator";\nimport type { Cell } from "./model/cell";\nexport const x = evaluate;\nexport type C = Cell;\n',
  },
  "memory-excel's proxies import every layer below": {
    file: "src/memory-excel/proxy/fine.ts",
    code: 'import { FORMULA_ENGINE } from "../recalc";\nimport { toScalar } from "../formula/context";\nimport { WorkbookModel } from "../model/workbookModel";\nexport const x = [FORMULA_ENGINE, toScalar, WorkbookModel];\n',
  },
};

describe("lint enforces the layers of src", () => {
  const names = [...Object.keys(slips), ...Object.keys(allowed)];
  let findings: Map<string, string[]>;

  beforeAll(() => {
    const results = lintLayers([...Object.values(slips), ...Object.values(allowed)]);
    findings = new Map(names.map((name, i) => [name, results[i]]));
  }, 60_000);

  it.each(Object.keys(slips))("rejects: %s", (name) => {
    expect(findings.get(name)!.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(allowed))("accepts: %s", (name) => {
    expect(findings.get(name)).toEqual([]);
  });
});

describe("src/core's tsconfig has no DOM, Node or Office.js types", () => {
  const configPath = join(root, "src", "core", "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    }
  )!;

  /** Type-checks `code` as if it were a file of src/core, returning the compiler's messages. */
  function compileInCore(code: string): string[] {
    const file = join(root, "src", "core", "__layerSlip.ts");
    const host = ts.createCompilerHost(parsed.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, languageVersion, ...rest) =>
      name === file
        ? ts.createSourceFile(name, code, languageVersion)
        : getSourceFile(name, languageVersion, ...rest);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === file || fileExists(name);
    const program = ts.createProgram([file], { ...parsed.options, noEmit: true }, host);
    return ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  }

  it("covers every file of src/core", () => {
    expect(parsed.fileNames).toContain(
      join(root, "src", "core", "workbook.ts").replace(/\\/g, "/")
    );
  });

  it.each([
    ["a DOM global", "export const t: string = document.title;\n", "document"],
    ["Office.js", "export const ready = Office.onReady();\n", "Office"],
    ["Excel's namespace", "export type C = Excel.RequestContext;\n", "Excel"],
    ["Node", "export const home = process.env.HOME;\n", "process"],
  ])("rejects %s", (_what, code, name) => {
    expect(compileInCore(code).join("\n")).toMatch(
      new RegExp(`Cannot find (name|namespace) '${name}'`)
    );
  });

  it("accepts plain ES2022", () => {
    expect(compileInCore("export const last = [1, 2, 3].at(-1) ?? 0;\n")).toEqual([]);
  });
});
