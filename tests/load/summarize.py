"""Reads the hey outputs of tests/load/run.sh and prints the Markdown table for the README."""
import re
import sys
from pathlib import Path

out, before, after = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])


def parse(name):
    text = (out / f"{name}.txt").read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    avg = float(re.search(r"Average:\s+([\d.]+) secs", text).group(1)) * 1000
    p = {int(k): float(v) * 1000 for k, v in re.findall(r"(\d+)%+ in ([\d.]+) secs", text)}
    codes = {int(k): int(v) for k, v in re.findall(r"\[(\d+)\]\s+(\d+) responses", text)}
    tail = text.split("Error distribution:")[1] if "Error distribution:" in text else ""
    errors = sum(int(n) for n in re.findall(r"\[(\d+)\]\s+(?:Get|Post)", tail))
    return {"rps": rps, "avg": avg, "p50": p.get(50), "p99": p.get(99), "codes": codes, "errors": errors}


# The baseline is the mean of the /health runs before and after the others: the machine's load drifts during a run.
first, last = parse("health"), parse("health2")
health = {"rps": (first["rps"] + last["rps"]) / 2}
rows = [("GET /health (first)", first)]
for label, name in [("GET /api/v1/leads/{id}/score", "score"), ("GET /api/v1/pricing/value (ZIP + features)", "value"),
                    ("POST /api/v1/chat", "chat"), ("score, 90% of connections, while 10% send malformed requests", "mixed-good"),
                    ("malformed: /leads/not-a-number/score", "mixed-bad1"), ("malformed: /pricing/value?sqft=NaN", "mixed-bad2"),
                    ("GET /health (again, after the runs)", "health2")]:
    rows.append((label, parse(name)))

print(f"Baseline /health: {health['rps']:.0f} req/s (mean of the first and last runs).\n")
print("| endpoint | req/s | ratio to /health | p50 ms | p99 ms | status codes | transport errors |")
print("|---|---:|---:|---:|---:|---|---:|")
for label, r in rows:
    codes = ", ".join(f"{k}: {v}" for k, v in sorted(r["codes"].items()))
    print(f"| {label} | {r['rps']:.0f} | {r['rps'] / health['rps']:.2f} | {r['p50']:.1f} | {r['p99']:.1f} | {codes} | {r['errors']} |")

for name, label in [("value-serial", "valuation"), ("score-serial", "score")]:
    r = parse(name)
    print(f"\nOne at a time, {label}: mean {r['avg']:.2f} ms, p50 {r['p50']:.2f} ms, p99 {r['p99']:.2f} ms ({r['codes']}).")

scored = sum(parse(n)["codes"].get(200, 0) for n in ["warm-score", "score", "mixed-good", "score-serial"])
print(f"\nPrediction-log rows written: {after - before}; score responses 200 (warm-up included): {scored}; "
      f"{'no row lost' if after - before == scored else 'MISMATCH'}.")
