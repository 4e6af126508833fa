"""Login, roles, logout and language on the real server in a real browser."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions

from conftest import ROLES, login, screenshot, status_with_cookie, wait

# The sections' links each role sees in the header (Spanish labels), in order.
LINKS = {
    "viewer": ["Ver"],
    "producer": ["Ver", "Estudio"],
    "operator": ["Ver", "Estudio", "Control"],
    "admin": ["Ver", "Estudio", "Control", "Administración"],
}


def user_name(role):
    return "admin-user" if role == "admin" else role


def nav_links(driver):
    return [link.text for link in driver.find_elements(By.CSS_SELECTOR, "nav.sections a")]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_logs_in_and_sees_the_links_of_its_role(server, browser, role):
    driver = browser()
    login(driver, server, user_name(role), server.token[role])
    assert driver.current_url == server.url("/")
    assert nav_links(driver) == LINKS[role]
    assert user_name(role) in driver.find_element(By.CSS_SELECTOR, "header .who").text
    session = next(c for c in driver.get_cookies() if c["name"] == "sretv_session")
    assert session["httpOnly"] and session["sameSite"] == "Strict" and session["path"] == "/"


def test_a_viewer_gets_403_on_the_studio_control_room_and_admin_pages(server, browser):
    driver = browser()
    login(driver, server, "viewer", server.token["viewer"])
    for path in ["/studio", "/control", "/admin"]:
        assert status_with_cookie(driver, server, path) == 403, path
        driver.get(server.url(path))
        assert driver.find_element(By.TAG_NAME, "h1").text == "Sin permiso"
        assert "espectador" in driver.find_element(By.CSS_SELECTOR, "[role=alert]").text or "viewer" in driver.page_source
    screenshot(driver, "forbidden")


def test_a_page_without_login_leads_to_the_login_and_back(server, browser):
    driver = browser()
    driver.get(server.url("/admin?before=5"))
    assert driver.current_url == server.url("/login?next=/admin%3Fbefore%3D5")
    driver.find_element(By.ID, "name").send_keys("admin-user")
    driver.find_element(By.ID, "token").send_keys(server.token["admin"])
    driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]").click()
    wait(driver).until(expected_conditions.url_to_be(server.url("/admin?before=5")))


def test_a_wrong_token_is_refused_with_a_clear_message(server, browser):
    driver = browser()
    driver.get(server.url("/login"))
    assert "sretv user add" in driver.find_element(By.ID, "login-note").text  # the token is the secret, said on the page
    driver.find_element(By.ID, "name").send_keys("viewer")
    driver.find_element(By.ID, "token").send_keys(server.token["producer"])  # a real token, of someone else
    driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]").click()
    alert = wait(driver).until(expected_conditions.visibility_of_element_located((By.ID, "login-error")))
    assert "no son correctos" in alert.text
    assert driver.find_element(By.ID, "name").get_attribute("value") == "viewer"
    assert not any(c["name"] == "sretv_session" for c in driver.get_cookies())
    screenshot(driver, "login-refused")


def test_logout_ends_the_session(server, browser):
    driver = browser()
    login(driver, server, "producer", server.token["producer"])
    cookies = driver.get_cookies()
    assert status_with_cookie(driver, server, "/api/channels", cookies=cookies) == 200
    driver.find_element(By.CSS_SELECTOR, "form.logout button").click()
    wait(driver).until(expected_conditions.url_to_be(server.url("/login")))
    driver.get(server.url("/"))
    assert driver.current_url.startswith(server.url("/login"))
    # The old cookie, replayed, is no login any more.
    assert status_with_cookie(driver, server, "/api/channels", cookies=cookies) == 401


def test_the_language_switch_shows_english_and_is_remembered(server, browser):
    driver = browser()
    driver.get(server.url("/login"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    assert driver.find_element(By.TAG_NAME, "h1").text == "Iniciar sesión"
    driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang=en]").click()
    wait(driver).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Log in"
    login(driver, server, "operator", server.token["operator"])
    assert nav_links(driver) == ["Watch", "Studio", "Control room"]
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang=es]").click()
    wait(driver).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es")
    assert nav_links(driver) == LINKS["operator"]
