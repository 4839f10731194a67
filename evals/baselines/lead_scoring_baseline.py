"""Peer baseline for the lead-scoring eval (same protocol): xgboost (one-hot, 400 trees, seed 1) and standardised
logistic regression, stratified 5-fold CV (random_state=1) and, for bank-marketing, a time-ordered 80/20 holdout.
Run: /usr/bin/python3 evals/baselines/lead_scoring_baseline.py [shared-data-dir]   (numpy, scikit-learn, xgboost)."""
import csv, gzip, sys, numpy as np
DATA = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
from sklearn.model_selection import StratifiedKFold
from sklearn.metrics import roc_auc_score, average_precision_score, brier_score_loss
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
import xgboost as xgb
def load(path, delim, target, pos, drop, missing):
    rows=list(csv.reader(gzip.open(path,"rt"),delimiter=delim))
    h=rows[0]; rows=[r for r in rows[1:] if r]
    keep=[i for i,c in enumerate(h) if c and c!=target and c not in drop and not any(c.startswith(d[:-1]) for d in drop if d.endswith("*"))]
    y=np.array([1 if r[h.index(target)]==pos else 0 for r in rows])
    cols=[]
    for i in keep:
        vals=[r[i] for r in rows]
        try:
            cols.append(np.array([float(v) if v not in missing else np.nan for v in vals])[:,None])
        except ValueError:
            levels=sorted(set(v for v in vals if v not in missing))
            m=np.zeros((len(rows),len(levels)))
            idx={l:j for j,l in enumerate(levels)}
            for k,v in enumerate(vals):
                if v in idx: m[k,idx[v]]=1
            cols.append(m)
    return np.hstack(cols),y
def fit(m,Xtr,ytr,Xte):
    if m=="xgb":
        c=xgb.XGBClassifier(n_estimators=400,random_state=1,n_jobs=2,eval_metric="logloss").fit(Xtr,ytr); return c.predict_proba(Xte)[:,1]
    Xtr=np.nan_to_num(Xtr); Xte=np.nan_to_num(Xte); s=StandardScaler().fit(Xtr)
    return LogisticRegression(max_iter=3000).fit(s.transform(Xtr),ytr).predict_proba(s.transform(Xte))[:,1]
def run(name,X,y,time=True):
    skf=StratifiedKFold(5,shuffle=True,random_state=1)
    for m in ["xgb","logit"]:
        a=[];p_=[];b=[]
        for tr,te in skf.split(X,y):
            p=fit(m,X[tr],y[tr],X[te]); a.append(roc_auc_score(y[te],p)); p_.append(average_precision_score(y[te],p)); b.append(brier_score_loss(y[te],p))
        print(name,m,"cv auc %.4f pr_auc %.4f brier %.4f"%(np.mean(a),np.mean(p_),np.mean(b)),flush=True)
        if time:
            cut=int(len(y)*0.8); p=fit(m,X[:cut],y[:cut],X[cut:])
            print(name,m,"time auc %.4f pr_auc %.4f brier %.4f"%(roc_auc_score(y[cut:],p),average_precision_score(y[cut:],p),brier_score_loss(y[cut:],p)),flush=True)
X,y=load(DATA + "/bank-marketing/bank-additional-full.csv.gz",";","y","yes",["duration"],{""})
print("bank",X.shape,y.mean())
run("bank",X,y)
X,y=load(DATA + "/lead-scoring-xeducation/Leads.csv.gz",",","Converted","1",["Prospect ID","Lead Number","Tags","Lead Quality","Asymmetrique*"],{"","Select"})
print("xedu",X.shape,y.mean())
run("xedu",X,y,time=False)
X,y=load(DATA + "/lead-scoring-xeducation/Leads.csv.gz",",","Converted","1",["Prospect ID","Lead Number","Tags","Lead Quality","Lead Profile","Asymmetrique*"],{"","Select"})
print("xedu-at-arrival",X.shape,y.mean())
run("xedu-at-arrival",X,y,time=False)
