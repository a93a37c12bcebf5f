package com.quickcart.e2e;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}; deploy/local/test.sh
 * installs them), headless, with a new empty profile, and with every background fetch switched
 * off: a closed network would otherwise be flooded with Google's update and sync requests.
 * Paths can be overridden with {@code QC_CHROMIUM} and {@code QC_CHROMEDRIVER}.
 */
record HeadlessChromium(ChromeDriver driver, Path profile) implements AutoCloseable {

    static HeadlessChromium start(int width, int height) {
        File browser = executable("QC_CHROMIUM", "/usr/bin/chromium");
        File driver = executable("QC_CHROMEDRIVER", "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("qc-chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        // Naming the driver keeps Selenium Manager (which would download one) out of it.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        File file = new File(configured == null || configured.isBlank() ? fallback : configured);
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing: run deploy/local/test.sh, which installs Debian's chromium and "
                    + "chromium-driver, or point " + variable + " at one");
        }
        return file;
    }
}
