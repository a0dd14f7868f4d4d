import { BCF_METRICS, SCHEME_TYPES } from "../vocabulary";
import { SEARCH_SYNONYMS } from "./synonyms";
import { isStarterTemplate } from "./starters";
import type { SchemeTemplate } from "./types";

/** What the template browser filters on; an empty or missing field does not filter. */
export interface TemplateQuery {
  /** Free text: every word must appear somewhere in the template (any order, any case). */
  text?: string;
  /** A national scheme type, exactly as in SCHEME_TYPES. */
  schemeType?: string;
  /** A BCF metric, exactly as in BCF_METRICS. */
  metric?: string;
  /** A source label from sourceLabel/templateFacets, a seed id ("001") or an area name ("Rutland"). */
  source?: string;
}

export interface TemplateFacets {
  schemeTypes: string[];
  metrics: string[];
  sources: string[];
}

const YEAR_NOT_STATED = "not stated";

/** "Rutland, BCF business case 2016-17"; a plan that gives no year reads "…, Draft BCF plan (year not stated)". */
export function sourceLabel(template: SchemeTemplate): string {
  if (isStarterTemplate(template)) return "Starter templates";
  const { area, plan, year } = template.source;
  const statedYear = year.trim();
  if (statedYear === "" || statedYear.toLowerCase() === YEAR_NOT_STATED)
    return `${area}, ${plan} (year not stated)`;
  return `${area}, ${plan} ${statedYear}`;
}

/** Lower case, accents folded and typographic quotes made plain, so "Café" matches "cafe". */
function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .toLowerCase();
}

/** Query words, without the punctuation a person types around them ("crisis," → "crisis"); "A&E" stays whole. */
export function queryWords(text: string): string[] {
  return normalise(text)
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}£%]+|[^\p{L}\p{N}£%]+$/gu, ""))
    .filter((word) => word.length > 0);
}

/** The text a search looks in: name, description, area, scheme type and sub-type, provider, outcomes, risks, funding sources. */
function searchableText(template: SchemeTemplate): string {
  return normalise(
    [
      template.name,
      template.description,
      template.source.area,
      template.areaOfSpend,
      template.schemeType,
      template.subType ?? "",
      template.provider ?? "",
      template.providerName ?? "",
      ...template.outcomes,
      // Risks name what a scheme depends on ("Disabled Facilities Grants"); funding sources too: "DFG" finds the schemes the Disabled Facilities Grant pays for.
      ...template.risks,
      ...template.costs.map((c) => c.fundingSource),
    ].join("\n")
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A phrase as whole words, any spaces or dashes between them ("la" is not found in "plan"; "discharge to assess" is found in "Discharge-to-Assess"). */
function phrasePattern(phrase: string): RegExp {
  const words = normalise(phrase).trim().split(/\s+/).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join("[^\\p{L}\\p{N}]+")}(?![\\p{L}\\p{N}])`, "gu");
}

interface SynonymGroup {
  patterns: RegExp[];
}

const GROUPS: SynonymGroup[] = SEARCH_SYNONYMS.map((group) => ({
  patterns: group.map(phrasePattern),
}));
/** Every spelling with its group, longest first, so "ICB discharge" is read before "discharge". */
const SPELLINGS = SEARCH_SYNONYMS.flatMap((group, g) =>
  group.map((spelling) => ({ group: g, pattern: phrasePattern(spelling), length: spelling.length }))
).sort((a, b) => b.length - a.length);

/**
 * A query read for names: each abbreviation or full name it holds (from SEARCH_SYNONYMS) becomes a group
 * any of whose spellings will do; the other words must each appear as typed.
 */
export function readQuery(text: string): { groups: SynonymGroup[]; words: string[] } {
  let rest = normalise(text);
  const found = new Set<number>();
  for (const { group, pattern } of SPELLINGS) {
    pattern.lastIndex = 0;
    if (!pattern.test(rest)) continue;
    found.add(group);
    rest = rest.replace(pattern, " ");
  }
  return { groups: [...found].map((g) => GROUPS[g]), words: queryWords(rest) };
}

function matchesGroup(haystack: string, group: SynonymGroup): boolean {
  return group.patterns.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(haystack);
  });
}

function matchesSource(template: SchemeTemplate, source: string): boolean {
  const wanted = normalise(source.trim());
  return (
    normalise(sourceLabel(template)) === wanted ||
    normalise(template.source.area) === wanted ||
    (template.source.seed !== undefined && template.source.seed === source.trim())
  );
}

/** Templates matching every given criterion, in their original order. */
export function searchTemplates(
  templates: readonly SchemeTemplate[],
  query: TemplateQuery
): SchemeTemplate[] {
  const { groups, words } = readQuery(query.text ?? "");
  const schemeType = query.schemeType?.trim();
  const metric = query.metric?.trim();
  const source = query.source?.trim();
  return templates.filter((template) => {
    if (schemeType && template.schemeType !== schemeType) return false;
    if (metric && !template.metrics.some((m) => m === metric)) return false;
    if (source && !matchesSource(template, source)) return false;
    if (words.length > 0 || groups.length > 0) {
      const haystack = searchableText(template);
      if (!words.every((word) => haystack.includes(word))) return false;
      if (!groups.every((group) => matchesGroup(haystack, group))) return false;
    }
    return true;
  });
}

/** Values present in the templates, for the filter drop-downs: scheme types and metrics in national order, sources as first seen. */
export function templateFacets(templates: readonly SchemeTemplate[]): TemplateFacets {
  const typesPresent = new Set<string>(templates.map((t) => t.schemeType));
  const metricsPresent = new Set<string>(templates.flatMap((t) => t.metrics));
  const sources: string[] = [];
  for (const template of templates) {
    const label = sourceLabel(template);
    if (!sources.includes(label)) sources.push(label);
  }
  return {
    schemeTypes: SCHEME_TYPES.filter((type) => typesPresent.has(type)),
    metrics: BCF_METRICS.filter((metric) => metricsPresent.has(metric)),
    sources,
  };
}
