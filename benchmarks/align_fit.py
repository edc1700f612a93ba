"""Fit the aligner's link models on hand-labelled development alignments, and print them.

The link model (``compare/align/link.py``) turns a candidate pair's scores into a probability
that the two clauses correspond. Its coefficients are fitted here by L2-regularised logistic
regression (Newton's method, numpy only) on the candidate pairs the aligner weighs, labelled
true where the gold alignment links their sentences:

- the string model on the candidates of the linking passes on words;
- the meaning model on the candidates of the semantic pass (what the string passes and the
  groups left unmatched), with the embeddings' cosine as two more features;
- the attach model on clauses left unmatched against clauses already matched (merges and
  splits found by meaning);
- the unpaired model on the clauses finally left unpaired: whether the labels give each a
  counterpart after all (the complement is the confidence of "added" and "removed").

Each stage's candidates depend on what the stages before it chose, so fit, paste, and fit again
until the printed weights settle (two or three rounds).

Only development label files are read (``fixtures/labels/alignments.toml`` and
``alignments_rewritten.toml``); the blind set under ``fixtures/labels/blind/`` never is. Paste
the printed models into ``compare/align/link.py``, then measure with ``align_quality.py``.

    python benchmarks/align_fit.py [--penalty 1.0]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from align_quality import DEVELOPMENT, Case, load_cases  # noqa: E402

from compare import align as aligner  # noqa: E402
from compare.align.link import FEATURES, MEANING_FEATURES, UNPAIRED_FEATURES  # noqa: E402


def stage_rows(case: Case, threshold: float) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Features and gold labels of the candidates each linking stage weighed, as align() ran
    with the models as they stand (each stage sees what the stages before it decided)."""
    trace: aligner.Trace = {}
    aligner._run(case.old_clauses, case.new_clauses, threshold, 3.0, "hybrid", "greedy", True, trace)
    found = {}
    widths = {"words": len(FEATURES), "unpaired": len(UNPAIRED_FEATURES)}
    for stage, batches in trace.items():
        width = widths.get(stage, len(MEANING_FEATURES))
        values, labels = [], []
        for rows, cols, batch in batches:
            batch = batch.reshape(len(rows), width)
            if stage == "unpaired":
                kept_values, kept_labels = _unpaired_in_scope(case, rows, cols, batch)
            else:
                kept_values, kept_labels = _in_scope(case, rows, cols, batch)
            values.append(kept_values)
            labels.append(kept_labels)
        found[stage] = (np.vstack(values), np.concatenate(labels))
    return found


def _in_scope(case: Case, rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The candidates whose new clause is in the labels' scope, and whether the gold links them."""
    old_sentence = [c.sentence for c in case.old_clauses]
    new_sentence = [c.sentence for c in case.new_clauses]
    keep, labels = [], []
    for k, (r, c) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        if case.scope_new is not None and new_sentence[c] not in case.scope_new:
            continue
        keep.append(k)
        labels.append(float((old_sentence[r], new_sentence[c]) in case.gold))
    return values[keep], np.asarray(labels)


def _unpaired_in_scope(case: Case, sides: np.ndarray, indices: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Clauses left unpaired that the labels cover, and whether the gold links them anywhere."""
    keep, labels = [], []
    for k, (side, index) in enumerate(zip(sides.tolist(), indices.tolist(), strict=True)):
        clause = (case.old_clauses if side == 0 else case.new_clauses)[index]
        if case.scope_new is not None and (side == 0 or clause.sentence not in case.scope_new):
            continue  # old clauses of a partial labelling are out of scope, not unlinked
        keep.append(k)
        labels.append(float(any(link[side] == clause.sentence for link in case.gold)))
    return values[keep], np.asarray(labels)


def fit(values: np.ndarray, labels: np.ndarray, penalty: float) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method; the intercept is not penalised."""
    design = np.column_stack([values, np.ones(len(values))])
    weights = np.zeros(design.shape[1])
    ridge = np.full(design.shape[1], penalty)
    ridge[-1] = 0.0
    for _ in range(50):
        chance = 1.0 / (1.0 + np.exp(-(design @ weights)))
        gradient = design.T @ (chance - labels) + ridge * weights
        hessian = (design * (chance * (1 - chance))[:, None]).T @ design + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights[:-1], float(weights[-1])


def report(name: str, names: tuple[str, ...], values: np.ndarray, labels: np.ndarray, penalty: float) -> None:
    weights, intercept = fit(values, labels, penalty)
    chance = 1.0 / (1.0 + np.exp(-(values @ weights + intercept)))
    loss = -np.mean(labels * np.log(chance + 1e-12) + (1 - labels) * np.log(1 - chance + 1e-12))
    print(f"# {name}: {len(labels)} candidates, {int(labels.sum())} true links, log loss {loss:.3f}")
    for low, high in ((0.0, 0.5), (0.5, 0.8), (0.8, 1.01)):
        band = (chance >= low) & (chance < high)
        if band.any():
            print(f"#   predicted {low:.1f}-{min(high, 1):.1f}: {band.sum():4d} candidates, {labels[band].mean():.2f} true")
    print(f"weights=({', '.join(f'{w:.3f}' for w in weights)}),")
    print(f"intercept={intercept:.3f},")
    for feature, weight in zip(names, weights, strict=True):
        print(f"#   {feature:16} {weight:+.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--penalty", type=float, default=1.0, help="L2 penalty (default 1.0)")
    parser.add_argument("--threshold", type=float, default=aligner.DEFAULT_THRESHOLD)
    args = parser.parse_args()
    cases, notes = load_cases(DEVELOPMENT)
    for note in notes:
        print(f"# note: {note}")
    per_case = [stage_rows(case, args.threshold) for case in cases]
    for stage, title, names in (
        ("words", "string model", FEATURES),
        ("meaning", "meaning model", MEANING_FEATURES),
        ("attach", "attach model", MEANING_FEATURES),
        ("unpaired", "unpaired model", UNPAIRED_FEATURES),
    ):
        found = [rows[stage] for rows in per_case if stage in rows]
        if found:
            report(title, names, np.vstack([v for v, _ in found]), np.concatenate([y for _, y in found]), args.penalty)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
