import type { SchemeSource, SchemeTemplate } from "../types";

/**
 * Seed 004: Wiltshire Better Care Plan 2017/18, Appendix 2 "Outline commissioning intentions", reviewed at
 * the February Joint Commissioning Board and the CCG Governing Body in March. Each row of the tables is a
 * template. The plan states a provider for each row but no costs and no commissioner per row, so those
 * are left for the user. Baselines and targets are kept exactly as worded, including the slips the checks
 * exist to catch: "8 patients a month / 104 patients a year" (8 × 12 = 96), "21 discharges a week /
 * 1091 discharges per annum" (21 × 52 = 1,092) and "an additional 15 discharges a month … an additional
 * 180 discharges per month" (180 is the yearly figure).
 *
 * Provider abbreviations as the plan uses them: WCC Wiltshire Council; WHC Wiltshire Health and Care
 * (community health services); AWP Avon and Wiltshire Mental Health Partnership NHS Trust; Medvivo (runs
 * Access to Care and Urgent Care at Home); UCAH Urgent Care at Home; ICT intermediate care beds;
 * HTLAH Help to Live at Home.
 */
const SOURCE: SchemeSource = {
  area: "Wiltshire",
  plan: "Better Care Plan commissioning intentions",
  year: "2017-18",
  seed: "004",
};

export const SEED_004: SchemeTemplate[] = [
  // Intermediate care services (bed based and non-bed based): maintaining independence and integrated teams.
  {
    id: "wiltshire-2017-intermediate-care",
    name: "County-wide intermediate care services (70 beds)",
    source: SOURCE,
    description:
      "County-wide intermediate care, step up and step down, that enables proactive discharge from Wiltshire's three acute hospitals " +
      "and integrated case management, using 70 beds.",
    schemeType: "Bed based intermediate Care Services",
    subType: "Step up and step down beds",
    areaOfSpend: "Community Health",
    provider: "NHS Community Provider",
    providerName: "WCC/WHC",
    outcomes: [
      "Admissions to intermediate care: 50 a month (600 a year) rising to 60 a month (720 a year)",
    ],
    metrics: ["Delayed transfers of care", "Non-elective admissions"],
    risks: [],
    costs: [],
    targets: [
      {
        measure: "Admissions to intermediate care",
        baselinePerMonth: 50,
        baselinePerYear: 600,
        targetPerMonth: 60,
        targetPerYear: 720,
        statedFigures: [
          { kind: "baseline", value: 50, per: "month", wording: "50 admissions per month" },
          { kind: "baseline", value: 600, per: "year", wording: "600 admissions per annum" },
          { kind: "target", value: 60, per: "month", wording: "60 admissions a month" },
          { kind: "target", value: 720, per: "year", wording: "720 admissions per annum" },
        ],
      },
    ],
  },
  {
    id: "wiltshire-2017-integrated-teams",
    name: "Expanding integrated community teams",
    source: SOURCE,
    description:
      "Expands the role of integrated teams (co-located health and social care staff) in systematic, targeted case-finding, managing " +
      "high-risk patients, supporting discharge from acute hospitals, working with intermediate care homes on trusted assessment, and " +
      "joint training with each intermediate care provider.",
    schemeType: "Integrated Care Planning and Navigation",
    subType: "Integrated multidisciplinary teams",
    areaOfSpend: "Community Health",
    provider: "NHS Community Provider",
    providerName: "WHC/GPs",
    outcomes: [
      "Systematic, targeted case-finding",
      "Management of high risk patients",
      "Supporting discharge from acute hospitals",
      "Trusted assessment models with intermediate care homes",
    ],
    metrics: ["Non-elective admissions", "Delayed transfers of care"],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "wiltshire-2017-keyworker-care-coordinators",
    name: "Keyworker and care coordinators",
    source: SOURCE,
    description:
      "An identified keyworker acts as case manager and coordinator of care across the system. All GP practices have care coordinators, " +
      "though roles vary across the county; they are to be aligned with Wiltshire's discharge management strategy.",
    schemeType: "Integrated Care Planning and Navigation",
    subType: "Care coordination",
    areaOfSpend: "Primary Care",
    providerName: "GPs",
    outcomes: ["Care coordinator roles aligned with the discharge management strategy"],
    metrics: ["Non-elective admissions"],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "wiltshire-2017-rehabilitation-reablement",
    name: "Step up and step down rehabilitation and reablement",
    source: SOURCE,
    description:
      "Adequate, flexible step up and step down rehabilitation and reablement, at home and in beds, with enough capacity and " +
      "responsiveness for everyone who might benefit (continued approach). Delivered through 70 ICT beds, community integrated teams " +
      "(including Help to Live at Home) and rehab support workers; its figures are those of the rows for those services.",
    schemeType: "Home-based intermediate care services",
    subType: "Rehabilitation and reablement",
    areaOfSpend: "Community Health",
    provider: "NHS Community Provider",
    providerName: "WHC",
    outcomes: ["Capacity and responsiveness to meet the needs of everyone who might benefit"],
    metrics: ["Still at home 91 days after reablement", "Delayed transfers of care"],
    risks: [],
    costs: [],
    targets: [],
  },
  // Good discharge planning and post-discharge support.
  {
    id: "wiltshire-2017-rehab-support-workers",
    name: "Rehab support workers programme",
    source: SOURCE,
    description:
      "Full roll-out from 1 April 2017 of the Wiltshire-wide rehab support workers programme: 30 additional rehab support workers " +
      "across the system to support discharge.",
    schemeType: "Home-based intermediate care services",
    subType: "Rehabilitation support workers",
    areaOfSpend: "Community Health",
    provider: "NHS Community Provider",
    providerName: "WHC/Acute Trusts",
    outcomes: ["Discharges supported: 21 a week, 1091 a year"],
    metrics: ["Delayed transfers of care"],
    risks: [],
    costs: [],
    targets: [
      {
        measure: "Discharges supported by rehab support workers",
        targetPerWeek: 21,
        targetPerYear: 1091,
        note: "Baseline: full scheme roll out from 1st April 2017. Target as stated: 21 discharges a week, 1091 discharges per annum",
        statedFigures: [
          { kind: "target", value: 21, per: "week", wording: "21 discharges a week" },
          { kind: "target", value: 1091, per: "year", wording: "1091 discharges per annum" },
        ],
      },
    ],
  },
  {
    id: "wiltshire-2017-integrated-discharge-teams",
    name: "Integrated discharge teams at the acute hospitals",
    source: SOURCE,
    description:
      "Continued delivery of integrated discharge teams and processes at each of the three acute hospitals in Wiltshire.",
    schemeType: "High Impact Change Model for Managing Transfer of Care",
    subType: "Multi-disciplinary/multi-agency discharge teams",
    areaOfSpend: "Acute",
    providerName: "System wide",
    outcomes: ["Core business levels at circa 1200 discharges per annum from the acute trusts"],
    metrics: ["Delayed transfers of care"],
    risks: [],
    costs: [],
    targets: [
      {
        measure: "Discharges from the acute trusts",
        targetPerYear: 1200,
        note: "Baseline TBC. Target as stated: core business levels at circa 1200 discharges per annum",
        statedFigures: [
          { kind: "target", value: 1200, per: "year", wording: "circa 1200 discharges per annum" },
        ],
      },
    ],
  },
  {
    id: "wiltshire-2017-bridging-support",
    name: "Additional bridging care support",
    source: SOURCE,
    description:
      "Building on the urgent care model, additional domiciliary care bridging support across the system while general care provision " +
      "improves: the aim is 6 additional care shifts across a 24/7 period.",
    schemeType: "Home Care or Domiciliary Care",
    subType: "Bridging care",
    areaOfSpend: "Social Care",
    provider: "Private Sector",
    providerName: "Medvivo and acute trusts",
    outcomes: ["6 additional care shifts across a 24/7 period"],
    metrics: ["Delayed transfers of care"],
    risks: ["Pending the improvements in general care provision"],
    costs: [],
    targets: [],
  },
  {
    id: "wiltshire-2017-intermediate-care-beds",
    name: "Continued commissioning of 70 intermediate care beds",
    source: SOURCE,
    description:
      "Continued commissioning of 70 intermediate care beds across the system to support discharge planning and rapid access to " +
      "reablement and rehabilitation in the community. The plan refers to the intermediate care figures above (50 → 60 admissions a month).",
    schemeType: "Bed based intermediate Care Services",
    subType: "Step down beds",
    areaOfSpend: "Community Health",
    provider: "NHS Community Provider",
    providerName: "WHC/WCC",
    outcomes: ["Rapid access to reablement and rehabilitation in the community"],
    metrics: ["Delayed transfers of care"],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "wiltshire-2017-community-bed-flow",
    name: "Flow and length of stay in community beds",
    source: SOURCE,
    description:
      "Improves flow and reduces length of stay in community hospital beds and ICT beds by reviewing staffing models, aligning Help to " +
      "Live at Home support, relaunching service action plans and holding twice-weekly escalation and performance calls. Currently " +
      "being scoped.",
    schemeType: "Bed based intermediate Care Services",
    subType: "Community hospital flow",
    areaOfSpend: "Community Health",
    provider: "NHS Community Provider",
    providerName: "WHC",
    outcomes: ["An additional 15 discharges a month from community hospital beds"],
    metrics: ["Delayed transfers of care"],
    risks: [],
    costs: [],
    targets: [
      {
        measure: "Additional discharges from community hospital beds",
        targetPerMonth: 15,
        note:
          'Baseline: currently in scoping stage. As stated: "an additional 15 discharges a month from CH beds. This will provide an ' +
          'additional 180 discharges per month over and above current levels"',
        statedFigures: [
          {
            kind: "target",
            value: 15,
            per: "month",
            wording: "an additional 15 discharges a month from CH beds",
          },
          {
            kind: "target",
            value: 180,
            per: "month",
            wording: "an additional 180 discharges per month over and above current levels",
          },
        ],
      },
    ],
  },
  // Crisis management and admission avoidance.
  {
    id: "wiltshire-2017-urgent-care-at-home",
    name: "Urgent care at home",
    source: SOURCE,
    description:
      "Continued commissioning of Urgent Care at Home through Access to Care, underpinned by additional domiciliary care bridging to " +
      "support demand and increase discharges, with an explicit target to return to 2015/16 performance of circa 80 cases a month.",
    schemeType: "Urgent Community Response",
    subType: "Urgent care at home",
    areaOfSpend: "Community Health",
    provider: "Private Sector",
    providerName: "Medvivo/WHC/Acute Trusts",
    outcomes: ["Cases: 65 a month (780 a year) rising to 80 a month (960 a year)"],
    metrics: ["Non-elective admissions"],
    risks: [],
    costs: [],
    targets: [
      {
        measure: "Urgent care at home cases",
        baselinePerMonth: 65,
        baselinePerYear: 780,
        targetPerMonth: 80,
        targetPerYear: 960,
        statedFigures: [
          { kind: "baseline", value: 65, per: "month", wording: "65 cases per month" },
          { kind: "baseline", value: 780, per: "year", wording: "780 cases per annum" },
          { kind: "target", value: 80, per: "month", wording: "80 cases per month" },
          { kind: "target", value: 960, per: "year", wording: "960 cases per annum" },
        ],
      },
    ],
  },
  {
    id: "wiltshire-2017-step-up-community-hospitals",
    name: "Step up intermediate care in community hospitals",
    source: SOURCE,
    description:
      "Phase 1: continue the existing community hospital step up pathway in Warminster and Savernake (15 beds), underpinned by a clear " +
      "system strategy for step up. Phase 2: Wiltshire Health and Care has committed in its contract to convert 50% of community " +
      "hospital bed capacity to step up, starting during 2017/18.",
    schemeType: "Bed based intermediate Care Services",
    subType: "Step up beds (community hospital)",
    areaOfSpend: "Community Health",
    provider: "NHS Community Provider",
    providerName: "WHC",
    outcomes: ["Step up patients: 15 a month (180 a year) rising to 25 a month (300 a year)"],
    metrics: ["Non-elective admissions"],
    risks: [],
    costs: [],
    targets: [
      {
        measure: "Step up patients (community hospitals)",
        baselinePerMonth: 15,
        baselinePerYear: 180,
        targetPerMonth: 25,
        targetPerYear: 300,
        statedFigures: [
          { kind: "baseline", value: 15, per: "month", wording: "15 patients per month" },
          { kind: "baseline", value: 180, per: "year", wording: "180 patients per annum" },
          { kind: "target", value: 25, per: "month", wording: "25 patients Per month" },
          { kind: "target", value: 300, per: "year", wording: "300 patients per annum" },
        ],
      },
    ],
  },
  {
    id: "wiltshire-2017-step-up-south-care-home",
    name: "Step up intermediate care in South Wiltshire (care home based)",
    source: SOURCE,
    description:
      "With few community hospital beds in the south, 10 step up beds are commissioned through a care home provider; this continues in " +
      "2017/18 with a new provider and a GP-led delivery model.",
    schemeType: "Bed based intermediate Care Services",
    subType: "Step up beds (care home)",
    areaOfSpend: "Community Health",
    provider: "NHS Community Provider",
    providerName: "WHC/GPs",
    outcomes: ["Step up patients: 8 a month (104 a year) rising to 12 a month (144 a year)"],
    metrics: ["Non-elective admissions"],
    risks: [],
    costs: [],
    targets: [
      {
        measure: "Step up patients (South Wiltshire care home beds)",
        baselinePerMonth: 8,
        baselinePerYear: 104,
        targetPerMonth: 12,
        targetPerYear: 144,
        statedFigures: [
          { kind: "baseline", value: 8, per: "month", wording: "8 patients a month" },
          { kind: "baseline", value: 104, per: "year", wording: "104 patients a year" },
          { kind: "target", value: 12, per: "month", wording: "12 patients a month" },
          { kind: "target", value: 144, per: "year", wording: "144 patients a year" },
        ],
      },
    ],
  },
  {
    id: "wiltshire-2017-care-at-the-interface",
    name: "Enhancing care at the interface",
    source: SOURCE,
    description:
      "Continues to resource admission avoidance and discharge planning pathways at each acute hospital, building on the Access to Care " +
      "model with hospital clinical leadership; strengthens AWP dementia in-reach for the care home liaison programme; links to the " +
      "frailty hub programme of Wiltshire Health and Care. Targets still to be scoped with AWP and Wiltshire Health and Care.",
    schemeType: "Integrated Care Planning and Navigation",
    subType: "Admission avoidance and discharge planning at the acute interface",
    areaOfSpend: "Acute",
    providerName: "AWP/WHC/3 acute trusts",
    outcomes: ["Target to be scoped with AWP and Wiltshire Health and Care"],
    metrics: ["Non-elective admissions", "Delayed transfers of care"],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "wiltshire-2017-high-intensity-care",
    name: "Community geriatrics and the Wiltshire High Intensity Care programme",
    source: SOURCE,
    description:
      "Community geriatrician coverage across Wiltshire linked more formally with community teams, admission avoidance consistent across " +
      "seven days, robust interface care with each acute hospital, and roll-out of the High Intensity Care programme led by Wiltshire " +
      "Health and Care: step up care in the patient's home, acute geriatric pathways in the community, a frailty hub approach at " +
      "community hospitals and an integrated team approach. Baseline and target to be agreed with WHC.",
    schemeType: "Community Based Schemes",
    subType: "Multidisciplinary teams (community geriatrics)",
    areaOfSpend: "Community Health",
    provider: "NHS Community Provider",
    providerName: "WHC/3 acute trusts",
    outcomes: ["Baseline and target need to be agreed with WHC"],
    metrics: ["Non-elective admissions"],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "wiltshire-2017-palliative-care",
    name: "Equitable access to specialist palliative care for frail older people",
    source: SOURCE,
    description:
      "30% of hospital non-elective admissions are for patients with a life-limiting diagnosis. Improves identification of patients with " +
      "less than 12 months to live, implements treatment escalation plans, reshapes the community end of life team towards proactive case " +
      "management, continues the 72-hour end of life pathway and reviews the role of hospices.",
    schemeType: "Community Based Schemes",
    subType: "End of life care",
    areaOfSpend: "Community Health",
    provider: "Charity / Voluntary Sector",
    providerName: "Dorothy House Hospice and Salisbury Hospice",
    outcomes: ["Cases: 10 a month (120 a year) rising to 16 a month (192 a year)"],
    metrics: ["Non-elective admissions"],
    risks: [],
    costs: [],
    targets: [
      {
        measure: "Specialist palliative care cases",
        baselinePerMonth: 10,
        baselinePerYear: 120,
        targetPerMonth: 16,
        targetPerYear: 192,
        statedFigures: [
          { kind: "baseline", value: 10, per: "month", wording: "10 cases per month" },
          { kind: "baseline", value: 120, per: "year", wording: "120 cases per annum" },
          { kind: "target", value: 16, per: "month", wording: "16 cases per month" },
          { kind: "target", value: 192, per: "year", wording: "192 cases per annum" },
        ],
      },
    ],
  },
  {
    id: "wiltshire-2017-single-point-of-access",
    name: "Single point of access",
    source: SOURCE,
    description:
      "A single point of access (continued) to community services to manage a crisis at home, with specialist opinion and diagnostics. " +
      "Activity is counted as part of Urgent Care at Home.",
    schemeType: "Integrated Care Planning and Navigation",
    subType: "Single point of access",
    areaOfSpend: "Community Health",
    provider: "Private Sector",
    providerName: "Medvivo/3 acute trusts and WHC",
    outcomes: ["Counted as part of Urgent Care at Home"],
    metrics: ["Non-elective admissions"],
    risks: [],
    costs: [],
    targets: [],
  },
  // Prevention and early intervention.
  {
    id: "wiltshire-2017-prevention",
    name: "Prevention across the older person's pathway",
    source: SOURCE,
    description:
      "A preventative approach at every stage of an older person's care. Priorities for 2017/18: implement the Older Persons Review, " +
      "the falls strategy and action plan (Bones Health Group), signposting, navigation and the Information Portal with the voluntary " +
      "sector and Healthwatch, educating patients about service changes, and deciding whether to roll out the fracture liaison service " +
      "at SFT across Wiltshire after its pilot ends in November 2017.",
    schemeType: "Prevention / Early Intervention",
    subType: "Falls prevention and information",
    areaOfSpend: "Social Care",
    provider: "Local Authority",
    providerName: "WCC",
    outcomes: ["Falls strategy and action plan implemented", "Information Portal rolled out"],
    metrics: ["Emergency admissions due to falls", "Non-elective admissions"],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "wiltshire-2017-workforce-development",
    name: "Workforce development for care homes",
    source: SOURCE,
    description:
      "Clinical training for care home staff, registered and non-registered learning together on site as part of a quality improvement " +
      "programme (continued approach), delivered through the Wiltshire Workforce Strategy.",
    schemeType: "Workforce recruitment and retention",
    subType: "Care home staff training",
    areaOfSpend: "Social Care",
    providerName: "Whole system",
    outcomes: ["Adequate clinical training for care home staff"],
    metrics: ["Non-elective admissions"],
    risks: [],
    costs: [],
    targets: [],
  },
  // Supporting core social services and integration.
  {
    id: "wiltshire-2017-shared-assessments",
    name: "Shared assessments",
    source: SOURCE,
    description:
      "Shared assessment frameworks across health and social care leading to a personalised care plan for everyone, with the person and " +
      "their carers key participants in every decision.",
    schemeType: "Integrated Care Planning and Navigation",
    subType: "Joint assessment",
    areaOfSpend: "Social Care",
    provider: "Local Authority",
    providerName: "WCC",
    outcomes: ["A personalised care plan for everyone"],
    metrics: [],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "wiltshire-2017-integration-of-information",
    name: "Integration of information (Single View of the Customer)",
    source: SOURCE,
    description:
      "Continued development of the Single View of the Customer across Wiltshire in 2017/18 so that adequate, timely information is " +
      "shared whenever care transfers between people and services.",
    schemeType: "Enablers for Integration",
    subType: "Data integration",
    areaOfSpend: "Other",
    provider: "Local Authority",
    providerName: "WCC",
    outcomes: ["Timely information shared at every transfer of care"],
    metrics: ["Delayed transfers of care"],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "wiltshire-2017-carers-support",
    name: "Carers support",
    source: SOURCE,
    description:
      "Carers are offered an independent assessment and signposted to support, including an information portal with a self-assessment " +
      "tool; practices keep carers' registers through integrated teams; and commissioned voluntary sector services are used to the full.",
    schemeType: "Carers Services",
    subType: "Carer assessments and information",
    areaOfSpend: "Social Care",
    provider: "Local Authority",
    providerName: "WCC",
    outcomes: [
      "Carers offered an independent assessment",
      "Carers' registers held by GP practices",
    ],
    metrics: [],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "wiltshire-2017-personalised-commissioning",
    name: "Personalised commissioning",
    source: SOURCE,
    description:
      "Expands personal budgets and the personalisation agenda, linking with voluntary sector organisations, and accelerates the " +
      "roll-out of personal health budgets during 2017/18.",
    schemeType: "Personalised Budgeting and Commissioning",
    subType: "Personal budgets and personal health budgets",
    areaOfSpend: "Social Care",
    provider: "Local Authority",
    providerName: "WCC",
    outcomes: ["Roll out of personal health budgets accelerated"],
    metrics: [],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "wiltshire-2017-dementia-services",
    name: "Dementia services",
    source: SOURCE,
    description:
      "A comprehensive, accessible dementia service targeting gaps in care with a more community-focused, crisis intervention model: care " +
      "home liaison, focused support to AWP on discharge planning and acute in-reach for dementia; once diagnosed, patients move to the " +
      "right service for ongoing care and case management.",
    schemeType: "Community Based Schemes",
    subType: "Dementia support",
    areaOfSpend: "Mental Health",
    provider: "NHS Mental Health Provider",
    providerName: "AWP",
    outcomes: ["Diagnosed patients moved to appropriate service for ongoing care and management"],
    metrics: ["Non-elective admissions", "Delayed transfers of care"],
    risks: [],
    costs: [],
    targets: [],
  },
];
