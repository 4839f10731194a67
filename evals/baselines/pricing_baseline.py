"""Peer baseline for the pricing eval: xgboost on log price from the raw King County columns (sale date as a day number),
1000 trees, rate 0.05, depth 6, row and column subsampling 0.8, seed 1. Two protocols:
  issue  - the issue's anchor: a row-level random 80/20 split (sklearn train_test_split, random_state=1);
  ours   - the pricing eval's own splits: parcels with SplitMix64(parcel xor 1) < 0.2 held out (so a home's repeat sales
           stay together, see ParcelHash.cs), and a time-ordered holdout (train before 2015-03-01, test from it).
Each fit prints its wall time (2 threads), the peer figure for the pricing trainer's speed.
Run: /usr/bin/python3 evals/baselines/pricing_baseline.py [shared-data-dir] [rows]   (numpy, scikit-learn, xgboost);
rows > 0 keeps only the first that many sales (e.g. 3000: the "few thousand sales" case)."""
import csv, gzip, sys, time, datetime, numpy as np
import xgboost as xgb
from sklearn.model_selection import train_test_split

DATA = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
MASK = (1 << 64) - 1


def splitmix64(x):
    z = (x + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def load():
    rows = list(csv.DictReader(gzip.open(f"{DATA}/kc-house/kc_house_data.csv.gz", "rt")))
    rows = [r for r in rows if float(r["price"]) > 0]
    dates = [datetime.datetime.strptime(r["date"][:8], "%Y%m%d").date() for r in rows]
    cols = [c for c in rows[0].keys() if c not in ("id", "date", "price")]
    x = np.array([[float(r[c]) for c in cols] + [(d - datetime.date(2000, 1, 1)).days] for r, d in zip(rows, dates)])
    y = np.log(np.array([float(r["price"]) for r in rows]))
    parcels = np.array([int(r["id"]) for r in rows], dtype=object)
    return x, y, parcels, np.array(dates)


def fit_predict(xtr, ytr, xte):
    model = xgb.XGBRegressor(n_estimators=1000, learning_rate=0.05, max_depth=6, subsample=0.8, colsample_bytree=0.8,
                             random_state=1, n_jobs=2, tree_method="hist")
    started = time.perf_counter()
    model.fit(xtr, ytr)
    print(f"  (fit on {len(ytr):,} sales: {time.perf_counter() - started:.1f} s)")
    return model.predict(xte)


def report(name, ytrue, ypred):
    ape = np.abs(np.exp(ypred - ytrue) - 1)
    r2 = 1 - np.sum((ytrue - ypred) ** 2) / np.sum((ytrue - ytrue.mean()) ** 2)
    print(f"{name:<34} n={len(ytrue):>5}  mdape {np.median(ape):.2%}  within 5/10/20 "
          f"{np.mean(ape <= .05):.1%} / {np.mean(ape <= .10):.1%} / {np.mean(ape <= .20):.1%}  r2(log) {r2:.3f}")


x, y, parcels, dates = load()
if len(sys.argv) > 2 and int(sys.argv[2]) > 0:
    keep = int(sys.argv[2])
    x, y, parcels, dates = x[:keep], y[:keep], parcels[:keep], dates[:keep]
xtr, xte, ytr, yte = train_test_split(x, y, test_size=0.2, random_state=1)
report("issue: row random 80/20 (seed 1)", yte, fit_predict(xtr, ytr, xte))
test = np.array([splitmix64(p ^ 1) / 2.0 ** 64 < 0.2 for p in parcels])
report("ours: parcel random (xor 1 < 0.2)", y[test], fit_predict(x[~test], y[~test], x[test]))
late = dates >= datetime.date(2015, 3, 1)
report("ours: time-ordered (from 2015-03-01)", y[late], fit_predict(x[~late], y[~late], x[late]))
