package parkgrid.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in on the map: an admin makes an editor token through the API, the user pastes it into the title
 * box's sign-in form, and the page shows the holder and role that /me answers for that token (so http.js sent
 * it); the token stays for the tab across a reload and is gone after signing out.
 */
class MapSignInBrowserTest extends BrowserTestSupport {
    @Test
    void aTokenMadeByTheApiSignsInAndTheMapShowsTheRole() throws Exception {
        String admin = app.store().tokens().issue("管理员 张三", "admin", "测试").secret();
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/tokens"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"规划员 王五\", \"role\": \"editor\"}", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(201, made.statusCode(), made.body());
        String token = JSON.readTree(made.body()).get("token").asText();

        assertTrue(driver.findElement(By.id("pg-caller")).getText().contains("未登录"));
        driver.findElement(By.id("pg-signin-toggle")).click();
        driver.findElement(By.id("pg-token")).sendKeys(token);
        driver.findElement(By.id("pg-signin-submit")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(d -> d.findElement(By.id("pg-caller")).getText().contains("规划员 王五"));
        String shown = driver.findElement(By.id("pg-caller")).getText();
        assertTrue(shown.contains("editor") && shown.contains("编辑"), shown);
        assertEquals("editor", js.executeScript("return window.parkgrid.caller.role"));
        assertEquals(token, js.executeScript("return sessionStorage.getItem('parkgrid.token')"));
        screenshot("map-signed-in.png");

        driver.navigate().refresh();
        wait.until(d -> Boolean.TRUE.equals(js.executeScript("return !!(window.parkgrid && window.parkgrid.ready)")));
        assertNull(js.executeScript("return window.parkgrid.error"));
        assertTrue(driver.findElement(By.id("pg-caller")).getText().contains("规划员 王五"), "still signed in after a reload");

        driver.findElement(By.id("pg-signin-toggle")).click();
        wait.until(d -> d.findElement(By.id("pg-caller")).getText().contains("未登录"));
        assertNull(js.executeScript("return sessionStorage.getItem('parkgrid.token')"));
        assertEquals("public", js.executeScript("return window.parkgrid.caller.role"));
    }
}
