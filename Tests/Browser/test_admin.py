"""The admin page: users and roles, a new user's token shown once, the audit log."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select

from conftest import login, screenshot, wait


def test_an_admin_creates_a_user_whose_token_then_logs_in(server, browser):
    driver = browser()
    login(driver, server, "admin-user", server.token["admin"], path="/login?next=/admin")
    assert driver.current_url == server.url("/admin")
    listed = [row.get_attribute("data-user") for row in driver.find_elements(By.CSS_SELECTOR, "#users tbody tr")]
    assert {"admin", "admin-user", "viewer", "producer", "operator"} <= set(listed)
    driver.find_element(By.ID, "new-name").send_keys("lucia")
    Select(driver.find_element(By.ID, "new-role")).select_by_value("producer")
    driver.find_element(By.CSS_SELECTOR, "#add-user button[type=submit]").click()
    token = wait(driver).until(expected_conditions.visibility_of_element_located((By.ID, "new-token")))
    assert "lucia" in driver.find_element(By.CSS_SELECTOR, "#token-result label").text
    assert driver.switch_to.active_element == token  # focus moves to the token, ready to copy
    secret = token.get_attribute("value")
    assert secret.startswith("sretv_") and len(secret) == 49
    assert driver.find_element(By.CSS_SELECTOR, "#users tr[data-user=lucia]").get_attribute("data-role") == "producer"
    assert driver.find_element(By.CSS_SELECTOR, "#users tr[data-user=lucia] button.new-token").get_attribute("data-role") == "producer"
    screenshot(driver, "admin")
    # The token works in another browser, once, as a producer.
    other = browser()
    login(other, server, "lucia", secret)
    assert [link.text for link in other.find_elements(By.CSS_SELECTOR, "nav.sections a")] == ["Ver", "Estudio"]
    # The audit log, newest first, tells both.
    driver.refresh()
    actions = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "#audit tbody td:nth-child(3)")]
    assert actions[:2] == ["session.start", "user.save"]
    ids = [int(row.get_attribute("data-id")) for row in driver.find_elements(By.CSS_SELECTOR, "#audit tbody tr")]
    assert ids == sorted(ids, reverse=True)


def test_the_audit_log_pages_back_to_older_entries(server, browser):
    driver = browser()
    login(driver, server, "admin-user", server.token["admin"])
    for index in range(50):  # enough entries for more than one page of 50
        server.add_user(f"bulk-{index}", "viewer")
    driver.get(server.url("/admin"))
    first = [int(row.get_attribute("data-id")) for row in driver.find_elements(By.CSS_SELECTOR, "#audit tbody tr")]
    assert len(first) == 50
    driver.find_element(By.CSS_SELECTOR, ".pager a[rel=next]").click()
    wait(driver).until(expected_conditions.url_contains(f"before={first[-1]}"))
    older = [int(row.get_attribute("data-id")) for row in driver.find_elements(By.CSS_SELECTOR, "#audit tbody tr")]
    assert older and max(older) < min(first)
