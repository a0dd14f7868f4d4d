/** Small, hand-written templates and a render helper for the pane tests (figures from seed 001 and 004). */
import * as React from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { SchemeTemplate } from "../../src/core/templates/types";

export const CRISIS_RESPONSE: SchemeTemplate = {
  id: "test-rutland-icr",
  name: "Integrated Crisis Response",
  source: { area: "Rutland", plan: "BCF plan", year: "2016-17", seed: "001" },
  description:
    "A rapid response team that keeps people at home in a crisis instead of admitting them to hospital.",
  schemeType: "Urgent Community Response",
  subType: "Crisis response",
  areaOfSpend: "Community Health",
  commissioner: "Joint",
  percentNhs: 52,
  provider: "Local Authority",
  providerName: "Rutland County Council",
  outcomes: ["Fewer non-elective admissions", "More people supported at home"],
  metrics: ["Non-elective admissions"],
  risks: ["Recruitment of night staff"],
  costs: [
    {
      description: "CCG posts",
      fundingSource: "NHS minimum contribution",
      nhs: 125000,
      total: 125000,
    },
    {
      description: "Council posts",
      fundingSource: "NHS minimum contribution",
      council: 115000,
      total: 115000,
    },
  ],
  targets: [],
};

export const FALLS: SchemeTemplate = {
  id: "test-falls",
  name: "Falls Prevention Service",
  source: { area: "Testshire", plan: "BCF plan", year: "2017-19", seed: "004" },
  description: "Strength and balance classes and home hazard checks for people at risk of falling.",
  schemeType: "Prevention / Early Intervention",
  areaOfSpend: "Social Care",
  commissioner: "Local Authority",
  provider: "Charity / Voluntary Sector",
  outcomes: ["Fewer falls needing an ambulance"],
  metrics: ["Emergency admissions due to falls", "Non-elective admissions"],
  risks: [],
  costs: [{ description: "Service contract", fundingSource: "iBCF", council: 60000, total: 60000 }],
  targets: [
    { measure: "People seen", baselinePerMonth: 8, baselinePerYear: 104, targetPerMonth: 15 },
  ],
};

export const DFG_ADAPTATIONS: SchemeTemplate = {
  id: "test-dfg",
  name: "Home Adaptations",
  source: { area: "Testshire", plan: "BCF plan", year: "2017-19", seed: "004" },
  description: "Disabled Facilities Grant adaptations so people can live safely at home.",
  schemeType: "DFG Related Schemes",
  areaOfSpend: "Social Care",
  commissioner: "Local Authority",
  provider: "Local Authority",
  outcomes: ["People stay in their own homes"],
  metrics: ["Permanent admissions to residential and nursing care"],
  risks: ["Builders' waiting times"],
  costs: [{ description: "Grants", fundingSource: "DFG", council: 340000, total: 340000 }],
  targets: [],
};

export const FIXTURE_TEMPLATES: SchemeTemplate[] = [CRISIS_RESPONSE, FALLS, DFG_ADAPTATIONS];

export function renderInFluent(ui: React.ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

/**
 * Values of `property` in every rule Griffel inserted whose selector is one of the element's classes followed
 * by `selectorTail`, in document order: at equal specificity the last one is what the browser shows.
 */
export function ruleValue(element: Element, selectorTail: string, property: string): string[] {
  const values: string[] = [];
  // The <style> elements in document order (jsdom's document.styleSheets lists them in creation order).
  for (const style of Array.from(document.querySelectorAll("style"))) {
    for (const rule of Array.from(style.sheet?.cssRules ?? [])) {
      if (!(rule instanceof CSSStyleRule)) continue;
      const selector = rule.selectorText.replace(/\s+/g, "");
      const match = /^\.([\w-]+)(.*)$/.exec(selector);
      if (!match || !element.classList.contains(match[1]) || match[2] !== selectorTail) continue;
      values.push(rule.style.getPropertyValue(property));
    }
  }
  return values;
}
