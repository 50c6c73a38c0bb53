#!/usr/bin/python3
"""Golden vectors for the logreg problems, computed with PyTorch autograd in float64.

Writes reference/src/test/resources/golden/logreg/{step,epoch,loss}.json. Each file holds
{"source": ..., "torch": version, "cases": [{"name", "input", "output"}]}, where "input" and
"output" are the JSON forms of the org.mlgrade.api.logreg records (LogisticModel, SgdStepInput,
SgdEpochInput, LossInput, LossOutput).

The loss is torch.nn.functional.binary_cross_entropy_with_logits (stable for large |z|); the SGD
gradient is whatever autograd returns for it, so nothing here restates the update formula.

Run from the repository root:  /usr/bin/python3 reference/scripts/logreg_golden.py
"""
import json
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/golden/logreg"
SOURCE = "reference/scripts/logreg_golden.py"


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def model_json(w, b):
    return {"w": floats(w), "b": float(b)}


def sgd_step(w, b, x, y, eta):
    w = torch.tensor(w, requires_grad=True)
    b = torch.tensor(float(b), requires_grad=True)
    z = torch.dot(w, torch.tensor(x)) + b
    loss = F.binary_cross_entropy_with_logits(z, torch.tensor(float(y)))
    loss.backward()
    with torch.no_grad():
        return (w - eta * w.grad).numpy(), float(b - eta * b.grad)


def step_case(name, w, b, x, y, eta):
    w1, b1 = sgd_step(np.array(w, float), b, np.array(x, float), y, eta)
    return {"name": name,
            "input": {"model": model_json(w, b), "x": floats(x), "y": int(y), "eta": float(eta)},
            "output": model_json(w1, b1)}


def epoch_case(name, w, b, xs, ys, eta):
    wn, bn = np.array(w, float), float(b)
    for x, y in zip(xs, ys):
        wn, bn = sgd_step(wn, bn, np.array(x, float), y, eta)
    return {"name": name,
            "input": {"model": model_json(w, b), "xs": [floats(x) for x in xs],
                      "ys": [int(y) for y in ys], "eta": float(eta)},
            "output": model_json(wn, bn)}


def loss_case(name, w, b, xs, ys):
    z = torch.tensor(np.array(xs, float)) @ torch.tensor(np.array(w, float)) + float(b)
    per = F.binary_cross_entropy_with_logits(z, torch.tensor(np.array(ys, float)),
                                             reduction="none")
    return {"name": name,
            "input": {"model": model_json(w, b), "xs": [floats(x) for x in xs],
                      "ys": [int(y) for y in ys]},
            "output": {"perExample": floats(per.numpy()), "mean": float(per.mean())}}


def dump(cases):
    """One case per line, so that diffs of regenerated vectors stay readable."""
    lines = [json.dumps(case, allow_nan=True) for case in cases]
    return ('{"source": %s, "torch": %s, "cases": [\n' % (json.dumps(SOURCE),
                                                        json.dumps(torch.__version__))
            + ",\n".join(lines) + "\n]}\n")


def main():
    rng = np.random.default_rng(20261122)
    step = [
        step_case("javadoc-example", [0, 0], 0, [1, 2], 1, 0.5),
        step_case("z-411-wrong-label", [10, -5, 2], 1, [30, -20, 5], 0, 0.1),
        step_case("z-minus-411-wrong-label", [-10, 5, -2], -1, [30, -20, 5], 1, 0.1),
        step_case("z-411-right-label", [10, -5, 2], 1, [30, -20, 5], 1, 0.1),
    ]
    for i in range(10):
        d = int(rng.integers(1, 7))
        step.append(step_case(f"random-{i}", rng.uniform(-2, 2, d), rng.uniform(-1, 1),
                              rng.uniform(-3, 3, d), int(rng.integers(0, 2)),
                              rng.uniform(0.01, 1)))
    epoch = [
        epoch_case("javadoc-example", [0], 0, [[1], [1]], [1, 0], 1.0),
        epoch_case("large-z", [10, -5, 2], 1, [[30, -20, 5], [-30, 20, -5], [1, 1, 1]],
                   [0, 1, 1], 0.1),
        epoch_case("single-example", [-1, 1], 0.5, [[2, -1]], [1], 0.3),
    ]
    for i in range(8):
        d, n = int(rng.integers(1, 6)), int(rng.integers(2, 9))
        epoch.append(epoch_case(f"random-{i}", rng.uniform(-1, 1, d), rng.uniform(-0.5, 0.5),
                                rng.uniform(-3, 3, (n, d)), rng.integers(0, 2, n),
                                rng.uniform(0.01, 1)))
    loss = [
        loss_case("javadoc-example", [1, -1], 0.5, [[1, 0.5], [0, 3]], [1, 0]),
        loss_case("large-abs-z", [100], 0, [[8], [8], [-8], [-8], [0.4], [-0.4]],
                  [0, 1, 0, 1, 0, 1]),
        loss_case("z-zero", [0, 0, 0], 0, [[1, 2, 3]], [1]),
    ]
    for i in range(8):
        d, n = int(rng.integers(1, 7)), int(rng.integers(1, 9))
        scale = 100.0 if i % 3 == 0 else 2.0
        loss.append(loss_case(f"random-{i}", rng.uniform(-scale, scale, d),
                              rng.uniform(-scale / 2, scale / 2), rng.uniform(-3, 3, (n, d)),
                              rng.integers(0, 2, n)))
    OUT.mkdir(parents=True, exist_ok=True)
    for name, cases in (("step", step), ("epoch", epoch), ("loss", loss)):
        (OUT / f"{name}.json").write_text(dump(cases))


if __name__ == "__main__":
    main()
