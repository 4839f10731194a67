"""Peer baseline for the forecasting eval: statsmodels ETS (additive damped trend, additive seasonality, on log counts,
fitted by likelihood) and the Theta method (statsmodels ThetaModel, multiplicative deseasonalising, on counts), plus
seasonal naive, on the eval's exact protocol:
  origins every 3 months over the 36 months before the final 12 (13 origins: T-48, T-45, ..., T-12), horizons 1-12;
  MASE = MAE / in-sample seasonal-naive (m=12) MAE of the training part, averaged over horizons, origins and series;
  MAPE and sMAPE in percent-as-fraction; coverage of ETS's own 80%/95% simulated intervals.
Data sets: zillow-metros (every region with no gaps in the sales counts: 84 metros and the US row = 85 series), us-new-home-sales, redfin-national
(homes_sold, All Residential, not seasonally adjusted).
Run: /usr/bin/python3 evals/baselines/forecasting_baseline.py [data-dir] [--quick]   (numpy, pandas, statsmodels)
Timing: prints the wall time of fitting the candidates for one series and for all metros at one origin."""
import csv, gzip, sys, time, warnings
import numpy as np
from statsmodels.tsa.holtwinters import ExponentialSmoothing
from statsmodels.tsa.forecasting.theta import ThetaModel

warnings.filterwarnings("ignore")
DATA = next((a for a in sys.argv[1:] if not a.startswith("--")), "data")
QUICK = "--quick" in sys.argv
M, H, STEP, SPAN = 12, 12, 3, 36


def zillow():
    with gzip.open(f"{DATA}/zillow-metro-monthly/Metro_sales_count_now_uc_sfrcondo_month.csv.gz", "rt") as f:
        rows = list(csv.reader(f))
    out = {}
    for r in rows[1:]:
        vals = r[5:]
        if any(v.strip() == "" for v in vals):
            continue
        out[r[2]] = np.array([float(v) for v in vals])
    return out


def new_home_sales():
    with gzip.open(f"{DATA}/us-new-home-sales/HSN1FNSA.csv.gz", "rt") as f:
        rows = list(csv.reader(f))[1:]
    return {"United States": np.array([float(r[1]) for r in rows])}


def redfin():
    with gzip.open(f"{DATA}/redfin-us-national-market-tracker/us_national_market_tracker.tsv.gz", "rt") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    rows = [r for r in rows if r["property_type"] == "All Residential" and r["is_seasonally_adjusted"] == "f"]
    rows.sort(key=lambda r: r["period_begin"])
    return {"National": np.array([float(r["homes_sold"]) for r in rows])}


def origins(n):
    last = n - H
    return list(range(last - SPAN, last + 1, STEP))


def ets_forecast(train):
    model = ExponentialSmoothing(np.log(train), trend="add", damped_trend=True, seasonal="add", seasonal_periods=M,
                                 initialization_method="estimated").fit()
    point = np.exp(model.forecast(H))
    sims = model.simulate(H, repetitions=500, error="add", random_state=1)
    sims = np.exp(np.asarray(sims))
    return point, np.quantile(sims, [0.1, 0.9, 0.025, 0.975], axis=1)


def theta_forecast(train):
    return np.asarray(ThetaModel(train, period=M, deseasonalize=True, method="auto").fit().forecast(H))


def snaive(train):
    return np.array([train[len(train) - M + (h % M)] for h in range(H)])


def evaluate(name, series):
    acc = {k: [] for k in ("snaive", "ets", "theta")}
    cover = {"80": [], "95": []}
    for key, y in series.items():
        for o in origins(len(y)):
            train, test = y[:o], y[o:o + H]
            scale = np.mean(np.abs(train[M:] - train[:-M]))
            ets, q = ets_forecast(train)
            for label, f in (("snaive", snaive(train)), ("ets", ets), ("theta", theta_forecast(train))):
                err = np.abs(test - f)
                acc[label].append((np.mean(err) / scale, np.mean(err / test), np.mean(2 * err / (np.abs(test) + np.abs(f)))))
            cover["80"].append(np.mean((test >= q[0]) & (test <= q[1])))
            cover["95"].append(np.mean((test >= q[2]) & (test <= q[3])))
    base = np.mean([a[0] for a in acc["snaive"]])
    print(f"{name}: {len(series)} series x {len(origins(len(next(iter(series.values())))))} origins")
    for label, rows in acc.items():
        a = np.array(rows).mean(axis=0)
        print(f"  {label:7s} mase {a[0]:.3f}  relative {a[0] / base:.3f}  mape {a[1]:.4f}  smape {a[2]:.4f}")
    print(f"  ets coverage_80 {np.mean(cover['80']):.3f}  coverage_95 {np.mean(cover['95']):.3f}")


def timing(series):
    y = series["Seattle, WA"]
    start = time.perf_counter()
    ets_forecast(y)
    theta_forecast(y)
    one = time.perf_counter() - start
    start = time.perf_counter()
    for v in series.values():
        ets_forecast(v)
        theta_forecast(v)
    print(f"timing: ETS (with 500 simulated paths) + Theta, fit and forecast 12 months: one series {one * 1000:.0f} ms, "
          f"all {len(series)} metros {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    metros = zillow()
    if QUICK:
        metros = dict(list(metros.items())[:10])
    evaluate("zillow-metros", metros)
    evaluate("us-new-home-sales", new_home_sales())
    evaluate("redfin-national", redfin())
    timing(metros)
