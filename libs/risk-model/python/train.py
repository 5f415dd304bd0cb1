#!/usr/bin/env python3
"""Train kcs-fraud-gbdt 2.0.0: supply-chain history features, a critical-fraud model, TreeSHAP export.

Reads the KCS synthetic import declarations (train.csv = 2020, valid.csv = 2021-01..03) and
writes into libs/risk-model/models/2.0.0/:

  risk-model.onnx        P(Fraud): LightGBM -> ONNX, input `features` float32 [N, F],
                         outputs `label` [N] and `probabilities` float32 [N, 2]
  critical-model.onnx    P(Critical Fraud = 2, a threat to public safety), same input
  trees.json             the fraud model's trees (LightGBM dump, exact doubles) for TreeSHAP
  feature-spec.json      the feature encoding read by src/feature-encoder.ts
  parity-fixtures.json   valid rows with their history aggregates, Python's float32 features,
                         ONNX scores (fraud, critical) and LightGBM's own SHAP contributions
  history-fixtures.json  aggregates of e2e/fixtures/kcs-valid-sample.csv as a history, for the
                         TypeScript history index's parity test
  MODEL_CARD.md          data, features, metrics, calibration, command, seed

Supply-chain history features (the KCS supply-chain model's patterns of parties): for each
key (declarant, importer, seller, courier, importer+seller, declarant+importer,
importer+office, seller+HS heading, importer+HS heading, ...) the number of earlier
inspected declarations, their smoothed fraud and critical-fraud rates, and the unit price's
z-score against the HS heading / subheading. "Earlier" means dated strictly before the
declaration's date: `history_aggregates()` walks the rows in date order and gives each row
the running totals of the days before its own, exactly as src/supply-chain/outcome-history.ts
does in serving. No statistic uses the row's own label or any later one.

Time order: the models are fitted on train.csv only (history = earlier train rows); valid.csv
rows are scored with the history of train.csv plus the valid rows dated before them
("online": inspection results fed back as they arrive) and, for comparison, with the history
frozen at 2020-12-31 ("frozen"). The labels Fraud and Critical Fraud are never inputs.

Usage (from the repo root):
  python3 -m venv libs/risk-model/.venv
  libs/risk-model/.venv/bin/pip install -r libs/risk-model/python/requirements.txt
  libs/risk-model/.venv/bin/python libs/risk-model/python/train.py
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import onnx
import onnxmltools
import onnxruntime as ort
import pandas as pd
from onnxmltools.convert.common.data_types import FloatTensorType
from sklearn.metrics import brier_score_loss, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_v1 import (  # noqa: E402  (shared, unchanged helpers of the 1.0.0 pipeline)
    COLUMNS, DEFAULT_DATA, LABEL, align_thresholds, key_series, precision_at, r6, to_declaration,
)

HERE = Path(__file__).resolve().parent
LIB = HERE.parent
REPO = LIB.parent.parent

MODEL_NAME = "kcs-fraud-gbdt"
MODEL_VERSION = "2.0.0"
SEED = 42
CRITICAL = "critical"  # derived label: Critical Fraud == 2

# Supply-chain keys: name -> Declaration key parts (src/feature-spec.ts KeyPart).
HISTORY_KEYS = {
    "declarant": ["declarantId"],
    "importer": ["importerId"],
    "seller": ["sellerId"],
    "courier": ["courierId"],
    "importer_seller": ["importerId", "sellerId"],
    "declarant_importer": ["declarantId", "importerId"],
    "importer_office": ["importerId", "officeId"],
    "declarant_office": ["declarantId", "officeId"],
    "seller_heading": ["sellerId", "hsHeading"],
    "importer_heading": ["importerId", "hsHeading"],
    "origin_heading": ["originCountry", "hsHeading"],
    "hs6": ["hsCode"],
    "heading": ["hsHeading"],
    "origin": ["originCountry"],
    "office": ["officeId"],
}
UNIT_PRICE_KEYS = ["heading", "hs6"]
SMOOTHING = 10.0           # pseudo-count of the smoothed fraud rate
CRITICAL_SMOOTHING = 30.0  # critical fraud is ~1%: a stronger pull to the prior
VARIANCE_FLOOR = 0.25      # added to the unit-price variance (ln(KRW/kg))^2
FIT_FROM = "2020-03-01"    # rows before this date have too little history to learn from (still history)
HOLDOUT_FROM = "2020-11-01"

ORDINAL_SOURCES = [
    "officeId", "processType", "importType", "importUse", "paymentType",
    "transportMode", "taxType", "originIndicator", "departureCountry", "originCountry", "hsChapter",
]

LGB_PARAMS = dict(
    objective="binary", learning_rate=0.03, num_leaves=31, min_child_samples=40,
    subsample=0.8, subsample_freq=1, colsample_bytree=0.6, reg_lambda=1.0, max_bin=255,
    random_state=SEED, n_jobs=1, deterministic=True, force_row_wise=True, verbose=-1,
)
CRITICAL_PARAMS = {**LGB_PARAMS, "num_leaves": 15, "min_child_samples": 60}
MAX_ROUNDS = 3000
EARLY_STOP = 150


def read_split(path: Path) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    df = raw.rename(columns=COLUMNS)
    for f in ("taxRate", "netMassKg", "itemPriceKrw"):
        df[f] = df[f].map(float)
    df[LABEL] = raw[LABEL].astype(int)
    df[CRITICAL] = (raw["Critical Fraud"] == "2").astype(int)
    return df


def key_part(row: dict, part: str) -> str:
    if part == "hsChapter":
        return row["hsCode"][:2]
    if part == "hsHeading":
        return row["hsCode"][:4]
    v = row[part]
    return "" if v is None else str(v)


def history_key(row: dict, parts: list[str]) -> str | None:
    """Key parts joined with '|', None when one is missing (no seller / courier): no history."""
    vals = [key_part(row, p) for p in parts]
    return None if any(v == "" for v in vals) else "|".join(vals)


def log_unit_price(row: dict) -> float | None:
    """ln(1 + price / mass), the ratio capped at the largest double as log1pRatio (outcome-history.ts) does."""
    mass, price = row["netMassKg"], row["itemPriceKrw"]
    return math.log1p(min(max(price, 0.0) / mass, sys.float_info.max)) if mass > 0 else None


def history_aggregates(history: pd.DataFrame, queries: pd.DataFrame) -> dict[str, np.ndarray]:
    """For every query row and key: [n, frauds, criticals, priceN, priceSum, priceSumSq] over
    history rows with the same key dated strictly before the query's date.

    History rows are added in (date, file) order with running totals, as OutcomeHistory does.
    Returns key name -> float64 array [len(queries), 6].
    """
    h = history.sort_values("date", kind="mergesort")
    hrows = h.to_dict("records")
    qrows = queries.to_dict("records")
    order = sorted(range(len(qrows)), key=lambda i: qrows[i]["date"])
    out = {name: np.zeros((len(qrows), 6)) for name in HISTORY_KEYS}
    totals = {name: {} for name in HISTORY_KEYS}
    j = 0
    for i in order:
        d = qrows[i]["date"]
        while j < len(hrows) and hrows[j]["date"] < d:  # add every history row dated before d
            r = hrows[j]
            lup = log_unit_price(r)
            for name, parts in HISTORY_KEYS.items():
                k = history_key(r, parts)
                if k is None:
                    continue
                t = totals[name].setdefault(k, [0, 0, 0, 0, 0.0, 0.0])
                t[0] += 1
                t[1] += int(r[LABEL])
                t[2] += int(r[CRITICAL])
                if lup is not None:
                    t[3] += 1
                    t[4] += lup
                    t[5] += lup * lup
            j += 1
        q = qrows[i]
        for name, parts in HISTORY_KEYS.items():
            k = history_key(q, parts)
            if k is not None and k in totals[name]:
                out[name][i] = totals[name][k]
    return out


def build_features(ordinals, fraud_prior: float, critical_prior: float):
    feats = [
        {"name": "tax_rate", "kind": "numeric", "source": "taxRate", "doc": "duty rate in percent, as declared"},
        {"name": "log_net_mass", "kind": "log1p", "source": "netMassKg", "doc": "ln(1 + max(netMassKg, 0)), mass in kg"},
        {"name": "log_item_price", "kind": "log1p", "source": "itemPriceKrw", "doc": "ln(1 + max(itemPriceKrw, 0)), price in KRW"},
        {"name": "log_unit_price", "kind": "logUnitPrice", "fallback": -1.0,
         "doc": "ln(1 + itemPriceKrw / netMassKg) (KRW per kg) when netMassKg > 0, else -1"},
        {"name": "day_of_week", "kind": "dayOfWeek", "doc": "weekday of `date`, 0 = Sunday .. 6 = Saturday"},
        {"name": "hs_chapter_number", "kind": "hsChapterNumber", "doc": "first two digits of hsCode as a number"},
        {"name": "departure_ne_origin", "kind": "notEqual", "sources": ["departureCountry", "originCountry"],
         "doc": "1 if the countries of departure and origin differ"},
        {"name": "seller_missing", "kind": "isMissing", "source": "sellerId", "doc": "1 if no seller"},
        {"name": "courier_missing", "kind": "isMissing", "source": "courierId", "doc": "1 if no courier"},
    ]
    for src in ORDINAL_SOURCES:
        feats.append({"name": f"ord_{src}", "kind": "ordinal", "source": [src], "unknown": -1, "codes": ordinals[src],
                      "doc": "code among the sorted train categories, unknown -> -1"})
    for name, parts in HISTORY_KEYS.items():
        label = " + ".join(parts)
        feats.append({"name": f"hist_n_{name}", "kind": "historyCount", "keys": parts,
                      "doc": f"inspected declarations of the same {label} dated before this one"})
        feats.append({"name": f"hist_fraud_{name}", "kind": "historyRate", "keys": parts, "of": "fraud",
                      "prior": fraud_prior, "smoothing": SMOOTHING,
                      "doc": f"smoothed fraud rate of those (prior {fraud_prior}, pseudo-count {SMOOTHING:g})"})
        feats.append({"name": f"hist_critical_{name}", "kind": "historyRate", "keys": parts, "of": "critical",
                      "prior": critical_prior, "smoothing": CRITICAL_SMOOTHING,
                      "doc": f"smoothed critical-fraud rate of those (prior {critical_prior}, pseudo-count {CRITICAL_SMOOTHING:g})"})
    for name in UNIT_PRICE_KEYS:
        feats.append({"name": f"unit_price_z_{name}", "kind": "historyUnitPriceZ", "keys": HISTORY_KEYS[name],
                      "varianceFloor": VARIANCE_FLOOR,
                      "doc": f"z-score of ln(1 + KRW/kg) against earlier declarations of the same {' + '.join(HISTORY_KEYS[name])}"})
    return feats


def encode(df: pd.DataFrame, feats, agg: dict[str, np.ndarray]) -> np.ndarray:
    """Encode rows as src/feature-encoder.ts does (float64 maths, float32 result) [N, F]."""
    names_by_parts = {"|".join(p): n for n, p in HISTORY_KEYS.items()}
    rows = df.to_dict("records")
    lup = np.array([np.nan if (x := log_unit_price(r)) is None else x for r in rows])
    cols = []
    for f in feats:
        k = f["kind"]
        if k == "numeric":
            v = df[f["source"]].to_numpy(np.float64)
        elif k == "log1p":
            v = np.log1p(np.maximum(df[f["source"]].to_numpy(np.float64), 0.0))
        elif k == "logUnitPrice":
            v = np.where(np.isnan(lup), f["fallback"], lup)
        elif k == "dayOfWeek":
            d = pd.to_datetime(df["date"], format="%Y-%m-%d")
            v = ((d.dt.dayofweek.to_numpy() + 1) % 7).astype(np.float64)
        elif k == "hsChapterNumber":
            v = np.array([float(int(c)) if len(c) == 2 and c.isdigit() else -1.0 for c in df["hsCode"].str.slice(0, 2)])
        elif k == "notEqual":
            a, b = f["sources"]
            v = (df[a] != df[b]).to_numpy(np.float64)
        elif k == "isMissing":
            v = (df[f["source"]].fillna("") == "").to_numpy(np.float64)
        elif k == "ordinal":
            v = key_series(df, f["source"]).map(f["codes"]).fillna(f["unknown"]).to_numpy(np.float64)
        elif k in ("historyCount", "historyRate", "historyUnitPriceZ"):
            a = agg[names_by_parts["|".join(f["keys"])]]
            n = a[:, 0]
            if k == "historyCount":
                v = n.copy()
            elif k == "historyRate":
                hits = a[:, 1] if f["of"] == "fraud" else a[:, 2]
                v = (hits + f["prior"] * f["smoothing"]) / (n + f["smoothing"])
            else:
                pn, ps, ps2 = a[:, 3], a[:, 4], a[:, 5]
                v = np.zeros(len(df))
                for i in range(len(df)):
                    if np.isnan(lup[i]) or pn[i] == 0:
                        continue
                    mean = ps[i] / pn[i]
                    var = (ps2[i] - ps[i] * ps[i] / pn[i]) / (pn[i] - 1) if pn[i] > 1 else 0.0
                    v[i] = (lup[i] - mean) / math.sqrt(max(var, 0.0) + f["varianceFloor"])
        else:
            raise ValueError(f"unknown feature kind {k}")
        cols.append(np.asarray(v, dtype=np.float64))
    return np.stack(cols, axis=1).astype(np.float32)


def metrics(y, s):
    out = {f"precision@{int(p * 100)}%": precision_at(y, s, p) for p in (0.01, 0.02, 0.05, 0.10, 0.20)}
    out["rocAuc"] = float(roc_auc_score(y, s))
    return out


def recall_in_top(y, s, share):
    n = max(1, int(round(len(y) * share)))
    top = np.zeros(len(y), bool)
    top[np.argsort(-s, kind="mergesort")[:n]] = True
    return float(y[top].sum() / max(1, y.sum())), top


def calibration(y, p, bins=10):
    """Reliability table by score decile: mean score vs observed rate."""
    order = np.argsort(p, kind="mergesort")
    out = []
    for chunk in np.array_split(order, bins):
        out.append({"meanScore": r6(float(p[chunk].mean())), "observedRate": r6(float(y[chunk].mean())), "n": int(len(chunk))})
    return out


def fit(X, y, dates, params, label):
    """Rounds by early stopping on Nov-Dec 2020 (train rows from FIT_FROM), refit on all of them x1.2."""
    use = dates >= FIT_FROM
    inner, hold = use & (dates < HOLDOUT_FROM), use & (dates >= HOLDOUT_FROM)
    probe = lgb.LGBMClassifier(n_estimators=MAX_ROUNDS, **params)
    probe.fit(X[inner], y[inner], eval_set=[(X[hold], y[hold])], eval_metric="auc",
              callbacks=[lgb.early_stopping(EARLY_STOP, verbose=False)])
    best = int(probe.best_iteration_ or MAX_ROUNDS)
    ph = probe.predict_proba(X[hold])[:, 1]
    hold_metrics = {k: r6(v) for k, v in metrics(y[hold], ph).items()}
    rounds = int(round(best * 1.2))
    print(f"{label}: best round {best} on the Nov-Dec 2020 holdout {json.dumps(hold_metrics)} -> refit with {rounds}")
    clf = lgb.LGBMClassifier(n_estimators=rounds, **params)
    clf.fit(X[use], y[use])
    return clf, rounds, hold_metrics


def to_onnx(clf, n_features, path: Path, doc: str):
    onx = onnxmltools.convert_lightgbm(clf, name=MODEL_NAME, initial_types=[("features", FloatTensorType([None, n_features]))],
                                       zipmap=False, target_opset=15)
    changed = align_thresholds(onx, clf.booster_)
    onx.doc_string = doc
    for k, v in (("model_name", MODEL_NAME), ("model_version", MODEL_VERSION)):
        meta = onx.metadata_props.add()
        meta.key, meta.value = k, v
    onnx.save_model(onx, str(path))
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"]), changed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("KCS_DATA", DEFAULT_DATA)))
    ap.add_argument("--out", type=Path, default=LIB / "models" / MODEL_VERSION)
    ap.add_argument("--fixtures", type=int, default=200)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    train = read_split(args.data / "train.csv")
    valid = read_split(args.data / "valid.csv")
    both = pd.concat([train, valid], ignore_index=True)
    print(f"train {len(train)} rows {train.date.min()}..{train.date.max()} fraud {train[LABEL].mean():.4f} critical {train[CRITICAL].mean():.4f}")
    print(f"valid {len(valid)} rows {valid.date.min()}..{valid.date.max()} fraud {valid[LABEL].mean():.4f} critical {valid[CRITICAL].mean():.4f}")

    fraud_prior = r6(float(train[LABEL].mean()))
    critical_prior = r6(float(train[CRITICAL].mean()))
    for d in (train, valid):
        d["hsChapter"] = d["hsCode"].str.slice(0, 2)
    ordinals = {src: {c: i for i, c in enumerate(sorted(set(key_series(train, [src]))))} for src in ORDINAL_SOURCES}
    feats = build_features(ordinals, fraud_prior, critical_prior)
    names = [f["name"] for f in feats]

    agg_train = history_aggregates(train, train)
    agg_online = history_aggregates(both, valid)
    agg_frozen = history_aggregates(train, valid)
    X_tr = encode(train, feats, agg_train)
    X_va = encode(valid, feats, agg_online)
    X_vf = encode(valid, feats, agg_frozen)
    dates = train["date"].to_numpy()
    y_tr, c_tr = train[LABEL].to_numpy(), train[CRITICAL].to_numpy()
    y_va, c_va = valid[LABEL].to_numpy(), valid[CRITICAL].to_numpy()
    print(f"{len(names)} features")

    clf, rounds, hold = fit(X_tr, y_tr, dates, LGB_PARAMS, "fraud")
    crit, crit_rounds, crit_hold = fit(X_tr, c_tr, dates, CRITICAL_PARAMS, "critical")

    sess, n_al = to_onnx(clf, len(names), args.out / "risk-model.onnx", f"{MODEL_NAME} {MODEL_VERSION}: P(Fraud)")
    csess, n_cal = to_onnx(crit, len(names), args.out / "critical-model.onnx", f"{MODEL_NAME} {MODEL_VERSION}: P(Critical Fraud)")
    print(f"aligned {n_al} + {n_cal} float32 thresholds")
    run = lambda s, X: s.run(["probabilities"], {"features": X})[0][:, 1].astype(np.float64)
    p_on, p_fr, pc_on = run(sess, X_va), run(sess, X_vf), run(csess, X_va)
    p_lgb = clf.predict_proba(X_va.astype(np.float64))[:, 1]
    max_diff = float(np.max(np.abs(p_on - p_lgb)))
    m_on, m_fr = metrics(y_va, p_on), metrics(y_va, p_fr)
    print("valid online :", json.dumps(m_on))
    print("valid frozen :", json.dumps(m_fr))
    m_crit = {"rocAuc": float(roc_auc_score(c_va, pc_on))}
    shares = [0.01, 0.02, 0.05, 0.10, 0.20, 0.30, 0.50]
    quantiles = [{"topShare": s, "score": r6(float(np.quantile(p_on, 1 - s)))} for s in shares]
    cquantiles = [{"topShare": s, "score": r6(float(np.quantile(pc_on, 1 - s)))} for s in shares]
    critical_recall = []
    for red in (0.02, 0.05, 0.10):
        r_fraud, top_f = recall_in_top(c_va, p_on, red)
        r_crit, top_c = recall_in_top(c_va, pc_on, 0.01)
        union = top_f | top_c
        critical_recall.append({"redTopShare": red, "criticalRedTopShare": 0.01,
                                "recallFraudModelOnly": r6(r_fraud), "recallCriticalModelTop1pct": r6(r_crit),
                                "recallCombined": r6(float(c_va[union].sum() / c_va.sum())), "redShareCombined": r6(float(union.mean()))})
    print("critical recall among RED:", json.dumps(critical_recall))

    booster = clf.booster_
    try:
        from tree_export import export_trees  # TreeSHAP export (python/tree_export.py)
        trees = export_trees(booster)
        (args.out / "trees.json").write_text(json.dumps(trees, separators=(",", ":")) + "\n")
        explanation = {"treesFile": "trees.json"}
    except ImportError:
        print("python/tree_export.py not found: no trees.json (no exact attributions)")
        explanation = None
    contrib = booster.predict(X_va.astype(np.float64), pred_contrib=True)

    sha = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()
    spec = {
        "specVersion": 2,
        "model": {"name": MODEL_NAME, "version": MODEL_VERSION, "file": "risk-model.onnx", "inputName": "features",
                  "outputName": "probabilities", "positiveClassIndex": 1, "sha256": sha(args.out / "risk-model.onnx")},
        "critical": {"file": "critical-model.onnx", "sha256": sha(args.out / "critical-model.onnx"), "quantiles": cquantiles},
        **({"explanation": explanation} if explanation else {}),
        "training": {
            "trainFile": "kcs-import-declarations/train.csv", "trainPeriod": [train.date.min(), train.date.max()],
            "fitFrom": FIT_FROM, "trainRows": int(len(train)), "fitRows": int((dates >= FIT_FROM).sum()),
            "validFile": "kcs-import-declarations/valid.csv", "validPeriod": [valid.date.min(), valid.date.max()],
            "validRows": int(len(valid)), "fraudPrior": fraud_prior, "criticalPrior": critical_prior,
            "seed": SEED, "rounds": rounds, "criticalRounds": crit_rounds,
            "holdoutMetrics": hold, "criticalHoldoutMetrics": crit_hold,
            "validMetricsOnline": {k: r6(v) for k, v in m_on.items()},
            "validMetricsFrozen": {k: r6(v) for k, v in m_fr.items()},
            "criticalValidRocAuc": r6(m_crit["rocAuc"]), "criticalRecallAmongRed": critical_recall,
            "calibration": calibration(y_va, p_on),
            "brierScore": r6(float(brier_score_loss(y_va, p_on))),
        },
        "encoding": {
            "dtype": "float32", "layout": "row-major [N, F]",
            "history": "aggregates over labelled declarations with the same key dated strictly before the declaration's date; "
                       "a key with a missing party (no seller/courier) has no history",
        },
        "numFeatures": len(feats),
        "features": feats,
        "tables": {},
        "quantiles": quantiles,
        "thresholds": {
            "basis": "score cut-offs of the top shares of valid.csv (2021-01..03), ONNX scores, online history",
            "red": {"topShare": 0.02, "score": quantiles[1]["score"]},
            "yellow": {"topShare": 0.10, "score": quantiles[3]["score"]},
        },
    }
    (args.out / "feature-spec.json").write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":")) + "\n")

    # parity fixtures: seeded valid rows (+ edge cases) with the aggregates they were encoded from
    rng = np.random.RandomState(SEED)
    edge = []  # cover the edge cases: zero mass, no seller, a courier, a critical fraud
    for cond in (valid.netMassKg == 0, valid.sellerId == "", valid.courierId != "", c_va == 1):
        hit = np.flatnonzero(np.asarray(cond))
        if len(hit):
            edge.append(int(hit[0]))
    idx = [int(i) for i in rng.choice(len(valid), size=args.fixtures, replace=False)]
    idx = sorted(set(idx[: args.fixtures - len(edge)]) | set(edge))
    fixtures = {
        "model": {"name": MODEL_NAME, "version": MODEL_VERSION},
        "scoreSource": f"Python onnxruntime {ort.__version__}; contributions: LightGBM {lgb.__version__} pred_contrib (raw log-odds)",
        "featureNames": names,
        "historyKeys": HISTORY_KEYS,
        "rows": [{
            "declaration": to_declaration(valid.iloc[i]),
            "history": {n: [float(x) for x in agg_online[n][i]] for n in HISTORY_KEYS},
            "features": [float(x) for x in X_va[i]],
            "score": float(p_on[i]), "criticalScore": float(pc_on[i]),
            "contributions": [float(x) for x in contrib[i]],
        } for i in idx],
    }
    (args.out / "parity-fixtures.json").write_text(json.dumps(fixtures, ensure_ascii=False) + "\n")

    write_history_fixtures(REPO / "e2e" / "fixtures" / "kcs-valid-sample.csv", args.out / "history-fixtures.json")
    imp = booster.feature_importance(importance_type="gain")
    importance = sorted(((names[i], float(imp[i])) for i in range(len(names))), key=lambda t: -t[1])
    write_model_card(args.out / "MODEL_CARD.md", spec, m_on, m_fr, max_diff, importance)
    print(f"wrote {args.out}")


def write_history_fixtures(sample_csv: Path, out: Path) -> None:
    """Aggregates of the committed sample (as a history) for 100 of its rows, for the TS parity test."""
    if not sample_csv.exists():
        print(f"{sample_csv} missing: no history fixtures")
        return
    s = read_split(sample_csv)
    agg = history_aggregates(s, s)
    rng = np.random.RandomState(SEED + 1)
    idx = sorted(int(i) for i in rng.choice(len(s), size=100, replace=False))
    out.write_text(json.dumps({
        "history": "e2e/fixtures/kcs-valid-sample.csv (labels Fraud, Critical Fraud = 2), added in (date, file) order",
        "keys": HISTORY_KEYS,
        "rows": [{"declarationId": s.iloc[i]["declarationId"], "date": s.iloc[i]["date"],
                  "aggregates": {n: [float(x) for x in agg[n][i]] for n in HISTORY_KEYS}} for i in idx],
    }) + "\n")


def write_model_card(path, spec, m_on, m_fr, max_diff, importance):
    t = spec["training"]
    row = lambda m: " | ".join(f"{m[k]:.4f}" for k in ("precision@1%", "precision@2%", "precision@5%", "precision@10%", "precision@20%", "rocAuc"))
    feats = "\n".join(f"| {i} | `{f['name']}` | {f['kind']} | {f.get('doc', '')} |" for i, f in enumerate(spec["features"]))
    imp = "\n".join(f"| `{n}` | {g:,.0f} |" for n, g in importance[:20])
    cal = "\n".join(f"| {c['meanScore']:.4f} | {c['observedRate']:.4f} | {c['n']} |" for c in t["calibration"])
    crit = "\n".join(f"| {c['redTopShare']*100:g}% | {c['recallFraudModelOnly']:.3f} | {c['recallCombined']:.3f} ({c['redShareCombined']*100:.1f}% RED) |"
                     for c in t["criticalRecallAmongRed"])
    params = "\n".join(f"| {k} | {v} |" for k, v in LGB_PARAMS.items())
    q = "\n".join(f"| top {x['topShare']*100:g}% | {x['score']} |" for x in spec["quantiles"])
    path.write_text(f"""# Model card: {MODEL_NAME} {MODEL_VERSION}

*Generated by `python/train.py`; do not edit by hand: retrain instead.*

## What it is
Two LightGBM gradient-boosted tree classifiers on the same {spec['numFeatures']} features:
`risk-model.onnx` gives P(fraud) of an import declaration (an attempt to reduce customs duty,
KCS `Fraud`); `critical-model.onnx` gives P(critical fraud) (KCS `Critical Fraud` = 2, a threat
to public safety). Served with onnxruntime-node; the encoding is `feature-spec.json`
(`src/feature-encoder.ts`); `trees.json` holds the fraud model's trees for exact TreeSHAP
attributions (`src/tree-shap.ts`). Version 1.0.0 (static target tables) stays registered as a
challenger.

## Data and time order
- Source: KCS synthetic import declarations (Jeong et al., arXiv:2208.02484, MIT), CTGAN-generated.
- Fit: `{t['trainFile']}` rows dated {t['fitFrom']} .. {t['trainPeriod'][1]} ({t['fitRows']:,} of {t['trainRows']:,} rows;
  the months before only serve as history). Number of rounds by early stopping on 2020-11..12
  (fitting on 2020-03..10), then refit x1.2.
- Measured on `{t['validFile']}` ({t['validPeriod'][0]} .. {t['validPeriod'][1]}, {t['validRows']:,} rows), never used to fit.
- 2021-04 .. 2021-06 are held back by the project and were not used.

**Selection bias.** Every labelled row was inspected: the ~21% fraud share is the hit rate of
the past selection, so scores rank declarations like the ones inspected before; they are not
calibrated for the whole import stream. Control inspections (random, kept apart) are what
measure it. The labels are never inputs.

## Supply-chain history features (no leakage)
For each key - {', '.join(' + '.join(p) for p in HISTORY_KEYS.values())} - the number of labelled
declarations with the same key **dated strictly before** the declaration, their smoothed fraud
rate `(frauds + {t['fraudPrior']} x {SMOOTHING:g}) / (n + {SMOOTHING:g})` and critical-fraud rate
`(criticals + {t['criticalPrior']} x {CRITICAL_SMOOTHING:g}) / (n + {CRITICAL_SMOOTHING:g})`, and the unit price's
z-score against the earlier declarations of the HS heading and subheading. In serving the same
aggregates come from Postgres (`inspection_outcome`, kept current as inspection results are
recorded) through the same rule. A missing party (no seller, no courier) has no history.

## Results on validation ({t['validPeriod'][0]} .. {t['validPeriod'][1]})
precision@n% = share of frauds among the n% highest-scored declarations (ONNX scores, the served path).

| history | p@1% | p@2% | p@5% | p@10% | p@20% | ROC AUC |
| --- | --- | --- | --- | --- | --- | --- |
| online (results fed back as they arrive) | {row(m_on)} |
| frozen at 2020-12-31 | {row(m_fr)} |

Published baseline (paper, Table 3, on the held-back months, not comparable one-to-one):
LightGBM precision@5% 0.762, precision@10% 0.641. Nov-Dec 2020 holdout (used for the round
count): {json.dumps(t['holdoutMetrics'])}.

ONNX vs LightGBM predict_proba: max |diff| = {max_diff:.3g}; Brier score {t['brierScore']}.

### Critical fraud
Critical model ROC AUC on validation: {t['criticalValidRocAuc']}. Recall of critical fraud among RED:

| RED top share (fraud score) | recall, fraud model only | recall with the critical model's top 1% also RED |
| --- | --- | --- |
{crit}

### Calibration (validation, score deciles)
| mean score | observed fraud rate | n |
| --- | --- | --- |
{cal}

## Score quantiles on validation (lane thresholds as top shares; capacity-derived per office in serving)
| share | score cut-off |
| --- | --- |
{q}

## Features
| # | name | kind | definition |
| --- | --- | --- | --- |
{feats}

Top features by gain:

| feature | gain |
| --- | --- |
{imp}

## Hyper-parameters
LightGBM {lgb.__version__}, binary objective; fraud {t['rounds']} rounds, critical {t['criticalRounds']} rounds
(num_leaves {CRITICAL_PARAMS['num_leaves']}, min_child_samples {CRITICAL_PARAMS['min_child_samples']}).

| parameter | value |
| --- | --- |
{params}

Seed {SEED}; `deterministic=True`, one thread: reproducible bit for bit with `python/requirements.txt`.

## Reproduce
```
python3 -m venv libs/risk-model/.venv
libs/risk-model/.venv/bin/pip install -r libs/risk-model/python/requirements.txt
libs/risk-model/.venv/bin/python libs/risk-model/python/train.py   # --data DIR (default ../shared/data/kcs-import-declarations)
```
Python {platform.python_version()}, numpy {np.__version__}, onnxmltools {onnxmltools.__version__}, onnxruntime {ort.__version__}.

## Intended use and limits
Ranking declarations for document review / physical inspection next to the selectivity
criteria; a human decides. Synthetic training data: retrain on real declarations before use;
watch the score quantiles for drift; the history features improve as results are fed back.
""")


if __name__ == "__main__":
    main()
