/**
 * `npm run bench`: performance figures as `name: value unit` lines, one section per module in
 * scripts/bench/. It prints measurements and never passes or fails; the targets are in the README,
 * under "Performance targets".
 */
import { readdirSync } from "fs";
import { join } from "path";

export type BenchLine = [name: string, value: number, unit: string];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dir = join(__dirname, "bench");
  const sections = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  for (const file of sections) {
    const name = file.replace(/\.ts$/, "");
    if (only.length && !only.includes(name)) continue;
    const section = (await import(join(dir, file))) as { run: () => Promise<BenchLine[]> };
    try {
      for (const [metric, value, unit] of await section.run()) {
        const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1);
        console.log(`${metric}: ${shown} ${unit}`);
      }
    } catch (e) {
      console.error(`bench ${name} failed: ${(e as Error).message}`);
      process.exitCode = 1;
    }
  }
}

void main();
