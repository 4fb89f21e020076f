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


if __name__ == "__main__":
    fav, oth = solve()
    points = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    print("favoured:", ", ".join(f"{np.interp(c, COSTS, fav):.4f}" for c in points))
    print("others:  ", ", ".join(f"{np.interp(c, COSTS, oth):.4f}" for c in points))
