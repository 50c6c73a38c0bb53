#!/usr/bin/python3
"""Golden vectors for the backprop problems, computed with PyTorch autograd in float64.

Writes reference/src/test/resources/golden/backprop/{relu_net,sigmoid_chain,tanh_softmax}.json,
one case per line: {"name", "input", "output"}, where "input" and "output" are the JSON forms of
the org.mlgrade.api.backprop records. Deltas are autograd gradients of the pre-activations
(retain_grad), weight gradients are autograd gradients of the weights; nothing here restates a
backward formula.

Weight convention (the one that reproduces the homework's published numbers, asserted below):
w[i][j] connects unit i of the layer below to unit j of the layer above, a = x @ W.

Run from the repository root:  /usr/bin/python3 reference/scripts/backprop_golden.py
"""
import json
import math
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/golden/backprop"
SOURCE = "reference/scripts/backprop_golden.py"


def vec(t):
    return [float(v) for v in np.asarray(t.detach().numpy() if torch.is_tensor(t) else t,
                                         dtype=np.float64).ravel()]


def mat(t):
    a = np.asarray(t.detach().numpy() if torch.is_tensor(t) else t, dtype=np.float64)
    return [[float(v) for v in row] for row in a]


def relu_net(name, x, w1, w2, w3, y):
    xt = torch.tensor(np.array(x, float))
    w1t = torch.tensor(np.array(w1, float), requires_grad=True)
    w2t = torch.tensor(np.array(w2, float), requires_grad=True)
    w3t = torch.tensor(np.array(w3, float), requires_grad=True)
    a1 = xt @ w1t
    a1.retain_grad()
    h1 = torch.relu(a1)
    a2 = h1 @ w2t
    a2.retain_grad()
    h2 = torch.relu(a2)
    z = h2 @ w3t
    z.retain_grad()
    loss = F.binary_cross_entropy_with_logits(z, torch.tensor(float(y)))
    loss.backward()
    return {"name": name,
            "input": {"x": vec(x), "w1": mat(w1), "w2": mat(w2), "w3": vec(w3), "y": int(y)},
            "output": {"a1": vec(a1), "h1": vec(h1), "a2": vec(a2), "h2": vec(h2),
                       "z": float(z), "probability": float(torch.sigmoid(z)),
                       "loss": float(loss), "outputDelta": float(z.grad),
                       "delta1": vec(a1.grad), "delta2": vec(a2.grad),
                       "gradW1": mat(w1t.grad), "gradW2": mat(w2t.grad),
                       "gradW3": vec(w3t.grad)}}


def sigmoid_chain(name, x, w1, w2, w3):
    w = [torch.tensor(float(v), requires_grad=True) for v in (w1, w2, w3)]
    f = w[2] * torch.sigmoid(w[1] * torch.sigmoid(w[0] * float(x)))
    f.backward()
    return {"name": name,
            "input": {"x": float(x), "w1": float(w1), "w2": float(w2), "w3": float(w3)},
            "output": {"f": float(f), "dfdw1": float(w[0].grad), "dfdw2": float(w[1].grad),
                       "dfdw3": float(w[2].grad)}}


def tanh_softmax(name, x, w1, b1, w2, b2, label):
    params = [torch.tensor(np.array(p, float), requires_grad=True) for p in (w1, b1, w2, b2)]
    w1t, b1t, w2t, b2t = params
    hidden = torch.tanh(torch.tensor(np.array(x, float)) @ w1t + b1t)
    s = hidden @ w2t + b2t
    loss = F.cross_entropy(s.unsqueeze(0), torch.tensor([int(label)]))
    loss.backward()
    return {"name": name,
            "input": {"x": vec(x), "w1": mat(w1), "b1": vec(b1), "w2": mat(w2), "b2": vec(b2),
                      "label": int(label)},
            "output": {"hidden": vec(hidden), "probabilities": vec(torch.softmax(s, 0)),
                       "loss": float(loss), "gradW1": mat(w1t.grad), "gradB1": vec(b1t.grad),
                       "gradW2": mat(w2t.grad), "gradB2": vec(b2t.grad)}}


def homework_weights():
    """The homework's w_ij (1-based, from unit i to unit j) placed at w[i-1][j-1]."""
    w1 = np.zeros((2, 2))
    w1[0, 0], w1[0, 1], w1[1, 0], w1[1, 1] = 1, -1, -1, 1  # w11, w12, w21, w22 of layer 1
    w2 = np.zeros((2, 2))
    w2[0, 0], w2[0, 1], w2[1, 0], w2[1, 1] = -1, -1, 1, 1  # w11, w12, w21, w22 of layer 2
    return w1, w2, np.array([1.0, 1.0])


def check_published(case):
    """The homework's published numbers: this convention must reproduce them."""
    out = case["output"]
    s2 = 1 / (1 + math.exp(-2))
    assert abs(out["outputDelta"] - 0.8808) < 1e-4 and abs(out["outputDelta"] - s2) < 1e-15
    assert all(abs(d - 0.8808) < 1e-4 for d in out["delta2"])
    assert out["delta1"][0] == 0 and abs(out["delta1"][1] - 1.7616) < 1e-4
    assert abs(out["gradW2"][1][1] - 0.8808) < 1e-4
    assert abs(out["gradW1"][1][1] - 3.5232) < 1e-4


def random_relu_net(rng, name, shape):
    while True:
        n0, n1, n2 = shape if shape else rng.integers(1, 5, 3)
        x, w1 = rng.uniform(-2, 2, n0), rng.uniform(-1.5, 1.5, (n0, n1))
        w2, w3 = rng.uniform(-1.5, 1.5, (n1, n2)), rng.uniform(-1.5, 1.5, n2)
        a1 = x @ w1
        a2 = np.maximum(a1, 0) @ w2
        if np.all(np.abs(a1) > 1e-3) and np.all(np.abs(a2) > 1e-3):  # away from the kink
            return relu_net(name, x, w1, w2, w3, int(rng.integers(0, 2)))


def dump(cases):
    """One case per line, so that diffs of regenerated vectors stay readable."""
    lines = [json.dumps(case, allow_nan=True) for case in cases]
    return ('{"source": %s, "torch": %s, "cases": [\n' % (json.dumps(SOURCE),
                                                        json.dumps(torch.__version__))
            + ",\n".join(lines) + "\n]}\n")


def main():
    rng = np.random.default_rng(20261122)
    w1, w2, w3 = homework_weights()
    published = relu_net("homework-y0", [1, 2], w1, w2, w3, 0)
    check_published(published)
    relu = [published,
            relu_net("homework-y1", [1, 2], w1, w2, w3, 1),
            relu_net("homework-layer2-off", [2, 1], w1, w2, w3, 1),
            relu_net("z-540", [10, 20], 3 * w1, 3 * w2, 3 * w3, 0),
            relu_net("one-unit-per-layer", [1.5], [[2]], [[0.5]], [-2], 1)]
    relu += [random_relu_net(rng, f"random-2221-{i}", (2, 2, 2)) for i in range(6)]
    relu += [random_relu_net(rng, f"random-sizes-{i}", None) for i in range(6)]

    chain = [sigmoid_chain("javadoc-example", 2, 0, 2, 3),
             sigmoid_chain("x-zero", 0, 1.5, -2, 1),
             sigmoid_chain("all-ones", 1, 1, 1, 1),
             sigmoid_chain("saturated", 10, 5, -3, 2)]
    chain += [sigmoid_chain(f"random-{i}", *rng.uniform(-3, 3, 4)) for i in range(10)]

    tanh = [tanh_softmax("javadoc-example", [1, 2], [[0.5, -1], [0, 0.5]], [0, 1],
                         [[1, -1, 0], [2, 0, -1]], [0, 0, 0.5], 0),
            tanh_softmax("huge-scores", [3, -2], [[1, 0.5], [-1, 2]], [0.1, -0.1],
                         [[400, -400, 0], [400, 0, -400]], [0, 0, 0], 1),
            tanh_softmax("smallest", [0.7], [[-1.2]], [0.3], [[2, -1]], [0.5, -0.5], 1)]
    for i in range(10):
        d, h, k = int(rng.integers(1, 5)), int(rng.integers(1, 5)), int(rng.integers(2, 6))
        tanh.append(tanh_softmax(f"random-{i}", rng.uniform(-2, 2, d),
                                 rng.uniform(-1.5, 1.5, (d, h)), rng.uniform(-1, 1, h),
                                 rng.uniform(-1.5, 1.5, (h, k)), rng.uniform(-1, 1, k),
                                 int(rng.integers(0, k))))
    OUT.mkdir(parents=True, exist_ok=True)
    for name, cases in (("relu_net", relu), ("sigmoid_chain", chain), ("tanh_softmax", tanh)):
        (OUT / f"{name}.json").write_text(dump(cases))


if __name__ == "__main__":
    main()
