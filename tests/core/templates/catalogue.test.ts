import { CATALOGUE, SEED_TEMPLATES, findTemplate } from "../../../src/core/templates/catalogue";
import { STARTER_TEMPLATES, isStarterTemplate } from "../../../src/core/templates/starters";
import { expenditureRows } from "../../../src/core/plan";
import { parseTemplatePack } from "../../../src/core/templates/pack";
import type { ActivityTarget, SchemeTemplate } from "../../../src/core/templates/types";
import {
  AREAS_OF_SPEND,
  BCF_METRICS,
  COMMISSIONERS,
  FUNDING_SOURCES,
  PROVIDERS,
  SCHEME_TYPES,
} from "../../../src/core/vocabulary";

function template(id: string): SchemeTemplate {
  const found = findTemplate(CATALOGUE, id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

function onlyTarget(id: string): ActivityTarget {
  const { targets } = template(id);
  expect(targets).toHaveLength(1);
  return targets[0];
}

function seedOf(seed: string): SchemeTemplate[] {
  return CATALOGUE.filter((t) => t.source.seed === seed);
}

describe("every national scheme type has a template", () => {
  it("the 19 scheme types each have at least one: a seed plan's scheme, or else a starter", () => {
    for (const type of SCHEME_TYPES) {
      const of = CATALOGUE.filter((t) => t.schemeType === type);
      expect(of.length > 0 ? type : `no template for ${type}`).toBe(type);
      // A starter only where no seed has a scheme of the type.
      if (of.some(isStarterTemplate)) expect(of.every(isStarterTemplate)).toBe(true);
    }
    // The seeds cover 14 of the 19; five starters cover the rest, the DFG among them.
    expect(STARTER_TEMPLATES.map((t) => t.schemeType)).toEqual([
      "Assistive Technologies and Equipment",
      "Care Act Implementation Related Duties",
      "DFG Related Schemes",
      "Personalised Care at Home",
      "Residential Placements",
    ]);
    expect(CATALOGUE.filter((t) => t.schemeType === "Carers Services").length).toBeGreaterThan(0);
  });

  it("a starter is marked as such and invents nothing: no figures, commissioner, provider, outcomes or metrics", () => {
    for (const t of STARTER_TEMPLATES) {
      expect(t.name).toMatch(/\(starter\)$/);
      expect(t.description).toContain("A starter template");
      expect(t.id).toMatch(/^starter-/);
      expect([t.costs, t.targets, t.outcomes, t.metrics, t.risks]).toEqual([[], [], [], [], []]);
      expect([t.commissioner, t.provider, t.percentNhs]).toEqual([undefined, undefined, undefined]);
    }
    // Inserted, a starter is one row with its name and type, the amounts left blank.
    const dfg = STARTER_TEMPLATES.find((t) => t.schemeType === "DFG Related Schemes")!;
    const rows = expenditureRows([dfg]).formulas;
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 3)).toEqual([
      "S001",
      "Disabled Facilities Grant adaptations (starter)",
      "DFG Related Schemes",
    ]);
    expect([rows[0][7], rows[0][10], rows[0][11]]).toEqual(["", "", ""]);
  });
});

describe("catalogue schema", () => {
  it("holds at least 25 templates", () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(25);
  });

  it("is a valid template pack, read back without losing anything", () => {
    const result = parseTemplatePack(
      JSON.stringify({ name: "Seed catalogue", templates: CATALOGUE })
    );
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.pack.templates).toEqual(CATALOGUE);
  });

  it("has unique, stable-looking ids", () => {
    const ids = CATALOGUE.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("uses only the national vocabulary", () => {
    for (const t of CATALOGUE) {
      expect(SCHEME_TYPES).toContain(t.schemeType);
      expect(AREAS_OF_SPEND).toContain(t.areaOfSpend);
      if (t.commissioner) expect(COMMISSIONERS).toContain(t.commissioner);
      if (t.provider) expect(PROVIDERS).toContain(t.provider);
      for (const m of t.metrics) expect(BCF_METRICS).toContain(m);
      for (const c of t.costs) expect(FUNDING_SOURCES).toContain(c.fundingSource);
    }
  });

  it("gives every seed template a name, source, description and at least one outcome", () => {
    for (const t of SEED_TEMPLATES) {
      expect(t.name.trim()).not.toBe("");
      expect(t.description.length).toBeGreaterThan(40);
      expect(t.outcomes.length).toBeGreaterThan(0);
      expect(t.source.area.trim()).not.toBe("");
      expect(t.source.plan.trim()).not.toBe("");
      expect(["000", "001", "002", "003", "004"]).toContain(t.source.seed);
    }
  });

  it("keeps the per-period fields and the stated figures in agreement", () => {
    const fields = [
      ["baselinePerMonth", "baseline", "month"],
      ["baselinePerYear", "baseline", "year"],
      ["targetPerMonth", "target", "month"],
      ["targetPerYear", "target", "year"],
      ["baselinePerWeek", "baseline", "week"],
      ["targetPerWeek", "target", "week"],
    ] as const;
    for (const t of CATALOGUE) {
      for (const target of t.targets) {
        for (const [field, kind, per] of fields) {
          const value = target[field];
          if (value === undefined) continue;
          expect(
            target.statedFigures?.some((f) => f.kind === kind && f.per === per && f.value === value)
          ).toBe(true);
        }
      }
    }
  });

  it("splits each cost line so that NHS + council = total wherever the plan gives both", () => {
    const split = CATALOGUE.flatMap((t) => t.costs).filter(
      (c) => c.nhs !== undefined && c.council !== undefined
    );
    expect(split.length).toBeGreaterThanOrEqual(2);
    for (const c of split) expect((c.nhs ?? 0) + (c.council ?? 0)).toBe(c.total);
  });
});

describe("seed coverage", () => {
  it("draws its schemes from all five seeds", () => {
    expect(seedOf("000")).toHaveLength(6);
    expect(seedOf("001")).toHaveLength(2);
    expect(seedOf("002")).toHaveLength(6);
    expect(seedOf("003")).toHaveLength(6);
    expect(seedOf("004")).toHaveLength(23);
  });

  it("seed 000: the six Section 256 schemes, costed as the appendix lists them, total £2,685,000", () => {
    const schemes = seedOf("000");
    expect(schemes.map((t) => t.name)).toEqual([
      "Increasing reliance on non-bed based care",
      "Redesign of client/patient assessment and reassessment processes",
      "Intensive reablement service for clients with low level needs",
      "Ensuring high quality care provision",
      "Enhancing our ability to actively respond to commissioning requirements",
      "Investing in system wide integration",
    ]);
    expect(schemes.map((t) => t.costs.map((c) => c.total))).toEqual([
      [340000],
      [140000],
      [290000],
      [180000],
      [135000],
      [1600000],
    ]);
    expect(schemes.flatMap((t) => t.costs).reduce((sum, c) => sum + c.total, 0)).toBe(2685000);
    for (const t of schemes) expect(t.source.year).toBe("Not stated");
  });

  it("seed 001: Integrated Crisis Response £125,000 + £115,000 and Hospital Transfer & Reablement £135,000 + £561,000", () => {
    const icr = template("rutland-2016-icr");
    expect(icr.name).toBe("Integrated Crisis Response");
    expect(icr.costs).toHaveLength(1);
    expect(icr.costs[0]).toMatchObject({
      nhs: 125000,
      council: 115000,
      total: 240000,
      year: "2016-17",
    });
    const htr = template("rutland-2016-htr");
    expect(htr.name).toBe("Hospital Transfer & Reablement");
    expect(htr.costs[0]).toMatchObject({
      nhs: 135000,
      council: 561000,
      total: 696000,
      year: "2016-17",
    });
    // The business case's total funding.
    expect(
      seedOf("001")
        .flatMap((t) => t.costs)
        .reduce((sum, c) => sum + c.total, 0)
    ).toBe(936000);
    for (const t of [icr, htr]) {
      expect(t.source).toEqual({
        area: "Rutland",
        plan: "BCF business case",
        year: "2016-17",
        seed: "001",
      });
      expect(t.risks).toHaveLength(4);
      expect(t.commissioner).toBe("Joint");
    }
    expect(icr.metrics).toContain("Non-elective admissions");
    expect(htr.metrics).toEqual(
      expect.arrayContaining([
        "Delayed transfers of care",
        "Still at home 91 days after reablement",
      ])
    );
  });

  it("seed 002: the six South Kent Coast schemes with their high risks", () => {
    const schemes = seedOf("002");
    expect(schemes.map((t) => t.id)).toEqual([
      "skc-integrated-teams-rapid-response-reablement",
      "skc-neighbourhood-care-teams",
      "skc-enhance-primary-care",
      "skc-support-to-care-homes",
      "skc-health-social-care-housing",
      "skc-falls-prevention",
    ]);
    for (const t of schemes) expect(t.risks.length).toBeGreaterThan(0);
    expect(template("skc-integrated-teams-rapid-response-reablement").description).toMatch(
      /60% step down.*40% step up/
    );
    expect(template("skc-support-to-care-homes").risks.join(" ")).toContain("approximately 3,000");
    expect(template("skc-falls-prevention").schemeType).toBe("Prevention / Early Intervention");
    expect(template("skc-health-social-care-housing").schemeType).toBe("Housing Related Schemes");
  });

  it("seed 003: the six Coventry iBCF schemes with their stated figures", () => {
    expect(seedOf("003").map((t) => t.name)).toEqual([
      "Targeted prevention",
      "Improving whole system flow",
      "Discharge support (discharge to assess)",
      "Community Promoting Independence",
      "Integrated commissioning",
      "Protecting social care",
    ]);
    const cpi = template("coventry-2017-community-promoting-independence");
    expect(cpi.costs).toEqual([expect.objectContaining({ fundingSource: "iBCF", total: 570000 })]);
    expect(cpi.targets[0].baselinePerWeek).toBe(1150);
    const d2a = template("coventry-2017-discharge-support");
    expect(d2a.costs[0]).toMatchObject({ nhs: 750000, total: 750000, year: "2016-17" });
    expect(d2a.targets[0]).toMatchObject({ baselinePerWeek: 1750, targetPerWeek: 1995 });
    expect(d2a.targets[1]).toMatchObject({ baselinePerWeek: 100 });
  });

  it("seed 004: baselines and targets exactly as stated, including the inconsistent ones", () => {
    expect(onlyTarget("wiltshire-2017-intermediate-care")).toMatchObject({
      baselinePerMonth: 50,
      baselinePerYear: 600,
      targetPerMonth: 60,
      targetPerYear: 720,
    });
    expect(onlyTarget("wiltshire-2017-urgent-care-at-home")).toMatchObject({
      baselinePerMonth: 65,
      baselinePerYear: 780,
      targetPerMonth: 80,
      targetPerYear: 960,
    });
    expect(onlyTarget("wiltshire-2017-step-up-community-hospitals")).toMatchObject({
      baselinePerMonth: 15,
      baselinePerYear: 180,
      targetPerMonth: 25,
      targetPerYear: 300,
    });
    expect(onlyTarget("wiltshire-2017-palliative-care")).toMatchObject({
      baselinePerMonth: 10,
      baselinePerYear: 120,
      targetPerMonth: 16,
      targetPerYear: 192,
    });
    // Kept as the plan states it although 8 × 12 = 96.
    const southWilts = onlyTarget("wiltshire-2017-step-up-south-care-home");
    expect(southWilts).toMatchObject({
      baselinePerMonth: 8,
      baselinePerYear: 104,
      targetPerMonth: 12,
      targetPerYear: 144,
    });
    expect(southWilts.baselinePerMonth! * 12).not.toBe(southWilts.baselinePerYear);
    // Kept as stated although 21 × 52 = 1,092.
    const rehab = onlyTarget("wiltshire-2017-rehab-support-workers");
    expect(rehab).toMatchObject({ targetPerWeek: 21, targetPerYear: 1091 });
    expect(rehab.baselinePerMonth).toBeUndefined();
    // "15 discharges a month ... 180 discharges per month": both kept, both monthly, as worded.
    const flow = onlyTarget("wiltshire-2017-community-bed-flow");
    expect(flow.targetPerMonth).toBe(15);
    expect(flow.targetPerYear).toBeUndefined();
    expect(flow.statedFigures?.filter((f) => f.per === "month").map((f) => f.value)).toEqual([
      15, 180,
    ]);
    expect(onlyTarget("wiltshire-2017-integrated-discharge-teams").targetPerYear).toBe(1200);
    for (const t of seedOf("004")) {
      expect(t.source).toEqual({
        area: "Wiltshire",
        plan: "Better Care Plan commissioning intentions",
        year: "2017-18",
        seed: "004",
      });
      expect(t.providerName).toBeTruthy();
      expect(t.costs).toEqual([]);
    }
  });

  it("seed 004: every commissioning intention row, including the non-numeric ones", () => {
    const names = seedOf("004").map((t) => t.name);
    for (const expected of [
      "Urgent care at home",
      "Carers support",
      "Personalised commissioning",
      "Dementia services",
      "Shared assessments",
      "Single point of access",
      "Enhancing care at the interface",
    ]) {
      expect(names).toContain(expected);
    }
    expect(template("wiltshire-2017-dementia-services")).toMatchObject({
      provider: "NHS Mental Health Provider",
      providerName: "AWP",
    });
    expect(template("wiltshire-2017-palliative-care").provider).toBe("Charity / Voluntary Sector");
    expect(template("wiltshire-2017-carers-support").schemeType).toBe("Carers Services");
  });
});
