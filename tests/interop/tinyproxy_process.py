# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs a real HTTP proxy (Debian's tinyproxy) for the proxy tests: on 127.0.0.1 at a free port, open to
127.0.0.1 only, CONNECT allowed to the given ports, optionally with Basic authentication, logging every
request to a file the test reads to see whether a client went through the proxy.

    with TinyproxyProcess(connect_ports=[8443], user="alice", password="s3cret") as proxy:
        proxy.url            # http://127.0.0.1:PORT (without credentials)
        proxy.requests()     # ["CONNECT 127.0.0.1:8443 HTTP/1.1", "GET http://... HTTP/1.1", ...]

tinyproxy runs in the foreground (-d) as a child of the test; it is stopped on leaving the block and by
the kernel if the test dies (PR_SET_PDEATHSIG).
"""
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from emulator_process import _die_with_parent, skip

TINYPROXY = os.environ.get("SESSIONSCOPE_TINYPROXY") or shutil.which("tinyproxy") or "/usr/bin/tinyproxy"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dead_port():
    """A loopback port where nothing listens (connections are refused)."""
    return free_port()


def require_tinyproxy():
    if not os.access(TINYPROXY, os.X_OK):
        skip(f"tinyproxy is not installed ({TINYPROXY}); packaging/bootstrap.sh test installs it")


class TinyproxyProcess:
    def __init__(self, connect_ports=(), user=None, password=None, start_timeout=30):
        self.connect_ports = list(connect_ports)
        self.user = user
        self.password = password
        self.start_timeout = start_timeout
        self.process = None
        self.folder = None
        self.port = None
        self.log_file = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def url_with(self, user, password):
        return f"http://{user}:{password}@127.0.0.1:{self.port}"

    @property
    def host_port(self):
        return f"127.0.0.1:{self.port}"

    def _write_config(self):
        lines = [
            f"Port {self.port}",
            "Listen 127.0.0.1",
            "Timeout 60",
            f'LogFile "{self.log_file}"',
            "LogLevel Info",
            "MaxClients 50",
            "Allow 127.0.0.1",
            "DisableViaHeader Yes",
        ]
        if os.geteuid() == 0:  # tinyproxy drops root privileges; the log folder stays writable for it
            lines += ["User nobody", "Group nogroup"]
        lines += [f"ConnectPort {port}" for port in self.connect_ports]
        if self.user is not None:
            lines.append(f"BasicAuth {self.user} {self.password}")
        config = os.path.join(self.folder, "tinyproxy.conf")
        with open(config, "w") as f:
            f.write("\n".join(lines) + "\n")
        return config

    def __enter__(self):
        require_tinyproxy()
        self.folder = tempfile.mkdtemp(prefix="sessionscope-tinyproxy-")
        os.chmod(self.folder, 0o777)
        self.log_file = os.path.join(self.folder, "tinyproxy.log")
        for attempt in range(5):  # another process may take the free port before tinyproxy binds it
            self.port = free_port()
            config = self._write_config()
            self.process = subprocess.Popen([TINYPROXY, "-d", "-c", config], stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
            if self._wait_until_listening():
                return self
            self._stop()
        self._cleanup()
        raise RuntimeError(f"tinyproxy did not start: {self.process.stderr.read().decode(errors='replace')}")

    def _wait_until_listening(self):
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def log(self):
        try:
            with open(self.log_file, errors="replace") as f:
                return f.read()
        except FileNotFoundError:
            return ""

    def requests(self):
        """The request lines the proxy received, in order ("CONNECT host:port HTTP/1.1", "GET http://...")."""
        return re.findall(r"Request \(file descriptor \d+\): (.*)", self.log())

    def mark(self):
        """The number of requests so far: requests_since(mark) lists only what came after."""
        return len(self.requests())

    def requests_since(self, mark):
        return self.requests()[mark:]

    def _stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _cleanup(self):
        if self.process is not None and self.process.stderr:
            self.process.stderr.close()
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __exit__(self, exc_type, exc, tb):
        self._stop()
        self._cleanup()
        return False
