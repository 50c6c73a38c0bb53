#!/usr/bin/python3
"""Golden vectors for the em.* problems (EM for a mixture of Bernoullis), computed with NumPy.

Run from the repository root with Debian's python3 (numpy; scipy is not needed, log-sum-exp is
written out below):

    /usr/bin/python3 reference/scripts/em_golden.py

It writes reference/src/test/resources/golden/em/bernoulli_mixture.json: for each problem
(eStep, logLikelihood, mStep, fit) a list of cases {name, input, expected, mistakes}, where input
and expected use the record component names of org.mlgrade.api.em, and mistakes maps a known
mistake id to the wrong output NumPy computes for that mistake (used to check the Java mistakes).
This is an independent implementation: vectorised NumPy with np.where and log1p, not a port of
the Java loops. Inputs are rounded to 4 decimals to keep the file small; outputs keep full
double precision (Python's shortest round-trip repr).
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "golden", "em",
                   "bernoulli_mixture.json")
rng = np.random.default_rng(20261122)


def logsumexp(a, axis):
    """log sum exp(a) along axis, with the maximum subtracted; -inf entries contribute 0."""
    m = np.max(a, axis=axis, keepdims=True)
    s = np.log(np.sum(np.exp(a - m), axis=axis, keepdims=True)) + m
    return np.squeeze(s, axis=axis)


def log_joint(x, pi, p):
    """a[n, k] = log pi_k + sum_d (log p_kd if x_nd == 1 else log(1 - p_kd))."""
    with np.errstate(divide="ignore"):
        log_p = np.log(p)          # (K, D)
        log_q = np.log1p(-p)       # (K, D)
        log_pi = np.log(pi)        # (K,)
    terms = np.where(x[:, None, :] == 1, log_p[None, :, :], log_q[None, :, :])  # (N, K, D)
    return log_pi[None, :] + terms.sum(axis=2)


def e_step(x, pi, p):
    a = log_joint(x, pi, p)
    return np.exp(a - logsumexp(a, axis=1)[:, None])


def log_likelihood(x, pi, p):
    return float(logsumexp(log_joint(x, pi, p), axis=1).sum())


def m_step(x, r, prev_p, alpha, divide_by_n=False):
    n = x.shape[0]
    nk = r.sum(axis=0)                         # (K,)
    s = r.T @ x.astype(float)                  # (K, D): sum_n r_nk x_nd
    denom = (np.full_like(nk, n) if divide_by_n else nk) + 2 * alpha
    with np.errstate(invalid="ignore", divide="ignore"):
        p = (s + alpha) / denom[:, None]
    empty = nk == 0
    p[empty] = prev_p[empty]
    return nk / n, p


def fit(x, pi, p, max_iter, tol, alpha, keep_pi=False, naive=False, divide_by_n=False):
    ll = naive_log_likelihood if naive else log_likelihood
    es = naive_e_step if naive else e_step
    trace = [ll(x, pi, p)]
    t = 0
    while t < max_iter:
        t += 1
        r = es(x, pi, p)
        new_pi, p = m_step(x, r, p, alpha, divide_by_n)
        if not keep_pi:
            pi = new_pi
        trace.append(ll(x, pi, p))
        if tol > 0 and trace[-1] - trace[-2] < tol:
            break
    return pi, p, trace, t


# Known mistakes, the way students write them.
def naive_joint(x, pi, p):
    """pi_k prod_d p^x (1-p)^(1-x), in probability space: underflows to 0 at D = 784."""
    with np.errstate(under="ignore"):
        return pi[None, :] * np.prod(np.where(x[:, None, :] == 1, p[None], 1 - p[None]), axis=2)


def naive_e_step(x, pi, p):
    w = naive_joint(x, pi, p)
    with np.errstate(invalid="ignore"):
        return w / w.sum(axis=1, keepdims=True)


def naive_log_likelihood(x, pi, p):
    with np.errstate(divide="ignore"):
        return float(np.log(naive_joint(x, pi, p).sum(axis=1)).sum())


def multiply_log_likelihood(x, pi, p):
    """x log p + (1 - x) log(1 - p) with matrix products: 0 * -inf = NaN."""
    xf = x.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.log(pi)[None, :] + xf @ np.log(p).T + (1 - xf) @ np.log(1 - p).T
        return float(logsumexp(a, axis=1).sum())


def r4(a):
    return np.round(a, 4)


def data(n, d):
    return rng.integers(0, 2, size=(n, d))


def weights(k):
    w = rng.uniform(0.2, 1.0, size=k)
    return w / w.sum()


def means(k, d):
    return r4(rng.uniform(0.05, 0.95, size=(k, d)))


def confident(k, d):
    u = rng.uniform(0.01, 0.2, size=(k, d))
    return r4(np.where(rng.integers(0, 2, size=(k, d)) == 1, u, 1 - u))


def tolist(a):
    return np.asarray(a).tolist()


cases = {"eStep": [], "logLikelihood": [], "mStep": [], "fit": []}


def mixture_case(name, x, pi, p, mistakes_e=None, mistakes_l=None):
    inp = {"x": tolist(x), "pi": tolist(pi), "p": tolist(p)}
    cases["eStep"].append({"name": name, "input": inp,
                           "expected": {"responsibilities": tolist(e_step(x, pi, p))},
                           "mistakes": mistakes_e or {}})
    cases["logLikelihood"].append({"name": name, "input": inp,
                                   "expected": {"logLikelihood": log_likelihood(x, pi, p)},
                                   "mistakes": mistakes_l or {}})


def underflow_mistakes(x, pi, p):
    return ({"product-underflow": {"responsibilities": tolist(naive_e_step(x, pi, p))}},
            {"product-underflow": {"logLikelihood": naive_log_likelihood(x, pi, p)}})


X0 = np.array([[1, 0], [0, 1], [1, 1]])
PI0 = np.array([0.6, 0.4])
P0 = np.array([[0.8, 0.2], [0.2, 0.6]])
mixture_case("handout example", X0, PI0, P0)
x = data(4, 5)
mixture_case("K = 1", x, np.array([1.0]), means(1, 5))
x, pi, p = data(5, 7), weights(3), means(3, 7)
mixture_case("random N=5 D=7 K=3", x, pi, p)
x, p = data(5, 6), means(3, 6)
p[1, 0], p[1, 1], p[2, 2], p[2, 3] = 0.0, 1.0, 0.0, 1.0
pi = np.array([0.35, 0.65, 0.0])
mixture_case("exact 0 and 1 in p, pi_2 = 0", x, pi, p,
             mistakes_l={"zero-times-log-zero":
                         {"logLikelihood": multiply_log_likelihood(x, pi, p)}})
x, pi, p = data(6, 784), weights(3), confident(3, 784)
me, ml = underflow_mistakes(x, pi, p)
mixture_case("D=784 N=6 K=3, every product underflows", x, pi, p, me, ml)
x, pi, p = data(5, 784), weights(2), means(2, 784)
mixture_case("D=784 N=5 K=2, means in [0.05, 0.95]", x, pi, p)


def m_case(name, x, r, prev_p, alpha, mistakes=None):
    pi, p = m_step(x, r, prev_p, alpha)
    cases["mStep"].append({"name": name,
                           "input": {"x": tolist(x), "responsibilities": tolist(r),
                                     "previousP": tolist(prev_p), "smoothing": alpha},
                           "expected": {"pi": tolist(pi), "p": tolist(p)},
                           "mistakes": mistakes or {}})


def simplex_rows(n, k, empty=None):
    w = rng.uniform(0.05, 1.0, size=(n, k))
    if empty is not None:
        w[:, empty] = 0.0
    return w / w.sum(axis=1, keepdims=True)


m_case("handout example", X0, e_step(X0, PI0, P0), P0, 0.0)
x, r = data(6, 5), simplex_rows(6, 3)
npi, np_ = m_step(x, r, means(3, 5), 0.0, divide_by_n=True)
m_case("random N=6 D=5 K=3", x, r, means(3, 5), 0.0,
       {"divides-by-n": {"pi": tolist(npi), "p": tolist(np_)}})
m_case("component 1 empty", data(5, 4), simplex_rows(5, 3, empty=1), means(3, 4), 0.0)
m_case("component 0 empty, smoothing 1.5", data(5, 4), simplex_rows(5, 2, empty=0),
       means(2, 4), 1.5)
m_case("smoothing 0.5", data(4, 6), simplex_rows(4, 2), means(2, 6), 0.5)
x = data(6, 784)
m_case("D=784 N=6 K=3, responsibilities of a real E-step", x,
       e_step(x, weights(3), confident(3, 784)), means(3, 784), 0.0)


def f_case(name, x, pi, p, max_iter, tol, alpha, mistake_ids=()):
    fpi, fp, trace, t = fit(x, pi, p, max_iter, tol, alpha)
    mistakes = {}
    for mid in mistake_ids:
        kw = {"pi-not-updated": {"keep_pi": True}, "product-underflow": {"naive": True},
              "m-step-divides-by-n": {"divide_by_n": True}}[mid]
        mpi, mp, mtrace, mt = fit(x, pi, p, max_iter, tol, alpha, **kw)
        mistakes[mid] = {"pi": tolist(mpi), "p": tolist(mp), "logLikelihoods": mtrace,
                         "iterations": mt}
    cases["fit"].append({"name": name,
                         "input": {"x": tolist(x), "pi": tolist(pi), "p": tolist(p),
                                   "maxIterations": max_iter, "tolerance": tol,
                                   "smoothing": alpha},
                         "expected": {"pi": tolist(fpi), "p": tolist(fp),
                                      "logLikelihoods": trace, "iterations": t},
                         "mistakes": mistakes})


def tolerance_stopping(x, pi, p, max_iter, alpha, at_least):
    """(s, 2 (L_s - L_{s-1})) for the first s >= at_least whose gain is at most a quarter of
    every earlier gain: the fit then stops at s with a factor-2 margin on both sides."""
    trace = fit(x, pi, p, max_iter, 0.0, alpha)[2]
    gains = np.diff(trace)
    for s in range(at_least, len(gains) + 1):
        if gains[s - 1] > 1e-6 and np.all(gains[:s - 1] >= 4 * gains[s - 1]):
            return s, float(2 * gains[s - 1])
    raise AssertionError(gains)


f_case("handout example, one iteration", X0, PI0, P0, 1, 0.0, 0.0)
f_case("K = 1", data(5, 6), np.array([1.0]), means(1, 6), 3, 0.0, 0.0)
x, pi, p = data(8, 6), weights(3), means(3, 6)
f_case("random N=8 D=6 K=3, 10 iterations", x, pi, p, 10, 0.0, 0.0,
       ("pi-not-updated", "m-step-divides-by-n"))
f_case("smoothing 0.5", data(7, 5), weights(2), means(2, 5), 6, 0.0, 0.5)
x = data(6, 10)
x[:, [0, 1, 9]] = 0
f_case("all-zero columns reach p = 0", x, weights(2), means(2, 10), 5, 0.0, 0.0)
x, pi, p = data(8, 8), weights(2), means(2, 8)
stop, tol = tolerance_stopping(x, pi, p, 40, 0.0, 3)
f_case("stops on the tolerance after %d iterations" % stop, x, pi, p, 40, tol, 0.0)
x, pi, p = data(6, 784), weights(2), confident(2, 784)
f_case("D=784 N=6 K=2, 4 iterations", x, pi, p, 4, 0.0, 0.0, ("product-underflow",))

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump(cases, f, separators=(",", ":"), allow_nan=True)
    f.write("\n")
print(OUT, os.path.getsize(OUT), "bytes")
