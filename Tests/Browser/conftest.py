"""Browser tests of the SREtv web pages: Debian's headless chromium driven by Selenium through
chromium-driver, against a real `sretv serve --demo` on a free loopback port.

Fixtures for every page's tests:
- `server`: the running server (`server.url(path)`, `server.token[role]` for the users `viewer`,
  `producer`, `operator` and `admin-user`, `server.add_user(name, role)` → token).
- `browser()`: opens a new, separate browser session (call it twice for two users); each one's
  last screen is saved as `.build/screenshots/<test>[-<n>].png` when the test ends.
- `login(driver, server, name, token)`, `screenshot(driver, name)` (also into $SRETV_DOCS_SCREENSHOTS),
  `status_with_cookie(driver, server, path)` (the status a request with the browser's cookie gets).
"""
import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ".build" / "screenshots"
BINARY = os.environ.get("SRETV_BINARY", str(ROOT / ".build" / "debug" / "sretv"))
ROLES = ["viewer", "producer", "operator", "admin"]


class Server:
    """A `sretv serve --demo` process and the users the tests log in as."""

    def __init__(self, data, port):
        self.data = data
        self.base_url = f"http://127.0.0.1:{port}"
        self.log = data / "serve.log"
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [BINARY, "serve", "--demo", "--data", str(data), "--port", str(port)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        self.token = {}

    def url(self, path):
        return self.base_url + path

    def wait_until_ready(self, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"sretv serve exited with {self.process.returncode}:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"sretv serve did not answer /healthz within {timeout} s:\n{self.log.read_text()}")

    def add_user(self, name, role):
        """Creates user `name` with `role` by the CLI, as an admin would; returns the token (its last stdout line)."""
        result = subprocess.run([BINARY, "user", "add", name, "--role", role, "--data", str(self.data), "--actor", "browser-tests"],
                                capture_output=True, text=True, check=True)
        return result.stdout.strip().splitlines()[-1]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    if not os.access(BINARY, os.X_OK):
        pytest.fail(f"no sretv binary at {BINARY}: run `swift build` first (or set SRETV_BINARY)")
    running = Server(tmp_path_factory.mktemp("sretv-data"), free_port())
    try:
        running.wait_until_ready()
        for role in ROLES:
            name = "admin-user" if role == "admin" else role  # the demo already has a user "admin"
            running.token[role] = running.add_user(name, role)
        yield running
    finally:
        running.stop()


def chromium():
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--lang=es"]:
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))


def screenshot(driver, name):
    """Saves the page as `.build/screenshots/NAME.png`, and into $SRETV_DOCS_SCREENSHOTS when set."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    if os.environ.get("SRETV_DOCS_SCREENSHOTS"):  # the README's pictures show each page from its top
        folder = pathlib.Path(os.environ["SRETV_DOCS_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(folder / f"{name}.png"))


@pytest.fixture
def browser(request):
    drivers = []

    def open_browser():
        driver = chromium()
        drivers.append(driver)
        return driver

    yield open_browser
    name = request.node.name.replace("[", "-").replace("]", "").replace("/", "-")
    for index, driver in enumerate(drivers):
        try:
            screenshot(driver, name if index == 0 else f"{name}-{index + 1}")
        finally:
            driver.quit()


def wait(driver, timeout=15):
    return WebDriverWait(driver, timeout)


def login(driver, server, name, token, path="/login"):
    """Logs in through the form at `path` and waits for the page it leads to."""
    driver.get(server.url(path))
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]").click()
    wait(driver).until(expected_conditions.url_changes(server.url(path)))


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


def status_with_cookie(driver, server, path, method="GET", headers=None, cookies=None):
    """The HTTP status of `path` requested with the browser's cookies (or `cookies`), outside the browser, not following redirects."""
    jar = "; ".join(f"{c['name']}={c['value']}" for c in (cookies if cookies is not None else driver.get_cookies()))
    request = urllib.request.Request(server.url(path), method=method, headers={"Cookie": jar, **(headers or {})})
    try:
        with urllib.request.build_opener(NoRedirects).open(request, timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
