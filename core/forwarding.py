"""Who a request came from, and whether over HTTPS: X-Forwarded-For and X-Forwarded-Proto are
believed only from the proxies TILANNEKUVA_TRUSTED_PROXIES lists (none by default), since
anyone can write them.

Streamlit's web server (uvicorn) already rewrites the client's address from X-Forwarded-For
when the connection comes from its own machine (127.0.0.1, ::1: uvicorn's FORWARDED_ALLOW_IPS
default), so a forged header would otherwise pass for the address of whoever connects locally
(the audit trail recording forged addresses). peer() undoes that rewrite: when the address
uvicorn reports is exactly the one it would have taken from the header, the connection came
from its own machine."""

import ipaddress
import os

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
UVICORN_TRUSTED = "127.0.0.1,::1"  # uvicorn's default for FORWARDED_ALLOW_IPS
LOCAL = "127.0.0.1"


def _address(text: str | None):
    try:
        found = ipaddress.ip_address((text or "").strip().strip("[]"))
    except ValueError:
        return None
    mapped = getattr(found, "ipv4_mapped", None)
    return mapped or found


def _host(entry: str) -> str:
    """An X-Forwarded-For entry without a port (1.2.3.4:5678, [::1]:80)."""
    entry = entry.strip()
    if entry.startswith("["):
        return entry[1 : entry.find("]")] if "]" in entry else entry
    if entry.count(":") == 1:
        return entry.split(":", 1)[0]
    return entry


def forwarded_hosts(header_values) -> list[str]:
    """Every address X-Forwarded-For lists, in order, across repeated headers."""
    hosts: list[str] = []
    for value in header_values or ():
        hosts += [_host(part) for part in str(value).split(",") if part.strip()]
    return hosts


def _trusted_by(networks, text: str | None) -> bool:
    found = _address(text)
    return found is not None and any(found in net for net in networks)


def _uvicorn_networks() -> tuple[Network, ...] | None:
    """What uvicorn believes X-Forwarded-For from; None when it believes everyone ('*')."""
    raw = os.environ.get("FORWARDED_ALLOW_IPS", UVICORN_TRUSTED)
    if raw.strip() == "*":
        return None
    networks = []
    for part in raw.split(","):
        try:
            networks.append(ipaddress.ip_network(part.strip(), strict=False))
        except ValueError:
            continue
    return tuple(networks)


def _rightmost_untrusted(hosts: list[str], networks) -> str:
    for host in reversed(hosts):
        if not _trusted_by(networks, host):
            return host
    return hosts[0]


def peer(reported: str | None, forwarded: list[str]) -> str:
    """The address the connection itself came from, whatever X-Forwarded-For says."""
    reported = reported or LOCAL
    uvicorn = _uvicorn_networks()
    if not forwarded or uvicorn is None:
        return reported
    taken = _rightmost_untrusted(forwarded, uvicorn)
    same = _address(taken) is not None and _address(taken) == _address(reported)
    return LOCAL if same or taken == reported else reported


def client_address(reported: str | None, forwarded: list[str], trusted: tuple[Network, ...]):
    """The address a request is counted and audited under: the connection's own, or, when
    that is a trusted proxy, the last address in X-Forwarded-For that is not one."""
    connection = peer(reported, forwarded)
    if not forwarded or not _trusted_by(trusted, connection):
        return str(_address(connection) or connection)
    return _rightmost_untrusted(forwarded, trusted)


def is_https(
    scheme: str, reported: str | None, forwarded: list[str], proto, trusted: tuple[Network, ...]
) -> bool:
    """True when the browser's connection is HTTPS: Streamlit's own TLS (or a local proxy
    uvicorn believed), or a trusted proxy that says X-Forwarded-Proto: https."""
    if scheme in ("https", "wss"):
        return True
    said = str(proto or "").split(",")[-1].strip().lower()
    return said == "https" and _trusted_by(trusted, peer(reported, forwarded))
