package com.quickcart.e2e;

import com.quickcart.testsupport.SandboxPersona;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox chat in a real headless Chromium, against the five services: what a newcomer does
 * after deploy/local/up.sh. Every step is a click or a keystroke on the page; the page turns them
 * into Telegram updates for the ingress and shows what the bot sends back.
 */
class SandboxChatBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Pattern ORDER_ID = Pattern.compile("QC-[0-9A-Z]{10}");
    private static final SandboxPersona SITI = SandboxPersona.ALL.getFirst();
    /** Kept for the README's picture (copied to docs/sandbox-chat.png by hand when the page changes). */
    private static final Path SCREENSHOT = Path.of("target", "sandbox-chat.png");

    private static Cluster cluster;
    private static HeadlessChromium chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void openTheSandbox() {
        cluster = Cluster.shared();
        chromium = HeadlessChromium.start(460, 1280);
        browser = chromium.driver();
        // The page redraws a chat whenever the bot says something: an element found a moment ago may be gone.
        wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementNotInteractableException.class);
    }

    @AfterAll
    static void closeTheBrowser() throws Exception {
        if (chromium != null) {
            // What the page showed last, for whoever reads a failure in CI.
            Files.write(Path.of("target", "sandbox-last-page.png"), chromium.driver().getScreenshotAs(OutputType.BYTES));
            Files.writeString(Path.of("target", "sandbox-last-page.html"), chromium.driver().getPageSource());
            chromium.close();
        }
    }

    @Test
    void aNewcomerBuysWithQrisPaysOnTheCheckoutPageGetsTheGoodsAndTheOperatorAnswersTheirQuestion() throws Exception {
        long product = cluster.newProduct("Canva Pro 1 Month", 25_000, 2);
        browser.get(cluster.botApi.sandboxUrl() + "#" + SITI.id());

        // Onboarding: START, a name, then Skip twice (each Skip edits the prompt in place, as Telegram shows).
        click(By.id("start"));
        bubbleContaining("What should we call you?");
        type("Siti");
        bubbleContaining("WhatsApp number");
        tap("Skip");
        bubbleContaining("email address");
        wait.until(d -> d.findElements(By.cssSelector("#messages .bubble")).getLast().getText().contains("edited"));
        tap("Skip");
        bubbleContaining("welcome to " + Cluster.STORE_NAME);

        // The reply keyboard under the input, then the product by its number.
        click(By.xpath("//div[@id='reply-keyboard']//button[contains(., 'Products')]"));
        bubbleContaining("Choose a category");
        type(Long.toString(product));
        bubbleContaining("Canva Pro 1 Month");
        tap("Buy 1");
        bubbleContaining("Order summary");
        tap("Pay with QRIS");

        // The QR arrives as a photo, with Pakasir's total and a link to the checkout page.
        String qr = bubbleContaining("Scan to pay order");
        Matcher orderId = ORDER_ID.matcher(qr);
        assertThat(orderId.find()).isTrue();
        assertThat(qr).contains("Rp 25.485"); // 25.000 + Pakasir's 0.7 % + Rp 310
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const img = document.querySelector('#messages img.photo'); return !!img && img.complete && img.naturalWidth > 0"));

        String chat = browser.getWindowHandle();
        click(By.xpath("//a[contains(., 'Pay on the checkout page')]"));
        wait.until(d -> d.getWindowHandles().size() == 2);
        browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(chat)).findFirst().orElseThrow());
        assertThat(wait.until(d -> d.findElement(By.id("order-id"))).getText()).isEqualTo(orderId.group());
        click(By.id("pay"));
        assertThat(wait.until(d -> d.findElement(By.id("status"))).getText()).contains("Payment completed");
        browser.close();
        browser.switchTo().window(chat);

        // The goods, in the chat, as the order completes.
        String goods = bubbleContaining("KEY-" + product + "-1");
        assertThat(goods).contains("Order " + orderId.group(), "Canva Pro 1 Month");
        wait.until(d -> cluster.orderStatus(orderId.group()).equals("COMPLETED"));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, chromium.driver().getScreenshotAs(OutputType.BYTES));

        // A question for the store, answered by the operator in their own chat.
        click(By.xpath("//div[@id='reply-keyboard']//button[contains(., 'Contact admin')]"));
        bubbleContaining("Send your message");
        type("Is there a student discount?");
        bubbleContaining("Sent to the admins");

        By operator = By.id("person-" + SandboxPersona.OPERATOR_ID);
        wait.until(d -> d.findElement(operator).getText().contains("new")); // an unread badge on the operator's chat
        click(operator);
        assertThat(bubbleContaining("Is there a student discount?")).contains("Siti", "#T");
        click(By.xpath(bubbleXpath("Is there a student discount?") + "//a[contains(@class,'reply')]"));
        assertThat(browser.findElement(By.id("replying")).isDisplayed()).isTrue();
        type("Yes: 10% off with the voucher HEMAT10.");
        bubbleContaining("Sent to user " + SITI.id());

        click(By.id("person-" + SITI.id()));
        bubbleContaining("Answer from the store");
        bubbleContaining("Yes: 10% off with the voucher HEMAT10.");
    }

    /** The text of the newest bubble that contains {@code text}, once the bot has sent it. */
    private static String bubbleContaining(String text) {
        return wait.until(d -> {
            List<WebElement> bubbles = d.findElements(By.xpath(bubbleXpath(text)));
            return bubbles.isEmpty() ? null : bubbles.getLast().getText();
        });
    }

    private static String bubbleXpath(String text) {
        return "//*[@id='messages']//div[contains(@class,'bubble')][contains(., " + xpathLiteral(text) + ")]";
    }

    /** Taps the newest inline button labelled {@code label}; the chat redraws as the bot answers, so a stale button is looked up again. */
    private static void tap(String label) {
        click(By.xpath("(//*[@id='messages']//div[contains(@class,'inline-keyboard')]//button[contains(., " + xpathLiteral(label) + ")])[last()]"));
    }

    private static void click(By target) {
        wait.until(d -> {
            d.findElement(target).click();
            return true;
        });
    }

    private static void type(String text) {
        browser.findElement(By.id("input")).sendKeys(text + Keys.ENTER);
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
