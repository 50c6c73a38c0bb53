#!/usr/bin/python3
"""Golden vectors for the Gaussian naive Bayes problems (naive-bayes.fit, naive-bayes.posterior).

Fit: priors N_k / N, class means with numpy.mean, and the shared variance computed as the
class-size-weighted sum of per-class biased variances, sum_k N_k * numpy.var(x[y == k]) / N, which
equals (1/N) sum_i (x_ij - mu_{y_i, j})^2 (a different route from the Java reference's direct sum).
Posterior: log joint with the Gaussian log-density written out, normalised with
numpy.logaddexp.reduce; far-away points are included.

Run from the repository root with Debian's NumPy:
    /usr/bin/python3 reference/scripts/naivebayes_golden.py
It writes reference/src/test/resources/golden/naivebayes/naivebayes_golden.json in the wire format
of org.mlgrade.api.naivebayes (LabelledData, GaussianModel, PosteriorQuery, Posteriors).
"""
import json
import pathlib

import numpy as np

OUT = (pathlib.Path(__file__).resolve().parent.parent
       / "src/test/resources/golden/naivebayes/naivebayes_golden.json")


def fit(x, y, classes):
    n = len(x)
    counts = np.array([np.sum(y == k) for k in range(classes)])
    priors = counts / n
    means = np.array([x[y == k].mean(axis=0) for k in range(classes)])
    variances = sum(counts[k] * x[y == k].var(axis=0) for k in range(classes)) / n
    return priors, means, variances


def posterior(priors, means, variances, x):
    # s[i, k] = log pi_k + sum_j log N(x_ij; mu_kj, var_j)
    diff = x[:, None, :] - means[None, :, :]
    log_density = -0.5 * np.log(2 * np.pi * variances) - diff ** 2 / (2 * variances)
    s = np.log(priors)[None, :] + log_density.sum(axis=2)
    return np.exp(s - np.logaddexp.reduce(s, axis=1, keepdims=True))


def main():
    rng = np.random.default_rng(20261122)
    fits, posteriors = [], []
    for case in range(12):
        classes, d = int(rng.integers(2, 5)), int(rng.integers(1, 4))
        counts = rng.integers(1, 8, size=classes)
        y = rng.permutation(np.repeat(np.arange(classes), counts))
        centres = rng.uniform(-3, 3, size=(classes, d))
        x = np.round(centres[y] + rng.normal(0, rng.uniform(0.3, 2), size=(len(y), d)), 3)
        priors, means, variances = fit(x, y, classes)
        fits.append({
            "name": f"random fit {case}",
            "input": {"x": x.tolist(), "y": y.tolist(), "classes": classes},
            "expected": {"priors": priors.tolist(), "means": means.tolist(),
                         "variances": variances.tolist()},
        })
        points = np.round(rng.uniform(-4, 4, size=(5, d)), 3)
        points[3] *= 1e4  # far away: every exp(s_k) underflows
        points[4] = -1e5
        p = posterior(priors, means, variances, points)
        posteriors.append({
            "name": f"posterior of random fit {case}",
            "input": {"model": {"priors": priors.tolist(), "means": means.tolist(),
                                "variances": variances.tolist()},
                      "x": points.tolist()},
            "expected": {"probabilities": p.tolist()},
        })
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"fit": fits, "posterior": posteriors}, indent=1) + "\n")
    print(f"wrote {len(fits)} fits and {len(posteriors)} posterior cases to {OUT}")


if __name__ == "__main__":
    main()
