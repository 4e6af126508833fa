"""The control room: a live source fed by ffmpeg over loopback UDP is watched, taken on air with a
confirmation, and returned — the page follows it all through the events stream."""
import json
import subprocess
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BINARY, free_port, login, screenshot, wait

CHANNEL = "sretv-demo"


def breakout_status(server):
    request = urllib.request.Request(server.url(f"/api/channels/{CHANNEL}/breakout"), headers={"Authorization": f"Bearer {server.token['viewer']}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, None


@pytest.fixture
def studio_feed(server, tmp_path):
    """An ffmpeg sender pushing a looped clip to udp://127.0.0.1:PORT, defined as source `estudio-a`."""
    clip = tmp_path / "feed.mp4"
    subprocess.run([BINARY, "test-clip", str(clip), "--format", "320x180@25", "--seconds", "8", "--gop", "25"], check=True, capture_output=True)
    port = free_port()
    sender = subprocess.Popen(["ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", str(clip),
                               "-c", "copy", "-f", "mpegts", f"udp://127.0.0.1:{port}?pkt_size=1316"],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        subprocess.run([BINARY, "live", "define", CHANNEL, "estudio-a", f"udp://127.0.0.1:{port}",
                        "--server", server.base_url, "--token", server.token["operator"]], check=True, capture_output=True)
        yield "estudio-a"
    finally:
        sender.kill()
        sender.wait()


def test_the_control_room_takes_a_live_source_and_returns(server, browser, studio_feed):
    driver = browser()
    login(driver, server, "operator", server.token["operator"])
    driver.get(server.url(f"/control?channel={CHANNEL}"))
    # On air with a countdown, the next items, the output preview playing.
    wait(driver).until(lambda d: d.find_element(By.ID, "connection").text == "En directo: se actualiza solo.")
    assert driver.find_element(By.ID, "now-title").text not in ("", "—", "El canal no está al aire.")
    wait(driver).until(lambda d: d.find_element(By.ID, "countdown").text.startswith("Siguiente en "))
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#next li time"))
    wait(driver, 60).until(lambda d: d.execute_script("const v = document.getElementById('output'); return v.readyState >= 2 && v.videoWidth > 0;"))
    # The source comes up with its format and bit rate, through the events stream (no reload).
    row = wait(driver, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, f"tr[data-source='{studio_feed}']"))
    wait(driver, 30).until(lambda d: row.find_element(By.CSS_SELECTOR, ".badge").get_attribute("textContent") == "recibiendo")
    wait(driver, 10).until(lambda d: "h264 320x180@25" in row.text and "Mb/s" in row.text)
    take = row.find_element(By.CSS_SELECTOR, "button.take")
    assert take.is_enabled() and not driver.find_element(By.ID, "return").is_enabled()
    Select(row.find_element(By.CSS_SELECTOR, "select.mode")).select_by_value("rejoin")
    # TAKE asks first; cancelling changes nothing.
    take.click()
    assert driver.find_element(By.ID, "confirm-text").text == "¿Poner «estudio-a» al aire ahora? Regreso: reincorporar (la programación sigue el reloj)."
    driver.find_element(By.ID, "confirm-no").click()
    assert breakout_status(server)[0] == 404
    take.click()
    driver.find_element(By.ID, "confirm-yes").click()
    wait(driver, 15).until(lambda d: d.find_element(By.ID, "breakout-state").text.startswith("AL AIRE EN VIVO: estudio-a desde las "))
    status, breakout = breakout_status(server)
    assert status == 200 and breakout["source"] == studio_feed and breakout["return"] == "rejoin" and breakout["createdBy"] == "operator"
    assert "on-air" in row.get_attribute("class") and not take.is_enabled()
    driver.execute_script("document.getElementById('breakout-box').scrollIntoView()")  # the breakout and the sources in the picture
    screenshot(driver, "control")
    driver.find_element(By.ID, "return").click()
    assert driver.find_element(By.ID, "confirm-text").text == "¿Regresar a la programación ahora?"
    driver.find_element(By.ID, "confirm-yes").click()
    wait(driver, 15).until(lambda d: d.find_element(By.ID, "breakout-state").text == "Al aire: la programación.")
    assert breakout_status(server)[0] == 404
    assert not driver.find_element(By.ID, "return").is_enabled() and take.is_enabled()
