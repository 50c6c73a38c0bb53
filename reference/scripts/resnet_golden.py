#!/usr/bin/python3
"""Golden vectors for the resnet problems (org.mlgrade.api.resnet), computed by PyTorch in float64.

Run from the repository root with Debian's interpreter (it has python3-torch):

    /usr/bin/python3 reference/scripts/resnet_golden.py

Writes reference/src/test/resources/golden/resnet/{batch_norm,basic_block,shallow_net}.json.
Each file holds cases {name, input, expected, mistakes}: "input" and "expected" use the record
component names of the Java API (BatchNormInput/BatchNormOutput, BlockInput/BlockOutput,
ShallowNetInput/ShallowNetOutput), so the tests read them with the strict wire format;
"mistakes" maps a known-mistake id to the wrong output that mistake gives, also computed here
with PyTorch operations, never with the Java code.

Inputs are multiples of 1e-4 so that the files stay small; outputs are written with Python's
repr (shortest round-trip), so every double is exact.
"""
import copy
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
SEED = 20261122
EPS = 1e-5
MOMENTUM = 0.1
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "golden", "resnet")

rng = np.random.default_rng(SEED)


def grid(shape, low, high):
    """Uniform values on the 1e-4 grid: exact as decimals in JSON, in Python and in Java."""
    return torch.tensor(rng.integers(int(low * 1e4), int(high * 1e4) + 1, size=shape) / 1e4)


def bn_params(c):
    # gamma may be negative: PyTorch does not constrain the affine weight.
    gamma = grid((c,), 0.5, 1.5) * torch.tensor(rng.choice([-1.0, 1.0], size=c))
    return {
        "gamma": gamma,
        "beta": grid((c,), -1, 1),
        "runningMean": grid((c,), -0.5, 0.5),
        "runningVar": grid((c,), 0.5, 2),
    }


def make_bn(p):
    bn = torch.nn.BatchNorm2d(len(p["gamma"]), eps=EPS, momentum=MOMENTUM)
    with torch.no_grad():
        bn.weight.copy_(p["gamma"])
        bn.bias.copy_(p["beta"])
        bn.running_mean.copy_(p["runningMean"])
        bn.running_var.copy_(p["runningVar"])
    return bn


def stats(bn):
    return {"mean": bn.running_mean.clone(), "var": bn.running_var.clone()}


def unchanged(p):
    return {"mean": p["runningMean"].clone(), "var": p["runningVar"].clone()}


def plain(value):
    """Tensors to nested lists of floats, recursively."""
    if isinstance(value, torch.Tensor):
        return value.detach().tolist()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


# ---------------------------------------------------------------------------------------------
# BatchNorm2d alone


def bn_forward(x, p, training):
    """PyTorch's BatchNorm2d: returns (y, running stats after the call)."""
    bn = make_bn(p)
    bn.train(training)
    with torch.no_grad():
        y = bn(x)
    return y, stats(bn)


def bn_manual(x, p, training, var_for_norm="biased", eval_batch=False, running_var="unbiased",
              keras_momentum=False, eps_outside=False):
    """The known mistakes, written with torch reductions over (N, H, W)."""
    c = x.shape[1]
    view = (1, c, 1, 1)
    mean = x.mean(dim=(0, 2, 3))
    biased = x.var(dim=(0, 2, 3), unbiased=False)
    unbiased = x.var(dim=(0, 2, 3), unbiased=True)
    if training or eval_batch:
        m, v = mean, (biased if var_for_norm == "biased" else unbiased)
    else:
        m, v = p["runningMean"], p["runningVar"]
    if eps_outside:
        xhat = (x - m.view(view)) / (v.sqrt().view(view) + EPS)
    else:
        xhat = (x - m.view(view)) / (v + EPS).sqrt().view(view)
    y = xhat * p["gamma"].view(view) + p["beta"].view(view)
    if not training:
        return y, unchanged(p)
    rv_batch = unbiased if running_var == "unbiased" else biased
    keep, take = (MOMENTUM, 1 - MOMENTUM) if keras_momentum else (1 - MOMENTUM, MOMENTUM)
    return y, {"mean": keep * p["runningMean"] + take * mean,
               "var": keep * p["runningVar"] + take * rv_batch}


def bn_case(name, n, c, h, w, mode):
    training = mode == "TRAINING"
    x = grid((n, c, h, w), -2, 3)
    p = bn_params(c)
    y, running = bn_forward(x, p, training)
    mistakes = {}
    if training:
        mistakes["unbiased-variance-in-training"] = bn_manual(x, p, True, var_for_norm="unbiased")
        mistakes["running-var-biased"] = bn_manual(x, p, True, running_var="biased")
        mistakes["momentum-keras-convention"] = bn_manual(x, p, True, keras_momentum=True)
    elif n * h * w > 1:
        # With one value per channel batch statistics do not exist (PyTorch refuses them).
        mistakes["eval-uses-batch-statistics"] = bn_manual(x, p, False, eval_batch=True)
    mistakes["eps-outside-sqrt"] = bn_manual(x, p, training, eps_outside=True)
    return {
        "name": name,
        "input": {"x": x, "bn": p, "mode": mode},
        "expected": {"y": y, "running": running},
        "mistakes": {k: {"y": v[0], "running": v[1]} for k, v in mistakes.items()},
    }


# ---------------------------------------------------------------------------------------------
# The basic block and the shallow net, as torch modules


class Block(torch.nn.Module):
    def __init__(self, c, relu_before_add=False, final_relu=True, flip=False):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(c, c, 3, stride=1, padding=1, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(c, eps=EPS, momentum=MOMENTUM)
        self.conv2 = torch.nn.Conv2d(c, c, 3, stride=1, padding=1, bias=False)
        self.bn2 = torch.nn.BatchNorm2d(c, eps=EPS, momentum=MOMENTUM)
        self.relu_before_add = relu_before_add
        self.final_relu = final_relu
        self.flip = flip

    def conv(self, conv, x):
        w = conv.weight.flip(-1, -2) if self.flip else conv.weight
        return F.conv2d(x, w, stride=1, padding=1)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv(self.conv1, x)))
        out = self.bn2(self.conv(self.conv2, out))
        if self.relu_before_add:
            return F.relu(out) + x
        out = out + x
        return F.relu(out) if self.final_relu else out

    def load(self, p):
        with torch.no_grad():
            self.conv1.weight.copy_(p["conv1"])
            self.conv2.weight.copy_(p["conv2"])
        self.bn1.load_state_dict(make_bn(p["bn1"]).state_dict())
        self.bn2.load_state_dict(make_bn(p["bn2"]).state_dict())
        return self


def block_params(c):
    # He-like scale so that activations stay of order one.
    scale = (2.0 / (9 * c)) ** 0.5
    return {"conv1": grid((c, c, 3, 3), -1, 1) * 1.7 * scale,
            "bn1": bn_params(c),
            "conv2": grid((c, c, 3, 3), -1, 1) * 1.7 * scale,
            "bn2": bn_params(c)}


def rounded(t):
    return torch.round(t * 1e4) / 1e4


def block_params_on_grid(c):
    p = block_params(c)
    p["conv1"] = rounded(p["conv1"])
    p["conv2"] = rounded(p["conv2"])
    return p


def run_block(x, p, training, **variant):
    block = Block(x.shape[1], **variant).load(p)
    block.train(training)
    with torch.no_grad():
        y = block(x)
    if training:
        return {"y": y, "bn1": stats(block.bn1), "bn2": stats(block.bn2)}
    return {"y": y, "bn1": unchanged(p["bn1"]), "bn2": unchanged(p["bn2"])}


def block_case(name, n, c, h, w, mode):
    training = mode == "TRAINING"
    x = grid((n, c, h, w), -2, 2)
    p = block_params_on_grid(c)
    mistakes = {
        "relu-before-residual-add": run_block(x, p, training, relu_before_add=True),
        "missing-final-relu": run_block(x, p, training, final_relu=False),
        "conv-flipped-kernel": run_block(x, p, training, flip=True),
    }
    if not training and n * h * w > 1:
        # Batch statistics in eval mode, running statistics left as they were.
        wrong = run_block(x, p, True)
        mistakes["eval-uses-batch-statistics"] = {
            "y": wrong["y"], "bn1": unchanged(p["bn1"]), "bn2": unchanged(p["bn2"])}
    return {
        "name": name,
        "input": {"x": x, "block": p, "mode": mode},
        "expected": run_block(x, p, training),
        "mistakes": mistakes,
    }


class ShallowNet(torch.nn.Module):
    def __init__(self, c, stem_padding=1, global_max=False, **block_variant):
        super().__init__()
        self.stem = torch.nn.Conv2d(1, c, 3, stride=2, padding=stem_padding, bias=False)
        self.bn = torch.nn.BatchNorm2d(c, eps=EPS, momentum=MOMENTUM)
        self.pool = torch.nn.MaxPool2d(2)
        self.block = Block(c, **block_variant)
        self.gap = torch.nn.AdaptiveMaxPool2d(1) if global_max else torch.nn.AdaptiveAvgPool2d(1)
        self.fc = torch.nn.Linear(c, 10)

    def forward(self, x):
        out = self.pool(F.relu(self.bn(self.stem(x))))
        out = self.gap(self.block(out))
        return self.fc(torch.flatten(out, 1))


def run_net(images, p, training, **variant):
    c = p["stemConv"].shape[0]
    net = ShallowNet(c, **variant)
    with torch.no_grad():
        net.stem.weight.copy_(p["stemConv"])
        net.fc.weight.copy_(p["fcWeight"])
        net.fc.bias.copy_(p["fcBias"])
    net.bn.load_state_dict(make_bn(p["stemBn"]).state_dict())
    net.block.load(p["block"])
    net.train(training)
    with torch.no_grad():
        logits = net(images)
    if training:
        return {"logits": logits, "stemBn": stats(net.bn), "bn1": stats(net.block.bn1),
                "bn2": stats(net.block.bn2)}
    return {"logits": logits, "stemBn": unchanged(p["stemBn"]),
            "bn1": unchanged(p["block"]["bn1"]), "bn2": unchanged(p["block"]["bn2"])}


def net_case(name, n, c, h, w, mode):
    training = mode == "TRAINING"
    images = grid((n, 1, h, w), 0, 1)
    p = {"stemConv": rounded(grid((c, 1, 3, 3), -1, 1) * 0.8),
         "stemBn": bn_params(c),
         "block": block_params_on_grid(c),
         "fcWeight": grid((10, c), -0.8, 0.8),
         "fcBias": grid((10,), -0.2, 0.2)}
    mistakes = {
        "relu-before-residual-add": run_net(images, p, training, relu_before_add=True),
        "global-max-pool": run_net(images, p, training, global_max=True),
    }
    # Without stem padding the stem output must still leave a 2x2 map for the max-pool and more
    # than one value per channel for the block's BatchNorm in training mode.
    h1, w1 = (h - 3) // 2 + 1, (w - 3) // 2 + 1
    if h1 >= 2 and w1 >= 2 and (not training or n * (h1 // 2) * (w1 // 2) > 1):
        mistakes["stem-conv-without-padding"] = run_net(images, p, training, stem_padding=0)
    return {
        "name": name,
        "input": {"images": images, **p, "mode": mode},
        "expected": run_net(images, p, training),
        "mistakes": mistakes,
    }


def write(filename, cases):
    body = {"generator": "reference/scripts/resnet_golden.py", "torch": torch.__version__,
            "seed": SEED, "cases": plain(cases)}
    path = os.path.join(OUT, filename)
    with open(path, "w") as f:
        json.dump(body, f, separators=(",", ":"))
        f.write("\n")
    print(path, os.path.getsize(path), "bytes")


def main():
    os.makedirs(OUT, exist_ok=True)
    write("batch_norm.json", [
        bn_case("n1-2x3-training", 1, 2, 2, 3, "TRAINING"),
        bn_case("n2-1x1-training", 2, 3, 1, 1, "TRAINING"),
        bn_case("n3-c1-training", 3, 1, 3, 2, "TRAINING"),
        bn_case("n2-c4-5x4-training", 2, 4, 5, 4, "TRAINING"),
        bn_case("n1-1x1-eval", 1, 2, 1, 1, "EVAL"),
        bn_case("n2-c3-3x3-eval", 2, 3, 3, 3, "EVAL"),
    ])
    write("basic_block.json", [
        block_case("n1-c1-3x3-training", 1, 1, 3, 3, "TRAINING"),
        block_case("n2-c2-1x1-training", 2, 2, 1, 1, "TRAINING"),
        block_case("n1-c3-4x5-training", 1, 3, 4, 5, "TRAINING"),
        block_case("n3-c4-3x2-training", 3, 4, 3, 2, "TRAINING"),
        block_case("n2-c2-5x5-eval", 2, 2, 5, 5, "EVAL"),
        block_case("n1-c4-1x1-eval", 1, 4, 1, 1, "EVAL"),
    ])
    write("shallow_net.json", [
        net_case("n1-c2-8x8-training", 1, 2, 8, 8, "TRAINING"),
        net_case("n2-c1-5x5-training-odd", 2, 1, 5, 5, "TRAINING"),
        net_case("n2-c3-7x9-training-odd", 2, 3, 7, 9, "TRAINING"),
        net_case("n1-c4-3x3-eval", 1, 4, 3, 3, "EVAL"),
        net_case("n3-c2-9x6-eval-odd", 3, 2, 9, 6, "EVAL"),
    ])


if __name__ == "__main__":
    main()
