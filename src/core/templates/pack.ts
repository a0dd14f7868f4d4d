import {
  AREAS_OF_SPEND,
  BCF_METRICS,
  COMMISSIONERS,
  FUNDING_SOURCES,
  PROVIDERS,
  SCHEME_TYPES,
} from "../vocabulary";
import { PERIODS } from "../periods";
import type {
  ActivityTarget,
  CostLine,
  SchemeSource,
  SchemeTemplate,
  StatedFigure,
  TemplatePack,
} from "./types";
import { locateJsonError } from "./jsonErrorLocation";

export { locateJsonError } from "./jsonErrorLocation";
export type { JsonErrorLocation } from "./jsonErrorLocation";
export { mergeCatalogue } from "./merge";

/**
 * An organisation's own template pack: a JSON file chosen in the pane. It is checked in full before
 * anything uses it, and every problem is reported as one plain-English line naming the template and the
 * field, so a person can fix the file in one pass. A pack with any problem is refused whole.
 */
export type TemplatePackResult =
  { ok: true; pack: TemplatePack } | { ok: false; problems: string[] };

/** Beyond this many lines the list stops being useful; the rest is summarised in one line. */
export const MAX_PROBLEMS = 50;

/** The national template accepts numeric inputs from 0 to 100,000,000. */
export const MAX_AMOUNT = 100_000_000;

const TEMPLATE_FIELDS = [
  "id",
  "name",
  "source",
  "description",
  "schemeType",
  "subType",
  "areaOfSpend",
  "commissioner",
  "percentNhs",
  "provider",
  "providerName",
  "outcomes",
  "metrics",
  "risks",
  "costs",
  "targets",
] as const;
const PACK_FIELDS = ["name", "version", "templates"] as const;
const SOURCE_FIELDS = ["area", "plan", "year", "seed"] as const;
const COST_FIELDS = ["description", "fundingSource", "nhs", "council", "total", "year"] as const;
const TARGET_FIELDS = [
  "measure",
  "baselinePerMonth",
  "baselinePerYear",
  "targetPerMonth",
  "targetPerYear",
  "baselinePerWeek",
  "targetPerWeek",
  "note",
  "statedFigures",
] as const;
const TARGET_NUMBER_FIELDS = TARGET_FIELDS.filter(
  (field) => field !== "measure" && field !== "note" && field !== "statedFigures"
) as Array<Exclude<(typeof TARGET_FIELDS)[number], "measure" | "note" | "statedFigures">>;
const STATED_FIELDS = ["kind", "value", "per", "wording"] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** How a value reads in a message: strings quoted, lists and objects named rather than dumped. */
function describe(value: Json | undefined): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string")
    return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  return String(value);
}

function sameLetters(a: string, b: string): boolean {
  return a.replace(/[^a-z0-9]/gi, "").toLowerCase() === b.replace(/[^a-z0-9]/gi, "").toLowerCase();
}

/** The accepted field a mistyped name most likely meant ("schemetype" → "schemeType"), if any. */
function suggestField(key: string, allowed: readonly string[]): string | undefined {
  return allowed.find((field) => sameLetters(field, key));
}

/** Collects problems, each prefixed with where it is ("Template 3 'Falls service': cost line 2: "). */
class ProblemList {
  readonly lines: string[] = [];

  add(where: string, message: string): void {
    this.lines.push(where ? `${where}: ${message}` : message);
  }

  unknownFields(where: string, value: JsonObject, allowed: readonly string[], what: string): void {
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const suggestion = suggestField(key, allowed);
      this.add(
        where,
        suggestion
          ? `unknown field '${key}' in ${what}; did you mean '${suggestion}'?`
          : `unknown field '${key}' in ${what}; the fields are ${allowed.join(", ")}`
      );
    }
  }

  requiredText(where: string, value: JsonObject, field: string, example: string): string {
    const text = value[field];
    if (typeof text === "string" && text.trim() !== "") return text;
    this.add(
      where,
      text === undefined
        ? `${field} is missing; it must be text, e.g. ${example}`
        : `${field} must be text, e.g. ${example} (found ${describe(text)})`
    );
    return "";
  }

  optionalText(where: string, value: JsonObject, field: string): string | undefined {
    const text = value[field];
    if (text === undefined || text === null) return undefined;
    if (typeof text === "string") return text;
    this.add(where, `${field} must be text (found ${describe(text)})`);
    return undefined;
  }

  /** A value from a fixed national list; suggests the listed spelling when only case or spacing differs. */
  choice<T extends string>(
    where: string,
    value: JsonObject,
    field: string,
    options: readonly T[],
    what: string,
    required: boolean
  ): T | undefined {
    const raw = value[field];
    if (raw === undefined || (raw === null && !required)) {
      if (required) this.add(where, `${field} is missing; choose one of: ${options.join("; ")}`);
      return undefined;
    }
    if (typeof raw === "string" && (options as readonly string[]).includes(raw)) return raw as T;
    const near =
      typeof raw === "string" ? options.find((option) => sameLetters(option, raw)) : undefined;
    this.add(
      where,
      near
        ? `${field} ${describe(raw)} is not ${what}; did you mean '${near}'?`
        : `${field} ${describe(raw)} is not ${what}; choose one of: ${options.join("; ")}`
    );
    return undefined;
  }

  /** A non-negative number; `unit` words the message ("a number of pounds"). */
  amount(
    where: string,
    raw: Json | undefined,
    field: string,
    unit: string,
    required: boolean
  ): number | undefined {
    if (raw === undefined || (raw === null && !required)) {
      if (required) this.add(where, `${field} is missing; it must be ${unit}`);
      return undefined;
    }
    if (typeof raw !== "number") {
      const hint =
        typeof raw === "string" && /\d/.test(raw)
          ? ` (write ${raw.replace(/[^0-9.-]/g, "")}, not ${describe(raw)})`
          : ` (found ${describe(raw)})`;
      this.add(where, `${field} must be ${unit}${hint}`);
      return undefined;
    }
    if (raw < 0 || raw > MAX_AMOUNT) {
      this.add(where, `${field} must be between 0 and 100,000,000 (found ${raw})`);
      return undefined;
    }
    return raw;
  }

  textList(where: string, value: JsonObject, field: string): string[] {
    const raw = value[field];
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      this.add(where, `${field} must be a list of text ([...]) (found ${describe(raw)})`);
      return [];
    }
    const items: string[] = [];
    raw.forEach((item, i) => {
      if (typeof item === "string") items.push(item);
      else this.add(where, `${field} item ${i + 1} must be text (found ${describe(item)})`);
    });
    return items;
  }
}

function templateLabel(index: number, raw: Json): string {
  const name =
    isObject(raw) && typeof raw.name === "string" && raw.name.trim() !== "" ? ` '${raw.name}'` : "";
  return `Template ${index + 1}${name}`;
}

function readSource(problems: ProblemList, where: string, raw: Json | undefined): SchemeSource {
  if (!isObject(raw)) {
    problems.add(
      where,
      raw === undefined
        ? 'source is missing; it must be an object with area, plan and year, e.g. {"area": "Anytown", "plan": "BCF plan", "year": "2024-25"}'
        : `source must be an object with area, plan and year (found ${describe(raw)})`
    );
    return { area: "", plan: "", year: "" };
  }
  problems.unknownFields(where, raw, SOURCE_FIELDS, "source");
  const area = problems.requiredText(where, raw, "area", '"Anytown"');
  const plan = problems.requiredText(where, raw, "plan", '"BCF plan"');
  const year = problems.requiredText(where, raw, "year", '"2024-25" or "Not stated"');
  const seed = problems.optionalText(where, raw, "seed");
  return { area, plan, year, ...(seed !== undefined ? { seed } : {}) };
}

function readCostLine(problems: ProblemList, where: string, raw: Json): CostLine | undefined {
  if (!isObject(raw)) {
    problems.add(
      where,
      `must be an object with description, fundingSource and total (found ${describe(raw)})`
    );
    return undefined;
  }
  problems.unknownFields(where, raw, COST_FIELDS, "the cost line");
  const description = problems.requiredText(where, raw, "description", '"Community posts"');
  const fundingSource = problems.choice(
    where,
    raw,
    "fundingSource",
    FUNDING_SOURCES,
    "a BCF funding source",
    true
  );
  const pounds = "a number of pounds";
  const nhs = problems.amount(where, raw.nhs, "nhs", pounds, false);
  const council = problems.amount(where, raw.council, "council", pounds, false);
  const total = problems.amount(where, raw.total, "total", pounds, true);
  const year = problems.optionalText(where, raw, "year");
  if (fundingSource === undefined || total === undefined) return undefined;
  return {
    description,
    fundingSource,
    ...(nhs !== undefined ? { nhs } : {}),
    ...(council !== undefined ? { council } : {}),
    total,
    ...(year !== undefined ? { year } : {}),
  };
}

function readStatedFigure(
  problems: ProblemList,
  where: string,
  raw: Json
): StatedFigure | undefined {
  if (!isObject(raw)) {
    problems.add(
      where,
      `must be an object with kind, value, per and wording (found ${describe(raw)})`
    );
    return undefined;
  }
  problems.unknownFields(where, raw, STATED_FIELDS, "the stated figure");
  const kind = problems.choice(
    where,
    raw,
    "kind",
    ["baseline", "target"] as const,
    "a kind of figure",
    true
  );
  const value = problems.amount(where, raw.value, "value", "a number", true);
  const per = problems.choice(where, raw, "per", PERIODS, "a period", true);
  const wording = problems.requiredText(where, raw, "wording", '"8 patients a month"');
  if (kind === undefined || value === undefined || per === undefined) return undefined;
  return { kind, value, per, wording };
}

function readTarget(problems: ProblemList, where: string, raw: Json): ActivityTarget | undefined {
  if (!isObject(raw)) {
    problems.add(
      where,
      `must be an object with a measure and baseline/target figures (found ${describe(raw)})`
    );
    return undefined;
  }
  problems.unknownFields(where, raw, TARGET_FIELDS, "the target");
  const target: ActivityTarget = {
    measure: problems.requiredText(where, raw, "measure", '"Step up admissions"'),
  };
  for (const field of TARGET_NUMBER_FIELDS) {
    const value = problems.amount(where, raw[field], field, "a number of people or events", false);
    if (value !== undefined) target[field] = value;
  }
  const note = problems.optionalText(where, raw, "note");
  if (note !== undefined) target.note = note;
  const stated = raw.statedFigures;
  if (stated !== undefined && stated !== null) {
    if (!Array.isArray(stated)) {
      problems.add(where, `statedFigures must be a list ([...]) (found ${describe(stated)})`);
    } else {
      target.statedFigures = stated
        .map((figure, i) => readStatedFigure(problems, `${where}: stated figure ${i + 1}`, figure))
        .filter((figure): figure is StatedFigure => figure !== undefined);
    }
  }
  return target;
}

function readList<T>(
  problems: ProblemList,
  where: string,
  value: JsonObject,
  field: string,
  itemName: string,
  readItem: (where: string, raw: Json) => T | undefined
): T[] {
  const raw = value[field];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.add(where, `${field} must be a list ([...]) of ${itemName}s (found ${describe(raw)})`);
    return [];
  }
  return raw
    .map((item, i) => readItem(`${where}: ${itemName} ${i + 1}`, item))
    .filter((item): item is T => item !== undefined);
}

function readTemplate(problems: ProblemList, index: number, raw: Json): SchemeTemplate | undefined {
  const where = templateLabel(index, raw);
  if (!isObject(raw)) {
    problems.add(where, `must be an object describing one scheme (found ${describe(raw)})`);
    return undefined;
  }
  const before = problems.lines.length;
  problems.unknownFields(where, raw, TEMPLATE_FIELDS, "the template");

  const id = problems.requiredText(where, raw, "id", '"anytown-falls-service"');
  if (id !== "" && /\s/.test(id))
    problems.add(
      where,
      `id '${id}' must not contain spaces; use hyphens, e.g. "anytown-falls-service"`
    );
  const name = problems.requiredText(where, raw, "name", '"Falls service"');
  const source = readSource(problems, `${where}: source`, raw.source);
  const description = problems.requiredText(
    where,
    raw,
    "description",
    '"What the scheme does, in a sentence or two"'
  );
  const schemeType = problems.choice(
    where,
    raw,
    "schemeType",
    SCHEME_TYPES,
    "a national scheme type",
    true
  );
  const subType = problems.optionalText(where, raw, "subType");
  const areaOfSpend = problems.choice(
    where,
    raw,
    "areaOfSpend",
    AREAS_OF_SPEND,
    "an area of spend",
    true
  );
  const commissioner = problems.choice(
    where,
    raw,
    "commissioner",
    COMMISSIONERS,
    "a commissioner",
    false
  );
  const percentNhs = problems.amount(
    where,
    raw.percentNhs,
    "percentNhs",
    "a percentage from 0 to 100",
    false
  );
  if (percentNhs !== undefined && percentNhs > 100)
    problems.add(where, `percentNhs must be from 0 to 100 (found ${percentNhs})`);
  if (percentNhs !== undefined && raw.commissioner !== "Joint") {
    problems.add(
      where,
      "percentNhs is only used when commissioner is 'Joint'; remove it or set commissioner to 'Joint'"
    );
  }
  const provider = problems.choice(where, raw, "provider", PROVIDERS, "a provider type", false);
  const providerName = problems.optionalText(where, raw, "providerName");
  const outcomes = problems.textList(where, raw, "outcomes");
  const risks = problems.textList(where, raw, "risks");
  const metricsRaw = raw.metrics;
  const metrics: SchemeTemplate["metrics"] = [];
  if (metricsRaw !== undefined && metricsRaw !== null) {
    if (!Array.isArray(metricsRaw)) {
      problems.add(
        where,
        `metrics must be a list ([...]) of BCF metrics (found ${describe(metricsRaw)})`
      );
    } else {
      metricsRaw.forEach((metric, i) => {
        const chosen = problems.choice(
          where,
          { [`metric ${i + 1}`]: metric },
          `metric ${i + 1}`,
          BCF_METRICS,
          "a BCF metric",
          true
        );
        if (chosen !== undefined) metrics.push(chosen);
      });
    }
  }
  const costs = readList(problems, where, raw, "costs", "cost line", (at, item) =>
    readCostLine(problems, at, item)
  );
  const targets = readList(problems, where, raw, "targets", "target", (at, item) =>
    readTarget(problems, at, item)
  );

  if (problems.lines.length > before || schemeType === undefined || areaOfSpend === undefined)
    return undefined;
  return {
    id,
    name,
    source,
    description,
    schemeType,
    ...(subType !== undefined ? { subType } : {}),
    areaOfSpend,
    ...(commissioner !== undefined ? { commissioner } : {}),
    ...(percentNhs !== undefined ? { percentNhs } : {}),
    ...(provider !== undefined ? { provider } : {}),
    ...(providerName !== undefined ? { providerName } : {}),
    outcomes,
    metrics,
    risks,
    costs,
    targets,
  };
}

function jsonProblem(text: string, parserMessage: string): string {
  const location = locateJsonError(text);
  if (!location) return `The file is not valid JSON: ${parserMessage}`;
  const ch = text[location.offset];
  const found =
    location.offset >= text.length
      ? "the end of the file"
      : ch === "\n" || ch === "\r"
        ? "the end of the line"
        : `'${ch}'`;
  return (
    `The file is not valid JSON: at line ${location.line}, column ${location.column} (character ${location.offset + 1}) ` +
    `expected ${location.expected} but found ${found}`
  );
}

/** Reads and checks an organisation's template pack. A pack with any problem is refused whole. */
export function parseTemplatePack(json: string): TemplatePackResult {
  // Files saved by some Windows editors start with a byte-order mark, which JSON.parse refuses.
  const text = json.replace(/^\uFEFF/, "");
  if (text.trim() === "")
    return {
      ok: false,
      problems: [
        "The file is empty: a template pack is a JSON object with a name and a list of templates.",
      ],
    };
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch (e) {
    return { ok: false, problems: [jsonProblem(text, e instanceof Error ? e.message : String(e))] };
  }

  const problems = new ProblemList();
  if (!isObject(parsed)) {
    problems.add(
      "",
      `The pack must be a JSON object with a "name" and a list of "templates", e.g. {"name": "Anytown templates", "templates": [...]} (found ${describe(parsed)})`
    );
    return { ok: false, problems: problems.lines };
  }
  problems.unknownFields("Pack", parsed, PACK_FIELDS, "the pack");
  const name = problems.requiredText("Pack", parsed, "name", '"Anytown templates"');
  const version = problems.optionalText("Pack", parsed, "version");
  const rawTemplates = parsed.templates;
  const templates: SchemeTemplate[] = [];
  if (!Array.isArray(rawTemplates)) {
    problems.add(
      "Pack",
      rawTemplates === undefined
        ? "templates is missing; it must be a list ([...]) of scheme templates"
        : `templates must be a list ([...]) of scheme templates (found ${describe(rawTemplates)})`
    );
  } else if (rawTemplates.length === 0) {
    problems.add("Pack", "templates is empty; the pack must hold at least one scheme template");
  } else {
    const firstIndexById = new Map<string, number>();
    rawTemplates.forEach((raw, index) => {
      const template = readTemplate(problems, index, raw);
      if (template) templates.push(template);
      const id = isObject(raw) && typeof raw.id === "string" ? raw.id : undefined;
      if (id === undefined || id.trim() === "") return;
      const first = firstIndexById.get(id);
      if (first === undefined) firstIndexById.set(id, index);
      else
        problems.add(
          templateLabel(index, raw),
          `id '${id}' is already used by ${templateLabel(first, rawTemplates[first])}; each template needs its own id`
        );
    });
  }

  if (problems.lines.length > 0) {
    const lines = problems.lines;
    if (lines.length <= MAX_PROBLEMS) return { ok: false, problems: lines };
    const more = lines.length - MAX_PROBLEMS;
    return {
      ok: false,
      problems: [
        ...lines.slice(0, MAX_PROBLEMS),
        `…and ${more} more problem${more === 1 ? "" : "s"}.`,
      ],
    };
  }
  return { ok: true, pack: { name, ...(version !== undefined ? { version } : {}), templates } };
}
