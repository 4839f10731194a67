"""Peer baseline for the bot-lift eval, written independently in numpy/pandas on the same protocol:
the Bernoulli-TS policy (its per-slot action frequencies in the TS log, actions only) valued on the uniform-random log
by IPS, self-normalised IPS and DR (reward model: per-item click rate shrunk by 300 pseudo-impressions times a slot
factor, cross-fitted on even/odd rows), 1000-resample percentile bootstrap (numpy seed 1, so intervals differ from the
C# ones only by resampling noise); then the on-policy click rate of the TS log. Also the lift of our
Thompson ranking with a flat Beta(1,1) prior fitted on the first half of the random log, DR-valued on the second half
(the eval's relative_lift_flat_prior; its relative_lift additionally tunes the prior strength on an inner split).
Then the contextual check (the eval's segment_* / contextual_* / contextual_minus_segment): on the same split, the segment
Thompson ranking with its prior strength m chosen on the inner split (as the eval does) against the contextual ranking
(per item a Bayesian linear model over intercept + one-hots of user_feature_0..3, ridge 1, Thompson ranking with 2000
draws per kind of user, noise v chosen among 0.5/0.1/0.02/0.005 on the same inner split), IPS/SNIPS/DR with bootstrap
intervals and the paired DR difference. Monte Carlo draws differ from the C# ones, so near-ties can choose differently.
Run: /usr/bin/python3 evals/baselines/bot_lift_baseline.py [data-dir]   (numpy, pandas)."""
import sys
import numpy as np
import pandas as pd

DATA = sys.argv[1] if len(sys.argv) > 1 else "data"
B, PRIOR, SLOTS = 1000, 300.0, 3


def load(policy, campaign, context=False):
    d = pd.read_csv(f"{DATA}/open-bandit-dataset/{policy}/{campaign}/{campaign}.csv.gz")
    cols = d.item_id.to_numpy(), d.position.to_numpy() - 1, d.click.to_numpy().astype(float), d.propensity_score.to_numpy()
    if not context:
        return cols
    facts = [[f"{c}={v}" for c, v in zip(FEATURES, row)] for row in d[FEATURES].itertuples(index=False)]
    return cols + (facts,)


FEATURES = ["user_feature_0", "user_feature_1", "user_feature_2", "user_feature_3"]
NOISES, STRENGTHS, CTX_DRAWS = [0.5, 0.1, 0.02, 0.005], [0, 100, 1000, 10000], 2000


def slot_probs(draws):
    """draws: (simulations, items) -> p[item, slot] of a top-3 ranking by draw."""
    ranks = np.argsort(-draws, axis=1)[:, :SLOTS]
    return np.stack([np.bincount(ranks[:, s], minlength=draws.shape[1]) / len(draws) for s in range(SLOTS)], axis=1)


def segment_policy(a, r, n_items, m, rng):
    shown, clicks = np.bincount(a, minlength=n_items), np.bincount(a, weights=r, minlength=n_items)
    rate = (r.sum() + 1) / (len(r) + 2)
    a0, b0 = (1.0, 1.0) if m == 0 else (m * rate, m * (1 - rate))
    return slot_probs(rng.beta(a0 + clicks, b0 + shown - clicks, size=(20000, n_items)))


def contextual_policy(a, r, facts, n_items, noise, rng):
    vocab = {f: i + 1 for i, f in enumerate(sorted({f for row in facts for f in row}))}
    def x_of(row):
        x = np.zeros(len(vocab) + 1); x[0] = 1
        for f in row:
            if f in vocab: x[vocab[f]] = 1
        return x
    X = np.array([x_of(row) for row in facts])
    inv, means = [], []
    for item in range(n_items):
        Xi = X[a == item]
        B = np.eye(X.shape[1]) + Xi.T @ Xi
        Binv = np.linalg.inv(B)
        inv.append(Binv); means.append(Binv @ (Xi.T @ r[a == item]))
    cache = {}
    def policy(row):
        key = "|".join(row)
        if key not in cache:
            x = x_of(row)
            mu = np.array([x @ m for m in means]); sd = noise * np.sqrt([max(0.0, x @ Bi @ x) for Bi in inv])
            cache[key] = slot_probs(mu + sd * rng.standard_normal((CTX_DRAWS, n_items)))
        return cache[key]
    return policy


def dr_terms_per_row(a, k, r, p, pis, q):
    w = np.array([pi[aa, kk] for pi, aa, kk in zip(pis, a, k)]) / p
    direct = np.array([pi[:, kk] @ q[:, kk] for pi, kk in zip(pis, k)])
    return w, direct + w * (r - q[a, k])


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

    # Contextual vs segment on the same split (the eval's open-bandit-* segment_* / contextual_* metrics).
    a, k, r, p, facts = load("random", campaign, context=True)
    train, test = slice(0, half), slice(half, None)
    inner = half // 2
    ia, ir, ifacts = a[:inner], r[:inner], facts[:inner]
    oa, ok, orr, op, ofacts = a[inner:half], k[inner:half], r[inner:half], p[inner:half], facts[inner:half]
    q_inner = reward_model(ia, k[:inner], ir, n_items)
    def inner_dr(pis):
        return dr_terms_per_row(oa, ok, orr, op, pis, q_inner)[1].mean()
    m = max(STRENGTHS, key=lambda m: inner_dr([segment_policy(ia, ir, n_items, m, np.random.default_rng(1))] * len(oa)))
    v = max(NOISES, key=lambda v: inner_dr([contextual_policy(ia, ir, ifacts, n_items, v, np.random.default_rng(1))(row) for row in ofacts]))
    seg = segment_policy(a[train], r[train], n_items, m, np.random.default_rng(1))
    ctx = contextual_policy(a[train], r[train], facts[:half], n_items, v, np.random.default_rng(1))
    q = reward_model(a[train], k[train], r[train], n_items)
    ea, ek, er, ep, efacts = a[test], k[test], r[test], p[test], facts[half:]
    samples = boot(len(er), np.random.default_rng(1))
    print(f"  contextual check (m = {m}, v = {v}) on {len(er)} held-out rows:")
    results = {}
    for name, pis in [("segment", [seg] * len(er)), ("contextual", [ctx(row) for row in efacts])]:
        w, d = dr_terms_per_row(ea, ek, er, ep, pis, q)
        results[name] = d
        for est, point, bs in [("ips", (w * er).mean(), [(w[s] * er[s]).mean() for s in samples]),
                               ("snips", (w * er).sum() / w.sum(), [(w[s] * er[s]).sum() / w[s].sum() for s in samples]),
                               ("dr", d.mean(), [d[s].mean() for s in samples])]:
            lo, hi = ci(bs)
            print(f"    {name:10s} {est:5s} {point:.5f}  [{lo:.5f}, {hi:.5f}]")
    diff = [results["contextual"][s].mean() - results["segment"][s].mean() for s in boot(len(er), np.random.default_rng(3))]
    lo, hi = ci(diff)
    verdict = "contextual is better" if lo > 0 else "segment-thompson is better" if hi < 0 else "no significant difference"
    print(f"    contextual - segment (DR) {results['contextual'].mean() - results['segment'].mean():+.5f}  [{lo:+.5f}, {hi:+.5f}]: {verdict}")
