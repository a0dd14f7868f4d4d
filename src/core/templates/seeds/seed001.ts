import type { SchemeSource, SchemeTemplate } from "../types";

/**
 * Seed 001: Rutland County Council and East Leicestershire and Rutland CCG, business case for the BCF
 * priority "Crisis Response, Discharge and Reablement" (10 May 2016), which combines two workstreams:
 * CRDR1 Integrated Urgent Response and CRDR2 Integrated Hospital Reablement and Transfers of Care.
 * Costs (section 5): ICR CCG posts £125,000 + RCC posts £115,000 = £240,000; HTR CCG posts £135,000 +
 * RCC posts £561,000 = £696,000; total funding £936,000, funding source "BCF".
 */
const SOURCE: SchemeSource = {
  area: "Rutland",
  plan: "BCF business case",
  year: "2016-17",
  seed: "001",
};

/** Section 4.1 key risks, which the business case states for the priority as a whole. */
const PRIORITY_RISKS = [
  "External evaluations not having sufficient evidence, due to lack of Rutland focus or lack of referrals to make data viable/statistically significant (probability high, impact medium)",
  "Failure of RCC 'Out of Hours' support to EDT (probability medium, impact high)",
  "Failure to establish robust working relationships where these are required to ensure integrated service is consistent and effective (probability medium, impact high)",
  "Wider changes affect the ability of particular partners to contribute to the BCF strategy in the way intended, e.g. the Care Act could affect the number of assessments requested (probability low, impact high)",
];

export const SEED_001: SchemeTemplate[] = [
  {
    id: "rutland-2016-icr",
    name: "Integrated Crisis Response",
    source: SOURCE,
    description:
      "Workstream CRDR1, integrated urgent response: prevents avoidable admissions to hospital or residential care by giving an " +
      "urgent response at home seven days a week. Brings together the Leicestershire Partnership NHS Trust crisis response (ICRS), " +
      "rapid response and night nursing services with Rutland County Council's crisis response and out-of-hours social care, " +
      "including an out-of-hours community care worker. Also covers an integrated care coordinator in Rutland GP surgeries for people " +
      "frequently admitted, work with Peterborough City Hospital's emergency diversion team, GP hubs, learning disability admission " +
      "avoidance, and enhanced health in care homes (training, care certification, GP links to homes).",
    schemeType: "Urgent Community Response",
    subType: "Crisis response and admission avoidance",
    areaOfSpend: "Community Health",
    commissioner: "Joint",
    provider: "NHS Community Provider",
    providerName: "Leicestershire Partnership NHS Trust (LPT) and Rutland County Council (RCC)",
    outcomes: [
      "Reduce the number of non-elective admissions to acute hospitals",
      "People diverted from acute beds",
      "LD patients diverted from Assessment & Treatment Units",
      "Reduce number of people admitted to hospital from care homes",
      "Comparable service delivery across 7 days (ASC on call, ICS and crisis response)",
      "Service user satisfaction",
    ],
    metrics: ["Non-elective admissions", "Permanent admissions to residential and nursing care"],
    risks: PRIORITY_RISKS,
    costs: [
      {
        description: "Integrated Crisis Response: CCG posts £125,000 and RCC posts £115,000",
        fundingSource: "NHS minimum contribution",
        nhs: 125000,
        council: 115000,
        total: 240000,
        year: "2016-17",
      },
    ],
    targets: [],
  },
  {
    id: "rutland-2016-htr",
    name: "Hospital Transfer & Reablement",
    source: SOURCE,
    description:
      "Workstream CRDR2, integrated hospital reablement and transfers of care: gets people home from hospital sooner and helps them " +
      "regain independence. Covers early discharge planning, an integrated multidisciplinary hospital discharge team (new LPT band 6 " +
      "nurse, phlebotomist and technical instructor; RCC hospital social workers and in-reach nurse at Peterborough City Hospital), " +
      "home first and discharge to assess with interim beds and a Pathway 3 (Reablement) project with 60 beds, trusted assessors and " +
      "a shared minimum data set, patient choice and support for self-funders, and the REACH reablement team working with the LPT " +
      "Intensive Community Support service seven days a week. REACH reports over 85% of people still at home 91 days after discharge " +
      "and about 60% needing no ongoing social care after an average of 4 weeks' reablement.",
    schemeType: "High Impact Change Model for Managing Transfer of Care",
    subType: "Home first / discharge to assess and reablement",
    areaOfSpend: "Social Care",
    commissioner: "Joint",
    provider: "Local Authority",
    providerName: "Rutland County Council (REACH) and Leicestershire Partnership NHS Trust (ICS)",
    outcomes: [
      "Proportion of 65+ year olds remaining at home 91 days after discharge from hospital",
      "Reduction in delayed transfers of care (delayed bed days) from acute hospitals",
      "Timely assessments for Continuing Health Care in the community after a period of reablement",
      "Admissions to permanent residential and care homes avoided",
      "Service user feedback/survey",
    ],
    metrics: [
      "Delayed transfers of care",
      "Still at home 91 days after reablement",
      "Permanent admissions to residential and nursing care",
      "Non-elective admissions",
    ],
    risks: PRIORITY_RISKS,
    costs: [
      {
        description: "Hospital Transfer & Reablement: CCG posts £135,000 and RCC posts £561,000",
        fundingSource: "NHS minimum contribution",
        nhs: 135000,
        council: 561000,
        total: 696000,
        year: "2016-17",
      },
    ],
    targets: [],
  },
];
