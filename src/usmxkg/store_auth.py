"""HTTP authentication for Graph Store Protocol requests: basic, and digest with the challenge asked first.

A client that answers a digest challenge (RFC 7616 §3.3) the usual way sends its request,
body and all, gets ``401 Unauthorized`` with the challenge, and sends it again with an
``Authorization`` header. A server may close the connection on the first answer before it has
read a large body: Virtuoso 7 resets it, so a ``PUT`` of a 20,000-triple graph to
``/sparql-graph-crud-auth`` fails with "connection reset by peer" (a small one passes). Here the
challenge is fetched with a ``HEAD`` request of the same URL, which has no body, and the
``PUT``/``POST``/``DELETE`` goes once, already authorised, as ``curl --digest`` does. Basic
authentication (RFC 7617) is sent with the first request.

Credentials live only in the request headers; nothing here writes them to a message.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.request


class _Digest(urllib.request.HTTPDigestAuthHandler):
    """The standard library's digest computation, used on a challenge fetched beforehand."""

    def header(self, request: urllib.request.Request, challenge: str) -> str | None:
        scheme, _, rest = challenge.partition(" ")
        if scheme.lower() != "digest":
            return None
        fields = urllib.request.parse_keqv_list([part for part in urllib.request.parse_http_list(rest) if part])
        value = self.get_authorization(request, fields)
        return f"Digest {value}" if value else None


def _challenge(url: str, timeout: float) -> str | None:
    """The ``WWW-Authenticate`` header a body-less request of ``url`` is answered with, if any."""
    probe = urllib.request.Request(url, method="HEAD")
    try:
        with urllib.request.urlopen(probe, timeout=timeout):
            return None
    except urllib.error.HTTPError as exc:
        return exc.headers.get("WWW-Authenticate") if exc.code == 401 else None


def authorise(request: urllib.request.Request, scheme: str, credentials: tuple[str, str] | None,
              timeout: float = 30.0) -> urllib.request.Request:
    """Add the ``Authorization`` header for ``scheme`` (``basic`` or ``digest``) to ``request``.

    Without credentials, or when the server does not challenge a digest probe, the request is
    returned as it is.
    """
    if credentials is None:
        return request
    user, password = credentials
    if scheme == "basic":
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        request.add_unredirected_header("Authorization", f"Basic {token}")
        return request
    if scheme != "digest":
        raise ValueError(f"unknown HTTP authentication scheme {scheme!r}; use basic or digest")
    challenge = _challenge(request.full_url, timeout)
    if challenge:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, request.full_url, user, password)
        header = _Digest(manager).header(request, challenge)
        if header:
            request.add_unredirected_header("Authorization", header)
    return request
