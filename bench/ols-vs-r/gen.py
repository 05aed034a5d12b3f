#!/usr/bin/env python3
"""Writes big.csv: 200,000 survey-like rows of an outcome y and 20 predictors x1..x20, fixed seed.

x1-x8 are 1-5 Likert items, x9-x12 0/1 indicators, x13 age in years, x14 log income, x15-x20 continuous scores
with two or four decimals; predictors are mildly correlated through a shared latent trait, and y is a linear
combination of them plus normal noise, written with six decimals. Usage: python3 gen.py [ROWS] [OUT]
"""
import math
import random
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
out = sys.argv[2] if len(sys.argv) > 2 else "big.csv"
rng = random.Random(20261129)
beta = [0.5 - 0.05 * k for k in range(20)]

with open(out, "w", newline="") as f:
    f.write("y," + ",".join(f"x{k}" for k in range(1, 21)) + "\n")
    for _ in range(rows):
        trait = rng.gauss(0, 1)
        x = []
        for _ in range(8):
            x.append(min(5, max(1, round(3 + 0.8 * trait + rng.gauss(0, 1)))))
        for _ in range(4):
            x.append(1 if rng.random() < 0.3 + 0.1 * math.tanh(trait) else 0)
        x.append(rng.randint(18, 85))
        x.append(round(10 + 0.3 * trait + rng.gauss(0, 0.6), 4))
        for k in range(6):
            x.append(round(50 + 10 * (0.4 * trait + rng.gauss(0, 1)), 2 if k % 2 else 4))
        y = 2.0 + sum(b * v for b, v in zip(beta, x)) + rng.gauss(0, 3)
        f.write(f"{y:.6f}," + ",".join(str(v) for v in x) + "\n")
