"""The watch page: the channel plays in <video>, on air and up next, today's guide."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import login, screenshot, wait


def test_the_watch_page_plays_the_channel_and_shows_the_guide(server, browser):
    driver = browser()
    login(driver, server, "viewer", server.token["viewer"])
    video = driver.find_element(By.ID, "player")
    assert "/hls/sretv-demo/index.m3u8?user=viewer&expires=" in video.get_attribute("src")
    # Chromium plays HLS natively: the picture arrives (HAVE_CURRENT_DATA or more, a real width).
    wait(driver, 90).until(lambda d: d.execute_script(
        "const v = document.getElementById('player'); return v.readyState >= 2 && v.videoWidth > 0;"))
    assert driver.execute_script("return document.getElementById('player').videoWidth") == 1280
    assert driver.find_element(By.ID, "hls-note").get_attribute("hidden") is not None
    # On air and next, from the server and then from /api/channels/sretv-demo/now.
    assert driver.find_element(By.ID, "now-title").text not in ("", "El canal no está al aire.")
    assert driver.find_element(By.ID, "now-times").text.count(":") == 2
    assert driver.find_element(By.ID, "next").text != ""
    wait(driver).until(lambda d: float(d.find_element(By.ID, "now-progress").get_attribute("value")) > 0)
    # Today's guide, with the programme on air marked, categories and tags.
    rows = driver.find_elements(By.CSS_SELECTOR, "table.guide tbody tr")
    assert len(rows) >= 3
    assert len(driver.find_elements(By.CSS_SELECTOR, "table.guide tr[aria-current=time]")) == 1
    assert driver.find_elements(By.CSS_SELECTOR, "table.guide .tag")
    assert driver.find_element(By.CSS_SELECTOR, "header .brand").text.endswith("SREtv Demo")
    driver.execute_script("document.getElementById('player').pause()")  # a still frame for the screenshot
    screenshot(driver, "watch")


def test_the_channel_switcher_appears_with_a_second_channel(server, browser):
    driver = browser()
    login(driver, server, "admin-user", server.token["admin"])
    assert not driver.find_elements(By.ID, "channel") or driver.find_elements(By.CSS_SELECTOR, "#channel option")
    # The page's own API helper, with the session cookie and its CSRF header.
    answer = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        SREtv.api('POST', '/api/channels', {id: 'cultura', name: 'Cultura', timezone: 'Europe/Madrid'})
          .then(() => 'created', (error) => error.status === 409 ? 'created' : error.message).then(done);""")
    assert answer == "created"
    driver.get(server.url("/"))
    assert driver.find_element(By.CSS_SELECTOR, "header .brand").text.endswith("SREtv Demo")  # the channel on air comes first
    Select(driver.find_element(By.ID, "channel")).select_by_visible_text("Cultura")
    driver.find_element(By.CSS_SELECTOR, "form.switcher button").click()
    wait(driver).until(lambda d: d.current_url == server.url("/?channel=cultura"))
    assert driver.find_element(By.CSS_SELECTOR, "header .brand").text.endswith("Cultura")
    assert driver.find_element(By.ID, "now-title").text == "El canal no está al aire."
    assert "Europe/Madrid" in driver.find_element(By.CSS_SELECTOR, "section.guide .note").text
