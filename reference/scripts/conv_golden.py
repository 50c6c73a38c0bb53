#!/usr/bin/python3
"""Golden vectors for the conv problems (org.mlgrade.api.conv), computed with PyTorch.

Run with Debian's python3 (it has torch):
    /usr/bin/python3 reference/scripts/conv_golden.py > reference/src/test/resources/golden/conv/conv_golden.json

Chains: every layer is a real torch.nn.Conv2d / MaxPool2d / AvgPool2d (ceil_mode=False) run on a
zero tensor; output shapes are read from the result, weights and parameters from the modules'
weight / bias tensors, and multiplications = output numel * weight numel per output value
(in_channels * k * k).

Searches: for every (kernel, stride) the script runs conv2d + the pooling on 'meta' tensors (shape
only) and keeps those giving the target; the canonical answer (smallest stride, then largest
kernel) is checked again on real tensors.

Field names follow the Java records so the test can read them with the wire format.
"""
import json
import random

import torch
import torch.nn.functional as F

torch.manual_seed(0)


def shape(t):
    return {"height": t.shape[2], "width": t.shape[3], "depth": t.shape[1]}


def layer_json(kind, kernel, stride, padding, filters):
    return {"kind": kind, "kernel": kernel, "stride": stride, "padding": padding,
            "filters": filters}


def run_chain(inp, layers):
    """inp = (H, W, C); layers = list of layer dicts. Raises RuntimeError if a layer does not fit."""
    h, w, c = inp
    x = torch.zeros(1, c, h, w, dtype=torch.float64)
    shapes, costs = [], []
    with torch.no_grad():
        for layer in layers:
            k, s, p = layer["kernel"], layer["stride"], layer["padding"]
            if layer["kind"] == "CONV":
                m = torch.nn.Conv2d(x.shape[1], layer["filters"], k, stride=s, padding=p,
                                    bias=True, dtype=torch.float64)
                y = m(x)
                weights = m.weight.numel()
                params = weights + m.bias.numel()
                mults = y.numel() * (m.weight.numel() // m.weight.shape[0])
            elif layer["kind"] == "MAX_POOL":
                y = torch.nn.MaxPool2d(k, stride=s, padding=p, ceil_mode=False)(x)
                weights = params = mults = 0
            else:
                y = torch.nn.AvgPool2d(k, stride=s, padding=p, ceil_mode=False)(x)
                weights = params = mults = 0
            if min(y.shape) < 1:
                raise RuntimeError("empty output")
            shapes.append(shape(y))
            costs.append({"weights": weights, "parameters": params, "multiplications": mults})
            x = y
    total = {key: sum(c[key] for c in costs) for key in ("weights", "parameters", "multiplications")}
    return shapes, {"layers": costs, **total}


def chain_case(inp, layers):
    shapes, costs = run_chain(inp, layers)
    return {"input": {"input": {"height": inp[0], "width": inp[1], "depth": inp[2]},
                      "layers": layers},
            "shapes": {"outputs": shapes}, "costs": costs}


def conv(f, k, s=1, p=0):
    return layer_json("CONV", k, s, p, f)


def pool(kind, k, s, p=0):
    return layer_json(kind, k, s, p, 0)


def random_chain(rng):
    while True:
        inp = (rng.randint(1, 40), rng.randint(1, 40), rng.randint(1, 16))
        layers = []
        for _ in range(rng.randint(1, 4)):
            r = rng.random()
            if r < 0.55:
                layers.append(conv(rng.randint(1, 64), rng.randint(1, 7), rng.randint(1, 3),
                                   rng.randint(0, 2)))
            else:
                k = rng.randint(1, 4)
                layers.append(pool("MAX_POOL" if r < 0.8 else "AVG_POOL", k, rng.randint(1, 3),
                                   rng.randint(0, k // 2)))
        try:
            return chain_case(inp, layers)
        except RuntimeError:
            continue


def pooled_shape_meta(inp, padding, k, s, filters, pool_layer):
    h, w, c = inp
    x = torch.empty(1, c, h, w, device="meta")
    wt = torch.empty(filters, c, k, k, device="meta")
    y = F.conv2d(x, wt, stride=s, padding=padding)
    if min(y.shape) < 1:
        raise RuntimeError("empty")
    pk, ps, pp = pool_layer["kernel"], pool_layer["stride"], pool_layer["padding"]
    if pool_layer["kind"] == "MAX_POOL":
        z = F.max_pool2d(y, pk, ps, pp)
    else:
        z = F.avg_pool2d(y, pk, ps, pp)
    if min(z.shape) < 1:
        raise RuntimeError("empty")
    return tuple(z.shape)


def search_case(inp, target, padding, pool_layer):
    """All (kernel, stride) turning inp into target (H, W, D) after the pool."""
    h, w, c = inp
    valid = []
    for s in range(1, max(h, w) + 2 * padding + 1):
        for k in range(1, min(h, w) + 2 * padding + 1):
            try:
                z = pooled_shape_meta(inp, padding, k, s, target[2], pool_layer)
            except RuntimeError:
                continue
            if z == (1, target[2], target[0], target[1]):
                valid.append([k, s])
    assert valid, (inp, target)
    best = min(valid, key=lambda ks: (ks[1], -ks[0]))
    # check the canonical answer on real tensors
    shapes, _ = run_chain(inp, [conv(target[2], best[0], best[1], padding), pool_layer])
    assert shapes[1] == {"height": target[0], "width": target[1], "depth": target[2]}, shapes
    return {"input": {"input": {"height": h, "width": w, "depth": c},
                      "target": {"height": target[0], "width": target[1], "depth": target[2]},
                      "padding": padding, "pool": pool_layer},
            "valid": valid, "canonical": best}


def random_search(rng):
    while True:
        inp = (rng.randint(4, 40), rng.randint(4, 40), rng.randint(1, 16))
        p = rng.randint(0, 2)
        f = rng.randint(1, 64)
        c = conv(f, rng.randint(1, 7), rng.randint(1, 3), p)
        if rng.random() < 0.3:
            pl = pool("MAX_POOL", 1, 1)
        else:
            k = rng.randint(1, 4)
            pl = pool(rng.choice(["MAX_POOL", "AVG_POOL"]), k, rng.randint(1, 3),
                      rng.randint(0, k // 2))
        try:
            shapes, _ = run_chain(inp, [c, pl])
        except RuntimeError:
            continue
        t = shapes[1]
        return search_case(inp, (t["height"], t["width"], t["depth"]), p, pl)


def main():
    rng = random.Random(20261122)
    chains = [
        chain_case((8, 8, 3), [conv(2, 2), conv(4, 3, 2), pool("MAX_POOL", 2, 1)]),
        chain_case((27, 27, 256), [conv(384, 3)]),
        chain_case((28, 28, 1), [conv(20, 5), pool("MAX_POOL", 2, 2)]),
        chain_case((7, 8, 2), [conv(3, 3, 2)]),
        chain_case((10, 10, 3), [conv(8, 5, 1, 2), pool("MAX_POOL", 3, 2)]),
        chain_case((11, 9, 6), [pool("AVG_POOL", 3, 2, 1), conv(4, 1, 3), pool("MAX_POOL", 2, 2, 1)]),
    ]
    chains += [random_chain(rng) for _ in range(40)]
    searches = [
        search_case((12, 12, 20), (4, 4, 50), 0, pool("MAX_POOL", 2, 2)),
        search_case((32, 32, 3), (28, 28, 6), 0, pool("MAX_POOL", 1, 1)),
        search_case((227, 227, 3), (55, 55, 96), 0, pool("MAX_POOL", 1, 1)),
        search_case((27, 27, 96), (13, 13, 256), 2, pool("MAX_POOL", 3, 2)),
        search_case((9, 7, 2), (4, 3, 2), 0, pool("MAX_POOL", 1, 1)),
    ]
    searches += [random_search(rng) for _ in range(20)]
    print(json.dumps({"generator": "reference/scripts/conv_golden.py",
                      "torch": torch.__version__, "chains": chains, "searches": searches},
                     indent=1))


if __name__ == "__main__":
    main()
