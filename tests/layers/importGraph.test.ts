/**
 * No file of src imports itself back through others, and inside src/memory-excel imports run one way
 * down: address.ts and errors.ts, the model, formula evaluation, recalculation, then what stands on
 * them (the Office.js-shaped proxies, direct access, number formats, the entry point). Type-only
 * imports count: they create no runtime circle, but they tie the files together all the same.
 * ESLint's per-folder rules catch an upward import as it is written; this catches circles, which no
 * single import shows, and dynamic imports, which ESLint's rule does not read.
 */
import { join } from "path";
import {
  findCycles,
  importsOf,
  readImportGraph,
  upwardImports,
  type ImportEdge,
  type ImportGraph,
} from "./importGraph";

const SRC = join(__dirname, "..", "..", "src");
let srcGraph: ImportGraph | undefined;
/** src's graph, read once for all the tests that look at it. */
const readSrc = (): ImportGraph => (srcGraph ??= readImportGraph(SRC));

const MEMORY_EXCEL_LAYERS = [
  ["memory-excel/address.ts", "memory-excel/errors.ts"],
  ["memory-excel/model"],
  ["memory-excel/formula"],
  ["memory-excel/recalc.ts"],
  [
    "memory-excel/proxy",
    "memory-excel/direct.ts",
    "memory-excel/numberFormat.ts",
    "memory-excel/index.ts",
  ],
];

function graphOf(edges: Record<string, Array<string | ImportEdge>>): ImportGraph {
  return new Map(
    Object.entries(edges).map(([file, to]) => [
      file,
      to.map((edge) => (typeof edge === "string" ? { to: edge, kind: "static" } : edge)),
    ])
  );
}

describe("reading imports", () => {
  it("tells static, type-only and dynamic imports apart", () => {
    const text = [
      'import { a } from "./a";',
      'import type { B } from "./b";',
      'import { type C, type D } from "./c";',
      'import { type E, e } from "./e";',
      'import F from "./f";',
      'import "./g";',
      'export { h } from "./h";',
      'export type { I } from "./i";',
      'export * from "./j";',
      'const k = () => import("./k");',
      'const l = require("./l");',
      "// import { m } from './m';",
    ].join("\n");
    expect(importsOf("x.ts", text)).toEqual([
      { spec: "./a", kind: "static" },
      { spec: "./b", kind: "type" },
      { spec: "./c", kind: "type" },
      { spec: "./e", kind: "static" },
      { spec: "./f", kind: "static" },
      { spec: "./g", kind: "static" },
      { spec: "./h", kind: "static" },
      { spec: "./i", kind: "type" },
      { spec: "./j", kind: "static" },
      { spec: "./k", kind: "dynamic" },
      { spec: "./l", kind: "dynamic" },
    ]);
  });

  it("resolves src's relative imports to its files", () => {
    const graph = readSrc();
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("memory-excel/recalc.ts")).toContainEqual({
      to: "memory-excel/formula/evaluator.ts",
      kind: "static",
    });
    expect(graph.get("memory-excel/index.ts")).toContainEqual({
      to: "memory-excel/recalc.ts",
      kind: "static",
    });
  });
});

describe("finding circles", () => {
  it("finds a circle of three files, and only its files", () => {
    const graph = graphOf({ a: ["b"], b: ["c"], c: ["a", "d"], d: [] });
    expect(findCycles(graph)).toEqual([["a", "b", "c"]]);
  });

  it("finds a file that imports itself, and separate circles separately", () => {
    const graph = graphOf({ a: ["a"], b: ["c"], c: ["b"], d: ["a", "b"] });
    expect(findCycles(graph)).toEqual([["a"], ["b", "c"]]);
  });

  it("counts a circle closed by a type-only import unless asked for runtime edges only", () => {
    const graph = graphOf({ a: ["b"], b: [{ to: "a", kind: "type" }] });
    expect(findCycles(graph)).toEqual([["a", "b"]]);
    expect(findCycles(graph, ["static", "dynamic"])).toEqual([]);
  });

  it("finds none in a graph that only runs one way", () => {
    const graph = graphOf({ a: ["b", "c"], b: ["c"], c: [] });
    expect(findCycles(graph)).toEqual([]);
  });

  it("finds none in src", () => {
    expect(findCycles(readSrc())).toEqual([]);
  });
});

describe("the layers of src/memory-excel", () => {
  it("flags an import that runs up, of any kind, and not one that runs down or sideways", () => {
    const graph = graphOf({
      "memory-excel/model/sheet.ts": [{ to: "memory-excel/recalc.ts", kind: "type" }],
      "memory-excel/formula/evaluator.ts": [
        "memory-excel/model/sheet.ts",
        "memory-excel/formula/values.ts",
      ],
      "memory-excel/recalc.ts": [{ to: "memory-excel/proxy/range.ts", kind: "dynamic" }],
      "memory-excel/proxy/range.ts": ["memory-excel/recalc.ts", "memory-excel/direct.ts"],
      "memory-excel/address.ts": ["memory-excel/errors.ts"],
    });
    expect(upwardImports(graph, MEMORY_EXCEL_LAYERS)).toEqual([
      "memory-excel/model/sheet.ts -> memory-excel/recalc.ts",
      "memory-excel/recalc.ts -> memory-excel/proxy/range.ts",
    ]);
  });

  it("places every file of the folder in a layer", () => {
    const files = [...readSrc().keys()].filter((f) => f.startsWith("memory-excel/"));
    const layered = MEMORY_EXCEL_LAYERS.flat();
    const unplaced = files.filter(
      (file) => !layered.some((place) => file === place || file.startsWith(`${place}/`))
    );
    expect(unplaced).toEqual([]);
  });

  it("has no import running up in src", () => {
    expect(upwardImports(readSrc(), MEMORY_EXCEL_LAYERS)).toEqual([]);
  });
});
