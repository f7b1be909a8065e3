"""A loopback TCP proxy in front of a real service, to play its outages: `down()` refuses every
connection, `blackhole()` accepts them and never answers (a hung server, a half-dead network)."""

from __future__ import annotations

import contextlib
import socket
import threading


class TcpProxy:
    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        self.mode = "forward"
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _keep(self, *socks: socket.socket) -> None:
        with self._lock:
            self._open.extend(socks)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # down(): the listener is closed
            if self.mode == "down":
                client.close()
                return
            if self.mode == "blackhole":
                self._keep(client)  # never read, never answered
                continue
            upstream = socket.create_connection(self.target)
            self._keep(client, upstream)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := src.recv(65536):
                dst.sendall(data)
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def _drop_connections(self) -> None:
        with self._lock:
            socks, self._open = self._open, []
        for s in socks:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def blackhole(self) -> None:
        self.mode = "blackhole"
        self._drop_connections()

    def down(self) -> None:
        self.mode = "down"
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept(); close() alone does not
        self.listener.close()
        self._drop_connections()


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.create_server(("127.0.0.1", 0)) as s:
        return int(s.getsockname()[1])
