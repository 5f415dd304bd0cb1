#!/usr/bin/env python3
"""Train the kcs-fraud-gbdt risk model and export it for Node serving.

Reads the KCS synthetic import declarations (train.csv = 2020, valid.csv = 2021-01..03),
fits a LightGBM binary classifier for `Fraud` on train.csv only, measures it on valid.csv,
and writes into libs/risk-model/model/:

  risk-model.onnx        LightGBM -> ONNX (no ZipMap): input `features` float32 [N, F],
                         outputs `label` int64 [N] and `probabilities` float32 [N, 2]
  feature-spec.json      the complete feature encoding, read by src/feature-encoder.ts
  parity-fixtures.json   ~200 valid rows (Declaration-shaped, no labels), their float32
                         feature vectors and their ONNX-runtime (Python) fraud scores
  MODEL_CARD.md          what the model is, how it was trained, how well it does

The labels `Fraud` and `Critical Fraud` are never model inputs.

Every feature is computed here by the very rules that the TypeScript encoder implements
(see `encode()` below and `src/feature-encoder.ts`); the target-statistics tables are
rounded to 6 significant digits *before* the training features are built from them, so
serving reproduces training exactly.

Usage (from the repo root):
  python3 -m venv libs/risk-model/.venv
  libs/risk-model/.venv/bin/pip install -r libs/risk-model/python/requirements.txt
  libs/risk-model/.venv/bin/python libs/risk-model/python/train_v1.py
"""
from __future__ import annotations

import argparse
import datetime as dt
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
from sklearn.metrics import roc_auc_score

HERE = Path(__file__).resolve().parent
LIB = HERE.parent
REPO = LIB.parent.parent
DEFAULT_DATA = (REPO.parent / "shared" / "data" / "kcs-import-declarations")

MODEL_NAME = "kcs-fraud-gbdt"
MODEL_VERSION = "1.0.0"
SEED = 42
N_FOLDS = 5
SMOOTHING = 20.0  # pseudo-count m of the smoothed target rate (sum + prior*m) / (n + m)

# CSV column -> Declaration field (camelCase, libs/domain/src/declaration.ts)
COLUMNS = {
    "Declaration ID": "declarationId",
    "Date": "date",
    "Office ID": "officeId",
    "Process Type": "processType",
    "Import Type": "importType",
    "Import Use": "importUse",
    "Payment Type": "paymentType",
    "Mode of Transport": "transportMode",
    "Declarant ID": "declarantId",
    "Importer ID": "importerId",
    "Seller ID": "sellerId",
    "Courier ID": "courierId",
    "HS6 Code": "hsCode",
    "Country of Departure": "departureCountry",
    "Country of Origin": "originCountry",
    "Tax Rate": "taxRate",
    "Tax Type": "taxType",
    "Country of Origin Indicator": "originIndicator",
    "Net Mass": "netMassKg",
    "Item Price": "itemPriceKrw",
}
NUMERIC_FIELDS = ("taxRate", "netMassKg", "itemPriceKrw")
NULLABLE_FIELDS = ("sellerId", "courierId")
LABEL = "Fraud"

# Derived key parts usable in a `source` list besides the Declaration string fields.
DERIVED_KEYS = {
    "hsChapter": lambda df: df["hsCode"].str.slice(0, 2),
    "hsHeading": lambda df: df["hsCode"].str.slice(0, 4),
}

# Low-cardinality codes: ordinal code (sorted train categories -> 0..k-1, unknown -> -1).
ORDINAL_SOURCES = [
    "officeId", "processType", "importType", "importUse", "paymentType",
    "transportMode", "taxType", "originIndicator", "departureCountry", "originCountry",
    "hsChapter",
]
# Target statistics (smoothed out-of-fold fraud rate + count of other train rows).
# A source is a list of key parts joined with "|" (interactions when more than one).
TARGET_SOURCES = [
    ["declarantId"], ["importerId"], ["sellerId"], ["courierId"],
    ["hsCode"], ["hsHeading"], ["hsChapter"],
    ["officeId"], ["departureCountry"], ["originCountry"], ["taxType"],
    # interactions (keys joined with "|")
    ["importerId", "hsChapter"], ["declarantId", "hsChapter"], ["originCountry", "hsHeading"],
]

LGB_PARAMS = dict(
    objective="binary",
    learning_rate=0.05,
    num_leaves=31,
    min_child_samples=20,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.7,
    reg_lambda=1.0,
    max_bin=255,
    random_state=SEED,
    n_jobs=1,
    deterministic=True,
    force_row_wise=True,
    verbose=-1,
)
MAX_ROUNDS = 2000
EARLY_STOP = 100


def r6(x: float) -> float:
    """Round to 6 significant digits (the precision stored in feature-spec.json)."""
    return float(f"{x:.6g}")


def read_split(path: Path) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    df = raw.rename(columns=COLUMNS)
    for f in NUMERIC_FIELDS:
        df[f] = df[f].map(float)  # Python float(): same double as JS Number()/JSON.parse
    df[LABEL] = raw[LABEL].astype(int)
    return df


def key_series(df: pd.DataFrame, source: list[str]) -> pd.Series:
    """The category key of each row for a source: parts joined by '|', missing -> ''."""
    parts = []
    for p in source:
        s = DERIVED_KEYS[p](df) if p in DERIVED_KEYS else df[p]
        parts.append(s.fillna("").astype(str))
    out = parts[0]
    for s in parts[1:]:
        out = out + "|" + s
    return out


def smoothed(sum_y: np.ndarray, n: np.ndarray, prior: float, m: float) -> np.ndarray:
    return (sum_y + prior * m) / (n + m)


def fit_tables(train: pd.DataFrame):
    """Full-train target tables (for serving) and out-of-fold features (for training)."""
    y = train[LABEL].to_numpy(dtype=np.float64)
    prior = r6(float(y.mean()))
    rng = np.random.RandomState(SEED)
    fold = rng.permutation(len(train)) % N_FOLDS
    tables, oof = {}, {}
    for source in TARGET_SOURCES:
        name = "|".join(source)
        keys = key_series(train, source)
        g = pd.DataFrame({"k": keys, "y": y}).groupby("k")["y"].agg(["sum", "count"])
        rate = smoothed(g["sum"].to_numpy(), g["count"].to_numpy(), prior, SMOOTHING)
        tables[name] = {
            "source": source,
            "prior": prior,
            "smoothing": SMOOTHING,
            "entries": {k: [r6(r), int(c)] for k, r, c in zip(g.index, rate, g["count"])},
        }
        # out-of-fold rate: statistics of the other folds only (prior of the other folds)
        oof_rate = np.empty(len(train))
        for f in range(N_FOLDS):
            inf, outf = fold == f, fold != f
            fprior = r6(float(y[outf].mean()))
            gf = pd.DataFrame({"k": keys[outf], "y": y[outf]}).groupby("k")["y"].agg(["sum", "count"])
            s = keys[inf].map(gf["sum"]).fillna(0.0).to_numpy()
            n = keys[inf].map(gf["count"]).fillna(0.0).to_numpy()
            oof_rate[inf] = [r6(v) for v in smoothed(s, n, fprior, SMOOTHING)]
        # count of the *other* train rows sharing the key (label-free, so no folds needed)
        oof_count = keys.map(g["count"]).to_numpy(dtype=np.float64) - 1.0
        oof[name] = (oof_rate, oof_count)
    return tables, oof


def fit_ordinals(train: pd.DataFrame):
    out = {}
    for src in ORDINAL_SOURCES:
        cats = sorted(set(key_series(train, [src])))
        out[src] = {c: i for i, c in enumerate(cats)}
    return out


def build_feature_list(ordinals, tables):
    """Feature definitions in column order (the `features` array of the spec)."""
    feats = [
        {"name": "tax_rate", "kind": "numeric", "source": "taxRate",
         "doc": "duty rate in percent, as declared"},
        {"name": "log_net_mass", "kind": "log1p", "source": "netMassKg",
         "doc": "ln(1 + max(netMassKg, 0)), mass in kg"},
        {"name": "log_item_price", "kind": "log1p", "source": "itemPriceKrw",
         "doc": "ln(1 + max(itemPriceKrw, 0)), price in KRW"},
        {"name": "log_unit_price", "kind": "logUnitPrice", "fallback": -1.0,
         "doc": "ln(1 + itemPriceKrw / netMassKg) (KRW per kg) when netMassKg > 0, else -1"},
        {"name": "day_of_week", "kind": "dayOfWeek",
         "doc": "weekday of `date` (UTC calendar date), 0 = Sunday .. 6 = Saturday"},
        {"name": "month", "kind": "month", "doc": "month of `date`, 1..12"},
        {"name": "hs_chapter_number", "kind": "hsChapterNumber",
         "doc": "integer value of the first two digits of hsCode (-1 if not digits)"},
        {"name": "departure_ne_origin", "kind": "notEqual",
         "sources": ["departureCountry", "originCountry"], "doc": "1 if the two differ, else 0"},
        {"name": "seller_missing", "kind": "isMissing", "source": "sellerId",
         "doc": "1 if sellerId is null or empty"},
        {"name": "courier_missing", "kind": "isMissing", "source": "courierId",
         "doc": "1 if courierId is null or empty"},
    ]
    for src in ORDINAL_SOURCES:
        feats.append({"name": f"ord_{src}", "kind": "ordinal", "source": [src], "unknown": -1,
                      "codes": ordinals[src],
                      "doc": "code of the category among the sorted train categories, unknown -> -1"})
    for name, t in tables.items():
        feats.append({"name": f"te_rate_{name}", "kind": "targetRate", "table": name,
                      "doc": "smoothed fraud rate of the key in train; unseen key -> prior"})
        feats.append({"name": f"te_count_{name}", "kind": "targetCount", "table": name,
                      "doc": "number of train rows with the key; unseen key -> 0"})
    return feats


def day_of_week(dates: pd.Series) -> np.ndarray:
    d = pd.to_datetime(dates, format="%Y-%m-%d")
    return ((d.dt.dayofweek.to_numpy() + 1) % 7).astype(np.float64)  # Sunday = 0


def encode(df: pd.DataFrame, feats, tables, oof=None) -> np.ndarray:
    """Encode rows exactly as src/feature-encoder.ts does; float32 [N, F].

    With `oof` (training rows only) target features take the out-of-fold values instead of
    the serving tables.
    """
    cols = []
    for f in feats:
        k = f["kind"]
        if k == "numeric":
            v = df[f["source"]].to_numpy(np.float64)
        elif k == "log1p":
            v = np.log1p(np.maximum(df[f["source"]].to_numpy(np.float64), 0.0))
        elif k == "logUnitPrice":
            mass = df["netMassKg"].to_numpy(np.float64)
            price = np.maximum(df["itemPriceKrw"].to_numpy(np.float64), 0.0)
            with np.errstate(divide="ignore", invalid="ignore"):
                v = np.where(mass > 0, np.log1p(price / np.where(mass > 0, mass, 1.0)), f["fallback"])
        elif k == "dayOfWeek":
            v = day_of_week(df["date"])
        elif k == "month":
            v = df["date"].str.slice(5, 7).astype(int).to_numpy(np.float64)
        elif k == "hsChapterNumber":
            ch = df["hsCode"].str.slice(0, 2)
            v = np.array([float(int(c)) if len(c) == 2 and c.isdigit() else -1.0 for c in ch])
        elif k == "notEqual":
            a, b = f["sources"]
            v = (df[a] != df[b]).to_numpy(np.float64)
        elif k == "isMissing":
            v = (df[f["source"]].fillna("") == "").to_numpy(np.float64)
        elif k == "ordinal":
            v = key_series(df, f["source"]).map(f["codes"]).fillna(f["unknown"]).to_numpy(np.float64)
        elif k in ("targetRate", "targetCount"):
            t = tables[f["table"]]
            if oof is not None:
                rate, cnt = oof[f["table"]]
                v = rate if k == "targetRate" else cnt
            else:
                keys = key_series(df, t["source"])
                idx = 0 if k == "targetRate" else 1
                dflt = t["prior"] if k == "targetRate" else 0.0
                v = keys.map(lambda x: t["entries"].get(x, [t["prior"], 0])[idx]).fillna(dflt).to_numpy(np.float64)
        else:
            raise ValueError(f"unknown feature kind {k}")
        cols.append(np.asarray(v, dtype=np.float64))
    return np.stack(cols, axis=1).astype(np.float32)


def precision_at(y: np.ndarray, s: np.ndarray, share: float) -> float:
    n = max(1, int(round(len(y) * share)))
    order = np.argsort(-s, kind="mergesort")  # stable: ties keep file order
    return float(y[order[:n]].mean())


def metrics(y, s):
    out = {f"precision@{int(p*100)}%": precision_at(y, s, p) for p in (0.01, 0.02, 0.05, 0.10, 0.20)}
    out["rocAuc"] = float(roc_auc_score(y, s))
    return out


def align_thresholds(onx: onnx.ModelProto, booster: lgb.Booster) -> int:
    """Make the ONNX float32 split thresholds decide exactly like LightGBM's float64 ones.

    LightGBM splits on `x <= t` with a float64 t; the converter stores float32(t) rounded to
    nearest, so a float32 feature value equal to a threshold rounded *up* goes the other way
    than in LightGBM. The inputs are float32, so `x <= t` equals `x <= t32` where t32 is the
    largest float32 <= t. The ONNX trees are walked in step with LightGBM's dump (true branch
    = left child) and every threshold is replaced by that value. Returns the number changed.
    """
    te = next(n for n in onx.graph.node if n.op_type == "TreeEnsembleClassifier")
    attr = {a.name: a for a in te.attribute}
    tree_ids = list(attr["nodes_treeids"].ints)
    node_ids = list(attr["nodes_nodeids"].ints)
    modes = list(attr["nodes_modes"].strings)
    values = np.array(attr["nodes_values"].floats, dtype=np.float32)
    true_ids = list(attr["nodes_truenodeids"].ints)
    false_ids = list(attr["nodes_falsenodeids"].ints)
    feat_ids = list(attr["nodes_featureids"].ints)
    index = {(t, n): i for i, (t, n) in enumerate(zip(tree_ids, node_ids))}
    changed = 0

    def walk(tree: int, node: int, d: dict) -> None:
        nonlocal changed
        i = index[(tree, node)]
        if "split_index" not in d:
            assert modes[i] == b"LEAF", (tree, node)
            return
        assert modes[i] == b"BRANCH_LEQ" and d["decision_type"] == "<=", (tree, node, d["decision_type"])
        assert feat_ids[i] == d["split_feature"], (tree, node)
        t = float(d["threshold"])
        t32 = np.float32(t)
        if float(t32) > t:
            t32 = np.nextafter(t32, np.float32(-np.inf))
        assert abs(float(values[i]) - float(t32)) <= abs(t) * 1e-6 + 1e-30, (tree, node, values[i], t)
        if values[i] != t32:
            values[i] = t32
            changed += 1
        walk(tree, true_ids[i], d["left_child"])
        walk(tree, false_ids[i], d["right_child"])

    for tree in booster.dump_model()["tree_info"]:
        walk(tree["tree_index"], 0, tree["tree_structure"])
    attr["nodes_values"].ClearField("floats")
    attr["nodes_values"].floats.extend(values.tolist())
    return changed


def to_declaration(row) -> dict:
    d = {}
    for f in COLUMNS.values():
        v = row[f]
        if f in NULLABLE_FIELDS and v == "":
            v = None
        d[f] = v
    return d


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("KCS_DATA", DEFAULT_DATA)))
    ap.add_argument("--out", type=Path, default=LIB / "models" / MODEL_VERSION)
    ap.add_argument("--fixtures", type=int, default=200)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    train = read_split(args.data / "train.csv")
    valid = read_split(args.data / "valid.csv")
    print(f"train {len(train)} rows {train.date.min()}..{train.date.max()} fraud {train[LABEL].mean():.4f}")
    print(f"valid {len(valid)} rows {valid.date.min()}..{valid.date.max()} fraud {valid[LABEL].mean():.4f}")

    tables, oof = fit_tables(train)
    ordinals = fit_ordinals(train)
    feats = build_feature_list(ordinals, tables)
    X_tr = encode(train, feats, tables, oof)
    X_va = encode(valid, feats, tables)
    y_tr = train[LABEL].to_numpy()
    y_va = valid[LABEL].to_numpy()
    names = [f["name"] for f in feats]
    print(f"{len(names)} features")

    # Number of rounds: early stopping on the last two months of train (time order), then
    # refit on the whole train split. valid.csv plays no part in fitting.
    inner = train["date"] < "2020-11-01"
    tr_oof = {k: (r[inner.to_numpy()], c[inner.to_numpy()]) for k, (r, c) in oof.items()}
    # (the OOF statistics of the inner rows may use Nov/Dec labels of other folds: a mild
    # look-ahead that only affects the choice of the round count)
    probe = lgb.LGBMClassifier(n_estimators=MAX_ROUNDS, **LGB_PARAMS)
    probe.fit(X_tr[inner.to_numpy()], y_tr[inner.to_numpy()],
              eval_set=[(X_tr[~inner.to_numpy()], y_tr[~inner.to_numpy()])], eval_metric="auc",
              callbacks=[lgb.early_stopping(EARLY_STOP, verbose=False)])
    n_rounds = int(probe.best_iteration_ or MAX_ROUNDS)
    n_rounds = int(round(n_rounds * 1.2))  # the refit sees 20% more rows
    print(f"rounds: best {probe.best_iteration_} on Nov-Dec holdout -> refit with {n_rounds}")

    clf = lgb.LGBMClassifier(n_estimators=n_rounds, **LGB_PARAMS)
    clf.fit(X_tr, y_tr)
    p_lgb = clf.predict_proba(X_va.astype(np.float64))[:, 1]

    onx = onnxmltools.convert_lightgbm(
        clf, name=MODEL_NAME, initial_types=[("features", FloatTensorType([None, len(names)]))],
        zipmap=False, target_opset=15)
    n_aligned = align_thresholds(onx, clf.booster_)
    print(f"aligned {n_aligned} float32 thresholds with LightGBM's float64 splits")
    onx.doc_string = f"{MODEL_NAME} {MODEL_VERSION}: P(Fraud) of a KCS import declaration"
    meta = onx.metadata_props.add(); meta.key, meta.value = "model_name", MODEL_NAME
    meta = onx.metadata_props.add(); meta.key, meta.value = "model_version", MODEL_VERSION
    onnx_path = args.out / "risk-model.onnx"
    onnx.save_model(onx, str(onnx_path))
    so = ort.SessionOptions(); so.intra_op_num_threads = 1
    sess = ort.InferenceSession(str(onnx_path), so, providers=["CPUExecutionProvider"])
    out_names = [o.name for o in sess.get_outputs()]
    assert "probabilities" in out_names, out_names
    p_onnx = sess.run(["probabilities"], {"features": X_va})[0][:, 1].astype(np.float64)
    max_diff = float(np.max(np.abs(p_onnx - p_lgb)))
    print(f"ONNX vs LightGBM predict_proba: max |diff| = {max_diff:.3g}")

    m_lgb = metrics(y_va, p_lgb)
    m_onnx = metrics(y_va, p_onnx)
    print("valid (LightGBM):", json.dumps(m_lgb))
    print("valid (ONNX)    :", json.dumps(m_onnx))

    shares = [0.01, 0.02, 0.05, 0.10, 0.20, 0.30, 0.50]
    quantiles = [{"topShare": s, "score": r6(float(np.quantile(p_onnx, 1 - s)))} for s in shares]
    thresholds = {
        "basis": "score cut-offs of the top shares of valid.csv (2021-01..03), ONNX scores",
        "red": {"topShare": 0.02, "score": next(q["score"] for q in quantiles if q["topShare"] == 0.02)},
        "yellow": {"topShare": 0.10, "score": next(q["score"] for q in quantiles if q["topShare"] == 0.10)},
    }

    imp = clf.booster_.feature_importance(importance_type="gain")
    importance = sorted(((names[i], float(imp[i])) for i in range(len(names))), key=lambda t: -t[1])

    spec = {
        "specVersion": 1,
        "model": {
            "name": MODEL_NAME, "version": MODEL_VERSION, "file": onnx_path.name,
            "inputName": "features", "outputName": "probabilities", "positiveClassIndex": 1,
            "sha256": hashlib.sha256(onnx_path.read_bytes()).hexdigest(),
        },
        "training": {
            "trainFile": "kcs-import-declarations/train.csv", "trainPeriod": [train.date.min(), train.date.max()],
            "trainRows": int(len(train)), "trainFraudRate": r6(float(y_tr.mean())),
            "validFile": "kcs-import-declarations/valid.csv", "validPeriod": [valid.date.min(), valid.date.max()],
            "validRows": int(len(valid)), "validFraudRate": r6(float(y_va.mean())),
            "seed": SEED, "folds": N_FOLDS, "rounds": n_rounds,
            "validMetrics": {k: r6(v) for k, v in m_onnx.items()},
        },
        "encoding": {
            "dtype": "float32", "layout": "row-major [N, F]",
            "missingKey": "null/undefined key parts become the empty string ''",
            "keyJoin": "|",
            "derivedKeys": {"hsChapter": "hsCode.slice(0, 2)", "hsHeading": "hsCode.slice(0, 4)"},
            "targetRate": "entries[key][0] = round6((sum(Fraud) + prior*smoothing) / (count + smoothing)) over train; unseen -> prior",
            "targetCount": "entries[key][1] = count of train rows with the key; unseen -> 0",
        },
        "numFeatures": len(feats),
        "features": feats,
        "tables": tables,
        "quantiles": quantiles,
        "thresholds": thresholds,
    }
    spec_path = args.out / "feature-spec.json"
    spec_path.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":")) + "\n")

    # parity fixtures: a seeded sample of valid rows plus edge cases
    rng = np.random.RandomState(SEED)
    idx = [int(i) for i in rng.choice(len(valid), size=args.fixtures, replace=False)]
    edge = []  # make sure the edge cases are covered: zero mass, no seller, a courier
    for cond in (valid.netMassKg == 0, valid.sellerId == "", valid.courierId != ""):
        hit = np.flatnonzero(cond.to_numpy())
        if len(hit):
            edge.append(int(hit[0]))
    idx = sorted(set(idx[: args.fixtures - len(edge)]) | set(edge))
    fixtures = {
        "model": {"name": MODEL_NAME, "version": MODEL_VERSION},
        "scoreSource": "Python onnxruntime %s, probabilities[:, 1] of risk-model.onnx" % ort.__version__,
        "featureNames": names,
        "rows": [
            {"declaration": to_declaration(valid.iloc[i]), "score": float(p_onnx[i]),
             "lightgbmScore": float(p_lgb[i]), "features": [float(x) for x in X_va[i]]}
            for i in idx
        ],
    }
    (args.out / "parity-fixtures.json").write_text(json.dumps(fixtures, ensure_ascii=False, indent=1) + "\n")

    write_model_card(args.out / "MODEL_CARD.md", spec, m_lgb, m_onnx, max_diff, importance, onnx_path, spec_path)
    print(f"wrote {onnx_path} ({onnx_path.stat().st_size} B), {spec_path} ({spec_path.stat().st_size} B)")


def write_model_card(path, spec, m_lgb, m_onnx, max_diff, importance, onnx_path, spec_path):
    t = spec["training"]
    fmt = lambda m: " | ".join(f"{m[k]:.4f}" for k in ("precision@1%", "precision@2%", "precision@5%", "precision@10%", "precision@20%", "rocAuc"))
    feats = "\n".join(f"| {i} | `{f['name']}` | {f['kind']} | {f['doc']} |" for i, f in enumerate(spec["features"]))
    imp = "\n".join(f"| `{n}` | {g:,.0f} |" for n, g in importance[:15])
    params = "\n".join(f"| {k} | {v} |" for k, v in {**LGB_PARAMS, "n_estimators": t["rounds"]}.items())
    q = "\n".join(f"| top {x['topShare']*100:g}% | {x['score']} |" for x in spec["quantiles"])
    path.write_text(f"""# Model card: {MODEL_NAME} {MODEL_VERSION}

*Generated by `python/train.py`; do not edit by hand: retrain instead.*

## What it is
A LightGBM gradient-boosted tree classifier giving the probability that a customs import
declaration is fraudulent (an attempt to reduce customs duty, the KCS `Fraud` label).
Served from `risk-model.onnx` with onnxruntime-node; the input encoding is
`feature-spec.json` ({spec['numFeatures']} float32 features, implemented by
`src/feature-encoder.ts`). Output: `probabilities` [N, 2], column 1 = P(fraud) in [0, 1].

## Data
- Source: KCS synthetic import declarations (Jeong et al., arXiv:2208.02484, MIT licence),
  generated with CTGAN from real declarations.
- Train: `{t['trainFile']}`, {t['trainPeriod'][0]} .. {t['trainPeriod'][1]}, {t['trainRows']:,} rows, fraud share {t['trainFraudRate']:.4f}.
- Validation: `{t['validFile']}`, {t['validPeriod'][0]} .. {t['validPeriod'][1]}, {t['validRows']:,} rows, fraud share {t['validFraudRate']:.4f}.
  Used only for measurement (not for fitting, early stopping or the encoders).
- The months 2021-04 .. 2021-06 are held back by the project and were not used.

**Selection bias.** The labels are inspection outcomes of *inspected* declarations only
(the dataset was generated from inspected declarations). The fraud share of ~21% is the hit
rate of the existing selection, not the fraud rate among all imports, and the model learns
what the past selection found. Scores are therefore a ranking signal, not calibrated
probabilities for the whole import stream; random control selection is needed to measure
and correct this bias. The labels `Fraud` and `Critical Fraud` are never model inputs.

## Results on validation ({t['validPeriod'][0]} .. {t['validPeriod'][1]})
precision@n% = share of frauds among the n% highest-scored declarations.

| scorer | p@1% | p@2% | p@5% | p@10% | p@20% | ROC AUC |
| --- | --- | --- | --- | --- | --- | --- |
| ONNX (served) | {fmt(m_onnx)} |
| LightGBM predict_proba | {fmt(m_lgb)} |

Published baseline (paper, Table 3, on the held-back months 2021-04..06, not comparable
one-to-one): LightGBM precision@5% 0.762, precision@10% 0.641.

ONNX vs LightGBM `predict_proba` on the validation rows: max |diff| = {max_diff:.3g}
(the ONNX split thresholds are set to the largest float32 <= LightGBM's float64 threshold,
so every float32 input takes the same branches; what remains is float32 summation of the leaves). The Node parity test compares Node's ONNX
scores with Python onnxruntime scores of the same file (`parity-fixtures.json`).

## Score quantiles on validation (for lane thresholds as "top share")
| share | score cut-off |
| --- | --- |
{q}

Suggested default thresholds: RED = top {spec['thresholds']['red']['topShare']*100:g}% (score >= {spec['thresholds']['red']['score']}),
YELLOW = top {spec['thresholds']['yellow']['topShare']*100:g}% (score >= {spec['thresholds']['yellow']['score']}).

## Features
Ids and other high-cardinality codes are encoded as target statistics: the smoothed fraud
rate `(frauds + prior * {SMOOTHING:g}) / (count + {SMOOTHING:g})` (prior = train fraud share) and the
row count of the key in train. For the training rows the rate is computed out of fold
({N_FOLDS} folds, seed {SEED}) and the count excludes the row itself, so no row sees its own
label; serving uses the tables of the whole train split, stored in the spec rounded to 6
significant digits (training used the same rounded values). Low-cardinality codes are
ordinal codes (sorted train categories, unknown -> -1). No native categorical splits.

| # | name | kind | definition |
| --- | --- | --- | --- |
{feats}

Top features by gain:

| feature | gain |
| --- | --- |
{imp}

## Hyper-parameters
LightGBM {lgb.__version__}, binary objective. The number of rounds was chosen by early
stopping (AUC, patience {EARLY_STOP}) training on 2020-01..10 and validating on 2020-11..12 of
train.csv, times 1.2 for the refit on all of 2020.

| parameter | value |
| --- | --- |
{params}

Seed {SEED}; `deterministic=True`, one thread: the run is reproducible bit for bit on the
same library versions (`python/requirements.txt`).

## Reproduce
```
python3 -m venv libs/risk-model/.venv
libs/risk-model/.venv/bin/pip install -r libs/risk-model/python/requirements.txt
libs/risk-model/.venv/bin/python libs/risk-model/python/train.py   # --data DIR to override ../shared/data/kcs-import-declarations
```
Outputs: `risk-model.onnx` ({onnx_path.stat().st_size:,} B, sha256 `{spec['model']['sha256'][:16]}...`), `feature-spec.json`,
`parity-fixtures.json`, this card. Python {platform.python_version()}, numpy {np.__version__},
onnxmltools {onnxmltools.__version__}, onnxruntime {ort.__version__}.

## Intended use and limits
Ranking import declarations for document review / physical inspection together with the
selectivity criteria; a human decides on the inspection result. Not for automatic
sanctions. Trained on synthetic data: retrain on real declarations before production use,
monitor drift of the score quantiles, and retrain when the ids (importers, sellers) turn over.
""")


if __name__ == "__main__":
    main()
