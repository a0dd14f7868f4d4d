"""Independent reference figures for tests/core/statistics/funnel.test.ts, worked with mpmath at
40 significant digits (nothing from the TypeScript under test).

Rate limits: the shape U with P(U, mu) = alpha and L with Q(L + 1, mu) = alpha, P and Q the
regularised incomplete gamma functions, solved with bisection.
Proportion limits: the observed proportion y whose Wilson score interval at n has the average as
its upper end (lower limit) or lower end (upper limit), solved with bisection.

Run: python3 tests/core/statistics/reference/funnel_reference.py
"""
from mpmath import mp, mpf, gammainc, sqrt, exp, erfinv

mp.dps = 40


def bisect(f, lo, hi):
    """Root of f in [lo, hi] (f changes sign there), to 40 digits by halving the bracket."""
    flo = f(lo)
    for _ in range(200):
        mid = (lo + hi) / 2
        fmid = f(mid)
        if (fmid > 0) == (flo > 0):
            lo, flo = mid, fmid
        else:
            hi = mid
    return (lo + hi) / 2


def z_of(tail):
    return sqrt(2) * erfinv(1 - 2 * mpf(tail))


def rate_counts(mu, tail):
    mu = mpf(mu)
    a = mpf(tail)
    P = lambda s: gammainc(s, 0, mu, regularized=True)
    Q = lambda s: gammainc(s, mu, mp.inf, regularized=True)
    upper = bisect(lambda s: P(s) - a, mpf("1e-30"), mu + 10 * sqrt(mu) + 20)
    if exp(-mu) >= a:
        lower = mpf(0)
    else:
        lower = bisect(lambda s: Q(s) - a, mpf(1), mu + 2) - 1
    return lower, upper


def wilson_limits(p, n, tail):
    p, n, z = mpf(p), mpf(n), z_of(tail)

    def wilson(y, sign):
        return (y + z * z / (2 * n) + sign * z * sqrt(y * (1 - y) / n + z * z / (4 * n * n))) / (
            1 + z * z / n
        )

    # No proportion at all reaches the average: the limit is the end of the scale.
    lower = mpf(0) if wilson(mpf(0), 1) >= p else bisect(lambda y: wilson(y, 1) - p, mpf(0), p)
    upper = mpf(1) if wilson(mpf(1), -1) <= p else bisect(lambda y: wilson(y, -1) - p, p, mpf(1))
    return lower, upper


if __name__ == "__main__":
    for avg, n, tail, per in [
        (2000, 8540, "0.025", 100000),
        (2000, 8540, "0.001", 100000),
        (234.19, 37600, "0.025", 100000),
        (234.19, 37600, "0.001", 100000),
        (1500, 400, "0.001", 100000),
        (50, 1000, "0.025", 100000),
    ]:
        mu = mpf(avg) / per * n
        lo, up = rate_counts(mu, tail)
        print("rate", avg, n, tail, mp.nstr(lo * per / n, 20), mp.nstr(up * per / n, 20))
    for p, n, tail in [("0.8", 50, "0.025"), ("0.8", 50, "0.001"), ("0.82", 1200, "0.025"), ("0.82", 1200, "0.001"), ("0.05", 30, "0.001")]:
        lo, up = wilson_limits(p, n, tail)
        print("proportion", p, n, tail, mp.nstr(lo, 20), mp.nstr(up, 20))
