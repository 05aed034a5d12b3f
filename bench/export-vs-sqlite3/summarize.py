"""Median wall time, median CPU time (user + system) and maximum peak RSS of each side, from GNU time -v files."""
import re
import statistics
import sys

folder, runs = sys.argv[1], int(sys.argv[2])


def read(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)", text).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** (len(parts) - 1 - i) for i, p in enumerate(parts))
    cpu = float(re.search(r"User time \(seconds\): (.+)", text).group(1)) + float(re.search(r"System time \(seconds\): (.+)", text).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return seconds, cpu, rss


rows = {}
for side in ("sqlite3", "export"):
    runs_of_side = [read(f"{folder}/{side}.{i}.time") for i in range(1, runs + 1)]
    rows[side] = (
        statistics.median(r[0] for r in runs_of_side),
        statistics.median(r[1] for r in runs_of_side),
        max(r[2] for r in runs_of_side) / 1024,
        ", ".join(f"{r[0]:.2f}" for r in runs_of_side),
    )
    print(f"| {side} | {rows[side][0]:.2f} | {rows[side][1]:.2f} | {rows[side][2]:.0f} | {rows[side][3]} |")
print(f"export / sqlite3: wall {rows['export'][0] / rows['sqlite3'][0]:.2f}x, CPU {rows['export'][1] / rows['sqlite3'][1]:.2f}x")
