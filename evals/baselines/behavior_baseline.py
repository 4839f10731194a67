"""Peer baseline for the objections and retrieval evals (same split, same labels): scikit-learn TF-IDF (word 1-2-grams +
char_wb 3-5-grams) with logistic regression (plain and class-balanced) for objections; TF-IDF cosine nearest neighbours
for retrieval label agreement (precision@5, MRR within the top 100) on held-out turns.
Split: a dialogue is held out when SplitMix64(FNV-1a(id) xor 1) / 2^64 < 0.2 (DialogueSplit.cs).
Run: /usr/bin/python3 evals/baselines/behavior_baseline.py [bundled-data-dir]   (numpy, scipy, scikit-learn)."""
import csv, gzip, json, sys, collections, numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, accuracy_score

DATA = sys.argv[1] if len(sys.argv) > 1 else "data"
M = (1 << 64) - 1

def mix(x):
    z = (x + 0x9E3779B97F4A7C15) & M
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)

def is_test(dialogue_id):
    h = 14695981039346656037
    for ch in dialogue_id.encode("utf-16-le").decode("utf-16-le"):
        for unit in ([ord(ch)] if ord(ch) < 0x10000 else [0xD800 + ((ord(ch) - 0x10000) >> 10), 0xDC00 + ((ord(ch) - 0x10000) & 0x3FF)]):
            h = ((h ^ unit) * 1099511628211) & M
    return mix(h ^ 1) / 18446744073709551616.0 < 0.2

def rows(path):
    return list(csv.DictReader(gzip.open(path, "rt", encoding="utf-8")))

def vectorizers():
    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True)

def features(train_texts, test_texts):
    w, c = vectorizers()
    return hstack([w.fit_transform(train_texts), c.fit_transform(train_texts)]).tocsr(), hstack([w.transform(test_texts), c.transform(test_texts)]).tocsr()

# ---- objections
pfg = f"{DATA}/persuasion-for-good"
mapping = json.load(open(f"{pfg}/objection-map.json"))
act_to = {s: o["id"] for o in mapping["objections"] for s in o["sources"]}
annotated = rows(f"{pfg}/annotated_300_dialog.csv.gz")
ex = [(r["B2"], r["Unit"], act_to.get(r["ee_label_1"], "none")) for r in annotated if float(r["B4"]) == 1 and r["ee_label_1"]]
tr = [e for e in ex if not is_test(e[0])]; te = [e for e in ex if is_test(e[0])]
Xtr, Xte = features([e[1] for e in tr], [e[1] for e in te])
ytr = [e[2] for e in tr]; yte = [e[2] for e in te]
labels = sorted(set(yte))
print(f"objections: {len(tr)} train / {len(te)} test sentences")
for name, cw in [("logistic", None), ("logistic_balanced", "balanced")]:
    p = LogisticRegression(max_iter=2000, C=10, class_weight=cw).fit(Xtr, ytr).predict(Xte)
    print(f"  {name}: macro_f1 {f1_score(yte, p, labels=labels, average='macro'):.4f}  accuracy {accuracy_score(yte, p):.4f}")
maj = collections.Counter(ytr).most_common(1)[0][0]
print(f"  majority: macro_f1 {f1_score(yte, [maj]*len(yte), labels=labels, average='macro'):.4f}  accuracy {accuracy_score(yte, [maj]*len(yte)):.4f}")

# ---- retrieval label agreement (turn level)
STRATEGIES = {"logical-appeal", "emotion-appeal", "credibility-appeal", "foot-in-the-door", "self-modeling", "personal-story",
              "donation-information", "source-related-inquiry", "task-related-inquiry", "personal-related-inquiry"}
def pfg_turns():
    labels = collections.defaultdict(list)
    for r in annotated:
        key = (r["B2"], int(float(r["Turn"])), int(float(r["B4"])))
        for l in (r["er_label_1"], r["ee_label_1"]):
            if l and l not in labels[key]: labels[key].append(l)
    donation = {r["B2"]: min(max(float(r["B6"]), 0), 2) for r in rows(f"{pfg}/full_info.csv.gz") if r["B4"] == "1"}
    out = []
    for r in rows(f"{pfg}/full_dialog.csv.gz"):
        d, t, role = r["B2"], int(r["Turn"]), int(r["B4"])
        lab = next((l for l in labels.get((d, t, role), []) if l in STRATEGIES), None) if role == 0 else None
        out.append((d, r["Unit"], lab, donation.get(d, 0) > 0))
    return out
def casino_turns():
    out = []
    for split in ("train", "valid", "test"):
        for d in json.load(gzip.open(f"{DATA}/casino-negotiation/casino_{split}.json.gz", "rt", encoding="utf-8")):
            ann = {a[0]: [x.strip() for x in a[1].split(",") if x.strip()] for a in d.get("annotations") or []}
            logs = d["chat_logs"]; won = logs[-1]["text"] == "Accept-Deal" if logs else False
            for log in logs:
                lab = next((l for l in ann.get(log["text"], []) if l != "non-strategic"), None)
                out.append((str(d["dialogue_id"]), log["text"], lab, won))
    return out
for name, turns in [("persuasion-for-good", pfg_turns()), ("casino", casino_turns())]:
    index = [t for t in turns if t[2] and t[3] and not is_test(t[0])]
    queries = [t for t in turns if t[2] and is_test(t[0])]
    Xi, Xq = features([t[1] for t in index], [t[1] for t in queries])
    sims = (Xq @ Xi.T).toarray()
    p5, rr = [], []
    for qi, q in enumerate(queries):
        order = np.argsort(-sims[qi], kind="stable")[:100]
        rel = [index[j][2] == q[2] for j in order]
        p5.append(sum(rel[:5]) / 5); rr.append(next((1 / (k + 1) for k, r in enumerate(rel) if r), 0))
    print(f"retrieval {name}: {len(queries)} queries over {len(index)} winning turns: precision_at_5 {np.mean(p5):.4f}  mrr {np.mean(rr):.4f}")
