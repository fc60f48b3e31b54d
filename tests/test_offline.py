"""When the suite runs under tools/offline.sh (as CI does), prove that the network really is cut."""

import os
import socket

import pytest

offline = os.environ.get("LINREG_OFFLINE") == "1"


@pytest.mark.skipif(
    not offline, reason="not running under tools/offline.sh (CI runs the suite that way)"
)
def test_only_loopback_is_up_and_sockets_cannot_leave():
    interfaces = sorted(name for _, name in socket.if_nameindex())  # netlink: this namespace's view
    assert interfaces == ["lo"], interfaces
    # No route: the kernel refuses at once, so no packet is ever sent.
    # 192.0.2.1 is TEST-NET-1 (RFC 5737), reserved for documentation.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1)
        with pytest.raises(OSError):
            s.connect(("192.0.2.1", 80))


def test_loopback_works():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2):
            conn, _ = server.accept()
            conn.close()
