"""The REST API's scoped tokens, kept in the store (table ``tokens``, schema v7).

A token is 32 random bytes (URL-safe text), shown once when made; the store keeps only its
SHA-256 (a token is random, not a password: a slow hash adds nothing), so a copied store file
gives no working token. Roles, each allowing what the one before it does:

- ``read``: search, articles, the history (when the server asks a token for reads);
- ``check``: check claims and add an editor's note or verdict to a past check;
- ``ingest``: add articles and fact-checks;
- ``admin``: everything (the server's ``--token`` is an admin token named "admin").
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from burhan.store.sqlite import Store, utc_now

ROLES = ("read", "check", "ingest", "admin")
NAME = re.compile(r"^[\w.@-]{1,64}$")


@dataclass
class TokenInfo:
    name: str
    role: str
    created_at: str
    revoked_at: str | None = None


class TokenError(ValueError):
    """A token that cannot be made or revoked (bad name or role, a name in use, no such token)."""


def allows(role: str, needed: str) -> bool:
    """Whether ``role`` may do what ``needed`` allows."""
    return ROLES.index(role) >= ROLES.index(needed)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class TokenRegistry:
    """``create`` / ``list`` / ``revoke`` / ``authenticate`` over one store's ``tokens`` table."""

    def __init__(self, store: Store):
        self.store = store

    def create(self, name: str, role: str) -> str:
        """A new token for ``name`` with ``role``; the only time its text is seen."""
        if not NAME.match(name or ""):
            raise TokenError(f"token name {name!r}: use 1–64 letters, digits, '.', '_', '-' or '@'")
        if role not in ROLES:
            raise TokenError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
        token = "bt_" + secrets.token_urlsafe(32)
        with self.store.transaction() as db:
            if db.execute("SELECT 1 FROM tokens WHERE name = ?", (name,)).fetchone():
                raise TokenError(f"a token named {name!r} exists (revoke it first, or choose another name)")
            db.execute("INSERT INTO tokens (name, role, hash, created_at) VALUES (?, ?, ?, ?)",
                       (name, role, token_hash(token), utc_now()))
        return token

    def list(self) -> list[TokenInfo]:
        rows = self.store.db.execute("SELECT name, role, created_at, revoked_at FROM tokens ORDER BY id").fetchall()
        return [TokenInfo(r["name"], r["role"], r["created_at"], r["revoked_at"]) for r in rows]

    def revoke(self, name: str) -> None:
        """The token stops working at once (every server worker looks it up per request)."""
        with self.store.transaction() as db:
            done = db.execute("UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                              (utc_now(), name)).rowcount
        if not done:
            raise TokenError(f"no active token named {name!r}")

    def authenticate(self, token: str) -> TokenInfo | None:
        """The token's holder, or None (unknown or revoked)."""
        row = self.store.db.execute("SELECT name, role, created_at, revoked_at FROM tokens WHERE hash = ?",
                                    (token_hash(token),)).fetchone()
        if row is None or row["revoked_at"] is not None:
            return None
        return TokenInfo(row["name"], row["role"], row["created_at"], None)

    def any_active(self) -> bool:
        return self.store.db.execute("SELECT 1 FROM tokens WHERE revoked_at IS NULL LIMIT 1").fetchone() is not None
