"""Peer baseline for the bot-lift eval, written independently in numpy/pandas on the same protocol:
the Bernoulli-TS policy (its per-slot action frequencies in the TS log, actions only) valued on the uniform-random log
by IPS, self-normalised IPS and DR (reward model: per-item click rate shrunk by 300 pseudo-impressions times a slot
factor, cross-fitted on even/odd rows), 1000-resample percentile bootstrap (numpy seed 1, so intervals differ from the
C# ones only by resampling noise); then the on-policy click rate of the TS log. Also the lift of our
Thompson ranking with a flat Beta(1,1) prior fitted on the first half of the random log, DR-valued on the second half
(the eval's relative_lift_flat_prior; its relative_lift additionally tunes the prior strength on an inner split).
Run: /usr/bin/python3 evals/baselines/bot_lift_baseline.py [data-dir]   (numpy, pandas)."""
import sys
import numpy as np
import pandas as pd

DATA = sys.argv[1] if len(sys.argv) > 1 else "data"
B, PRIOR, SLOTS = 1000, 300.0, 3


def load(policy, campaign):
    d = pd.read_csv(f"{DATA}/open-bandit-dataset/{policy}/{campaign}/{campaign}.csv.gz", usecols=["item_id", "position", "click", "propensity_score"])
    return d.item_id.to_numpy(), d.position.to_numpy() - 1, d.click.to_numpy().astype(float), d.propensity_score.to_numpy()


def reward_model(a, k, r, n_items):
    overall = (r.sum() + 1) / (len(r) + 2)
    item = (np.bincount(a, weights=r, minlength=n_items) + PRIOR * overall) / (np.bincount(a, minlength=n_items) + PRIOR)
    slot = (np.bincount(k, weights=r, minlength=SLOTS) + PRIOR * overall) / (np.bincount(k, minlength=SLOTS) + PRIOR) / overall
    return np.minimum(1.0, np.outer(item, slot))


def terms(a, k, r, p, pi, q_rows):
    w = pi[a, k] / p
    direct = np.array([pi[:, kk] @ q[:, kk] for q, kk in zip(q_rows, k)])
    pred = np.array([q[aa, kk] for q, aa, kk in zip(q_rows, a, k)])
    return w, direct + w * (r - pred)


def boot(n, rng):
    return [rng.integers(0, n, n) for _ in range(B)]


def ci(x):
    return np.percentile(x, 2.5), np.percentile(x, 97.5)


for campaign in ["men", "women"]:
    a, k, r, p = load("random", campaign)
    ba, bk, br, _ = load("bts", campaign)
    n_items = max(a.max(), ba.max()) + 1
    pi = np.zeros((n_items, SLOTS))
    for s in range(SLOTS):
        pi[:, s] = np.bincount(ba[bk == s], minlength=n_items) / (bk == s).sum()
    idx = np.arange(len(r))
    q_even = reward_model(a[idx % 2 == 1], k[idx % 2 == 1], r[idx % 2 == 1], n_items)
    q_odd = reward_model(a[idx % 2 == 0], k[idx % 2 == 0], r[idx % 2 == 0], n_items)
    w, dr_terms = terms(a, k, r, p, pi, [q_even if i % 2 == 0 else q_odd for i in idx])
    rng = np.random.default_rng(1)
    samples = boot(len(r), rng)
    ips = [(w[s] * r[s]).mean() for s in samples]
    snips = [(w[s] * r[s]).sum() / w[s].sum() for s in samples]
    dr = [dr_terms[s].mean() for s in samples]
    on_policy = br.mean()
    print(f"open-bandit-{campaign}: on-policy TS click rate {on_policy:.5f}")
    for name, point, bs in [("ips", (w * r).mean(), ips), ("snips", (w * r).sum() / w.sum(), snips), ("dr", dr_terms.mean(), dr)]:
        lo, hi = ci(bs)
        print(f"  {name:6s} {point:.5f}  [{lo:.5f}, {hi:.5f}]  contains on-policy: {lo <= on_policy <= hi}")

    half = len(r) // 2
    ta, tk, tr = a[:half], k[:half], r[:half]
    shown = np.bincount(ta, minlength=n_items)
    clicks = np.bincount(ta, weights=tr, minlength=n_items)
    draws = np.random.default_rng(1).beta(1 + clicks, 1 + shown - clicks, size=(20000, n_items))
    ranks = np.argsort(-draws, axis=1)[:, :SLOTS]
    ours = np.zeros((n_items, SLOTS))
    for s in range(SLOTS):
        ours[:, s] = np.bincount(ranks[:, s], minlength=n_items) / len(draws)
    q = reward_model(ta, tk, tr, n_items)
    ea, ek, er, ep = a[half:], k[half:], r[half:], p[half:]
    _, lift_terms = terms(ea, ek, er, ep, ours, [q] * len(er))
    lifts = [lift_terms[s].mean() / er[s].mean() - 1 for s in boot(len(er), np.random.default_rng(2))]
    lo, hi = ci(lifts)
    print(f"  lift of Thompson ranking (first half -> second half): {lift_terms.mean() / er.mean() - 1:+.3f}  [{lo:+.3f}, {hi:+.3f}]  (uniform {er.mean():.5f}, ours {lift_terms.mean():.5f})")
