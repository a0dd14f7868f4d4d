import type { SchemeSource, SchemeTemplate } from "../types";

/**
 * Seed 002: NHS South Kent Coast CCG, draft Better Care Fund plan: six schemes, each with a description,
 * outcome measures and high risks. The draft gives no year and no costs; its one figure is the 60% step
 * down / 40% step up use of community beds (scheme 1) and about 3,000 care home beds (scheme 4).
 */
const SOURCE: SchemeSource = {
  area: "South Kent Coast",
  plan: "Draft BCF plan",
  year: "Not stated",
  seed: "002",
};

const PERFORMANCE_MONITORING_RISK =
  "Integrated performance monitoring of pathways needs to support the level of integration required";
const IT_RISK =
  "IT systems need to enable shared care plans between organisations and support integrated outcome measurement and monitoring";
const ORGANISATIONAL_CHANGE_RISK =
  "Large scale organisational change to ensure the whole health and social care system has shared vision and values to enable the delivery of required changes";

export const SEED_002: SchemeTemplate[] = [
  {
    id: "skc-integrated-teams-rapid-response-reablement",
    name: "Integrated teams, rapid response and reablement",
    source: SOURCE,
    description:
      "Integrated teams available 24 hours a day, seven days a week through single access points. They carry out single assessments, " +
      "give enhanced rapid response to patients at high risk of admission, provide intermediate care and rehabilitation in the community " +
      "(at home wherever possible), and coordinate support after discharge with the Neighbourhood Care Teams, primary care and the " +
      "voluntary sector. Includes an integrated intermediate care pathway with community beds used flexibly, 60% step down from hospital " +
      "and 40% step up; an integrated rehabilitation and non-weight-bearing pathway with step up and step down beds; medicines management " +
      "and consultant input; and links to the 24/7 Dementia Crisis Service.",
    schemeType: "Home-based intermediate care services",
    subType: "Rapid response, intermediate care and reablement",
    areaOfSpend: "Community Health",
    outcomes: [
      "Reduced emergency admissions",
      "Reduced A&E attendances",
      "Reduced hospital admissions and re-admissions for patients with chronic long term conditions and Dementia",
      "Improve patient experience",
      "Improve health outcomes",
      "Reduced length of stay",
      "Improved transfers of care",
      "Reduced long term placements in residential and nursing home beds",
      "Reduced need for long term supported care packages",
      "Increase patients returning to previous level of functionality in usual environment",
    ],
    metrics: [
      "Non-elective admissions",
      "Delayed transfers of care",
      "Permanent admissions to residential and nursing care",
      "Still at home 91 days after reablement",
    ],
    risks: [
      "Extensive workforce reconfiguration in the community and within secondary care to ensure the workforce has the required skills and training to deliver all elements of the scheme and 24/7 availability",
      "Flexibility of community based beds requires constant monitoring to ensure system copes with changing demand",
      PERFORMANCE_MONITORING_RISK,
      IT_RISK,
    ],
    costs: [],
    targets: [],
  },
  {
    id: "skc-neighbourhood-care-teams",
    name: "Enhance Neighbourhood Care Teams and care coordination",
    source: SOURCE,
    description:
      "Builds a team around the patient, aligned to every GP practice, that looks after the patient's overall health and wellbeing. " +
      "Teams hold multidisciplinary team meetings, give every patient a designated care coordinator, use risk profiling to care " +
      "proactively for people at high and low risk of admission, develop anticipatory care plans with the patient, bring hospital " +
      "specialists out into the community, and provide post-discharge care, some pre-admission interventions and end of life care, " +
      "coordinated through clinically supported single access points.",
    schemeType: "Integrated Care Planning and Navigation",
    subType: "Care coordination and multidisciplinary teams",
    areaOfSpend: "Community Health",
    outcomes: [
      "Reduced emergency admissions",
      "Reduced A&E attendances",
      "Improve patient experience",
      "Increase levels of patient self management of long term conditions",
      "Improve health outcomes",
      "Reduced spend on drugs",
      "Reduced duplications across the health and social care system",
      "Reduce the needs for long term placements in residential and nursing homes",
    ],
    metrics: ["Non-elective admissions", "Permanent admissions to residential and nursing care"],
    risks: [
      "Extensive workforce reconfiguration in the community and within secondary care to ensure the workforce has the required skills and training to deliver all elements of the scheme and 24/7 availability",
      "Detailed modelling required to fully understand impact on acute capacity and requirements of community capacity to inform transition over a defined period of time including investment and dis-investment requirements",
      ORGANISATIONAL_CHANGE_RISK,
      PERFORMANCE_MONITORING_RISK,
      IT_RISK,
    ],
    costs: [],
    targets: [],
  },
  {
    id: "skc-enhance-primary-care",
    name: "Enhance primary care",
    source: SOURCE,
    description:
      "Changes primary care working so that community models of care centre on GP practices: practices clustered in hubs in every " +
      "community, with open access and access to other practices in the hub, a wider health and wellbeing focus co-produced with the " +
      "public, stronger links to Neighbourhood Care Teams, the voluntary sector, specialist hospital teams and rapid response services.",
    schemeType: "Community Based Schemes",
    subType: "Integrated neighbourhood services (GP hubs)",
    areaOfSpend: "Primary Care",
    outcomes: [
      "Reduced emergency admissions",
      "Reduced A&E attendances",
      "Improve patient satisfaction and well-being",
      "Increase levels of patient self management of long term conditions",
      "Increase levels of patients with personal health budgets and integrated budgets",
      "Improve health outcomes by better use of prevention services",
    ],
    metrics: ["Non-elective admissions"],
    risks: [
      "Extensive workforce reconfiguration in the community to ensure the workforce has the required skills and training to deliver all elements of the scheme",
      "The investment required into primary care for the full benefits of this scheme to be realised falls outside the remit of the pooled budget and sits with NHS England",
      `${ORGANISATIONAL_CHANGE_RISK}; this includes ensuring the voluntary sector are aware of the direction of travel`,
      PERFORMANCE_MONITORING_RISK,
      IT_RISK,
    ],
    costs: [],
    targets: [],
  },
  {
    id: "skc-support-to-care-homes",
    name: "Enhance support to care homes",
    source: SOURCE,
    description:
      "An integrated community-based consultant geriatrician and specialist nursing team supports care homes caring for older people " +
      "with physical disabilities and dementia. The team can be referred to directly, reviews every care home discharge from hospital " +
      "and A&E so that a discharge plan is in place and known to community teams, does anticipatory care planning with patients and " +
      "carers, advises GPs and care homes, and gives access to specialist services such as Dementia Crisis.",
    schemeType: "Integrated Care Planning and Navigation",
    subType: "Enhanced health in care homes (anticipatory care)",
    areaOfSpend: "Community Health",
    outcomes: [
      "Reduced emergency admissions",
      "Reduced A&E attendances",
      "Reduce unnecessary prescribing",
      "Improve patient satisfaction through personalised care planning",
    ],
    metrics: ["Non-elective admissions"],
    risks: [
      "Workforce capacity to deliver the scheme is limited considering the large number of care home beds (approximately 3,000) in South Kent Coast",
      PERFORMANCE_MONITORING_RISK,
      IT_RISK,
      "Workforce in care homes needs support to increase skills to support more complex patients",
    ],
    costs: [],
    targets: [],
  },
  {
    id: "skc-health-social-care-housing",
    name: "Integrated health and social care housing approach",
    source: SOURCE,
    description:
      "Makes better use of existing housing options and widens the range available, under a joint health and social care " +
      "accommodation strategy, so more people live safely and independently with the right support: responsive, timely adaptations; " +
      "preventative pathways to keep people safe at home; flexible local housing schemes; more extra care housing; and more supported " +
      "accommodation for people with learning disabilities and mental health needs.",
    schemeType: "Housing Related Schemes",
    subType: "Joint accommodation strategy and adaptations",
    areaOfSpend: "Other",
    outcomes: [
      "Reduction in emergency hospital admissions",
      "Reduced A&E attendances",
      "Reduced residential care admissions",
      "Reduced care packages",
      "Increased personalisation",
      "Reduced delayed transfers of care",
      "Increased patient experience as more people maintain level of independence in their own home",
    ],
    metrics: [
      "Non-elective admissions",
      "Permanent admissions to residential and nursing care",
      "Delayed transfers of care",
    ],
    risks: [
      "Policy and legislation for housing and Disabled Facilities Grants need to support the level of integration required",
    ],
    costs: [],
    targets: [],
  },
  {
    id: "skc-falls-prevention",
    name: "Falls prevention",
    source: SOURCE,
    description:
      "A local specialist falls and fracture prevention service for older people that screens and assesses people to find and treat " +
      "the causes of falls (muscle weakness, heart problems, medication, housing). Works with the Neighbourhood Care Teams, rapid " +
      "response and intermediate care; builds integrated falls pathways with geriatrician, pharmacist, podiatry, optician and " +
      "audiology input; develops an integrated ambulance falls response service; and widens access to postural stability exercise classes.",
    schemeType: "Prevention / Early Intervention",
    subType: "Falls prevention",
    areaOfSpend: "Community Health",
    outcomes: [
      "Reduction in falls, including secondary falls",
      "Reduction in hip fractures",
      "Improve patient experience and levels of self management",
      "Reduced emergency admissions",
      "Reduced A&E attendances",
    ],
    metrics: ["Emergency admissions due to falls", "Non-elective admissions"],
    risks: [
      "Different skills and training required across multiple professionals and organisations",
      `${PERFORMANCE_MONITORING_RISK}, as it will be challenging to monitor improvements linked to falls prevention`,
      IT_RISK,
    ],
    costs: [],
    targets: [],
  },
];
