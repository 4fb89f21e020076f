#!/usr/bin/env python3
"""Exact reference results for the ExactNumbers property tests.

Reads one case per line on stdin and prints one result line per case on stdout, computed with
fractions.Fraction only: no float is ever involved. Operands are decimals ("1234.56", "-0.005") or
fractions ("1/3", "-22/7").

A value result is printed as "<description> <storage>": the description is the form Exact.description
must print (a terminating decimal in minimal form, otherwise "n/d" in lowest terms), and storage is
"small" when the reduced numerator and denominator both fit in Int64, else "big".

Cases:
  add a b | sub a b | mul a b    value
  div a b                        value, or "divzero" when b is zero
  neg a | abs a | desc a         value
  cmp a b                        -1, 0 or 1
  sum a1 a2 ... an               value (0 for no operands)
  round MODE PLACES a            value of a rounded to PLACES decimal places
  fmt MODE PLACES a              a rounded and printed with exactly PLACES decimals
  score BASE PRICE D POINTS P    evaluated = PRICE * (1 - D); exact BASE / evaluated * POINTS as a value,
                                 then that rounded half-up to P places and printed with P decimals
  chain a b c d                  value of (a * b - c) / d + a * a, or "divzero" when d is zero
MODE is one of half-up, half-even, toward-zero, away-from-zero, floor, ceiling.
"""

import math
import sys
from fractions import Fraction

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)


def fixed(k, places):
    """The integer k / 10**places written with exactly `places` decimals; no sign on zero."""
    digits = str(abs(k)).rjust(places + 1, "0")
    body = digits if places == 0 else digits[:-places] + "." + digits[-places:]
    return ("-" if k < 0 else "") + body


def describe(f):
    n, d = f.numerator, f.denominator  # Fraction keeps lowest terms, d > 0
    rest, twos, fives = d, 0, 0
    while rest % 2 == 0:
        rest //= 2
        twos += 1
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return f"{n}/{d}"
    places = max(twos, fives)
    scaled = f * 10**places
    assert scaled.denominator == 1
    return fixed(scaled.numerator, places)


def value(f):
    fits = INT64_MIN <= f.numerator <= INT64_MAX and f.denominator <= INT64_MAX
    return describe(f) + (" small" if fits else " big")


def sign(x):
    return (x > 0) - (x < 0)


def rounded_units(f, places, mode):
    """f * 10**places rounded to an integer in `mode`, using exact Fraction floor/ceil/round."""
    x = f * 10**places
    if mode == "half-up":  # ties away from zero
        return sign(x) * math.floor(abs(x) + Fraction(1, 2))
    if mode == "half-even":  # Fraction.__round__ without digits rounds ties to even, exactly
        return round(x)
    if mode == "toward-zero":
        return math.trunc(x)
    if mode == "away-from-zero":
        return math.ceil(x) if x >= 0 else math.floor(x)
    if mode == "floor":
        return math.floor(x)
    if mode == "ceiling":
        return math.ceil(x)
    raise ValueError(f"unknown rounding mode {mode!r}")


def evaluate(op, args):
    if op in ("add", "sub", "mul", "div", "cmp"):
        a, b = Fraction(args[0]), Fraction(args[1])
        if op == "add":
            return value(a + b)
        if op == "sub":
            return value(a - b)
        if op == "mul":
            return value(a * b)
        if op == "div":
            return "divzero" if b == 0 else value(a / b)
        return str(sign(a - b))
    if op == "neg":
        return value(-Fraction(args[0]))
    if op == "abs":
        return value(abs(Fraction(args[0])))
    if op == "desc":
        return value(Fraction(args[0]))
    if op == "sum":
        return value(sum((Fraction(a) for a in args), Fraction(0)))
    if op in ("round", "fmt"):
        mode, places, a = args[0], int(args[1]), Fraction(args[2])
        units = rounded_units(a, places, mode)
        if op == "round":
            return value(Fraction(units, 10**places))
        return fixed(units, places)
    if op == "score":
        base, price, d, points = (Fraction(x) for x in args[:4])
        places = int(args[4])
        score = base / (price * (1 - d)) * points
        return value(score) + " " + fixed(rounded_units(score, places, "half-up"), places)
    if op == "chain":
        a, b, c, d = (Fraction(x) for x in args)
        return "divzero" if d == 0 else value((a * b - c) / d + a * a)
    raise ValueError(f"unknown operation {op!r}")


def main():
    out = []
    for number, line in enumerate(sys.stdin, start=1):
        words = line.split()
        if not words:
            continue
        try:
            out.append(evaluate(words[0], words[1:]))
        except Exception as error:  # report the case, then stop: a broken case is a broken test
            sys.stderr.write(f"oracle: line {number}: {line.strip()[:200]}: {error!r}\n")
            sys.exit(1)
    sys.stdout.write("\n".join(out))
    if out:
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
