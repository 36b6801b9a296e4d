"""Who a request came from (core/forwarding.py): X-Forwarded-For is believed only from the
proxies TILANNEKUVA_TRUSTED_PROXIES lists, never by default, even though Streamlit's web server
(uvicorn) rewrites the address from it for connections from its own machine."""

import ipaddress

import pytest

from core import forwarding as f

NONE: tuple = ()
PROXY = (ipaddress.ip_network("10.0.0.5/32"),)
LOCAL_PROXY = (ipaddress.ip_network("127.0.0.1/32"),)


def uvicorn(peer: str, forwarded: list[str]) -> str:
    """The address uvicorn reports: rewritten from the header for its default 127.0.0.1/::1."""
    if peer in ("127.0.0.1", "::1") and forwarded:
        return f._rightmost_untrusted(forwarded, f._uvicorn_networks())
    return peer


@pytest.mark.parametrize(
    ("peer", "header", "trusted", "expected"),
    [
        # No proxy trusted (the default): the connection's own address, whatever the header.
        ("127.0.0.1", ["6.6.6.6"], NONE, "127.0.0.1"),
        ("127.0.0.1", ["6.6.6.6, 7.7.7.7"], NONE, "127.0.0.1"),
        ("203.0.113.9", ["6.6.6.6"], NONE, "203.0.113.9"),
        ("203.0.113.9", [], NONE, "203.0.113.9"),
        ("127.0.0.1", [], NONE, "127.0.0.1"),
        # A trusted proxy's header is believed: the last address it names that is not a proxy.
        ("10.0.0.5", ["198.51.100.7"], PROXY, "198.51.100.7"),
        ("10.0.0.5", ["6.6.6.6, 198.51.100.7"], PROXY, "198.51.100.7"),
        ("203.0.113.9", ["198.51.100.7"], PROXY, "203.0.113.9"),  # not the proxy
        ("127.0.0.1", ["198.51.100.7:5555"], LOCAL_PROXY, "198.51.100.7"),
    ],
)
def test_the_client_address(peer, header, trusted, expected):
    forwarded = f.forwarded_hosts(header)

    assert f.client_address(uvicorn(peer, forwarded), forwarded, trusted) == expected


def test_forty_forged_addresses_from_one_machine_are_one_address():
    seen = set()
    for i in range(40):
        forwarded = f.forwarded_hosts([f"192.0.2.{i}"])
        seen.add(f.client_address(uvicorn("127.0.0.1", forwarded), forwarded, NONE))

    assert seen == {"127.0.0.1"}


def test_an_ipv4_address_written_as_ipv6_is_the_ipv4_address():
    assert f.client_address("::ffff:203.0.113.9", [], NONE) == "203.0.113.9"


@pytest.mark.parametrize(
    ("scheme", "peer", "proto", "trusted", "https"),
    [
        ("https", "203.0.113.9", None, NONE, True),
        ("http", "203.0.113.9", "https", NONE, False),  # anyone can say so
        ("http", "10.0.0.5", "https", PROXY, True),
        ("http", "10.0.0.5", "http", PROXY, False),
    ],
)
def test_https_is_believed_from_the_connection_or_a_trusted_proxy(
    scheme, peer, proto, trusted, https
):
    assert f.is_https(scheme, peer, [], proto, trusted) is https
