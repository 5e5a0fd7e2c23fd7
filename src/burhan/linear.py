"""Small, explicit linear-model pieces stored as JSON (no pickle in shipped models)."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression


class StandardisedLogistic:
    """Standardise features, then a class-weighted multinomial logistic regression."""

    def __init__(self, C: float = 1.0, class_weight: str | None = "balanced", max_iter: int = 5000,
                 n_standardised: int | None = None, clip: float | None = None):
        self.C = C
        # standardised values are clipped to ±clip: an input far outside the training range
        # (a very short claim covered by many lines) must not be extrapolated linearly
        self.clip = clip
        self.n_standardised = n_standardised  # only the first n columns (None: all); the rest pass as they are
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.mean: np.ndarray | None = None
        self.scale: np.ndarray | None = None
        self.coef: np.ndarray | None = None
        self.intercept: np.ndarray | None = None
        self.classes: list[str] = []

    def fit(self, X: np.ndarray, y: list[str], sample_weight: np.ndarray | None = None) -> StandardisedLogistic:
        X = self._fit_scaling(X)
        model = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter)
        model.fit(self._standardise(X), y, sample_weight=sample_weight)
        self.coef, self.intercept, self.classes = model.coef_, model.intercept_, [str(c) for c in model.classes_]
        return self

    def _fit_scaling(self, X: np.ndarray) -> np.ndarray:
        """Learn the standardisation of the first ``n_standardised`` columns; ``X`` as float64."""
        X = np.asarray(X, dtype=np.float64)
        n = X.shape[1] if self.n_standardised is None else self.n_standardised
        self.mean = np.r_[X[:, :n].mean(axis=0), np.zeros(X.shape[1] - n)]
        self.scale = np.r_[X[:, :n].std(axis=0), np.ones(X.shape[1] - n)]
        self.scale[self.scale == 0] = 1.0
        return X

    def _standardise(self, X: np.ndarray) -> np.ndarray:
        z = (np.asarray(X, dtype=np.float64) - self.mean) / self.scale
        if self.clip is not None:
            n = z.shape[1] if self.n_standardised is None else self.n_standardised
            z[:, :n] = np.clip(z[:, :n], -self.clip, self.clip)  # the columns passed as they are stay
        return z

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        z = self._standardise(X) @ self.coef.T + self.intercept
        if z.shape[1] == 1:  # binary: sklearn keeps one row of coefficients
            z = np.hstack([-z, z]) / 2
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def to_dict(self) -> dict:
        return {"C": self.C, "class_weight": self.class_weight, "n_standardised": self.n_standardised, "clip": self.clip,
                "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept.tolist(), "classes": self.classes}

    @classmethod
    def from_dict(cls, data: dict) -> StandardisedLogistic:
        model = cls(C=data["C"], class_weight=data["class_weight"], n_standardised=data["n_standardised"],
                    clip=data.get("clip"))
        model.mean, model.scale = np.array(data["mean"]), np.array(data["scale"])
        model.coef, model.intercept = np.array(data["coef"]), np.array(data["intercept"])
        model.classes = data["classes"]
        return model
