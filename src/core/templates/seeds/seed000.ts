import type { SchemeSource, SchemeTemplate } from "../types";

/**
 * Seed 000: "Appendix 1, Proposed Section 256 Schemes". The appendix names neither the area nor the year.
 * Its cost column lists £340,000, £140,000, £290,000, £180,000, £135,000 and £1,600,000 (total £2,685,000);
 * the text extraction separates figures from rows, so each scheme takes the figure in the order the
 * schemes appear (1 to 6), which is also the only order that keeps every scheme costed once.
 * Section 256 money is NHS money passed to the council, but the appendix gives no NHS/council split per
 * scheme, so the cost lines carry the total only.
 */
const SOURCE: SchemeSource = {
  area: "Area not named",
  plan: "Proposed Section 256 schemes",
  year: "Not stated",
  seed: "000",
};

const FUNDING = "NHS minimum contribution" as const;

export const SEED_000: SchemeTemplate[] = [
  {
    id: "s256-non-bed-based-care",
    name: "Increasing reliance on non-bed based care",
    source: SOURCE,
    description:
      "Adds capacity to the intermediate care service so that more care is given in the community rather than in beds. " +
      "Works closely with private providers to shorten stays in acute and community hospitals, reduce dependence on bed-based care, " +
      "keep cutting permanent admissions to care homes and help people stay in their own homes and active in their communities.",
    schemeType: "Home-based intermediate care services",
    subType: "Intermediate care capacity (non-bed based)",
    areaOfSpend: "Social Care",
    outcomes: [
      "Increase clients supported within their own home",
      "Reduction in long term dom care services",
      "Reduce I/C crisis or respite care required",
      "Support shorter LOS at DGH & CHs",
      "Reduce ambulatory care admissions",
      "Reduce delayed discharges from DGH & CHs",
      "Reduce re-admissions within 30 days",
      "Help avoid emergency admissions",
      "Improve mobility & confidence thus reducing falls",
    ],
    metrics: [
      "Non-elective admissions",
      "Permanent admissions to residential and nursing care",
      "Delayed transfers of care",
      "Emergency admissions due to falls",
    ],
    risks: [],
    costs: [
      {
        description: "Section 256 transfer: additional intermediate care capacity",
        fundingSource: FUNDING,
        total: 340000,
      },
    ],
    targets: [],
  },
  {
    id: "s256-assessment-redesign",
    name: "Redesign of client/patient assessment and reassessment processes",
    source: SOURCE,
    description:
      "Gives frontline teams capacity to match assessment and reassessment to each client's complexity and to write " +
      "outcome-focused care and support plans, so needs are met and people are discharged on time. Closer working between " +
      "multidisciplinary teams and care agencies, with more regular reassessment, lets packages of care be tailored and reduced where possible.",
    schemeType: "Integrated Care Planning and Navigation",
    subType: "Assessment and review",
    areaOfSpend: "Social Care",
    outcomes: [
      "Improved case management",
      "Revised review policy adopted based on proportionality and stratifying users' needs",
      "Development of outcome focused contracts with dom care providers",
      "Closer working relationships between IC/Reablement teams and dom care providers",
      "Clients receiving IC/rehab services x3 p/a",
      "Ave hours per week of dom care reduces by XX%",
      "Reduced need of small POC as alternatives found",
    ],
    metrics: [],
    risks: [],
    costs: [
      {
        description: "Section 256 transfer: assessment and reassessment capacity",
        fundingSource: FUNDING,
        total: 140000,
      },
    ],
    targets: [],
  },
  {
    id: "s256-intensive-reablement",
    name: "Intensive reablement service for clients with low level needs",
    source: SOURCE,
    description:
      "Time-limited, intensive reablement for clients with low level needs (under 4 hours of care a week) and, first of all, " +
      "people discharged after a hospital stay. It aims to restore confidence and mobility so people no longer depend on others " +
      "for their care, reduce isolation, and free resources for clients with higher needs.",
    schemeType: "Home-based intermediate care services",
    subType: "Reablement at home",
    areaOfSpend: "Social Care",
    outcomes: [
      "No. clients assisted following hospital discharge",
      "No. clients assisted with low level needs",
      "No. clients 'discharged' within 6 wks & 12 wks",
      "Reduction in dom care funding achieved",
      "Client satisfaction survey results (develop a PROM or perform 1:1 interviews)",
    ],
    metrics: ["Still at home 91 days after reablement"],
    risks: [],
    costs: [
      {
        description: "Section 256 transfer: intensive reablement service",
        fundingSource: FUNDING,
        total: 290000,
      },
    ],
    targets: [],
  },
  {
    id: "s256-quality-of-care-provision",
    name: "Ensuring high quality care provision",
    source: SOURCE,
    description:
      "Additional staff work closely with care homes and domiciliary care providers to share skills, training and best practice, " +
      "raise the quality of care and the complexity of patients homes can care for, and spot problems earlier through a quality " +
      "assurance process, so fewer whole-home safeguarding investigations are needed. Care homes are relied on more for temporary " +
      "placements (crisis, intermediate care, end of life, respite) while permanent placements are minimised.",
    schemeType: "Enablers for Integration",
    subType: "Care home and domiciliary care workforce development",
    areaOfSpend: "Social Care",
    outcomes: [
      "Reduce emergency admissions from care homes including EOL & re-admissions within 30 days",
      "Decrease % of patients dying within DGH",
      "Support shorter LOS at DGH & community hospitals",
      "Reduce time required to manage whole home investigations",
      "Improve mobility & confidence of clients thus reducing falls",
      "Increase number of homes with good/excellent quality assurance rating (internal process not CQC)",
    ],
    metrics: ["Non-elective admissions", "Emergency admissions due to falls"],
    risks: [],
    costs: [
      {
        description: "Section 256 transfer: care quality staff",
        fundingSource: FUNDING,
        total: 180000,
      },
    ],
    targets: [],
  },
  {
    id: "s256-commissioning-responsiveness",
    name: "Enhancing our ability to actively respond to commissioning requirements",
    source: SOURCE,
    description:
      "Designs new ways of working that raise productivity so rising demand can be met with fewer resources, using new technology " +
      "where it helps. Simplifies systems and maps key business processes to improve outcomes, recording of client information, " +
      "staff productivity, workflow and performance reporting, including the community information data set (CIDS).",
    schemeType: "Enablers for Integration",
    subType: "Data integration and business processes",
    areaOfSpend: "Social Care",
    outcomes: [
      "Key business processes mapped",
      "Standard operating procedures developed",
      "Ability to differentiate and report on client complexity levels",
      "Ability to report on client outcomes",
      "Development of workflow/case management",
      "Increased ability to implement CIDS (community information data set)",
    ],
    metrics: [],
    risks: [],
    costs: [
      {
        description: "Section 256 transfer: systems and process redesign",
        fundingSource: FUNDING,
        total: 135000,
      },
    ],
    targets: [],
  },
  {
    id: "s256-system-wide-integration",
    name: "Investing in system wide integration",
    source: SOURCE,
    description:
      "Supports existing adult social care commitments that also give health benefits. The largest line of the appendix, whose " +
      "schemes total £2,685,000.",
    schemeType: "Other",
    subType: "Protecting adult social care",
    areaOfSpend: "Social Care",
    outcomes: ["Existing adult social care commitments maintained for their health benefits"],
    metrics: [],
    risks: [],
    costs: [
      {
        description: "Section 256 transfer: existing adult social care commitments",
        fundingSource: FUNDING,
        total: 1600000,
      },
    ],
    targets: [],
  },
];
