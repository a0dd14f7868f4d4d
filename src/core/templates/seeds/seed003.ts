import type { SchemeSource, SchemeTemplate } from "../types";

/**
 * Seed 003: Coventry City Council and Coventry and Rugby CCG (CRCCG), Appendix One "iBCF programme plan":
 * six schemes funded from the improved Better Care Fund over the two years of the 2017-19 BCF plan.
 * Only two £ figures belong to a scheme: CRCCG's £750k of short-term discharge to assess capacity from
 * 2016/17 (scheme three) and about £570k a year of additional cost for Community Promoting Independence
 * (scheme four). Metrics the plan names outside the national BCF list (ASCOF 2d, DToC % of occupied beds,
 * re-admissions) are kept in the outcomes.
 */
const SOURCE: SchemeSource = {
  area: "Coventry",
  plan: "iBCF programme plan",
  year: "2017-19",
  seed: "003",
};

export const SEED_003: SchemeTemplate[] = [
  {
    id: "coventry-2017-targeted-prevention",
    name: "Targeted prevention",
    source: SOURCE,
    description:
      "Reduces demand on health and social care by intervening early, in step with the STP's Proactive and Preventative workstream. " +
      "Four areas: reducing isolation and loneliness in older people (building on a 2016/17 pilot with Age UK and Hope Coventry); " +
      "building resilience against mental ill health, including social prescribing and online support; non-clinical help that lets " +
      "people return home from hospital (for example a deep clean of the home or help settling back in); and supporting healthier " +
      "choices (diet and hydration, strength and balance, warm homes, smoking, flu vaccination), including training for domiciliary care workers.",
    schemeType: "Prevention / Early Intervention",
    subType: "Social prescribing, isolation and healthy lifestyles",
    areaOfSpend: "Social Care",
    providerName: "Age UK and Hope Coventry (2016/17 pilot)",
    provider: "Charity / Voluntary Sector",
    outcomes: [
      "Improved range of health outcomes",
      "People encouraged to improve their lifestyle behaviours and live healthier lives",
      "Promote and enable independence, choice and control in the population",
      "Help improve the quality of life of older people",
      "Preventing / delaying re-entry to health and social care system",
      "Reducing isolation and loneliness",
      "People having stronger support networks",
    ],
    metrics: [
      "Non-elective admissions",
      "Still at home 91 days after reablement",
      "Delayed transfers of care",
      "Permanent admissions to residential and nursing care",
    ],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "coventry-2017-whole-system-flow",
    name: "Improving whole system flow",
    source: SOURCE,
    description:
      "A system-wide change project, led by CRCCG with all key partners, to improve how people move through health and care from " +
      "before admission to discharge, tackling rising A&E attendances and waits, emergency admissions to University Hospital and high " +
      "delayed discharge. Scope and specification were still being drawn up; external expertise may be procured or capacity found " +
      "within partners. Linked to the A&E Delivery Board and the STP urgent care workstream.",
    schemeType: "High Impact Change Model for Managing Transfer of Care",
    subType: "Systems to monitor patient flow",
    areaOfSpend: "Acute",
    commissioner: "CCG/ICB",
    outcomes: [
      "Improved work processes and culture",
      "Improved patient flow through the whole health and social care system",
      "Improved service delivery",
      "Enhanced quality of patient care",
    ],
    metrics: [
      "Non-elective admissions",
      "Still at home 91 days after reablement",
      "Delayed transfers of care",
      "Permanent admissions to residential and nursing care",
    ],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "coventry-2017-discharge-support",
    name: "Discharge support (discharge to assess)",
    source: SOURCE,
    description:
      "Keeps discharge to assess (D2A, locally 'Short Term Support to Maximise Independence') capacity at its increased level and adds " +
      "winter capacity. Pathway 1, home-based support: 1750 hours a week rising to 1,995 a week by the end of July 2017, plus 100 hours a " +
      "week of specialist dementia D2A. Pathway 2, bed-based support: 48 care home places and 35 places in housing with care (83 STSMI " +
      "bed places; 1850 block-funded home support hours in all). Occupancy in May 2017 was 90-100%. The figures include CRCCG's £750k of " +
      "short-term additional capacity from 2016/17; losing it would mean about 430 hours a week of home support and 12 residential care " +
      "home places a week fewer.",
    schemeType: "High Impact Change Model for Managing Transfer of Care",
    subType: "Home first / discharge to assess",
    areaOfSpend: "Social Care",
    commissioner: "Local Authority",
    outcomes: [
      "Reduced delays",
      "Speeds up hospital discharge times",
      "Helps improve outcomes for older people",
      "Improved discharge planning",
      "Better patient flow",
      "DToC % of occupied beds",
      "Sequel to short term service (ASCOF 2d)",
    ],
    metrics: ["Delayed transfers of care", "Still at home 91 days after reablement"],
    risks: [
      "CRCCG's additional funding was time limited while demand has not abated: if capacity reduces, delayed transfers of care are likely to increase (about 430 hours a week of home support and 12 residential care home places a week)",
      "Some resources identified to increase short term home support hours in 2017/18 are no longer available",
    ],
    costs: [
      {
        description:
          "CRCCG funding of additional D2A capacity on a short term basis, begun in 2016/17 (£750k)",
        fundingSource: "Additional NHS contribution",
        nhs: 750000,
        total: 750000,
        year: "2016-17",
      },
    ],
    targets: [
      {
        measure: "Pathway 1 home support hours",
        baselinePerWeek: 1750,
        targetPerWeek: 1995,
        note: "1750 hours per week rising to 1,995 per week by the end of July 2017",
        statedFigures: [
          { kind: "baseline", value: 1750, per: "week", wording: "1750 hours per week" },
          {
            kind: "target",
            value: 1995,
            per: "week",
            wording: "rising to 1,995 per week by the end of July 2017",
          },
        ],
      },
      {
        measure: "Specialist dementia discharge to assess hours",
        baselinePerWeek: 100,
        note: '100 hours a week specialist dementia "Discharge to assess"',
        statedFigures: [{ kind: "baseline", value: 100, per: "week", wording: "100 hours a week" }],
      },
    ],
  },
  {
    id: "coventry-2017-community-promoting-independence",
    name: "Community Promoting Independence",
    source: SOURCE,
    description:
      "A short-term reablement service for people who come to adult social care from the community rather than from hospital, across " +
      "all service user groups (older people, people with physical impairments or learning disabilities). Only the additional staffing " +
      "(social work, therapy and team leader oversight) is sought from the iBCF, about £570k a year; a 10% success rate in people not " +
      "needing ongoing support would almost cover the cost. The plan gives the average number of people starting long-term support " +
      "from the community without a short-term service (February 2016 to February 2017) as approximately 1150 per week.",
    schemeType: "Home-based intermediate care services",
    subType: "Reablement for community referrals",
    areaOfSpend: "Social Care",
    commissioner: "Local Authority",
    provider: "Local Authority",
    providerName: "Coventry City Council Adult Social Care",
    outcomes: [
      "Timely and appropriate interventions",
      "Helps improve outcomes and quality of life",
      "Promote and enable independence, choice and control",
      "More care and more support provided in people's own homes/the community",
      "Supporting long term financial sustainability of Adult Social Care",
      "Sequel to short term service (ASCOF 2d)",
      "Re-admissions to hospital",
    ],
    metrics: [
      "Still at home 91 days after reablement",
      "Permanent admissions to residential and nursing care",
    ],
    risks: [
      "Support needs of people coming from the community are not directly comparable to those discharged from hospital, so the 50% reduction seen after hospital reablement is unlikely",
    ],
    costs: [
      {
        description:
          "Additional social work, therapy and team leader capacity (approximately £570k per annum)",
        fundingSource: "iBCF",
        total: 570000,
      },
    ],
    targets: [
      {
        measure:
          "People commencing a long-term support package from the community without a short-term service",
        baselinePerWeek: 1150,
        note: "As stated: average per week over the 12 months between February 2016 and February 2017 was approximately 1150",
        statedFigures: [
          {
            kind: "baseline",
            value: 1150,
            per: "week",
            wording: "average number ... per week ... was approximately 1150",
          },
        ],
      },
    ],
  },
  {
    id: "coventry-2017-integrated-commissioning",
    name: "Integrated commissioning",
    source: SOURCE,
    description:
      "Embeds a collaborative approach to commissioning between the City Council and CRCCG over the two years of the plan, to manage " +
      "demand, capacity and market risk by pooling capacity and expertise. Recruits 2.5 FTE posts working across both organisations to " +
      "support the BCF programme workstreams and the integration of commissioning functions.",
    schemeType: "Enablers for Integration",
    subType: "Joint commissioning infrastructure",
    areaOfSpend: "Other",
    commissioner: "Joint",
    outcomes: [
      "Effective management and coordination of limited resources",
      "Better management of risks, issues and changes",
      "Improved management of project interdependencies",
      "Enhanced stakeholder engagement",
      "Strengthened relationships",
      "Work streams delivered to plan",
      "BCF programme issues and risks mitigated",
      "Reduced duplication of specifications",
    ],
    metrics: [],
    risks: [],
    costs: [],
    targets: [],
  },
  {
    id: "coventry-2017-protecting-social-care",
    name: "Protecting social care",
    source: SOURCE,
    description:
      "Uses part of the iBCF to protect adult social care, one of the grant's purposes: gives the City Council capacity to respond to " +
      "provider sustainability case by case and meet its statutory duties. Context from the plan: £5.99m saved since 2015/16, a further " +
      "£7.61m of savings required by 2018/19, a £3.4m overspend in 2016/17 and £7m of additional council investment in 2017/18.",
    schemeType: "Other",
    subType: "Protecting adult social care (market sustainability)",
    areaOfSpend: "Social Care",
    commissioner: "Local Authority",
    outcomes: [
      "Ensure a sustainable social care market",
      "Protection of difficult to replace services for the future as well as present day",
      "Improved partnership working with more joined up services designed around the needs of the service user",
      "Sequel to short term service (ASCOF 2d)",
    ],
    metrics: [
      "Delayed transfers of care",
      "Still at home 91 days after reablement",
      "Permanent admissions to residential and nursing care",
    ],
    risks: [
      "Continued fee pressures from the market and the impact of other projects, including CRCCG's Continuing Health Care reviews, add to pressure on Adult Social Care",
    ],
    costs: [],
    targets: [],
  },
];
