/**
 * Starter templates for the national scheme types no seed plan has a scheme of, so every scheme type
 * can be inserted. A starter says what the scheme type covers and nothing more: no figures, no
 * commissioner or provider, no outcomes, metrics, risks or targets; those are the officer's to fill in.
 * The area of spend (a required field of every template) is the one the scheme type usually takes;
 * the drop-down on the Expenditure sheet changes it.
 */
import type { SchemeTemplate } from "./types";
import type { AreaOfSpend, SchemeType } from "../vocabulary";

/** The `source.plan` that marks a template as a starter rather than a scheme from a real plan. */
export const STARTER_PLAN = "Starter template: fill in for your area";

export function isStarterTemplate(template: SchemeTemplate): boolean {
  return template.source.plan === STARTER_PLAN;
}

function starter(
  slug: string,
  name: string,
  schemeType: SchemeType,
  areaOfSpend: AreaOfSpend,
  covers: string
): SchemeTemplate {
  return {
    id: `starter-${slug}`,
    name: `${name} (starter)`,
    source: { area: "Any area", plan: STARTER_PLAN, year: "Not stated" },
    description:
      `${covers} A starter template: no seed plan has a scheme of this type, so the commissioner, ` +
      `provider, funding, outcomes and metrics are left for you to fill in.`,
    schemeType,
    areaOfSpend,
    outcomes: [],
    metrics: [],
    risks: [],
    costs: [],
    targets: [],
  };
}

export const STARTER_TEMPLATES: SchemeTemplate[] = [
  starter(
    "assistive-technology",
    "Assistive technology and equipment",
    "Assistive Technologies and Equipment",
    "Social Care",
    "Community equipment, telecare and other assistive technology that helps people live independently at home."
  ),
  starter(
    "care-act-duties",
    "Care Act duties",
    "Care Act Implementation Related Duties",
    "Social Care",
    "The council's duties under the Care Act 2014 funded through the BCF: for example assessments, safeguarding, advocacy and support for carers' assessments."
  ),
  starter(
    "dfg-adaptations",
    "Disabled Facilities Grant adaptations",
    "DFG Related Schemes",
    "Social Care",
    "Home adaptations for disabled people funded from the Disabled Facilities Grant (in two-tier areas passed to the district councils), and related housing support."
  ),
  starter(
    "personalised-care-at-home",
    "Personalised care at home",
    "Personalised Care at Home",
    "Social Care",
    "Care and support at home planned around the person: for example personal health budgets, direct payments and multidisciplinary support to remain at home."
  ),
  starter(
    "residential-placements",
    "Residential placements",
    "Residential Placements",
    "Social Care",
    "Placements in residential and nursing care homes, including short-term and discharge-to-assess beds in care homes."
  ),
];
