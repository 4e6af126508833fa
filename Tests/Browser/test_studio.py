"""The studio: add an item from the media library, see its computed times, save, publish and find
it in the timeline API; two producers editing the same day: the second save shows the conflict."""
import datetime
import json
import subprocess
import urllib.request
import zoneinfo

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import BINARY, login, screenshot, wait

CHANNEL = "sretv-demo"


def day(offset):
    """A broadcast day `offset` days from today in the demo channel's zone (future days leave today's air alone)."""
    today = datetime.datetime.now(zoneinfo.ZoneInfo("America/Mexico_City")).date()
    return (today + datetime.timedelta(days=offset)).isoformat()


def api(server, method, path, token, body=None, content_type="application/json"):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(server.url(path), data=data, method=method,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read() or "null")


@pytest.fixture(scope="module")
def library_clip(server, tmp_path_factory):
    """An 8-second clip uploaded into the library as producer, category Cultura."""
    clip = tmp_path_factory.mktemp("clip") / "clip.mp4"
    subprocess.run([BINARY, "test-clip", str(clip), "--format", "320x180@25", "--seconds", "8", "--gop", "25"], check=True, capture_output=True)
    asset = api(server, "POST", "/api/media?title=Clip%20del%20navegador&provider=Canal%20Once&filename=clip.mp4&category=Cultura",
                server.token["producer"], clip.read_bytes(), "application/octet-stream")
    assert asset["status"] == "ready", asset
    return asset


def open_studio(driver, server, date):
    driver.get(server.url(f"/studio?channel={CHANNEL}&date={date}"))
    wait(driver).until(lambda d: d.find_element(By.ID, "version").text != "")


def cell(driver, index, selector):
    """The text (or an input's value) in item row `index`, found afresh: rows are redrawn as the rundown changes.
    Text as written (`textContent`), not as styled: badges are shown in capitals."""
    try:
        element = driver.find_element(By.CSS_SELECTOR, f"#rows tr.item[data-index='{index}'] {selector}")
        return element.get_attribute("value" if element.tag_name == "input" else "textContent")
    except (NoSuchElementException, StaleElementReferenceException):
        return None  # being redrawn: ask again


def click(driver, selector):
    """Clicks `selector` once it is there; False (to wait on) while it is missing or being redrawn."""
    try:
        driver.find_element(By.CSS_SELECTOR, selector).click()
        return True
    except (NoSuchElementException, StaleElementReferenceException):
        return False


def add_from_library(driver, query):
    box = driver.find_element(By.ID, "library-q")
    box.clear()
    box.send_keys(query, Keys.ENTER)
    before = len(driver.find_elements(By.CSS_SELECTOR, "#rows tr.item"))
    wait(driver).until(lambda d: click(d, "#library-results button.add"))
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#rows tr.item")) == before + 1)
    return before


def test_the_studio_adds_an_item_with_computed_times_saves_publishes_and_the_timeline_has_it(server, browser, library_clip):
    date = day(1)
    driver = browser()
    login(driver, server, "producer", server.token["producer"])
    open_studio(driver, server, date)
    assert driver.find_element(By.ID, "version").text == "Escaleta nueva: aún no se ha guardado."
    first = add_from_library(driver, "cultura")  # found by its category
    assert cell(driver, first, "input.field-title") == "Clip del navegador"
    # The engine's times: the day's first item starts at midnight and lasts the clip's 8 s.
    wait(driver).until(lambda d: cell(d, first, ".computed.end") == "00:00:08")
    assert cell(driver, first, ".computed.start") == "00:00:00"
    # A hard start that cuts it: a second copy at 00:00:05 trims the first by 3 s.
    second = add_from_library(driver, "navegador")
    driver.find_element(By.CSS_SELECTOR, f"#rows tr.item[data-index='{second}'] input.field-start").send_keys("00:00:05")
    wait(driver).until(lambda d: "Recortado 0:03" in cell(d, first, ".marks"))
    assert cell(driver, second, ".computed.start") == "00:00:05"
    # Keyboard reorder: Alt+↑ on the second item's title makes it the first, and the focus stays.
    driver.find_element(By.CSS_SELECTOR, f"#rows tr.item[data-index='{second}'] input.field-title").send_keys(Keys.ALT, Keys.ARROW_UP)
    first_id = lambda d: d.execute_script("return document.querySelector(\"#rows tr.item[data-index='0']\")?.dataset.item")
    wait(driver).until(lambda d: first_id(d) == "clip-del-navegador-2")
    assert driver.switch_to.active_element.get_attribute("data-field") == "title"
    driver.find_element(By.CSS_SELECTOR, "#rows tr.item[data-index='0'] .actions button:nth-child(2)").click()  # ▼ puts it back
    wait(driver).until(lambda d: first_id(d) == "clip-del-navegador")
    # Tags are set in place (the category came from the library).
    driver.find_element(By.CSS_SELECTOR, "#rows tr.item[data-index='0'] input.field-tags").send_keys("navegador, prueba")
    driver.find_element(By.ID, "save").click()
    wait(driver).until(lambda d: d.find_element(By.ID, "status").text == "Borrador guardado como versión 1.")
    driver.find_element(By.ID, "publish").click()
    wait(driver).until(lambda d: d.find_element(By.ID, "status").text == "Versión 1 publicada.")
    screenshot(driver, "studio")
    timeline = api(server, "GET", f"/api/channels/{CHANNEL}/timeline?from={date}", server.token["viewer"])
    entries = [entry for entry in timeline["entries"] if entry.get("item") in ("clip-del-navegador", "clip-del-navegador-2")]
    assert [(entry["item"], entry["start"][11:19], entry["end"][11:19]) for entry in entries] == [
        ("clip-del-navegador", "00:00:00", "00:00:05"), ("clip-del-navegador-2", "00:00:05", "00:00:13")]
    assert entries[0]["trimmed"] == 3 and entries[0]["tags"] == ["navegador", "prueba"] and entries[0]["category"] == "Cultura"


def test_two_producers_edit_the_same_day_and_the_second_save_shows_the_conflict(server, browser, library_clip):
    date = day(2)
    other = server.add_user("productora-2", "producer")
    first, second = browser(), browser()
    login(first, server, "producer", server.token["producer"])
    login(second, server, "productora-2", other)
    for driver in (first, second):
        open_studio(driver, server, date)
        add_from_library(driver, "navegador")
    second.find_element(By.CSS_SELECTOR, "#rows input.field-title").send_keys(" (versión B)")
    first.find_element(By.ID, "save").click()
    wait(first).until(lambda d: d.find_element(By.ID, "status").text == "Borrador guardado como versión 1.")
    second.find_element(By.ID, "save").click()
    conflict = wait(second).until(lambda d: d.find_element(By.ID, "conflict") if d.find_element(By.ID, "conflict").is_displayed() else None)
    text = second.find_element(By.ID, "conflict-text").text
    assert text.startswith("producer guardó la versión 1 el ") and "nada se sobrescribió" in text
    assert second.find_element(By.ID, "dirty").is_displayed()  # the edit is still there, unsaved
    conflict.find_element(By.ID, "compare-button").click()
    wait(second).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#compare li"))
    assert "Distinto: Clip del navegador (versión B) (clip-del-navegador) — title" in second.find_element(By.ID, "compare").text
    screenshot(second, "studio-conflict")
    # Nothing was overwritten: version 1 is the first producer's; reloading shows it.
    saved = api(server, "GET", f"/api/channels/{CHANNEL}/rundowns/{date}", server.token["viewer"])
    assert saved["version"] == 1 and saved["savedBy"] == "producer" and saved["rundown"]["items"][0]["title"] == "Clip del navegador"
    second.find_element(By.ID, "reload").click()
    wait(second).until(lambda d: cell(d, 0, "input.field-title") == "Clip del navegador")
    assert not second.find_element(By.ID, "conflict").is_displayed()
