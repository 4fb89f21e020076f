#!/usr/bin/env python3
"""Independent oracle for the equilibrium solver's preference case (Tests/TenderEngineTests/EquilibriumTheoryTests).

A lot with one favoured bidder (price deduction d = 20 %) and two others, every cost uniform on [0, 1], a price
ceiling of 1, the lowest evaluated price (price x (1 - deduction)) wins, every bidder always bids.

Written separately from the Swift solver (NumPy, its own grids): each bidder type's bid is the best response
on a dense bid grid (4001 prices) to the rivals' bid functions, where the win probability is the exact product
over rivals of P(rival's evaluated bid is higher), each rival's bid function inverted by interpolation on a
dense cost grid (801 costs); the bid functions are averaged over the iterations (fictitious play, weight
1/t), with the win probability smoothed by a shrinking moving average in the first iterations, for 3000
iterations.

Run:  python3 Tests/TenderEngineTests/Oracle/equilibrium_oracle.py
It prints the bids at costs 0.0, 0.1, ..., 0.7 for the favoured bidder and for the others, which the Swift
test holds (regenerate by running it and pasting the two lists into `preferenceRuleAgreesWithTheOracle`).

Second method (`ode_solve`): the differential equations of the asymmetric first-price auction in inverse-bid
form (Marshall et al. 1994), integrated forward from a common lowest evaluated bid found by bisection, written
here with plain Python floats for uniform costs. It checks the first case (the two methods agree within 0.003)
and gives the benchmark's 5-bidder case (1 favoured with 10 %, 4 others, costs U[80, 120], ceiling 200) held by
`fiveBidderPreferenceCaseConverges` (takes about a minute).
"""
import numpy as np

D = 0.2
CEILING = 1.0
COSTS = np.linspace(0.0, 1.0, 801)
PRICES = np.linspace(0.0, CEILING, 4001)


def survival_above(bids, factor, evaluated):
    """P(a rival with bid function `bids` on COSTS and deduction factor `factor` has evaluated bid > evaluated)."""
    ev = np.maximum.accumulate(bids * factor)
    # c* = the largest cost whose evaluated bid is <= evaluated; P(cost > c*) = 1 - c* for U[0, 1].
    cstar = np.interp(evaluated, ev, COSTS, left=0.0, right=1.0)
    above = 1.0 - cstar
    above[evaluated < ev[0]] = 1.0
    above[evaluated >= ev[-1]] = 0.0
    return above


def win_tables(fav, oth):
    """Win probability on PRICES of the favoured bidder and of one other bidder."""
    fav_ev = PRICES * (1 - D)
    oth_ev = PRICES
    w_fav = survival_above(oth, 1.0, fav_ev) ** 2
    w_oth = survival_above(oth, 1.0, oth_ev) * survival_above(fav, 1 - D, oth_ev)
    return w_fav, w_oth


def best_response(win):
    profit = (PRICES[None, :] - COSTS[:, None]) * win[None, :]
    profit[PRICES[None, :] < COSTS[:, None]] = -1.0
    best = np.argmax(profit, axis=1)
    bids = PRICES[best]
    none = profit[np.arange(len(COSTS)), best] <= 0
    bids[none] = COSTS[none]
    return bids


def smooth(table, width):
    if width < 1:
        return table
    kernel = np.concatenate([np.arange(1, width + 2), np.arange(width, 0, -1)]).astype(float)
    kernel /= kernel.sum()
    padded = np.concatenate([np.full(width, table[0]), table, np.full(width, table[-1])])
    return np.convolve(padded, kernel, mode="valid")


def solve(iterations=3000):
    fav = COSTS + (CEILING - COSTS) / 3
    oth = COSTS + (CEILING - COSTS) / 3
    for t in range(1, iterations + 1):
        w_fav, w_oth = win_tables(fav, oth)
        width = int(40 * 0.995 ** t)
        br_fav = best_response(smooth(w_fav, width))
        br_oth = best_response(smooth(w_oth, width))
        step = max(1.0 / (t + 1), 0.01)
        fav = np.maximum.accumulate((1 - step) * fav + step * br_fav)
        oth = np.maximum.accumulate((1 - step) * oth + step * br_oth)
    return fav, oth


def ode_solve(classes, ceiling, steps=2000):
    """classes: (members, low, high, deduction), costs uniform on [low, high], every bidder bids.

    In evaluated bids b, u_k(b) is the cost quantile of class k bidding b; with r_k = 1 / (b - f_k c_k(u_k)),
    f_k = 1 - deduction, the first-order conditions give u_k' = (1 - u_k) (sum_A n r / (n_A - 1) - r_k) over the
    classes still bidding. Returns the lowest bid and the path [(b, [u_k])]."""
    K = len(classes)
    f = [1 - c[3] for c in classes]
    top = [min(c[2], ceiling) for c in classes]
    ufinal = [(top[k] - classes[k][1]) / (classes[k][2] - classes[k][1]) for k in range(K)]
    cost = lambda k, u: classes[k][1] + u * (classes[k][2] - classes[k][1])
    bmax = max(fk * ceiling for fk in f)

    def deriv(b, u, bidding):
        r = [0.0] * K
        members = 0
        total = 0.0
        for k in range(K):
            if bidding[k]:
                m = b - f[k] * cost(k, u[k])
                if m <= 0:
                    return None
                r[k] = 1 / m
                members += classes[k][0]
                total += classes[k][0] * r[k]
        if members < 2:
            return None
        s = total / (members - 1)
        return [(1 - u[k]) * (s - r[k]) if bidding[k] else 0.0 for k in range(K)]

    def run(low):
        u = [0.0] * K
        bidding = [True] * K
        h = (bmax - low) / steps
        b = low
        path = [(b, list(u))]
        for _ in range(steps):
            d1 = deriv(b, u, bidding)
            d2 = d1 and deriv(b + h / 2, [u[k] + h / 2 * d1[k] for k in range(K)], bidding)
            d3 = d2 and deriv(b + h / 2, [u[k] + h / 2 * d2[k] for k in range(K)], bidding)
            d4 = d3 and deriv(b + h, [u[k] + h * d3[k] for k in range(K)], bidding)
            if not d4:
                return False, path
            u = [u[k] + h / 6 * (d1[k] + 2 * d2[k] + 2 * d3[k] + d4[k]) for k in range(K)]
            b += h
            for k in range(K):
                if bidding[k] and u[k] >= ufinal[k]:
                    u[k] = ufinal[k]
                    bidding[k] = False
                elif bidding[k] and b >= f[k] * ceiling:
                    return True, path
            path.append((b, list(u)))
            if not any(bidding):
                return False, path
        return any(bidding), path

    lo = max(f[k] * classes[k][1] for k in range(K))
    hi = bmax
    for _ in range(60):
        mid = (lo + hi) / 2
        if run(mid)[0]:
            hi = mid
        else:
            lo = mid
    return lo, run(lo)[1], f, cost


def ode_bid(path, f, cost, k, c):
    """Price of class k at cost c, by inverting the path."""
    phis = [cost(k, u[k]) for _, u in path]
    return float(np.interp(c, phis, [b for b, _ in path])) / f[k]


if __name__ == "__main__":
    fav, oth = solve()
    points = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    print("favoured:", ", ".join(f"{np.interp(c, COSTS, fav):.4f}" for c in points))
    print("others:  ", ", ".join(f"{np.interp(c, COSTS, oth):.4f}" for c in points))
    _, path, f, cost = ode_solve([(1, 0.0, 1.0, D), (2, 0.0, 1.0, 0.0)], 1.0)
    print("ODE favoured:", ", ".join(f"{ode_bid(path, f, cost, 0, c):.4f}" for c in points))
    print("ODE others:  ", ", ".join(f"{ode_bid(path, f, cost, 1, c):.4f}" for c in points))
    _, path, f, cost = ode_solve([(1, 80.0, 120.0, 0.1), (4, 80.0, 120.0, 0.0)], 200.0)
    five = [80.0, 84.0, 88.0, 92.0, 96.0, 100.0, 104.0, 108.0]
    print("5 bidders, favoured:", ", ".join(f"{ode_bid(path, f, cost, 0, c):.2f}" for c in five))
    print("5 bidders, others:  ", ", ".join(f"{ode_bid(path, f, cost, 1, c):.2f}" for c in five))
