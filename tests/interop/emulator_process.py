# SPDX-FileCopyrightText: 2026 SessionScope contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs sessionscope-emulator as a separate process for the interop tests.

The emulator is started with --port 0; its first line on stdout says where it listens. It is always
stopped: on leaving the `with` block (SIGTERM, then SIGKILL), and by the kernel if this script dies
(PR_SET_PDEATHSIG on Linux).
"""
import ctypes
import os
import select
import signal
import subprocess
import sys
import time

SKIP = 77  # CTest's SKIP_RETURN_CODE for these tests

DEMO_ACCESS_KEY_ID = "AKIASESSIONSCOPEDEMO"
DEMO_SECRET_ACCESS_KEY = "SessionScope/Demo+Secret/NotForRealUse00"
REGION = "us-east-1"


def skip(reason):
    print(f"SKIP: {reason}")
    sys.exit(SKIP)


def _die_with_parent():
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


class EmulatorProcess:
    def __init__(self, executable, arguments=(), start_timeout=60):
        self.executable = executable
        self.arguments = list(arguments)
        self.start_timeout = start_timeout
        self.process = None
        self.endpoint = None
        self.exit_code = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [self.executable, "--port", "0", *self.arguments],
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
        try:
            deadline = time.monotonic() + self.start_timeout
            line = b""
            while not line.endswith(b"\n"):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise RuntimeError("the emulator did not say where it listens in time")
                ready, _, _ = select.select([self.process.stdout], [], [], remaining)
                if not ready:
                    continue
                chunk = os.read(self.process.stdout.fileno(), 1)
                if not chunk:
                    raise RuntimeError(f"the emulator exited early (code {self.process.wait()})")
                line += chunk
            text = line.decode().strip()
            prefix = "listening on "
            if not (text.startswith(prefix + "http://127.0.0.1:") or text.startswith(prefix + "https://127.0.0.1:")):
                raise RuntimeError(f"unexpected first line: {text!r}")
            self.endpoint = text[len(prefix):]
        except BaseException:
            self._stop()
            raise
        return self

    def _stop(self):
        if self.process is None or self.process.poll() is not None:
            if self.process is not None:
                self.exit_code = self.process.returncode
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.exit_code = self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            self.exit_code = "killed"

    def __exit__(self, exc_type, exc, tb):
        self._stop()
        if self.process.stdout:
            self.process.stdout.close()
        if exc_type is None and self.exit_code != 0:
            raise AssertionError(f"the emulator did not stop cleanly on SIGTERM (exit code {self.exit_code})")
        return False
