/** The README documents the template pack format: its example is a valid pack, and it names every field the example file uses. */
import * as fs from "fs";
import * as path from "path";
import { parseTemplatePack } from "../../../src/core/templates/pack";

const ROOT = path.join(__dirname, "../../..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const EXAMPLE_FILE = "src/core/templates/packs/example-pack.json";

function packSection(): string {
  const start = README.indexOf("### Your organisation's templates (template packs)");
  expect(start).toBeGreaterThanOrEqual(0);
  const end = README.indexOf("\n## ", start);
  return README.slice(start, end < 0 ? undefined : end);
}

describe("README: template packs", () => {
  test("the example in the README is a pack the add-in accepts", () => {
    const block = /```json\n([\s\S]*?)```/.exec(packSection());
    expect(block).not.toBeNull();
    const result = parseTemplatePack(block![1]);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.pack.templates).toHaveLength(1);
    expect(result.pack.templates[0].costs[0].total).toBe(100000);
  });

  test("it points at the complete example file, which the add-in accepts, and documents every field that file uses", () => {
    const section = packSection();
    expect(section).toContain(EXAMPLE_FILE);
    const text = fs.readFileSync(path.join(ROOT, EXAMPLE_FILE), "utf8");
    const result = parseTemplatePack(text);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const json = JSON.parse(text) as { templates: Array<Record<string, unknown>> };
    const fields = new Set<string>();
    for (const template of json.templates) {
      for (const [key, value] of Object.entries(template)) {
        fields.add(key);
        const nested = Array.isArray(value) ? value : [value];
        for (const item of nested)
          if (item && typeof item === "object") Object.keys(item).forEach((k) => fields.add(k));
      }
    }
    const undocumented = [...fields].filter((f) => !section.includes(`\`${f}\``));
    expect(undocumented).toEqual([]);
  });
});
