#!/usr/bin/python3
"""Golden vectors for the kernel validity problems (kernel.gram-matrix, kernel.psd-check).

Evaluates each kernel spec with NumPy broadcasting (whole Gram matrices at once, an independent
path from the Java reference's pair-by-pair recursion), takes the eigenvalues with
numpy.linalg.eigvalsh (LAPACK), and applies the PSD rule of the Javadoc:
    psd = min eigenvalue >= -1e-9 * max(1, max |eigenvalue|).

Run from the repository root with Debian's NumPy:
    /usr/bin/python3 reference/scripts/kernel_golden.py
It writes reference/src/test/resources/golden/kernel/kernel_golden.json. Specs are written in the
wire format of org.mlgrade.api.kernel.KernelSpec: {"kind": ..., "params": [...], "parts": [...]}.
"""
import json
import pathlib

import numpy as np

RELATIVE_TOLERANCE = 1e-9
OUT = pathlib.Path(__file__).resolve().parent.parent / "src/test/resources/golden/kernel/kernel_golden.json"


def spec(kind, params=(), parts=()):
    return {"kind": kind, "params": [float(p) for p in params], "parts": list(parts)}


def linear():
    return spec("LINEAR")


def polynomial(c, degree):
    return spec("POLYNOMIAL", [c, degree])


def rbf(gamma):
    return spec("RBF", [gamma])


def weighted_sum(weights, *parts):
    return spec("WEIGHTED_SUM", weights, parts)


def product(*parts):
    return spec("PRODUCT", (), parts)


def polynomial_of(coefficients, base):
    return spec("POLYNOMIAL_OF", coefficients, [base])


def squared_sum_of_affine(w, c):
    return spec("SQUARED_SUM_OF_AFFINE", list(w) + [c])


def gram(kernel, x):
    """The whole Gram matrix, K[i, j] = k(x_i, x_j), by broadcasting."""
    kind, p, parts = kernel["kind"], np.array(kernel["params"]), kernel["parts"]
    if kind == "LINEAR":
        return x @ x.T
    if kind == "POLYNOMIAL":
        return (x @ x.T + p[0]) ** int(p[1])
    if kind == "RBF":
        diff = x[:, None, :] - x[None, :, :]
        return np.exp(-p[0] * np.sum(diff ** 2, axis=2))
    if kind == "WEIGHTED_SUM":
        return sum(w * gram(part, x) for w, part in zip(p, parts))
    if kind == "PRODUCT":
        result = np.ones((len(x), len(x)))
        for part in parts:
            result = result * gram(part, x)
        return result
    if kind == "POLYNOMIAL_OF":
        b = gram(parts[0], x)
        return sum(a * b ** d for d, a in enumerate(p))
    if kind == "SQUARED_SUM_OF_AFFINE":
        f = x @ p[:-1] + p[-1]
        return (f[:, None] + f[None, :]) ** 2
    raise ValueError(kind)


def random_kernel(rng, dim, depth):
    kind = rng.integers(0, 7 if depth > 0 else 4)
    r = lambda lo, hi: round(float(rng.uniform(lo, hi)), 2)
    if kind == 0:
        return linear()
    if kind == 1:
        return polynomial(r(-1, 2), int(rng.integers(1, 4)))
    if kind == 2:
        return rbf(r(0.1, 2))
    if kind == 3:
        return squared_sum_of_affine([r(-1, 1) for _ in range(dim)], r(-1, 1))
    if kind == 4:
        return weighted_sum([r(-1, 2), r(-1, 2)], random_kernel(rng, dim, depth - 1),
                            random_kernel(rng, dim, depth - 1))
    if kind == 5:
        return product(random_kernel(rng, dim, depth - 1), random_kernel(rng, dim, depth - 1))
    return polynomial_of([r(-0.5, 2) for _ in range(int(rng.integers(1, 4)))],
                         random_kernel(rng, dim, depth - 1))


def cases():
    yield "hand f=1,0 not psd", squared_sum_of_affine([1], 0), [[1], [0]]
    yield "hand f=1,-1 psd", squared_sum_of_affine([1], 0), [[1], [-1]]
    yield "rank one linear", linear(), [[1], [2], [3]]
    yield "rbf three points", rbf(0.5), [[0, 0], [1, 1], [2, 0]]
    yield "polynomial c=1 degree 2", polynomial(1, 2), [[1, 2], [3, -1], [0, 1]]
    yield "linear minus two rbf", weighted_sum([1, -2], linear(), rbf(1)), [[0, 0], [1, 0], [0, 1]]
    yield "product linear rbf", product(linear(), rbf(0.5)), [[1, 0], [0.5, 0.5], [-1, 2]]
    yield "polynomial of rbf", polynomial_of([1, 2, 0.5], rbf(1)), [[0], [0.5], [2]]
    yield "b minus b squared of linear", polynomial_of([0, 1, -1], linear()), [[1], [2]]
    yield "squared sum 2d", squared_sum_of_affine([0.5, -1], 0.25), [[0, 0], [1, 0], [0, 1], [1, 1]]
    yield "polynomial c=-1", polynomial(-1, 2), [[1], [2]]
    yield "nested", weighted_sum([0.5, 1.5], product(rbf(0.3), polynomial(1, 3)),
                                 polynomial_of([0, 0, 1], linear())), [[1, 0, -1], [0.5, 2, 0], [-1, -1, 1], [0, 0.25, 0.75]]
    rng = np.random.default_rng(20261122)
    for i in range(16):
        n, dim = int(rng.integers(2, 9)), int(rng.integers(1, 4))
        points = np.round(rng.uniform(-1.5, 1.5, size=(n, dim)), 2).tolist()
        yield f"random {i}", random_kernel(rng, dim, 2), points


def main():
    out = []
    for name, kernel, points in cases():
        x = np.array(points, dtype=float)
        k = gram(kernel, x)
        eigenvalues = np.linalg.eigvalsh(k)
        scale = max(1.0, float(np.max(np.abs(eigenvalues))))
        relative = eigenvalues[0] / scale
        if -1e-6 < relative < -1e-12:
            continue  # too close to the threshold to be a fair test
        out.append({
            "name": name,
            "input": {"kernel": kernel, "points": x.tolist()},
            "gram": k.tolist(),
            "eigenvalues": eigenvalues.tolist(),
            "minEigenvalue": float(eigenvalues[0]),
            "positiveSemidefinite": bool(eigenvalues[0] >= -RELATIVE_TOLERANCE * scale),
        })
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {len(out)} cases to {OUT}")


if __name__ == "__main__":
    main()
