import { existsSync, readFileSync } from "fs";
import { dirname, join, relative, resolve } from "path";

/**
 * The functions bundle must stay small (under 30 KB gzipped) and load before React: everything
 * src/functions/functions.ts reaches must be in src/core (or src/functions) or the @stdlib normal
 * quantile (the chi-squared quantile's dependencies were most of the bundle; src/core solves for
 * the exact Poisson limits itself). `npm run bench` measures the built size; this catches a stray import early.
 */
const ROOT = resolve(__dirname, "../..");
const ALLOWED_PACKAGES = ["@stdlib/stats-base-dists-normal-quantile"];

function specifiers(source: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g;
  for (const m of source.matchAll(pattern)) found.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return found;
}

function resolveLocal(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, "index.ts")]) {
    if (existsSync(candidate) && !candidate.endsWith("/")) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        // a directory: try the next candidate
      }
    }
  }
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

describe("what the functions bundle imports", () => {
  it("reaches only src/core, src/functions and the @stdlib normal quantile", () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const queue = [join(ROOT, "src/functions/functions.ts")];
    while (queue.length) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const where = relative(ROOT, file);
      expect(where.startsWith("src/core/") || where.startsWith("src/functions/")).toBe(true);
      for (const spec of specifiers(readFileSync(file, "utf8"))) {
        if (spec.startsWith(".")) queue.push(resolveLocal(file, spec));
        else packages.add(spec);
      }
    }
    expect([...packages].sort()).toEqual(ALLOWED_PACKAGES);
    expect(seen.size).toBeGreaterThan(5);
  });
});
