"""Export a LightGBM booster's trees as compact JSON for the TypeScript TreeSHAP explainer.

`export_trees(booster)` turns `booster.dump_model()` into the format read by
`libs/risk-model/src/tree-shap.ts` (`TreeExplainer`); `contributions(booster, X)` is the
reference the explainer is tested against (LightGBM's own `pred_contrib`).

Format (`"format": "lightgbm-trees/1"`), all numbers JSON doubles, never rounded:

  {
    "format": "lightgbm-trees/1",
    "objective": "binary",          # raw score = log-odds; P(positive) = sigmoid(raw score)
    "numFeatures": F,
    "featureNames": [F names],
    "baseScore": 0.0,               # added to the sum of the trees (LightGBM folds its
                                    # boost-from-average init score into the first tree)
    "trees": [                      # one per boosting round, in order
      {                             # node arrays as in LightGBM's own model text format:
        "splitFeature":  [I ints],  #   I = number of internal nodes = leaves - 1; node 0 = root
        "threshold":     [I doubles],  # go left when x <= threshold (x = float32 value as double)
        "defaultLeft":   [I bools],    # where a missing value goes (see missingType)
        "missingType":   [I "None" | "Zero" | "NaN"],
        "leftChild":     [I ints],  #   >= 0: internal node index; < 0: leaf ~c (= -c - 1)
        "rightChild":    [I ints],
        "internalCount": [I ints],  #   training rows through the node (the TreeSHAP cover)
        "leafValue":     [L doubles],  # log-odds contribution of each leaf (shrinkage applied)
        "leafCount":     [L ints]
      }
    ]
  }

A tree with a single leaf has empty node arrays and one leaf. Only numerical splits
(`decision_type` "<=") are supported: a categorical split raises `ValueError`.
"""
from __future__ import annotations

from typing import Any

import lightgbm as lgb
import numpy as np

FORMAT = "lightgbm-trees/1"
MISSING_TYPES = ("None", "Zero", "NaN")


def _export_tree(info: dict[str, Any]) -> dict[str, list]:
    """One `tree_info` entry of `dump_model()` -> the node arrays described in the module doc."""
    num_leaves = int(info["num_leaves"])
    internal = num_leaves - 1
    tree: dict[str, list] = {
        "splitFeature": [0] * internal,
        "threshold": [0.0] * internal,
        "defaultLeft": [False] * internal,
        "missingType": ["None"] * internal,
        "leftChild": [0] * internal,
        "rightChild": [0] * internal,
        "internalCount": [0] * internal,
        "leafValue": [0.0] * num_leaves,
        "leafCount": [0] * num_leaves,
    }
    seen_nodes: set[int] = set()
    seen_leaves: set[int] = set()

    def ref(node: dict[str, Any]) -> int:
        """Index of a child in LightGBM's encoding: internal node i -> i, leaf j -> ~j."""
        return int(node["split_index"]) if "split_index" in node else ~int(node.get("leaf_index", 0))

    def walk(node: dict[str, Any]) -> None:
        if "split_index" not in node:
            j = int(node.get("leaf_index", 0))
            assert j not in seen_leaves and 0 <= j < num_leaves, (info["tree_index"], j)
            seen_leaves.add(j)
            tree["leafValue"][j] = float(node["leaf_value"])
            # a single-leaf tree has no leaf_count in the dump; it is never used as a cover
            tree["leafCount"][j] = int(node.get("leaf_count", 0))
            return
        i = int(node["split_index"])
        assert i not in seen_nodes and 0 <= i < internal, (info["tree_index"], i)
        seen_nodes.add(i)
        if node["decision_type"] != "<=":
            raise ValueError(
                f"tree {info['tree_index']} node {i}: decision_type {node['decision_type']!r} "
                "(categorical splits are not supported; use numerical features)")
        if node["missing_type"] not in MISSING_TYPES:
            raise ValueError(f"tree {info['tree_index']} node {i}: missing_type {node['missing_type']!r}")
        tree["splitFeature"][i] = int(node["split_feature"])
        tree["threshold"][i] = float(node["threshold"])
        tree["defaultLeft"][i] = bool(node["default_left"])
        tree["missingType"][i] = node["missing_type"]
        tree["leftChild"][i] = ref(node["left_child"])
        tree["rightChild"][i] = ref(node["right_child"])
        tree["internalCount"][i] = int(node["internal_count"])
        walk(node["left_child"])
        walk(node["right_child"])

    walk(info["tree_structure"])
    assert len(seen_nodes) == internal and len(seen_leaves) == num_leaves, info["tree_index"]
    return tree


def export_trees(booster: lgb.Booster) -> dict[str, Any]:
    """LightGBM binary booster -> JSON-ready dict in the `lightgbm-trees/1` format (module doc).

    Values are copied exactly (`dump_model` prints doubles with 17 significant digits, which
    round-trips), so a reader reproduces LightGBM's raw scores and `pred_contrib` exactly.
    Raises `ValueError` for anything the TypeScript explainer does not implement: another
    objective than binary, more than one tree per iteration, `average_output` (random
    forest mode), categorical splits.
    """
    dump = booster.dump_model()
    objective = str(dump["objective"]).split()[0]
    if objective != "binary":
        raise ValueError(f"objective {dump['objective']!r}: only 'binary' is supported")
    if dump["num_tree_per_iteration"] != 1 or dump["num_class"] != 1:
        raise ValueError("only one tree per iteration (binary) is supported")
    if dump["average_output"]:
        raise ValueError("average_output (random forest mode) is not supported")
    return {
        "format": FORMAT,
        "objective": objective,
        "numFeatures": int(dump["max_feature_idx"]) + 1,
        "featureNames": list(dump["feature_names"]),
        "baseScore": 0.0,
        "trees": [_export_tree(info) for info in dump["tree_info"]],
    }


def contributions(booster: lgb.Booster, X: np.ndarray) -> np.ndarray:
    """LightGBM's own TreeSHAP: float64 [N, F + 1] in log-odds, last column = expected value.

    Each row sums to the raw score `booster.predict(X, raw_score=True)`. `X` is passed as
    given (float32 [N, F] to match serving).
    """
    return np.asarray(booster.predict(X, pred_contrib=True), dtype=np.float64)
