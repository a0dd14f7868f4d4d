/** The national BCF planning template's lists (scheme types, areas of spend, commissioners, providers, sources, metrics) for templates, drop-downs and checks. */

export const SCHEME_TYPES = [
  "Assistive Technologies and Equipment",
  "Care Act Implementation Related Duties",
  "Carers Services",
  "Community Based Schemes",
  "DFG Related Schemes",
  "Enablers for Integration",
  "High Impact Change Model for Managing Transfer of Care",
  "Home Care or Domiciliary Care",
  "Housing Related Schemes",
  "Integrated Care Planning and Navigation",
  "Bed based intermediate Care Services",
  "Home-based intermediate care services",
  "Urgent Community Response",
  "Personalised Budgeting and Commissioning",
  "Personalised Care at Home",
  "Prevention / Early Intervention",
  "Residential Placements",
  "Workforce recruitment and retention",
  "Other",
] as const;
export type SchemeType = (typeof SCHEME_TYPES)[number];

export const AREAS_OF_SPEND = [
  "Social Care",
  "Community Health",
  "Continuing Care",
  "Primary Care",
  "Mental Health",
  "Acute",
  "Other",
] as const;
export type AreaOfSpend = (typeof AREAS_OF_SPEND)[number];

export const COMMISSIONERS = ["Local Authority", "CCG/ICB", "NHS England", "Joint"] as const;
export type Commissioner = (typeof COMMISSIONERS)[number];

export const PROVIDERS = [
  "Local Authority",
  "Private Sector",
  "NHS Community Provider",
  "NHS Acute Provider",
  "NHS Mental Health Provider",
  "Charity / Voluntary Sector",
  "CCG/ICB",
] as const;
export type Provider = (typeof PROVIDERS)[number];

/** Income lines of a BCF plan. */
export const FUNDING_SOURCES = [
  "NHS minimum contribution",
  "iBCF",
  "DFG",
  "Winter Pressures grant",
  "Additional LA contribution",
  "Additional NHS contribution",
  "Discharge fund",
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const BCF_METRICS = [
  "Non-elective admissions",
  "Permanent admissions to residential and nursing care",
  "Still at home 91 days after reablement",
  "Delayed transfers of care",
  "Avoidable admissions",
  "Emergency admissions due to falls",
  "Discharge to usual place of residence",
] as const;
export type BcfMetric = (typeof BCF_METRICS)[number];
