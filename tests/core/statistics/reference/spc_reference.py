"""Independent reference figures for tests/core/statistics/spc.test.ts: the NHSRplotthedots
defaults (ptd_spc_standard, ptd_calculate_point_type, ptd_calculate_assurance_type) restated in
Python from their published description, window by window as the R code reads, with exact
fractions for the limits (nothing from the TypeScript under test).

Run: python3 tests/core/statistics/reference/spc_reference.py
"""
from fractions import Fraction as F


def sign(v):
    return (v > 0) - (v < 0)


def spc(y, improvement="neutral", k=None):
    n = len(y)
    k = n if k is None else k
    fy = [F(v).limit_denominator(10**12) if isinstance(v, float) else F(v) for v in y[:k]]
    mean = sum(fy) / k
    mr = [abs(fy[i] - fy[i - 1]) for i in range(1, k)]
    amr = sum(mr) / len(mr)
    kept = [m for m in mr if m < F("3.267") * amr]
    amr = sum(kept) / len(kept) if kept else F(0)
    lpl, upl = mean - F("2.66") * amr, mean + F("2.66") * amr
    near = 2 * (F("2.66") / 3)
    nlpl, nupl = mean - near * amr, mean + near * amr
    Y = [F(v).limit_denominator(10**12) if isinstance(v, float) else F(v) for v in y]
    outside = [v > upl or v < lpl for v in Y]
    rtm = [sign(v - mean) for v in Y]
    close = [(not outside[i]) and (Y[i] < nlpl or Y[i] > nupl) for i in range(n)]

    def part_of(ends):  # a run ending at j covers j-6..j
        return [any(ends[j] != 0 for j in range(i, min(n, i + 7))) for i in range(n)]

    trend_end = [0] * n
    for i in range(6, n):
        d = [sign(Y[j] - Y[j - 1]) for j in range(i - 5, i + 1)]
        trend_end[i] = 1 if all(x == 1 for x in d) else (-1 if all(x == -1 for x in d) else 0)
    shift_end = [0] * n
    for i in range(6, n):
        w = rtm[i - 6 : i + 1]
        shift_end[i] = int(w[-1] != 0 and all(x == w[-1] for x in w))
    in_trend, in_shift = part_of(trend_end), part_of(shift_end)

    def two_in_three(i):
        for s in (i - 2, i - 1, i):
            if s < 0 or s + 2 >= n:
                continue
            if sum(close[s : s + 3]) >= 2 and abs(sum(rtm[s : s + 3])) == 3:
                return True
        return False

    types = []
    for i in range(n):
        if outside[i]:
            v = 1 if rtm[i] == 1 else -1
        elif in_trend[i]:
            if i + 1 < n and in_trend[i + 1]:
                step = sign(Y[i + 1] - Y[i])
            else:
                step = sign(Y[i] - Y[i - 1]) if i > 0 else 0
            v = 1 if step == 1 else -1
        elif close[i] and two_in_three(i):
            v = 1 if rtm[i] > 0 else -1
        elif in_shift[i]:
            v = 1 if rtm[i] > 0 else -1
        else:
            v = 0
        if improvement == "neutral":
            types.append({1: "special cause high", -1: "special cause low", 0: "common cause"}[v])
        else:
            v = v if improvement == "increase" else -v
            types.append({1: "special cause improvement", -1: "special cause concern", 0: "common cause"}[v])
    return float(mean), float(lpl), float(upl), types


def assurance(lpl, upl, target, improvement):
    inc = improvement == "increase"
    if target > upl:
        return "consistently fails target" if inc else "consistently passes target"
    if target < lpl:
        return "consistently passes target" if inc else "consistently fails target"
    return "hit and miss"


FALLS = [72, 68, 75, 70, 66, 74, 79, 83, 77, 71, 69, 73, 64, 62, 65, 61, 60, 63, 58, 66, 59, 57, 61, 55]

if __name__ == "__main__":
    for k in (None, 12):
        m, l, u, t = spc(FALLS, "decrease", k)
        print("falls", k, repr(m), repr(l), repr(u))
        print(t)
        print(assurance(l, u, 60, "decrease"), assurance(l, u, 90, "decrease"), assurance(l, u, 40, "decrease"))
