#!/usr/bin/env python3
"""Write the TreeSHAP test fixture: small LightGBM models, rows, and LightGBM's own contributions.

Trains two small deterministic LightGBM binary models on numeric columns of the KCS train.csv
(`Fraud` label), exports them with `tree_export.export_trees`, and writes
`libs/risk-model/src/testing/tree-shap-fixtures.json`, read by `src/tree-shap.spec.ts`:

  {
    "generatedBy": "libs/risk-model/python/make_tree_shap_fixtures.py",
    "lightgbmVersion": "4.6.0",
    "cases": [
      {
        "name": str, "params": {...LightGBM parameters, "num_boost_round"},
        "model": {lightgbm-trees/1 JSON, see tree_export.py},
        "rows": [[F float32 values as doubles; null = NaN]],
        "rawScores": [N doubles],           # booster.predict(X, raw_score=True), log-odds
        "contributions": [[F + 1 doubles]]  # booster.predict(X, pred_contrib=True); last = bias
      }
    ]
  }

Case "kcs-numeric" (60 trees, 15 leaves) has NaN values (price per kg when the net mass is 0),
so its splits use missing_type None and NaN; case "kcs-zero-as-missing" (20 trees, 7 leaves)
trains with zero_as_missing, so its splits use missing_type Zero. The rows are validation rows
plus rows with a value set just at / just above a split threshold (in float32), NaN and 0.

`--bench DIR` also trains a 600-tree, 31-leaf model on the same columns and writes
DIR/tree-shap-bench.json (same case shape, 2,000 rows; not committed: several MB), and prints
LightGBM's own pred_contrib speed (one thread, rows per CPU second) for comparison with
`src/testing/tree-shap-bench.ts`.

Usage (from the repo root):
  libs/risk-model/.venv/bin/python libs/risk-model/python/make_tree_shap_fixtures.py [--data DIR] [--bench DIR]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tree_export import contributions, export_trees  # noqa: E402

HERE = Path(__file__).resolve().parent
LIB = HERE.parent
REPO = LIB.parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "kcs-import-declarations"
OUT = LIB / "src" / "testing" / "tree-shap-fixtures.json"
SEED = 42

FEATURES = [
    "officeId", "importType", "importUse", "paymentType", "transportMode", "hsCode", "hsChapter",
    "taxRate", "netMassKg", "itemPriceKrw", "log10PricePerKg",
]

BASE_PARAMS = dict(
    objective="binary", learning_rate=0.1, min_data_in_leaf=20, bagging_fraction=0.8,
    bagging_freq=1, feature_fraction=0.8, seed=SEED, num_threads=1, deterministic=True,
    force_row_wise=True, verbose=-1,
)


def numeric_features(df: pd.DataFrame) -> np.ndarray:
    """KCS CSV rows -> float32 [N, len(FEATURES)]; log10PricePerKg is NaN when the net mass is 0."""
    mass = df["Net Mass"].to_numpy(np.float64)
    price = df["Item Price"].to_numpy(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_kg = np.where(mass > 0, np.log10(np.maximum(price, 1.0) / np.where(mass > 0, mass, 1.0)), np.nan)
    cols = [
        df["Office ID"], df["Import Type"], df["Import Use"], df["Payment Type"],
        df["Mode of Transport"], df["HS6 Code"], df["HS6 Code"] // 10000, df["Tax Rate"],
        df["Net Mass"], df["Item Price"], per_kg,
    ]
    return np.column_stack([np.asarray(c, dtype=np.float64) for c in cols]).astype(np.float32)


def train(X: np.ndarray, y: np.ndarray, rounds: int, **params) -> lgb.Booster:
    """Deterministic LightGBM binary model (one thread, fixed seed)."""
    ds = lgb.Dataset(X, y, feature_name=FEATURES, free_raw_data=False)
    return lgb.train({**BASE_PARAMS, **params}, ds, num_boost_round=rounds)


def edge_rows(model: dict, base: np.ndarray, rng: np.random.Generator, n: int) -> np.ndarray:
    """Rows with one feature set exactly on a split threshold's float32 neighbours, NaN or 0.

    For a threshold t: the largest float32 <= t (goes left in LightGBM) and the next float32
    above it (goes right), so a comparison done in float32 instead of float64 would fail.
    """
    splits = [(f, t) for tree in model["trees"] for f, t in zip(tree["splitFeature"], tree["threshold"])]
    rows = []
    for k in range(n):
        row = base[rng.integers(len(base))].copy()
        f, t = splits[rng.integers(len(splits))]
        t32 = np.float32(t)
        if float(t32) > t:
            t32 = np.nextafter(t32, np.float32(-np.inf))
        kind = k % 4
        row[f] = (t32 if kind == 0 else np.nextafter(t32, np.float32(np.inf)) if kind == 1
                  else np.float32(np.nan) if kind == 2 else np.float32(0.0))
        rows.append(row)
    return np.asarray(rows, dtype=np.float32)


def make_case(name: str, booster: lgb.Booster, params: dict, rows: np.ndarray) -> dict:
    """One fixture case: the exported model, the rows and LightGBM's raw scores and contributions."""
    model = export_trees(booster)
    contrib = contributions(booster, rows)
    raw = booster.predict(rows, raw_score=True)
    assert contrib.shape == (len(rows), model["numFeatures"] + 1)
    assert np.allclose(contrib.sum(axis=1), raw, rtol=0, atol=1e-9)
    return {
        "name": name,
        "params": params,
        "model": model,
        "rows": [[None if np.isnan(v) else float(v) for v in r] for r in rows],
        "rawScores": [float(v) for v in raw],
        "contributions": [[float(v) for v in r] for r in contrib],
    }


def missing_types(model: dict) -> set[str]:
    return {m for tree in model["trees"] for m in tree["missingType"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with train.csv and valid.csv")
    ap.add_argument("--bench", type=Path, help="also write DIR/tree-shap-bench.json (600 trees x 31 leaves)")
    args = ap.parse_args()

    train_df = pd.read_csv(args.data / "train.csv")
    valid_df = pd.read_csv(args.data / "valid.csv")
    X, y = numeric_features(train_df), train_df["Fraud"].to_numpy()
    Xv = numeric_features(valid_df)
    rng = np.random.default_rng(SEED)
    valid_rows = Xv[rng.choice(len(Xv), 80, replace=False)]
    nan_rows = Xv[np.isnan(Xv[:, FEATURES.index("log10PricePerKg")])][:5]

    cases = []
    for name, rounds, params in [
        ("kcs-numeric", 60, dict(num_leaves=15)),
        ("kcs-zero-as-missing", 20, dict(num_leaves=7, zero_as_missing=True)),
    ]:
        booster = train(X, y, rounds, **params)
        model = export_trees(booster)
        rows = np.vstack([valid_rows[: 80 if rounds == 60 else 30], nan_rows, edge_rows(model, Xv, rng, 24)])
        case = make_case(name, booster, {**params, **BASE_PARAMS, "num_boost_round": rounds}, rows)
        print(f"{name}: {len(model['trees'])} trees, missing types {sorted(missing_types(model))}, {len(rows)} rows")
        cases.append(case)

    fixture = {
        "generatedBy": "libs/risk-model/python/make_tree_shap_fixtures.py",
        "lightgbmVersion": lgb.__version__,
        "cases": cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, separators=(",", ":"), allow_nan=False) + "\n")
    print(f"wrote {OUT.relative_to(REPO)} ({OUT.stat().st_size / 1024:.0f} KiB)")

    if args.bench:
        params = dict(num_leaves=31, learning_rate=0.05)
        booster = train(X, y, 600, **params)
        rows = Xv[rng.choice(len(Xv), 2000, replace=False)]
        start = time.process_time()  # CPU time: fair on a shared machine
        booster.predict(rows, pred_contrib=True, num_threads=1)
        seconds = time.process_time() - start
        case = make_case("kcs-bench-600x31", booster, {**params, **BASE_PARAMS, "num_boost_round": 600}, rows)
        args.bench.mkdir(parents=True, exist_ok=True)
        path = args.bench / "tree-shap-bench.json"
        path.write_text(json.dumps({"cases": [case]}, separators=(",", ":"), allow_nan=False) + "\n")
        depth = max_depth(case["model"])
        print(f"wrote {path}: 600 trees x 31 leaves (max depth {depth}); "
              f"LightGBM pred_contrib, 1 thread: {len(rows) / seconds:,.0f} rows per CPU second")


def max_depth(model: dict) -> int:
    """Deepest leaf over all trees (root = depth 0)."""
    deepest = 0
    for tree in model["trees"]:
        stack = [(0, 0)] if tree["splitFeature"] else []
        while stack:
            node, depth = stack.pop()
            for child in (tree["leftChild"][node], tree["rightChild"][node]):
                if child >= 0:
                    stack.append((child, depth + 1))
                else:
                    deepest = max(deepest, depth + 1)
    return deepest


if __name__ == "__main__":
    main()
