"""The address of the client that sent a request: the one answer every rate limit keys on.

Behind a TLS proxy every request arrives from the proxy's address, so ``REMOTE_ADDR`` alone
would make all visitors one client. ``X-Forwarded-For`` names the real client, but anyone can
send that header: it is believed only when the peer is a proxy listed in the
``TRUSTED_PROXIES`` setting (IP addresses or CIDR networks), and then only as far as the chain
of trusted proxies goes. Reading the header from the right, each trusted proxy appended the
address it received the request from; the right-most address that is not a trusted proxy is
the client. Anything to its left was written by the client itself and is ignored.

allauth's rate limits use the same address (``portal.accounts.AccountAdapter.get_client_ip``).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=8)
def _networks(entries):
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is not an IP or CIDR"
            ) from error
    return tuple(networks)


def trusted_proxies():
    """The networks of the configured trusted proxies (the ``TRUSTED_PROXIES`` setting)."""
    entries = settings.TRUSTED_PROXIES
    if isinstance(entries, str):
        entries = entries.split(",")
    return _networks(tuple(e.strip() for e in entries if e.strip()))


def parse_address(value):
    """An ``ipaddress`` address from a header or ``REMOTE_ADDR`` value, or None.

    Accepts the forms proxies write: ``203.0.113.7``, ``203.0.113.7:51234``, ``2001:db8::1``
    and ``[2001:db8::1]:443``. IPv4 addresses mapped into IPv6 are given as IPv4.
    """
    value = (value or "").strip().strip('"')
    if value.startswith("["):
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def is_trusted_proxy(address, networks=None):
    """Is ``address`` in one of ``networks`` (by default the trusted proxies' networks)?"""
    networks = trusted_proxies() if networks is None else networks
    return address is not None and any(address in network for network in networks)


def client_ip(request):
    """The client's IP address as a string (see the module's docstring for the rules).

    A request from a peer that is not a trusted proxy is that peer's, whatever its headers say.
    """
    remote = parse_address(request.META.get("REMOTE_ADDR"))
    networks = trusted_proxies()
    if remote is None:
        return request.META.get("REMOTE_ADDR") or "unknown"
    if not is_trusted_proxy(remote, networks):
        return str(remote)
    client = remote
    forwarded = request.headers.get("X-Forwarded-For", "")
    for hop in reversed([h for h in forwarded.split(",") if h.strip()]):
        address = parse_address(hop)
        if address is None:
            # A trusted proxy passed on something that is not an address: the nearest
            # address we can vouch for is the last trusted hop.
            break
        client = address
        if not is_trusted_proxy(address, networks):
            break
    return str(client)
