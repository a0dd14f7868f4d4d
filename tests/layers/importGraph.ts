/**
 * The import graph of a source tree, read with the TypeScript compiler's parser (no type checking), and
 * the two questions asked of it: which files import each other in a circle, and which imports run up
 * between ordered layers. Imports are static (`import … from`, `export … from`, `import "…"`), type-only
 * (`import type`, or every name marked `type`: erased when compiled, so no runtime edge) or dynamic
 * (`import("…")`, `require("…")`: loaded later, but still a dependency).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import * as ts from "typescript";

export type ImportKind = "static" | "type" | "dynamic";

export interface ImportEdge {
  to: string;
  kind: ImportKind;
}

/** Each file, by path relative to the tree's root ("/"-separated), with the files of the tree it imports. */
export type ImportGraph = Map<string, ImportEdge[]>;

const SOURCE = /\.(ts|tsx)$/;
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The imports written in one file's text: each specifier with its kind. */
export function importsOf(fileName: string, text: string): { spec: string; kind: ImportKind }[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: { spec: string; kind: ImportKind }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ spec: node.moduleSpecifier.text, kind: typeOnly(node) ? "type" : "static" });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require")) &&
      node.arguments.length === 1 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ spec: node.arguments[0].text, kind: "dynamic" });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Whether the declaration is erased by the compiler: `import type`, or only `type`-marked names. */
function typeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const names = node.exportClause;
    return (
      !!names &&
      ts.isNamedExports(names) &&
      names.elements.length > 0 &&
      names.elements.every((e) => e.isTypeOnly)
    );
  }
  const clause = node.importClause;
  if (!clause) return false; // `import "…"` runs the module
  if (clause.isTypeOnly) return true;
  const names = clause.namedBindings;
  return (
    !clause.name &&
    !!names &&
    ts.isNamedImports(names) &&
    names.elements.length > 0 &&
    names.elements.every((e) => e.isTypeOnly)
  );
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [base, ...EXTENSIONS.map((ext) => base + ext)].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile()
  );
}

/** The graph of every .ts/.tsx file under `root`; imports of packages, and of files outside it, are left out. */
export function readImportGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  const key = (path: string) => relative(root, path).split("\\").join("/");
  for (const path of sourceFiles(root)) {
    const edges: ImportEdge[] = [];
    for (const { spec, kind } of importsOf(path, readFileSync(path, "utf8"))) {
      if (!spec.startsWith(".")) continue;
      const target = resolveLocal(path, spec);
      if (!target) throw new Error(`${key(path)}: cannot resolve "${spec}"`);
      if (!key(target).startsWith("..")) edges.push({ to: key(target), kind });
    }
    graph.set(key(path), edges);
  }
  return graph;
}

/**
 * The circles of the graph: each strongly connected group of two or more files (or one file importing
 * itself), sorted, counting only edges of the given kinds. Tarjan's algorithm, iterative.
 */
export function findCycles(
  graph: ImportGraph,
  kinds: readonly ImportKind[] = ["static", "type", "dynamic"]
): string[][] {
  const next = (file: string) =>
    (graph.get(file) ?? []).filter((e) => kinds.includes(e.kind)).map((e) => e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { file: string; edges: string[]; at: number }[] = [];
    const enter = (file: string) => {
      index.set(file, counter);
      low.set(file, counter++);
      stack.push(file);
      onStack.add(file);
      work.push({ file, edges: next(file), at: 0 });
    };
    enter(start);
    while (work.length) {
      const frame = work[work.length - 1];
      if (frame.at < frame.edges.length) {
        const to = frame.edges[frame.at++];
        if (!index.has(to)) enter(to);
        else if (onStack.has(to))
          low.set(frame.file, Math.min(low.get(frame.file)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].file;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.file)!));
      }
      if (low.get(frame.file) === index.get(frame.file)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.file);
        if (group.length > 1 || next(frame.file).includes(frame.file)) cycles.push(group.sort());
      }
    }
  }
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * Imports that run up an ordered list of layers (lowest first). A layer is a list of places: files, or
 * folders standing for every file under them. A file may import its own layer and those before it, not
 * later ones; files in no layer are not checked. Every kind of import counts.
 */
export function upwardImports(
  graph: ImportGraph,
  layers: ReadonlyArray<readonly string[]>
): string[] {
  const layerOf = (file: string) =>
    layers.findIndex((places) =>
      places.some((place) => file === place || file.startsWith(`${place}/`))
    );
  const found: string[] = [];
  for (const [file, edges] of graph) {
    const from = layerOf(file);
    if (from < 0) continue;
    for (const { to } of edges) {
      if (layerOf(to) > from) found.push(`${file} -> ${to}`);
    }
  }
  return found.sort();
}
