/**
 * Runs the CustomFunctions shim from src/taskpane/taskpane.html (the inline script), as the page would
 * before functions.js, against a given window object.
 */
import { readFileSync } from "fs";
import { join } from "path";

export function shimSource(): string {
  const html = readFileSync(join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
  const match = /<script id="bcf-custom-functions-shim">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error("taskpane.html has no bcf-custom-functions-shim script");
  return match[1];
}

export function runShim(window: Record<string, unknown>): void {
  // The script is an IIFE over `window`.
  new Function("window", shimSource())(window);
}
