#!/usr/bin/python3
"""Golden vectors for the AlexNet counting problems (org.mlgrade.api.alexnet), from PyTorch.

Run with Debian's python3 (it has torch):
    /usr/bin/python3 reference/scripts/alexnet_golden.py > reference/src/test/resources/golden/alexnet/alexnet_golden.json

Every layer is a real torch.nn.Conv2d(groups=g) (+ torch.nn.MaxPool2d) or torch.nn.Linear run on
a zero tensor:
  output  = shape of the layer's result before pooling, pooled = after the MaxPool2d
  units   = numel of the result before pooling
  weights = module.weight.numel()            (biases excluded)
  connections = units * module.weight[0].numel()   (weights seen by one output unit)
Architectures: AlexNet (Krizhevsky et al. 2012, 227x227 input, two groups on conv2/4/5),
torchvision's single-GPU AlexNet (224x224), LeNet-5 shaped, and random small networks.
Field names follow the Java records so the test can read them with the wire format.
"""
import json
import random

import torch


def shape_json(h, w, d):
    return {"height": h, "width": w, "depth": d}


def conv(name, filters, kernel, stride, padding, groups, pool=(0, 0)):
    return {"name": name, "type": "CONV", "kernel": kernel, "stride": stride, "padding": padding,
            "outputs": filters, "groups": groups, "poolKernel": pool[0], "poolStride": pool[1]}


def fc(name, outputs):
    return {"name": name, "type": "FC", "kernel": 0, "stride": 0, "padding": 0,
            "outputs": outputs, "groups": 1, "poolKernel": 0, "poolStride": 0}


def run_layer(x, spec):
    """Returns (counts dict, pooled tensor). Raises RuntimeError when something does not fit."""
    with torch.no_grad():
        if spec["type"] == "CONV":
            m = torch.nn.Conv2d(x.shape[1], spec["outputs"], spec["kernel"], stride=spec["stride"],
                                padding=spec["padding"], groups=spec["groups"], bias=True)
            y = m(x)
            output = shape_json(y.shape[2], y.shape[3], y.shape[1])
            z = y
            if spec["poolKernel"] > 0:
                z = torch.nn.MaxPool2d(spec["poolKernel"], spec["poolStride"])(y)
            if min(z.shape) < 1:
                raise RuntimeError("empty")
        else:
            flat = x.reshape(1, -1)
            m = torch.nn.Linear(flat.shape[1], spec["outputs"], bias=True)
            y = m(flat)
            output = shape_json(1, 1, spec["outputs"])
            z = y.reshape(1, spec["outputs"], 1, 1)
        units = y.numel()
        counts = {"output": output, "pooled": shape_json(z.shape[2], z.shape[3], z.shape[1]),
                  "units": units, "weights": m.weight.numel(),
                  "connections": units * m.weight[0].numel()}
        return counts, z


def run_architecture(inp, layers):
    x = torch.zeros(1, inp[2], inp[0], inp[1])
    rows, layer_cases = [], []
    for spec in layers:
        counts, z = run_layer(x, spec)
        layer_cases.append({"input": {"input": shape_json(x.shape[2], x.shape[3], x.shape[1]),
                                      "layer": spec}, "expected": counts})
        rows.append(counts)
        x = z
    table = {"layers": rows, "units": sum(r["units"] for r in rows),
             "weights": sum(r["weights"] for r in rows),
             "connections": sum(r["connections"] for r in rows)}
    return {"input": {"input": shape_json(*inp), "layers": layers}, "expected": table}, layer_cases


def alexnet(f=(96, 256, 384, 384, 256), groups=2):
    return [conv("conv1", f[0], 11, 4, 0, 1, (3, 2)), conv("conv2", f[1], 5, 1, 2, groups, (3, 2)),
            conv("conv3", f[2], 3, 1, 1, 1), conv("conv4", f[3], 3, 1, 1, groups),
            conv("conv5", f[4], 3, 1, 1, groups, (3, 2)),
            fc("fc1", 4096), fc("fc2", 4096), fc("output", 1000)]


def torchvision_alexnet():
    # torchvision.models.alexnet (not installed here), written out from its source
    return [conv("conv1", 64, 11, 4, 2, 1, (3, 2)), conv("conv2", 192, 5, 1, 2, 1, (3, 2)),
            conv("conv3", 384, 3, 1, 1, 1), conv("conv4", 256, 3, 1, 1, 1),
            conv("conv5", 256, 3, 1, 1, 1, (3, 2)),
            fc("fc1", 4096), fc("fc2", 4096), fc("output", 1000)]


def lenet():
    return [conv("c1", 6, 5, 1, 0, 1, (2, 2)), conv("c3", 16, 5, 1, 0, 1, (2, 2)),
            fc("f5", 120), fc("f6", 84), fc("output", 10)]


def random_architecture(rng):
    while True:
        side = rng.randint(8, 64)
        inp = (side, max(1, side + rng.randint(-2, 2)), rng.randint(1, 4))
        layers, depth = [], inp[2]
        for i in range(1, rng.randint(1, 4) + 1):
            g = rng.choice([1, 1, 2, 3, 4])
            if depth % g:
                g = 1
            f = g * rng.randint(1, 16)
            pool = (rng.randint(2, 3), rng.randint(1, 2)) if rng.random() < 0.6 else (0, 0)
            layers.append(conv("conv%d" % i, f, rng.randint(1, 7), rng.randint(1, 3),
                               rng.randint(0, 2), g, pool))
            depth = f
        n = rng.randint(1, 3)
        for i in range(1, n + 1):
            layers.append(fc("output" if i == n else "fc%d" % i,
                             rng.randint(2, 20) if i == n else rng.randint(8, 512)))
        try:
            return run_architecture(inp, layers)
        except RuntimeError:
            continue


def main():
    torch.manual_seed(0)
    rng = random.Random(20261122)
    tables, layers = [], []
    for inp, spec in [((227, 227, 3), alexnet()), ((224, 224, 3), torchvision_alexnet()),
                      ((32, 32, 1), lenet()),
                      ((227, 227, 3), alexnet((48, 128, 192, 192, 128)))]:
        table, layer_cases = run_architecture(inp, spec)
        tables.append(table)
        layers += layer_cases
    for _ in range(30):
        table, layer_cases = random_architecture(rng)
        tables.append(table)
        layers += layer_cases
    print(json.dumps({"generator": "reference/scripts/alexnet_golden.py",
                      "torch": torch.__version__, "tables": tables, "layers": layers}, indent=1))


if __name__ == "__main__":
    main()
