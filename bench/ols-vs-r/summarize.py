#!/usr/bin/env python3
"""Summarises the runs of run.sh: median wall time and maximum peak RSS of each side (from /usr/bin/time -v), and
checks that both sides report the same coefficients and HC3 standard errors to 1e-8 relative.
Usage: python3 summarize.py RESULTS_DIR RUNS"""
import json
import re
import statistics
import sys

results, runs = sys.argv[1], int(sys.argv[2])


def measure(side):
    walls, rss, cpu = [], [], []
    for i in range(1, runs + 1):
        text = open(f"{results}/{side}.{i}.time").read()
        clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text).group(1)
        seconds = 0.0
        for part in clock.split(":"):
            seconds = seconds * 60 + float(part)
        walls.append(seconds)
        rss.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)))
        cpu.append(sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", text).group(1)) for kind in ("User", "System")))
        status = re.search(r"Exit status: (\d+)", text).group(1)
        if status != "0":
            sys.exit(f"{side} run {i} exited with {status}")
    return statistics.median(walls), max(rss) / 1024, statistics.median(cpu), walls


ours = json.load(open(f"{results}/dotnet.json"))
theirs = json.load(open(f"{results}/r.json"))
a = {c["term"]: c for c in ours["coefficients"]}
b = {c["term"]: c for c in theirs["coefficients"]}
assert a.keys() == b.keys(), f"terms differ: {sorted(a.keys() ^ b.keys())}"
worst = 0.0
for term in a:
    for key in ("estimate", "stdError"):
        x, y = a[term][key], b[term][key]
        worst = max(worst, abs(x - y) / max(abs(y), 1e-300))
print(f"coefficients and HC3 SEs: {len(a)} terms, largest relative difference {worst:.2e}")
if worst > 1e-8:
    sys.exit("the two sides disagree beyond 1e-8")

print()
print("| process | median wall (s) | median CPU, user + system (s) | max peak RSS (MiB) | wall of each run (s) |")
print("|---|---:|---:|---:|---|")
for side, label in (("dotnet", "CoproSurvey `analyze ols --se hc3`"), ("r", "R `fread` + `lm` + `vcovHC(HC3)`")):
    wall, rss, cpu, walls = measure(side)
    print(f"| {label} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {', '.join(f'{w:.2f}' for w in walls)} |")
