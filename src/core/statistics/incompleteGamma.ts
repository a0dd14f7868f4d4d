/**
 * The regularised incomplete gamma functions P(s, x) and Q(s, x) = 1 − P(s, x), and the shape s at
 * which either takes a given value for a fixed x. For whole s, Q(s, x) is the chance that a Poisson
 * count with mean x is below s, which is what exact-Poisson funnel limits are made of; solving for
 * the shape (rather than for x, as the chi-squared quantile does) gives those limits as a smooth
 * curve in the population.
 */

const EPS = 2.220446049250313e-16;
const HALF_LOG_TWO_PI = 0.9189385332046728;
/** From this shape on, Stirling's series for log Γ is accurate to about 1e-16. */
const STIRLING_FROM = 10;
const MAX_TERMS = 1_000_000;

/** ln(1 + t) − t without the cancellation of computing the two and subtracting, for t > −1. */
function log1pMinus(t: number): number {
  if (Math.abs(t) > 0.25) return Math.log1p(t) - t;
  // ln(1 + t) = 2 artanh(u) with u = t / (2 + t), and t = 2u / (1 − u).
  const u = t / (2 + t);
  const u2 = u * u;
  let term = u * u2;
  let sum = 0;
  for (let k = 3; ; k += 2) {
    const add = term / k;
    sum += add;
    if (Math.abs(add) <= Math.abs(sum) * EPS) break;
    term *= u2;
  }
  return (-2 * u2) / (1 - u) + 2 * sum;
}

/** Stirling's correction lnΓ(a) − [(a − ½) ln a − a + ½ ln 2π], for a ≥ 10. */
function stirlingCorrection(a: number): number {
  const r = 1 / a;
  const r2 = r * r;
  return (
    r *
    (1 / 12 -
      r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - (691 / 360360) * r2)))))
  );
}

/** ln Γ(a) for a > 0. */
export function logGamma(a: number): number {
  if (a >= STIRLING_FROM)
    return (a - 0.5) * Math.log(a) - a + HALF_LOG_TWO_PI + stirlingCorrection(a);
  // Γ(a) = Γ(a + m) / (a (a + 1) … (a + m − 1)), moving the argument up to where Stirling holds.
  let product = 1;
  let shifted = a;
  while (shifted < STIRLING_FROM) {
    product *= shifted;
    shifted += 1;
  }
  return logGamma(shifted) - Math.log(product);
}

/** ln(x^s e^−x / Γ(s)), the factor in front of both the series and the continued fraction. */
function logPrefix(s: number, x: number): number {
  if (s >= STIRLING_FROM) {
    // s ln x − x − lnΓ(s) rearranged so that large, nearly equal terms never meet.
    return (
      s * log1pMinus((x - s) / s) + 0.5 * Math.log(s) - HALF_LOG_TWO_PI - stirlingCorrection(s)
    );
  }
  return s * Math.log(x) - x - logGamma(s);
}

export interface GammaTails {
  /** P(s, x), the lower regularised incomplete gamma function. */
  lower: number;
  /** Q(s, x) = 1 − P(s, x). */
  upper: number;
}

/** P(s, x) and Q(s, x) for s > 0, x ≥ 0; the smaller of the two is computed directly. */
export function incompleteGamma(s: number, x: number): GammaTails {
  if (x <= 0) return { lower: 0, upper: 1 };
  const prefix = Math.exp(logPrefix(s, x));
  if (x < s + 1) {
    // Series: P = prefix · Σ xⁿ / (s (s + 1) … (s + n)).
    let term = 1 / s;
    let sum = term;
    for (let n = 1; n < MAX_TERMS; n++) {
      term *= x / (s + n);
      sum += term;
      if (term < sum * EPS) break;
    }
    const lower = Math.min(1, prefix * sum);
    return { lower, upper: 1 - lower };
  }
  // Continued fraction for Q by the modified Lentz method.
  const tiny = 1e-300;
  let b = x + 1 - s;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) break;
  }
  const upper = Math.min(1, prefix * h);
  return { lower: 1 - upper, upper };
}

/**
 * Brent's method for the root of f in [lo, hi], where f(lo) and f(hi) differ in sign:
 * inverse quadratic steps where they help, bisection where they do not.
 */
function brent(f: (s: number) => number, lo: number, hi: number, fLo: number, fHi: number): number {
  let a = lo;
  let b = hi;
  let fa = fLo;
  let fb = fHi;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 200; iter++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * EPS * Math.abs(b) + 1e-300;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = d;
      }
    } else {
      d = m;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/**
 * The shape s at which P(s, x) = p, for x > 0 and 0 < p < 1. P falls from 1 (as s → 0) to 0 as s
 * grows, so there is exactly one.
 */
export function shapeWhereLowerIs(p: number, x: number): number {
  const f = (s: number): number => incompleteGamma(s, x).lower - p;
  const step = Math.sqrt(x) + 1;
  let hi = x + step;
  let fHi = f(hi);
  while (fHi > 0) {
    hi += step * 4;
    fHi = f(hi);
  }
  let lo = Math.max(hi - step * 4, 0);
  let fLo = lo > 0 ? f(lo) : 1 - p;
  while (fLo < 0) {
    lo = Math.max(lo - step * 4, 0);
    fLo = lo > 0 ? f(lo) : 1 - p;
  }
  // P(s, x) → 1 as s → 0, so a root near 0 is bracketed by a shape too small to evaluate.
  if (lo === 0) lo = Number.MIN_VALUE;
  return brent(f, lo, hi, fLo, fHi);
}

/**
 * The shape s ≥ `from` at which Q(s, x) = q, for x > 0 and Q(from, x) < q < 1. Q rises to 1 as
 * s grows, so there is exactly one.
 */
export function shapeWhereUpperIs(q: number, x: number, from: number): number {
  const f = (s: number): number => incompleteGamma(s, x).upper - q;
  const step = Math.sqrt(x) + 1;
  let lo = Math.max(from, x - step);
  let fLo = f(lo);
  while (fLo > 0) {
    if (lo === from) return from; // the caller's promise Q(from, x) < q did not hold
    lo = Math.max(from, lo - step * 4);
    fLo = f(lo);
  }
  let hi = lo + step * 4;
  let fHi = f(hi);
  while (fHi < 0) {
    lo = hi;
    fLo = fHi;
    hi += step * 4;
    fHi = f(hi);
  }
  return brent(f, lo, hi, fLo, fHi);
}

/**
 * The x at which a tail of the gamma distribution with shape s (scale 1) holds a given chance:
 * P(s, x) = tail for the lower tail, Q(s, x) = tail for the upper. Half a chi-squared quantile with
 * 2s degrees of freedom. The tail is solved for directly rather than as 1 − p, so a small upper
 * tail keeps its precision. For s > 0 and 0 < tail < 1.
 */
export function gammaTailQuantile(tail: number, s: number, which: "lower" | "upper"): number {
  const f =
    which === "lower"
      ? (x: number): number => incompleteGamma(s, x).lower - tail
      : (x: number): number => tail - incompleteGamma(s, x).upper;
  // f rises with x. Start at s + 1, or for the lower tail at (tail · Γ(s + 1))^(1/s) if smaller: P
  // is below x^s / Γ(s + 1), so that is at or under the answer and near it when the answer is tiny
  // (a fractional count's lower limit can be 1e-280). Then double or halve to a bracket.
  let x0 = s + 1;
  if (which === "lower") x0 = Math.min(x0, Math.exp((Math.log(tail) + logGamma(s + 1)) / s));
  if (x0 === 0) return 0;
  let lo: number;
  let fLo: number;
  let hi: number;
  let fHi: number;
  const f0 = f(x0);
  if (f0 < 0) {
    lo = x0;
    fLo = f0;
    hi = x0 * 2;
    fHi = f(hi);
    while (fHi < 0) {
      lo = hi;
      fLo = fHi;
      hi *= 2;
      fHi = f(hi);
    }
  } else {
    hi = x0;
    fHi = f0;
    lo = x0 / 2;
    fLo = f(lo);
    while (fLo > 0) {
      hi = lo;
      fHi = fLo;
      lo /= 2;
      fLo = lo > 0 ? f(lo) : which === "lower" ? -tail : tail - 1;
    }
  }
  if (fHi === 0) return hi;
  return settled(f, brent(f, lo, hi, fLo, fHi), s);
}

/**
 * One Newton step on f (whose slope is the gamma density) from the root rounded to 40 significant
 * bits. Brent's method stops an ulp or two either side of the root, and P and Q are only good to a
 * few ulps, so roots for two nearly equal chances could come out in the wrong order. From a shared
 * rounded start the step x0 − f(x0) / f′(x0) moves with the chance alone, so a larger confidence
 * level never gives narrower limits; the start is within 2^−40 of the root, so the step loses nothing.
 */
function settled(f: (x: number) => number, root: number, s: number): number {
  if (!(root > 0) || root < 1e-290) return root;
  const unit = 2 ** (Math.floor(Math.log2(root)) - 40);
  const x0 = Math.round(root / unit) * unit;
  const slope = Math.exp(logPrefix(s, x0)) / x0;
  if (!(slope > 0) || !Number.isFinite(slope)) return root;
  return x0 - f(x0) / slope;
}
