import type { SchemeTemplate } from "../../../src/core/templates/types";

/** A template with only what the layouts read; figures from seed 001 unless a test says otherwise. */
export function template(overrides: Partial<SchemeTemplate> = {}): SchemeTemplate {
  return {
    id: "rutland-2016-icr",
    name: "Integrated Crisis Response",
    source: {
      area: "Rutland",
      plan: "BCF business case",
      year: "2016-17",
      seed: "001",
    },
    description: "Urgent response at home seven days a week.",
    schemeType: "Urgent Community Response",
    subType: "Crisis response and admission avoidance",
    areaOfSpend: "Community Health",
    commissioner: "Joint",
    provider: "NHS Community Provider",
    outcomes: [],
    metrics: ["Non-elective admissions"],
    risks: [],
    costs: [
      {
        description: "CCG posts and RCC posts",
        fundingSource: "NHS minimum contribution",
        nhs: 125000,
        council: 115000,
        total: 240000,
      },
    ],
    targets: [],
    ...overrides,
  };
}
